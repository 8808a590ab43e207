import type { Metadata } from 'next';
import Link from 'next/link';
import { BoxOfficeNav, boxOfficeSections } from '@/components/box-office/BoxOfficeNav';
import { Container } from '@/components/ui/Container';
import { PageHeading } from '@/components/ui/PageHeading';
import { requirePermission } from '@/web/auth/guards';

export const metadata: Metadata = { title: 'Box office', robots: { index: false } };

/** The box office's front page: the sections this person may open. */
export default async function BoxOfficePage() {
  const user = await requirePermission('access.reports');
  return (
    <Container>
      <PageHeading lead="Access allocations, partners, donation requests, the access fund and reports.">Box office</PageHeading>
      <BoxOfficeNav user={user} current="/box-office" />
      <ul className="grid gap-3 sm:grid-cols-2">
        {boxOfficeSections(user).map((s) => (
          <li key={s.href}>
            <Link href={s.href} className="block rounded-lg border border-stone-300 bg-white p-4 font-semibold underline-offset-4 hover:underline">
              {s.label}
            </Link>
          </li>
        ))}
      </ul>
    </Container>
  );
}
