import type { Metadata } from 'next';
import Link from 'next/link';
import { changeRoleAction, inviteUserAction } from './actions';
import { listOrganisations, listUsers } from '@/web/auth/guarded-queries';
import { requirePermission } from '@/web/auth/guards';
import { signOutAction } from '@/app/(public)/signin/actions';
import { AccountNav } from '@/components/account/AccountNav';
import { Container } from '@/components/ui/Container';
import { Notice } from '@/components/ui/Notice';
import { PageHeading } from '@/components/ui/PageHeading';

export const metadata: Metadata = { title: 'Users and roles', robots: { index: false } };

const ERRORS: Record<string, string> = {
  invite: 'Check the invitation: partners need an organisation, other roles must not have one.',
  role: 'That role change was not understood.',
  last_admin: 'You cannot remove the last administrator.',
  partner_needs_organisation: 'Choose the organisation of a partner.',
  not_found: 'No such user.',
};

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requirePermission('users.manage');
  const query = await searchParams;
  const q = typeof query.q === 'string' ? query.q : '';
  const [{ users, page, hasMore }, orgs] = await Promise.all([listUsers({ q, page: Number(query.page) || 1 }), listOrganisations()]);
  const pageHref = (n: number) => `/admin/users?${new URLSearchParams({ ...(q ? { q } : {}), ...(n > 1 ? { page: String(n) } : {}) }).toString()}`;
  const select = 'rounded-md border border-stone-500 bg-white px-2 py-1';
  return (
    <Container>
      <PageHeading lead="Invite staff and partner members, and change roles.">Users and roles</PageHeading>
      <AccountNav user={admin} signOut={signOutAction} />
      {typeof query.error === 'string' ? (
        <div className="mb-4">
          <Notice title="Not done" tone="warn">
            {ERRORS[query.error] ?? 'Please try again.'}
          </Notice>
        </div>
      ) : null}
      {query.invited ? <div className="mb-4"><Notice title="Invitation sent">It is valid for 7 days.</Notice></div> : null}
      <form action={inviteUserAction} className="mb-8 grid gap-3 rounded-lg border border-stone-300 bg-white p-4 sm:grid-cols-4">
        <h2 className="font-serif text-xl font-bold sm:col-span-4">Invite someone</h2>
        <div>
          <label htmlFor="invite-email" className="block text-sm font-semibold">
            Email
          </label>
          <input id="invite-email" name="email" type="email" required className="mt-1 w-full rounded-md border border-stone-500 px-3 py-2" />
        </div>
        <div>
          <label htmlFor="invite-role" className="block text-sm font-semibold">
            Role
          </label>
          <select id="invite-role" name="role" className={`mt-1 w-full ${select} py-2`}>
            <option value="staff">Box-office staff</option>
            <option value="partner">Partner member</option>
            <option value="admin">Administrator</option>
          </select>
        </div>
        <div>
          <label htmlFor="invite-org" className="block text-sm font-semibold">
            Organisation (partners)
          </label>
          <select id="invite-org" name="organisationId" className={`mt-1 w-full ${select} py-2`}>
            <option value="">None</option>
            {orgs.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-end">
          <button type="submit" className="min-h-11 rounded-md bg-accent px-4 py-2 font-semibold text-white">
            Send invitation
          </button>
        </div>
      </form>
      <form method="get" action="/admin/users" role="search" className="mb-4 flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="users-q" className="block text-sm font-semibold">
            Find an account (email or name)
          </label>
          <input id="users-q" name="q" type="search" defaultValue={q} maxLength={100} className="mt-1 min-h-11 rounded-md border border-stone-500 px-3" />
        </div>
        <button type="submit" className="min-h-11 rounded-md border border-stone-500 px-4 font-semibold">
          Search
        </button>
      </form>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Accounts and their roles</caption>
        <thead>
          <tr>
            <th scope="col">Account</th>
            <th scope="col">Organisation</th>
            <th scope="col">Role</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className="border-t border-stone-300">
              <td className="py-2 pr-3">
                {u.name ?? '—'}
                <span className="block text-muted">{u.email}</span>
              </td>
              <td className="pr-3">{u.organisation ?? '—'}</td>
              <td>
                <form action={changeRoleAction} className="flex flex-wrap items-center gap-2">
                  <input type="hidden" name="userId" value={u.id} />
                  <label htmlFor={`role-${u.id}`} className="sr-only">
                    Role of {u.email}
                  </label>
                  <select id={`role-${u.id}`} name="role" defaultValue={u.role} className={select}>
                    <option value="audience">Audience</option>
                    <option value="partner">Partner</option>
                    <option value="staff">Staff</option>
                    <option value="admin">Admin</option>
                  </select>
                  <label htmlFor={`org-${u.id}`} className="sr-only">
                    Organisation of {u.email}
                  </label>
                  <select id={`org-${u.id}`} name="organisationId" defaultValue="" className={select}>
                    <option value="">Organisation…</option>
                    {orgs.map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.name}
                      </option>
                    ))}
                  </select>
                  <button type="submit" className="min-h-11 rounded-md border border-stone-500 px-3 py-1">
                    Change
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {users.length === 0 ? <p className="mt-2">No account matches.</p> : null}
      {page > 1 || hasMore ? (
        <nav aria-label="Account pages" className="mt-4 flex gap-3">
          {page > 1 ? (
            <Link href={pageHref(page - 1)} className="underline">
              Previous
            </Link>
          ) : null}
          <span>Page {page}</span>
          {hasMore ? (
            <Link href={pageHref(page + 1)} className="underline">
              Next
            </Link>
          ) : null}
        </nav>
      ) : null}
    </Container>
  );
}
