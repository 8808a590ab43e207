import type { ZodType } from 'zod';
import { DeskOrderBody, DeskOrderList, DeskRefundCreated, DeskRefundRequest, OrderLookupParams } from '@/web/api/desk';
import { IdPath } from '@/web/api/schemas';
import { z } from './zod';
import { registry } from './registry';
import { ErrorBody } from './schemas';

/*
 * The box-office desk's operations (issue 9): order lookup, one order, refunds. For staff, with a staff API token
 * (`Authorization: Bearer mq_…`) or the site's session cookie; registered with the very validators the handlers run.
 */

const json = (schema: ZodType) => ({ 'application/json': { schema } });
const error = (description: string) => ({ description, content: json(ErrorBody) });

registry.registerPath({
  method: 'get',
  path: '/box-office/orders',
  operationId: 'lookUpOrders',
  summary: 'Find orders by name, email, order number or ticket code (exact matches first, at most 25; Indigenous Access orders are never listed)',
  request: { query: OrderLookupParams },
  responses: {
    200: { description: 'The matching orders', content: json(DeskOrderList) },
    400: error('No query, or one shorter than 2 characters'),
    401: error('Not signed in, or an unknown, expired or revoked token'),
    403: error('Without the orders.read_any permission'),
  },
});

registry.registerPath({
  method: 'get',
  path: '/box-office/orders/{id}',
  operationId: 'getDeskOrder',
  summary: 'One order for the desk: tickets with their check-ins, payments and refunds, and what can still be refunded',
  request: { params: IdPath },
  responses: {
    200: { description: 'The order', content: json(DeskOrderBody) },
    401: error('Not signed in, or an unknown, expired or revoked token'),
    403: error('Without the orders.read_any permission'),
    404: error('No such order (an Indigenous Access order is not shown to staff either)'),
  },
});

registry.registerPath({
  method: 'post',
  path: '/box-office/orders/{id}/refunds',
  operationId: 'refundDeskOrder',
  summary:
    'Refund an order in full or in part (chosen tickets, optionally a lower amount); the gift to the access fund only with includeDonation. A retry with the same key returns the first refund.',
  request: {
    params: IdPath,
    headers: z.object({ 'Idempotency-Key': z.string().min(8).max(200).optional() }),
    body: { required: true, content: json(DeskRefundRequest) },
  },
  responses: {
    201: { description: 'Refunded (succeeded) or recorded while Stripe confirms (pending)', content: json(DeskRefundCreated) },
    400: error('Malformed body, or neither an Idempotency-Key header nor a requestKey'),
    401: error('Not signed in, or an unknown, expired or revoked token'),
    403: error('Without the refunds.issue permission'),
    404: error('No such order'),
    409: error('The order cannot be refunded now (not paid, nothing left to refund)'),
    422: error('Tickets not valid tickets of this order, or an amount above what is refundable'),
  },
});
