import { randomUUID } from 'node:crypto';

/** A slug, name or address part no other test uses. */
export const uniq = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;
