import type { Metadata } from 'next';
import Link from 'next/link';
import { BoxOfficeNav } from '@/components/box-office/BoxOfficeNav';
import { DoorScanner } from '@/components/check-in/DoorScanner';
import { Container } from '@/components/ui/Container';
import { PageHeading } from '@/components/ui/PageHeading';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { getDoorScreeningPage, listDoorScreeningsPage } from '@/domain/check-in/page-data';
import { formatDayLong, formatIsoDateLong, formatTime, isIsoDate, localDate } from '@/lib/time';
import { serializeSummary } from '@/web/api/check-in';
import { Uuid } from '@/web/api/schemas';
import { requirePermission } from '@/web/auth/guards';

export const metadata: Metadata = { title: 'Check-in', robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);

/** The door: pick one of the day's screenings, then scan (camera, photo, code or name) with live counts. */
export default async function CheckInPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission('door.check_in');
  const festival = await requireCurrentFestival();
  const query = await searchParams;
  const screeningParam = one(query.screening);
  const door = screeningParam && Uuid.safeParse(screeningParam).success ? await getDoorScreeningPage(user, screeningParam) : null;

  if (door) {
    const { screening, summary, conflicts } = door;
    return (
      <Container>
        <PageHeading lead={`${formatDayLong(screening.startsAt, screening.timeZone)}, ${formatTime(screening.startsAt, screening.timeZone)} · ${screening.venueName}`}>
          {`Check-in: ${screening.title}`}
        </PageHeading>
        <BoxOfficeNav user={user} current="/box-office/check-in" />
        <p className="mb-4 text-sm">
          <Link href="/box-office/check-in" className="underline underline-offset-4">
            Choose another screening
          </Link>
        </p>
        <DoorScanner screeningId={screening.id} initialSummary={serializeSummary(summary, conflicts, screening.timeZone)} />
      </Container>
    );
  }

  const dateParam = one(query.date);
  const date = dateParam && isIsoDate(dateParam) ? dateParam : localDate(new Date(), festival.timeZone);
  const screenings = await listDoorScreeningsPage(user, festival, date);
  return (
    <Container>
      <PageHeading lead="Choose the screening at your door. Each phone names itself (say, “Door 2”) and keeps a door list for when the network drops.">
        Check-in
      </PageHeading>
      <BoxOfficeNav user={user} current="/box-office/check-in" />
      {screeningParam ? (
        <p role="alert" className="mb-4 rounded-md border-l-4 border-amber-500 bg-amber-50 p-3">
          No such screening: choose one below.
        </p>
      ) : null}
      <form method="get" className="mb-6 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="door-date" className="block font-semibold">
            Day
          </label>
          <input id="door-date" type="date" name="date" defaultValue={date} className="mt-1 rounded-md border border-stone-500 bg-white px-3 py-2" />
        </div>
        <button type="submit" className="rounded-md border border-stone-500 bg-white px-4 py-2 font-semibold">
          Show
        </button>
        <Link href="/box-office/check-in/devices" className="ml-auto underline underline-offset-4">
          Door devices and API tokens
        </Link>
      </form>
      <h2 className="font-serif text-2xl font-bold">{formatIsoDateLong(date)}</h2>
      {screenings.length === 0 ? <p className="mt-2 text-muted">No screenings on this day.</p> : null}
      <ul className="mt-3 space-y-3">
        {screenings.map((s) => (
          <li key={s.id}>
            <Link
              href={`/box-office/check-in?screening=${s.id}`}
              className="block rounded-lg border border-stone-300 bg-white p-4 hover:border-ink focus-visible:border-ink"
            >
              <span className="block text-lg font-semibold">
                {formatTime(s.startsAt, festival.timeZone)} · {s.title}
              </span>
              <span className="block text-sm text-muted">
                {s.venueName} · {s.admitted} of {s.expected} admitted{s.status === 'cancelled' ? ' · cancelled' : ''}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </Container>
  );
}
