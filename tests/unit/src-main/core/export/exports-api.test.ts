import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TestCore } from '../../../helpers/test-core.js';
import {
  NOTES,
  PATIENT,
  closeCores,
  draftConsultation,
  exportCore,
  fixtureRecord,
  listFiles,
} from './export-fixture.js';

afterEach(() => {
  vi.restoreAllMocks();
  closeCores();
});

const exportRows = (t: TestCore): Array<{ action: string; consultation_id: string; detail: string }> =>
  t.core.services.db.prepare("SELECT * FROM audit_log WHERE action = 'export' ORDER BY id").all() as never;

async function twoRecords(t: TestCore): Promise<[string, string]> {
  const first = await fixtureRecord(t);
  const second = await draftConsultation(t, { patient: { code: 'VCF/2', hospitalNumber: 'H-2' } });
  return [first.id, second.id];
}

async function expectFailure(t: TestCore, input: unknown, code: string, message: RegExp): Promise<void> {
  const result = await t.raw('exports.create', input);
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.error.code).toBe(code);
    expect(result.error.message).toMatch(message);
  }
}

describe('exports.create', () => {
  it('writes one file per consultation into <data>/exports, named by day and code, and audits without text', async () => {
    const t = await exportCore();
    const ids = await twoRecords(t);
    const { files } = await t.call('exports.create', {
      consultationIds: ids,
      kind: 'record-text',
      pseudonymize: false,
    });
    const folder = path.join(t.dataDir, 'exports');
    expect(files.map((f) => path.relative(folder, f.path))).toEqual([
      `2026-11-23_${PATIENT.code}_record.md`,
      '2026-11-24_VCF-2_record.md',
    ]);
    for (const file of files) expect(fs.statSync(file.path).size).toBe(file.bytes);
    expect(fs.readFileSync(files[0]?.path ?? '', 'utf8')).toContain(NOTES);
    expect(listFiles(folder)).toHaveLength(2);
    const rows = exportRows(t);
    // The file names (day and pseudonymous code) are in the audit, never a name or any record text.
    const detail = `kind=record-text pseudonymized=false files=2026-11-23_${PATIENT.code}_record.md,2026-11-24_VCF-2_record.md`;
    expect(rows.map((r) => [r.consultation_id, r.detail])).toEqual(ids.map((id) => [id, detail]));
    expect(JSON.stringify(rows)).not.toMatch(/Dubois|worried/);
  });

  it('never overwrites: the same export again gets a new name; register-csv is one file for all', async () => {
    const t = await exportCore();
    const ids = await twoRecords(t);
    const input = { consultationIds: ids.slice(0, 1), kind: 'fhir-json', pseudonymize: true };
    const first = await t.call('exports.create', input);
    const again = await t.call('exports.create', input);
    expect(path.basename(again.files[0]?.path ?? '')).toBe(`2026-11-23_${PATIENT.code}_fhir-2.json`);
    expect(fs.existsSync(first.files[0]?.path ?? '')).toBe(true);
    const csv = await t.call('exports.create', { consultationIds: ids, kind: 'register-csv', pseudonymize: false });
    expect(csv.files.map((f) => path.basename(f.path))).toEqual(['2026-11-24_register_2-consultations.csv']);
  });

  it('writes into the export folder of the settings', async () => {
    const t = await exportCore();
    const [id] = await twoRecords(t);
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-exports-'));
    await t.call('settings.update', { exportFolder: folder });
    const { files } = await t.call('exports.create', {
      consultationIds: [id],
      kind: 'record-text',
      pseudonymize: true,
    });
    expect(path.dirname(files[0]?.path ?? '')).toBe(folder);
    expect((await t.raw('settings.update', { exportFolder: 'relative/exports' })).ok).toBe(false);
  });

  // Settings refuse such folders when chosen; these are folders that went bad after (a drive unplugged, a file in their place).
  it.each([
    [
      'a file, not a folder',
      (dir: string) => path.join(dir, 'file'),
      (folder: string) => {
        fs.rmdirSync(folder);
        fs.writeFileSync(folder, 'x');
      },
      'NOT_FOUND',
      /is not a folder/,
    ],
    [
      'gone (missing parent)',
      (dir: string) => path.join(dir, 'unplugged-drive', 'exports'),
      (folder: string) => fs.rmSync(path.dirname(folder), { recursive: true }),
      'NOT_FOUND',
      /does not exist \(any more\)/,
    ],
  ])('a folder that is %s: a clear error, nothing written', async (_name, folderIn, breakFolder, code, message) => {
    const t = await exportCore();
    const ids = await twoRecords(t);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-exports-'));
    const folder = folderIn(dir);
    fs.mkdirSync(folder, { recursive: true });
    await t.call('settings.update', { exportFolder: folder });
    breakFolder(folder);
    await expectFailure(t, { consultationIds: ids, kind: 'record-text', pseudonymize: false }, code, message);
    expect(listFiles(dir)).toEqual(fs.existsSync(path.join(dir, 'file')) ? ['file'] : []);
    expect(exportRows(t)).toEqual([]);
  });

  it('disk full on the second file: the first is removed again, no temp file stays, DISK_FULL says what to do', async () => {
    const t = await exportCore();
    const ids = await twoRecords(t);
    const rename = fs.renameSync.bind(fs);
    let calls = 0;
    vi.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      calls += 1;
      if (calls === 2) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      rename(from, to);
    });
    await expectFailure(
      t,
      { consultationIds: ids, kind: 'fhir-json', pseudonymize: false },
      'DISK_FULL',
      /is full\. Free some space.*Nothing was exported/,
    );
    expect(calls).toBe(2);
    expect(listFiles(path.join(t.dataDir, 'exports'))).toEqual([]);
    expect(exportRows(t)).toEqual([]);
  });

  it('no write permission: FORBIDDEN with the folder named, temp file removed', async () => {
    const t = await exportCore();
    const [id] = await twoRecords(t);
    vi.spyOn(fs, 'openSync').mockImplementation(() => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    });
    await expectFailure(
      t,
      { consultationIds: [id], kind: 'record-text', pseudonymize: false },
      'FORBIDDEN',
      /may not write to the export folder .*exports/,
    );
    vi.restoreAllMocks();
    expect(listFiles(path.join(t.dataDir, 'exports'))).toEqual([]);
  });

  it('checks its input and its records before writing anything', async () => {
    const t = await exportCore();
    const ids = await twoRecords(t);
    const missing = '00000000-0000-4000-8000-000000000000';
    const base = { kind: 'record-text', pseudonymize: false };
    await expectFailure(t, { ...base, consultationIds: [ids[0], missing] }, 'NOT_FOUND', /does not exist/);
    const result = await t.raw('exports.create', { ...base, consultationIds: [ids[0], missing] });
    expect(!result.ok && result.error.field).toBe('consultationIds.1');
    await expectFailure(t, { ...base, consultationIds: [ids[0], ids[0]] }, 'VALIDATION', /listed twice/);
    await expectFailure(t, { ...base, consultationIds: [] }, 'VALIDATION', /consultationIds/);
    await expectFailure(t, { ...base, kind: 'docx', consultationIds: ids }, 'VALIDATION', /kind/);
    // PDFs need a printer; the test core has none unless a test gives it one.
    await expectFailure(
      t,
      { ...base, kind: 'clinician-pdf', consultationIds: ids },
      'INTERNAL',
      /PDF export is not available/,
    );
    expect((await t.raw('exports.create', { ...base, consultationIds: ids }, 'patient')).ok).toBe(false);
    expect(listFiles(path.join(t.dataDir, 'exports'))).toEqual([]);
    expect(exportRows(t)).toEqual([]);
  });
});

describe('exports.text', () => {
  it('answers the health-record text for the clipboard and audits it', async () => {
    const t = await exportCore();
    const [id] = await twoRecords(t);
    const { text } = await t.call('exports.text', { consultationId: id, pseudonymize: true });
    expect(text).toContain(`Patient: ${PATIENT.code}`);
    expect(text).not.toMatch(/Dubois/);
    expect(exportRows(t).at(-1)).toMatchObject({
      consultation_id: id,
      detail: 'kind=record-text target=clipboard pseudonymized=true',
    });
    expect(listFiles(path.join(t.dataDir, 'exports'))).toEqual([]);
  });
});
