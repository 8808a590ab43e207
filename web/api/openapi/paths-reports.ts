import type { ZodType } from 'zod';
import { DashboardBody } from '@/web/api/serialize-dashboard';
import { registry } from './registry';
import { ErrorBody } from './schemas';

/* The reports operations of issue 9 (the box office's dashboard), registered on the shared registry like paths.ts. */

const json = (schema: ZodType) => ({ 'application/json': { schema } });
const error = (description: string) => ({ description, content: json(ErrorBody) });

registry.registerPath({
  method: 'get',
  path: '/box-office/dashboard',
  operationId: 'getBoxOfficeDashboard',
  summary: "The box office's dashboard: today's and the next screenings (sold, held, available, access usage, checked in) and money in per day",
  description:
    'Staff session or staff API token (`Authorization: Bearer mq_…`) with `reports.read`. Money comes from payment and refund rows; Indigenous Access orders are not counted, and its usage under 5 reads "fewer than 5". Not cached.',
  responses: {
    200: { description: 'The figures now', content: json(DashboardBody) },
    401: error('Not signed in, or an unknown, expired or revoked token'),
    403: error('Without reports.read'),
  },
});
