import type { ZodType } from 'zod';
import { HoldRequest } from '@/domain/booking/holds';
import { ProgrammeFilters } from '@/domain/catalogue/programme-filters';
import { CheckoutRequest, IdPath, SlugPath } from '@/web/api/schemas';
import { ScreeningQuery } from '@/web/api/screening-query';
import { PageQuery } from '@/web/api/pagination';
import { FilmDetailBody, ScreeningDetailBody } from '@/web/api/serialize';
import { OrderBody } from '@/web/api/serialize-order';
import { annotate, registry } from './registry';
import {
  CheckoutStarted,
  ErrorBody,
  FilmList,
  HoldConflictBody,
  HoldCreated,
  HoldReleased,
  HoldTokenHeader,
  OrderTokenHeader,
  ScreeningList,
} from './schemas';

/*
 * The routes of app/api/v1, each with the validators its handler runs (request) and the bodies it answers with
 * (responses). The request schemas are the handlers' own: HoldRequest, Buyer, ProgrammeFilters, ScreeningQuery, IdPath.
 */

const json = (schema: ZodType) => ({ 'application/json': { schema } });
const error = (description: string) => ({ description, content: json(ErrorBody) });

// The domain's validators carry no API prose: their parameters are described here, on the instances themselves.
const filters = ProgrammeFilters.shape;
annotate(filters.q, { param: { description: 'Text search over title, director, cast and country' } });
annotate(filters.section, { param: { description: 'Section slug, e.g. panorama' } });
annotate(filters.venue, { param: { description: 'Only films with a screening at this venue' } });
annotate(filters.day, { format: 'date', param: { description: 'Only films with a screening on this festival day' } });
annotate(SlugPath.shape.slug, { param: { description: 'Film slug' } });
annotate(HoldRequest.shape.items.element.shape.ticketType, { examples: ['adult'] });
annotate(HoldRequest.shape.seats, { description: 'Seat ids (reserved venues); omit for best available' });
annotate(CheckoutRequest.shape.gift, { description: 'Optional gift to the access fund, added to the order: donated tickets at the screening\'s face value and/or whole dollars' });

registry.registerPath({
  method: 'get',
  path: '/films',
  operationId: 'listFilms',
  summary: 'Films in the programme, optionally filtered, a page at a time',
  request: { query: ProgrammeFilters.extend(PageQuery.shape) },
  responses: { 200: { description: 'The matching films', content: json(FilmList) }, 400: error('A filter value is malformed') },
});

registry.registerPath({
  method: 'get',
  path: '/films/{slug}',
  operationId: 'getFilm',
  summary: 'One film with credits, cast, partners, related films and screenings',
  request: { params: SlugPath },
  responses: { 200: { description: 'The film', content: json(FilmDetailBody) }, 404: error('No film with that slug') },
});

registry.registerPath({
  method: 'get',
  path: '/screenings',
  operationId: 'listScreenings',
  summary: 'Screenings with live availability, a page at a time (cursor)',
  request: { query: ScreeningQuery },
  responses: {
    200: { description: 'The matching screenings, in start order', content: json(ScreeningList) },
    400: error('A parameter is malformed or unknown'),
  },
});

registry.registerPath({
  method: 'get',
  path: '/screenings/{id}',
  operationId: 'getScreening',
  summary: 'One screening with prices, availability per ticket type, access allocations and seats',
  request: { params: IdPath },
  responses: {
    200: { description: 'The screening', content: json(ScreeningDetailBody) },
    400: error('The id is not a UUID'),
    404: error('No screening with that id'),
  },
});

registry.registerPath({
  method: 'post',
  path: '/screenings/{id}/holds',
  operationId: 'createHold',
  summary: 'Hold places for a screening (reserved: named seats or best available; general admission: a quantity)',
  description:
    'The hold lasts a few minutes (HOLD_MINUTES, default 10) and is returned with a secret holdToken: send it as the X-Hold-Token header to release or check out the hold. Rate-limited per client.',
  request: { params: IdPath, body: { required: true, content: json(HoldRequest) } },
  responses: {
    201: { description: 'Held', content: json(HoldCreated) },
    400: error('Malformed body'),
    404: error('No such screening'),
    409: {
      description:
        'not_enough_seats (with `available`), seats_unavailable, not_on_sale, or too_many_held (this client already holds the per-order maximum of places for the screening)',
      content: json(HoldConflictBody),
    },
    422: error('Well-formed but not acceptable (unknown ticket type, too many tickets, companion seat without a wheelchair space)'),
    429: error('Too many hold requests from this client (see Retry-After)'),
  },
});

registry.registerPath({
  method: 'delete',
  path: '/holds/{id}',
  operationId: 'releaseHold',
  summary: 'Release a hold (needs its token)',
  request: { params: IdPath, headers: HoldTokenHeader },
  responses: {
    200: { description: 'Released (or already ended)', content: json(HoldReleased) },
    403: error('Wrong or missing hold token'),
    404: error('No such hold'),
    409: error('A payment for the hold is in progress'),
  },
});

registry.registerPath({
  method: 'post',
  path: '/holds/{id}/checkout',
  operationId: 'checkoutHold',
  summary: 'Create the order and its Stripe Checkout Session (idempotent per hold)',
  request: { params: IdPath, headers: HoldTokenHeader, body: { required: true, content: json(CheckoutRequest) } },
  responses: {
    201: { description: 'Send the buyer to checkoutUrl; orderToken reads the order', content: json(CheckoutStarted) },
    400: error('Missing or malformed name or email'),
    403: error('Wrong or missing hold token'),
    404: error('No such hold'),
    409: error('The hold has ended'),
    410: error('The hold expired'),
    503: error('The payment provider did not answer; retry'),
  },
});

registry.registerPath({
  method: 'get',
  path: '/orders/{id}',
  operationId: 'getOrder',
  summary: 'An order and its tickets (needs the order token)',
  request: { params: IdPath, headers: OrderTokenHeader },
  responses: { 200: { description: 'The order', content: json(OrderBody) }, 404: error('No such order, or not yours') },
});

registry.registerPath({
  method: 'get',
  path: '/openapi.json',
  operationId: 'getOpenApi',
  summary: 'This document',
  responses: { 200: { description: 'OpenAPI 3.1 document' } },
});
