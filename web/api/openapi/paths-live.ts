import type { ZodType } from 'zod';
import { AvailabilityBody, AvailabilityQuery, MeBody } from '@/web/api/live';
import { annotate, registry } from './registry';
import { ErrorBody } from './schemas';

/*
 * The two small endpoints the cached public pages read in the browser: live availability (kept 5 seconds) and who is
 * signed in (the caller's own answer, never cached).
 */

const json = (schema: ZodType) => ({ 'application/json': { schema } });

annotate(AvailabilityQuery.shape.screenings, { param: { description: 'Comma-separated screening ids, at most 100' } });

registry.registerPath({
  method: 'get',
  path: '/availability',
  operationId: 'listAvailability',
  summary: 'The sale state and places left of up to 100 screenings at once',
  description:
    'What the programme, film, schedule and venue pages show as live badges. Kept 5 seconds by the server and any shared cache (`Cache-Control: public, max-age=0, s-maxage=5`); the hold is the only guarantee of a place. Screenings of other festivals and unknown ids are left out.',
  request: { query: AvailabilityQuery },
  responses: {
    200: { description: 'The named screenings that exist', content: json(AvailabilityBody) },
    400: { description: 'No ids, too many ids, or one that is not a UUID', content: json(ErrorBody) },
  },
});

registry.registerPath({
  method: 'get',
  path: '/me',
  operationId: 'getMe',
  summary: 'Who is signed in (for the site header): a name and which areas they may open, or null',
  responses: { 200: { description: 'The caller; `user` is null for anyone not signed in. Never cached (`private, no-store`).', content: json(MeBody) } },
});
