import { existsSync } from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { formatCents } from '@/lib/format';
import { qrPng } from './qr';
import { formatScreeningTime, seatText, type TicketView } from './types';

/*
 * Printable tickets: one A6 page per ticket, so a page can be printed, cut or
 * shown on a phone on its own. Everything is absolutely positioned with a height
 * cap on every text box: pdfkit silently adds a page when text runs past the
 * bottom margin, which would break "one page per ticket" for a long title.
 */

const DEFAULT_FONT_DIR = '/usr/share/fonts/truetype/dejavu';
const PAGE = { width: 297.64, height: 419.53 }; // A6 in points
const MARGIN = 22;
const CONTENT_WIDTH = PAGE.width - 2 * MARGIN;
const QR_SIZE = 124;
const INK = '#111111';
const MUTED = '#555555';

interface Fonts {
  regular: string;
  bold: string;
  mono: string;
  /** Makes a string drawable in the chosen fonts. */
  clean: (text: string) => string;
}

// The 27 characters WinAnsi (CP1252) puts in 0x80–0x9F; with Latin-1 these are all Helvetica can show.
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

function isWinAnsi(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff) || WIN_ANSI_EXTRAS.has(ch);
}

/**
 * Intl output contains narrow no-break spaces ("7:30\u202fp.m.") and names may arrive
 * decomposed (e + U+0301): normalise both before deciding what is unrepresentable.
 * Line feeds are kept because the layout uses them (the ticket code); other controls go.
 */
function normalise(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\p{Zs}/gu, ' ')
    .replace(/[^\P{Cc}\n]/gu, '');
}

function toWinAnsi(text: string): string {
  return Array.from(normalise(text), (ch) => (ch === '\n' || isWinAnsi(ch) ? ch : '?')).join('');
}

/** DejaVu when installed (embedded, so the PDF shows Š, ï, Cyrillic, Greek…); otherwise the PDF base-14 fonts. */
function chooseFonts(doc: PDFKit.PDFDocument, fontDir: string): Fonts {
  const file = (name: string) => path.join(fontDir, name);
  const regular = file('DejaVuSans.ttf');
  const bold = file('DejaVuSans-Bold.ttf');
  if (!existsSync(regular) || !existsSync(bold)) {
    return { regular: 'Helvetica', bold: 'Helvetica-Bold', mono: 'Courier-Bold', clean: toWinAnsi };
  }
  doc.registerFont('Body', regular);
  doc.registerFont('Body-Bold', bold);
  const monoFile = file('DejaVuSansMono-Bold.ttf');
  if (existsSync(monoFile)) doc.registerFont('Mono', monoFile);
  return { regular: 'Body', bold: 'Body-Bold', mono: existsSync(monoFile) ? 'Mono' : 'Courier-Bold', clean: normalise };
}

interface Box {
  y: number;
  font: string;
  size: number;
  maxLines: number;
  color?: string;
  x?: number;
  width?: number;
  align?: 'left' | 'center' | 'right';
}

/** Draws text clipped to `maxLines` (ellipsis) and returns the y just below it. */
function drawText(doc: PDFKit.PDFDocument, fonts: Fonts, text: string, box: Box): number {
  const lineGap = 1;
  doc.font(box.font).fontSize(box.size).fillColor(box.color ?? INK);
  const height = box.maxLines * (doc.currentLineHeight(true) + lineGap);
  doc.text(fonts.clean(text), box.x ?? MARGIN, box.y, {
    width: box.width ?? CONTENT_WIDTH,
    height,
    ellipsis: true,
    lineGap,
    align: box.align ?? 'left',
  });
  return Math.min(doc.y, box.y + height);
}

/** A small grey label above a value, e.g. "Seat" / "Row G, seat 6". */
function drawField(doc: PDFKit.PDFDocument, fonts: Fonts, label: string, value: string, y: number, maxLines = 1): number {
  const afterLabel = drawText(doc, fonts, label.toUpperCase(), { y, font: fonts.bold, size: 6.5, maxLines: 1, color: MUTED });
  return drawText(doc, fonts, value, { y: afterLabel, font: fonts.regular, size: 9.5, maxLines }) + 5;
}

