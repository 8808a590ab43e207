import { buttonLink, cleanSubject, emailDocument, heading, paragraph, textDocument } from './layout';

/** The sign-in link email; with url null (staff accounts), a note to use the password form instead. */
export function renderSignInEmail(input: { url: string | null; festivalName: string; signInPage: string }) {
  const subject = cleanSubject(`Sign in to ${input.festivalName}`);
  const footer = `${input.festivalName}. If you did not ask for this email, ignore it: nothing happens.`;
  if (!input.url) {
    return {
      subject,
      html: emailDocument({
        title: subject,
        preheader: 'Staff accounts sign in with a password.',
        bodyHtml: [heading(subject), paragraph('Someone asked for a sign-in link for this address. Staff accounts sign in with their password.'), buttonLink(input.signInPage, 'Go to sign-in')].join(''),
        footer,
      }),
      text: textDocument([subject, `Someone asked for a sign-in link for this address. Staff accounts sign in with their password: ${input.signInPage}`, footer]),
    };
  }
  return {
    subject,
    html: emailDocument({
      title: subject,
      preheader: 'Your sign-in link, valid for 15 minutes.',
      bodyHtml: [heading(subject), paragraph('Use this button to sign in. The link works once, for 15 minutes.'), buttonLink(input.url, 'Sign in')].join(''),
      footer,
    }),
    text: textDocument([subject, `Sign in: ${input.url}`, 'The link works once, for 15 minutes.', footer]),
  };
}
