import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireCurrentFestival } from '@/db/queries/festival';
import { getScreeningSummary } from '@/db/queries/screenings';
import { formatDateTime } from '@/lib/time';
import { Container } from '@/components/ui/Container';
import { Notice } from '@/components/ui/Notice';
import { PageHeading } from '@/components/ui/PageHeading';

export const metadata: Metadata = { title: 'Book tickets', robots: { index: false } };

/** Online booking is the next piece of work; until it lands this page says so plainly. */
export default async function BookPage({ params }: { params: Promise<{ id: string }> }) {
  const festival = await requireCurrentFestival();
  const { id } = await params;
  const s = /^[0-9a-f-]{36}$/i.test(id) ? await getScreeningSummary(festival, id) : null;
  if (!s) notFound();
  return (
    <Container>
      <PageHeading lead={`${s.title} · ${formatDateTime(s.startsAt, festival.timeZone)} · ${s.venue.name}`}>Book tickets</PageHeading>
      <Notice title="Online booking opens soon">
        Choosing seats and paying online is not available yet. This page will let you pick your tickets and seats and pay securely as
        soon as online sales open.
      </Notice>
      <p className="mt-6">
        <Link href={`/screenings/${s.id}`} className="underline">
          Back to the screening
        </Link>
      </p>
    </Container>
  );
}
