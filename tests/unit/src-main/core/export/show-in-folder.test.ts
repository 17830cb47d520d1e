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
