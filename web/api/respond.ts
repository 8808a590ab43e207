import { NextResponse } from 'next/server';
import type { z } from 'zod';

export interface ApiErrorBody {
  error: string;
  message: string;
  details?: { path: string; message: string }[];
}

export function apiError(status: number, error: string, message: string, details?: ApiErrorBody['details']) {
  return NextResponse.json<ApiErrorBody>({ error, message, ...(details ? { details } : {}) }, { status });
}

export function badRequest(issues: z.core.$ZodIssue[]) {
  const details = issues.map((i) => ({ path: i.path.join('.') || '(query)', message: i.message }));
  return apiError(400, 'bad_request', details.map((d) => `${d.path} ${d.message}`).join('; '), details);
}

export function notFound(what: string) {
  return apiError(404, 'not_found', `${what} not found`);
}

/** Public read data: cache briefly at the edge, availability changes by the minute. */
export function ok<T>(body: T) {
  return NextResponse.json(body, { headers: { 'Cache-Control': 'public, max-age=0, s-maxage=15, stale-while-revalidate=30' } });
}

type Handler<A extends unknown[]> = (...args: A) => Promise<Response>;

/** Any unexpected failure becomes a 500 with a plain message: never a stack trace. */
export function withErrors<A extends unknown[]>(handler: Handler<A>): Handler<A> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      console.error('[api]', error);
      return apiError(500, 'internal_error', 'Something went wrong on our side. Please try again.');
    }
  };
}
