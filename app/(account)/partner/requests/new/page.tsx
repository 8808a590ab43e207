import type { Metadata } from 'next';
import Link from 'next/link';
import { submitDonationRequestAction } from './actions';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { getRequestingOrganisation, listRequestableScreenings, type ScreeningChoice } from '@/domain/donation-requests/queries';
import { MAX_TICKETS_PER_REQUEST } from '@/domain/donation-requests/requests';
import { requireOrgMember, requirePermission } from '@/web/auth/guards';
import { signOutAction } from '@/app/(public)/signin/actions';
import { AccountNav } from '@/components/account/AccountNav';
import { PartnerNav } from '@/components/partner/PartnerNav';
import { Container } from '@/components/ui/Container';
import { Notice } from '@/components/ui/Notice';
import { PageHeading } from '@/components/ui/PageHeading';
import { formatDayLong, formatTime, localDate } from '@/lib/time';

export const metadata: Metadata = { title: 'Ask for donated tickets', robots: { index: false } };

const input = 'mt-1 w-full rounded-md border border-stone-500 px-3 py-2';

/** The request form: the screenings (grouped by day), or a range of days, how many tickets, who they are for, and a contact. */
export default async function NewDonationRequestPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const partner = await requirePermission('partner.portal');
  const user = await requireOrgMember(partner.organisationId!);
  const festival = await requireCurrentFestival();
  const [org, screenings] = await Promise.all([getRequestingOrganisation(partner), listRequestableScreenings(festival.id)]);
  const query = await searchParams;
  const error = typeof query.error === 'string' ? query.error : null;
  const days = new Map<string, ScreeningChoice[]>();
  for (const s of screenings) {
    const day = localDate(s.startsAt, festival.timeZone);
    days.set(day, [...(days.get(day) ?? []), s]);
  }
  const today = localDate(new Date(), festival.timeZone);
  const firstDay = today > festival.startsOn ? today : festival.startsOn;

  return (
    <Container>
      <PageHeading lead="Tell us which screenings, how many tickets and who they are for. Festival staff read every request and email your contact with their decision.">
        Ask for donated tickets
      </PageHeading>
      <AccountNav user={user} signOut={signOutAction} />
      <PartnerNav current="/partner/requests" />
      {error ? (
        <div className="mb-4">
          <Notice title="Please check the form" tone="warn">
            {error}
          </Notice>
        </div>
      ) : null}
      {org && !org.verified ? (
        <Notice title="Your organisation is not verified yet" tone="warn">
          The festival verifies each partner organisation before it can ask for donated tickets. We will email you once {org.name} is verified.
        </Notice>
      ) : (
        <form action={submitDonationRequestAction} className="max-w-3xl space-y-6">
          <fieldset className="rounded-lg border border-stone-300 bg-white p-4">
            <legend className="px-1 font-serif text-xl font-bold">Which screenings?</legend>
            <p className="text-sm text-muted">Tick one or more screenings. If any screening on certain days would do, leave these empty and give the days below instead.</p>
            {days.size === 0 ? <p className="mt-2">No upcoming screenings are left in this festival.</p> : null}
            {[...days.entries()].map(([day, list]) => (
              <fieldset key={day} className="mt-4">
                <legend className="font-semibold">{formatDayLong(list[0]!.startsAt, festival.timeZone)}</legend>
                <ul className="mt-1 space-y-1">
                  {list.map((s) => (
                    <li key={s.id} className="flex items-start gap-2">
                      <input id={`screening-${s.id}`} type="checkbox" name="screeningId" value={s.id} className="mt-1 h-5 w-5" />
                      <label htmlFor={`screening-${s.id}`}>
                        {formatTime(s.startsAt, festival.timeZone)}: {s.title} <span className="text-sm text-muted">({s.venue})</span>
                      </label>
                    </li>
                  ))}
                </ul>
              </fieldset>
            ))}
          </fieldset>
          <fieldset className="rounded-lg border border-stone-300 bg-white p-4">
            <legend className="px-1 font-serif text-xl font-bold">Or any screening on these days</legend>
            <div className="grid gap-4 sm:grid-cols-2">
              <div>
                <label htmlFor="fromDate" className="block font-semibold">
                  First day
                </label>
                <input id="fromDate" name="fromDate" type="date" min={firstDay} max={festival.endsOn} className={input} />
              </div>
              <div>
                <label htmlFor="toDate" className="block font-semibold">
                  Last day
                </label>
                <input id="toDate" name="toDate" type="date" min={firstDay} max={festival.endsOn} className={input} />
              </div>
            </div>
          </fieldset>
          <fieldset className="space-y-4 rounded-lg border border-stone-300 bg-white p-4">
            <legend className="px-1 font-serif text-xl font-bold">The tickets</legend>
            <div>
              <label htmlFor="quantity" className="block font-semibold">
                Number of tickets
              </label>
              <input id="quantity" name="quantity" type="number" inputMode="numeric" min={1} max={MAX_TICKETS_PER_REQUEST} required className={`${input} max-w-32`} />
            </div>
            <div>
              <label htmlFor="audience" className="block font-semibold">
                Who are the tickets for?
              </label>
              <p id="audience-hint" className="text-sm text-muted">
                A sentence or two about the people you serve. Please do not include anyone&apos;s name.
              </p>
              <textarea id="audience" name="audience" required maxLength={1000} rows={3} aria-describedby="audience-hint" className={input} />
            </div>
            <div>
              <label htmlFor="accessibilityNeeds" className="block font-semibold">
                Accessibility needs (optional)
              </label>
              <p id="needs-hint" className="text-sm text-muted">
                For example wheelchair spaces, companion seats, captions or audio description.
              </p>
              <textarea id="accessibilityNeeds" name="accessibilityNeeds" maxLength={1000} rows={2} aria-describedby="needs-hint" className={input} />
            </div>
          </fieldset>
          <fieldset className="space-y-4 rounded-lg border border-stone-300 bg-white p-4">
            <legend className="px-1 font-serif text-xl font-bold">Who should we contact?</legend>
            <p className="text-sm text-muted">We email the decision and the tickets to this person.</p>
            <div>
              <label htmlFor="contactName" className="block font-semibold">
                Name
              </label>
              <input id="contactName" name="contactName" required maxLength={120} autoComplete="name" defaultValue={org?.contactName ?? user.name ?? ''} className={input} />
            </div>
            <div>
              <label htmlFor="contactEmail" className="block font-semibold">
                Email
              </label>
              <input id="contactEmail" name="contactEmail" type="email" required maxLength={254} autoComplete="email" defaultValue={org?.contactEmail ?? user.email} className={input} />
            </div>
            <div>
              <label htmlFor="contactPhone" className="block font-semibold">
                Phone (optional)
              </label>
              <input id="contactPhone" name="contactPhone" type="tel" maxLength={40} autoComplete="tel" className={input} />
            </div>
          </fieldset>
          <div className="flex flex-wrap items-center gap-4">
            <button type="submit" className="min-h-11 rounded-md bg-accent px-4 py-2 font-semibold text-white">
              Send the request
            </button>
            <Link href="/partner/requests" className="underline">
              Back to your requests
            </Link>
          </div>
        </form>
      )}
    </Container>
  );
}
