import { apiError } from '@/web/api/respond';

const unknown = async () => apiError(404, 'not_found', 'No such API endpoint. See /api/v1/openapi.json.');

export const GET = unknown;
export const POST = unknown;
export const PUT = unknown;
export const PATCH = unknown;
export const DELETE = unknown;
