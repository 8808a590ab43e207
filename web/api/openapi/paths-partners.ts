import type { ZodType } from 'zod';
import { AccessCodeRedemption } from '@/domain/partners/access-codes';
import { AllotmentGranted, AllotmentList, ClaimCreated, ClaimRequest, GrantRequest, RedemptionCreated } from '@/web/api/partners';
import { IdPath } from '@/web/api/schemas';
import { registry } from './registry';
import { ErrorBody } from './schemas';

/*
 * The partners operations of issue 8 (Community Access through partner organisations), registered on the shared
 * registry like paths.ts, with the very schemas the route handlers validate with.
 */

const json = (schema: ZodType) => ({ 'application/json': { schema } });
const error = (description: string) => ({ description, content: json(ErrorBody) });

registry.registerPath({
  method: 'post',
  path: '/access-codes/redemptions',
  operationId: 'redeemAccessCode',
  summary: 'Redeem a partner’s single-use access code for one free Community Access ticket (no account)',
  description: 'The code is used once, even when two people send it at the same moment. Rate-limited per client.',
  request: { body: { required: true, content: json(AccessCodeRedemption) } },
  responses: {
    201: { description: 'The ticket, also emailed to the address given', content: json(RedemptionCreated) },
    400: error('Malformed body'),
    404: error('invalid_code: wrong, used or void code, or a code for another screening'),
    409: error('The screening has started or was cancelled, or has no place left'),
    429: error('Too many attempts from this client (see Retry-After)'),
  },
});

registry.registerPath({
  method: 'get',
  path: '/partner/allotments',
  operationId: 'listPartnerAllotments',
  summary: 'The signed-in partner organisation’s Community Access allotments',
  responses: {
    200: { description: 'Allotments, soonest screening first', content: json(AllotmentList) },
    401: error('Not signed in'),
    403: error('Not a partner'),
  },
});

registry.registerPath({
  method: 'post',
  path: '/partner/allotments/{id}/claims',
  operationId: 'claimAllotmentPlaces',
  summary: 'Claim places of the partner’s own allotment: free tickets, names optional',
  request: { params: IdPath, body: { required: true, content: json(ClaimRequest) } },
  responses: {
    201: { description: 'Tickets issued (and emailed to the partner)', content: json(ClaimCreated) },
    400: error('Malformed body'),
    401: error('Not signed in'),
    403: error('Not a partner'),
    404: error('No such allotment of this organisation'),
    409: error('allotment_exhausted, allotment_not_open or past_cut_off'),
    422: error('Quantity out of range'),
  },
});

registry.registerPath({
  method: 'post',
  path: '/allotments',
  operationId: 'grantAllotment',
  summary: 'Staff: grant Community Access places, answering a request (allotmentId) or directly (screeningId + organisationId)',
  request: { body: { required: true, content: json(GrantRequest) } },
  responses: {
    201: { description: 'Granted', content: json(AllotmentGranted) },
    400: error('Malformed body'),
    401: error('Not signed in'),
    403: error('Not allowed to review access requests'),
    404: error('No such allotment, screening or organisation'),
    409: error('allocation_exhausted (grants never exceed the scheme’s allocation), allotment_not_open, organisation_not_verified or past_cut_off'),
    422: error('More than the partner asked for, or quantity out of range'),
  },
});
