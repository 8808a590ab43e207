import type { ZodType } from 'zod';
import { IndigenousClaimRequest, WaitlistRequest } from '@/domain/access/indigenous';
import { CancelClaimRequest, IndigenousClaimCancelled, IndigenousClaimCreated, OrderIdPath, WaitlistJoined, WaitlistLeft } from '@/web/api/indigenous';
import { IdPath } from '@/web/api/schemas';
import { annotate, registry } from './registry';
import { ErrorBody } from './schemas';

/*
 * The Indigenous Access operations of issue 8 (access programmes), registered on the shared registry like paths.ts.
 * Each needs a signed-in session (the site's cookie): the claim is the person's own, and nothing but its fact is stored.
 */

const json = (schema: ZodType) => ({ 'application/json': { schema } });
const error = (description: string) => ({ description, content: json(ErrorBody) });

annotate(IndigenousClaimRequest.shape.quantity, { description: 'How many free tickets (within the per-screening and per-festival limits)', examples: [2] });
annotate(IndigenousClaimRequest.shape.seats, { description: 'Seat ids (reserved venues); omit for best available' });
annotate(IndigenousClaimRequest.shape.selfIdentified, { description: 'The person confirms that they are First Nations, Métis or Inuit. No proof is asked.' });

registry.registerPath({
  method: 'post',
  path: '/screenings/{id}/indigenous-claims',
  operationId: 'claimIndigenousTickets',
  summary: 'Claim free Indigenous Access tickets for the signed-in person (confirmed at once, no payment step)',
  description:
    'Takes places from the screening\'s Indigenous Access allocation and issues a $0 order with e-tickets, emailed like paid ones. Needs the session cookie. When the allocation is exhausted the answer is 409 not_enough_places: join the waiting list.',
  request: { params: IdPath, body: { required: true, content: json(IndigenousClaimRequest) } },
  responses: {
    201: { description: 'Claimed: the order and its tickets', content: json(IndigenousClaimCreated) },
    400: error('Malformed body, or selfIdentified is not true'),
    401: error('Not signed in'),
    404: error('No such screening, or it has no Indigenous Access'),
    409: error('not_enough_places, limit_reached (per screening or per festival), claims_closed (cut-off passed), not_on_sale, seats_unavailable'),
    422: error('Well-formed but not acceptable (seat count, companion seat without a wheelchair space)'),
  },
});

registry.registerPath({
  method: 'delete',
  path: '/indigenous-claims/{orderId}',
  operationId: 'cancelIndigenousClaim',
  summary: 'Cancel your own Indigenous Access tickets (all, or the ones named); the places return to the allocation',
  request: { params: OrderIdPath, body: { required: false, content: json(CancelClaimRequest) } },
  responses: {
    200: { description: 'Cancelled', content: json(IndigenousClaimCancelled) },
    400: error('Malformed body'),
    401: error('Not signed in'),
    404: error('No such claim, or not yours'),
    409: error('Already cancelled or used, or the screening has started'),
  },
});

registry.registerPath({
  method: 'post',
  path: '/screenings/{id}/waitlist',
  operationId: 'joinIndigenousWaitlist',
  summary: 'Join the Indigenous Access waiting list of a screening ("tell me if places come back")',
  description: 'When places return, people are offered them in the order they joined, each with a time-limited claim link by email.',
  request: { params: IdPath, body: { required: true, content: json(WaitlistRequest) } },
  responses: {
    201: { description: 'On the list', content: json(WaitlistJoined) },
    400: error('Malformed body'),
    401: error('Not signed in'),
    404: error('No such screening'),
    409: error('already_waiting, limit_reached, claims_closed or not_on_sale'),
  },
});

registry.registerPath({
  method: 'delete',
  path: '/screenings/{id}/waitlist',
  operationId: 'leaveIndigenousWaitlist',
  summary: 'Leave the waiting list of a screening (an open offer goes to the next person)',
  request: { params: IdPath },
  responses: {
    200: { description: 'Left', content: json(WaitlistLeft) },
    400: error('The id is not a UUID'),
    401: error('Not signed in'),
    404: error('Not on this waiting list'),
  },
});
