import { calls } from '../../src-shared/contract/index.js';
import { expect, test } from './fixtures.js';

async function post(
  origin: string,
  token: string,
  name: string,
  input: unknown,
): Promise<{ ok: boolean; error?: { code: string } }> {
  const res = await fetch(`${origin}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-consultdeck-token': token },
    body: JSON.stringify(input),
  });
  return (await res.json()) as { ok: boolean; error?: { code: string } };
}

test('the patient screen cannot make a single records call, and its page has no record method', async ({
  host,
  patient,
}) => {
  const doctorOnly = Object.entries(calls).filter(([, spec]) => !spec.roles.includes('patient'));
  expect(doctorOnly.length).toBeGreaterThan(20);
  for (const [name] of doctorOnly) {
    const answer = await post(host.origin, host.patientToken, name, {});
    expect(answer, name).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  }
  // Also over the patient page's own WebSocket.
  const viaSocket = await patient.page.evaluate(async (token) => {
    const ws = new WebSocket(`${location.origin.replace('http', 'ws')}/events?t=${token}`);
    await new Promise((resolve) => (ws.onopen = resolve));
    const answer = new Promise<string>((resolve) => (ws.onmessage = (m) => resolve(String(m.data))));
    ws.send(JSON.stringify({ id: 1, name: 'consultations.history', input: {} }));
    return JSON.parse(await answer) as { result: { ok: boolean; error?: { code: string } } };
  }, host.patientToken);
  expect(viaSocket.result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});

test('leak test: presenting for patient A then B, the patient screen never shows who they are', async ({
  doctor,
  patient,
}) => {
  test.setTimeout(180_000);
  const people = [
    {
      displayName: 'Agathe Zimmermann-Quint',
      code: 'PX-4471',
      hospitalNumber: 'H-99120',
      birthDate: '1941-03-02',
      sex: 'female',
    },
    { displayName: 'Bertrand Oyelaran', code: 'PX-5582', hospitalNumber: 'H-77311', birthDate: '1938', sex: 'male' },
  ];
  const ids: string[] = [];
  for (const person of people) {
    const created = (await doctor.call('patients.create', person)) as { ok: boolean; value: { id: string } };
    expect(created.ok).toBe(true);
    ids.push(created.value.id);
  }
  const texts: string[] = [];
  for (const [i, patientId] of ids.entries()) {
    const started = (await doctor.call('consultations.start', { patientId })) as { ok: boolean; value: { id: string } };
    expect(started.ok).toBe(true);
    const updated = await doctor.call('consultations.updateFindings', {
      id: started.value.id,
      baseRevision: 0, // a fresh draft: every section at revision 0
      findings: {
        painNow: 7,
        painSince: null,
        fracturedLevels: [{ level: i === 0 ? 'L1' : 'T12', grade: 2 }],
        redFlags: [],
      },
    });
    expect(updated.ok).toBe(true);
    await doctor.call('presentation.showSpine', { levels: [{ level: i === 0 ? 'L1' : 'T12', grade: 2 }] });
    await doctor.call('presentation.start', {});
    const state = (await doctor.call('presentation.get', {})) as { value: { playlist: string[] } };
    for (const deckId of state.value.playlist) {
      const deck = (await doctor.call('decks.get', { id: deckId, language: 'en' })) as {
        value: { slides: { id: string }[] };
      };
      for (const [slideIndex, slide] of deck.value.slides.entries()) {
        await doctor.call('presentation.goto', { deckId, slideIndex, fragment: 99 });
        await patient.expectSlide(slide.id);
      }
    }
    texts.push(await patient.page.content());
    texts.push(
      await patient.page.evaluate(
        () =>
          `${document.title} ${location.href} ${document.cookie} ${JSON.stringify(localStorage)} ${JSON.stringify(sessionStorage)}`,
      ),
    );
  }
  const everything = texts.join('\n');
  for (const person of people) {
    for (const value of [
      person.displayName,
      ...person.displayName.split(/[ -]/),
      person.code,
      person.hospitalNumber,
      person.birthDate,
    ]) {
      expect(everything.includes(value), `patient screen contains "${value}"`).toBe(false);
    }
  }
  for (const id of ids) expect(everything.includes(id)).toBe(false);
});

test('a full presenting run raises no CSP violation, and the pages cannot open windows', async ({
  doctor,
  patient,
}) => {
  const pages = [doctor.page, patient.page];
  for (const page of pages) {
    await page.evaluate(() => {
      (window as unknown as { __csp: string[] }).__csp = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
  }
  const consoleProblems: string[] = [];
  for (const page of pages)
    page.on('console', (m) => m.text().includes('Content Security Policy') && consoleProblems.push(m.text()));
  await doctor.startPresenting();
  for (let i = 0; i < 40; i += 1) await doctor.press('ArrowRight');
  await doctor.press('b');
  await doctor.press('b');
  await doctor.page.getByLabel('Patient language').selectOption('de');
  await patient.page.waitForTimeout(500);
  // An inline script (what an injection would try) is refused by the CSP.
  const inlineRan = await patient.page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = true';
    document.body.append(s);
    await new Promise((r) => setTimeout(r, 100));
    return (window as unknown as { __inline?: boolean }).__inline === true;
  });
  expect(inlineRan).toBe(false);
  const violations = await patient.page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
  // Only the inline script we injected on purpose (reported once per policy:
  // the header and the page's meta); nothing from the app itself.
  expect(violations.length).toBeGreaterThan(0);
  for (const violation of violations) expect(violation).toMatch(/^script-src(-elem)? inline$/);
  expect(await doctor.page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  expect(consoleProblems.filter((t) => !t.includes("'self'") || !t.includes('inline'))).toEqual([]);
  for (const page of pages) {
    const opened = await page.evaluate(() => window.open('https://example.org/') === null);
    expect(opened).toBe(true);
    expect(page.context().pages()).toHaveLength(1);
    // Sanitized slides carry no links or forms that could navigate away.
    expect(await page.locator('.slide-surface a, .slide-surface form, .reveal a, .reveal form').count()).toBe(0);
  }
});
