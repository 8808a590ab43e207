import { sql } from 'drizzle-orm';
import { boolean, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { tickets } from './orders';
import { screenings } from './screenings';

/**
 * admitted: the ticket's one admission. duplicate: the ticket had already been admitted (a second scan, or an
 * offline admission on another device that sync found out). refused: void, another screening's, or unknown.
 */
export const checkInResult = pgEnum('check_in_result', ['admitted', 'duplicate', 'refused']);
/** How the door found the ticket. */
export const checkInMethod = pgEnum('check_in_method', ['qr', 'code', 'name']);

/**
 * Every scan at the door, so a ticket's history can be read (who let it in, where, when). The partial unique index
 * is the backstop of "no ticket admitted twice": two scanners racing on one ticket give one admitted row.
 */
export const checkIns = pgTable(
  'check_ins',
  {
    id: uuid().primaryKey().defaultRandom(),
    ticketId: uuid().references(() => tickets.id, { onDelete: 'restrict' }),
    screeningId: uuid()
      .notNull()
      .references(() => screenings.id, { onDelete: 'cascade' }),
    result: checkInResult().notNull(),
    method: checkInMethod().notNull(),
    /** The door device's own name ("Door 2"), as set on the scanner. */
    deviceLabel: text().notNull(),
    staffId: text().references(() => users.id, { onDelete: 'set null' }),
    /** When the device scanned (its clock: for an offline scan, earlier than recordedAt). */
    scannedAt: timestamp({ withTimezone: true }).notNull(),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Admitted by the device from its downloaded list while the network was down, synced later. */
    offline: boolean().notNull().default(false),
    /** The device's id for this scan: a sync sent twice records it once. */
    clientScanId: text(),
  },
  (t) => [
    uniqueIndex('check_ins_one_admission_key')
      .on(t.ticketId)
      .where(sql`${t.result} = 'admitted'`),
    uniqueIndex('check_ins_client_scan_key')
      .on(t.clientScanId)
      .where(sql`${t.clientScanId} IS NOT NULL`),
    index('check_ins_screening_idx').on(t.screeningId, t.recordedAt.desc()),
    index('check_ins_ticket_idx').on(t.ticketId),
  ],
);

/**
 * Bearer tokens for staff API clients (a door phone, a script): each acts as its user, with that user's permissions
 * now (a demoted user's tokens lose their powers at once). Only the sha256 of the secret is stored.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    label: text().notNull(),
    tokenHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex('api_tokens_hash_key').on(t.tokenHash), index('api_tokens_user_idx').on(t.userId)],
);

export type CheckIn = typeof checkIns.$inferSelect;
export type CheckInResult = (typeof checkInResult.enumValues)[number];
export type CheckInMethod = (typeof checkInMethod.enumValues)[number];
export type ApiToken = typeof apiTokens.$inferSelect;
