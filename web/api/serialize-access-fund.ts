import type { PublicFundFigures } from '@/domain/access-fund/reports';
import { z } from '@/web/api/openapi/zod';

/** GET /api/v1/access-fund: what the community has given, as totals only (no donor, no ticket holder). */
export const AccessFundBody = z
  .object({
    festival: z.string(),
    timeZone: z.string().openapi({ examples: ['America/Vancouver'] }),
    currency: z.string().openapi({ examples: ['CAD'] }),
    raisedCents: z.number().int().openapi({ description: 'Gifts received less gifts refunded, in cents' }),
    ticketValueCents: z.number().int().openapi({ description: 'The festival’s usual ticket price, which ticketsFunded counts in' }),
    ticketsFunded: z.number().int().openapi({ description: 'How many tickets the money raised pays for' }),
    ticketsIssued: z.number().int().openapi({ description: 'Donated tickets issued (not voided)' }),
    ticketsUsed: z.number().int().openapi({ description: 'Donated tickets checked in at the door' }),
    balanceCents: z.number().int().openapi({ description: 'What the fund holds now' }),
    updatedAt: z.iso.datetime(),
  })
  .openapi('AccessFund');
export type AccessFundBody = z.infer<typeof AccessFundBody>;

export function serializeAccessFund(festival: { slug: string; timeZone: string }, f: PublicFundFigures, now: Date = new Date()): AccessFundBody {
  return {
    festival: festival.slug,
    timeZone: festival.timeZone,
    currency: f.currency,
    raisedCents: f.raisedCents,
    ticketValueCents: f.ticketValueCents,
    ticketsFunded: f.ticketsFunded,
    ticketsIssued: f.ticketsIssued,
    ticketsUsed: f.ticketsUsed,
    balanceCents: f.balanceCents,
    updatedAt: now.toISOString(),
  };
}
