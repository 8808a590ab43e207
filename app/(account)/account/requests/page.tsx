import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/web/auth/guards';
import { signOutAction } from '@/app/(public)/signin/actions';
import { AccountNav } from '@/components/account/AccountNav';
import { Container } from '@/components/ui/Container';
import { Notice } from '@/components/ui/Notice';
import { PageHeading } from '@/components/ui/PageHeading';

export const metadata: Metadata = { title: 'My access requests', robots: { index: false } };

/** The access schemes are not built yet; this page says so rather than showing an empty list that looks final. */
export default async function MyRequestsPage() {
  const user = await requireUser();
  return (
    <Container>
      <PageHeading lead="Indigenous Access, Community Access and donated tickets you asked for.">My access requests</PageHeading>
      <AccountNav user={user} signOut={signOutAction} />
      <Notice title="Opens soon">
        Requests for access tickets are not open yet. When they are, your requests and their tickets appear here.{' '}
        <Link href="/access" className="underline">
          About the access schemes
        </Link>
      </Notice>
    </Container>
  );
}
