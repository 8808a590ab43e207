import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { can } from '@/domain/accounts/permissions';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { getDashboard } from '@/domain/reports/dashboard';
import { BoxOfficeNav, boxOfficeSections } from '@/components/box-office/BoxOfficeNav';
import { DashboardLive } from '@/components/box-office/DashboardLive';
import { Container } from '@/components/ui/Container';
import { PageHeading } from '@/components/ui/PageHeading';
import { serializeDashboard } from '@/web/api/serialize-dashboard';
import { requireUser } from '@/web/auth/guards';

export const metadata: Metadata = { title: 'Box office', robots: { index: false } };

/**
 * The box office's front page: the live dashboard for whoever reads reports, and always the sections this person may
 * open. Someone with no section at all (an audience member, a partner) is refused here, on the server.
 */
export default async function BoxOfficePage() {
  const user = await requireUser();
  const sections = boxOfficeSections(user);
  if (sections.length === 0) forbidden();
  const festival = await requireCurrentFestival();
  const dashboard = can(user, 'reports.read') ? serializeDashboard(await getDashboard(festival)) : null;
  return (
    <Container>
      <PageHeading lead={dashboard ? `${festival.name}: today's screenings, what is sold and checked in, and money in per day.` : 'The sections you may open.'}>
        Box office
      </PageHeading>
      <BoxOfficeNav user={user} current="/box-office" />
      {dashboard ? (
        <div className="mb-10">
          <DashboardLive initial={dashboard} />
          <p className="mt-4 text-sm">
            More in the <Link href="/box-office/sales" className="underline">sales reports</Link>.
          </p>
        </div>
      ) : null}
      <section aria-labelledby="sections">
        <h2 id="sections" className="mb-3 font-serif text-2xl font-bold">
          Sections
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2">
          {sections.map((s) => (
            <li key={s.href}>
              <Link href={s.href} className="block rounded-lg border border-stone-300 bg-white p-4 font-semibold underline-offset-4 hover:underline">
                {s.label}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </Container>
  );
}
