import type { AccessAvailability } from '@/domain/catalogue/screenings';
import { z } from '@/web/api/openapi/zod';

/** One access scheme's honest availability at a screening: what `GET /screenings/{id}/access` and the screening body say. */
export const AccessAvailabilityBody = z
  .object({
    scheme: z.enum(['indigenous_access', 'community_access', 'donated']),
    allocated: z.number().int().openapi({ description: 'Places the scheme holds back now (after the cut-off: only those already claimed)' }),
    available: z.number().int().openapi({ description: 'Places that can be claimed now (partners\' allotments and live holds excluded)' }),
    released: z.boolean().openapi({ description: 'The cut-off has passed: unclaimed places are back on general sale' }),
    cutOffAt: z.iso.datetime().openapi({ description: 'When unclaimed places return to general sale' }),
  })
  .openapi('AccessAvailability');
export type AccessAvailabilityBody = z.infer<typeof AccessAvailabilityBody>;

export const ScreeningAccessBody = z
  .object({ screeningId: z.guid(), access: z.array(AccessAvailabilityBody) })
  .openapi('ScreeningAccess');
export type ScreeningAccessBody = z.infer<typeof ScreeningAccessBody>;

export function serializeAccessAvailability(a: AccessAvailability): AccessAvailabilityBody {
  return { scheme: a.scheme, allocated: a.allocated, available: a.available, released: a.released, cutOffAt: a.cutOffAt.toISOString() };
}
