import { describe, expect, it } from 'vitest';
import { can, mayInviteInto, mayReadOrganisation, PERMISSIONS, ROLE_PERMISSIONS, roleCan, rolesWith, type Principal } from '@/domain/accounts/permissions';

const ORG = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const person = (role: Principal['role'], organisationId: string | null = null, orgRole: Principal['orgRole'] = null): Principal => ({ role, organisationId, orgRole });

describe('permissions', () => {
  // Who may do what, written out in full: a change to the table is a change to this test, and shows in review.
  it('gives each role exactly these permissions', () => {
    const table = Object.fromEntries(Object.entries(ROLE_PERMISSIONS).map(([role, permissions]) => [role, [...permissions].sort()]));
    expect(table).toEqual({
      audience: [],
      partner: ['partner.portal'],
      staff: [
        'access.reports',
        'access.review',
        'allocations.manage',
        'audit.read',
        'door.check_in',
        'door.sell',
        'orders.read_any',
        'organisations.read_any',
        'partners.verify',
        'password.sign_in',
        'programme.edit',
        'refunds.issue',
        'reports.read',
        'screenings.cancel',
      ],
      admin: [
        'access.reports',
        'access.review',
        'allocations.manage',
        'audit.read',
        'door.check_in',
        'door.sell',
        'orders.read_any',
        'organisations.invite_any',
        'organisations.read_any',
        'partners.verify',
        'password.sign_in',
        'programme.edit',
        'refunds.issue',
        'reports.read',
        'screenings.cancel',
        'users.manage',
      ],
    });
  });

  it('names only declared permissions, each held by some role, none twice', () => {
    for (const permissions of Object.values(ROLE_PERMISSIONS)) {
      expect(new Set(permissions).size).toBe(permissions.length);
      for (const p of permissions) expect(PERMISSIONS).toContain(p);
    }
    for (const p of PERMISSIONS) expect(rolesWith(p).length, p).toBeGreaterThan(0);
  });

  it('answers for a user by their role, and nothing for nobody', () => {
    expect(can(null, 'orders.read_any')).toBe(false);
    expect(can(undefined, 'partner.portal')).toBe(false);
    expect(can(person('staff'), 'orders.read_any')).toBe(true);
    expect(can(person('staff'), 'users.manage')).toBe(false);
    expect(can(person('admin'), 'users.manage')).toBe(true);
    expect(can(person('audience'), 'orders.read_any')).toBe(false);
    expect(roleCan('partner', 'password.sign_in')).toBe(false);
    expect(rolesWith('password.sign_in')).toEqual(['staff', 'admin']);
  });

  it('lets a partner read its own organisation only, and staff and admins every one', () => {
    expect(mayReadOrganisation(person('partner', ORG, 'member'), ORG)).toBe(true);
    expect(mayReadOrganisation(person('partner', ORG, 'admin'), OTHER)).toBe(false);
    expect(mayReadOrganisation(person('staff'), ORG)).toBe(true);
    expect(mayReadOrganisation(person('admin'), ORG)).toBe(true);
    expect(mayReadOrganisation(person('audience'), ORG)).toBe(false);
    expect(mayReadOrganisation(null, ORG)).toBe(false);
  });

  it("lets an organisation's own admin invite into it, festival admins into any, and staff into none", () => {
    expect(mayInviteInto(person('partner', ORG, 'admin'), ORG)).toBe(true);
    expect(mayInviteInto(person('partner', ORG, 'member'), ORG)).toBe(false);
    expect(mayInviteInto(person('partner', ORG, 'admin'), OTHER)).toBe(false);
    expect(mayInviteInto(person('admin'), OTHER)).toBe(true);
    expect(mayInviteInto(person('staff'), ORG)).toBe(false);
    expect(mayInviteInto(person('audience'), ORG)).toBe(false);
    expect(mayInviteInto(null, ORG)).toBe(false);
  });
});
