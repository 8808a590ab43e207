import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { renderOrderConfirmation } from '@/platform/email/order-confirmation';
import { renderAutomaticRefund } from '@/platform/email/refund-notice';
import { renderIcs, type IcsEvent } from '@/platform/tickets/ics';
import { renderTicketsPdf } from '@/platform/tickets/pdf';
import { qrPng, qrSvg } from '@/platform/tickets/qr';
import { formatScreeningTime, type TicketView } from '@/platform/tickets/types';

// 2025-12-02T03:30Z is 7:30 p.m. on Monday 1 December in Vancouver (PST, UTC-8).
const STARTS = new Date('2025-12-02T03:30:00Z');
const ENDS = new Date('2025-12-02T05:10:00Z');

function ticket(overrides: Partial<TicketView> = {}): TicketView {
  return {
    code: 'K7QF-2M9X-P4TC',
    festivalName: 'Northern Lights Film Festival',
    title: 'Amélie’s Return',
    startsAt: STARTS,
    endsAt: ENDS,
    timeZone: 'America/Vancouver',
    venueName: 'Vancity Theatre',
    venueAddress: '1181 Seymour St, Vancouver, BC',
    seatLabel: 'Row G, seat 6, wheelchair space',
    ticketTypeName: 'Adult',
    priceCents: 1800,
    currency: 'CAD',
    holderName: 'Špela Tušar',
    orderNumber: 'MQ-7K2P9Q',
    ticketUrl: 'https://marquee.example/t/K7QF-2M9X-P4TC',
    ...overrides,
  };
}

/* ---------- minimal PDF inspection (pdfkit writes uncompressed object dictionaries) ---------- */

function pdfText(pdf: Buffer): string {
  return pdf.toString('latin1');
}

