import type { Metadata } from 'next';
import Link from 'next/link';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { listRushScreenings } from '@/domain/rush/queries';
import { formatDayShort, formatTime } from '@/lib/time';
import { BoxOfficeNav } from '@/components/box-office/BoxOfficeNav';
import { Container } from '@/components/ui/Container';
import { PageHeading } from '@/components/ui/PageHeading';
import { requirePermission } from '@/web/auth/guards';

export const metadata: Metadata = { title: 'Rush lines', robots: { index: false } };

const STATUS_LABEL = { open: 'Handing out numbers', calling: 'Calling numbers', closed: 'Closed' } as const;

/** Today's and the next screenings: open a rush line for a sold-out one, or go to its line. */
export default async function RushLinesPage() {
  const user = await requirePermission('door.sell');
  const festival = await requireCurrentFestival();
  const screenings = await listRushScreenings(festival);
  const tz = festival.timeZone;
  return (
    <Container>
      <PageHeading lead="When a screening is sold out, open its rush line, hand out queue numbers, and at the call time sell the places that are free to the numbers in order.">
        Rush lines
      </PageHeading>
      <BoxOfficeNav user={user} current="/box-office/rush" />
      {screenings.length === 0 ? <p>No screenings today or later.</p> : null}
      <ul className="grid gap-3">
        {screenings.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-stone-300 bg-white p-4">
            <div>
              <p className="font-semibold">{s.title}</p>
              <p className="text-sm text-muted">
                <time dateTime={s.startsAt.toISOString()}>
                  {formatDayShort(s.startsAt, tz)}, {formatTime(s.startsAt, tz)}
                </time>{' '}
                · {s.venue} · {s.left === 0 ? 'sold out' : `${s.left} left on general sale`}
                {s.line ? ` · rush line: ${STATUS_LABEL[s.line.status]}${s.line.status !== 'closed' ? `, ${s.line.waiting} waiting` : ''}` : ''}
              </p>
            </div>
            <Link href={`/box-office/rush/${s.id}`} className="min-h-11 rounded-md border border-stone-500 px-3 py-2 font-semibold underline-offset-4 hover:underline">
              {s.line ? 'Run the rush line' : s.left === 0 ? 'Open a rush line' : 'Rush line'}
              <span className="sr-only"> for {s.title}, {formatTime(s.startsAt, tz)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </Container>
  );
}
