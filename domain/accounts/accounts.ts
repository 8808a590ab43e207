import 'server-only';
import { and, asc, desc, eq, gt, ilike, isNull, or, sql } from 'drizzle-orm';
import type { CurrentUser } from '@/domain/accounts/current-user';
import { hashToken } from '@/platform/tokens';
import { getDb } from '@/db/client';
import { invitations, users, type UserRole } from '@/db/schema/auth';
import { orders } from '@/db/schema/orders';
import { organisations } from '@/db/schema/organisations';
import { rows, firstRow, type ColumnsOf } from '@/db/sql';
import { screeningTitleSql } from '@/domain/catalogue/screening-title';
import { can } from '@/domain/accounts/permissions';

export interface MyOrder {
  id: string;
  number: string;
  status: string;
  title: string;
  startsAt: Date;
  venueName: string;
  tickets: number;
  totalCents: number;
  currency: string;
}

/**
 * The orders of the signed-in person: those placed while signed in, and those
 * bought as a guest with the same (verified) email address. Pages reach the
 * private queries through web/auth/guarded-queries.ts, which checks the
 * session first, so a page that forgot its guard leaks nothing.
 */
export async function listMyOrders(user: CurrentUser): Promise<MyOrder[]> {
  const found = await rows<
    Pick<ColumnsOf<typeof orders>, 'id' | 'number' | 'status' | 'total_cents' | 'currency'> & {
      title: string;
      starts_at: string;
      venue_name: string;
      tickets: number;
    }
  >(
    getDb(),
    sql`
    SELECT o.id, o.number, o.status, to_json(s.starts_at) AS starts_at, v.name AS venue_name, o.total_cents, o.currency,
           ${screeningTitleSql(sql`s`)} AS title,
           (SELECT count(*)::int FROM tickets t WHERE t.order_id = o.id AND t.status = 'valid') AS tickets
    FROM orders o JOIN screenings s ON s.id = o.screening_id JOIN venues v ON v.id = s.venue_id
    WHERE (o.user_id = ${user.id} OR o.buyer_email = ${user.email}) AND o.status IN ('paid', 'refund_due', 'refunded', 'pending')
    ORDER BY s.starts_at`,
  );
  return found.map((r) => ({
    id: r.id,
    number: r.number,
    status: r.status,
    title: r.title,
    startsAt: new Date(r.starts_at),
    venueName: r.venue_name,
    tickets: r.tickets,
    totalCents: r.total_cents,
    currency: r.currency,
  }));
}

/**
 * Whether this person may read this order: they bought it; they are a partner of the organisation it was issued to
 * (Community Access claims, redeemed codes, donated tickets: the partner prints and forwards them); or they read any
 * order (`readAny`, staff) and it is not an Indigenous Access claim. Who self-identified is never shown to staff, so
 * those orders open only for the person themselves (or the order's link token: domain/payments/order-access.ts).
 */
export async function userMayReadOrder(user: CurrentUser, orderId: string, readAny = false): Promise<boolean> {
  const ofOrganisation = can(user, 'partner.portal') && user.organisationId ? [eq(orders.organisationId, user.organisationId)] : [];
  const [row] = await getDb()
    .select({ id: orders.id })
    .from(orders)
    .where(
      and(
        eq(orders.id, orderId),
        or(
          eq(orders.userId, user.id),
          eq(orders.buyerEmail, user.email),
          ...ofOrganisation,
          readAny ? sql`${orders.scheme} IS DISTINCT FROM 'indigenous_access'` : sql`false`,
        ),
      ),
    )
    .limit(1);
  return row !== undefined;
}

export interface OrganisationPage {
  id: string;
  name: string;
  description: string;
  members: { id: string; name: string | null; email: string; orgRole: string | null }[];
  pendingInvitations: { email: string; expiresAt: Date }[];
}

