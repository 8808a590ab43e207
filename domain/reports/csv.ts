import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { addDays, daysBetween, isIsoDate } from '@/lib/time';
import {
  listCheckInRates,
  listPaymentMethods,
  listSalesByDay,
  listSalesByFilm,
  listSalesByScreening,
  listTicketTypeMix,
  MAX_DAYS,
  PAYMENT_METHOD_LABEL,
} from './sales';

/*
 * The sales reports as CSV, one table per export, each as bounded as its table on the page (one day, a range of days,
 * a page of films). Amounts are in cents and instants in ISO 8601, so a spreadsheet can add them up; formulas are
 * escaped, so that a film title cannot run in the spreadsheet that opens it.
 */

export const SALES_TABLES = ['screenings', 'films', 'days', 'ticket-types', 'check-ins', 'payment-methods', 'till'] as const;
export type SalesTable = (typeof SALES_TABLES)[number];

const IsoDate = z.string().refine(isIsoDate, 'must be a date, YYYY-MM-DD');

/** The export's query string: which table, and its bound. */
export const SalesExportQuery = z.object({
  table: z.enum(SALES_TABLES).default('screenings'),
  day: IsoDate.optional(),
  until: IsoDate.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type SalesExportQuery = z.infer<typeof SalesExportQuery>;

/** The days a by-day report covers: DAYS_SHOWN days ending on `until`. */
export const DAYS_SHOWN = 31;
export function daysUntil(until: string): string[] {
  return daysBetween(addDays(until, -(Math.min(DAYS_SHOWN, MAX_DAYS) - 1)), until);
}

const csv = (columns: string[], records: (string | number | null)[][]) => stringify(records, { header: true, columns, escape_formulas: true });

/** One sales table as CSV; `today` is the festival-local date, the default bound. */
export async function salesCsv(festival: { id: string; timeZone: string; slug: string }, q: SalesExportQuery, today: string): Promise<{ filename: string; body: string }> {
  const day = q.day ?? today;
  const name = (what: string) => `${festival.slug}-${what}.csv`;
  switch (q.table) {
    case 'screenings': {
      const list = await listSalesByScreening(festival, day);
      return {
        filename: name(`sales-by-screening-${day}`),
        body: csv(
          ['starts_at', 'screening', 'tickets_sold', 'comps', 'tickets_voided', 'taken_cents', 'refunded_cents', 'net_cents'],
          list.map((r) => [r.startsAt.toISOString(), r.title, r.ticketsSold, r.comps, r.ticketsVoided, r.takenCents, r.refundedCents, r.netCents]),
        ),
      };
    }
    case 'films': {
      const found = await listSalesByFilm(festival, q.page);
      return {
        filename: name(`sales-by-film-page-${found.page}`),
        body: csv(
          ['film', 'screenings', 'tickets_sold', 'comps', 'tickets_voided', 'taken_cents', 'refunded_cents', 'net_cents'],
          found.rows.map((r) => [r.title, r.screenings, r.ticketsSold, r.comps, r.ticketsVoided, r.takenCents, r.refundedCents, r.netCents]),
        ),
      };
    }
    case 'days': {
      const until = q.until ?? today;
      const list = await listSalesByDay(festival, daysUntil(until));
      return {
        filename: name(`sales-by-day-until-${until}`),
        body: csv(
          ['day', 'tickets_issued', 'taken_cents', 'refunded_cents', 'net_cents'],
          list.map((r) => [r.day, r.ticketsIssued, r.takenCents, r.refundedCents, r.netCents]),
        ),
      };
    }
    case 'ticket-types': {
      const list = await listTicketTypeMix(festival);
      return {
        filename: name('ticket-types'),
        body: csv(['ticket_type', 'tickets', 'share_percent', 'value_cents'], list.map((r) => [r.name, r.tickets, r.sharePercent, r.valueCents])),
      };
    }
    case 'check-ins': {
      const list = await listCheckInRates(festival, day);
      return {
        filename: name(`check-ins-${day}`),
        body: csv(
          ['starts_at', 'screening', 'tickets', 'checked_in', 'no_shows', 'check_in_percent', 'no_show_percent'],
          list.map((r) => [r.startsAt.toISOString(), r.title, r.tickets, r.checkedIn, r.noShows, r.checkInPercent, r.noShowPercent]),
        ),
      };
    }
    case 'payment-methods': {
      const { methods } = await listPaymentMethods(festival, day);
      return {
        filename: name(`payment-methods-${day}`),
        body: csv(
          ['day', 'method', 'payments', 'amount_cents', 'refunds', 'refunded_cents', 'net_cents'],
          methods.map((m) => [day, PAYMENT_METHOD_LABEL[m.method], m.payments, m.amountCents, m.refunds, m.refundedCents, m.netCents]),
        ),
      };
    }
    case 'till': {
      const { till } = await listPaymentMethods(festival, day);
      return {
        filename: name(`till-${day}`),
        body: csv(['day', 'staff', 'method', 'payments', 'amount_cents'], till.map((t) => [day, t.staff, PAYMENT_METHOD_LABEL[t.method], t.payments, t.amountCents])),
      };
    }
  }
}