/** Page objects, not the /Pages tree node. */
function countPages(pdf: Buffer): number {
  return pdfText(pdf).match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

function objectBody(source: string, ref: string): string {
  const start = source.indexOf(`\n${ref} obj`);
  expect(start, `object ${ref}`).toBeGreaterThan(-1);
  return source.slice(start, source.indexOf('endobj', start));
}

/** Decodes a PDF literal string "(...)": backslash escapes, then UTF-16BE when it has a BOM. */
function decodeLiteral(literal: string): string {
  const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
  const raw = literal.replace(/\\([0-7]{1,3}|.)/gs, (_m, e: string) =>
    /^[0-7]+$/.test(e) ? String.fromCharCode(parseInt(e, 8)) : (escapes[e] ?? e),
  );
  const bytes = Buffer.from(raw, 'latin1');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return raw;
}

/** Follows trailer /Info -> /Title (pdfkit stores it either inline or as an indirect string object). */
function pdfTitle(pdf: Buffer): string {
  const source = pdfText(pdf);
  const infoRef = /\/Info (\d+ \d+) R/.exec(source)?.[1];
  expect(infoRef).toBeDefined();
  const info = objectBody(source, infoRef!);
  const indirect = /\/Title (\d+ \d+) R/.exec(info)?.[1];
  const holder = indirect ? objectBody(source, indirect) : info;
  const literal = /\((.*)\)/s.exec(holder.slice(holder.indexOf(indirect ? 'obj' : '/Title')))?.[1];
  expect(literal).toBeDefined();
  return decodeLiteral(literal!);
}

describe('ticket PDF', () => {
  it('is a PDF with exactly one page per ticket and the screening title in its metadata', async () => {
    for (const n of [1, 3]) {
      const tickets = Array.from({ length: n }, (_, i) => ticket({ code: `AAAA-BBBB-000${i}` }));
      const pdf = await renderTicketsPdf(tickets);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(countPages(pdf)).toBe(n);
      expect(pdfText(pdf)).toMatch(new RegExp(`/Type /Pages\\s*/Count ${n}\\b`));
      const title = pdfTitle(pdf);
      expect(title).toContain('Amélie’s Return');
      expect(title).toContain('Northern Lights Film Festival');
    }
  });

  it('never spills onto an extra page, however long the text (both font paths)', async () => {
    const long = 'An Exceptionally Long Programme Title With Many Words '.repeat(30);
    const tickets = [
      ticket({ title: long, venueAddress: long, seatLabel: long, holderName: long, festivalName: long }),
      ticket({ seatLabel: null }),
    ];
    expect(countPages(await renderTicketsPdf(tickets))).toBe(2);
    expect(countPages(await renderTicketsPdf(tickets, { fontDir: '/nonexistent' }))).toBe(2);
  });

  it('embeds DejaVu when installed and falls back to Helvetica (with ? for CJK) otherwise', async () => {
    const t = ticket({ holderName: 'Bentaïeb 山田' });
    const fallback = pdfText(await renderTicketsPdf([t], { fontDir: '/nonexistent' }));
    expect(fallback).toContain('/BaseFont /Helvetica');
    expect(fallback).not.toContain('DejaVu');
    if (existsSync('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf')) {
      expect(pdfText(await renderTicketsPdf([t]))).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
    }
  });

  it('refuses an empty ticket list rather than writing an invalid PDF', async () => {
    await expect(renderTicketsPdf([])).rejects.toThrow(RangeError);
  });
});

describe('QR codes', () => {
  it('renders SVG markup, different for different inputs', async () => {
    const a = await qrSvg('https://marquee.example/t/AAAA');
    const b = await qrSvg('https://marquee.example/t/BBBB');
    expect(a).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*viewBox="0 0 \d+ \d+"/);
    expect(a.trim()).toMatch(/<\/svg>$/);
    expect(a).toContain('<path');
    expect(a).not.toBe(b);
  });

  it('renders a PNG, different for different inputs', async () => {
    const a = await qrPng('https://marquee.example/t/AAAA');
    const b = await qrPng('https://marquee.example/t/BBBB');
    expect([...a.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(a.equals(b)).toBe(false);
  });
});

describe('iCalendar', () => {
  const event: IcsEvent = {
    uid: 'K7QF-2M9X-P4TC@marquee.example',
    startsAt: STARTS,
    endsAt: ENDS,
    summary: 'Amélie, part 2; a \\ study',
    location: 'Vancity Theatre, 1181 Seymour St',
    description: 'Line one\nLine two\r\nSeat G6',
    url: 'https://marquee.example/t/K7QF-2M9X-P4TC?x=1,2',
  };
  const opts = { prodId: '-//Marquee//Tickets//EN', calendarName: 'Northern Lights', now: new Date('2025-11-20T12:00:00Z') };

  function unfold(ics: string): string {
    return ics.replace(/\r\n /g, '');
  }

  it('uses CRLF for every line and ends with one', () => {
    const ics = renderIcs([event, { ...event, uid: 'second' }], opts);
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('writes the calendar envelope and one VEVENT per event with UTC times', () => {
    const ics = unfold(renderIcs([event, { ...event, uid: 'second' }], opts));
    const lines = ics.split('\r\n');
    expect(lines.slice(0, 5)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Marquee//Tickets//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH']);
    expect(lines).toContain('X-WR-CALNAME:Northern Lights');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines).toContain('DTSTART:20251202T033000Z');
    expect(lines).toContain('DTEND:20251202T051000Z');
    expect(lines).toContain('DTSTAMP:20251120T120000Z');
    expect(lines).toContain('UID:K7QF-2M9X-P4TC@marquee.example');
    expect(lines).toContain('URL:https://marquee.example/t/K7QF-2M9X-P4TC?x=1,2');
    expect(lines.at(-2)).toBe('END:VCALENDAR');
  });

  it('escapes backslash, semicolon, comma and line breaks in TEXT values', () => {
    const lines = unfold(renderIcs([event], opts)).split('\r\n');
    expect(lines).toContain('SUMMARY:Amélie\\, part 2\\; a \\\\ study');
    expect(lines).toContain('LOCATION:Vancity Theatre\\, 1181 Seymour St');
    expect(lines).toContain('DESCRIPTION:Line one\\nLine two\\nSeat G6');
  });

  it('folds at 75 octets without splitting a UTF-8 character', () => {
    const summary = 'éŠ'.repeat(60) + ' 山田 ' + 'a'.repeat(100);
    const ics = renderIcs([{ ...event, summary, description: 'x'.repeat(300) }], opts);
    const bytes = Buffer.from(ics, 'utf8');
    // Split on CRLF at the byte level and decode each physical line strictly: a split
    // multi-byte sequence would make the fatal decoder throw.
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const physical: string[] = [];
    let start = 0;
    for (let i = 0; i < bytes.length - 1; i++) {
      if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
        const line = bytes.subarray(start, i);
        expect(line.length).toBeLessThanOrEqual(75);
        physical.push(decoder.decode(line));
        start = i + 2;
      }
    }
    expect(physical.some((l) => l.startsWith(' '))).toBe(true);
    expect(unfold(ics)).toContain(`SUMMARY:${summary}\r\n`);
  });
});

describe('emails', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  const order = {
    festivalName: 'Northern Lights Film Festival',
    buyerName: 'Nadia Bentaïeb',
    orderNumber: 'MQ-7K2P9Q',
    orderUrl: 'https://marquee.example/orders/MQ-7K2P9Q',
    tickets: [ticket(), ticket({ code: 'ZZZZ-YYYY-XXXX', seatLabel: null, holderName: 'Sam O’Neill' })],
    totalCents: 3600,
    currency: 'CAD',
  };

  it('formats times in the festival zone whatever zone the server runs in', async () => {
    const serverHour = { UTC: 3, 'Asia/Tokyo': 12, 'America/New_York': 22, 'Europe/Berlin': 4 } as const;
    for (const [tz, hour] of Object.entries(serverHour)) {
      process.env.TZ = tz;
      // Proves the server zone really changed, so the festival-zone assertions below mean something.
      expect(STARTS.getHours()).toBe(hour);
      const mail = await renderOrderConfirmation(order);
      expect(mail.html).toMatch(/Monday, December 1, 2025, 7:30\s?p\.m\.–9:10\s?p\.m\. PST/);
      expect(mail.text).toMatch(/7:30\s?p\.m\./);
      const refund = renderAutomaticRefund({ ...order, title: 'Amélie', startsAt: STARTS, timeZone: 'America/Vancouver', amountCents: 3600, reason: '' });
      expect(refund.text).toMatch(/7:30\s?p\.m\. PST/);
    }
  });

  it('names the end date when a screening runs past local midnight', () => {
    const when = formatScreeningTime(new Date('2025-12-02T07:30:00Z'), new Date('2025-12-02T09:15:00Z'), 'America/Vancouver');
    expect(when).toMatch(/^Monday, December 1, 2025, 11:30\s?p\.m\.–Tuesday, December 2, 2025, 1:15\s?a\.m\. PST$/);
  });

  it('escapes user-supplied text in HTML', async () => {
    const evil = '<script>alert("x")</script>';
    const mail = await renderOrderConfirmation({
      ...order,
      buyerName: evil,
      tickets: [ticket({ title: evil, holderName: `O'Brien ${evil}`, ticketUrl: 'javascript:alert(1)' })],
    });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(mail.html).not.toContain('javascript:');
    const refund = renderAutomaticRefund({ ...order, buyerName: evil, title: evil, startsAt: STARTS, timeZone: 'America/Vancouver', amountCents: 1800, reason: evil });
    expect(refund.html).not.toContain('<script>');
    expect(refund.html).toContain('&lt;script&gt;');
  });

  it('has an accessible HTML document and a text part with the order number and every ticket code', async () => {
    const mail = await renderOrderConfirmation(order);
    expect(mail.html).toMatch(/^<!DOCTYPE html>\n<html lang="en"/);
    expect(mail.html).toMatch(/<h1[^>]*>Your tickets for Northern Lights Film Festival<\/h1>/);
    expect(mail.html).toContain('href="https://marquee.example/t/K7QF-2M9X-P4TC"');
    expect(mail.html).toContain('href="https://marquee.example/orders/MQ-7K2P9Q"');
    expect(mail.subject).toContain('MQ-7K2P9Q');
    expect(mail.text).toContain('MQ-7K2P9Q');
    for (const t of order.tickets) {
      expect(mail.text).toContain(t.code);
      expect(mail.text).toContain(t.ticketUrl);
    }
    expect(mail.text).toContain('General admission');
    expect(mail.text).toContain(order.orderUrl);
    expect(mail.text).toContain('$36');
  });

  it('explains the automatic refund: late payment, no seats left, full amount, 5–10 business days', () => {
    const mail = renderAutomaticRefund({
      festivalName: 'Northern Lights Film Festival',
      buyerName: 'Nadia',
      orderNumber: 'MQ-7K2P9Q',
      title: 'Amélie',
      startsAt: STARTS,
      timeZone: 'America/Vancouver',
      amountCents: 1850,
      currency: 'CAD',
      reason: 'Hold expired at 7:02 p.m.',
    });
    expect(mail.subject).toContain('MQ-7K2P9Q');
    expect(mail.subject).not.toMatch(/[\r\n]/);
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain('released');
      expect(part).toContain('no seats were left');
      expect(part).toContain('full amount, $18.50');
      expect(part).toContain('5–10 business days');
      expect(part).toContain('Hold expired at 7:02 p.m.');
    }
    expect(mail.html).toMatch(/<html lang="en"/);
  });
});
