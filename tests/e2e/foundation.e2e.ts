import { expect, test } from './fixtures.js';

test('→ in the doctor console moves the patient screen to slide 2', async ({ host, doctor, patient }) => {
  const deck = (await doctor.call('decks.get', { id: 'osteoporosis', language: 'en' })) as {
    value: { slides: { id: string; fragments: number }[] };
  };
  const [first, second] = deck.value.slides;
  await patient.expectIdle();
  await doctor.startPresenting();
  await patient.expectSlide(first?.id ?? '');
  for (let i = 0; i <= (first?.fragments ?? 0); i += 1) await doctor.press('ArrowRight');
  await patient.expectSlide(second?.id ?? '');
  await expect(doctor.patientSees).toContainText('Slide 2');
  expect(host.doctorUrl).toContain('127.0.0.1');
});

test('a request without the token, or with the patient token for a record, is refused', async ({ host }) => {
  const noToken = await fetch(`${host.origin}/api/presentation.get`, { method: 'POST', body: '{}' });
  expect(noToken.status).toBe(401);
  const wrong = await fetch(`${host.origin}/api/presentation.next`, {
    method: 'POST',
    headers: { 'x-consultdeck-token': 'not-the-token' },
    body: '{}',
  });
  expect(wrong.status).toBe(401);
  const page = await fetch(`${host.origin}/doctor/`);
  expect(page.status).toBe(401);
  const asset = await fetch(`${host.origin}/decks/osteoporosis/en.md`);
  expect(asset.status).toBe(401);
  const patientNext = await fetch(`${host.origin}/api/presentation.next`, {
    method: 'POST',
    headers: { 'x-consultdeck-token': host.patientToken },
    body: '{}',
  });
  expect(await patientNext.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});
