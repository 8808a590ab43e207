import type { Metadata } from 'next';
import Link from 'next/link';
import { ACCESS_SCHEMES, accessSchemePath } from '@/domain/catalogue/access-schemes';
import { Container } from '@/components/ui/Container';
import { PageHeading } from '@/components/ui/PageHeading';

export const metadata: Metadata = {
  title: 'Indigenous & Community Access',
  description: 'Free tickets set aside at every screening: Indigenous Access, Community Access through partner organisations, and donated tickets.',
};

export default function AccessPage() {
  return (
    <Container>
      <PageHeading lead="Every screening sets places aside so that price is never the reason someone misses a film.">
        Indigenous &amp; Community Access
      </PageHeading>
      <ul className="grid gap-4 sm:grid-cols-3">
        {ACCESS_SCHEMES.map((page) => (
          <li key={page.scheme} className="rounded-lg border border-stone-300 bg-white p-4">
            <h2 className="font-serif text-xl font-bold">
              <Link href={accessSchemePath(page.scheme)} className="underline-offset-4 hover:underline">
                {page.title}
              </Link>
            </h2>
            <p className="mt-1 text-sm">{page.lead}</p>
          </li>
        ))}
      </ul>
      <p className="mt-6">
        <Link href="/access/fund" className="font-semibold text-accent underline underline-offset-2">What the community has given</Link>: the access fund&apos;s gifts and the tickets they pay for, live. <Link href="/donate" className="underline underline-offset-2">Donate a ticket</Link>.
      </p>
    </Container>
  );
}
