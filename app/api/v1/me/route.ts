import { NextResponse } from 'next/server';
import { can } from '@/domain/accounts/permissions';
import { getCurrentUser } from '@/web/auth/guards';
import { boxOfficeSections } from '@/web/box-office/sections';
import type { MeBody } from '@/web/api/live';
import { withErrors } from '@/web/api/respond';

/**
 * The header's signed-in part on cached pages: the page is the same for everyone, this answer is the caller's own.
 * Never stored anywhere but the caller's memory (`private, no-store`), and it says nothing a page would not show them.
 */
export const GET = withErrors(async () => {
  const user = await getCurrentUser();
  const body: MeBody = user
    ? { user: { name: user.name?.trim() || user.email, boxOffice: boxOfficeSections(user).length > 0, partner: can(user, 'partner.portal') } }
    : { user: null };
  return NextResponse.json(body, { headers: { 'Cache-Control': 'private, no-store' } });
});
