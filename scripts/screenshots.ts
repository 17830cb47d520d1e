/**
 * `npm run screenshots -- OUTDIR`: the console and the patient screen as a physician sees them, for looking at
 * the UI (not a test). A consultation with two fractured levels (T12 severe, L1 moderate, L1 planned for
 * kyphoplasty) is open; the console at 1440×900 and 1366×768, the patient screen at 1920×1080 on the welcome,
 * the patient's spine (en, de), the kyphoplasty steps, the spinal-canal risk and the decision aid.
 */
import fs from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../src-main/host/chromium-flags.js';
import { startHost } from '../tests/e2e/fixtures.js';
import { DoctorConsole } from '../tests/e2e/page-models/doctor-console.js';

const outDir = process.argv[2] ?? '/tmp/consultdeck-shots';
fs.mkdirSync(outDir, { recursive: true });

/** A call as the doctor's window makes it (setup steps), failing loudly. */
async function call<T>(page: Page, name: string, input: unknown): Promise<T> {
  const answer = await new DoctorConsole(page).call(name, input);
  if (!answer.ok) throw new Error(`${name}: ${JSON.stringify(answer.error)}`);
  return answer.value as T;
}

const host = await startHost();
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
try {
  const doctor = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  const patient = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await doctor.goto(host.doctorUrl);
  await patient.goto(host.patientUrl);
  await doctor.getByRole('toolbar', { name: 'Presentation controls' }).waitFor();
  await call(doctor, 'settings.update', { clinicName: 'Spine Clinic Nord', physicianName: 'Dr. A. Weber' });
  const person = await call<{ id: string }>(doctor, 'patients.create', {
    displayName: 'Erika Sommer',
    birthDate: '1944',
    sex: 'female',
  });
  const draft = await call<{
    id: string;
    current: { decision: Record<string, unknown> };
    revisions: { findings: number; decision: number };
  }>(doctor, 'consultations.start', { patientId: person.id });
  await patient.getByTestId('welcome').waitFor();
  await patient.screenshot({ path: `${outDir}/patient-welcome-1920.png` });
  await call(doctor, 'consultations.updateFindings', {
    id: draft.id,
    baseRevision: draft.revisions.findings,
    findings: {
      painNow: 7,
      painSince: null,
      fracturedLevels: [
        { level: 'T12', grade: 3 },
        { level: 'L1', grade: 2 },
      ],
      redFlags: [],
    },
  });
  const decision = draft.current.decision as { augmentation: Record<string, unknown> } & Record<string, unknown>;
  await call(doctor, 'consultations.updateDecision', {
    id: draft.id,
    baseRevision: draft.revisions.decision,
    decision: {
      ...Object.fromEntries(Object.entries(decision).filter(([key]) => key !== 'sureScore')),
      path: 'augmentation',
      augmentation: { ...decision.augmentation, procedure: 'balloon-kyphoplasty', levels: ['L1'] },
    },
  });
  await call(doctor, 'presentation.start', {});
  const shoot = async (deckId: string, slideId: string, name: string): Promise<void> => {
    const deck = await call<{ slides: { id: string }[] }>(doctor, 'decks.get', { id: deckId, language: 'en' });
    const slideIndex = deck.slides.findIndex((s) => s.id === slideId);
    if (slideIndex < 0) throw new Error(`${deckId}/${slideId} not found`);
    await call(doctor, 'presentation.goto', { deckId, slideIndex, fragment: 20 });
    await patient.locator(`[data-rendered-slide="${slideId}"]`).waitFor();
    await patient.evaluate(() => document.fonts.ready);
    await patient.screenshot({ path: `${outDir}/patient-${name}-1920.png` });
  };
  await shoot('vertebral-fracture', 'your-spine', 'your-spine');
  await shoot('kyphoplasty', 'kyphoplasty-step-needle', 'step-needle');
  await shoot('kyphoplasty', 'kyphoplasty-step-balloon', 'step-balloon');
  await shoot('augmentation-risks', 'risk-spinal-canal', 'risk-spinal-canal');
  await shoot('decision-aid', 'options-side-by-side', 'options');
  await shoot('decision-aid', 'what-matters', 'what-matters');
  for (const [width, height] of [
    [1440, 900],
    [1366, 768],
  ] as const) {
    await doctor.setViewportSize({ width, height });
    await doctor.evaluate(() => document.fonts.ready);
    await doctor.screenshot({ path: `${outDir}/console-present-${width}x${height}.png` });
    await doctor.getByRole('button', { name: 'Record', exact: true }).click();
    await doctor.getByTestId('record-panel').waitFor();
    await doctor.screenshot({ path: `${outDir}/console-record-${width}x${height}.png` });
    await doctor.getByRole('button', { name: 'Present', exact: true }).click();
  }
  await call(doctor, 'presentation.setLanguage', { language: 'de' });
  await shoot('vertebral-fracture', 'your-spine', 'your-spine-de');
  console.log(`Screenshots in ${outDir}`);
} finally {
  await browser.close();
  await host.stop();
}
