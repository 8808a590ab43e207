import type { Metadata } from 'next';
import Link from 'next/link';
import { forwardTicketsAction, giveBackDonatedTicketAction, giveBackTicketAction, renameHolderAction } from './actions';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { accessSchemeInfo } from '@/domain/catalogue/access-schemes';
import { getPartnerTicketsPage } from '@/domain/partners/queries';
import { formatDateTime } from '@/lib/time';
import { signOutAction } from '@/app/(public)/signin/actions';
import { AccountNav } from '@/components/account/AccountNav';
import { PartnerNav } from '@/components/partner/PartnerNav';
import { Field, Flash, inputClass, SubmitButton } from '@/components/partners/forms';
import { Container } from '@/components/ui/Container';
import { PageHeading } from '@/components/ui/PageHeading';
import { requireOrgMember, requirePermission } from '@/web/auth/guards';

export const metadata: Metadata = { title: 'Tickets', robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Every ticket issued to the organisation: names, PDFs, forwarding, giving back; and after each screening, what was used. */
export default async function PartnerTicketsPage({ searchParams }: { searchParams: SearchParams }) {
  const partner = await requirePermission('partner.portal');
  const user = await requireOrgMember(partner.organisationId!);
  const festival = await requireCurrentFestival();
  const [data, query] = await Promise.all([getPartnerTicketsPage(user), searchParams]);
  const tz = festival.timeZone;
  const upcoming = (data?.orders ?? []).filter((o) => o.status === 'paid' && o.upcoming);
  const report = data?.report ?? [];

  return (
    <Container>
      <PageHeading lead="The tickets your organisation has received. Add the names of the people they are for, print them or email them on, and give back any you will not use.">
        Tickets
      </PageHeading>
      <AccountNav user={user} signOut={signOutAction} />
      <PartnerNav current="/partner/tickets" />
      <Flash
        query={query}
        done={{
          claimed: 'Your tickets are ready, and we have emailed them to you as well.',
          renamed: 'Name saved. Download the tickets again to print the new name.',
          forwarded: 'Tickets sent.',
          given_back: 'Ticket given back: its place is in your allotment again.',
          given_back_donated: 'Ticket given back. Thank you: the access fund has its value again, and the place can go to someone else.',
        }}
      />

      <section aria-labelledby="upcoming-heading" className="mb-10">
        <h2 id="upcoming-heading" className="font-serif text-2xl font-bold">
          Upcoming
        </h2>
        {upcoming.length === 0 ? <p className="mt-2 text-muted">No tickets for upcoming screenings.</p> : null}
        <ul className="mt-3 space-y-6">
          {upcoming.map((o) => {
            const valid = o.tickets.filter((t) => t.status === 'valid');
            return (
              <li key={o.id} className="rounded-lg border border-stone-300 bg-white p-4" aria-labelledby={`order-${o.id}`}>
                <h3 id={`order-${o.id}`} className="font-serif text-xl font-bold">
                  {o.title}
                </h3>
                <p className="text-sm">
                  {formatDateTime(o.startsAt, tz)} · {o.venueName}
                </p>
                <p className="text-sm text-muted">
                  Order {o.number} · {o.scheme ? accessSchemeInfo(o.scheme).label : 'Tickets'}
                  {o.claimedInPortal ? '' : ` · access code used by ${o.buyerName}`}
                </p>
                <p className="mt-2 flex flex-wrap gap-4 text-sm">
                  <a href={`/orders/${o.id}/tickets.pdf`} className="font-semibold underline" aria-label={`Download the tickets of order ${o.number} (PDF)`}>
                    Download tickets (PDF)
                  </a>
                  <Link href={`/orders/${o.id}`} className="underline" aria-label={`Open order ${o.number}`}>
                    Open order
                  </Link>
                </p>
                <table className="mt-3 w-full text-left text-sm">
                  <caption className="sr-only">Tickets of order {o.number}</caption>
                  <thead>
                    <tr>
                      <th scope="col" className="py-1 pr-3">Ticket</th>
                      <th scope="col" className="py-1 pr-3">For</th>
                      <th scope="col" className="py-1">
                        <span className="sr-only">Give back</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {valid.map((t) => (
                      <tr key={t.id} className="border-t border-stone-200 align-top">
                        <td className="py-2 pr-3">
                          <Link href={`/tickets/${t.code}`} className="font-mono underline">
                            {t.code}
                          </Link>
                          {t.seat ? <span className="block text-xs">{t.seat}</span> : null}
                          {t.checkedIn ? <span className="block text-xs font-semibold">Checked in</span> : null}
                        </td>
                        <td className="py-2 pr-3">
                          {t.checkedIn ? (
                            t.holderName
                          ) : (
                            <form action={renameHolderAction} className="flex flex-wrap items-end gap-2">
                              <input type="hidden" name="ticketId" value={t.id} />
                              <label htmlFor={`holder-${t.id}`} className="sr-only">
                                Name on ticket {t.code}
                              </label>
                              <input id={`holder-${t.id}`} name="holderName" defaultValue={t.holderName} required maxLength={120} className="min-h-11 rounded-md border border-stone-500 px-2" />
                              <SubmitButton variant="secondary" label={`Save the name on ticket ${t.code}`}>
                                Save
                              </SubmitButton>
                            </form>
                          )}
                        </td>
                        <td className="py-2">
                          {(o.scheme === 'community_access' || o.scheme === 'donated') && !t.checkedIn ? (
                            <form action={o.scheme === 'donated' ? giveBackDonatedTicketAction : giveBackTicketAction}>
                              <input type="hidden" name="orderId" value={o.id} />
                              <input type="hidden" name="ticketId" value={t.id} />
                              <SubmitButton variant="secondary" label={`Give back ticket ${t.code}`}>
                                Give back
                              </SubmitButton>
                            </form>
                          ) : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {valid.length ? (
                  <form action={forwardTicketsAction} className="mt-3 flex max-w-xl flex-wrap items-end gap-2">
                    <input type="hidden" name="orderId" value={o.id} />
                    <div className="grow">
                      <Field id={`forward-${o.id}`} label="Email these tickets to">
                        <input id={`forward-${o.id}`} name="email" type="email" required maxLength={254} className={inputClass} />
                      </Field>
                    </div>
                    <SubmitButton label={`Email the tickets of order ${o.number}`}>Send</SubmitButton>
                  </form>
                ) : null}
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="report-heading">
        <h2 id="report-heading" className="font-serif text-2xl font-bold">
          After the screening
        </h2>
        <p className="mt-1 text-sm text-muted">How your tickets were used, per screening. Counts only.</p>
        {report.length === 0 ? (
          <p className="mt-2 text-muted">Nothing to report yet: figures appear here once a screening has started.</p>
        ) : (
          <>
            <div className="mt-3 overflow-x-auto">
              <table className="w-full min-w-[36rem] text-left text-sm">
                <caption className="sr-only">Tickets issued, checked in and unused per screening</caption>
                <thead>
                  <tr>
                    <th scope="col" className="py-1 pr-3">Screening</th>
                    <th scope="col" className="py-1 pr-3 text-right">Places granted</th>
                    <th scope="col" className="py-1 pr-3 text-right">Tickets issued</th>
                    <th scope="col" className="py-1 pr-3 text-right">Checked in</th>
                    <th scope="col" className="py-1 pr-3 text-right">Unused</th>
                    <th scope="col" className="py-1 text-right">Codes not used</th>
                  </tr>
                </thead>
                <tbody>
                  {report.map((r) => (
                    <tr key={r.screeningId} className="border-t border-stone-200">
                      <th scope="row" className="py-2 pr-3 font-normal">
                        {r.title}, {formatDateTime(r.startsAt, tz)}
                      </th>
                      <td className="py-2 pr-3 text-right">{r.granted}</td>
                      <td className="py-2 pr-3 text-right">{r.issued}</td>
                      <td className="py-2 pr-3 text-right">{r.checkedIn}</td>
                      <td className="py-2 pr-3 text-right">{r.unused}</td>
                      <td className="py-2 text-right">{r.codesNotRedeemed}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="mt-3">
              <a href="/partner/tickets/report.csv" className="font-semibold underline" download>
                Download as CSV
              </a>
            </p>
          </>
        )}
      </section>
    </Container>
  );
}
