import type { Metadata } from 'next';
import Link from 'next/link';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { listOutbox } from '@/domain/booking/checkout-view';
import { devOutboxEnabled } from '@/web/dev-tools';
import { formatDateTime } from '@/lib/time';
import { Container } from '@/components/ui/Container';
import { PageHeading } from '@/components/ui/PageHeading';

export const metadata: Metadata = { title: 'Dev outbox', robots: { index: false } };

export default async function OutboxPage() {
  if (!devOutboxEnabled(await headers())) notFound();
  const [festival, emails] = await Promise.all([requireCurrentFestival(), listOutbox()]);
  return (
    <Container>
      <PageHeading lead="Emails the app would have sent. With SMTP_URL set they go out by SMTP instead, and this page disappears.">Dev outbox</PageHeading>
      {emails.length === 0 ? (
        <p>No emails yet.</p>
      ) : (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Emails, newest first</caption>
          <thead>
            <tr>
              <th scope="col" className="py-2">
                When
              </th>
              <th scope="col">To</th>
              <th scope="col">Subject</th>
            </tr>
          </thead>
          <tbody>
            {emails.map((e) => (
              <tr key={e.id} className="border-t border-stone-300">
                <td className="py-2 pr-4 whitespace-nowrap">{formatDateTime(e.createdAt, festival.timeZone)}</td>
                <td className="pr-4">{e.to}</td>
                <td>
                  <Link href={`/dev/outbox/${e.id}`} className="underline">
                    {e.subject}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Container>
  );
}
