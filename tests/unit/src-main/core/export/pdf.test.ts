/**
 * The PDFs, printed by the real browser-mode printer (one headless Chromium
 * shared by the whole file: the machines have two cores) through
 * `exports.create`, then read back with pdftotext and pdftoppm.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportKind, Language } from '../../../../../src-shared/contract/index.js';
import type { TestCore } from '../../../helpers/test-core.js';
import {
  PATIENT,
  draftConsultation,
  exportCore,
  finalizeAndAmend,
  fixtureRecord,
  kyphoplastyDecision,
  pdfText,
} from './export-fixture.js';
import { useSharedPdfRenderer } from './pdf-fixture.js';
import { decodePng, firstPagePng, inkStats } from './png.js';
import { base } from '../../../helpers/revisions.js';

const pdf = useSharedPdfRenderer();

const NAME_PARTS = /H[ée]l[èe]ne|Dubois|Martin|H-778812/i;

async function exportFile(t: TestCore, ids: string[], kind: ExportKind, pseudonymize = false): Promise<string[]> {
  const { files } = await t.call('exports.create', { consultationIds: ids, kind, pseudonymize });
  return files.map((f) => f.path);
}

/** Heights (pt) of the words of the page body, as pdftotext measures their boxes. */
function wordHeights(file: string): number[] {
  const html = spawnSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' }).stdout;
  return html.split('<page ').flatMap((page) => {
    const words = [...page.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</g)];
    // A signed leaflet's short seal is small print on purpose (for the clinic, not the patient): its line is left out.
    const sealLines = words.filter((w) => /^(\d+:)?[0-9a-f]{16}$/.test(w[3] ?? '')).map((w) => Number(w[1]));
    return (
      words
        // The page-number footer (bottom margin, 8 px) is not body text.
        .filter((w) => !/^[\d/]+$/.test(w[3] ?? ''))
        .filter((w) => !sealLines.some((y) => Math.abs(y - Number(w[1])) < 3))
        .map((w) => Number(w[2]) - Number(w[1]))
    );
  });
}

