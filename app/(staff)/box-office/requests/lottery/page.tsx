import type { Metadata } from 'next';
import Link from 'next/link';
import { runFairAllocationAction } from './actions';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { listFairAllocationCandidates, listFairAllocations } from '@/domain/donation-requests/queries';
import { requirePermission } from '@/web/auth/guards';
import { BoxOfficeNav } from '@/components/box-office/BoxOfficeNav';
import { Badge } from '@/components/ui/Badge';
import { Container } from '@/components/ui/Container';
import { Notice } from '@/components/ui/Notice';
import { PageHeading } from '@/components/ui/PageHeading';
import { formatCents } from '@/lib/format';
import { formatDateTime } from '@/lib/time';

export const metadata: Metadata = { title: 'Fair allocation', robots: { index: false } };

/**
 * The fair allocation: pick a screening whose requests ask for more than is left, run the seeded lottery, and read
 * every recorded run with what anyone needs to re-run it.
 */
export default async function FairAllocationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const staff = await requirePermission('access.review');
  const festival = await requireCurrentFestival();
  const [candidates, runs] = await Promise.all([listFairAllocationCandidates(staff, festival.id), listFairAllocations(staff, festival.id)]);
  const query = await searchParams;
  const error = typeof query.error === 'string' ? query.error : null;

  return (
    <Container>
      <PageHeading lead="When requests for one screening ask for more donated tickets than are left, a seeded lottery decides: each request is granted whole or declined, and anyone can re-run the draw.">
        Fair allocation
      </PageHeading>
      <BoxOfficeNav user={staff} current="/box-office/requests" />
      <p className="mb-4">
        <Link href="/box-office/requests" className="underline">
          Back to the review queue
        </Link>
      </p>
      {error ? (
        <div className="mb-4">
          <Notice title="The draw did not run" tone="warn">
            {error}
          </Notice>
        </div>
      ) : null}
      {query.ran ? (
        <div className="mb-4">
          <Notice title="Draw recorded">The requests drawn have their tickets, the others are declined, and every partner has been emailed.</Notice>
        </div>
      ) : null}

      <section aria-labelledby="run-heading" className="mb-8 rounded-lg border border-stone-300 bg-white p-4">
        <h2 id="run-heading" className="font-serif text-xl font-bold">
          Run a draw
        </h2>
        <p className="mt-1 text-sm text-muted">
          The draw takes the submitted requests that ask for this screening alone. The places are the Donated places left, or as many tickets as the access fund can pay
          for, whichever is fewer.
        </p>
        {candidates.length === 0 ? (
          <p className="mt-3">No screening has submitted requests waiting for it alone.</p>
        ) : (
          <form action={runFairAllocationAction} className="mt-3 space-y-4">
            <fieldset>
              <legend className="font-semibold">Screening</legend>
              <ul className="mt-1 space-y-2">
                {candidates.map((c, i) => (
                  <li key={c.screeningId} className="flex items-start gap-2">
                    <input id={`lot-${c.screeningId}`} type="radio" name="screeningId" value={c.screeningId} defaultChecked={i === 0} required className="mt-1 h-5 w-5" />
                    <label htmlFor={`lot-${c.screeningId}`}>
                      <span className="font-semibold">{c.title}</span>, {formatDateTime(c.startsAt, festival.timeZone)}: {c.requests} request{c.requests === 1 ? '' : 's'} for{' '}
                      {c.ticketsAsked} ticket{c.ticketsAsked === 1 ? '' : 's'}, {c.donatedFree} Donated place{c.donatedFree === 1 ? '' : 's'} left
                      {c.faceValueCents !== null ? ` at ${formatCents(c.faceValueCents, festival.currency)}` : ''}
                      {c.ticketsAsked > c.donatedFree ? (
                        <>
                          {' '}
                          <Badge tone="warn">More asked than left</Badge>
                        </>
                      ) : null}
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
            <p className="text-sm text-muted">
              The seed is drawn at random by the server when you run the draw, so nobody can choose one that favours a request; it is
              recorded with the outcome, and anyone can re-run the draw from it.
            </p>
            <button type="submit" className="min-h-11 rounded-md bg-accent px-4 py-2 font-semibold text-white">
              Run the draw
            </button>
          </form>
        )}
      </section>

      <section aria-labelledby="runs-heading">
        <h2 id="runs-heading" className="font-serif text-xl font-bold">
          Recorded draws
        </h2>
        {runs.length === 0 ? <p className="mt-2">No draw has been run yet.</p> : null}
        <ol className="mt-3 space-y-6">
          {runs.map((run) => (
            <li key={run.id} id={`run-${run.id}`} className="rounded-lg border border-stone-300 bg-white p-4">
              <h3 className="font-semibold">
                {run.screening}, {formatDateTime(run.startsAt, festival.timeZone)}
              </h3>
              <p className="text-sm">
                Run {formatDateTime(run.createdAt, festival.timeZone)}. Seed <code className="rounded bg-stone-100 px-1">{run.seed}</code>, {run.places} place
                {run.places === 1 ? '' : 's'}.
              </p>
              <div className="overflow-x-auto">
                <table className="mt-2 w-full min-w-[30rem] text-left text-sm">
                  <caption className="sr-only">Outcome of the draw, in draw order</caption>
                  <thead>
                    <tr className="border-b border-stone-300">
                      <th scope="col" className="py-1 pr-3">
                        Draw
                      </th>
                      <th scope="col" className="py-1 pr-3">
                        Organisation
                      </th>
                      <th scope="col" className="py-1 pr-3">
                        Tickets asked
                      </th>
                      <th scope="col" className="py-1">
                        Outcome
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {run.outcome.map((o) => (
                      <tr key={o.requestId} className="border-b border-stone-200">
                        <td className="py-1 pr-3">{o.draw}</td>
                        <td className="py-1 pr-3">{o.organisation ?? 'Withdrawn organisation'}</td>
                        <td className="py-1 pr-3">{o.quantity}</td>
                        <td className="py-1">{o.granted ? <Badge tone="good">Granted</Badge> : <Badge tone="bad">Declined</Badge>}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <details className="mt-2 text-sm">
                <summary className="cursor-pointer underline">Re-run this draw</summary>
                <p className="mt-2">
                  The lottery is <code>runLottery(seed, places, requests)</code> in <code>domain/donation-requests/lottery.ts</code>: the requests are sorted by id,
                  shuffled with Fisher–Yates using sha256(&quot;seed:n&quot;) as the random numbers, and granted whole in draw order while they fit. With the
                  repository checked out, this prints the same outcome:
                </p>
                <pre className="mt-2 overflow-x-auto rounded bg-stone-100 p-2 text-xs">
                  {`npx tsx -e 'import { runLottery } from "./domain/donation-requests/lottery"; console.log(runLottery(${JSON.stringify(run.seed)}, ${run.places}, ${JSON.stringify(
                    run.outcome.map((o) => ({ requestId: o.requestId, quantity: o.quantity })),
                  )}))'`}
                </pre>
              </details>
            </li>
          ))}
        </ol>
      </section>
    </Container>
  );
}
