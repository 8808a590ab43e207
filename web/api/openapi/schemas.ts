import type { ApiErrorBody } from '@/web/api/respond';
import { FilmCardBody, ScreeningBody } from '@/web/api/serialize';
import { z } from '@/web/api/openapi/zod';

/*
 * The response bodies that route handlers build inline (no serializer of their own). The catalogue's and the order's
 * bodies live beside their serializers (web/api/serialize*.ts), which return exactly those types.
 */

/** Every error body (web/api/respond.ts). */
export const ErrorBody = z
  .object({
    error: z.string().openapi({ examples: ['bad_request', 'not_found'] }),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi('Error');

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** respond.ts writes the error bodies to its own type: this stops compiling when that type and the schema part. */
export const ERROR_BODY_MATCHES_SCHEMA: Same<ApiErrorBody, z.infer<typeof ErrorBody>> = true;

/** `not_enough_seats` also says how many places are left; `seats_unavailable` which seats were taken. */
export const HoldConflictBody = ErrorBody.extend({ available: z.number().int().optional(), seats: z.array(z.string()).optional() });

const nextCursor = z.string().nullable().openapi({ description: 'Pass as `cursor` for the next page; null on the last page' });
export const FilmList = z.object({ festival: z.string(), count: z.number().int(), nextCursor, films: z.array(FilmCardBody) });
export type FilmList = z.infer<typeof FilmList>;

export const ScreeningList = z.object({ festival: z.string(), timeZone: z.string(), count: z.number().int(), nextCursor, screenings: z.array(ScreeningBody) });
export type ScreeningList = z.infer<typeof ScreeningList>;

export const HoldCreated = z.object({
  holdId: z.guid(),
  holdToken: z.string(),
  seats: z.array(z.object({ id: z.string(), label: z.string() })),
  quantity: z.number().int(),
  expiresAt: z.iso.datetime(),
  totalCents: z.number().int(),
});
export type HoldCreated = z.infer<typeof HoldCreated>;

export const HoldReleased = z.object({ released: z.boolean() });
export type HoldReleased = z.infer<typeof HoldReleased>;

export const CheckoutStarted = z.object({ orderId: z.guid(), orderToken: z.string(), checkoutUrl: z.url() });
export type CheckoutStarted = z.infer<typeof CheckoutStarted>;

export const HoldTokenHeader = z.object({ 'X-Hold-Token': z.string() });

export const OrderTokenHeader = z.object({ 'X-Order-Token': z.string().openapi({ param: { description: 'or ?token=' } }).optional() });
