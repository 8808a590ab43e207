import type { RushRefusal } from '@/domain/rush/rush-lines';
import type { SellRushResult } from '@/domain/rush/sell';

/** Every refusal of the rush line's commands (domain/rush/), as the reason code the pages carry in their URL. */
export type RushFailureReason = RushRefusal['reason'] | Extract<SellRushResult, { ok: false }>['reason'];

/**
 * What a person reads for each refusal: the actions redirect with the reason code only (never the domain's text, so
 * that a crafted link cannot put words on the page), and the page looks the words up here.
 */
export const RUSH_FAILURE_TEXT: Record<RushFailureReason, string> = {
  forbidden: 'You may not run rush lines.',
  invalid_request: 'That was not a valid choice: check the party size, quantity, payment method (a comp needs a reason) and try again.',
  screening_not_found: 'No such screening.',
  screening_closed: 'This screening is over or was cancelled.',
  not_sold_out: 'General sale still has places: sell them at the desk instead of opening a rush line.',
  already_open: 'This screening already has a rush line.',
  line_not_found: 'No such rush line.',
  wrong_state: 'The line has moved on (another desk may have done this already): the page now shows where it is.',
  too_early: 'It is not the call time yet: tickets not scanned may still be used.',
  no_places_left: 'No places left for the line: turn the remaining numbers away.',
  number_not_found: 'No such number.',
  nobody_waiting: 'Nobody is waiting.',
  not_enough_places: 'General sale has no place left for this sale.',
  seats_unavailable: 'No seat could be found for this sale.',
};

export function rushFailureText(reason: string | undefined): string | null {
  return reason && reason in RUSH_FAILURE_TEXT ? RUSH_FAILURE_TEXT[reason as RushFailureReason] : null;
}
