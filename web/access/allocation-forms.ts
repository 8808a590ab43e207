import { z } from 'zod';
import type { AllocationFailure, BulkAllocationResult } from '@/domain/access/allocations';
import { ACCESS_SCHEMES, accessSchemeInfo, type AccessScheme } from '@/domain/catalogue/access-schemes';

/*
 * What the allocation pages' forms send and what the pages say back. A refusal travels in the redirect as a code and
 * numbers only, so that no link can make a staff page show words of someone else's choosing.
 */

export const accessSchemes = ACCESS_SCHEMES.map((s) => s.scheme) as [AccessScheme, ...AccessScheme[]];

/** "5" or "2.5" (%) → basis points (500, 250). */
export const percentToBasisPoints = z.coerce
  .number({ error: 'Give a percentage' })
  .min(0)
  .max(100)
  .transform((p) => Math.round(p * 100));

/** An empty field means no limit. */
export const optionalWhole = z.preprocess((v) => (v === '' || v === undefined || v === null ? null : v), z.coerce.number().nullable());

type Failure = AllocationFailure | Extract<BulkAllocationResult, { ok: false }>;

export function failureQuery(failure: Failure): string {
  const q = new URLSearchParams({ error: failure.reason });
  if (failure.reason === 'below_claimed') q.set('n', String(failure.minimum));
  if (failure.reason === 'not_enough_general_sale') q.set('n', String(failure.available));
  if (failure.reason === 'not_enough_free') q.set('n', String(failure.free));
  if ('screeningId' in failure) q.set('at', failure.screeningId);
  return q.toString();
}

const places = (n: number) => `${n} ${n === 1 ? 'place' : 'places'}`;

/** The words for a refusal the page was sent back with, or null. */
export function refusalMessage(query: Record<string, string | string[] | undefined>): string | null {
  const code = typeof query.error === 'string' ? query.error : null;
  if (!code) return null;
  const n = Number(typeof query.n === 'string' ? query.n : NaN);
  const count = Number.isFinite(n) && n >= 0 ? Math.floor(n) : null;
  switch (code) {
    case 'invalid_input':
      return 'Please check the form: every change needs a whole number of places and a reason of a few words.';
    case 'bulk_input':
      return 'Choose at least one screening, a scheme, a number of places or a percentage, and give a reason.';
    case 'screening_not_found':
      return 'One of those screenings is not in this festival.';
    case 'screening_closed':
      return 'That screening has started or is cancelled, so its allocations no longer change.';
    case 'allocation_released':
      return "That scheme's cut-off has passed and its unclaimed places are back on general sale, so it takes no new places.";
    case 'below_claimed':
      return `That is fewer than the scheme has already claimed, held or granted to partners${count === null ? '' : ` (${places(count)})`}.`;
    case 'not_enough_general_sale':
      return `General sale does not have that many free places${count === null ? '' : ` (${places(count)} free)`}.`;
    case 'not_enough_free':
      return `The scheme does not have that many unclaimed places to release${count === null ? '' : ` (${places(count)} free)`}.`;
    case 'forbidden':
      return 'You may not change access allocations.';
    default:
      return 'That did not work. Please try again.';
  }
}

const CHANGE_WORDS: Record<string, string> = { set: 'Allocation set', release: 'Places released to general sale', top_up: 'Places added from general sale' };

/** The words for a change the page was sent back after, or null. */
export function doneMessage(query: Record<string, string | string[] | undefined>): string | null {
  const done = typeof query.done === 'string' ? query.done : null;
  const scheme = accessSchemes.find((s) => s === query.scheme);
  if (done === 'defaults') return `Defaults saved${scheme ? ` for ${accessSchemeInfo(scheme).label}` : ''}. New screenings use them; existing ones keep their allocations.`;
  if (done === 'bulk') {
    const changed = Number(query.changed) || 0;
    const unchanged = Number(query.unchanged) || 0;
    return `${changed} ${changed === 1 ? 'screening' : 'screenings'} changed${unchanged ? `, ${unchanged} already had that allocation` : ''}.`;
  }
  if (done && CHANGE_WORDS[done]) return `${CHANGE_WORDS[done]}${scheme ? ` for ${accessSchemeInfo(scheme).label}` : ''}.`;
  return null;
}
