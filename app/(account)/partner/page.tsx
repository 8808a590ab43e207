import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { inviteColleagueAction } from './actions';
import { getOrganisationPage } from '@/web/auth/guarded-queries';
import { mayInviteInto } from '@/domain/accounts/permissions';
import { requireOrgMember, requirePermission } from '@/web/auth/guards';
import { signOutAction } from '@/app/(public)/signin/actions';
import { AccountNav } from '@/components/account/AccountNav';
import { PartnerNav } from '@/components/partner/PartnerNav';
import { Container } from '@/components/ui/Container';
import { Notice } from '@/components/ui/Notice';
import { PageHeading } from '@/components/ui/PageHeading';

export const metadata: Metadata = { title: 'My organisation', robots: { index: false } };

/** A partner's own organisation: its members, and for its admins an invitation form. */
export default async function PartnerPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const partner = await requirePermission('partner.portal');
  const user = await requireOrgMember(partner.organisationId!);
  const org = await getOrganisationPage(partner.organisationId!);
  if (!org) notFound();
  const query = await searchParams;
  return (
    <Container>
      <PageHeading lead={org.description}>{org.name}</PageHeading>
      <AccountNav user={user} signOut={signOutAction} />
      <PartnerNav current="/partner" />
      {query.invited ? (
        <div className="mb-4">
          <Notice title="Invitation sent">Your colleague has 7 days to accept it.</Notice>
        </div>
      ) : null}
      <section aria-labelledby="members-heading">
        <h2 id="members-heading" className="font-serif text-xl font-bold">
          Members
        </h2>
        <ul className="mt-2">
          {org.members.map((m) => (
            <li key={m.id}>
              {m.name ?? m.email} <span className="text-sm text-muted">({m.email}{m.orgRole === 'admin' ? ', organisation admin' : ''})</span>
            </li>
          ))}
        </ul>
        {org.pendingInvitations.length ? (
          <p className="mt-2 text-sm text-muted">Invited, not yet joined: {org.pendingInvitations.map((i) => i.email).join(', ')}</p>
        ) : null}
      </section>
      {mayInviteInto(user, org.id) ? (
        <form action={inviteColleagueAction.bind(null, org.id)} className="mt-6 max-w-md space-y-3 rounded-lg border border-stone-300 bg-white p-4">
          <h2 className="font-serif text-xl font-bold">Invite a colleague</h2>
          <div>
            <label htmlFor="invite-email" className="block font-semibold">
              Email
            </label>
            <input id="invite-email" name="email" type="email" required className="mt-1 w-full rounded-md border border-stone-500 px-3 py-2" />
          </div>
          <button type="submit" className="min-h-11 rounded-md bg-accent px-4 py-2 font-semibold text-white">
            Send invitation
          </button>
        </form>
      ) : null}
    </Container>
  );
}
