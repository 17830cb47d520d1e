/**
 * Issue 15, items 4 and 5, in real Chromium against the built host:
 * - "Your progress": a patient with three visits; the doctor shows the pain chart on the patient screen
 *   (1920×1080) from the follow-up timeline: three visit points, the consultation's, the procedure mark,
 *   and nothing that identifies the patient; it goes when the doctor stops it or closes the record.
 * - The practice overview: counts of a small clinic, a date filter, and the CSV export.
 *
 * Records are written through core on the test's clock before the host starts (a consultation cannot be
 * started in the past through the console). OVERVIEW_SHOTS_DIR=/some/folder saves the screenshots.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { createCore } from '../../src-main/core/create-core.js';
import { signWarningIds } from '../../src-shared/contract/index.js';
import { expect, repoRoot, startHost, test } from './fixtures.js';
import { DoctorConsole } from './page-models/doctor-console.js';
import { RecordPanel } from './page-models/record-panel.js';

const DAY = 86_400_000;
const day = (ms: number) => {
  const at = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
};
const shots = process.env.OVERVIEW_SHOTS_DIR;
const NAME = 'Greta Hofer';
const HOSPITAL_NUMBER = 'HN-4711-22';
const yes = { sureOfChoice: true, knowsBenefitsAndRisks: true, clearAboutValues: true, enoughSupport: true };

interface Seeded {
  start: number;
  code: string;
}

/**
 * A (70 days ago): L1, kyphoplasty 5 days later, bone medicine started; visits at 19, 40, 62 days (pain 5, 3,
 * 2; a cement leak at the first). B (69 days ago): no fracture, conservative. C (68 days ago): T12,
 * vertebroplasty, SURE 3.
 */
async function seed(dataDir: string): Promise<Seeded> {
  const start = Date.now() - 70 * DAY;
  let now = start;
  const core = createCore({ dataDir, appRoot: repoRoot, mode: 'browser', version: 'e2e', clock: () => new Date(now) });
  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const answer = await core.dispatch(name, input, { role: 'doctor', windowId: 'seed' });
    if (!answer.ok) throw new Error(`${name}: ${answer.error.message}`);
    return answer.value as T;
  };
  const consultation = async (displayName: string, hospitalNumber: string, levels: string[], decision: object) => {
    const patient = await call<{ id: string; code: string }>('patients.create', {
      displayName,
      birthDate: '1944-05-06',
      sex: 'female',
      hospitalNumber,
    });
    const { id } = await call<{ id: string }>('consultations.start', { patientId: patient.id });
    // A fresh draft: every section at revision 0 (saves name the revision they change).
    await call('consultations.updateFindings', {
      id,
      baseRevision: 0,
      findings: {
        painNow: 8,
        painSince: null,
        fracturedLevels: levels.map((level) => ({ level, grade: 2 })),
        redFlags: [],
      },
    });
    await call('consultations.updateDecision', {
      id,
      baseRevision: 0,
      decision: {
        path: 'undecided',
        conservativeMeasures: [],
        conservativeDetails: '',
        augmentation: { procedure: null, levels: [], anaesthesia: null, plannedDate: null },
        referral: '',
        questions: '',
        followUpDate: null,
        sure: { sureOfChoice: null, knowsBenefitsAndRisks: null, clearAboutValues: null, enoughSupport: null },
        ...decision,
      },
    });
    await call('consultations.finalize', { id, acknowledged: [...signWarningIds] });
    return { id, code: patient.code };
  };
  try {
    await call('settings.update', { physicianName: 'Dr. Lea Brandt' });
    const a = await consultation(NAME, HOSPITAL_NUMBER, ['L1'], {
      path: 'augmentation',
      augmentation: {
        procedure: 'balloon-kyphoplasty',
        levels: ['L1'],
        anaesthesia: 'local',
        plannedDate: day(start + 5 * DAY),
      },
      sure: yes,
    });
    // The bone-health plan's form is another helper's; its table is on main (migration 0009).
    core.services.db
      .prepare("INSERT INTO bone_health_plans (consultation_id, medicine, updated_at) VALUES (?, 'started', ?)")
      .run(a.id, new Date(now).toISOString());
    now = start + DAY;
    await consultation('Berta Lind', 'HN-1000-01', [], { path: 'conservative', sure: yes });
    now = start + 2 * DAY;
    await consultation('Carla Mott', 'HN-1000-02', ['T12'], {
      path: 'augmentation',
      augmentation: { procedure: 'vertebroplasty', levels: ['T12'], anaesthesia: 'local', plannedDate: null },
      sure: { ...yes, enoughSupport: false },
    });
    now = Date.now();
    for (const [after, pain, complications] of [
      [19, 5, ['cement-leak']],
      [40, 3, []],
      [62, 2, []],
    ] as const) {
      const visit = await call<{ id: string }>('followUps.create', {
        consultationId: a.id,
        values: {
          visitDate: day(start + after * DAY),
          painNow: pain,
          mobility: 'limited',
          painMedication: 'simple',
          complications,
          complicationsOther: '',
          newFractures: [],
          note: '',
        },
      });
      await call('followUps.finalize', { id: visit.id });
    }
    return { start, code: a.code };
  } finally {
    core.close();
  }
}

