import type { ZodType } from 'zod';
import { IdPath } from '@/web/api/schemas';
import { ScreeningAccessBody } from '@/web/api/serialize-access';
import { registry } from './registry';
import { ErrorBody } from './schemas';

/*
 * The allocations operations of issue 8 (access programmes), registered on the shared registry like paths.ts.
 */

const json = (schema: ZodType) => ({ 'application/json': { schema } });
const error = (description: string) => ({ description, content: json(ErrorBody) });

registry.registerPath({
  method: 'get',
  path: '/screenings/{id}/access',
  operationId: 'getScreeningAccess',
  summary: 'Live availability per access scheme (Indigenous Access, Community Access, Donated) with each cut-off',
  description:
    '`available` is what can be claimed now: not sold, not held, not granted to partner organisations. After `cutOffAt` the unclaimed places are back on general sale (`released`).',
  request: { params: IdPath },
  responses: {
    200: { description: 'Per scheme', content: json(ScreeningAccessBody) },
    400: error('The id is not a UUID'),
    404: error('No screening with that id'),
  },
});
