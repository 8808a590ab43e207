/**
 * What a door scanner reads, as a ticket code. The QR code on a ticket carries the ticket page's URL
 * (`…/tickets/ABCD-EFGH-JKMN`); staff typing a code may leave out the dashes, use lower case or read O for 0.
 * The same rule runs in the browser (offline list lookups) and on the server, so a hash computed on either side matches.
 */
const ALPHABET = /^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{12}$/;

export function normalizeTicketCode(raw: string): string | null {
  const text = raw.trim();
  if (text.length === 0 || text.length > 500) return null;
  // A URL: its last path segment is the code (the host is not trusted or needed: the code alone is the secret).
  const fromUrl = /\/tickets\/([^/?#\s]+)\/?(?:[?#].*)?$/.exec(text)?.[1];
  const compact = (fromUrl ?? text)
    .toUpperCase()
    .replace(/[\s-]/g, '')
    // Crockford-style look-alikes: the alphabet has no I, L, O or U.
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (!ALPHABET.test(compact)) return null;
  return `${compact.slice(0, 4)}-${compact.slice(4, 8)}-${compact.slice(8)}`;
}
