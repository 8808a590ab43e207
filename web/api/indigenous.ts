import { z } from '@/web/api/openapi/zod';

/*
 * The Indigenous Access API's request extras and response bodies (the claim and waiting-list requests themselves are
 * the domain's validators: IndigenousClaimRequest, WaitlistRequest). Registered in web/api/openapi/paths-indigenous.ts.
 */

export const OrderIdPath = z.object({ orderId: z.guid() });

export const CancelClaimRequest = z.object({ tickets: z.array(z.guid()).min(1).max(10).optional() }).strict();

export const IndigenousClaimCreated = z.object({
  orderId: z.guid(),
  orderNumber: z.string(),
  tickets: z.array(z.object({ id: z.guid(), code: z.string(), seat: z.string().nullable() })),
});
export type IndigenousClaimCreated = z.infer<typeof IndigenousClaimCreated>;

export const IndigenousClaimCancelled = z.object({ cancelled: z.number().int(), orderCancelled: z.boolean() });
export type IndigenousClaimCancelled = z.infer<typeof IndigenousClaimCancelled>;

export const WaitlistJoined = z.object({ entryId: z.guid() });
export type WaitlistJoined = z.infer<typeof WaitlistJoined>;

export const WaitlistLeft = z.object({ left: z.number().int() });
export type WaitlistLeft = z.infer<typeof WaitlistLeft>;
