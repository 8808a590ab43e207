import type { Metadata } from 'next';
import Link from 'next/link';
import { claimPlacesAction, issueCodesAction, requestAllotmentAction, returnPlacesAction, voidCodeAction } from './actions';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { getPartnerAllotmentsPage } from '@/domain/partners/queries';
import { formatDateTime } from '@/lib/time';
import { signOutAction } from '@/app/(public)/signin/actions';
import { AccountNav } from '@/components/account/AccountNav';
import { PartnerNav } from '@/components/partner/PartnerNav';
import { Field, Flash, inputClass, SubmitButton } from '@/components/partners/forms';
import { Container } from '@/components/ui/Container';
import { PageHeading } from '@/components/ui/PageHeading';
import { requireOrgMember, requirePermission } from '@/web/auth/guards';

export const metadata: Metadata = { title: 'Community Access places', robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const STATUS: Record<string, string> = { requested: 'Waiting for the festival', granted: 'Granted', declined: 'Declined', returned: 'Returned' };

/** The partner's allotments: ask for places, claim tickets, hand out codes, give back what will not be used. */
export default async function PartnerAllotmentsPage({ searchParams }: { searchParams: SearchParams }) {
  const partner = await requirePermission('partner.portal');
  const user = await requireOrgMember(partner.organisationId!);
  const festival = await requireCurrentFestival();
  const [data, query] = await Promise.all([getPartnerAllotmentsPage(user, festival), searchParams]);
  const tz = festival.timeZone;
  const allotments = data?.allotments ?? [];
  const codes = data?.codes ?? [];
  const mine = new Set(allotments.filter((a) => a.status === 'requested' || a.status === 'granted').map((a) => a.screeningId));
  const askable = (data?.screenings ?? []).filter((s) => !mine.has(s.id));

  return (
    <Container>
      <PageHeading lead="Free tickets for the people you work with. Claim them in their names, or hand out access codes they use themselves. Give back what you cannot use before the deadline, so that someone else can.">
        Community Access places
      </PageHeading>
      <AccountNav user={user} signOut={signOutAction} />
      <PartnerNav current="/partner/allotments" />
      <Flash
        query={query}
        done={{
          requested: 'Your request is with the festival. We will let you know.',
          returned: 'Thank you: those places are free for others again.',
          codes: 'Your new codes are below. Each one is good for one ticket.',
          voided: 'The code no longer works; its place is yours to use again.',
        }}
      />

      <section aria-labelledby="allotments-heading" className="mb-10">
        <h2 id="allotments-heading" className="font-serif text-2xl font-bold">
          Your screenings
        </h2>
        {allotments.length === 0 ? <p className="mt-2 text-muted">You have no places yet. Ask for some below.</p> : null}
        <ul className="mt-3 space-y-6">
          {allotments.map((a) => {
            const left = a.quantity - a.used;
            const active = a.status === 'granted' && a.open;
            const own = codes.filter((c) => c.allotmentId === a.id);
            return (
              <li key={a.id} className="rounded-lg border border-stone-300 bg-white p-4" aria-labelledby={`allotment-${a.id}`}>
                <h3 id={`allotment-${a.id}`} className="font-serif text-xl font-bold">
                  {a.title}
                </h3>
                <p className="text-sm">
                  {formatDateTime(a.startsAt, tz)} · {a.venueName}
                </p>
                <p className="mt-1 text-sm">
                  <span className="font-semibold">{STATUS[a.status]}</span>
                  {a.status === 'requested' ? ` · you asked for ${a.requestedQuantity}` : null}
                  {a.status === 'declined' && a.note ? ` · ${a.note}` : null}
                </p>
                {a.status === 'granted' || a.status === 'returned' ? (
                  <dl className="mt-2 grid grid-cols-3 gap-2 text-center sm:max-w-md">
                    <div className="rounded bg-stone-100 p-2">
                      <dt className="text-xs">Granted</dt>
                      <dd className="text-lg font-bold">{a.quantity}</dd>
                    </div>
                    <div className="rounded bg-stone-100 p-2">
                      <dt className="text-xs">Used</dt>
                      <dd className="text-lg font-bold">{a.used}</dd>
                    </div>
                    <div className="rounded bg-stone-100 p-2">
                      <dt className="text-xs">Left</dt>
                      <dd className="text-lg font-bold">{left}</dd>
                    </div>
                  </dl>
                ) : null}
                {a.status === 'granted' ? (
                  <p className="mt-2 text-sm text-muted">
                    {a.open
                      ? `Claim, hand out or give back places until ${formatDateTime(a.cutOff, tz)}.`
                      : 'The deadline has passed: unused places have gone back on sale. Codes already handed out still work.'}
                  </p>
                ) : null}
                {active && left > 0 ? (
                  <div className="mt-4 grid gap-4 lg:grid-cols-3">
                    <form action={claimPlacesAction} className="space-y-2 rounded-md border border-stone-200 p-3">
                      <h4 className="font-semibold">Claim tickets</h4>
                      <input type="hidden" name="allotmentId" value={a.id} />
                      <Field id={`claim-qty-${a.id}`} label="How many">
                        <input id={`claim-qty-${a.id}`} name="quantity" type="number" min={1} max={left} defaultValue={1} required className={inputClass} />
                      </Field>
                      <Field id={`claim-names-${a.id}`} label="Names (optional)" hint="One per line, printed on the tickets. You can add or change them later.">
                        <textarea id={`claim-names-${a.id}`} name="names" rows={3} aria-describedby={`claim-names-${a.id}-hint`} className={inputClass} />
                      </Field>
                      <SubmitButton label={`Claim tickets for ${a.title}`}>Claim tickets</SubmitButton>
                    </form>
                    <form action={issueCodesAction} className="space-y-2 rounded-md border border-stone-200 p-3">
                      <h4 className="font-semibold">Hand out access codes</h4>
                      <input type="hidden" name="allotmentId" value={a.id} />
                      <Field id={`codes-qty-${a.id}`} label="How many codes">
                        <input id={`codes-qty-${a.id}`} name="quantity" type="number" min={1} max={left} defaultValue={1} required className={inputClass} />
                      </Field>
                      <Field id={`codes-label-${a.id}`} label="Label for your records (optional)">
                        <input id={`codes-label-${a.id}`} name="label" maxLength={120} className={inputClass} />
                      </Field>
                      <SubmitButton label={`Create access codes for ${a.title}`}>Create codes</SubmitButton>
                    </form>
                    <form action={returnPlacesAction} className="space-y-2 rounded-md border border-stone-200 p-3">
                      <h4 className="font-semibold">Give back unused places</h4>
                      <input type="hidden" name="allotmentId" value={a.id} />
                      <Field id={`return-qty-${a.id}`} label="How many">
                        <input id={`return-qty-${a.id}`} name="quantity" type="number" min={1} max={left} defaultValue={left} required className={inputClass} />
                      </Field>
                      <SubmitButton variant="secondary" label={`Give back places for ${a.title}`}>
                        Give back
                      </SubmitButton>
                    </form>
                  </div>
                ) : null}
                {own.length ? (
                  <div id={`codes-${a.id}`} className="mt-4">
                    <h4 className="font-semibold">Access codes</h4>
                    <p className="text-sm text-muted">
                      Each code is for one ticket at this screening. People use it on the screening’s page, under “Have an access code?” (
                      <Link href={`/screenings/${a.screeningId}/redeem`} className="underline">
                        the code page for this screening
                      </Link>
                      ).
                    </p>
                    <ul className="mt-2 divide-y divide-stone-200">
                      {own.map((c) => (
                        <li key={c.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 py-2">
                          <span className="font-mono text-lg tracking-wider" data-testid="access-code">
                            {c.code}
                          </span>
                          <span className="text-sm">
                            {c.status === 'issued' ? 'Not used yet' : c.status === 'redeemed' ? 'Used' : 'Voided'}
                            {c.label ? ` · ${c.label}` : ''}
                          </span>
                          {c.status === 'issued' && active ? (
                            <form action={voidCodeAction}>
                              <input type="hidden" name="codeId" value={c.id} />
                              <SubmitButton variant="secondary" label={`Void code ${c.code}`}>
                                Void
                              </SubmitButton>
                            </form>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="request-heading">
        <h2 id="request-heading" className="font-serif text-2xl font-bold">
          Ask for places
        </h2>
        {askable.length === 0 ? (
          <p className="mt-2 text-muted">There is no other upcoming screening with Community Access places to ask for.</p>
        ) : (
          <form action={requestAllotmentAction} className="mt-3 grid max-w-3xl gap-4 rounded-lg border border-stone-300 bg-white p-4 md:grid-cols-2">
            <Field id="request-screening" label="Screening">
              <select id="request-screening" name="screeningId" required className={inputClass}>
                {askable.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.title}, {formatDateTime(s.startsAt, tz)}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="request-quantity" label="How many places">
              <input id="request-quantity" name="quantity" type="number" min={1} max={50} defaultValue={2} required className={inputClass} />
            </Field>
            <div className="md:col-span-2">
              <Field id="request-note" label="Anything the festival should know (optional)">
                <textarea id="request-note" name="note" rows={2} maxLength={500} className={inputClass} />
              </Field>
            </div>
            <div>
              <SubmitButton>Send request</SubmitButton>
            </div>
          </form>
        )}
      </section>
    </Container>
  );
}