async function seriousAxe(page: Page, selector: string): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .include(selector)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

test('your progress: three visits and the procedure on the patient screen, no identifier, gone when closed', async ({
  browser,
}) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-e2e-progress-'));
  const seeded = await seed(dataDir);
  const host = await startHost(dataDir);
  const doctorContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const patientContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  try {
    const screen = await patientContext.newPage();
    await screen.goto(await host.url('patient'));
    await expect(screen.getByTestId('idle')).toBeVisible();
    const page = await doctorContext.newPage();
    await page.goto(host.doctorUrl);
    await new DoctorConsole(page).ready();
    const record = new RecordPanel(page);
    await record.openTab('Record');
    await record.openHistory();
    await record.historyRows
      .filter({ hasText: NAME })
      .getByRole('button', { name: /^Open the record/ })
      .click();

    const panel = page.getByTestId('follow-up-panel');
    await expect(panel.getByTestId('timeline-chart').locator('circle.visit')).toHaveCount(3);
    const button = panel.getByTestId('progress-button');
    await expect(button).toHaveAccessibleName('Show "Your progress" to the patient');
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');

    const progress = screen.getByTestId('progress');
    await expect(progress).toBeVisible();
    await expect(progress.getByRole('heading', { name: 'Your progress' })).toBeVisible();
    await expect(progress.locator('circle.visit')).toHaveCount(3);
    await expect(progress.locator('circle.consultation')).toHaveCount(1);
    await expect(progress.getByTestId('progress-procedure')).toHaveCount(1);
    await expect(progress).toContainText('Weeks after your first consultation');
    // Pain 8 at the consultation, then 5, 3, 2: the values stand beside the points, large.
    await expect(progress.locator('text.pain-value')).toHaveText(['8', '5', '3', '2']);
    const fontSize = await progress
      .locator('text.pain-value')
      .first()
      .evaluate((el) => el.getBoundingClientRect().height);
    expect(fontSize).toBeGreaterThan(30);
    // The procedure (day 5) lies between the consultation (day 0) and the first visit (day 19).
    const xs = await progress.locator('circle').evaluateAll((els) => els.map((el) => Number(el.getAttribute('cx'))));
    const procedureX = Number(await progress.getByTestId('progress-procedure').locator('line').getAttribute('x1'));
    expect(procedureX).toBeGreaterThan(xs[0] as number);
    expect(procedureX).toBeLessThan(xs[1] as number);

    // Nothing identifying anywhere in the patient screen: not in its text, not in its markup (labels included).
    const html = await screen.content();
    const text = await screen.locator('body').innerText();
    for (const content of [html, text]) {
      for (const identifier of ['Greta', 'Hofer', HOSPITAL_NUMBER, seeded.code, 'Lea Brandt']) {
        expect(content).not.toContain(identifier);
      }
      expect(content).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    }
    expect(text).not.toMatch(/\b20\d\d\b/);
    expect(await seriousAxe(screen, '[data-testid="progress"]')).toEqual([]);
    if (shots) {
      fs.mkdirSync(shots, { recursive: true });
      await screen.screenshot({ path: path.join(shots, 'your-progress-1920x1080.png') });
      await panel.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(shots, 'timeline-with-progress-button-1440x900.png') });
    }

    // The doctor stops it: the patient screen is back on its calm page.
    await button.click();
    await expect(progress).toHaveCount(0);
    await expect(screen.getByTestId('idle')).toBeVisible();

    // Shown again, then the record is closed: gone.
    await button.click();
    await expect(progress).toBeVisible();
    await page.getByTestId('close-record').click();
    await expect(progress).toHaveCount(0);
  } finally {
    await doctorContext.close();
    await patientContext.close();
    await host.stop();
  }
});

