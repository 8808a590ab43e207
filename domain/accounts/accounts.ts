import 'server-only';
import { sql } from 'drizzle-orm';
import type { CurrentUser } from '@/domain/accounts/current-user';
import { hashToken } from '@/platform/tokens';
import { getDb } from '@/db/client';
import type { UserRole } from '@/db/schema/auth';

type Row = Record<string, unknown>;

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
  const rows = await getDb().execute<
    { id: string; number: string; status: string; title: string; starts_at: string; venue_name: string; tickets: number; total_cents: number; currency: string } & Row
  >(sql`
    SELECT o.id, o.number, o.status, to_json(s.starts_at) AS starts_at, v.name AS venue_name, o.total_cents, o.currency,
           coalesce(s.programme_title, (SELECT string_agg(f.title, ' + ' ORDER BY sf.position) FROM screening_films sf
              JOIN films f ON f.id = sf.film_id WHERE sf.screening_id = s.id)) AS title,
           (SELECT count(*)::int FROM tickets t WHERE t.order_id = o.id AND t.status = 'valid') AS tickets
    FROM orders o JOIN screenings s ON s.id = o.screening_id JOIN venues v ON v.id = s.venue_id
    WHERE (o.user_id = ${user.id} OR o.buyer_email = ${user.email}) AND o.status IN ('paid', 'refund_due', 'refunded', 'pending')
    ORDER BY s.starts_at`);
  return rows.map((r) => ({
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

/** Whether this person bought this order (the link token aside; staff read any: domain/payments/order-access.ts). */
export async function userMayReadOrder(user: CurrentUser, orderId: string): Promise<boolean> {
  const [row] = await getDb().execute<{ ok: boolean } & Row>(sql`
    SELECT EXISTS (SELECT 1 FROM orders WHERE id = ${orderId} AND (user_id = ${user.id} OR buyer_email = ${user.email})) AS ok`);
  return row?.ok ?? false;
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
  const [org] = await db.execute<{ id: string; name: string; description: string } & Row>(sql`
    SELECT id, name, description FROM organisations WHERE id = ${organisationId}`);
  if (!org) return null;
  const [members, invites] = await Promise.all([
    db.execute<{ id: string; name: string | null; email: string; org_role: string | null } & Row>(sql`
      SELECT id, name, email, org_role FROM users WHERE organisation_id = ${organisationId} ORDER BY org_role DESC NULLS LAST, email`),
    db.execute<{ email: string; expires_at: string } & Row>(sql`
      SELECT email, to_json(expires_at) AS expires_at FROM invitations
      WHERE organisation_id = ${organisationId} AND accepted_at IS NULL AND expires_at > now() ORDER BY created_at DESC`),
  ]);
  return {
    id: org.id,
    name: org.name,
    description: org.description,
    members: members.map((m) => ({ id: m.id, name: m.name, email: m.email, orgRole: m.org_role })),
    pendingInvitations: invites.map((i) => ({ email: i.email, expiresAt: new Date(i.expires_at) })),
  };
}

export interface UserRow {
  id: string;
  email: string;
  name: string | null;
  role: UserRole;
  organisation: string | null;
  createdAt: Date;
}

export async function listUsers(): Promise<UserRow[]> {
  const rows = await getDb().execute<{ id: string; email: string; name: string | null; role: UserRole; organisation: string | null; created_at: string } & Row>(sql`
    SELECT u.id, u.email, u.name, u.role, o.name AS organisation, to_json(u.created_at) AS created_at
    FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id ORDER BY u.role DESC, u.email`);
  return rows.map((r) => ({ id: r.id, email: r.email, name: r.name, role: r.role, organisation: r.organisation, createdAt: new Date(r.created_at) }));
}

export async function listOrganisations(): Promise<{ id: string; name: string }[]> {
  const rows = await getDb().execute<{ id: string; name: string } & Row>(sql`SELECT id, name FROM organisations ORDER BY name`);
  return [...rows];
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
  const [row] = await getDb().execute<
    {
      email: string;
      role: UserRole;
      organisation: string | null;
      org_role: 'member' | 'admin' | null;
      user_role: UserRole | null;
      user_organisation: string | null;
      has_password: boolean | null;
    } & Row
  >(sql`
    SELECT i.email, i.role, o.name AS organisation, i.org_role,
           u.role AS user_role, uo.name AS user_organisation, u.password_hash IS NOT NULL AS has_password
    FROM invitations i LEFT JOIN organisations o ON o.id = i.organisation_id
      LEFT JOIN users u ON u.email = i.email LEFT JOIN organisations uo ON uo.id = u.organisation_id
    WHERE i.token_hash = ${hashToken(token)} AND i.accepted_at IS NULL AND i.expires_at > now()`);
  if (!row) return null;
  return {
    email: row.email,
    role: row.role,
    organisation: row.organisation,
    orgRole: row.org_role,
    existing: row.user_role ? { role: row.user_role, organisation: row.user_organisation, hasPassword: row.has_password ?? false } : null,
  };
}
