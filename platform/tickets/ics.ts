/**
 * iCalendar (RFC 5545) export of screenings, so buyers can add them to their calendars.
 * Times are written in UTC: every client converts them to the viewer's zone, and it
 * avoids shipping a VTIMEZONE block for the festival zone.
 */

export interface IcsEvent {
  uid: string;
  startsAt: Date;
  endsAt: Date;
  summary: string;
  location: string;
  description: string;
  url: string;
}

export interface IcsOptions {
  prodId: string;
  calendarName?: string;
  /** DTSTAMP (when the file was generated); injectable so output can be reproduced in tests. */
  now?: Date;
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** "20251202T033000Z". toISOString throws on an invalid Date, which is what we want. */
export function icsUtc(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/**
 * TEXT value escaping (RFC 5545 §3.3.11). Any line break becomes "\n"; other
 * control characters are not allowed in a content line at all, so they are dropped.
 */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, '');
}

/** URI values are not TEXT-escaped (a "\," would corrupt the link), but a line break would end the property early. */
function sanitizeUri(value: string): string {
  return value.replace(/[\u0000-\u0020\u007f]/g, '');
}

function utf8Length(codePoint: string): number {
  return Buffer.byteLength(codePoint, 'utf8');
}

/**
 * Folds a content line so no physical line exceeds 75 octets (§3.1). Iterating by
 * code point (for...of) rather than UTF-16 unit or byte guarantees that a
 * multi-byte character is never split across lines. Continuation lines start
 * with one space, which counts towards their 75 octets.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = utf8Length(ch);
    if (octets + size > MAX_OCTETS) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join(CRLF);
}

function eventLines(event: IcsEvent, stamp: string): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${stamp}`,
    `DTSTART:${icsUtc(event.startsAt)}`,
    `DTEND:${icsUtc(event.endsAt)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    `LOCATION:${escapeText(event.location)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    `URL:${sanitizeUri(event.url)}`,
    'END:VEVENT',
  ];
}

function calendarNameLines(name: string | undefined): string[] {
  if (!name) return [];
  // NAME is the RFC 7986 property; X-WR-CALNAME is what Apple and Google Calendar actually read.
  return [`NAME:${escapeText(name)}`, `X-WR-CALNAME:${escapeText(name)}`];
}

export function renderIcs(events: IcsEvent[], opts: IcsOptions): string {
  const stamp = icsUtc(opts.now ?? new Date());
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${escapeText(opts.prodId)}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...calendarNameLines(opts.calendarName),
    ...events.flatMap((event) => eventLines(event, stamp)),
    'END:VCALENDAR',
  ];
  // Every line, the last included, ends with CRLF (§3.1: "contentline = ... CRLF").
  return lines.map(foldLine).join(CRLF) + CRLF;
}
