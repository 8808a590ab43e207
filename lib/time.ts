/**
 * Festival-time helpers. Everything shown to a person is in the festival's
 * time zone, whatever the server's TZ, so formatting always passes the zone.
 */

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(timeZone, f);
  }
  return f;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function wallClock(instant: Date, timeZone: string): WallClock {
  const parts = partsFormatter(timeZone).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? '0');
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

function offsetMs(instant: Date, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** The instant at which the festival's clocks read `date` `time` (e.g. "2026-11-27", "18:30"). */
export function zonedTimeToUtc(date: string, time: string, timeZone: string): Date {
  const d = ISO_DATE.exec(date);
  const t = HH_MM.exec(time);
  if (!d || !t) throw new Error(`Invalid local date/time: ${date} ${time}`);
  const guess = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  const first = offsetMs(new Date(guess), timeZone);
  let result = guess - first;
  const second = offsetMs(new Date(result), timeZone);
  if (second !== first) result = guess - second;
  return new Date(result);
}

/** The festival-local calendar date of an instant, as YYYY-MM-DD. */
export function localDate(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
  const m = ISO_DATE.exec(date);
  if (!m) throw new Error(`Invalid date: ${date}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days)).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/**
 * The instants [start, end) of a festival-local calendar day. Queries filter
 * on these instead of PostgreSQL's AT TIME ZONE so that one copy of the zone
 * rules (Node's) decides both what is stored and what is shown: the database's
 * tz data can be a different release.
 */
export function localDayRange(date: string, timeZone: string): { start: Date; end: Date } {
  return { start: zonedTimeToUtc(date, '00:00', timeZone), end: zonedTimeToUtc(addDays(date, 1), '00:00', timeZone) };
}

/** Minutes since local midnight, for placing a screening on the schedule grid. */
export function localMinutes(instant: Date, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  return w.hour * 60 + w.minute;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function cachedFormatter(timeZone: string, key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${timeZone}|${key}`;
  let f = formatters.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, ...options });
    formatters.set(id, f);
  }
  return f;
}

/** "7:30 p.m." */
export function formatTime(instant: Date, timeZone: string): string {
  return cachedFormatter(timeZone, 'time', { hour: 'numeric', minute: '2-digit', hour12: true }).format(instant);
}

/** "Friday, November 27" */
export function formatDayLong(instant: Date, timeZone: string): string {
  return cachedFormatter(timeZone, 'dayLong', { weekday: 'long', month: 'long', day: 'numeric' }).format(instant);
}

/** "Fri, Nov 27" */
export function formatDayShort(instant: Date, timeZone: string): string {
  return cachedFormatter(timeZone, 'dayShort', { weekday: 'short', month: 'short', day: 'numeric' }).format(instant);
}

/** "Fri, Nov 27, 7:30 p.m. PST" */
export function formatDateTime(instant: Date, timeZone: string): string {
  return cachedFormatter(timeZone, 'dateTime', {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    hour12: true,
    timeZoneName: 'short',
  }).format(instant);
}

/** "PST" / "PDT" for a given instant. */
export function zoneAbbreviation(instant: Date, timeZone: string): string {
  const parts = cachedFormatter(timeZone, 'zone', { timeZoneName: 'short' }).formatToParts(instant);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

/** A calendar date (YYYY-MM-DD, no instant) as "Friday, November 27"; noon UTC avoids any zone shift. */
export function formatIsoDateLong(date: string): string {
  return formatDayLong(new Date(`${date}T12:00:00Z`), 'UTC');
}

export function formatIsoDateShort(date: string): string {
  return formatDayShort(new Date(`${date}T12:00:00Z`), 'UTC');
}
