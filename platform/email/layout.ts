/*
 * Shared HTML for transactional emails. Mail clients strip <style> blocks and
 * external CSS unpredictably, so every style is inline; colours keep at least
 * 7:1 contrast on white for body text (WCAG AAA) and links are underlined.
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for use in element content and in double- or single-quoted attributes. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/**
 * Only http(s) links are emitted: anything else (javascript:, data:) becomes
 * plain text rather than a clickable link.
 */
export function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export const COLORS = { text: '#1a1a1a', muted: '#4a4a4a', link: '#0b4fb3', border: '#d0d0d0', background: '#f4f4f4' } as const;

const FONT = "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

/** A link with escaped text and href; falls back to the escaped text alone for an unsafe URL. */
export function link(url: string, text: string): string {
  const href = safeHref(url);
  if (!href) return escapeHtml(text);
  return `<a href="${escapeHtml(href)}" style="color:${COLORS.link};text-decoration:underline">${escapeHtml(text)}</a>`;
}

/** A prominent call-to-action link (still a plain <a>, so it works with images and CSS off). */
export function buttonLink(url: string, text: string): string {
  const href = safeHref(url);
  if (!href) return escapeHtml(text);
  return (
    `<a href="${escapeHtml(href)}" style="display:inline-block;background:${COLORS.text};color:#ffffff;` +
    `padding:12px 20px;border-radius:4px;font-weight:bold;text-decoration:none">${escapeHtml(text)}</a>`
  );
}

/** A paragraph from already-escaped HTML. */
export function paragraph(html: string): string {
  return `<p style="margin:0 0 16px;font-size:16px;line-height:1.5;color:${COLORS.text}">${html}</p>`;
}

export function heading(text: string, level: 1 | 2 = 1): string {
  const size = level === 1 ? 24 : 19;
  return `<h${level} style="margin:0 0 16px;font-size:${size}px;line-height:1.3;color:${COLORS.text}">${escapeHtml(text)}</h${level}>`;
}

/** Subjects are header values: a stray line break would be a header-injection vector, so collapse whitespace. */
export function cleanSubject(subject: string): string {
  return subject.replace(/\s+/g, ' ').trim();
}

/**
 * The full document. `preheader` is the hidden preview line most inboxes show
 * after the subject; it is hidden visually but reads sensibly if a client shows it.
 */
export function emailDocument(input: { title: string; preheader: string; bodyHtml: string; footer: string }): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en" dir="ltr">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light">',
    `<title>${escapeHtml(input.title)}</title>`,
    '</head>',
    `<body style="margin:0;padding:0;background:${COLORS.background};font-family:${FONT};color:${COLORS.text}">`,
    `<div style="display:none;max-height:0;overflow:hidden">${escapeHtml(input.preheader)}</div>`,
    // Webmail (Gmail, Outlook.com) drops the <html> element, so the wrapper repeats lang for screen readers.
    `<div role="article" aria-label="${escapeHtml(input.title)}" lang="en" style="max-width:600px;margin:0 auto;padding:24px;background:#ffffff">`,
    input.bodyHtml,
    `<p style="margin:24px 0 0;padding-top:16px;border-top:1px solid ${COLORS.border};font-size:14px;line-height:1.5;color:${COLORS.muted}">${escapeHtml(input.footer)}</p>`,
    '</div>',
    '</body>',
    '</html>',
  ].join('\n');
}

/** Plain-text part: paragraphs separated by blank lines, CRLF-free (the mailer normalises line endings). */
export function textDocument(paragraphs: string[]): string {
  return paragraphs.join('\n\n') + '\n';
}
