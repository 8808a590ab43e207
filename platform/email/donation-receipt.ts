import { formatCents } from '@/lib/format';
import { buttonLink, cleanSubject, emailDocument, escapeHtml, heading, link, paragraph, textDocument } from './layout';
import type { RenderedEmail } from './order-confirmation';

export interface DonationReceiptInput {
  festivalName: string;
  donorName: string;
  /** A short reference the donor can quote to the box office (never their payment details). */
  reference: string;
  amountCents: number;
  currency: string;
  /** How many "donate a ticket" the gift was (0 for an amount). */
  tickets: number;
  /** The day the payment was confirmed, already in the festival's words and zone. */
  paidOn: string;
  /** With a ticket order: its number, so the donor can tell the two apart. */
  orderNumber: string | null;
  /** The public page of what the community has given. */
  fundUrl: string;
}

function giftWords(input: DonationReceiptInput): string {
  const amount = formatCents(input.amountCents, input.currency);
  if (input.tickets <= 0) return amount;
  return `${amount} (${input.tickets === 1 ? 'one donated ticket' : `${input.tickets} donated tickets`})`;
}

/**
 * The donor's receipt for a gift to the access fund, sent once the payment is confirmed by Stripe's verified webhook.
 * It says plainly what the money does and that the donor stays anonymous on the public page.
 */
export function renderDonationReceipt(input: DonationReceiptInput): RenderedEmail {
  const gift = giftWords(input);
  const subject = cleanSubject(`Thank you for your gift to the ${input.festivalName} access fund`);
  const facts = {
    greeting: `Hi ${input.donorName},`,
    thanks: `Thank you. Your gift of ${gift} to the access fund has been received.`,
    what: 'The access fund pays for tickets that the festival gives, through community organisations, to people for whom price would otherwise be the reason to miss a film.',
    anonymous: 'Your name is never shown publicly: the fund page shows totals only.',
    receipt: [`Receipt reference: ${input.reference}`, `Amount: ${formatCents(input.amountCents, input.currency)}`, `Date: ${input.paidOn}`, ...(input.orderNumber ? [`Given with order: ${input.orderNumber}`] : [])],
  };
  const body = [
    heading('Thank you for your gift'),
    paragraph(escapeHtml(facts.greeting)),
    paragraph(escapeHtml(facts.thanks)),
    paragraph(escapeHtml(facts.what)),
    paragraph(facts.receipt.map((line) => escapeHtml(line)).join('<br>')),
    paragraph(escapeHtml(facts.anonymous)),
    paragraph(buttonLink(input.fundUrl, 'See what the community has given')),
    paragraph(`If the button does not work, copy this address into your browser: ${link(input.fundUrl, input.fundUrl)}`),
  ].join('\n');
  const html = emailDocument({
    title: subject,
    preheader: `Your gift of ${gift} to the access fund has been received.`,
    bodyHtml: body,
    footer: `You are receiving this email because you gave to the ${input.festivalName} access fund. Keep it as your receipt.`,
  });
  const text = textDocument(['Thank you for your gift', facts.greeting, facts.thanks, facts.what, facts.receipt.join('\n'), facts.anonymous, `What the community has given: ${input.fundUrl}`]);
  return { subject, html, text };
}
