import { z } from '@/web/api/openapi/zod';

/**
 * Cursor pagination for the list endpoints: a page holds at most `limit` items (100 by default, 200 at most) and the
 * response's `nextCursor` (null on the last page) fetches the next. Cursors are opaque to clients: base64url JSON of
 * the last item's sort key, so a page boundary stays put when items are added before it.
 */
export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 100;

export const PageQuery = z.object({
  limit: z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`)
    .default(DEFAULT_PAGE_SIZE)
    .openapi({ param: { description: `Items per page (at most ${MAX_PAGE_SIZE})` } }),
  cursor: z
    .string()
    .max(500)
    .regex(/^[A-Za-z0-9_-]+$/, 'must be a cursor returned by this endpoint')
    .optional()
    .openapi({ param: { description: 'The nextCursor of the previous page' } }),
});

export function encodeCursor(key: (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The sort key a cursor carries, or null for anything this API did not make. */
export function decodeCursor(cursor: string): unknown[] | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}
