import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisations';

export const userRole = pgEnum('user_role', ['audience', 'partner', 'staff', 'admin']);
export const orgRole = pgEnum('org_role', ['member', 'admin']);

/** Auth.js's user table, with the festival's roles. Partners belong to exactly one organisation. */
export const users = pgTable(
  'users',
  {
    id: text()
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    name: text(),
    email: text().notNull().unique(),
    emailVerified: timestamp({ withTimezone: true, mode: 'date' }),
    image: text(),
    role: userRole().notNull().default('audience'),
    /** argon2id; only staff and admins sign in with a password. */
    passwordHash: text(),
    organisationId: uuid().references(() => organisations.id, { onDelete: 'set null' }),
    orgRole: orgRole(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('users_organisation_idx').on(t.organisationId),
    check('users_partner_has_organisation', sql`(${t.role} = 'partner') = (${t.organisationId} IS NOT NULL)`),
    check('users_email_lowercase', sql`${t.email} = lower(${t.email})`),
  ],
);

export const accounts = pgTable(
  'accounts',
  {
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text().notNull(),
    provider: text().notNull(),
    providerAccountId: text().notNull(),
    refresh_token: text(),
    access_token: text(),
    expires_at: integer(),
    token_type: text(),
    scope: text(),
    id_token: text(),
    session_state: text(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

export const sessions = pgTable('sessions', {
  sessionToken: text().primaryKey(),
  userId: text()
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  expires: timestamp({ mode: 'date' }).notNull(),
});

export const verificationTokens = pgTable(
  'verification_tokens',
  {
    identifier: text().notNull(),
    token: text().notNull(),
    expires: timestamp({ mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

/** An admin (or an organisation's own admin) invites staff or partner members by email. */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    role: userRole().notNull(),
    organisationId: uuid().references(() => organisations.id, { onDelete: 'cascade' }),
    orgRole: orgRole(),
    tokenHash: text().notNull().unique(),
    invitedBy: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('invitations_role_invitable', sql`${t.role} IN ('partner', 'staff', 'admin')`),
    check('invitations_partner_has_organisation', sql`(${t.role} = 'partner') = (${t.organisationId} IS NOT NULL)`),
  ],
);

/** Failed password sign-ins per key (email, client), shared by every app instance, for lockout. */
export const signInFailures = pgTable('sign_in_failures', {
  key: text().primaryKey(),
  failures: integer().notNull().default(0),
  windowStart: timestamp({ withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp({ withTimezone: true }),
});

export type User = typeof users.$inferSelect;
export type UserRole = (typeof userRole.enumValues)[number];
export type Invitation = typeof invitations.$inferSelect;