export async function getOrganisationPage(organisationId: string): Promise<OrganisationPage | null> {
  const db = getDb();
  const [org] = await db
    .select({ id: organisations.id, name: organisations.name, description: organisations.description })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!org) return null;
  const [members, pendingInvitations] = await Promise.all([
    db
      .select({ id: users.id, name: users.name, email: users.email, orgRole: users.orgRole })
      .from(users)
      .where(eq(users.organisationId, organisationId))
      .orderBy(sql`${users.orgRole} DESC NULLS LAST`, asc(users.email)),
    db
      .select({ email: invitations.email, expiresAt: invitations.expiresAt })
      .from(invitations)
      .where(and(eq(invitations.organisationId, organisationId), isNull(invitations.acceptedAt), gt(invitations.expiresAt, sql`now()`)))
      .orderBy(desc(invitations.createdAt)),
  ]);
  return { ...org, members, pendingInvitations };
}

export interface UserRow {
  id: string;
  email: string;
  name: string | null;
  role: UserRole;
  organisation: string | null;
  createdAt: Date;
}

/** Accounts per page of the users list: the list stays small however many people have signed up. */
export const USERS_PAGE_SIZE = 50;

/**
 * One page of accounts, staff and admins first, narrowed by a search over email and name (case-insensitive). The
 * page after the last is empty; `hasMore` says whether another follows.
 */
export async function listUsers(search: { q?: string; page?: number } = {}): Promise<{ users: UserRow[]; page: number; hasMore: boolean }> {
  const page = Math.min(Math.max(1, Math.floor(search.page ?? 1) || 1), 10_000);
  const q = search.q?.trim().slice(0, 100).toLowerCase();
  const pattern = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const found = await getDb()
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, organisation: organisations.name, createdAt: users.createdAt })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(pattern ? or(ilike(users.email, pattern), ilike(users.name, pattern)) : undefined)
    .orderBy(desc(users.role), asc(users.email))
    .limit(USERS_PAGE_SIZE + 1)
    .offset((page - 1) * USERS_PAGE_SIZE);
  return { users: found.slice(0, USERS_PAGE_SIZE), page, hasMore: found.length > USERS_PAGE_SIZE };
}

export async function listOrganisations(): Promise<{ id: string; name: string }[]> {
  return getDb().select({ id: organisations.id, name: organisations.name }).from(organisations).orderBy(asc(organisations.name));
}

export interface InvitationView {
  email: string;
  role: UserRole;
  organisation: string | null;
  orgRole: 'member' | 'admin' | null;
  /** The account this email already has, if any: an invitation then needs its owner's confirmation. */
  existing: { role: UserRole; organisation: string | null; hasPassword: boolean } | null;
}

/** The invitation behind a secret; the token holder sees only what the invitation itself says, plus whether the email has an account. */
export async function getInvitation(token: string): Promise<InvitationView | null> {
  // Raw SQL: the organisations table joins twice (the invitation's and the account's).
  const row = await firstRow<
    Pick<ColumnsOf<typeof invitations>, 'email' | 'role' | 'org_role'> & {
      organisation: string | null;
      user_role: UserRole | null;
      user_organisation: string | null;
      has_password: boolean | null;
    }
  >(
    getDb(),
    sql`
    SELECT i.email, i.role, o.name AS organisation, i.org_role,
           u.role AS user_role, uo.name AS user_organisation, u.password_hash IS NOT NULL AS has_password
    FROM invitations i LEFT JOIN organisations o ON o.id = i.organisation_id
      LEFT JOIN users u ON u.email = i.email LEFT JOIN organisations uo ON uo.id = u.organisation_id
    WHERE i.token_hash = ${hashToken(token)} AND i.accepted_at IS NULL AND i.expires_at > now()`,
  );
  if (!row) return null;
  return {
    email: row.email,
    role: row.role,
    organisation: row.organisation,
    orgRole: row.org_role,
    existing: row.user_role ? { role: row.user_role, organisation: row.user_organisation, hasPassword: row.has_password ?? false } : null,
  };
}
