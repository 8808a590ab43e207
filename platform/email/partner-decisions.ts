import { buttonLink, cleanSubject, emailDocument, escapeHtml, heading, paragraph, textDocument } from './layout';
import type { RenderedEmail } from './order-confirmation';

/* Staff answers to community partners: an application declined, an allotment request declined or granted. */

const places = (n: number) => `${n} place${n === 1 ? '' : 's'}`;
const greeting = (name: string | null) => (name?.trim() ? `Hi ${name.trim()},` : 'Hello,');
const noteOf = (note: string | null) => (note?.trim() ? note.trim() : null);

export interface PartnerDeclineInput {
  festivalName: string;
  organisation: string;
  contactName: string | null;
  note: string | null;
}

/** Sent to an application's contact when staff decline it, with the note staff wrote (if any). */
export function renderPartnerDecline(input: PartnerDeclineInput): RenderedEmail {
  const subject = cleanSubject(`About ${input.organisation}’s application to ${input.festivalName}`);
  const summary = `Thank you for applying to bring the people ${input.organisation} works with to ${input.festivalName}. We are sorry: we cannot take your organisation on as a community partner this time.`;
  const note = noteOf(input.note);
  const again = 'If your circumstances change, you are welcome to apply again.';
  const html = emailDocument({
    title: subject,
    preheader: summary,
    bodyHtml: [
      heading('About your application'),
      paragraph(escapeHtml(greeting(input.contactName))),
      paragraph(escapeHtml(summary)),
      ...(note ? [paragraph(`<strong>A note from the festival:</strong> ${escapeHtml(note)}`)] : []),
      paragraph(escapeHtml(again)),
    ].join('\n'),
    footer: `You are receiving this email because ${input.organisation} applied to become a community partner of ${input.festivalName}.`,
  });
  const text = textDocument([subject, greeting(input.contactName), summary, ...(note ? [`A note from the festival: ${note}`] : []), again]);
  return { subject, html, text };
}

export interface AllotmentDecisionInput {
  festivalName: string;
  organisation: string;
  recipientName: string | null;
  /** The screening's title and time, already in the festival's zone. */
  screening: string;
  note: string | null;
  /** The partner portal's allotments page, from the configured public URL. */
  allotmentsUrl: string;
}

/** Sent to the partner who asked for places when staff decline the request, with the note staff wrote (if any). */
export function renderAllotmentDecline(input: AllotmentDecisionInput & { requested: number }): RenderedEmail {
  const subject = cleanSubject(`About your request for places at ${input.screening}`);
  const summary = `Thank you for asking for ${places(input.requested)} at ${input.screening} for the people ${input.organisation} serves. We are sorry: we cannot grant them this time.`;
  const note = noteOf(input.note);
  const again = 'You are welcome to ask for places at another screening.';
  const html = emailDocument({
    title: subject,
    preheader: summary,
    bodyHtml: [
      heading('About your request for places'),
      paragraph(escapeHtml(greeting(input.recipientName))),
      paragraph(escapeHtml(summary)),
      ...(note ? [paragraph(`<strong>A note from the festival:</strong> ${escapeHtml(note)}`)] : []),
      paragraph(escapeHtml(again)),
      buttonLink(input.allotmentsUrl, 'Open your allotments'),
    ].join('\n'),
    footer: `You are receiving this email because ${input.organisation} asked ${input.festivalName} for Community Access places.`,
  });
  const text = textDocument([subject, greeting(input.recipientName), summary, ...(note ? [`A note from the festival: ${note}`] : []), again, `Your allotments: ${input.allotmentsUrl}`]);
  return { subject, html, text };
}

/** Sent to the partner when staff grant places (answering its request, or assigning them directly). */
export function renderAllotmentGrant(input: AllotmentDecisionInput & { grantedNow: number; total: number; deadline: string }): RenderedEmail {
  const subject = cleanSubject(`${places(input.grantedNow)} for ${input.organisation} at ${input.screening}`);
  const summary =
    input.total > input.grantedNow
      ? `Good news: we have added ${places(input.grantedNow)} at ${input.screening} to ${input.organisation}’s allotment, which now holds ${places(input.total)}.`
      : `Good news: ${input.organisation} has ${places(input.total)} at ${input.screening} for the people you serve.`;
  const deadline = `Claim tickets for them, or hand out access codes, in your partner portal by ${input.deadline}. Places you will not use can be returned until then; after it, unclaimed places go back on general sale.`;
  const note = noteOf(input.note);
  const html = emailDocument({
    title: subject,
    preheader: summary,
    bodyHtml: [
      heading('Your places are granted'),
      paragraph(escapeHtml(greeting(input.recipientName))),
      paragraph(escapeHtml(summary)),
      paragraph(escapeHtml(deadline)),
      ...(note ? [paragraph(`<strong>A note from the festival:</strong> ${escapeHtml(note)}`)] : []),
      buttonLink(input.allotmentsUrl, 'Open your allotments'),
    ].join('\n'),
    footer: `You are receiving this email because ${input.organisation} is a community partner of ${input.festivalName}.`,
  });
  const text = textDocument([subject, greeting(input.recipientName), summary, deadline, ...(note ? [`A note from the festival: ${note}`] : []), `Your allotments: ${input.allotmentsUrl}`]);
  return { subject, html, text };
}
