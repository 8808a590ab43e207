import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTicketByCode } from '@/domain/booking/checkout-view';
import { TicketCard } from '@/components/booking/TicketCard';
import { Container } from '@/components/ui/Container';
import { Notice } from '@/components/ui/Notice';
import { PageHeading } from '@/components/ui/PageHeading';

export const metadata: Metadata = { title: 'Ticket', description: 'A festival ticket, with its code for the door.', robots: { index: false } };

/** The ticket code is itself the secret (60 random bits), as on a paper ticket. */
export default async function TicketPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const ticket = await getTicketByCode(code);
  if (!ticket) notFound();
  const view = ticket.view;
  return (
    <Container>
      <PageHeading>Ticket {code}</PageHeading>
      {ticket.status !== 'valid' || !view ? (
        <Notice title="This ticket is no longer valid" tone="warn">
          It was refunded or cancelled.
        </Notice>
      ) : (
        <>
          <TicketCard ticket={view} link={false} />
          <p className="mt-4">
            <a href={`/tickets/${code}/ticket.pdf`} className="inline-flex min-h-11 items-center rounded-md bg-accent px-4 py-2 font-semibold text-white">
              Download this ticket (PDF)
            </a>
          </p>
        </>
      )}
    </Container>
  );
}
