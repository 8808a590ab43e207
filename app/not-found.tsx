import Link from 'next/link';
import { Container } from '@/components/ui/Container';
import { PageHeading } from '@/components/ui/PageHeading';

export default function NotFound() {
  return (
    <Container>
      <PageHeading lead="The page you asked for is not in the programme. It may have moved, or the address may be mistyped.">
        Page not found
      </PageHeading>
      <p>
        <Link href="/" className="underline">
          Browse the programme
        </Link>{' '}
        or{' '}
        <Link href="/schedule" className="underline">
          see the schedule
        </Link>
        .
      </p>
    </Container>
  );
}
