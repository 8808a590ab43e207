import { formatCents } from '@/lib/format';
import { formatScreeningTime, seatText, type TicketView } from '@/platform/tickets/types';
import { COLORS, buttonLink, cleanSubject, emailDocument, escapeHtml, heading, link, paragraph, textDocument } from './layout';

export interface OrderConfirmationInput {
  festivalName: string;
  buyerName: string;
  orderNumber: string;
  orderUrl: string;
  tickets: TicketView[];
  totalCents: number;
  currency: string;
  /** A gift to the access fund paid with the order (included in the total). */
  gift?: { amountCents: number; tickets: number } | null;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** The facts shown for one ticket, computed once so the HTML and text parts cannot disagree. */
function ticketFacts(t: TicketView): [label: string, value: string][] {
  return [
    ['When', formatScreeningTime(t.startsAt, t.endsAt, t.timeZone)],
    ['Where', `${t.venueName}, ${t.venueAddress}`],
    ['Seat', seatText(t)],
    ['Ticket', `${t.ticketTypeName}, ${formatCents(t.priceCents, t.currency)}`],
    ['Holder', t.holderName],
    ['Ticket code', t.code],
  ];
}

function ticketHtml(t: TicketView): string {
  const rows = ticketFacts(t)
    .map(([label, value]) => `<strong>${escapeHtml(label)}:</strong> ${escapeHtml(value)}`)
    .join('<br>');
  return [
    `<div style="margin:0 0 20px;padding:16px;border:1px solid ${COLORS.border};border-radius:4px">`,
    heading(t.title, 2),
    paragraph(rows),
    // The QR code is not embedded: inline SVG and data: images are blocked by many clients, the ticket page always works.
    `<p style="margin:0;font-size:16px;line-height:1.5">${link(t.ticketUrl, `Open ticket ${t.code} (QR code for the door)`)}</p>`,
    '</div>',
  ].join('\n');
}

function ticketText(t: TicketView): string {
  const lines = ticketFacts(t).map(([label, value]) => `${label}: ${value}`);
  // Underlined rather than upper-cased: case mapping mangles titles like "eXistenZ" or "Straße".
  const rule = '-'.repeat(Math.min(Array.from(t.title).length, 70));
  return [t.title, rule, ...lines, `Ticket page (QR code for the door): ${t.ticketUrl}`].join('\n');
}

function ticketCount(n: number): string {
  return n === 1 ? '1 ticket' : `${n} tickets`;
}

/** The sentence thanking the buyer for a gift paid with the order, or null. */
function giftSentence(input: OrderConfirmationInput): string | null {
  if (!input.gift || input.gift.amountCents <= 0) return null;
  const amount = formatCents(input.gift.amountCents, input.currency);
  const what = input.gift.tickets > 0 ? `${amount} (${input.gift.tickets === 1 ? 'one donated ticket' : `${input.gift.tickets} donated tickets`})` : amount;
  return `Your total includes your gift of ${what} to the access fund. Thank you: your receipt comes in a separate email.`;
}

function subjectFor(input: OrderConfirmationInput): string {
  return cleanSubject(`Your ${input.festivalName} tickets – order ${input.orderNumber}`);
}

function renderHtml(input: OrderConfirmationInput, subject: string): string {
  const total = formatCents(input.totalCents, input.currency);
  const body = [
    heading(`Your tickets for ${input.festivalName}`),
    paragraph(`Hi ${escapeHtml(input.buyerName)}, thank you for your order. Here ${input.tickets.length === 1 ? 'is your ticket' : 'are your tickets'}.`),
    paragraph(`<strong>Order number:</strong> ${escapeHtml(input.orderNumber)}<br><strong>Total paid:</strong> ${escapeHtml(total)} (${escapeHtml(ticketCount(input.tickets.length))})`),
    ...[giftSentence(input)].filter((g) => g !== null).map((g) => paragraph(escapeHtml(g))),
    ...input.tickets.map(ticketHtml),
    paragraph('Printable PDF tickets and a calendar file (.ics) for your screenings are on your order page.'),
    paragraph(buttonLink(input.orderUrl, `View order ${input.orderNumber}`)),
    paragraph(`If the button does not work, copy this address into your browser: ${link(input.orderUrl, input.orderUrl)}`),
  ].join('\n');
  return emailDocument({
    title: subject,
    preheader: `Order ${input.orderNumber}: ${ticketCount(input.tickets.length)}, ${total}.`,
    bodyHtml: body,
    footer: `You are receiving this email because you bought tickets for ${input.festivalName}. Show the QR code from your ticket page or PDF at the door.`,
  });
}

function renderText(input: OrderConfirmationInput): string {
  const total = formatCents(input.totalCents, input.currency);
  return textDocument([
    `Your tickets for ${input.festivalName}`,
    `Hi ${input.buyerName}, thank you for your order.`,
    `Order number: ${input.orderNumber}\nTotal paid: ${total} (${ticketCount(input.tickets.length)})`,
    ...[giftSentence(input)].filter((g) => g !== null),
    ...input.tickets.map(ticketText),
    `Printable PDF tickets and a calendar file (.ics) are on your order page:\n${input.orderUrl}`,
    'Show the QR code from your ticket page or PDF at the door.',
  ]);
}

/**
 * Order confirmation with an HTML and a plain-text part carrying the same facts.
 * Async so that the signature survives adding asynchronous content (e.g. hosted QR images) later.
 */
export async function renderOrderConfirmation(input: OrderConfirmationInput): Promise<RenderedEmail> {
  const subject = subjectFor(input);
  return { subject, html: renderHtml(input, subject), text: renderText(input) };
}
