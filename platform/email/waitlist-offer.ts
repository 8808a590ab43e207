import { formatScreeningTime } from '@/platform/tickets/types';
import { buttonLink, cleanSubject, emailDocument, escapeHtml, heading, paragraph, textDocument } from './layout';
import type { RenderedEmail } from './order-confirmation';

export interface WaitlistOfferInput {
  name: string | null;
  title: string;
  quantity: number;
  claimUrl: string;
  expiresAt: Date;
  timeZone: string;
}

/**
 * Sent when places come back at a screening someone is waiting for: the places are kept for them until the link
 * expires, then offered to the next person. It says nothing about why they were waiting beyond the scheme's name.
 */
export function renderWaitlistOffer(input: WaitlistOfferInput): RenderedEmail {
  const places = input.quantity === 1 ? '1 place' : `${input.quantity} places`;
  const until = formatScreeningTime(input.expiresAt, null, input.timeZone);
  const subject = cleanSubject(`Places are free for ${input.title}: claim them by ${until}`);
  const facts = {
    greeting: input.name ? `Hi ${input.name},` : 'Hi,',
    what: `Good news: ${places} came back for ${input.title}, and we are keeping them for you from the Indigenous Access waiting list.`,
    until: `Claim them by ${until}. After that they go to the next person in line.`,
    how: 'Sign in with this email address and open the link to confirm. Your tickets arrive by email straight away.',
  };
  const body = [
    heading('Places are free for you'),
    paragraph(escapeHtml(facts.greeting)),
    paragraph(escapeHtml(facts.what)),
    paragraph(escapeHtml(facts.until)),
    paragraph(buttonLink(input.claimUrl, 'Claim your tickets')),
    paragraph(escapeHtml(facts.how)),
  ].join('\n');
  const html = emailDocument({
    title: subject,
    preheader: `${places} kept for you until ${until}.`,
    bodyHtml: body,
    footer: 'You are receiving this email because you joined a waiting list for Indigenous Access tickets.',
  });
  const text = textDocument(['Places are free for you', facts.greeting, facts.what, facts.until, `Claim them: ${input.claimUrl}`, facts.how]);
  return { subject, html, text };
}
