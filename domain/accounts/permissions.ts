import type { UserRole } from '@/db/schema/auth';

/**
 * What each role may do: the one table that the guards (web/auth/guards.ts),
 * the domain's own checks and the authorization matrix
 * (tests/system/authorization.test.ts) all read. A page, action or route
 * asks for a permission, never for a role, so giving the box office a new
 * power is a line here (and its visible diff in tests/unit/permissions.test.ts).
 *
 * Rules scoped to one organisation (its own admin invites into it) are not
 * permissions of a role: they are the explicit checks at the end of this file,
 * built on the table.
 */
export const PERMISSIONS = [
  /** Signs in with a password, and never by email link: the festival's own people. */
  'password.sign_in',
  /** Reads any order without its link token (its buyer always may). */
  'orders.read_any',
  /** Sees every organisation's page and members (a partner sees its own). */
  'organisations.read_any',
  /** Invites partners into any organisation (an organisation's own admin invites into that one). */
  'organisations.invite_any',
  /** Lists accounts, invites staff, admins and partners, and changes roles. */
  'users.manage',
  /** The partner area: the partner's own organisation. */
  'partner.portal',
  /** Refunds an order, in full or in part. */
  'refunds.issue',
  /** Edits the line-up: films, screenings, venues. */
  'programme.edit',
  /** Reviews requests to the access schemes: Ticket Donation Requests, partners' allotment requests, fair allocations. */
  'access.review',
  /** Sets access allocations and the festival's defaults, releases and tops up places by hand. */
  'allocations.manage',
  /** Verifies (or declines) community partner organisations' applications. */
  'partners.verify',
  /** Reads the access reports and the access fund's ledger (counts and amounts, never who self-identified). */
  'access.reports',
  /** Reads the audit log of staff writes: who changed what, when, before and after. */
  'audit.read',
  /** Sells at the desk: walk-up sales (cash, card terminal, Stripe), complimentary tickets, exchanges, the rush line. */
  'door.sell',
  /** Admits people at the door: scans, manual codes, name search, the offline door list; makes door API tokens. */
  'door.check_in',
  /** Cancels a screening: every holder is emailed and refunded, exchanged or turned into a donation. */
  'screenings.cancel',
  /** Reads the dashboard and the sales, check-in and ticket-type reports (counts and amounts). */
  'reports.read',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const BOX_OFFICE = [
  'password.sign_in',
  'orders.read_any',
  'organisations.read_any',
  'refunds.issue',
  'access.review',
  'allocations.manage',
  'partners.verify',
  'access.reports',
  'audit.read',
  'programme.edit',
  'door.sell',
  'door.check_in',
  'screenings.cancel',
  'reports.read',
] as const satisfies readonly Permission[];

export const ROLE_PERMISSIONS: Record<UserRole, readonly Permission[]> = {
  audience: [],
  partner: ['partner.portal'],
  staff: BOX_OFFICE,
  // Staff invite no one: inviting and roles are the admins'.
  admin: [...BOX_OFFICE, 'organisations.invite_any', 'users.manage'],
};

/** The acting user as far as permissions go: its role, and for a partner its organisation and standing there. */
export interface Principal {
  role: UserRole;
  organisationId: string | null;
  orgRole: 'member' | 'admin' | null;
}

/** Whether a role holds a permission: for a role that is not yet a signed-in user's (an invitation's, an account row's). */
export function roleCan(role: UserRole, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Whether this person may: nobody signed in may nothing. */
export function can(user: Pick<Principal, 'role'> | null | undefined, permission: Permission): boolean {
  return user ? roleCan(user.role, permission) : false;
}

/** The roles that hold a permission, for the checks written in SQL. */
export function rolesWith(permission: Permission): UserRole[] {
  return (Object.keys(ROLE_PERMISSIONS) as UserRole[]).filter((role) => roleCan(role, permission));
}

/** A partner of this organisation, or anyone who sees every organisation. */
export function mayReadOrganisation(user: Principal | null | undefined, organisationId: string): boolean {
  if (!user) return false;
  return can(user, 'organisations.read_any') || (can(user, 'partner.portal') && user.organisationId === organisationId);
}

/**
 * Who may invite into an organisation: its own partner admins, or whoever
 * invites into any. createInvitation checks the same in SQL, against the
 * inviter's row as it is when the invitation is written.
 */
export function mayInviteInto(user: Principal | null | undefined, organisationId: string): boolean {
  if (!user) return false;
  return can(user, 'organisations.invite_any') || (can(user, 'partner.portal') && user.organisationId === organisationId && user.orgRole === 'admin');
}
