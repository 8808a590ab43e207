import type { Metadata } from 'next';
import Link from 'next/link';
import { declinePartnerAction, verifyPartnerAction } from './actions';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { getPartnerApplicationsPage } from '@/domain/partners/queries';
import { formatDateTime } from '@/lib/time';
import { BoxOfficeNav } from '@/components/box-office/BoxOfficeNav';
import { Field, Flash, inputClass, SubmitButton } from '@/components/partners/forms';
import { Container } from '@/components/ui/Container';
import { PageHeading } from '@/components/ui/PageHeading';
import { requirePermission } from '@/web/auth/guards';

export const metadata: Metadata = { title: 'Partners', robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The box office's partner queue: applications to verify or decline, then the verified organisations. */
export default async function PartnersPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission('partners.verify');
  const [festival, organisations, query] = await Promise.all([requireCurrentFestival(), getPartnerApplicationsPage(user), searchParams]);
  const all = organisations ?? [];
  const waiting = all.filter((o) => o.status === 'applied');
  const verified = all.filter((o) => o.status === 'verified');
  const declined = all.filter((o) => o.status === 'declined');
  const tz = festival.timeZone;

  return (
    <Container>
      <PageHeading lead="Community organisations apply to give Community Access and donated tickets to the people they serve. Verify the ones you know; their contact is invited to the partner portal.">
        Partners
      </PageHeading>
      <BoxOfficeNav user={user} current="/box-office/partners" />
      <Flash query={query} done={{ verified: 'Verified. The contact has been emailed an invitation to the partner portal.', declined: 'Application declined. The contact has been emailed, with your note.' }} />

      <section aria-labelledby="waiting-heading" className="mb-10">
        <h2 id="waiting-heading" className="font-serif text-2xl font-bold">
          Applications waiting ({waiting.length})
        </h2>
        {waiting.length === 0 ? <p className="mt-2 text-muted">No applications are waiting.</p> : null}
        <ul className="mt-3 space-y-4">
          {waiting.map((o) => (
            <li key={o.id} className="rounded-lg border border-stone-300 bg-white p-4">
              <h3 className="font-serif text-xl font-bold">{o.name}</h3>
              <p className="text-sm text-muted">Applied {formatDateTime(o.createdAt, tz)}</p>
              <p className="mt-2 whitespace-pre-line">{o.serves}</p>
              <dl className="mt-2 grid gap-x-4 text-sm sm:grid-cols-[auto_1fr]">
                <dt className="font-semibold">Contact</dt>
                <dd>
                  {o.contactName} &lt;{o.contactEmail}&gt;
                </dd>
                {o.website ? (
                  <>
                    <dt className="font-semibold">Website</dt>
                    <dd>{o.website}</dd>
                  </>
                ) : null}
              </dl>
              <div className="mt-3 grid gap-4 md:grid-cols-2">
                <form action={verifyPartnerAction} className="space-y-2">
                  <input type="hidden" name="organisationId" value={o.id} />
                  <Field id={`verify-note-${o.id}`} label="Note (optional, for the record)">
                    <input id={`verify-note-${o.id}`} name="note" maxLength={500} className={inputClass} />
                  </Field>
                  <SubmitButton label={`Verify ${o.name}`}>Verify and invite</SubmitButton>
                </form>
                <form action={declinePartnerAction} className="space-y-2">
                  <input type="hidden" name="organisationId" value={o.id} />
                  <Field id={`decline-note-${o.id}`} label="Reason for declining">
                    <input id={`decline-note-${o.id}`} name="note" maxLength={500} className={inputClass} />
                  </Field>
                  <SubmitButton variant="secondary" label={`Decline ${o.name}`}>
                    Decline
                  </SubmitButton>
                </form>
              </div>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="verified-heading" className="mb-10">
        <h2 id="verified-heading" className="font-serif text-2xl font-bold">
          Verified partners ({verified.length})
        </h2>
        <p className="mt-1 text-sm">
          <Link href="/box-office/partners/report" className="underline">
            Partner report: tickets and places per organisation
          </Link>
        </p>
        <div className="mt-3 overflow-x-auto">
          <table className="w-full min-w-[36rem] text-left text-sm">
            <caption className="sr-only">Verified partner organisations</caption>
            <thead>
              <tr>
                <th scope="col" className="py-1 pr-3">Organisation</th>
                <th scope="col" className="py-1 pr-3">Who they work with</th>
                <th scope="col" className="py-1 pr-3">Contact</th>
                <th scope="col" className="py-1">Verified</th>
              </tr>
            </thead>
            <tbody>
              {verified.map((o) => (
                <tr key={o.id} className="border-t border-stone-200 align-top">
                  <th scope="row" className="py-2 pr-3 font-semibold">{o.name}</th>
                  <td className="py-2 pr-3">{o.serves}</td>
                  <td className="py-2 pr-3">{o.contactEmail ?? '—'}</td>
                  <td className="py-2">{o.reviewedAt ? formatDateTime(o.reviewedAt, tz) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {declined.length ? (
        <section aria-labelledby="declined-heading">
          <h2 id="declined-heading" className="font-serif text-2xl font-bold">
            Declined ({declined.length})
          </h2>
          <ul className="mt-2 space-y-1 text-sm">
            {declined.map((o) => (
              <li key={o.id}>
                <span className="font-semibold">{o.name}</span>
                {o.reviewNote ? `: ${o.reviewNote}` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Container>
  );
}
