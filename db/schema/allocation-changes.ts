import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { accessScheme, screenings } from './screenings';

/**
 * set: staff set the allocation; top_up / release: staff moved places between the scheme and general sale;
 * cut_off: the release job returned unclaimed places at the scheme's cut-off; allotment_return: a partner's
 * unused allotment places went back to the scheme.
 */
export const allocationChangeKind = pgEnum('allocation_change_kind', ['set', 'top_up', 'release', 'cut_off', 'allotment_return']);

/** The audit trail of every change to an access allocation: who (null = the release job), when, how many, why. */
export const allocationChanges = pgTable(
  'allocation_changes',
  {
    id: uuid().primaryKey().defaultRandom(),
    screeningId: uuid()
      .notNull()
      .references(() => screenings.id, { onDelete: 'cascade' }),
    scheme: accessScheme().notNull(),
    kind: allocationChangeKind().notNull(),
    /** Places the scheme gained (positive) or gave back to general sale (negative). */
    delta: integer().notNull(),
    /** The scheme's allocation after the change. */
    quantityAfter: integer().notNull(),
    actorId: text().references(() => users.id, { onDelete: 'set null' }),
    reason: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('allocation_changes_screening_idx').on(t.screeningId, t.createdAt)],
);

export type AllocationChange = typeof allocationChanges.$inferSelect;
export type AllocationChangeKind = (typeof allocationChangeKind.enumValues)[number];
