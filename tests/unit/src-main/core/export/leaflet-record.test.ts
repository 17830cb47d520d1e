/**
 * The leaflet is made from the record: a draft says DRAFT and never "you
 * chose" what was not chosen; the risks are exactly those confirmed as
 * discussed; "How to reach us" never prints an empty contact. And the
 * clinician letter keeps its signature with the content above it. Printed by
 * the real browser-mode printer, read back with pdftotext.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  draftConsultation,
  exportCore,
  finalizeAndAmend,
  kyphoplastyDecision,
  pdfText,
  exportOne,
} from './export-fixture.js';
import { useSharedPdfRenderer } from './pdf-fixture.js';
import { base } from '../../../helpers/revisions.js';

const pdf = useSharedPdfRenderer();

/** Pictures of the pages for a person to look at, when CONSULTDECK_SHOTS names a folder. */
function keepPages(file: string, name: string): void {
  const dir = process.env.CONSULTDECK_SHOTS;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  spawnSync('pdftoppm', ['-png', '-r', '60', file, path.join(dir, name)]);
}

const pages = (file: string): number =>
  Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout)?.[1]);

describe('patient leaflet from the record', () => {
  it('marks a draft, never says "you chose" with a red flag and no procedure, lists only the confirmed risks', async () => {
    const t = await exportCore({ pdf: pdf() });
    await t.call('settings.update', { clinicContact: '' });
    const draft = await draftConsultation(t);
    await t.call('consultations.updateFindings', {
      id: draft.id,
      findings: { ...draft.findings, redFlags: ['tumour'] },
      baseRevision: await base(t, draft.id, 'findings'),
    });
    const decision = kyphoplastyDecision('2026-12-16');
    await t.call('consultations.updateDecision', {
      id: draft.id,
      decision: { ...decision, augmentation: { ...decision.augmentation, procedure: null } },
      baseRevision: await base(t, draft.id, 'decision'),
    });
    await t.call('consultations.confirmRisks', {
      id: draft.id,
      risks: { confirmed: ['adjacent-fracture', 'other'], otherText: 'A rib may crack while lying face down' },
      baseRevision: await base(t, draft.id, 'risks'),
    });
    const file = await exportOne(t, draft.id, 'patient-leaflet-pdf');
    keepPages(file, 'leaflet-draft');
    // Raw order keeps the rotated watermark whole, apart from the text it lies over.
    const raw = pdfText(file, 'raw');
    expect(raw).toMatch(/^DRAFT$/m);
    const text = raw.replace(/\s+/g, ' ');
    expect(text).toContain('Draft: your doctor has not checked and signed this leaflet yet.');
    expect(text).not.toMatch(/you chose/i);
    expect(text).toContain('The decision We talked about');
    expect(text).toContain('We talked about treatment with bone cement. The method is not chosen yet');
    expect(text).toContain('needs more tests before a treatment can be chosen');
    expect(text).toContain('The risks we talked about');
    expect(text).toContain('New breaks of other bones in the spine are common');
    expect(text).toContain('Also: A rib may crack while lying face down');
    // Not confirmed, so not printed.
    expect(text).not.toMatch(/18 out of 100|around the spinal cord|travels to the lungs/);
    // No contact in Settings: a line to write the number on, not an empty heading.
    expect(text).toContain(
      'How to reach us Spine Clinic Lausanne Ask us for the phone number to call, and write it here:',
    );
  });

  it('once signed: no DRAFT, the chosen procedure with its levels and date, each confirmed risk', async () => {
    const t = await exportCore({ pdf: pdf() });
    const draft = await draftConsultation(t, { language: 'de' });
    await t.call('consultations.confirmRisks', {
      id: draft.id,
      risks: { confirmed: ['cement-leak', 'adjacent-fracture'], otherText: '' },
      baseRevision: await base(t, draft.id, 'risks'),
    });
    await finalizeAndAmend(t, draft.id);
    const file = await exportOne(t, draft.id, 'patient-leaflet-pdf');
    keepPages(file, 'leaflet-signed-de');
    expect(pdfText(file, 'raw')).not.toMatch(/ENTWURF|DRAFT/);
    const text = pdfText(file).replace(/\s+/g, ' ');
    expect(text).toContain('Ballon-Kyphoplastie');
    expect(text).toContain('T12, L1');
    expect(text).toContain('2. Dezember 2026');
    expect(text).toContain('etwa 18 von 100');
    expect(text).toContain('Neue Brüche anderer Wirbel');
    expect(text).not.toContain('in den Kanal, in dem die Nerven verlaufen'); // not confirmed any more
    expect(text).toContain('021 555 01 23');
  });
});

describe('clinician letter', () => {
  it('never leaves the signature alone on a page: it follows the notes or the last amendment', async () => {
    const t = await exportCore({ pdf: pdf() });
    const draft = await draftConsultation(t);
    const draftFile = await exportOne(t, draft.id, 'clinician-pdf');
    keepPages(draftFile, 'clinician-draft');
    await finalizeAndAmend(t, draft.id);
    const file = await exportOne(t, draft.id, 'clinician-pdf');
    keepPages(file, 'clinician-signed');
    for (const f of [draftFile, file]) {
      const last =
        pdfText(f)
          .split('\f')
          .filter((p) => p.trim())
          .at(-1) ?? '';
      expect(last).toMatch(/Signature and date|Signed electronically/);
      // The last page holds more than the signature: the section before it comes along.
      expect(last).toMatch(/Notes|Amendments|Reason:/);
      expect(last).not.toMatch(/^\s*Follow-up\s*$/m);
    }
    expect(pages(draftFile)).toBeLessThanOrEqual(2);
    expect(pdfText(draftFile).replace(/\s+/g, ' ')).toContain('Follow-up: 16 December 2026');
  });
});

describe('fonts with wide coverage', () => {
  it('prints a name in Greek, Cyrillic, Chinese and an emoji with real glyphs, in both PDFs', async () => {
    const t = await exportCore({ pdf: pdf() });
    const name = 'Ελένη Иванова 王秀英 🌷';
    const draft = await draftConsultation(t, { patient: { displayName: name, code: 'VCF-INTL' } });
    for (const kind of ['clinician-pdf', 'patient-leaflet-pdf'] as const) {
      const file = await exportOne(t, draft.id, kind);
      keepPages(file, `fonts-${kind}`);
      const fonts = spawnSync('pdffonts', [file], { encoding: 'utf8' }).stdout;
      // Each script came from a bundled font, not from whatever the machine has.
      expect(fonts, kind).toMatch(/NotoSans-Regular|NotoSans-Bold/);
      expect(fonts, kind).toMatch(/NotoSansSC/);
      expect(fonts, kind).toMatch(/NotoEmoji/);
      const text = pdfText(file).replace(/\s+/g, ' ');
      expect(text, kind).toContain('Ελένη Иванова 王秀英');
    }
    // A Latin-only document embeds none of the big fallback fonts.
    const plain = await draftConsultation(t, {
      patient: { code: 'VCF-LATIN', displayName: 'Anna Weber', hospitalNumber: 'H-2' },
    });
    const file = await exportOne(t, plain.id, 'clinician-pdf');
    expect(spawnSync('pdffonts', [file], { encoding: 'utf8' }).stdout).not.toMatch(/NotoSansSC|Emoji/);
    expect(fs.statSync(file).size).toBeLessThan(1_000_000);
  });
});
