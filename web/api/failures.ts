import { NextResponse } from 'next/server';
import type { AllocationFailure } from '@/domain/access/allocations';

import type { CancelIndigenousResult, ClaimIndigenousResult, ClaimOfferResult, JoinWaitlistResult, LeaveWaitlistResult } from '@/domain/access/indigenous';
import type { HoldResult, ReleaseResult } from '@/domain/booking/holds';
import type { RateLimitResult } from '@/domain/limits/rate-limits';
import type { StartCheckoutResult } from '@/domain/payments/checkout';
import type { FairAllocationResult } from '@/domain/donation-requests/fair-allocation';
import type { ApprovalResult, DeclineResult, GiveBackResult, SubmitResult, WithdrawResult } from '@/domain/donation-requests/requests';
import type { StartDonationResult } from '@/domain/access-fund/donation-checkout';
import type { ApiErrorBody } from './respond';
import type { RedeemResult } from '@/domain/partners/access-codes';
import type { AllotmentRefusal, ClaimResult } from '@/domain/partners/allotments';
import type { ReviewResult } from '@/domain/partners/organisations';
import type { PartnerOrderRefusal } from '@/domain/partners/partner-orders';

type Failed<R> = Extract<R, { ok: false }>;

/** Every refusal of the booking commands (hold, checkout, release) and of the hold rate limit. */
export type BookingFailure = Failed<HoldResult> | Failed<StartCheckoutResult> | Failed<ReleaseResult> | Failed<RateLimitResult> | Failed<StartDonationResult>;

export interface FailureResponse {
  /** The API's HTTP status. */
  status: number;
  /** The API's `error` code (published in the OpenAPI document). */
  code: string;
  /** For people: the API's `message` and the site's error banner say the same. */
  message: string;
}

/**
 * The one mapping from a booking failure to how it is told, shared by the site's server actions and the API's
 * route handlers. A hold refusal carries its own message from the domain (it names what is left, or which seat
 * rule failed); the others are written here.
 */
export function describeFailure(failure: BookingFailure): FailureResponse {
  switch (failure.reason) {
    case 'screening_not_found':
      return { status: 404, code: 'not_found', message: failure.message };
    case 'not_on_sale':
      return { status: 409, code: 'not_on_sale', message: failure.message };
    case 'not_enough_seats':
      return { status: 409, code: 'not_enough_seats', message: failure.message };
    case 'seats_unavailable':
      return { status: 409, code: 'seats_unavailable', message: failure.message };
    case 'too_many_held':
      // One client may hold only so many places of a screening at once (the per-order maximum).
      return { status: 409, code: 'too_many_held', message: failure.message };
    case 'invalid_request':
      return { status: 422, code: 'unprocessable', message: failure.message };
    case 'rate_limited':
      return { status: 429, code: 'rate_limited', message: `Too many attempts. Please wait ${failure.retryAfterSeconds} seconds.` };
    case 'not_found':
      return { status: 404, code: 'not_found', message: 'Hold not found' };
    case 'forbidden':
      return { status: 403, code: 'forbidden', message: 'This hold belongs to someone else (wrong or missing hold token).' };
    case 'hold_expired':
      return { status: 410, code: 'hold_expired', message: 'Your hold expired and its places were released. Please choose again.' };
    case 'hold_ended':
      return { status: 409, code: 'hold_ended', message: 'This hold has ended.' };
    case 'payment_unavailable':
      return { status: 503, code: 'payment_unavailable', message: 'The payment service did not answer. Your places are still held: please try again.' };
    case 'invalid_gift':
      return {
        status: 422,
        code: 'invalid_gift',
        message: 'Please choose a gift: up to 10 donated tickets and/or a whole-dollar amount up to $1,000, more than nothing on the donation page.',
      };
    case 'festival_not_found':
      return { status: 404, code: 'not_found', message: 'This festival is not taking gifts.' };
    case 'payment_pending':
      return {
        status: 409,
        code: 'payment_pending',
        message: 'A payment for this hold is in progress, so its places cannot be released yet; they are released if the payment does not complete.',
      };
  }
}

/** A booking failure as the API's error response, with the details a client needs to try again. */
export function failureResponse(failure: BookingFailure): NextResponse {
  const { status, code, message } = describeFailure(failure);
  const extra =
    failure.reason === 'not_enough_seats' ? { available: failure.available } : failure.reason === 'seats_unavailable' ? { seats: failure.seats } : {};
  const response = NextResponse.json<ApiErrorBody & typeof extra>({ error: code, message, ...extra }, { status });
  if (failure.reason === 'rate_limited') response.headers.set('Retry-After', String(failure.retryAfterSeconds));
  return response;
}

/** Every refusal of the Ticket Donation Requests commands (submit, withdraw, approve, decline, fair allocation). */
export type DonationRequestFailure =
  | Failed<SubmitResult>
  | Failed<WithdrawResult>
  | Failed<ApprovalResult>
  | Failed<DeclineResult>
  | Failed<FairAllocationResult>;

