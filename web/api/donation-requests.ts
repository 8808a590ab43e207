import { Grant } from '@/domain/donation-requests/requests';
import { DONATION_REQUEST_STATUSES, type PartnerRequest } from '@/domain/donation-requests/queries';
import { z } from '@/web/api/openapi/zod';

/*
 * The Ticket Donation Requests API's bodies: the decision a staff member sends, and what the partner's list and the
 * decisions answer. The partner's request body is the domain's own validator (DonationRequestInput).
 */

export const DonationDecision = z.discriminatedUnion('decision', [
  z.object({
    decision: z.literal('approve'),
    grants: z.array(Grant).min(1).max(20),
    message: z.string().max(1000).optional(),
  }),
  z.object({
    decision: z.literal('decline'),
    reason: z.string().trim().min(1, 'give the partner a reason').max(1000),
  }),
]);
export type DonationDecision = z.infer<typeof DonationDecision>;

const Status = z.enum(DONATION_REQUEST_STATUSES);

export const DonationRequestBody = z
  .object({
    id: z.guid(),
    status: Status,
    quantity: z.number().int(),
    issued: z.number().int(),
    screenings: z.array(z.object({ title: z.string(), startsAt: z.iso.datetime() })),
    fromDate: z.iso.date().nullable(),
    toDate: z.iso.date().nullable(),
    audience: z.string(),
    accessibilityNeeds: z.string(),
    contactName: z.string(),
    contactEmail: z.string(),
    staffMessage: z.string().nullable(),
    createdAt: z.iso.datetime(),
    tickets: z.array(
      z.object({
        code: z.string(),
        holderName: z.string(),
        seat: z.string().nullable(),
        screening: z.string(),
        startsAt: z.iso.datetime(),
        status: z.string(),
        url: z.string(),
        pdfUrl: z.string(),
      }),
    ),
  });
export type DonationRequestBody = z.infer<typeof DonationRequestBody>;

export const DonationRequestList = z.object({ count: z.number().int(), requests: z.array(DonationRequestBody) });
export type DonationRequestList = z.infer<typeof DonationRequestList>;

export const DonationRequestCreated = z.object({ id: z.guid(), status: Status });
export type DonationRequestCreated = z.infer<typeof DonationRequestCreated>;

export const DonationDecisionResult = z.object({
  id: z.guid(),
  status: Status,
  issued: z.number().int(),
  orders: z.array(z.object({ orderId: z.guid(), screeningId: z.guid(), tickets: z.number().int() })),
});
export type DonationDecisionResult = z.infer<typeof DonationDecisionResult>;

/** A refusal by the fund also says what it holds and what was needed (cents). */
export const FundConflictBody = z.object({
  error: z.string(),
  message: z.string(),
  balanceCents: z.number().int().optional(),
  neededCents: z.number().int().optional(),
});

export function serializeDonationRequest(r: PartnerRequest, baseUrl: string): DonationRequestBody {
  return {
    id: r.id,
    status: r.status,
    quantity: r.quantity,
    issued: r.issued,
    screenings: r.screenings.map((s) => ({ title: s.title, startsAt: s.startsAt.toISOString() })),
    fromDate: r.fromDate,
    toDate: r.toDate,
    audience: r.audience,
    accessibilityNeeds: r.accessibilityNeeds,
    contactName: r.contactName,
    contactEmail: r.contactEmail,
    staffMessage: r.staffMessage,
    createdAt: r.createdAt.toISOString(),
    tickets: r.tickets.map((t) => ({
      code: t.code,
      holderName: t.holderName,
      seat: t.seat,
      screening: t.screening,
      startsAt: t.startsAt.toISOString(),
      status: t.status,
      url: `${baseUrl}/tickets/${t.code}`,
      pdfUrl: `${baseUrl}/tickets/${t.code}/ticket.pdf`,
    })),
  };
}