function drawDetails(doc: PDFKit.PDFDocument, fonts: Fonts, t: TicketView): void {
  let y = drawText(doc, fonts, t.festivalName, { y: MARGIN, font: fonts.bold, size: 8.5, maxLines: 1, color: MUTED }) + 3;
  y = drawText(doc, fonts, t.title, { y, font: fonts.bold, size: 15, maxLines: 2 }) + 6;
  y = drawField(doc, fonts, 'When', formatScreeningTime(t.startsAt, t.endsAt, t.timeZone), y, 2);
  y = drawField(doc, fonts, 'Where', `${t.venueName}, ${t.venueAddress}`, y, 2);
  y = drawField(doc, fonts, 'Seat', seatText(t), y, 2);
  y = drawField(doc, fonts, 'Ticket', `${t.ticketTypeName} · ${formatCents(t.priceCents, t.currency)}`, y);
  drawField(doc, fonts, 'Holder', t.holderName, y);
}

/** The part door staff use: QR bottom-left, code and order number beside it. */
async function drawAdmission(doc: PDFKit.PDFDocument, fonts: Fonts, t: TicketView): Promise<void> {
  const top = PAGE.height - MARGIN - QR_SIZE;
  doc.moveTo(MARGIN, top - 10).lineTo(PAGE.width - MARGIN, top - 10).lineWidth(0.5).strokeColor('#999999').dash(3, { space: 3 }).stroke().undash();
  doc.image(await qrPng(t.ticketUrl), MARGIN, top, { width: QR_SIZE, height: QR_SIZE });
  const x = MARGIN + QR_SIZE + 8;
  const width = PAGE.width - MARGIN - x;
  // Codes are "XXXX-XXXX-XXXX": break them at the hyphens so each group stays whole and readable aloud.
  const code = t.code.replace(/-/g, '-\n');
  let y = drawText(doc, fonts, 'Ticket code', { x, width, y: top + 6, font: fonts.bold, size: 6.5, maxLines: 1, color: MUTED });
  y = drawText(doc, fonts, code, { x, width, y: y + 1, font: fonts.mono, size: 19, maxLines: 3 }) + 6;
  y = drawText(doc, fonts, 'Order', { x, width, y, font: fonts.bold, size: 6.5, maxLines: 1, color: MUTED });
  drawText(doc, fonts, t.orderNumber, { x, width, y, font: fonts.regular, size: 9.5, maxLines: 1 });
}

function documentTitle(tickets: TicketView[]): string {
  const first = tickets[0];
  if (!first) return 'Tickets';
  const titles = [...new Set(tickets.map((t) => t.title))];
  const what = titles.length === 1 ? titles[0] : `${titles.length} screenings`;
  return `${first.festivalName} tickets: ${what} (order ${first.orderNumber})`;
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

export interface PdfOptions {
  /** Where DejaVu fonts are looked up; tests point it elsewhere to exercise the Helvetica fallback. */
  fontDir?: string;
}

/** One A6 page per ticket, in the order given. */
export async function renderTicketsPdf(tickets: TicketView[], options: PdfOptions = {}): Promise<Buffer> {
  // A PDF with no pages is invalid and viewers reject it: fail loudly instead.
  if (tickets.length === 0) throw new RangeError('renderTicketsPdf needs at least one ticket');
  const title = documentTitle(tickets);
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margin: MARGIN,
    autoFirstPage: false,
    displayTitle: true,
    lang: 'en',
    info: { Title: title, Author: tickets[0]?.festivalName ?? '', Subject: 'Tickets', Creator: 'Marquee' },
  });
  const done = collect(doc);
  const fonts = chooseFonts(doc, options.fontDir ?? DEFAULT_FONT_DIR);
  for (const ticket of tickets) {
    doc.addPage();
    drawDetails(doc, fonts, ticket);
    await drawAdmission(doc, fonts, ticket);
  }
  doc.end();
  return done;
}
