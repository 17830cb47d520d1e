import { afterEach, describe, expect, it } from 'vitest';
import { REGISTER_COLUMNS, csvCell, registerCsv } from '../../../../../src-main/core/export/register-csv.js';
import { recordText } from '../../../../../src-main/core/export/record-text.js';
import { loadSummary } from '../../../../../src-main/core/export/summary.js';
import { NOTES, PATIENT, closeCores, draftConsultation, exportCore, fixtureRecord } from './export-fixture.js';
import { NOTHING_ASKED } from '../../../../../src-shared/contract/index.js';

afterEach(closeCores);

/** RFC 4180 read back: quoted fields may hold commas, quotes ("") and line breaks; records end in CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i += 1;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      i += 1;
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}

describe('record text', () => {
  it('tells the whole record, amendments with the original and the reason', async () => {
    const t = await exportCore();
    const record = await fixtureRecord(t);
    const text = recordText(loadSummary(t.core.services, record.id, false));
    const kyphoplasty = t.core.services.library.list().decks.find((deck) => deck.id === 'kyphoplasty');
    expect(kyphoplasty?.certifying?.evidenceReviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const expected of [
      '# Consultation summary: osteoporotic vertebral fracture',
      `Patient: ${PATIENT.displayName} (code ${PATIENT.code}), born 2 March 1948`,
      'Record: finalized 23 November 2026 09:03 by Dr. Anna Weber',
      '- Pain now: 7/10 (NRS), since 1 November 2026',
      '- T12: Genant grade 3, severe (> 40 % height loss)',
      '- L1: Genant grade 2, moderate (25–40 % height loss)',
      '- Cement leak: 40 s',
      '- Procedure: Balloon kyphoplasty, levels T12, L1, general anaesthesia, planned for 2 December 2026',
      '- Follow-up: 23 December 2026',
      // Certifying items of each deck shown (values from the bundled decks' front matter).
      `- ${kyphoplasty?.titles.en ?? ''} (version ${kyphoplasty?.certifying?.version ?? ''}, evidence reviewed ${kyphoplasty?.certifying?.evidenceReviewed ?? ''}): 2 slides`,
      '- SURE test: 3 of 4 (below 4: possible decisional conflict)',
      NOTES,
      '   Reason: Follow-up moved: away on 16 December',
      '   - Follow-up: 16 December 2026',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('pseudonymized: no name, no hospital number, the code instead', async () => {
    const t = await exportCore();
    const record = await fixtureRecord(t);
    const text = recordText(loadSummary(t.core.services, record.id, true));
    expect(text).toContain(`Patient: ${PATIENT.code}, born 1948`);
    expect(text).toContain(`Mme ${PATIENT.code} fell at home`);
    expect(text).not.toMatch(/H[ée]l[èe]ne|Dubois|Martin|H-778812/i);
  });
});

describe('register CSV', () => {
  it('UTF-8 with BOM, a header row, CRLF, and fields that survive a round trip', async () => {
    const t = await exportCore();
    const done = await fixtureRecord(t);
    const draft = await draftConsultation(t, {
      patient: { code: 'VCF-2', hospitalNumber: 'H-2', displayName: 'Zoë "Zizi" Keller, jr.' },
    });
    await t.call('consultations.updateWhatMatters', {
      id: draft.id,
      whatMatters: { ...NOTHING_ASKED, 'avoid-procedure': 'a-lot', 'home-soon': 'not' },
      baseRevision: 0,
    });
    const csv = registerCsv([done, draft].map((r) => loadSummary(t.core.services, r.id, false)));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual([...REGISTER_COLUMNS]);
    expect(rows.slice(1)).toEqual([
      [
        '2',
        '2026-11-23',
        PATIENT.code,
        PATIENT.displayName,
        'Dr. Anna Weber',
        'augmentation',
        'Balloon kyphoplasty',
        'T12 L1',
        '3',
        ...['', '', '', '', ''],
        'yes',
        // Version 2: no bone-health plan recorded, no follow-up visits.
        ...['', '', '', '', '', '', '', ''],
        ...['0', '', '', '', '0', ''],
      ],
      [
        '2',
        '2026-11-24',
        'VCF-2',
        'Zoë "Zizi" Keller, jr.',
        'Dr. Anna Weber',
        'augmentation',
        'Balloon kyphoplasty',
        'T12 L1',
        '3',
        ...['a-lot', '', '', '', 'not'],
        'no',
        ...['', '', '', '', '', '', '', ''],
        ...['0', '', '', '', '0', ''],
      ],
    ]);
  });

  it('defuses cells a spreadsheet would run as a formula', async () => {
    expect(['=1+2', '+1', '-1', '@SUM(A1)', '\tx', '\rx', 'ok', 'a=b'].map(csvCell)).toEqual([
      "'=1+2",
      "'+1",
      "'-1",
      "'@SUM(A1)",
      "'\tx",
      `"'\rx"`,
      'ok',
      'a=b',
    ]);
    const t = await exportCore();
    await t.call('settings.update', { physicianName: '@Dr Evil' });
    const record = await draftConsultation(t, { patient: { displayName: '=HYPERLINK("http://x.example","open")' } });
    const rows = parseCsv(registerCsv([loadSummary(t.core.services, record.id, false)]).slice(1));
    expect(rows[1]?.[3]).toBe(`'=HYPERLINK("http://x.example","open")`);
    expect(rows[1]?.[4]).toBe(`'@Dr Evil`);
    expect(rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
  });

  it('pseudonymized: the code in the patient column, no name anywhere', async () => {
    const t = await exportCore();
    const record = await fixtureRecord(t);
    const csv = registerCsv([loadSummary(t.core.services, record.id, true)]);
    expect(parseCsv(csv.slice(1))[1]?.slice(2, 4)).toEqual([PATIENT.code, PATIENT.code]);
    expect(csv).not.toMatch(/H[ée]l[èe]ne|Dubois|Martin/i);
  });
});
