import { z } from 'zod';
import { GIFT_LIMITS } from '@/domain/access-fund/donations';

/** The buyer's details at checkout, for the API and the site's form alike. */
export const Buyer = z.object({
  name: z.string().trim().min(1, 'name is required').max(120),
  email: z.string().trim().toLowerCase().email('must be an email address').max(254),
});

/**
 * The checkout's body: the buyer, and optionally a gift to the access fund added to the order (donated tickets at the
 * screening's face value and/or whole dollars; the same bounds as the website's checkout, GIFT_LIMITS).
 */
export const CheckoutRequest = Buyer.extend({
  gift: z
    .object({
      tickets: z.number().int().min(0).max(GIFT_LIMITS.maxTickets).optional(),
      dollars: z.number().int().min(0).max(GIFT_LIMITS.maxDollars).optional(),
    })
    .optional(),
});

/**
 * An id in a path: a UUID as the database issues them. `z.guid()` accepts exactly what lib/ids' UUID_PATTERN does
 * (8-4-4-4-12 hex digits, any case, any version), where `z.uuid()` would also demand RFC 9562 version bits.
 */
export const Uuid = z.guid();

/** Path parameters, as the routes read them and the OpenAPI document describes them. */
export const IdPath = z.object({ id: Uuid });
export const SlugPath = z.object({ slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/) });
