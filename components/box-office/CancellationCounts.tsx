import type { CancellationOrderState } from '@/domain/cancellations/queries';

/** What each state of a cancelled screening's orders means to staff, in the job's order. */
const STATES: { state: CancellationOrderState; label: string }[] = [
  { state: 'pending', label: 'Not yet emailed' },
  { state: 'offered', label: 'Emailed, waiting for a choice' },
  { state: 'refund_pending', label: 'Refund under way' },
  { state: 'refunded', label: 'Refunded' },
  { state: 'exchanged', label: 'Exchanged' },
  { state: 'donated', label: 'Given to the access fund' },
  { state: 'closed', label: 'Free tickets voided' },
];

/** A cancellation's progress: orders per state, as counts only. */
export function CancellationCounts({ counts, compact = false }: { counts: Record<CancellationOrderState, number>; compact?: boolean }) {
  const shown = compact ? STATES.filter((s) => counts[s.state] > 0) : STATES;
  if (shown.length === 0) return <p className="mt-1 text-sm">No orders had tickets.</p>;
  return (
    <dl className={compact ? 'mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm' : 'mt-3 grid max-w-md grid-cols-[1fr_auto] gap-x-6 gap-y-1'}>
      {shown.map((s) => (
        <div key={s.state} className="contents">
          <dt>{s.label}</dt>
          <dd className="font-semibold tabular-nums" data-state={s.state}>
            {counts[s.state]}
          </dd>
        </div>
      ))}
    </dl>
  );
}
