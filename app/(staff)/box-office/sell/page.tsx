import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { getScreeningDetail } from '@/domain/catalogue/screenings';
import { boxOfficeEmail } from '@/domain/desk/sale';
import { listDeskScreenings } from '@/domain/desk/screenings';
import { requirePermission } from '@/web/auth/guards';
import { formatCents } from '@/lib/format';
import { formatDateTime, formatTime, localDate } from '@/lib/time';
import { isUuid } from '@/lib/ids';
import { BoxOfficeNav } from '@/components/box-office/BoxOfficeNav';
import { DeskSaleForm } from '@/components/box-office/DeskSaleForm';
import { Badge } from '@/components/ui/Badge';
import { Container } from '@/components/ui/Container';
import { Notice } from '@/components/ui/Notice';
import { PageHeading } from '@/components/ui/PageHeading';
import { sellAction } from './actions';

export const metadata: Metadata = { title: 'Sell at the desk', robots: { index: false } };

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v.trim().slice(0, 100) : '');

/** The walk-up sale: pick a screening (soonest first, searchable), then tickets, seats and payment. */
export default async function SellPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission('door.sell');
  const festival = await requireCurrentFestival();
  const params = await searchParams;
  const q = one(params.q);
  const screeningId = one(params.screening);
  const error = typeof params.error === 'string' ? params.error.slice(0, 300) : null;
  const chosen = isUuid(screeningId) ? await getScreeningDetail(festival, screeningId) : null;
  const list = chosen ? [] : await listDeskScreenings(festival, { q: q || undefined });
  const today = localDate(new Date(), festival.timeZone);
  const chosenListed = chosen ? (await listDeskScreenings(festival, { id: chosen.id }))[0] : undefined;
  const placesLeft = chosen ? (chosenListed?.placesLeft ?? 0) : 0;

  return (
    <Container>
      <PageHeading lead="Walk-up sales and complimentary tickets, until the screening starts.">Sell at the desk</PageHeading>
      <BoxOfficeNav user={user} current="/box-office/sell" />
      {error ? (
        <div className="mb-4">
          <Notice title="Nothing was sold" tone="warn">
            {error}
          </Notice>
        </div>
      ) : null}

      {chosen ? (
        <>
          <h2 className="font-serif text-2xl font-bold">{chosen.title}</h2>
          <p className="mb-4">
            <time dateTime={chosen.startsAt.toISOString()}>{formatDateTime(chosen.startsAt, festival.timeZone)}</time> · {chosen.venue.name}{' '}
            <Link href="/box-office/sell" className="ml-2 underline">
              Choose another screening
            </Link>
          </p>
          {!chosenListed ? (
            <p role="status">This screening has started or was cancelled: the desk no longer sells it.</p>
          ) : placesLeft === 0 ? (
            <p role="status">Sold out: no places left.</p>
          ) : (
            <DeskSaleForm
              ticketTypes={chosen.ticketTypes.map((t) => ({ code: t.code, name: t.name, price: formatCents(t.priceCents, festival.currency) }))}
              seats={chosen.seatMap ? chosen.seatMap.map((seat) => ({ ...seat, available: seat.state === 'available' })) : null}
              placesLeft={placesLeft}
              saleKey={randomUUID()}
              boxOfficeEmail={boxOfficeEmail()}
              action={sellAction.bind(null, chosen.id)}
            />
          )}
        </>
      ) : (
        <section aria-labelledby="pick-screening">
          <h2 id="pick-screening" className="font-serif text-2xl font-bold">
            Screening
          </h2>
          <form method="get" role="search" aria-label="Find a screening" className="mt-2 flex flex-wrap items-end gap-3">
            <div className="min-w-0 grow sm:max-w-md">
              <label htmlFor="sell-q" className="block text-sm font-semibold">
                Title
              </label>
              <input id="sell-q" name="q" type="search" defaultValue={q} maxLength={100} autoComplete="off" className="mt-1 min-h-11 w-full rounded-md border border-stone-500 bg-white px-2" />
            </div>
            <button type="submit" className="min-h-11 rounded-md border border-stone-500 bg-white px-4 font-semibold">
              Find
            </button>
          </form>
          {list.length === 0 ? (
            <p role="status" className="mt-4">
              {q ? `No screening still to come matches “${q}”.` : 'No screenings still to come.'}
            </p>
          ) : (
            <ul className="mt-4 grid gap-3 sm:grid-cols-2">
              {list.map((s) => (
                <li key={s.id}>
                  <Link href={`/box-office/sell?screening=${s.id}`} className="block min-h-11 rounded-lg border border-stone-300 bg-white p-3 underline-offset-4 hover:underline">
                    <span className="font-semibold">{s.title}</span>
                    <span className="block text-sm">
                      <time dateTime={s.startsAt.toISOString()}>
                        {s.day === today ? `Today ${formatTime(s.startsAt, festival.timeZone)}` : formatDateTime(s.startsAt, festival.timeZone)}
                      </time>{' '}
                      · {s.venueName}
                    </span>
                    <span className="mt-1 flex flex-wrap gap-2 text-sm">
                      {s.placesLeft === 0 ? <Badge tone="bad">Sold out</Badge> : <Badge tone="good">{`${s.placesLeft} left`}</Badge>}
                      {s.offSaleOnline ? <Badge tone="info">Desk only</Badge> : null}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </Container>
  );
}
