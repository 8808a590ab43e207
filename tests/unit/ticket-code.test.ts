import { describe, expect, it } from 'vitest';
import { normalizeTicketCode } from '@/lib/ticket-code';

/** What the door reads as a ticket code: the QR's URL, a typed code with or without dashes, look-alike letters. */
describe('normalizeTicketCode', () => {
  it('reads the code from the QR code’s ticket URL', () => {
    expect(normalizeTicketCode('https://festival.example/tickets/ABCD-EFGH-JKMN')).toBe('ABCD-EFGH-JKMN');
    expect(normalizeTicketCode('http://127.0.0.1:3105/tickets/ABCD-EFGH-JKMN?x=1')).toBe('ABCD-EFGH-JKMN');
  });
  it('accepts a typed code in any case, without dashes, with spaces and look-alikes', () => {
    expect(normalizeTicketCode(' abcd efgh jkmn ')).toBe('ABCD-EFGH-JKMN');
    expect(normalizeTicketCode('abcdefghjkmn')).toBe('ABCD-EFGH-JKMN');
    expect(normalizeTicketCode('O1L0-IIII-2345')).toBe('0110-1111-2345');
  });
  it('refuses what cannot be a code', () => {
    for (const bad of ['', 'ABCD-EFGH', 'ABCD-EFGH-JKMNP', 'ABCD-EFGH-JKMU', 'https://x/films/ABCD-EFGH-JKMN', 'x'.repeat(600)]) expect(normalizeTicketCode(bad)).toBeNull();
  });
});
