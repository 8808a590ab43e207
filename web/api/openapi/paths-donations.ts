import type { ZodType } from 'zod';
import { AccessFundBody } from '@/web/api/serialize-access-fund';
import { registry } from './registry';

/*
 * The donations operations of issue 8 (access programmes), registered on the shared registry like paths.ts.
 */

const json = (schema: ZodType) => ({ 'application/json': { schema } });

registry.registerPath({
  method: 'get',
  path: '/access-fund',
  operationId: 'getAccessFund',
  summary: 'What the community has given to the access fund: money raised, tickets funded, issued and used (totals only)',
  responses: { 200: { description: 'The fund’s public figures, live (cached for 15 seconds)', content: json(AccessFundBody) } },
});
