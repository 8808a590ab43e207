import { z } from '@/web/api/openapi/zod';
import { MAX_PLACES_AT_ONCE } from '@/domain/partners/allotments';

/*
 * The partner operations' request and response bodies (issue 8, Community Access): what the route handlers validate
 * with and answer, and what web/api/openapi/paths-partners.ts publishes.
 */

const Places = z.number().int().min(1).max(MAX_PLACES_AT_ONCE);

export const ClaimRequest = z.object({
  quantity: Places,
  /** One per ticket, in order; a missing or empty one prints the partner's name. */
  holderNames: z.array(z.string().trim().max(120).nullable()).max(MAX_PLACES_AT_ONCE).optional(),
});

export const GrantRequest = z.union([
  z.object({ allotmentId: z.guid(), quantity: Places, note: z.string().trim().max(500).optional() }).strict(),
  z.object({ screeningId: z.guid(), organisationId: z.guid(), quantity: Places, note: z.string().trim().max(500).optional() }).strict(),
]);

export const AllotmentBody = z
  .object({
    id: z.guid(),
    screeningId: z.guid(),
    title: z.string(),
    startsAt: z.iso.datetime(),
    status: z.enum(['requested', 'granted', 'declined', 'returned']),
    requestedQuantity: z.number().int(),
    quantity: z.number().int(),
    used: z.number().int(),
    left: z.number().int(),
    deadline: z.iso.datetime(),
    open: z.boolean(),
  })
  .openapi('Allotment');
export type AllotmentBody = z.infer<typeof AllotmentBody>;

export const AllotmentList = z.object({ count: z.number().int(), allotments: z.array(AllotmentBody) });
export type AllotmentList = z.infer<typeof AllotmentList>;

export const ClaimCreated = z.object({
  orderId: z.guid(),
  orderNumber: z.string(),
  tickets: z.array(z.object({ code: z.string(), seat: z.string().nullable(), url: z.string() })),
});
export type ClaimCreated = z.infer<typeof ClaimCreated>;

export const AllotmentGranted = z.object({ allotmentId: z.guid(), quantity: z.number().int() });
export type AllotmentGranted = z.infer<typeof AllotmentGranted>;

export const RedemptionCreated = z.object({ orderId: z.guid(), orderNumber: z.string(), ticketCode: z.string(), ticketUrl: z.string(), seat: z.string().nullable() });
export type RedemptionCreated = z.infer<typeof RedemptionCreated>;
