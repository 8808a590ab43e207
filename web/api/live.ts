import { z } from 'zod';
import { SALE_STATES } from '@/lib/sale-state';
import { Uuid } from './schemas';

/** The most screenings one availability request may name: a page of the programme or one day of the schedule fits. */
export const MAX_AVAILABILITY_IDS = 100;

/** `?screenings=id,id,…`: the cached pages ask for the screenings they show, in one request. */
export const AvailabilityQuery = z.object({
  screenings: z
    .string()
    .max(MAX_AVAILABILITY_IDS * 37)
    .transform((v) => [...new Set(v.split(',').map((id) => id.trim()).filter(Boolean))])
    .pipe(z.array(Uuid).min(1, 'name at least one screening').max(MAX_AVAILABILITY_IDS, `at most ${MAX_AVAILABILITY_IDS} screenings`)),
});

export const ScreeningAvailability = z.object({
  id: Uuid,
  saleState: z.enum(SALE_STATES as [string, ...string[]]),
  available: z.number().int().min(0),
});

export const AvailabilityBody = z.object({ screenings: z.array(ScreeningAvailability) });
export type AvailabilityBody = z.infer<typeof AvailabilityBody>;

/** Who is signed in, for the header of cached pages: nothing that page needs beyond a name and where to go. */
export const MeBody = z.object({
  user: z
    .object({
      name: z.string(),
      boxOffice: z.boolean(),
      partner: z.boolean(),
    })
    .nullable(),
});
export type MeBody = z.infer<typeof MeBody>;

/**
 * How long the availability answer may be kept: a few seconds, so that what a page shows is never much older, while a
 * rush of visitors costs one query per screening list every few seconds (the app's page cache and any CDN honour it).
 */
export const AVAILABILITY_CACHE_CONTROL = 'public, max-age=0, s-maxage=5';
