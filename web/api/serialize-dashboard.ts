import type { Dashboard } from '@/domain/reports/dashboard';
import { z } from '@/web/api/openapi/zod';

const Count = z.union([z.number().int(), z.literal('fewer than 5')]);

/** GET /api/v1/box-office/dashboard: what the box office's front page shows, for its poll (counts and amounts only). */
export const DashboardBody = z
  .object({
    timeZone: z.string().openapi({ examples: ['America/Vancouver'] }),
    currency: z.string().openapi({ examples: ['CAD'] }),
    today: z.iso.date().openapi({ description: 'Today in the festival time zone' }),
    updatedAt: z.iso.datetime(),
    screenings: z.array(
      z.object({
        id: z.guid(),
        title: z.string(),
        venue: z.string(),
        startsAt: z.iso.datetime(),
        status: z.string(),
        capacity: z.number().int(),
        sold: z.number().int().openapi({ description: 'General sale: places sold' }),
        held: z.number().int().openapi({ description: 'General sale: places in live holds' }),
        available: z.number().int().openapi({ description: 'General sale: places left to sell now' }),
        access: z.array(
          z.object({
            scheme: z.enum(['indigenous_access', 'community_access', 'donated']),
            allocated: z.number().int(),
            used: Count.openapi({ description: 'Places used; an Indigenous Access count under 5 reads "fewer than 5"' }),
          }),
        ),
        checkedIn: z.number().int(),
      }),
    ),
    revenue: z.array(
      z.object({
        day: z.iso.date(),
        takenCents: z.number().int().openapi({ description: 'Payments taken that day: Stripe, cash and card terminal' }),
        refundedCents: z.number().int().openapi({ description: 'Refunds recorded that day (pending or succeeded)' }),
        netCents: z.number().int(),
      }),
    ),
  })
  .openapi('BoxOfficeDashboard');
export type DashboardBody = z.infer<typeof DashboardBody>;

export function serializeDashboard(d: Dashboard, now: Date = new Date()): DashboardBody {
  return {
    timeZone: d.timeZone,
    currency: d.currency,
    today: d.today,
    updatedAt: now.toISOString(),
    screenings: d.screenings.map((s) => ({
      id: s.id,
      title: s.title,
      venue: s.venue,
      startsAt: s.startsAt.toISOString(),
      status: s.status,
      capacity: s.capacity,
      sold: s.sold,
      held: s.held,
      available: s.available,
      access: s.access.map((a) => ({ scheme: a.scheme, allocated: a.allocated, used: a.used === 'withheld' ? 'fewer than 5' : a.used })),
      checkedIn: s.checkedIn,
    })),
    revenue: d.revenue,
  };
}
