/**
 * Issue 11, M1, the issue's own story with two doctor consoles (two browser contexts) on one
 * consultation: console A saves "consents to L1 kyphoplasty" while console B's "declines surgery",
 * typed on the older notes, is on its way. Before: B's text silently replaced A's while A still
 * showed "Saved". Now: B is shown both texts, keeps typing without the choice going away, never
 * sees "Saved" for the refused write, and merges; A follows the merged text. Nothing is lost.
 * B's save is held on its WebSocket until A's has landed, so the order is certain, not raced.
 */
import type { Browser, WebSocketRoute } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { RecordPanel } from './page-models/record-panel.js';

/**
 * A second doctor console in its own context whose calls named `call` are held on its WebSocket until
 * `release()`, so another console's save lands first: the order is certain, not raced.
 */
async function heldConsole(browser: Browser, url: string, call: string) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const held: string[] = [];
  let server: WebSocketRoute | null = null;
  let holding = true;
  await page.routeWebSocket(/\/events/, (ws) => {
    const toServer = ws.connectToServer();
    server = toServer;
    ws.onMessage((message) => {
      if (holding && typeof message === 'string' && message.includes(`"${call}"`)) held.push(message);
      else toServer.send(message);
    });
  });
  await page.goto(url);
  const release = () => {
    holding = false;
    for (const message of held.splice(0)) server?.send(message);
  };
  return { context, page, held, release };
}

test('two consoles on one consultation: neither "consents to L1 kyphoplasty" nor "declines surgery" is lost', async ({
  browser,
  host,
  doctor,
}) => {
  const created = await doctor.call('patients.create', {
    displayName: 'Rosa Keller',
    birthDate: '1944',
    sex: 'female',
  });
  expect(created.ok).toBe(true);
  const patientId = (created.value as { id: string }).id;
  const started = await doctor.call('consultations.start', { patientId });
  const consultationId = (started.value as { id: string }).id;
  const a = new RecordPanel(doctor.page);
  await a.openTab('Record');
  await expect(a.header).toContainText('Rosa Keller');

  // Console B: its notes saves are held on the socket until released.
  const { context, page, held, release } = await heldConsole(browser, host.doctorUrl, 'notes.save');
  const b = new RecordPanel(page);
  await b.openTab('Record');
  await expect(b.header).toContainText('Rosa Keller');

  await b.notes.fill('declines surgery');
  await expect.poll(() => held.length, { timeout: 10_000 }).toBeGreaterThan(0);
  await a.notes.fill('consents to L1 kyphoplasty');
  await a.notes.blur();
  await a.expectNotesSaved(5_000);

  release();

  const conflict = page.getByTestId('conflict-notes');
  await expect(conflict).toBeVisible({ timeout: 10_000 });
  await expect(conflict.getByTestId('conflict-notes-theirs')).toHaveValue('consents to L1 kyphoplasty');
  await expect(conflict.getByTestId('conflict-notes-mine')).toHaveValue('declines surgery');
  await expect(b.notesStatus).toHaveText('Not saved: changed in another window');

  // B keeps typing (the old banner vanished here and the next save overwrote A's text).
  await b.notes.pressSequentially(' for now');
  await b.notes.blur();
  await expect(conflict).toBeVisible();
  await expect(b.notesStatus).not.toHaveText(/Saved at/);
  await expect(conflict.getByTestId('conflict-notes-mine')).toHaveValue('declines surgery for now');
  const stored = async () =>
    ((await doctor.call('consultations.get', { id: consultationId })).value as { notes: { body: string } }).notes.body;
  expect(await stored()).toBe('consents to L1 kyphoplasty');
  await expect(a.notes).toHaveValue('consents to L1 kyphoplasty');

  // B merges both texts in its own column and keeps that.
  await page.screenshot({ path: '/work/shots/tD/notes-conflict.png' });
  const merged = 'consents to L1 kyphoplasty; later in the visit: declines surgery for now';
  await conflict.getByTestId('conflict-notes-mine').fill(merged);
  await conflict.getByRole('button', { name: 'Keep this text' }).nth(1).click();
  await expect(conflict).toBeHidden();
  await b.expectNotesSaved(5_000);
  await expect(b.notes).toHaveValue(merged);
  await expect(a.notes).toHaveValue(merged, { timeout: 10_000 });
  expect(await stored()).toBe(merged);
  await context.close();
});

test('two consoles answer "what matters" at once: the second is shown both answers and takes the first one', async ({
  browser,
  host,
  doctor,
}) => {
  const created = await doctor.call('patients.create', {
    displayName: 'Ida Brunner',
    birthDate: '1941',
    sex: 'female',
  });
  const patientId = (created.value as { id: string }).id;
  const started = await doctor.call('consultations.start', { patientId });
  const consultationId = (started.value as { id: string }).id;
  const a = new RecordPanel(doctor.page);
  await a.openTab('Record');
  await expect(a.header).toContainText('Ida Brunner');

  // Console B: its "what matters" saves are held on the socket until released, so A's lands first.
  const { context, page, held, release } = await heldConsole(
    browser,
    host.doctorUrl,
    'consultations.updateWhatMatters',
  );
  const b = new RecordPanel(page);
  await b.openTab('Record');
  await expect(b.header).toContainText('Ida Brunner');

  const answer = (on: typeof page, statement: string, choice: string) =>
    on.getByRole('group', { name: statement, exact: true }).getByRole('radio', { name: choice, exact: true });
  await answer(page, 'Avoiding a procedure if I can', 'Not').check();
  await expect.poll(() => held.length, { timeout: 10_000 }).toBeGreaterThan(0);
  await answer(doctor.page, 'Avoiding a procedure if I can', 'A lot').check();
  await expect(doctor.page.getByTestId('what-matters-status')).toHaveText(/Saved at/, { timeout: 10_000 });

  release();

  const conflict = page.getByTestId('conflict-what-matters');
  await expect(conflict).toBeVisible({ timeout: 10_000 });
  await expect(conflict.getByTestId('conflict-what-matters-theirs')).toContainText(
    'Avoiding a procedure if I can: matters a lot',
  );
  await expect(conflict.getByTestId('conflict-what-matters-mine')).toContainText(
    'Avoiding a procedure if I can: does not matter',
  );
  await expect(page.getByTestId('what-matters-status')).not.toHaveText(/Saved at/);
  const stored = async () =>
    ((await doctor.call('consultations.get', { id: consultationId })).value as { whatMatters: Record<string, string> })
      .whatMatters['avoid-procedure'];
  expect(await stored()).toBe('a-lot');

  // B takes A's answers: both consoles show "A lot", nothing was overwritten.
  await conflict.getByRole('button', { name: 'Take this version' }).click();
  await expect(conflict).toBeHidden();
  await expect(answer(page, 'Avoiding a procedure if I can', 'A lot')).toBeChecked();
  await expect(answer(doctor.page, 'Avoiding a procedure if I can', 'A lot')).toBeChecked();
  expect(await stored()).toBe('a-lot');
  await context.close();
});
