import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeCores, exportCore, fixtureRecord } from './export-fixture.js';

afterEach(closeCores);

async function exported() {
  const t = await exportCore();
  const { id } = await fixtureRecord(t);
  const { files } = await t.call('exports.create', { consultationIds: [id], kind: 'record-text', pseudonymize: true });
  const shown: string[] = [];
  return { t, file: files[0]?.path ?? '', shown };
}

describe('exports.showInFolder', () => {
  it('shows an exported file in the file manager (desktop app)', async () => {
    const { t, file, shown } = await exported();
    t.core.services.fileManager = { showInFolder: (f) => shown.push(f) };
    expect(await t.call('exports.showInFolder', { path: file })).toEqual({ shown: true });
    expect(shown).toEqual([file]);
  });

  it('shows nothing outside the export folder, however the path is written', async () => {
    const { t, shown } = await exported();
    t.core.services.fileManager = { showInFolder: (f) => shown.push(f) };
    const database = path.join(t.dataDir, 'consultdeck.sqlite');
    for (const outside of [
      database,
      path.join(t.dataDir, 'exports', '..', 'consultdeck.sqlite'),
      path.join(t.dataDir, 'exports'),
      path.join(t.dataDir, 'exports', 'missing.md'),
    ]) {
      expect(await t.raw('exports.showInFolder', { path: outside })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND', field: 'path' },
      });
    }
    expect(shown).toEqual([]);
  });

  it('says it is for the desktop app in browser mode', async () => {
    const { t, file } = await exported();
    expect(await t.raw('exports.showInFolder', { path: file })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringMatching(/desktop app/) },
    });
  });
});

describe('exports to a folder chosen for the run (desktop folder dialog)', () => {
  it('writes into the chosen folder after checking it; a missing one is refused with nothing written', async () => {
    const t = await exportCore();
    const { id } = await fixtureRecord(t);
    const chosen = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-chosen-'));
    const { files } = await t.call('exports.create', {
      consultationIds: [id],
      kind: 'fhir-json',
      pseudonymize: false,
      folder: chosen,
    });
    expect(path.dirname(files[0]?.path ?? '')).toBe(chosen);
    const missing = path.join(chosen, 'gone');
    expect(
      await t.raw('exports.create', { consultationIds: [id], kind: 'fhir-json', pseudonymize: false, folder: missing }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        field: 'folder',
        message: expect.stringMatching(/does not exist.*Nothing was exported/),
      },
    });
    expect(fs.readdirSync(chosen)).toHaveLength(1);
  });

  it('asks the desktop folder dialog, starting from the export folder; browser mode has none', async () => {
    const t = await exportCore();
    expect(await t.raw('exports.chooseFolder', { kind: 'clinician-pdf' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const asked: Array<[string, string]> = [];
    t.core.services.folderPicker = {
      choose: async (kind, fallback) => {
        asked.push([kind, fallback]);
        return '/srv/letters';
      },
    };
    expect(await t.call('exports.chooseFolder', { kind: 'clinician-pdf' })).toEqual({ folder: '/srv/letters' });
    expect(asked).toEqual([['clinician-pdf', path.join(t.dataDir, 'exports')]]);
  });
});
