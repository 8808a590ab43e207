import { z } from 'zod';

/**
 * A number as the site's forms send it (text: "2") or as a JSON client does (2). `z.coerce.number()` would also turn
 * `true` into 1, `[2]` into 2 and `null` or `""` into 0, so a JSON client's mistake could claim tickets: only text is
 * converted here, and everything else must already be a number for `schema` to accept it.
 */
export function formNumber<T extends z.ZodType<number>>(schema: T) {
  return z.preprocess((value) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value), schema);
}
