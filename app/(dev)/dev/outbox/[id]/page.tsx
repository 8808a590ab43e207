import type { Metadata } from 'next';
import Link from 'next/link';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { listOutbox } from '@/domain/booking/checkout-view';
import { devOutboxEnabled } from '@/web/dev-tools';
import { Container } from '@/components/ui/Container';
import { PageHeading } from '@/components/ui/PageHeading';

export const metadata: Metadata = { title: 'Email', robots: { index: false } };

export default async function OutboxEmailPage({ params }: { params: Promise<{ id: string }> }) {
  if (!devOutboxEnabled(await headers())) notFound();
  const { id } = await params;
  const email = (await listOutbox(500)).find((e) => e.id === id);
  if (!email) notFound();
  return (
    <Container>
      <PageHeading lead={`To ${email.to}`}>{email.subject}</PageHeading>
      <p className="mb-4">
        <Link href="/dev/outbox" className="underline">
          Back to the outbox
        </Link>
      </p>
      <h2 className="font-semibold">HTML</h2>
      {/* Sandboxed: the email's HTML runs no script and cannot touch this page. */}
      <iframe title={`HTML of ${email.subject}`} srcDoc={email.html} sandbox="" className="mt-2 h-[36rem] w-full rounded border border-stone-300 bg-white" />
      <h2 className="mt-6 font-semibold">Plain text</h2>
      <pre className="mt-2 whitespace-pre-wrap rounded border border-stone-300 bg-white p-4 text-sm">{email.text}</pre>
    </Container>
  );
}