describe('clinician summary PDF', () => {
  it('is a DRAFT until finalized, then signed, with findings, decision, risks, dates and the amendment', async () => {
    const t = await exportCore({ pdf: pdf() });
    const draft = await draftConsultation(t);
    const [draftFile = ''] = await exportFile(t, [draft.id], 'clinician-pdf');
    const draftText = pdfText(draftFile, 'raw');
    expect(draftText.match(/^DRAFT$/gm)).toHaveLength(2); // the watermark, on both pages
    expect(draftText).toContain('This record is a draft and has not been signed.');

    await finalizeAndAmend(t, draft.id);
    const [file = ''] = await exportFile(t, [draft.id], 'clinician-pdf');
    expect(path.basename(file)).toBe(`2026-11-23_${PATIENT.code}_kyphoplasty-consult-2.pdf`);
    expect(pdfText(file, 'raw')).not.toMatch(/DRAFT/);
    // The seal of a signed record (issue 11, M5): the digest at signing and the audit chain's head.
    const raw = pdfText(file, 'raw');
    const digest = (
      t.core.services.db
        .prepare("SELECT detail FROM audit_log WHERE action = 'consultation.finalize'")
        .pluck()
        .get() as string
    ).replace('sha256=', '');
    expect(raw.replace(/\s+/g, '')).toContain(`Recorddigest(SHA-256,atsigning):${digest}`);
    expect(raw.replace(/\s+/g, ' ')).toMatch(/Audit log at row \d+: ?[0-9a-f]{20}/);
    const text = pdfText(file).replace(/\s+/g, ' ');
    for (const expected of [
      'Spine Clinic Lausanne',
      'Dr. Anna Weber',
      PATIENT.displayName,
      PATIENT.code,
      '2 March 1948',
      'Pain now: 7/10 (NRS), since 1 November 2026',
      'T12 Genant grade 3, severe',
      'L1 Genant grade 2, moderate',
      'Cement in the spinal canal: 25 s',
      'Infection or bleeding',
      'Procedure: Balloon kyphoplasty, levels T12, L1, general anaesthesia, planned for 2 December 2026',
      'SURE test: 3 of 4',
      'worried about the anaesthesia',
      'Follow-up: 23 December 2026', // a line of the decision (no heading of its own)
      'Reason: Follow-up moved: away on 16 December',
      'Original: Follow-up: 16 December 2026 Corrected: Follow-up: 23 December 2026',
      'Signed electronically by Dr. Anna Weber on 23 November 2026',
    ]) {
      expect(text).toContain(expected);
    }
    // Certifying items (IPDAS): each deck shown, with its version and evidence review date.
    expect(text).toMatch(/Vertebral augmentation.*version \d+, evidence reviewed \d{4}-\d{2}-\d{2}/);
    expect(text).toMatch(/Risks of vertebral augmentation.*version \d+, evidence reviewed \d{4}-\d{2}-\d{2}/);
    const stats = inkStats(decodePng(firstPagePng(file)));
    expect(stats.ink).toBeGreaterThan(0.02);
    expect(stats.variance).toBeGreaterThan(100);
    const fonts = spawnSync('pdffonts', [file], { encoding: 'utf8' }).stdout;
    expect(fonts).toContain('AtkinsonHyperlegible-Regular');
  });

  it('prints on the paper size of the settings', async () => {
    const t = await exportCore({ pdf: pdf() });
    await t.call('settings.update', { paperSize: 'Letter' });
    const record = await fixtureRecord(t);
    const [file = ''] = await exportFile(t, [record.id], 'clinician-pdf');
    expect(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
  });
});

describe('patient leaflet PDF', () => {
  const expected: Record<Language, string[]> = {
    en: [
      'The information we showed you',
      'version 2, evidence checked on',
      'Your visit about your back',
      'The option you chose',
      'balloon kyphoplasty',
      'about 18 out of 100',
      '55 out of 100',
      'about 8 in 1,000',
      'about 1 in 1,000 needed an operation',
      'spinal cord',
      '2 to 26 out of 100',
      'New weakness or numbness in your legs',
      'Your next appointment: 23 December 2026',
      '021 555 01 23',
    ],
    fr: [
      'Les informations que nous vous avons montrées',
      'Traduction : awaiting review by a native-speaking clinician',
      'Votre consultation pour votre dos',
      'Votre choix',
      'cyphoplastie par ballonnet',
      'environ 18 personnes sur 100',
      '55 sur 100',
      'environ 8 sur 1 000',
      'environ 1 sur 1 000 a dû être opéré',
      'moelle épinière',
      '2 à 26 personnes sur 100',
      'faiblesse ou un engourdissement dans les jambes',
      'Votre prochain rendez-vous : 23 décembre 2026',
      'Pour nous joindre',
    ],
    de: [
      'Die Informationen, die wir Ihnen gezeigt haben',
      'Übersetzung: awaiting review by a native-speaking clinician',
      'Ihr Gespräch über Ihren Rücken',
      'Ihre Entscheidung',
      'Ballon-Kyphoplastie',
      'etwa 18 von 100',
      '55 von 100',
      'etwa 8 von 1.000',
      'etwa 1 von 1.000 musste',
      'Rückenmark',
      '2 bis 26 von 100',
      'Schwäche oder Taubheit in den Beinen',
      'Ihr nächster Termin: 23. Dezember 2026',
      'So erreichen Sie uns',
    ],
  };

  it('speaks the consultation language in large type, with the risks as natural frequencies, never the notes', async () => {
    const t = await exportCore({ pdf: pdf() });
    const ids: string[] = [];
    for (const [i, language] of (['en', 'fr', 'de'] as const).entries()) {
      const patient = i === 0 ? {} : { code: `VCF-${language}`, hospitalNumber: `H-${language}` };
      const draft = await draftConsultation(t, { language, patient });
      await finalizeAndAmend(t, draft.id);
      ids.push(draft.id);
    }
    const files = await exportFile(t, ids, 'patient-leaflet-pdf');
    expect(files.map((f) => path.basename(f).replace(/^[\d-]+_/, ''))).toEqual([
      `${PATIENT.code}_patient-leaflet-en.pdf`,
      'VCF-fr_patient-leaflet-fr.pdf',
      'VCF-de_patient-leaflet-de.pdf',
    ]);
    for (const [i, language] of (['en', 'fr', 'de'] as const).entries()) {
      const file = files[i] ?? '';
      const text = pdfText(file).replace(/\s+/g, ' ');
      for (const phrase of expected[language]) expect(text, `${language}: ${phrase}`).toContain(phrase);
      // No notes, no quick entries, no clinical shorthand.
      expect(text).not.toMatch(/worried|garden|Genant|NRS|SURE|augmentation/i);
      expect(Math.min(...wordHeights(file))).toBeGreaterThanOrEqual(14);
      expect(inkStats(decodePng(firstPagePng(file))).ink).toBeGreaterThan(0.02);
    }
  });

  it('leaves the cement risks out when cement treatment was neither chosen nor talked about', async () => {
    const t = await exportCore({ pdf: pdf() });
    const patient = await t.call('patients.create', { code: 'VCF-C', birthDate: '1950', sex: 'male' });
    const draft = await t.call('consultations.start', { patientId: patient.id, language: 'en' });
    await t.call('consultations.updateDecision', {
      id: draft.id,
      decision: {
        ...kyphoplastyDecision('2026-12-16'),
        path: 'conservative',
        conservativeMeasures: ['pain-medication', 'brace'],
      },
      baseRevision: await base(t, draft.id, 'decision'),
    });
    const [file = ''] = await exportFile(t, [draft.id], 'patient-leaflet-pdf');
    // Raw order: the draft's rotated watermark stays out of the lines it crosses.
    const text = pdfText(file, 'raw').replace(/\s+/g, ' ');
    expect(text).toContain('You chose treatment without an operation: Medicine for the pain A back brace');
    expect(text).not.toMatch(/out of 100|cement/i);
  });
});

describe('pseudonymized export', () => {
  it('has no trace of the name in any of the five outputs', async () => {
    const t = await exportCore({ pdf: pdf() });
    const record = await fixtureRecord(t);
    const kinds: ExportKind[] = ['clinician-pdf', 'patient-leaflet-pdf', 'record-text', 'fhir-json', 'register-csv'];
    for (const kind of kinds) {
      const [file = ''] = await exportFile(t, [record.id], kind, true);
      const text = file.endsWith('.pdf') ? pdfText(file) : fs.readFileSync(file, 'utf8');
      expect(text, kind).toContain(PATIENT.code);
      expect(text, kind).not.toMatch(NAME_PARTS);
      expect(path.basename(file), kind).not.toMatch(NAME_PARTS);
    }
  });
});

describe('browser-mode printer', () => {
  it('runs no script and fetches nothing, even when the HTML asks for it', async () => {
    let requests = 0;
    const server = http.createServer((_req, res) => {
      requests += 1;
      res.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const html = `<!doctype html><html><head><link rel="stylesheet" href="${url}/style.css"></head>
        <body><p id="p">Static text</p><img src="${url}/img.png"><iframe src="${url}/frame"></iframe>
        <script>document.getElementById('p').textContent = 'Script ran';</script></body></html>`;
      const text = pdfText(await pdf().render(html, 'A4'));
      expect(text).toContain('Static text');
      expect(text).not.toContain('Script ran');
      expect(requests).toBe(0);
    } finally {
      server.close();
    }
  });
});
