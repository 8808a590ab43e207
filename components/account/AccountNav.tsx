import Link from 'next/link';
import { can } from '@/domain/accounts/permissions';
import type { CurrentUser } from '@/web/auth/guards';

/**
 * The account area's navigation: each link shown only to those whose permissions its page asks for (the pages check again).
 * The sign-out server action comes in as a prop: components never import from app/.
 */
export function AccountNav({ user, signOut }: { user: CurrentUser; signOut: (form: FormData) => Promise<void> }) {
  const links = [
    { href: '/account', label: 'Profile' },
    { href: '/account/tickets', label: 'My tickets' },
    { href: '/account/requests', label: 'My access requests' },
    ...(can(user, 'partner.portal') ? [{ href: '/partner', label: 'My organisation' }] : []),
    ...(can(user, 'access.reports') ? [{ href: '/box-office', label: 'Box office' }] : []),
    ...(can(user, 'users.manage') ? [{ href: '/admin/users', label: 'Users and roles' }] : []),
  ];
  return (
    <nav aria-label="Account" className="mb-6 flex flex-wrap items-center gap-4 border-b border-stone-300 pb-3 text-sm">
      {links.map((l) => (
        <Link key={l.href} href={l.href} className="underline-offset-4 hover:underline">
          {l.label}
        </Link>
      ))}
      <form action={signOut} className="ml-auto">
        <button type="submit" className="min-h-11 rounded-md border border-stone-500 px-3 py-1">
          Sign out
        </button>
      </form>
    </nav>
  );
}
