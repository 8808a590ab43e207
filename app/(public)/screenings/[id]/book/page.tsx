import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { holdSeatsAction } from './actions';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { getScreeningDetail } from '@/domain/catalogue/screenings';
import { canBook } from '@/domain/inventory/availability';
import { getEnv } from '@/platform/env';
import { formatCents } from '@/lib/format';
import { formatDateTime } from '@/lib/time';
import { BookingForm } from '@/components/booking/BookingForm';
import { SaleStatusBadge } from '@/components/screenings/SaleStatusBadge';
import { Container } from '@/components/ui/Container';
import { Notice } from '@/components/ui/Notice';
import { PageHeading } from '@/components/ui/PageHeading';

export const metadata: Metadata = { title: 'Book tickets', description: 'Choose your seats or places and hold them while you check out.', robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function BookPage({ params, searchParams }: Props) {
  const festival = await requireCurrentFestival();
  const { id } = await params;
  const s = await getScreeningDetail(festival, id);
  if (!s) notFound();
  const error = (await searchParams).error;
  const bookable = canBook(s.saleState);

  return (
    <Container>
      <PageHeading lead={`${s.title} · ${formatDateTime(s.startsAt, festival.timeZone)} · ${s.venue.name}`}>Book tickets</PageHeading>
      {typeof error === 'string' ? (
        <div className="mb-4">
          <Notice title="We could not hold those tickets" tone="warn">
            {error}
          </Notice>
        </div>
      ) : null}
      {bookable ? (
        <BookingForm
          ticketTypes={s.ticketTypes.map((t) => ({ code: t.code, name: t.name, description: t.description, price: formatCents(t.priceCents, festival.currency) }))}
          seats={s.seatMap ? s.seatMap.map((seat) => ({ ...seat, available: seat.state === 'available' })) : null}
          maxPerOrder={getEnv().MAX_TICKETS_PER_ORDER}
          available={s.available}
          action={holdSeatsAction.bind(null, s.id)}
        />
      ) : (
        <div className="flex items-center gap-3">
          <SaleStatusBadge state={s.saleState} />
          <p>Tickets for this screening cannot be booked online.</p>
        </div>
      )}
      <p className="mt-6">
        <Link href={`/screenings/${s.id}`} className="underline">
          Back to the screening
        </Link>
      </p>
    </Container>
  );
}
