/**
 * The seal on paper (issue 11, M5): a signed clinician PDF prints the record's
 * digest at signing and the audit chain's head in the footer of every page, so
 * any single page of a paper copy can be checked later; a signed leaflet ends
 * with a short seal. A draft carries none. Printed by the real browser-mode
 * printer and read back page by page with pdftotext.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { TestCore } from '../../../helpers/test-core.js';
import { draftConsultation, exportCore, finalizeAndAmend, pdfText, exportOne } from './export-fixture.js';
import { useSharedPdfRenderer } from './pdf-fixture.js';

const pdf = useSharedPdfRenderer();

/** The text of each page, spaces collapsed (pdftotext page by page). */
function pageTexts(file: string): string[] {
  const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout;
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
  return Array.from({ length: pages }, (_v, i) => {
    const page = String(i + 1);
    const run = spawnSync('pdftotext', ['-raw', '-f', page, '-l', page, '-enc', 'UTF-8', file, '-'], {
      encoding: 'utf8',
    });
    return run.stdout.replace(/\s+/g, ' ');
  });
}

/** Long enough notes that the summary runs over two pages at least. */
const LONG_NOTES = Array.from(
  { length: 40 },
  (_v, i) =>
    `Point ${i + 1}: she asked about the recovery after the procedure and how long she will need help at home.`,
).join('\n');

/** A draft with long notes: the signed or draft clinician PDF has two pages or more. */
async function longDraft(t: TestCore): Promise<string> {
  const draft = await draftConsultation(t);
  await t.call('notes.save', { consultationId: draft.id, body: LONG_NOTES, baseRevision: draft.revisions.notes });
  return draft.id;
}

function sealOfDb(t: TestCore, id: string): { digest: string; rowHash: (row: number) => string } {
  const { db } = t.core.services;
  const detail = db
    .prepare("SELECT detail FROM audit_log WHERE action = 'consultation.finalize' AND consultation_id = ?")
    .pluck()
    .get(id) as string;
  return {
    digest: detail.replace('sha256=', ''),
    rowHash: (row) => db.prepare('SELECT hash FROM audit_log WHERE id = ?').pluck().get(row) as string,
  };
}

describe('the seal on paper', () => {
  it('is in the footer of every page of a signed clinician PDF, and on no page of a draft', async () => {
    const t = await exportCore({ pdf: pdf() });
    const id = await longDraft(t);

    const draftPages = pageTexts(await exportOne(t, id, 'clinician-pdf'));
    expect(draftPages.length).toBeGreaterThanOrEqual(2);
    for (const [i, page] of draftPages.entries()) {
      expect(page, `draft page ${i + 1}`).toContain('DRAFT');
      expect(page, `draft page ${i + 1}`).not.toMatch(/Record digest|Audit log at row/);
      expect(page, `draft page ${i + 1}`).toContain(`${i + 1} / ${draftPages.length}`);
    }

    await finalizeAndAmend(t, id);
    const pages = pageTexts(await exportOne(t, id, 'clinician-pdf'));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const { digest, rowHash } = sealOfDb(t, id);
    for (const [i, page] of pages.entries()) {
      const label = `signed page ${i + 1} of ${pages.length}`;
      expect(page, label).not.toContain('DRAFT');
      // The footer wraps the long hex values anywhere: compare without spaces.
      const compact = page.replace(/\s+/g, '');
      expect(compact, label).toContain(`Recorddigest(SHA-256,atsigning):${digest}`);
      const head = /Audit log at row (\d+):/.exec(page);
      expect(head, label).not.toBeNull();
      const row = Number(head?.[1]);
      expect(compact, label).toContain(`Auditlogatrow${row}:${rowHash(row)}`);
      expect(page, label).toContain(`${i + 1} / ${pages.length}`);
    }
  });

  it('ends a signed leaflet in small print, and is absent from a draft leaflet', async () => {
    const t = await exportCore({ pdf: pdf() });
    const id = await longDraft(t);
    const draftText = pageTexts(await exportOne(t, id, 'patient-leaflet-pdf')).join(' ');
    expect(draftText).not.toMatch(/Record check code/);

    await finalizeAndAmend(t, id);
    const pages = pageTexts(await exportOne(t, id, 'patient-leaflet-pdf'));
    const { digest, rowHash } = sealOfDb(t, id);
    const last = pages.at(-1) ?? '';
    const seal = /Record check code \(for the clinic\): ([0-9a-f]{16}) · (\d+):([0-9a-f]{16})/.exec(last);
    expect(seal, last).not.toBeNull();
    expect(seal?.[1]).toBe(digest.slice(0, 16));
    expect(seal?.[3]).toBe(rowHash(Number(seal?.[2])).slice(0, 16));
    for (const page of pages.slice(0, -1)) expect(page).not.toContain('Record check code');
  });

  it('prints footer lines as text, never as markup', async () => {
    const text = pdfText(await pdf().render('<p>Body</p>', 'A4', { footer: ['<b>bold</b> & <i>x</i>'] }), 'raw');
    expect(text).toContain('<b>bold</b> & <i>x</i>');
  });
});
