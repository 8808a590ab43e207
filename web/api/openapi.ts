/** The OpenAPI description of the public JSON API, served at /api/v1/openapi.json. */

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

const slugParam = (name: string, description: string, where: 'path' | 'query' = 'query', required = where === 'path') => ({
  name,
  in: where,
  required,
  description,
  schema: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' },
});

const stringArray = { type: 'array', items: { type: 'string' } };
const nullableString = { type: ['string', 'null'] };
const nullableInteger = { type: ['integer', 'null'] };

export const OPENAPI_DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'Marquee festival API',
    version: '1.0.0',
    description:
      'Read the festival programme: films, screenings and live availability. Times are ISO 8601 instants; `localDate` and `localStart` are in the festival time zone.',
  },
  servers: [{ url: '/api/v1' }],
  paths: {
    '/films': {
      get: {
        operationId: 'listFilms',
        summary: 'Films in the programme, optionally filtered',
        parameters: [
          { name: 'q', in: 'query', description: 'Text search over title, director, cast and country', schema: { type: 'string', maxLength: 100 } },
          slugParam('section', 'Section slug, e.g. panorama'),
          slugParam('venue', 'Only films with a screening at this venue'),
          { name: 'day', in: 'query', description: 'Only films with a screening on this festival day', schema: { type: 'string', format: 'date' } },
          { name: 'country', in: 'query', schema: { type: 'string' } },
          { name: 'language', in: 'query', schema: { type: 'string' } },
          {
            name: 'feature',
            in: 'query',
            schema: { type: 'string', enum: ['open_captions', 'closed_captions', 'audio_description', 'relaxed', 'asl'] },
          },
        ],
        responses: {
          '200': {
            description: 'The matching films',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['festival', 'count', 'films'],
                  properties: {
                    festival: { type: 'string' },
                    count: { type: 'integer' },
                    films: { type: 'array', items: { $ref: '#/components/schemas/FilmCard' } },
                  },
                },
              },
            },
          },
          '400': errorResponse('A filter value is malformed'),
        },
      },
    },
    '/films/{slug}': {
      get: {
        operationId: 'getFilm',
        summary: 'One film with credits, cast, partners, related films and screenings',
        parameters: [slugParam('slug', 'Film slug', 'path')],
        responses: {
          '200': { description: 'The film', content: { 'application/json': { schema: { $ref: '#/components/schemas/FilmDetail' } } } },
          '404': errorResponse('No film with that slug'),
        },
      },
    },
    '/screenings': {
      get: {
        operationId: 'listScreenings',
        summary: 'Screenings with live availability',
        parameters: [
          { name: 'date', in: 'query', description: 'Festival-local date', schema: { type: 'string', format: 'date' } },
          slugParam('venue', 'Venue slug'),
          slugParam('film', 'Film slug'),
        ],
        responses: {
          '200': {
            description: 'The matching screenings, in start order',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['festival', 'timeZone', 'count', 'screenings'],
                  properties: {
                    festival: { type: 'string' },
                    timeZone: { type: 'string' },
                    count: { type: 'integer' },
                    screenings: { type: 'array', items: { $ref: '#/components/schemas/Screening' } },
                  },
                },
              },
            },
          },
          '400': errorResponse('A parameter is malformed or unknown'),
        },
      },
    },
    '/screenings/{id}': {
      get: {
        operationId: 'getScreening',
        summary: 'One screening with prices, availability per ticket type, access allocations and seats',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
        responses: {
          '200': {
            description: 'The screening',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ScreeningDetail' } } },
          },
          '400': errorResponse('The id is not a UUID'),
          '404': errorResponse('No screening with that id'),
        },
      },
    },
    '/screenings/{id}/holds': {
      post: {
        operationId: 'createHold',
        summary: 'Hold places for a screening (reserved: named seats or best available; general admission: a quantity)',
        description:
          'The hold lasts a few minutes (HOLD_MINUTES, default 10) and is returned with a secret holdToken: send it as the X-Hold-Token header to release or check out the hold. Rate-limited per client.',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['items'],
                properties: {
                  items: {
                    type: 'array',
                    minItems: 1,
                    items: {
                      type: 'object',
                      required: ['ticketType', 'quantity'],
                      properties: { ticketType: { type: 'string', examples: ['adult'] }, quantity: { type: 'integer', minimum: 0 } },
                    },
                  },
                  seats: { type: 'array', items: { type: 'string', format: 'uuid' }, description: 'Seat ids (reserved venues); omit for best available' },
                },
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'Held',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['holdId', 'holdToken', 'seats', 'expiresAt', 'totalCents'],
                  properties: {
                    holdId: { type: 'string', format: 'uuid' },
                    holdToken: { type: 'string' },
                    seats: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, label: { type: 'string' } } } },
                    quantity: { type: 'integer' },
                    expiresAt: { type: 'string', format: 'date-time' },
                    totalCents: { type: 'integer' },
                  },
                },
              },
            },
          },
          '400': errorResponse('Malformed body'),
          '404': errorResponse('No such screening'),
          '409': {
            description: 'not_enough_seats (with `available`), seats_unavailable, not_on_sale, or too_many_held (this client already holds the per-order maximum of places for the screening)',
            content: {
              'application/json': {
                schema: { allOf: [{ $ref: '#/components/schemas/Error' }, { type: 'object', properties: { available: { type: 'integer' } } }] },
              },
            },
          },
          '422': errorResponse('Well-formed but not acceptable (unknown ticket type, too many tickets, companion seat without a wheelchair space)'),
          '429': errorResponse('Too many hold requests from this client (see Retry-After)'),
        },
      },
    },
    '/holds/{id}': {
      delete: {
        operationId: 'releaseHold',
        summary: 'Release a hold (needs its token)',
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
          { name: 'X-Hold-Token', in: 'header', required: true, schema: { type: 'string' } },
        ],
        responses: {
          '200': { description: 'Released (or already ended)', content: { 'application/json': { schema: { type: 'object', properties: { released: { type: 'boolean' } } } } } },
          '403': errorResponse('Wrong or missing hold token'),
          '404': errorResponse('No such hold'),
          '409': errorResponse('A payment for the hold is in progress'),
        },
      },
    },
    '/holds/{id}/checkout': {
      post: {
        operationId: 'checkoutHold',
        summary: 'Create the order and its Stripe Checkout Session (idempotent per hold)',
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
          { name: 'X-Hold-Token', in: 'header', required: true, schema: { type: 'string' } },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { type: 'object', required: ['name', 'email'], properties: { name: { type: 'string' }, email: { type: 'string', format: 'email' } } },
            },
          },
        },
        responses: {
          '201': {
            description: 'Send the buyer to checkoutUrl; orderToken reads the order',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['orderId', 'orderToken', 'checkoutUrl'],
                  properties: { orderId: { type: 'string', format: 'uuid' }, orderToken: { type: 'string' }, checkoutUrl: { type: 'string', format: 'uri' } },
                },
              },
            },
          },
          '400': errorResponse('Missing or malformed name or email'),
          '403': errorResponse('Wrong or missing hold token'),
          '404': errorResponse('No such hold'),
          '409': errorResponse('The hold has ended'),
          '410': errorResponse('The hold expired'),
          '503': errorResponse('The payment provider did not answer; retry'),
        },
      },
    },
    '/orders/{id}': {
      get: {
        operationId: 'getOrder',
        summary: 'An order and its tickets (needs the order token)',
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
          { name: 'X-Order-Token', in: 'header', required: false, schema: { type: 'string' }, description: 'or ?token=' },
        ],
        responses: {
          '200': { description: 'The order', content: { 'application/json': { schema: { $ref: '#/components/schemas/Order' } } } },
          '404': errorResponse('No such order, or not yours'),
        },
      },
    },
    '/openapi.json': {
      get: { operationId: 'getOpenApi', summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1 document' } } },
    },
  },
  components: {
    schemas: {
      Order: {
        type: 'object',
        required: ['id', 'number', 'status', 'tickets'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          number: { type: 'string' },
          status: { type: 'string', enum: ['pending', 'paid', 'refund_due', 'refunded', 'expired', 'failed'] },
          buyerName: { type: 'string' },
          totalCents: { type: 'integer' },
          currency: { type: 'string' },
          screening: { type: 'object' },
          tickets: {
            type: 'array',
            items: {
              type: 'object',
              properties: { code: { type: 'string' }, ticketType: { type: 'string' }, seat: nullableString, priceCents: { type: 'integer' }, url: { type: 'string' } },
            },
          },
          downloads: { type: ['object', 'null'], properties: { pdf: { type: 'string' }, ics: { type: 'string' } } },
        },
      },
      Error: {
        type: 'object',
        required: ['error', 'message'],
        properties: {
          error: { type: 'string', examples: ['bad_request', 'not_found'] },
          message: { type: 'string' },
          details: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
        },
      },
      FilmCard: {
        type: 'object',
        required: ['slug', 'title', 'url'],
        properties: {
          slug: { type: 'string' },
          title: { type: 'string' },
          logline: { type: 'string' },
          year: nullableInteger,
          runtimeMinutes: nullableInteger,
          countries: stringArray,
          languages: stringArray,
          directors: stringArray,
          section: { type: ['object', 'null'], properties: { slug: { type: 'string' }, name: { type: 'string' } } },
          posterUrl: nullableString,
          url: { type: 'string' },
        },
      },
      FilmDetail: {
        allOf: [
          { $ref: '#/components/schemas/FilmCard' },
          {
            type: 'object',
            properties: {
              originalTitle: nullableString,
              synopsis: { type: 'string' },
              subtitles: nullableString,
              premiereStatus: { type: 'string', enum: ['world', 'international', 'north_american', 'canadian', 'regional', 'none'] },
              genres: stringArray,
              contentAdvisories: stringArray,
              ageRestriction: { type: 'string', enum: ['all_ages', '13_plus', '16_plus', '18_plus'] },
              credits: { type: 'array', items: { type: 'object', properties: { role: { type: 'string' }, people: stringArray } } },
              cast: stringArray,
              directorProfiles: { type: 'array', items: { type: 'object' } },
              partners: { type: 'array', items: { type: 'object', properties: { slug: { type: 'string' }, name: { type: 'string' } } } },
              related: { type: 'array', items: { type: 'object', properties: { slug: { type: 'string' }, title: { type: 'string' } } } },
              screenings: { type: 'array', items: { $ref: '#/components/schemas/Screening' } },
            },
          },
        ],
      },
      Screening: {
        type: 'object',
        required: ['id', 'title', 'startsAt', 'endsAt', 'saleState', 'available', 'venue'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          title: { type: 'string' },
          films: { type: 'array', items: { type: 'object', properties: { slug: { type: 'string' }, title: { type: 'string' } } } },
          startsAt: { type: 'string', format: 'date-time' },
          endsAt: { type: 'string', format: 'date-time' },
          localDate: { type: 'string', format: 'date' },
          localStart: { type: 'string' },
          timeZone: { type: 'string' },
          status: { type: 'string', enum: ['scheduled', 'on_sale', 'off_sale', 'cancelled'] },
          saleState: { type: 'string', enum: ['on_sale', 'few_left', 'sold_out', 'off_sale', 'cancelled', 'not_yet_on_sale', 'past'] },
          saleStateLabel: { type: 'string' },
          onSaleAt: { type: ['string', 'null'], format: 'date-time' },
          available: { type: 'integer', description: 'Standard places that can be bought now' },
          capacity: { type: 'integer' },
          fromPriceCents: nullableInteger,
          hasQa: { type: 'boolean' },
          features: stringArray,
          venue: { type: 'object', properties: { slug: { type: 'string' }, name: { type: 'string' }, seating: { type: 'string' } } },
          url: { type: 'string' },
        },
      },
      ScreeningDetail: {
        allOf: [
          { $ref: '#/components/schemas/Screening' },
          {
            type: 'object',
            properties: {
              guestNote: nullableString,
              cancellationNote: nullableString,
              ticketTypes: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['code', 'name', 'priceCents', 'available'],
                  properties: {
                    code: { type: 'string' },
                    name: { type: 'string' },
                    description: nullableString,
                    priceCents: { type: 'integer', description: 'All-in price' },
                    available: { type: 'integer' },
                  },
                },
              },
              accessAllocations: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    programme: { type: 'string', enum: ['indigenous_access', 'community_access', 'donated'] },
                    quantity: { type: 'integer' },
                    remaining: { type: 'integer' },
                  },
                },
              },
              seats: {
                type: ['array', 'null'],
                items: {
                  type: 'object',
                  properties: {
                    id: { type: 'string', format: 'uuid' },
                    section: { type: 'string' },
                    row: { type: 'string' },
                    number: { type: 'integer' },
                    kind: { type: 'string', enum: ['standard', 'wheelchair', 'companion', 'aisle'] },
                    state: { type: 'string', enum: ['available', 'held', 'sold', 'blocked'] },
                  },
                },
              },
            },
          },
        ],
      },
    },
  },
} as const;
