import { z } from 'zod';
import type { AuditFields } from '@/domain/audit/audit-log';

/** What every programme command returns when it refuses: a reason for code, a message for people. */
export type ProgrammeRefusal<R extends string> = { ok: false; reason: R; message: string };

export const SLUG = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'A slug is needed')
  .max(120)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'A slug is lower-case letters and digits joined by single hyphens (e.g. the-long-night)');

/** A form's or a CSV cell's list: "Canada, France" or an array; blanks dropped. */
export const TEXT_LIST = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(/[,|]/) : v),
  z.array(z.string().trim().max(80)).transform((xs) => xs.filter((x) => x.length > 0)).pipe(z.array(z.string()).max(30)),
);

/** An empty form field is "not given". */
export const OPTIONAL_TEXT = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), z.string().trim().max(max).nullable().default(null));

export const OPTIONAL_INT = (min: number, max: number, what: string) =>
  z.preprocess(
    (v) => (v === '' || v === undefined || v === null ? null : typeof v === 'string' ? Number(v) : v),
    z.number({ error: `${what} must be a number` }).int(`${what} must be a whole number`).min(min, `${what} must be at least ${min}`).max(max, `${what} must be at most ${max}`).nullable(),
  );

export const PAGE = z.coerce.number().int().min(1).max(10_000).catch(1);

/** Staff lists are bounded: this many rows to a page, never the whole table. */
export const PAGE_SIZE = 25;

export function issuesMessage(error: z.ZodError): string {
  return error.issues.map((i) => i.message).join('; ');
}

/** PostgreSQL's unique_violation, raised by a write racing another one past its own check. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/** Only the fields whose values differ, for the audit log's before and after. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    const was = before[key];
    const now = after[key];
    const norm = (x: unknown) => JSON.stringify(x instanceof Date ? x.toISOString() : (x ?? null));
    if (norm(was) !== norm(now)) {
      b[key] = was instanceof Date ? was.toISOString() : (was ?? null);
      a[key] = now instanceof Date ? now.toISOString() : (now ?? null);
    }
  }
  return { before: b, after: a };
}

/** Plain JSON for the audit log (dates as ISO strings). */
export function auditFields(x: Record<string, unknown>): AuditFields {
  return JSON.parse(JSON.stringify(x)) as AuditFields;
}
