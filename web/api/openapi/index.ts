import { OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { registry } from './registry';
import './paths';
import './paths-allocations';
import './paths-indigenous';
import './paths-partners';
import './paths-requests';
import './paths-donations';
import './paths-reports';
import './paths-desk';
import './paths-check-in';
import './paths-live';

/**
 * The OpenAPI description of the public JSON API, served at /api/v1/openapi.json. Generated from the zod schemas the
 * route handlers validate with and the serializers return (see paths.ts); tests/unit/openapi.test.ts compares it with
 * the hand-written document it replaced (tests/fixtures/openapi-before.json).
 */
export const OPENAPI_DOCUMENT = new OpenApiGeneratorV31(registry.definitions).generateDocument({
  openapi: '3.1.0',
  info: {
    title: 'Marquee festival API',
    version: '1.0.0',
    description:
      'Read the festival programme: films, screenings and live availability. Times are ISO 8601 instants; `localDate` and `localStart` are in the festival time zone.',
  },
  servers: [{ url: '/api/v1' }],
});
