import type { Metadata } from 'next';
import Link from 'next/link';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { listScreenings } from '@/domain/catalogue/screenings';
import { listVenues } from '@/domain/catalogue/venues';
import { isIsoDate, formatIsoDateLong, formatIsoDateShort, localDate } from '@/lib/time';
import { ScheduleGrid } from '@/components/schedule/ScheduleGrid';
import { Container } from '@/components/ui/Container';
import { Notice } from '@/components/ui/Notice';
import { PageHeading } from '@/components/ui/PageHeading';

export const metadata: Metadata = { title: 'Schedule', description: 'Day by day, venue by venue: every screening of the festival with its time and availability.' };

export default async function SchedulePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const festival = await requireCurrentFestival();
  const raw = (await searchParams).day;
  const requested = typeof raw === 'string' ? raw : undefined;
  const today = localDate(new Date(), festival.timeZone);
  const fallback = festival.days.includes(today) ? today : festival.days[0]!;
  const valid = requested !== undefined && isIsoDate(requested) && festival.days.includes(requested);
  const day = valid ? requested : fallback;
  const [venues, screenings] = await Promise.all([listVenues(festival), listScreenings(festival, { day })]);

  return (
    <Container>
      <PageHeading lead="Every screening of one festival day, by venue.">Schedule for {formatIsoDateLong(day)}</PageHeading>
      {requested !== undefined && !valid ? (
        <div className="mb-4">
          <Notice title="Day not in the festival" tone="warn">
            {requested} is not a festival day; showing {formatIsoDateLong(day)} instead.
          </Notice>
        </div>
      ) : null}
      <nav aria-label="Festival days" className="mb-4">
        <ul className="flex gap-2 overflow-x-auto pb-2">
          {festival.days.map((d) => (
            <li key={d}>
              <Link
                href={`/schedule?day=${d}`}
                aria-current={d === day ? 'page' : undefined}
                className={`inline-block whitespace-nowrap rounded-full border px-3 py-2 text-sm ${d === day ? 'border-accent bg-accent text-white' : 'border-stone-400'}`}
              >
                {formatIsoDateShort(d)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {screenings.length === 0 ? (
        <p>No screenings on this day.</p>
      ) : (
        <ScheduleGrid venues={venues} screenings={screenings} timeZone={festival.timeZone} />
      )}
    </Container>
  );
}
