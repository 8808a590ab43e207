import type { Metadata } from 'next';
import { assignAllotmentAction, declineAllotmentAction, grantAllotmentAction } from './actions';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { getAllotmentsReviewPage } from '@/domain/partners/queries';
import { formatDateTime } from '@/lib/time';
import { BoxOfficeNav } from '@/components/box-office/BoxOfficeNav';
import { Field, Flash, inputClass, SubmitButton } from '@/components/partners/forms';
import { Container } from '@/components/ui/Container';
import { PageHeading } from '@/components/ui/PageHeading';
import { requirePermission } from '@/web/auth/guards';

export const metadata: Metadata = { title: 'Allotments', robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Partners' requests for Community Access places, the places each screening has left to grant, and direct assignment. */
export default async function AllotmentsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission('access.review');
  const festival = await requireCurrentFestival();
  const [data, query] = await Promise.all([getAllotmentsReviewPage(user, festival), searchParams]);
  const tz = festival.timeZone;
  const requests = data?.allotments.filter((a) => a.status === 'requested') ?? [];
  const granted = data?.allotments.filter((a) => a.status === 'granted') ?? [];
  const screenings = data?.screenings ?? [];
  const partners = data?.partners ?? [];

  return (
    <Container>
      <PageHeading lead="Verified partners ask for Community Access places; grant them in full or in part, or assign places directly. Grants never exceed a screening’s Community Access allocation.">
        Allotments
      </PageHeading>
      <BoxOfficeNav user={user} current="/box-office/allotments" />
      <Flash query={query} done={{ granted: 'Places granted.', declined: 'Request declined.', assigned: 'Places assigned.' }} />

      <section aria-labelledby="requests-heading" className="mb-10">
        <h2 id="requests-heading" className="font-serif text-2xl font-bold">
          Requests waiting ({requests.length})
        </h2>
        {requests.length === 0 ? <p className="mt-2 text-muted">No requests are waiting.</p> : null}
        <ul className="mt-3 space-y-4">
          {requests.map((a) => (
            <li key={a.id} className="rounded-lg border border-stone-300 bg-white p-4">
              <h3 className="font-serif text-lg font-bold">
                {a.organisationName} asks for {a.requestedQuantity} place{a.requestedQuantity === 1 ? '' : 's'}
              </h3>
              <p className="text-sm">
                {a.title} · {formatDateTime(a.startsAt, tz)} · {a.venueName}
              </p>
              <p className="text-sm text-muted">
                Community Access at this screening: {a.poolUnallotted} of {a.poolCapacity} places not yet granted. Deadline for the partner:{' '}
                {formatDateTime(a.cutOff, tz)}.
              </p>
              {a.note ? <p className="mt-1 text-sm">“{a.note}”</p> : null}
              <div className="mt-3 grid gap-4 md:grid-cols-2">
                <form action={grantAllotmentAction} className="space-y-2">
                  <input type="hidden" name="allotmentId" value={a.id} />
                  <Field id={`grant-qty-${a.id}`} label="Places to grant">
                    <input
                      id={`grant-qty-${a.id}`}
                      name="quantity"
                      type="number"
                      min={1}
                      max={a.requestedQuantity}
                      defaultValue={Math.max(1, Math.min(a.requestedQuantity, a.poolUnallotted))}
                      required
                      className={inputClass}
                    />
                  </Field>
                  <SubmitButton label={`Grant places to ${a.organisationName}`}>Grant</SubmitButton>
                </form>
                <form action={declineAllotmentAction} className="space-y-2">
                  <input type="hidden" name="allotmentId" value={a.id} />
                  <Field id={`decline-note-${a.id}`} label="Message to the partner (optional)">
                    <input id={`decline-note-${a.id}`} name="note" maxLength={500} className={inputClass} />
                  </Field>
                  <SubmitButton variant="secondary" label={`Decline the request of ${a.organisationName}`}>
                    Decline
                  </SubmitButton>
                </form>
              </div>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="assign-heading" className="mb-10">
        <h2 id="assign-heading" className="font-serif text-2xl font-bold">
          Assign places to a partner
        </h2>
        {partners.length === 0 || screenings.length === 0 ? (
          <p className="mt-2 text-muted">
            {partners.length === 0 ? 'No organisation is verified yet.' : 'No upcoming screening has Community Access places.'}
          </p>
        ) : (
          <form action={assignAllotmentAction} className="mt-3 grid max-w-3xl gap-4 rounded-lg border border-stone-300 bg-white p-4 md:grid-cols-2">
            <Field id="assign-screening" label="Screening">
              <select id="assign-screening" name="screeningId" required className={inputClass}>
                {screenings.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.title}, {formatDateTime(s.startsAt, tz)} ({s.unallotted} of {s.capacity} free)
                  </option>
                ))}
              </select>
            </Field>
            <Field id="assign-organisation" label="Organisation">
              <select id="assign-organisation" name="organisationId" required className={inputClass}>
                {partners.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="assign-quantity" label="Places">
              <input id="assign-quantity" name="quantity" type="number" min={1} max={50} defaultValue={2} required className={inputClass} />
            </Field>
            <Field id="assign-note" label="Note (optional)">
              <input id="assign-note" name="note" maxLength={500} className={inputClass} />
            </Field>
            <div>
              <SubmitButton>Assign places</SubmitButton>
            </div>
          </form>
        )}
      </section>

      <section aria-labelledby="granted-heading">
        <h2 id="granted-heading" className="font-serif text-2xl font-bold">
          Granted, upcoming
        </h2>
        <div className="mt-3 overflow-x-auto">
          <table className="w-full min-w-[40rem] text-left text-sm">
            <caption className="sr-only">Granted allotments of upcoming screenings</caption>
            <thead>
              <tr>
                <th scope="col" className="py-1 pr-3">Organisation</th>
                <th scope="col" className="py-1 pr-3">Screening</th>
                <th scope="col" className="py-1 pr-3 text-right">Granted</th>
                <th scope="col" className="py-1 pr-3 text-right">Used</th>
                <th scope="col" className="py-1">Deadline</th>
              </tr>
            </thead>
            <tbody>
              {granted.map((a) => (
                <tr key={a.id} className="border-t border-stone-200">
                  <th scope="row" className="py-2 pr-3 font-semibold">{a.organisationName}</th>
                  <td className="py-2 pr-3">
                    {a.title}, {formatDateTime(a.startsAt, tz)}
                  </td>
                  <td className="py-2 pr-3 text-right">{a.quantity}</td>
                  <td className="py-2 pr-3 text-right">{a.used}</td>
                  <td className="py-2">{formatDateTime(a.cutOff, tz)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </Container>
  );
}
