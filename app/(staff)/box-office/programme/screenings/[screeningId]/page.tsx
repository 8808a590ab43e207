import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { addTicketTypeAction, deleteScreeningAction, deleteTicketTypeAction, updateScreeningAction, updateTicketTypeAction } from './actions';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { programmePages } from '@/domain/programme/pages';
import { formatCents } from '@/lib/format';
import { formatDateTime, zoneAbbreviation } from '@/lib/time';
import { requirePermission } from '@/web/auth/guards';
import { localInputValue } from '@/web/programme/forms';
import { BoxOfficeNav } from '@/components/box-office/BoxOfficeNav';
import { ProgrammeNav } from '@/components/programme/ProgrammeNav';
import { fieldClass, hintClass, labelClass, ScreeningFields } from '@/components/programme/ScreeningFields';
import { ActionForm } from '@/components/ui/ActionForm';
import { Container } from '@/components/ui/Container';
import { PageHeading } from '@/components/ui/PageHeading';
import { PendingButton } from '@/components/ui/PendingButton';

export const metadata: Metadata = { title: 'Edit a screening', robots: { index: false } };

type Params = Promise<{ screeningId: string }>;
type Query = Promise<Record<string, string | string[] | undefined>>;

const SAVED: Record<string, string> = { '1': 'The screening was created.', screening: 'The screening was saved.', prices: 'The price list was saved.' };
const button = 'min-h-11 rounded-md bg-accent px-4 py-2 font-semibold text-white';
const small = 'mt-1 min-h-11 w-full rounded-md border border-stone-500 bg-white px-2';

