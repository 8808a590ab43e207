import Link from 'next/link';
import type { ScreeningSummary } from '@/domain/catalogue/screenings';
import { canBook } from '@/domain/inventory/availability';
import { formatDayShort, formatTime } from '@/lib/time';
import { ButtonLink } from '@/components/ui/ButtonLink';
import { FeatureList } from './FeatureList';
import { SaleStatusBadge } from './SaleStatusBadge';

/** A list of screenings with their live status and a booking action each. */
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
                <Link href={`/screenings/${s.id}`} className="underline-offset-4 hover:underline">
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
                <SaleStatusBadge state={s.saleState} />
                <FeatureList features={s.features} hasQa={s.hasQa} />
              </div>
            </div>
            {canBook(s.saleState) ? (
              <ButtonLink href={`/screenings/${s.id}/book`} label={`Book tickets: ${s.title}, ${when} at ${s.venue.name}`}>
                Book tickets
              </ButtonLink>
            ) : (
              <ButtonLink href={`/screenings/${s.id}`} variant="secondary" label={`Details: ${s.title}, ${when} at ${s.venue.name}`}>
                Details
              </ButtonLink>
            )}
          </li>
        );
      })}
    </ul>
  );
}
