import type { UserRole } from '@/db/schema/auth';
import { roleCan, type Permission } from '@/domain/accounts/permissions';

/**
 * The authorization matrix's vocabulary: the principals, each principal's role, the rule shapes and their helpers.
 * authorization-rules.ts and every file under authorization-features/ build their rules from it.
 */

export const PRINCIPALS = ['anonymous', 'audienceA', 'audienceB', 'partnerOrg1', 'partnerOrg2', 'staff', 'admin'] as const;
export type Principal = (typeof PRINCIPALS)[number];
export const SIGNED_IN = PRINCIPALS.filter((p) => p !== 'anonymous');
export type SignedIn = (typeof SIGNED_IN)[number];
/** Each signed-in principal's account; the partners are their organisation's admins (org 1 and org 2, in slug order). */
export const ROLE_OF = { audienceA: 'audience', audienceB: 'audience', partnerOrg1: 'partner', partnerOrg2: 'partner', staff: 'staff', admin: 'admin' } as const satisfies Record<SignedIn, UserRole>;

export interface Fixture {
  cookies: Record<Principal, string>;
  users: Record<Exclude<Principal, 'anonymous'>, { id: string; email: string }>;
  screeningId: string;
  orderA: string;
  /** Audience A's paid order, with tickets: what tickets.pdf and calendar.ics serve. */
  paidOrderA: string;
  ticketCode: string;
  holdA: string;
  spareHoldA: string;
  apiHoldA: string;
  invitationToken: string;
  org1: string;
  org2: string;
  /** What the feature files' setups made (ids, tokens), by the names they chose. */
  extra: Record<string, string>;
}

/** What a feature's setup is given: the principals' accounts, the matrix's screening (demo festival) and organisations. */
export interface SetupContext {
  users: Fixture['users'];
  screeningId: string;
  festivalId: string;
  org1: string;
  org2: string;
}

/**
 * One feature's rules, in its own file under tests/system/authorization-features/: a setup that makes the data its
 * requests need (returned into fixture.extra), and its pages', route handlers' and server actions' rules.
 */
export interface FeatureRules {
  setup?: (ctx: SetupContext) => Promise<Record<string, string>>;
  rules: Record<string, Rule>;
  actionRules: Record<string, ActionRule>;
}

export type Outcome = 'allowed' | 'denied';

export interface Rule {
  /** Who may: everyone else must be refused (401, 403, 404, or sent to sign in). */
  allow: readonly Principal[];
  classify?: (res: Response) => Outcome;
  request: (f: Fixture, who: Principal) => { method: string; path: string; body?: string; headers?: Record<string, string> };
}

export const all = PRINCIPALS;
export const signedIn = SIGNED_IN;
/**
 * Where a rule is a permission, its principals come from the permission table
 * (domain/accounts/permissions.ts): changing who holds a permission changes
 * what this matrix expects, and the app must follow.
 */
export const withPermission = (permission: Permission): Principal[] => SIGNED_IN.filter((who) => roleCan(ROLE_OF[who], permission));
export const get = (p: (f: Fixture) => string) => (f: Fixture) => ({ method: 'GET', path: p(f) });

/** Server actions, driven as a browser without JavaScript drives them: a form post with the action's hidden fields. */
export interface ActionRule {
  allow: readonly Principal[];
  /** The page that renders the form, and a principal who can see it. */
  page: (f: Fixture) => string;
  source: Principal;
  fields: Record<string, string>;
}
