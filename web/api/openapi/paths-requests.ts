import type { ZodType } from 'zod';
import { DonationRequestInput } from '@/domain/donation-requests/requests';
import { DonationDecision, DonationDecisionResult, DonationRequestCreated, DonationRequestList, FundConflictBody } from '@/web/api/donation-requests';
import { IdPath } from '@/web/api/schemas';
import { registry } from './registry';
import { ErrorBody } from './schemas';

/*
 * The Ticket Donation Requests operations of issue 8, registered on the shared registry like paths.ts, with the very
 * validators the route handlers run (DonationRequestInput, DonationDecision, IdPath). Both need the site's session
 * cookie: a partner's for the first two, staff's for the decision.
 */

const json = (schema: ZodType) => ({ 'application/json': { schema } });
const error = (description: string) => ({ description, content: json(ErrorBody) });

registry.registerPath({
  method: 'get',
  path: '/partner/donation-requests',
  operationId: 'listDonationRequests',
  summary: "The signed-in partner organisation's donation requests, newest first, with status, staff message and the tickets issued",
  responses: {
    200: { description: 'The requests', content: json(DonationRequestList) },
    401: error('Not signed in'),
    403: error('Not a partner organisation'),
  },
});

registry.registerPath({
  method: 'post',
  path: '/partner/donation-requests',
  operationId: 'submitDonationRequest',
  summary: 'Ask for donated tickets: screenings (ids) or a date range, 1–50 tickets, who they are for, accessibility needs and a contact',
  request: { body: { required: true, content: json(DonationRequestInput) } },
  responses: {
    201: { description: 'Submitted: staff decide and email the contact', content: json(DonationRequestCreated) },
    400: error('Malformed body, or screenings and dates both or neither given'),
    401: error('Not signed in'),
    403: error('Not a partner, or the organisation is not verified yet (organisation_not_verified)'),
    422: error('A screening has started, was cancelled or is in another festival; or the days are outside the festival'),
  },
});

registry.registerPath({
  method: 'post',
  path: '/donation-requests/{id}/decisions',
  operationId: 'decideDonationRequest',
  summary: 'Staff approve a donation request (tickets per screening, from the Donated allocation or general sale, each debiting the access fund) or decline it',
  request: { params: IdPath, body: { required: true, content: json(DonationDecision) } },
  responses: {
    200: { description: 'Decided: the request status, tickets issued in all, and the orders made now', content: json(DonationDecisionResult) },
    400: error('Malformed body'),
    401: error('Not signed in'),
    403: error('Not festival staff'),
    404: error('No such request or screening'),
    409: {
      description: 'already_decided, insufficient_funds (with balanceCents and neededCents), not_enough_places, seats_unavailable or screening_closed; nothing was issued',
      content: json(FundConflictBody),
    },
    422: error('More tickets than the request has left, or a screening it did not ask for'),
  },
});
