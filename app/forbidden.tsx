import Link from 'next/link';
import { Container } from '@/components/ui/Container';
import { PageHeading } from '@/components/ui/PageHeading';

export default function Forbidden() {
  return (
    <Container>
      <PageHeading lead="Your account does not have access to this page.">Not allowed</PageHeading>
      <p>
        <Link href="/account" className="underline">
          Go to your account
        </Link>
      </p>
    </Container>
  );
}
