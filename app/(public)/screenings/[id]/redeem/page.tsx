import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { redeemAccessCodeAction } from './actions';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { getScreeningDetail } from '@/domain/catalogue/screenings';
import { accessSchemePath } from '@/domain/catalogue/access-schemes';
import { formatDayLong, formatTime } from '@/lib/time';
import { Field, inputClass, SubmitButton } from '@/components/partners/forms';
import { ButtonLink } from '@/components/ui/ButtonLink';
import { Container } from '@/components/ui/Container';
import { Notice } from '@/components/ui/Notice';
import { PageHeading } from '@/components/ui/PageHeading';

export const metadata: Metadata = { title: 'Use an access code', description: 'Use an access code from a partner organisation to get free tickets for this screening.', robots: { index: false } };

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Only the shape of a ticket code is trusted from the URL: the ticket page itself checks the code. */
const TICKET_CODE = /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/;

/** A person with a partner's access code gets one free ticket for this screening: name and email, no account. */
export default async function RedeemAccessCodePage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const festival = await requireCurrentFestival();
  const s = await getScreeningDetail(festival, (await params).id);
  if (!s) notFound();
  const query = await searchParams;
  const ticket = typeof query.ticket === 'string' && TICKET_CODE.test(query.ticket) ? query.ticket : null;
  const error = typeof query.error === 'string' ? query.error.slice(0, 300) : null;
  const when = `${formatDayLong(s.startsAt, festival.timeZone)}, ${formatTime(s.startsAt, festival.timeZone)}`;
  const open = s.saleState !== 'cancelled' && s.saleState !== 'past';

  return (
    <Container>
      <PageHeading lead={`${s.title} · ${when} · ${s.venue.name}`}>{ticket ? 'Your ticket is ready' : 'Use an access code'}</PageHeading>
      {ticket ? (
        <div className="max-w-xl space-y-4">
          <Notice title="Enjoy the film">
            Your free ticket is booked, and we have emailed it to you with a calendar file. Show it on your phone or on paper at the door.
          </Notice>
          <ButtonLink href={`/tickets/${ticket}`}>See your ticket</ButtonLink>
          <p>
            <Link href={`/screenings/${s.id}`} className="underline">
              Back to the screening
            </Link>
          </p>
        </div>
      ) : open ? (
        <div className="max-w-xl space-y-4">
          {error ? (
            <Notice title="That did not work" tone="warn">
              {error}
            </Notice>
          ) : null}
          <p>
            Community partner organisations give out access codes for free tickets. One code is one ticket, for this screening only.
          </p>
          <form action={redeemAccessCodeAction.bind(null, s.id)} className="space-y-4 rounded-lg border border-stone-300 bg-white p-4">
            <Field id="redeem-code" label="Access code" hint="Ten letters and numbers, for example 7K2QD-MX94R.">
              <input
                id="redeem-code"
                name="code"
                required
                maxLength={40}
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                aria-describedby="redeem-code-hint"
                className={`${inputClass} font-mono uppercase tracking-wider`}
              />
            </Field>
            <Field id="redeem-name" label="Name for the ticket">
              <input id="redeem-name" name="name" required maxLength={120} autoComplete="name" className={inputClass} />
            </Field>
            <Field id="redeem-email" label="Email" hint="We send your ticket here. We use it for nothing else.">
              <input id="redeem-email" name="email" type="email" required maxLength={254} autoComplete="email" aria-describedby="redeem-email-hint" className={inputClass} />
            </Field>
            <SubmitButton>Get my free ticket</SubmitButton>
          </form>
          <p className="text-sm">
            <Link href={accessSchemePath('community_access')} className="underline">
              About Community Access
            </Link>
          </p>
        </div>
      ) : (
        <Notice title="This screening is closed" tone="warn">
          Codes can only be used before a screening starts.
        </Notice>
      )}
    </Container>
  );
}