/** How a donation request's refusal is told: the domain's own message where it names figures (places, the fund's balance). */
export function describeRequestFailure(failure: DonationRequestFailure): FailureResponse {
  switch (failure.reason) {
    case 'forbidden':
      return { status: 403, code: 'forbidden', message: failure.message };
    case 'organisation_not_verified':
      return { status: 403, code: 'organisation_not_verified', message: failure.message };
    case 'not_found':
      return { status: 404, code: 'not_found', message: 'Donation request not found' };
    case 'screening_not_found':
      return { status: 404, code: 'not_found', message: failure.message };
    case 'not_withdrawable':
      return { status: 409, code: 'not_withdrawable', message: 'Staff have already decided this request, so it can no longer be withdrawn.' };
    case 'not_decidable':
      return { status: 409, code: 'already_decided', message: failure.message };
    case 'nothing_to_draw':
      return { status: 409, code: 'nothing_to_draw', message: failure.message };
    case 'screening_closed':
      return { status: 409, code: 'screening_closed', message: failure.message };
    case 'not_enough_places':
      return { status: 409, code: 'not_enough_places', message: failure.message };
    case 'seats_unavailable':
      return { status: 409, code: 'seats_unavailable', message: failure.message };
    case 'insufficient_funds':
      return { status: 409, code: 'insufficient_funds', message: failure.message };
    case 'invalid_request':
      return { status: 422, code: 'unprocessable', message: failure.message };
  }
}

/** A donation request's refusal as the API's error response (with the fund's figures when it was the fund). */
export function requestFailureResponse(failure: DonationRequestFailure): NextResponse {
  const { status, code, message } = describeRequestFailure(failure);
  const extra = failure.reason === 'insufficient_funds' && 'balanceCents' in failure ? { balanceCents: failure.balanceCents, neededCents: failure.neededCents } : {};
  return NextResponse.json<ApiErrorBody & typeof extra>({ error: code, message, ...extra }, { status });
}

/** Staff's allocation commands (domain/access/allocations.ts): how each refusal is told. */
export function describeAllocationFailure(failure: AllocationFailure): FailureResponse {
  switch (failure.reason) {
    case 'forbidden':
      return { status: 403, code: 'forbidden', message: 'You may not change access allocations.' };
    case 'invalid_input':
      return { status: 400, code: 'bad_request', message: failure.message };
    case 'screening_not_found':
      return { status: 404, code: 'not_found', message: 'No such screening in this festival.' };
    case 'screening_closed':
      return { status: 409, code: 'screening_closed', message: failure.message };
    case 'allocation_released':
      return { status: 409, code: 'allocation_released', message: failure.message };
    case 'below_claimed':
      return { status: 409, code: 'below_claimed', message: failure.message };
    case 'not_enough_general_sale':
      return { status: 409, code: 'not_enough_general_sale', message: failure.message };
    case 'not_enough_free':
      return { status: 409, code: 'not_enough_free', message: failure.message };
  }
}

/** Every refusal of the Indigenous Access commands (domain/access/indigenous.ts): claims, cancellations, the waiting list, offers. */
export type IndigenousFailure =
  | Failed<ClaimIndigenousResult>
  | Failed<CancelIndigenousResult>
  | Failed<JoinWaitlistResult>
  | Failed<LeaveWaitlistResult>
  | Failed<ClaimOfferResult>;

/** How an Indigenous Access refusal is told: the claims carry their own message (what is left, which limit); the rest are written here. */
export function describeIndigenousFailure(failure: IndigenousFailure): FailureResponse {
  switch (failure.reason) {
    case 'screening_not_found':
      return { status: 404, code: 'not_found', message: failure.message };
    case 'invalid_request':
      return { status: 422, code: 'unprocessable', message: failure.message };
    case 'screening_closed':
    case 'not_on_sale':
      return { status: 409, code: 'not_on_sale', message: failure.message };
    case 'claims_closed':
      return { status: 409, code: 'claims_closed', message: failure.message };
    case 'limit_reached':
      return { status: 409, code: 'limit_reached', message: failure.message };
    case 'not_enough_places':
      // The allocation is exhausted (or has fewer places than asked): the waiting list is the way on.
      return { status: 409, code: 'not_enough_places', message: `${failure.message} You can join the waiting list and we will email you if places come back.` };
    case 'seats_unavailable':
      return { status: 409, code: 'seats_unavailable', message: failure.message };
    case 'already_waiting':
      return { status: 409, code: 'already_waiting', message: failure.message };
    case 'order_not_found':
      return { status: 404, code: 'not_found', message: 'Claim not found.' };
    case 'nothing_to_void':
      return { status: 409, code: 'nothing_to_cancel', message: 'These tickets were already cancelled or used.' };
    case 'screening_started':
      return { status: 409, code: 'screening_started', message: 'This screening has started, so its tickets can no longer be cancelled.' };
    case 'entry_not_found':
      return { status: 404, code: 'not_found', message: 'You are not on the waiting list for this screening.' };
    case 'offer_not_found':
      return { status: 404, code: 'not_found', message: failure.message };
    case 'offer_expired':
      return { status: 410, code: 'offer_expired', message: failure.message };
  }
}

