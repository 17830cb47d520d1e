/**
 * A patient seen again: a signed consultation two months ago with a
 * kyphoplasty planned five days later, and three follow-up visits since. The
 * console shows the visits below the signed record and the pain chart with
 * three visit points (plus the consultation's) and the procedure marked, with
 * the same points in the table. Then a fourth visit is added through the form.
 *
 * The record is written through core on the test's clock before the host
 * starts (the host's own clock is the real one, and a consultation cannot be
 * started in the past), then served by the built host as a clinic's would be.
 *
 * FU_SHOTS_DIR=/some/folder saves a screenshot of the timeline at 1440×900.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { createCore } from '../../src-main/core/create-core.js';
import { expect, repoRoot, startHost, test } from './fixtures.js';
import { DoctorConsole } from './page-models/doctor-console.js';
import { RecordPanel } from './page-models/record-panel.js';
import { signWarningIds } from '../../src-shared/contract/index.js';

const DAY = 86_400_000;
const day = (ms: number) => {
  const at = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
};

async function seed(dataDir: string): Promise<{ consultationDay: string; procedureDay: string }> {
  const start = Date.now() - 70 * DAY;
  let now = start;
  const core = createCore({ dataDir, appRoot: repoRoot, mode: 'browser', version: 'e2e', clock: () => new Date(now) });
  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const answer = await core.dispatch(name, input, { role: 'doctor', windowId: 'seed' });
    if (!answer.ok) throw new Error(`${name}: ${answer.error.message}`);
    return answer.value as T;
  };
  try {
    await call('settings.update', { physicianName: 'Dr. Lea Brandt' });
    const patient = await call<{ id: string }>('patients.create', {
      displayName: 'Greta Hofer',
      birthDate: '1944-05-06',
      sex: 'female',
    });
    const { id } = await call<{ id: string }>('consultations.start', { patientId: patient.id });
    // A fresh draft: every section at revision 0.
    await call('consultations.updateFindings', {
      id,
      baseRevision: 0,
      findings: { painNow: 8, painSince: null, fracturedLevels: [{ level: 'L1', grade: 2 }], redFlags: [] },
    });
    const procedureDay = day(start + 5 * DAY);
    await call('consultations.updateDecision', {
      id,
      baseRevision: 0,
      decision: {
        path: 'augmentation',
        conservativeMeasures: [],
        conservativeDetails: '',
        augmentation: {
          procedure: 'balloon-kyphoplasty',
          levels: ['L1'],
          anaesthesia: 'local',
          plannedDate: procedureDay,
        },
        referral: '',
        questions: '',
        followUpDate: null,
        sure: { sureOfChoice: true, knowsBenefitsAndRisks: true, clearAboutValues: true, enoughSupport: true },
      },
    });
    await call('consultations.finalize', { id, acknowledged: [...signWarningIds] });
    now = Date.now();
    for (const [after, pain, mobility] of [
      [19, 5, 'limited'],
      [40, 3, 'limited'],
      [62, 2, 'as-before'],
    ] as const) {
      const visit = await call<{ id: string }>('followUps.create', {
        consultationId: id,
        values: {
          visitDate: day(start + after * DAY),
          painNow: pain,
          mobility,
          painMedication: pain > 3 ? 'simple' : 'none',
          complications: [],
          complicationsOther: '',
          newFractures: [],
          note: '',
        },
      });
      await call('followUps.finalize', { id: visit.id });
    }
    return { consultationDay: day(start), procedureDay };
  } finally {
    core.close();
  }
}

test('three visits: the chart shows three visit points and the procedure, and a fourth is added', async ({
  browser,
}) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-e2e-follow-up-'));
  await seed(dataDir);
  const host = await startHost(dataDir);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(host.doctorUrl);
    const doctor = new DoctorConsole(page);
    await doctor.ready();
    const record = new RecordPanel(page);
    await record.openTab('Record');
    await record.openHistory();
    await expect(record.historyRows).toHaveCount(1);
    await record.historyRows
      .first()
      .getByRole('button', { name: /^Open the record/ })
      .click();

    const panel = page.getByTestId('follow-up-panel');
    await expect(panel.getByTestId('follow-up-visit')).toHaveCount(3);
    const chart = panel.getByTestId('timeline-chart');
    await expect(chart.locator('circle.visit')).toHaveCount(3);
    await expect(chart.locator('circle.consultation')).toHaveCount(1);
    await expect(chart.getByTestId('procedure-mark')).toHaveCount(1);
    await expect(chart.getByRole('img')).toHaveAttribute(
      'aria-label',
      /^Pain over time \(NRS 0–10\): 8 on .*, 5 on .*, 3 on .*, 2 on .*Procedure on /,
    );
    await expect(chart.getByTestId('timeline-table').locator('tbody tr')).toHaveCount(4);
    await expect(chart.getByTestId('timeline-table').locator('tbody tr').nth(1)).toContainText('14 days after');

    // The procedure line lies between the consultation's point and the first visit's.
    const xOf = (locator: ReturnType<typeof chart.locator>, attribute: string) =>
      locator.evaluate((el, a) => Number(el.getAttribute(a)), attribute);
    const consultationX = await xOf(chart.locator('circle.consultation'), 'cx');
    const firstVisitX = await xOf(chart.locator('circle.visit').first(), 'cx');
    const procedureX = await xOf(chart.getByTestId('procedure-mark').locator('line'), 'x1');
    expect(procedureX).toBeGreaterThan(consultationX);
    expect(procedureX).toBeLessThan(firstVisitX);

    const shots = process.env.FU_SHOTS_DIR;
    if (shots) {
      fs.mkdirSync(shots, { recursive: true });
      await panel.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(shots, 'timeline-1440x900.png') });
    }

    // No serious or critical accessibility problem in the panel, with the chart and with the form open.
    const axe = async () =>
      (
        await new AxeBuilder({ page })
          .include('[data-testid="follow-up-panel"]')
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
          .analyze()
      ).violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => v.id);
    expect(await axe()).toEqual([]);

    // A fourth visit through the form: saved, listed, and one more point on the chart.
    await panel.getByRole('button', { name: 'Add a follow-up visit' }).click();
    const form = panel.getByRole('form', { name: 'Follow-up visit' });
    await form.getByTestId('follow-up-pain').selectOption('1');
    await form.getByRole('radio', { name: 'As before' }).check();
    await form.getByRole('radio', { name: 'None' }).check();
    expect(await axe()).toEqual([]);
    if (shots) {
      await form.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(shots, 'follow-up-form-1440x900.png') });
    }
    await form.getByRole('button', { name: 'Save visit' }).click();
    await expect(panel.getByRole('status')).toContainText('Saved at');
    await expect(panel.getByTestId('follow-up-visit')).toHaveCount(4);
    await expect(panel.getByTestId('follow-up-visit').last()).toContainText('Draft.');
    await expect(chart.locator('circle.visit')).toHaveCount(4);
    await panel.getByTestId('follow-up-visit').last().getByRole('button', { name: 'Sign visit' }).click();
    await expect(panel.getByTestId('follow-up-visit').last()).toContainText('Signed by Dr. Lea Brandt');

    // The signed visit is corrected with a reason: the chart and its table follow; the correction is listed.
    const fourth = panel.getByTestId('follow-up-visit').last();
    await fourth.getByRole('button', { name: 'Correct…' }).click();
    const correction = panel.getByRole('form', { name: 'Correct the signed visit' });
    await correction.getByTestId('follow-up-pain').selectOption('4');
    await correction.getByRole('button', { name: 'Save correction' }).click();
    // No reason, no correction: the form's own validity keeps it open.
    await expect(correction).toBeVisible();
    await correction.getByLabel('Reason for the correction').fill('Pain was 4: read from the wrong line');
    expect(await axe()).toEqual([]);
    await correction.getByRole('button', { name: 'Save correction' }).click();
    await expect(correction).toBeHidden();
    await expect(fourth.getByTestId('follow-up-amendment')).toContainText(
      'by Dr. Lea Brandt: Pain was 4: read from the wrong line',
    );
    await expect(fourth).toContainText('pain 4;');
    await expect(chart.getByTestId('timeline-table').locator('tbody tr').last()).toContainText('4');

    // Its own PDF, written into the export folder, read back with pdftotext.
    await fourth.getByRole('button', { name: 'Export visit PDF' }).click();
    const exported = panel.getByRole('status').filter({ hasText: 'Exported:' });
    await expect(exported).toBeVisible({ timeout: 30_000 });
    const file = ((await exported.textContent()) ?? '').replace(/^\s*Exported:\s*/, '').trim();
    expect(file).toMatch(/_follow-up-visit\.pdf$/);
    const text = spawnSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('Follow-up visit: osteoporotic vertebral fracture');
    expect(text).toContain('Pain now (NRS 0–10): 4');
    expect(text).toContain('Reason: Pain was 4: read from the wrong line');
    if (shots) spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, path.join(shots, 'visit-pdf')]);
  } finally {
    await context.close();
    await host.stop();
  }
});
