import Link from 'next/link';
import type { ScreeningSummary } from '@/domain/catalogue/screenings';
import { formatDayShort, formatTime } from '@/lib/time';
import { FeatureList } from './FeatureList';
import { LiveBookingLink, LiveSaleStatusBadge } from './LiveSaleState';

/**
 * A list of screenings with their live status and a booking action each. The status and the action are client islands
 * (LiveSaleState.tsx): the pages that show this list are cached, the availability is not.
 */
export function ScreeningList({
  screenings,
  timeZone,
  showTitle = false,
  compact = false,
}: {
  screenings: ScreeningSummary[];
  timeZone: string;
  showTitle?: boolean;
  compact?: boolean;
}) {
  if (screenings.length === 0) return <p className="text-sm text-muted">No upcoming screenings.</p>;
  return (
    <ul className="divide-y divide-stone-200 rounded-md border border-stone-300 bg-white">
      {screenings.map((s) => {
        const when = `${formatDayShort(s.startsAt, timeZone)}, ${formatTime(s.startsAt, timeZone)}`;
        return (
          <li key={s.id} className={`flex flex-col gap-2 ${compact ? 'p-2' : 'p-3'} sm:flex-row sm:items-center sm:justify-between`}>
            <div className="min-w-0">
              <p className="font-semibold">
                <Link href={`/screenings/${s.id}`} prefetch={false} className="underline-offset-4 hover:underline">
                  <time dateTime={s.startsAt.toISOString()}>{when}</time>
                  {showTitle ? <span className="font-normal"> · {s.title}</span> : null}
                </Link>
              </p>
              <p className="text-sm text-muted">
                <Link href={`/venues/${s.venue.slug}`} className="underline underline-offset-2">
                  {s.venue.name}
                </Link>
              </p>
              <div className="mt-1 flex flex-wrap items-center gap-2">
                <LiveSaleStatusBadge screeningId={s.id} initial={s.saleState} />
                <FeatureList features={s.features} hasQa={s.hasQa} />
              </div>
            </div>
            <LiveBookingLink screeningId={s.id} initial={s.saleState} describedAs={`${s.title}, ${when} at ${s.venue.name}`} />
          </li>
        );
      })}
    </ul>
  );
}