export function indigenousFailureResponse(failure: IndigenousFailure): NextResponse {
  const { status, code, message } = describeIndigenousFailure(failure);
  return NextResponse.json<ApiErrorBody>({ error: code, message }, { status });
}

/** Every refusal of the partner commands: applications, allotments, claims, codes, partner orders, donated tickets given back. */
export type PartnerFailure =
  | Failed<AllotmentRefusal>
  | Failed<ClaimResult>
  | Failed<RedeemResult>
  | Failed<ReviewResult>
  | Failed<PartnerOrderRefusal>
  | Failed<GiveBackResult>
  | { ok: false; reason: 'code_not_found' }
  | Failed<RateLimitResult>;

/** How a partner refusal is told: the same words on the site and in the API. */
export function describePartnerFailure(failure: PartnerFailure): FailureResponse {
  switch (failure.reason) {
    case 'forbidden':
      return { status: 403, code: 'forbidden', message: 'You do not have permission to do that.' };
    case 'invalid_request':
      return { status: 422, code: 'unprocessable', message: failure.message };
    case 'rate_limited':
      return { status: 429, code: 'rate_limited', message: `Too many attempts. Please wait ${failure.retryAfterSeconds} seconds and try again.` };
    case 'allotment_not_found':
      return { status: 404, code: 'not_found', message: 'Allotment not found.' };
    case 'order_not_found':
      return { status: 404, code: 'not_found', message: 'Order not found.' };
    case 'ticket_not_found':
      return { status: 404, code: 'not_found', message: 'That ticket cannot be renamed: it is not one of yours, was given back, or has been used.' };
    case 'code_not_found':
      return { status: 404, code: 'not_found', message: 'That code cannot be voided: it is not one of yours, or was already used or voided.' };
    case 'organisation_not_found':
      return { status: 404, code: 'not_found', message: 'Organisation not found.' };
    case 'screening_not_found':
      return { status: 404, code: 'not_found', message: 'Screening not found.' };
    case 'organisation_not_verified':
      return { status: 409, code: 'organisation_not_verified', message: 'Only verified partner organisations can receive Community Access places.' };
    case 'allotment_exists':
      return { status: 409, code: 'allotment_exists', message: 'Your organisation already has places or a request for this screening.' };
    case 'allotment_not_open':
      return { status: 409, code: 'allotment_not_open', message: 'This allotment is not open: it was declined, returned, or not yet granted.' };
    case 'already_reviewed':
      return { status: 409, code: 'already_reviewed', message: 'This application has already been reviewed.' };
    case 'not_allowed':
      return { status: 403, code: 'forbidden', message: 'You may not invite this organisation’s contact.' };
    case 'past_cut_off':
      return { status: 409, code: 'past_cut_off', message: 'The deadline for this screening’s Community Access places has passed.' };
    case 'allotment_exhausted':
      return {
        status: 409,
        code: 'allotment_exhausted',
        message: failure.left === 0 ? 'No unused places are left in this allotment.' : `Only ${failure.left} unused place${failure.left === 1 ? ' is' : 's are'} left in this allotment.`,
      };
    case 'allocation_exhausted':
      return {
        status: 409,
        code: 'allocation_exhausted',
        message: failure.left === 0 ? 'No Community Access places are left to grant at this screening.' : `Only ${failure.left} Community Access place${failure.left === 1 ? ' is' : 's are'} left to grant.`,
      };
    case 'nothing_to_give_back':
      return { status: 409, code: 'nothing_to_give_back', message: 'There is nothing to give back: those tickets were already given back or used.' };
    case 'screening_started':
      return { status: 409, code: 'screening_started', message: 'This screening has started, so its tickets can no longer be given back.' };
    case 'invalid_code':
      return { status: 404, code: 'invalid_code', message: 'That code does not work for this screening. Check it, or ask the organisation that gave it to you.' };
    case 'screening_closed':
      return { status: 409, code: 'screening_closed', message: 'This screening has started or was cancelled.' };
    case 'not_enough_places':
      return { status: 409, code: 'not_enough_places', message: failure.message };
    case 'seats_unavailable':
      return { status: 409, code: 'seats_unavailable', message: failure.message };
  }
}

export function partnerFailureResponse(failure: PartnerFailure): NextResponse {
  const { status, code, message } = describePartnerFailure(failure);
  const response = NextResponse.json<ApiErrorBody>({ error: code, message }, { status });
  if (failure.reason === 'rate_limited') response.headers.set('Retry-After', String(failure.retryAfterSeconds));
  return response;
}