test('practice overview: counts by path, bone medicine share, SURE, complications, a date filter, CSV', async ({
  browser,
}) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-e2e-overview-'));
  const seeded = await seed(dataDir);
  const host = await startHost(dataDir);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(host.doctorUrl);
    await new DoctorConsole(page).ready();
    const record = new RecordPanel(page);
    await record.openTab('Record');
    // Keyboard: the view's button is reached and pressed like any other.
    const open = page
      .getByRole('navigation', { name: 'Record views' })
      .getByRole('button', { name: 'Practice overview' });
    await open.focus();
    await page.keyboard.press('Enter');
    await expect(open).toHaveAttribute('aria-pressed', 'true');

    const panel = page.getByTestId('overview-panel');
    await expect(panel.getByTestId('overview-totals')).toHaveText(
      '3 finalized consultations, 3 signed follow-up visits',
    );
    // Fractures: A and C = 2; medicine started: A = 1 → 1 of 2 (50 %).
    await expect(panel.getByTestId('overview-bone-medicine')).toHaveText('1 of 2 (50 %)');
    const paths = panel.getByTestId('overview-paths');
    // One each of three: 33.3 %.
    await expect(paths.getByRole('row', { name: /^Conservative care/ })).toHaveText(
      /^Conservative care\s*1\s*33\.3 %$/,
    );
    await expect(paths.getByRole('row', { name: /^Balloon kyphoplasty/ })).toHaveText(/1\s*33\.3 %$/);
    await expect(paths.getByRole('row', { name: /^Vertebroplasty/ })).toHaveText(/1\s*33\.3 %$/);
    await expect(paths.getByRole('row', { name: /^Undecided/ })).toHaveText(/0\s*0 %$/);
    // SURE: A and B 4 of 4, C 3 of 4: 2 of 3 = 66.7 %.
    await expect(panel.getByTestId('overview-sure').getByRole('row', { name: /^4 of 4/ })).toHaveText(/2\s*66\.7 %$/);
    await expect(panel.getByTestId('overview-complications').getByRole('row', { name: /^Cement leak/ })).toHaveText(
      /Cement leak\s*1\s*1/,
    );
    expect(await seriousAxe(page, '[data-testid="overview-panel"]')).toEqual([]);
    if (shots) {
      fs.mkdirSync(shots, { recursive: true });
      await page.screenshot({ path: path.join(shots, 'overview-1440x900.png'), fullPage: true });
    }
    // No name or hospital number anywhere in the overview.
    for (const identifier of ['Greta', 'Berta', 'Carla', HOSPITAL_NUMBER, seeded.code]) {
      await expect(panel).not.toContainText(identifier);
    }

    // From B's day on: B and C; fractures C only, no medicine → 0 of 1 (0 %).
    await panel.getByLabel('From').fill(day(seeded.start + DAY));
    await panel.getByRole('button', { name: 'Show' }).click();
    await expect(panel.getByTestId('overview-totals')).toHaveText(
      '2 finalized consultations, 0 signed follow-up visits',
    );
    await expect(panel.getByTestId('overview-bone-medicine')).toHaveText('0 of 1 (0 %)');

    await panel.getByRole('button', { name: 'Export CSV' }).click();
    const status = panel.getByRole('status');
    await expect(status).toContainText('Exported: ');
    const exported = /Exported: (.+\.csv) \(/.exec((await status.textContent()) ?? '')?.[1] ?? '';
    expect(path.dirname(exported)).toBe(path.join(dataDir, 'exports'));
    const csv = fs.readFileSync(exported, 'utf8');
    expect(csv).toContain('consultations,finalized,2,,');
    expect(csv).toContain(`range,first day,${day(seeded.start + DAY)},,`);
    expect(fs.statSync(exported).mode & 0o777).toBe(0o600);
  } finally {
    await context.close();
    await host.stop();
  }
});