/** One screening: its details, general-sale places, price list, access allocations (their own page), or its deletion. */
export default async function ScreeningEditPage({ params, searchParams }: { params: Params; searchParams: Query }) {
  const user = await requirePermission('programme.edit');
  const [{ screeningId }, query, festival] = await Promise.all([params, searchParams, requireCurrentFestival()]);
  const screening = await programmePages.screening(screeningId);
  if (!screening) notFound();
  const [choices, prices] = await Promise.all([programmePages.screeningChoices(screening.festivalId), programmePages.priceList(screening.id)]);
  const tz = festival.timeZone;
  const saved = typeof query.created === 'string' ? SAVED['1'] : typeof query.saved === 'string' ? SAVED[query.saved] : undefined;
  const cancelled = screening.status === 'cancelled';

  return (
    <Container>
      <PageHeading lead={`${formatDateTime(screening.startsAt, tz)} · ${choices.venues.find((v) => v.id === screening.venueId)?.name ?? ''}`}>{screening.title}</PageHeading>
      <BoxOfficeNav user={user} current="/box-office/programme" />
      <ProgrammeNav current="/box-office/programme" />
      {saved ? (
        <p role="status" className="mb-4 rounded-md border-l-4 border-sky-600 bg-sky-50 p-3">
          {saved}
        </p>
      ) : null}
      <ul className="mb-6 flex flex-wrap gap-x-6 gap-y-2 text-sm">
        <li>
          <Link href={`/screenings/${screening.id}`} className="underline">
            Public page
          </Link>
        </li>
        <li>
          <Link href={`/box-office/allocations/${screening.id}`} className="underline">
            Access allocations
          </Link>
        </li>
        <li>
          <Link href={`/box-office/cancellations?screening=${screening.id}`} className="underline">
            Cancel this screening
          </Link>
        </li>
      </ul>

      <section aria-labelledby="details-title" className="mb-10">
        <h2 id="details-title" className="mb-3 font-serif text-2xl font-bold">
          Details
        </h2>
        {cancelled ? (
          <p>This screening is cancelled: it no longer changes.</p>
        ) : (
          <ActionForm action={updateScreeningAction} className="grid max-w-3xl gap-4" label="Screening details">
            <input type="hidden" name="screeningId" value={screening.id} />
            <ScreeningFields
              choices={choices}
              zoneLabel={zoneAbbreviation(screening.startsAt, tz)}
              values={{
                filmIds: screening.filmIds,
                programmeTitle: screening.programmeTitle ?? '',
                venueId: screening.venueId,
                startsAt: localInputValue(screening.startsAt, tz),
                endsAt: localInputValue(screening.endsAt, tz),
                hasQa: screening.hasQa,
                guestNote: screening.guestNote ?? '',
                features: screening.features,
                onSaleAt: localInputValue(screening.onSaleAt, tz),
                offSaleAt: localInputValue(screening.offSaleAt, tz),
                status: screening.status,
              }}
            />
            <div>
              <label htmlFor="generalCapacity" className={labelClass}>
                General-sale places
              </label>
              <input id="generalCapacity" name="generalCapacity" type="number" min={0} step={1} defaultValue={screening.general.capacity} aria-describedby="generalCapacity-hint" className={fieldClass} />
              <p id="generalCapacity-hint" className={hintClass}>
                {screening.general.sold} sold and {screening.general.held} held now: never fewer than that. Access places are on their own page.
              </p>
            </div>
            <div>
              <PendingButton className={button}>Save screening</PendingButton>
            </div>
          </ActionForm>
        )}
      </section>

      <section aria-labelledby="prices-title" className="mb-10">
        <h2 id="prices-title" className="mb-1 font-serif text-2xl font-bold">
          Price list
        </h2>
        <p className="mb-3 text-sm text-muted">A new price applies to what is sold next; tickets already issued keep theirs. A type that has sold is deactivated, not removed.</p>
        <div className="grid gap-4">
          {prices.map((t) => (
            <div key={t.id} className="rounded-lg border border-stone-300 bg-white p-4">
              <ActionForm action={updateTicketTypeAction} className="grid gap-3 sm:grid-cols-6 sm:items-end" label={`Ticket type ${t.name}`}>
                <input type="hidden" name="ticketTypeId" value={t.id} />
                <div>
                  <label htmlFor={`code-${t.id}`} className={labelClass}>Code</label>
                  <input id={`code-${t.id}`} name="code" defaultValue={t.code} required className={small} />
                </div>
                <div className="sm:col-span-2">
                  <label htmlFor={`name-${t.id}`} className={labelClass}>Name</label>
                  <input id={`name-${t.id}`} name="name" defaultValue={t.name} required className={small} />
                </div>
                <div>
                  <label htmlFor={`price-${t.id}`} className={labelClass}>Price ($)</label>
                  <input id={`price-${t.id}`} name="price" inputMode="decimal" defaultValue={(t.priceCents / 100).toFixed(2)} required className={small} />
                </div>
                <div>
                  <label htmlFor={`position-${t.id}`} className={labelClass}>Position</label>
                  <input id={`position-${t.id}`} name="position" type="number" min={0} max={999} defaultValue={t.position} className={small} />
                </div>
                <div className="flex items-center gap-2">
                  <input id={`active-${t.id}`} name="active" type="checkbox" defaultChecked={t.active} className="size-5" />
                  <label htmlFor={`active-${t.id}`}>On sale</label>
                </div>
                <input type="hidden" name="description" value={t.description ?? ''} />
                <p className="text-sm sm:col-span-4">
                  {formatCents(t.priceCents, festival.currency)} · {t.sold} sold or held
                </p>
                <div className="sm:col-span-2">
                  <PendingButton className={button} label={`Save ticket type ${t.name}`}>Save</PendingButton>
                </div>
              </ActionForm>
              {t.sold === 0 ? (
                <ActionForm action={deleteTicketTypeAction} className="mt-2" label={`Remove ticket type ${t.name}`}>
                  <input type="hidden" name="ticketTypeId" value={t.id} />
                  <PendingButton className="min-h-11 rounded-md border border-stone-500 px-4 font-semibold" label={`Remove ticket type ${t.name}`}>
                    Remove
                  </PendingButton>
                </ActionForm>
              ) : null}
            </div>
          ))}
        </div>
        <ActionForm action={addTicketTypeAction} className="mt-6 grid max-w-3xl gap-3 rounded-lg border border-stone-300 bg-white p-4 sm:grid-cols-4 sm:items-end" label="Add a ticket type">
          <h3 className="font-semibold sm:col-span-4">Add a ticket type</h3>
          <input type="hidden" name="screeningId" value={screening.id} />
          <input type="hidden" name="active" value="on" />
          <div>
            <label htmlFor="new-code" className={labelClass}>Code</label>
            <input id="new-code" name="code" required placeholder="senior" className={small} />
          </div>
          <div>
            <label htmlFor="new-name" className={labelClass}>Name</label>
            <input id="new-name" name="name" required placeholder="Senior (65+)" className={small} />
          </div>
          <div>
            <label htmlFor="new-price" className={labelClass}>Price ($)</label>
            <input id="new-price" name="price" inputMode="decimal" required className={small} />
          </div>
          <div>
            <label htmlFor="new-position" className={labelClass}>Position</label>
            <input id="new-position" name="position" type="number" min={0} max={999} defaultValue={prices.length} className={small} />
          </div>
          <div className="sm:col-span-4">
            <PendingButton className={button}>Add ticket type</PendingButton>
          </div>
        </ActionForm>
      </section>

      <section aria-labelledby="delete-title" className="mb-10">
        <h2 id="delete-title" className="mb-1 font-serif text-2xl font-bold">
          Delete
        </h2>
        {screening.hasOrders ? (
          <p>
            This screening has orders, so it is never deleted.{' '}
            <Link href={`/box-office/cancellations?screening=${screening.id}`} className="underline">
              Cancel it instead
            </Link>
            : every holder is told and offered a refund or an exchange.
          </p>
        ) : (
          <ActionForm action={deleteScreeningAction} className="grid gap-2" label="Delete this screening">
            <p className="text-sm">Nobody has ordered a ticket: the screening can be deleted outright.</p>
            <input type="hidden" name="screeningId" value={screening.id} />
            <div>
              <PendingButton className="min-h-11 rounded-md border border-red-700 px-4 font-semibold text-red-800">Delete screening</PendingButton>
            </div>
          </ActionForm>
        )}
      </section>
    </Container>
  );
}
