import { createDoorScreening, signInAsStaff } from './support/check-in';
import { expectAccessible } from './support/accessibility';
import { expect, test } from './support/fixtures';

test('offline, a phone admits from its door list; a second phone admits the same ticket; on reconnecting the sync reports the double admission', async ({ browser, db, festival }) => {
  const door = await createDoorScreening(db, festival);
  const [ticket, other] = door.tickets;
  const path = `/box-office/check-in?screening=${door.screeningId}`;

  const phoneA = await browser.newContext();
  const a = await phoneA.newPage();
  await signInAsStaff(a, door.staff, path);
  await expect(a.getByRole('heading', { level: 1, name: `Check-in: ${door.title}` })).toBeVisible();
  await a.getByLabel('Device name').fill('Door 1');
  // The door list arrives while online: hashes of the two tickets, nothing else.
  await expect(a.getByTestId('door-list-status')).toContainText('Door list: 2 tickets');
  const stored = await a.evaluate((id) => window.localStorage.getItem(`marquee.door.list.${id}`), door.screeningId);
  expect(stored).not.toBeNull();
  expect(stored).not.toContain(ticket!.code);
  expect(stored).not.toContain(door.holder);

  // The network drops at door 1: scans are checked against the list and admitted locally.
  await phoneA.setOffline(true);
  await expect(a.getByTestId('door-list-status')).toContainText('Offline');
  const resultA = a.getByTestId('scan-result');
  await a.getByLabel('Ticket code').fill(ticket!.code);
  await a.getByRole('button', { name: 'Check in' }).click();
  await expect(resultA).toContainText('Admitted (offline)');
  await expect(a.getByTestId('door-list-status')).toContainText('1 offline admission waiting to sync');
  // The same ticket again on this phone: turned away from its own record.
  await a.getByLabel('Ticket code').fill(ticket!.code);
  await a.getByRole('button', { name: 'Check in' }).click();
  await expect(resultA).toContainText('Not admitted: already admitted');
  // A code that is not on the list.
  await a.getByLabel('Ticket code').fill('ZZZZ-ZZZZ-ZZZZ');
  await a.getByRole('button', { name: 'Check in' }).click();
  await expect(resultA).toContainText('Not a valid ticket for this screening');
  await expectAccessible(a);

  // Meanwhile door 2, online, admits the same ticket (the server has not heard of door 1's admission yet).
  const phoneB = await browser.newContext();
  const b = await phoneB.newPage();
  await signInAsStaff(b, door.staff, path);
  await b.getByLabel('Device name').fill('Door 2');
  await b.getByLabel('Ticket code').fill(ticket!.code);
  await b.getByRole('button', { name: 'Check in' }).click();
  await expect(b.getByTestId('scan-result')).toContainText('Admitted');
  await expect(b.getByTestId('scan-result')).toHaveAttribute('data-tone', 'ok');

  // Door 1 reconnects: its queue syncs at once and the double admission is reported, naming both devices.
  await phoneA.setOffline(false);
  await expect(resultA).toContainText('Synced: 1 ticket admitted twice', { timeout: 20_000 });
  await expect(resultA).toContainText('by Door 2');
  await expect(resultA).toContainText('offline at');
  await expect(resultA).toContainText('by Door 1');
  await expect(a.getByTestId('conflicts')).toContainText(`Ticket ${ticket!.code}`);
  await expect(a.getByTestId('door-list-status')).not.toContainText('waiting to sync');
  await expectAccessible(a);

  // Door 2 sees the conflict in its list within its next refresh, and the counts agree.
  await expect(b.getByTestId('conflicts')).toContainText('by Door 1', { timeout: 15_000 });
  await expect(b.getByTestId('admitted-count')).toHaveText('1 of 2 admitted');

  // The other ticket is still good online.
  await a.getByLabel('Ticket code').fill(other!.code);
  await a.getByRole('button', { name: 'Check in' }).click();
  await expect(resultA).toHaveAttribute('data-tone', 'ok');
  await phoneA.close();
  await phoneB.close();
});
