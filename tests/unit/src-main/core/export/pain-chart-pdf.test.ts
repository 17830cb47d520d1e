/**
 * The pain chart in the clinician PDF: the index consultation and its signed
 * visits, the procedure marked, the same values in a table. Printed by the
 * real browser-mode printer and read back with pdftotext; the chart's page is
 * also rendered with pdftoppm (PAIN_CHART_SHOT=/some/file.png keeps it).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FollowUpValues } from '../../../../../src-shared/contract/index.js';
import { loadSummary } from '../../../../../src-main/core/export/summary.js';
import { clinicianHtml } from '../../../../../src-main/core/export/clinician-html.js';
import type { TestCore } from '../../../helpers/test-core.js';
import { decodePng, inkStats } from './png.js';
import { exportCore, fixtureRecord, pdfText } from './export-fixture.js';
import { useSharedPdfRenderer } from './pdf-fixture.js';

const pdf = useSharedPdfRenderer();

const visitValues = (visitDate: string, painNow: number): FollowUpValues => ({
  visitDate,
  painNow,
  mobility: 'limited',
  painMedication: 'simple',
  complications: [],
  complicationsOther: '',
  newFractures: [],
  note: '',
});

/** The fixture record (2026-11-23, pain 7, kyphoplasty planned 2026-12-02) with two signed visits and a draft. */
async function withVisits(t: TestCore): Promise<string> {
  const record = await fixtureRecord(t);
  t.advance(60 * 86_400_000);
  for (const [date, pain] of [
    ['2026-12-09', 4],
    ['2027-01-13', 2],
  ] as const) {
    const visit = await t.call('followUps.create', { consultationId: record.id, values: visitValues(date, pain) });
    await t.call('followUps.finalize', { id: visit.id });
  }
  // A draft visit may still change: the document leaves it out.
  await t.call('followUps.create', { consultationId: record.id, values: visitValues('2027-01-15', 9) });
  return record.id;
}

describe('the pain chart in the clinician PDF', () => {
  it('draws the consultation and the signed visits with the procedure, and lists the same values', async () => {
    const t = await exportCore({ pdf: pdf() });
    const id = await withVisits(t);

    const html = clinicianHtml(loadSummary(t.core.services, id, false));
    const svg = /<svg[^]*?<\/svg>/.exec(html.slice(html.indexOf('Pain over time')))?.[0] ?? '';
    // The consultation's point (open) and two signed visits (filled); not the draft.
    expect(svg.match(/<circle class="pain-point consultation"/g)).toHaveLength(1);
    expect(svg.match(/<circle class="pain-point visit"/g)).toHaveLength(2);
    expect(svg.match(/<line class="procedure"/g)).toHaveLength(1);
    expect(svg).toContain('role="img"');

    const { files } = await t.call('exports.create', {
      consultationIds: [id],
      kind: 'clinician-pdf',
      pseudonymize: false,
    });
    const file = files[0]?.path ?? '';
    const text = pdfText(file).replace(/[ \t]+/g, ' ');
    expect(text).toContain('Pain over time');
    // 11-23 → procedure 12-02: 9 days before; 12-09: 7 days after; 01-13: 29 + 13 = 42 days after.
    expect(text).toMatch(/23 November 2026 Consultation 7 9 days before/);
    expect(text).toMatch(/9 December 2026 Follow-up visit 4 7 days after/);
    expect(text).toMatch(/13 January 2027 Follow-up visit 2 42 days after/);
    expect(text).not.toMatch(/15 January 2027/);
    // The SVG's own words print too: the procedure's label and the axis.
    expect(text).toMatch(/Procedure/);

    // The page with the chart has ink where the chart is (not a blank box).
    const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout)?.[1] ?? 0);
    const raw = pdfText(file, 'raw').split('\f');
    const chartPage = raw.findIndex((page) => page.includes('Pain over time')) + 1;
    expect(chartPage).toBeGreaterThan(0);
    expect(chartPage).toBeLessThanOrEqual(pages);
    const prefix = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-chart-')), 'page');
    const run = spawnSync('pdftoppm', [
      '-png',
      '-r',
      '80',
      '-f',
      String(chartPage),
      '-l',
      String(chartPage),
      '-singlefile',
      file,
      prefix,
    ]);
    expect(run.status).toBe(0);
    const png = fs.readFileSync(`${prefix}.png`);
    if (process.env.PAIN_CHART_SHOT) fs.writeFileSync(process.env.PAIN_CHART_SHOT, png);
    expect(inkStats(decodePng(png)).ink).toBeGreaterThan(0.01);
  });

  it('has no chart for a consultation without a signed visit', async () => {
    const t = await exportCore({ pdf: pdf() });
    const record = await fixtureRecord(t);
    const html = clinicianHtml(loadSummary(t.core.services, record.id, false));
    expect(html).not.toContain('Pain over time');
    expect(html).not.toContain('<svg');
  });
});
