import { sql } from 'drizzle-orm';
import type { Page } from '@playwright/test';
import QRCode from 'qrcode';
import type { Database } from '@/db/client';
import { rows } from '@/db/sql';
import { createFilm, createPaidOrder, createReservedVenue, createTestScreening, createUser, uniq } from '../../tests/support/factories';
import { localDate } from '@/lib/time';
import { uniqueEmail } from './booking';

interface FestivalRef {
  id: string;
  timeZone: string;
  startsOn: string;
}

/**
 * A screening of the demo festival starting in two hours (so it is on the door's "today" list most of the day), in a
 * small reserved house of its own, with one paid order of two tickets held by `holder`, and a staff member to scan.
 */
export async function createDoorScreening(db: Database, festival: FestivalRef) {
  const token = uniq('door').slice(5);
  const venue = await createReservedVenue(db, festival.id, 2, 6);
  const film = await createFilm(db, festival.id, { title: `Doorway ${token}` });
  const startsAt = new Date(Date.now() + 2 * 3_600_000);
  const screeningId = await createTestScreening(db, festival, { venueId: venue.id, filmIds: [film.id], startsAt, endsAt: new Date(startsAt.getTime() + 90 * 60_000) });
  const holder = `Hana Holder ${token}`;
  const order = await createPaidOrder(db, screeningId, { quantity: 2, buyer: { name: holder, email: uniqueEmail('door-buyer') } });
  const tickets = await rows<{ id: string; code: string }>(db, sql`SELECT id, code FROM tickets WHERE order_id = ${order.orderId} ORDER BY code`);
  const email = uniqueEmail('door-staff');
  const password = 'door-staff-password';
  await createUser(db, { email, name: `Dee Door ${token}`, role: 'staff', password });
  // The festival day it is on (late in the evening, two hours ahead is tomorrow's list).
  const date = localDate(startsAt, festival.timeZone);
  return { screeningId, title: film.title, holder, tickets, date, staff: { email, password } };
}

export async function signInAsStaff(page: Page, staff: { email: string; password: string }, callback: string) {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(callback)}`);
  await page.locator('#staff-email').fill(staff.email);
  await page.locator('#staff-password').fill(staff.password);
  await page.getByRole('button', { name: 'Sign in with password' }).click();
}

/** A photo of a ticket's QR code, as the ticket page and PDF draw it: the ticket page's URL. */
export async function qrImage(baseURL: string, code: string) {
  return { name: `ticket-${code}.png`, mimeType: 'image/png', buffer: await QRCode.toBuffer(`${baseURL}/tickets/${code}`, { width: 400, margin: 4 }) };
}
