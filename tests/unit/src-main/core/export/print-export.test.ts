import { afterEach, describe, expect, it } from 'vitest';
import type { PaperSize, PdfRenderer } from '../../../../../src-main/core/export/pdf-renderer.js';
import { PATIENT, closeCores, exportCore, fixtureRecord } from './export-fixture.js';

afterEach(closeCores);

/** A printer standing in for Electron's print dialog: keeps what it was given, answers as the physician would. */
function fakePrinter(answer: boolean) {
  const jobs: Array<{ html: string; paper: PaperSize }> = [];
  const renderer: PdfRenderer = {
    render: async () => Buffer.from('%PDF-1.4'),
    print: async (html, paper) => {
      jobs.push({ html, paper });
      return answer;
    },
    close: async () => undefined,
  };
  return { renderer, jobs };
}

const printRows = (t: Awaited<ReturnType<typeof exportCore>>): Array<{ detail: string }> =>
  t.core.services.db.prepare("SELECT detail FROM audit_log WHERE action = 'export' ORDER BY id").all() as never;

describe('exports.print', () => {
  it('sends the clinician summary to the print dialog and audits the printing', async () => {
    const { renderer, jobs } = fakePrinter(true);
    const t = await exportCore({ pdf: renderer });
    const { id } = await fixtureRecord(t);
    const before = printRows(t).length;
    expect(
      await t.call('exports.print', { consultationId: id, document: 'clinician-summary', pseudonymize: false }),
    ).toEqual({
      printed: true,
    });
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.html).toContain(PATIENT.displayName);
    expect(jobs[0]?.paper).toBe('A4');
    expect(
      printRows(t)
        .slice(before)
        .map((r) => r.detail),
    ).toEqual(['kind=clinician-summary target=printer pseudonymized=false']);
  });

  it('prints the leaflet pseudonymized, and audits nothing when the physician cancels', async () => {
    const { renderer, jobs } = fakePrinter(false);
    const t = await exportCore({ pdf: renderer });
    const { id } = await fixtureRecord(t);
    const before = printRows(t).length;
    expect(
      await t.call('exports.print', { consultationId: id, document: 'patient-leaflet', pseudonymize: true }),
    ).toEqual({
      printed: false,
    });
    expect(jobs[0]?.html).not.toContain('Dubois');
    expect(printRows(t)).toHaveLength(before);
  });

  it('says where printing is possible when there is no print dialog (browser mode)', async () => {
    const t = await exportCore();
    const { id } = await fixtureRecord(t);
    const result = await t.raw('exports.print', {
      consultationId: id,
      document: 'clinician-summary',
      pseudonymize: false,
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringMatching(/desktop app/) },
    });
  });
});
