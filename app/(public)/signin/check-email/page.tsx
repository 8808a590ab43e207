import type { Metadata } from 'next';
import { Container } from '@/components/ui/Container';
import { PageHeading } from '@/components/ui/PageHeading';

export const metadata: Metadata = { title: 'Check your email', description: 'We sent you a sign-in link by email.', robots: { index: false } };

export default function CheckEmailPage() {
  return (
    <Container>
      <PageHeading lead="If the address can sign in, a link is on its way. It works once, for 15 minutes.">Check your email</PageHeading>
      <p>Nothing arrived after a few minutes? Look in your spam folder, or ask for a new link. To protect your mailbox, only a few links are sent to one address in a quarter of an hour.</p>
    </Container>
  );
}
