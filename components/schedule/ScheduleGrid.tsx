import Link from 'next/link';
import type { ScreeningSummary } from '@/domain/catalogue/screenings';
import type { VenueSummary } from '@/domain/catalogue/venues';
import { LiveSaleStateText } from '@/components/screenings/LiveSaleState';
import { formatTime, localMinutes } from '@/lib/time';

const HOUR_WIDTH = 84; // px per hour: a festival day fits a desktop screen, a two-hour film still has room for its title

/**
 * One festival day as venues × time. Each venue is a list of its screenings in
 * time order, so the grid reads sensibly to a screen reader and by keyboard.
 */
export function ScheduleGrid({ venues, screenings, timeZone }: { venues: VenueSummary[]; screenings: ScreeningSummary[]; timeZone: string }) {
  const starts = screenings.map((s) => localMinutes(s.startsAt, timeZone));
  const ends = screenings.map((s) => {
    const m = localMinutes(s.endsAt, timeZone);
    return m < localMinutes(s.startsAt, timeZone) ? m + 24 * 60 : m; // runs past midnight
  });
  const firstHour = Math.floor(Math.min(...starts) / 60);
  const lastHour = Math.ceil(Math.max(...ends) / 60);
  const hours = Array.from({ length: lastHour - firstHour }, (_, i) => firstHour + i);
  const width = hours.length * HOUR_WIDTH;
  const x = (minutes: number) => ((minutes - firstHour * 60) / 60) * HOUR_WIDTH;

  return (
    <div className="overflow-x-auto rounded-lg border border-stone-300 bg-white" tabIndex={0} role="region" aria-label="Schedule grid, scrolls sideways">
      <div style={{ width: width + 160 }} className="relative">
        <div className="flex border-b border-stone-300 text-xs text-muted" aria-hidden="true">
          <div className="w-40 shrink-0" />
          {hours.map((h) => (
            <div key={h} style={{ width: HOUR_WIDTH }} className="border-l border-stone-200 px-1 py-1">
              {((h + 11) % 12) + 1}
              {h % 24 < 12 ? ' a.m.' : ' p.m.'}
            </div>
          ))}
        </div>
        {venues.map((venue) => {
          const own = screenings.filter((s) => s.venue.slug === venue.slug);
          return (
            <section key={venue.slug} aria-labelledby={`venue-row-${venue.slug}`} className="flex border-b border-stone-200 last:border-b-0">
              <h2 id={`venue-row-${venue.slug}`} className="w-40 shrink-0 p-2 text-sm font-semibold">
                <Link href={`/venues/${venue.slug}`} className="underline-offset-2 hover:underline">
                  {venue.name}
                </Link>
              </h2>
              {own.length === 0 ? (
                <p className="p-2 text-sm text-muted">No screenings</p>
              ) : (
                <ul className="relative h-24" style={{ width }}>
                  {own.map((s) => {
                    const start = localMinutes(s.startsAt, timeZone);
                    let end = localMinutes(s.endsAt, timeZone);
                    if (end < start) end += 24 * 60;
                    const cancelled = s.saleState === 'cancelled';
                    return (
                      <li key={s.id} className="absolute top-2 bottom-2" style={{ left: x(start), width: Math.max(60, x(end) - x(start) - 4) }}>
                        <Link
                          href={`/screenings/${s.id}`}
                          prefetch={false}
                          className={`block h-full overflow-hidden rounded-md border p-1.5 text-xs leading-tight ${cancelled ? 'border-stone-400 bg-stone-100 line-through' : 'border-accent bg-rose-50 hover:bg-rose-100'}`}
                        >
                          <span className="block font-semibold">{s.title}</span>
                          <span className="block">
                            <time dateTime={s.startsAt.toISOString()}>{formatTime(s.startsAt, timeZone)}</time>
                          </span>
                          <span className="block">
                            <LiveSaleStateText screeningId={s.id} initial={s.saleState} />
                          </span>
                        </Link>
                      </li>
                    );
                  })}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </div>
  );
}
