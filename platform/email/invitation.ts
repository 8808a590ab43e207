import { buttonLink, cleanSubject, emailDocument, escapeHtml, heading, paragraph, textDocument } from './layout';

export function renderInvitation(input: { festivalName: string; inviter: string; role: string; organisation: string | null; url: string }) {
  const what = input.organisation ? `join ${input.organisation} on ${input.festivalName}` : `join ${input.festivalName} as ${input.role}`;
  const subject = cleanSubject(`You are invited to ${what}`);
  const footer = `${input.festivalName}. The invitation is valid for 7 days. If you did not expect it, ignore it.`;
  return {
    subject,
    html: emailDocument({
      title: subject,
      preheader: `${input.inviter} invited you.`,
      bodyHtml: [heading(subject), paragraph(`${escapeHtml(input.inviter)} invited you to ${escapeHtml(what)}.`), buttonLink(input.url, 'Accept the invitation')].join(''),
      footer,
    }),
    text: textDocument([subject, `${input.inviter} invited you to ${what}.`, `Accept: ${input.url}`, footer]),
  };
}
