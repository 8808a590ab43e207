import { buttonLink, cleanSubject, emailDocument, escapeHtml, heading, link, paragraph, textDocument } from './layout';
import type { RenderedEmail } from './order-confirmation';

export interface DonationDecisionLine {
  /** The screening's title and time, already in the festival's zone. */
  screening: string;
  tickets: number;
  /** The order's page (its tokened link): the tickets' PDF and calendar file are there. */
  orderUrl: string;
}

export interface DonationApprovalInput {
  festivalName: string;
  organisation: string;
  contactName: string;
  asked: number;
  issuedNow: number;
  issuedInAll: number;
  lines: DonationDecisionLine[];
  message: string | null;
  portalUrl: string;
  requestsUrl: string;
}

/** Sent to the request's contact when staff issue tickets for it (the whole request, or part of it). */
export function renderDonationApproval(input: DonationApprovalInput): RenderedEmail {
  const whole = input.issuedInAll >= input.asked;
  const subject = cleanSubject(
    whole ? `Your donated tickets for ${input.organisation} are ready` : `Part of your ticket request for ${input.organisation} is approved`,
  );
  const plural = (n: number) => `${n} ticket${n === 1 ? '' : 's'}`;
  const summary = whole
    ? `Good news: we have issued ${plural(input.issuedNow)} for the people ${input.organisation} serves, paid for by the ${input.festivalName} access fund.`
    : `We have issued ${plural(input.issuedNow)} of the ${plural(input.asked)} you asked for (${input.issuedInAll} so far), paid for by the ${input.festivalName} access fund. We could not cover the whole request this time.`;
  const names = 'In your partner portal you can add the name of each person who will use a ticket, and print or forward their tickets.';
  const message = input.message?.trim() ? input.message.trim() : null;
  const html = emailDocument({
    title: subject,
    preheader: summary,
    bodyHtml: [
      heading(whole ? 'Your tickets are ready' : 'Part of your request is approved'),
      paragraph(escapeHtml(`Hi ${input.contactName},`)),
      paragraph(escapeHtml(summary)),
      ...(message ? [paragraph(`<strong>A note from the festival:</strong> ${escapeHtml(message)}`)] : []),
      `<ul style="margin:0 0 16px;padding-left:20px">${input.lines
        .map((l) => `<li style="margin-bottom:8px">${escapeHtml(`${l.screening}: ${plural(l.tickets)}`)} (${link(l.orderUrl, 'tickets')})</li>`)
        .join('')}</ul>`,
      paragraph(escapeHtml(names)),
      buttonLink(input.portalUrl, 'Open your tickets'),
    ].join('\n'),
    footer: `You are receiving this email because ${input.organisation} asked ${input.festivalName} for donated tickets. Your requests: ${input.requestsUrl}`,
  });
  const text = textDocument([
    subject,
    `Hi ${input.contactName},`,
    summary,
    ...(message ? [`A note from the festival: ${message}`] : []),
    input.lines.map((l) => `- ${l.screening}: ${plural(l.tickets)} (${l.orderUrl})`).join('\n'),
    names,
    `Your tickets: ${input.portalUrl}`,
  ]);
  return { subject, html, text };
}

export interface DonationDeclineInput {
  festivalName: string;
  organisation: string;
  contactName: string;
  asked: number;
  reason: string;
  requestsUrl: string;
  applyAgainUrl: string;
}

/** Sent to the request's contact when staff decline it (by hand, or because it was not drawn in a fair allocation). */
export function renderDonationDecline(input: DonationDeclineInput): RenderedEmail {
  const subject = cleanSubject(`About your ticket request for ${input.organisation}`);
  const summary = `Thank you for asking ${input.festivalName} for ${input.asked} donated ticket${input.asked === 1 ? '' : 's'}. We are sorry: we cannot issue tickets for this request.`;
  const again = 'You are welcome to ask again for another screening, and we will do our best.';
  const html = emailDocument({
    title: subject,
    preheader: summary,
    bodyHtml: [
      heading('About your ticket request'),
      paragraph(escapeHtml(`Hi ${input.contactName},`)),
      paragraph(escapeHtml(summary)),
      paragraph(`<strong>Why:</strong> ${escapeHtml(input.reason)}`),
      paragraph(escapeHtml(again)),
      buttonLink(input.applyAgainUrl, 'Ask for other tickets'),
    ].join('\n'),
    footer: `You are receiving this email because ${input.organisation} asked ${input.festivalName} for donated tickets. Your requests: ${input.requestsUrl}`,
  });
  const text = textDocument([subject, `Hi ${input.contactName},`, summary, `Why: ${input.reason}`, again, `Ask again: ${input.applyAgainUrl}`]);
  return { subject, html, text };
}

export interface DonatedTicketsReturnedInput {
  festivalName: string;
  organisation: string;
  contactName: string;
  /** The screening's title and time, already in the festival's zone. */
  screening: string;
  returned: number;
  portalUrl: string;
}

/**
 * Sent to the request's contact when the organisation gives back donated tickets it will not use: a record of it,
 * as whoever gave them back in the portal may not be the contact.
 */
export function renderDonatedTicketsReturned(input: DonatedTicketsReturnedInput): RenderedEmail {
  const tickets = `${input.returned} donated ticket${input.returned === 1 ? '' : 's'}`;
  const subject = cleanSubject(`${input.organisation} gave back ${tickets}`);
  const summary = `${input.organisation} gave back ${tickets} for ${input.screening}. Thank you: the access fund has the money for them again, and the places can go to someone else.`;
  const html = emailDocument({
    title: subject,
    preheader: summary,
    bodyHtml: [heading('Tickets given back'), paragraph(escapeHtml(`Hi ${input.contactName},`)), paragraph(escapeHtml(summary)), buttonLink(input.portalUrl, 'Open your tickets')].join('\n'),
    footer: `You are receiving this email because you are the contact for ${input.organisation}'s ticket request to ${input.festivalName}.`,
  });
  const text = textDocument([subject, `Hi ${input.contactName},`, summary, `Your tickets: ${input.portalUrl}`]);
  return { subject, html, text };
}
