import { createDoorScreening, qrImage, signInAsStaff } from './support/check-in';
import { expectAccessible } from './support/accessibility';
import { expect, test } from './support/fixtures';
import { captureWidths } from './support/screenshots';

test('door staff check tickets in by QR photo and by name; a second scan is turned away naming the first device', async ({ page, db, festival, baseURL }, testInfo) => {
  const door = await createDoorScreening(db, festival);
  const [first, second] = door.tickets;

  await signInAsStaff(page, door.staff, `/box-office/check-in?date=${door.date}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Check-in' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: new RegExp(door.title) }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Check-in: ${door.title}` })).toBeVisible();
  const result = page.getByTestId('scan-result');
  const counts = page.getByTestId('admitted-count');
  await expect(counts).toHaveText('0 of 2 admitted');

  // Without a device name nothing is scanned.
  await page.getByLabel('Or scan a photo of a QR code').setInputFiles(await qrImage(baseURL!, first!.code));
  await expect(result).toContainText('Name this device first');
  await page.getByLabel('Device name').fill('Door 1');

  // By QR photo: admitted, and the count follows.
  await page.getByLabel('Or scan a photo of a QR code').setInputFiles(await qrImage(baseURL!, first!.code));
  await expect(result).toHaveAttribute('data-tone', 'ok');
  await expect(result).toContainText('Admitted');
  await expect(result).toContainText(door.holder);
  await expect(counts).toHaveText('1 of 2 admitted');
  await expectAccessible(page);

  // The same ticket again: red, with the first admission's festival time and device.
  await page.getByLabel('Or scan a photo of a QR code').setInputFiles(await qrImage(baseURL!, first!.code));
  await expect(result).toHaveAttribute('data-tone', 'bad');
  await expect(result).toContainText('Not admitted: already admitted');
  await expect(result).toContainText(/Already admitted at \d{1,2}:\d{2} [ap]\.m\. by Door 1\./);
  await expectAccessible(page);
  await captureWidths(page, testInfo, 'check-in-already-admitted');
  await page.setViewportSize({ width: 390, height: 900 });
  await expectAccessible(page);

  // A code that is no ticket.
  await page.getByLabel('Ticket code').fill('ZZZZ-ZZZZ-ZZZZ');
  await page.getByRole('button', { name: 'Check in' }).click();
  await expect(result).toContainText('No ticket has this code');

  // By name: both of the buyer's tickets are listed, one already in; admit the other.
  await page.getByLabel('Holder or buyer name').fill(door.holder.split(' ').slice(1).join(' '));
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByText('2 tickets found.')).toBeVisible();
  await expect(page.getByText(/already admitted/).first()).toBeVisible();
  const admitButtons = page.getByRole('button', { name: new RegExp(`^Admit ${door.holder}`) });
  await expect(admitButtons).toHaveCount(2);
  // The second ticket's row is the one not yet admitted.
  const row = page.getByRole('listitem').filter({ hasText: door.holder }).filter({ hasNotText: 'already admitted' });
  await row.getByRole('button', { name: /^Admit / }).click();
  await expect(result).toHaveAttribute('data-tone', 'ok');
  await expect(counts).toHaveText('2 of 2 admitted');
  await expectAccessible(page);

  // The second ticket by its code now: already admitted by Door 1 (the name search's admission).
  await page.getByLabel('Ticket code').fill(second!.code.toLowerCase().replace(/-/g, ''));
  await page.getByRole('button', { name: 'Check in' }).click();
  await expect(result).toContainText(/Already admitted at .* by Door 1\./);
});

test('the door refuses people who are not box-office staff, on the page and in the API', async ({ page, request, db, festival }) => {
  const door = await createDoorScreening(db, festival);
  await page.goto(`/box-office/check-in?screening=${door.screeningId}`);
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  const admit = await request.post('/api/v1/check-ins', { data: { screeningId: door.screeningId, code: door.tickets[0]!.code, deviceLabel: 'Door X', method: 'code' } });
  expect(admit.status()).toBe(401);
  expect((await request.get(`/api/v1/screenings/${door.screeningId}/door-list`)).status()).toBe(401);
  // A made-up bearer token is refused outright.
  const bearer = await request.get('/api/v1/door/screenings', { headers: { authorization: 'Bearer mq_not-a-token' } });
  expect(bearer.status()).toBe(401);
});

test('a door phone uses the API with a token made on the devices page, until it is revoked', async ({ page, request, db, festival }) => {
  const door = await createDoorScreening(db, festival);
  await signInAsStaff(page, door.staff, '/box-office/check-in/devices');
  await expect(page.getByRole('heading', { level: 1, name: 'Door devices and API tokens' })).toBeVisible();
  await page.getByLabel('Device name').fill('Door 3 phone');
  await page.getByRole('button', { name: 'Create token' }).click();
  const token = (await page.getByTestId('new-token').textContent())!.trim();
  expect(token).toMatch(/^mq_/);
  await expectAccessible(page);

  const headers = { authorization: `Bearer ${token}` };
  const list = await request.get('/api/v1/door/screenings', { headers });
  expect(list.status()).toBe(200);
  const admitted = await request.post('/api/v1/check-ins', { headers, data: { screeningId: door.screeningId, code: door.tickets[0]!.code, deviceLabel: 'Door 3', method: 'qr' } });
  expect(admitted.status()).toBe(200);
  expect(await admitted.json()).toMatchObject({ result: 'admitted' });
  const again = await request.post('/api/v1/check-ins', { headers, data: { screeningId: door.screeningId, code: door.tickets[0]!.code, deviceLabel: 'Door 4', method: 'qr' } });
  expect(again.status()).toBe(409);
  expect(await again.json()).toMatchObject({ result: 'duplicate', error: 'already_admitted', firstAdmission: { deviceLabel: 'Door 3' } });
  const bad = await request.post('/api/v1/check-ins', { headers, data: { screeningId: 'nope', code: 'x', deviceLabel: 'Door 3', method: 'qr' } });
  expect(bad.status()).toBe(400);

  await page.reload();
  await page.getByRole('button', { name: 'Revoke the token Door 3 phone' }).click();
  await expect(page.getByText('Token revoked: it no longer works.')).toBeVisible();
  expect((await request.get('/api/v1/door/screenings', { headers })).status()).toBe(401);
});
