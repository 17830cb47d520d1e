import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../../../helpers/test-core.js';

const open: TestCore[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
});
const core = (): TestCore => {
  const t = makeTestCore();
  open.push(t);
  return t;
};

async function refusal(t: TestCore, exportFolder: string): Promise<string> {
  const result = await t.raw('settings.update', { exportFolder, clinicName: 'Changed Clinic' });
  expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'exportFolder' } });
  // Nothing of the call was saved, not even the other setting.
  const settings = await t.call('settings.get', {});
  expect(settings.exportFolder).toBe('');
  expect(settings.clinicName).not.toBe('Changed Clinic');
  return result.ok ? '' : result.error.message;
}

describe('the export folder of the settings', () => {
  it('is refused when it does not exist, saying so', async () => {
    const t = core();
    const missing = path.join(t.dataDir, 'no-such-folder');
    expect(await refusal(t, missing)).toBe(
      `The export folder ${missing} does not exist. Create it first, or choose another folder. The settings were not changed.`,
    );
  });

  it('is refused when it is a file', async () => {
    const t = core();
    const file = path.join(t.dataDir, 'consultdeck.sqlite');
    expect(await refusal(t, file)).toMatch(/is not a folder/);
  });

  it.runIf(process.platform === 'linux')('is refused when nothing can be written there (even as root)', async () => {
    const t = core();
    expect(await refusal(t, '/proc')).toMatch(/cannot be written to by ConsultDeck/);
  });

  it('is accepted when it takes a file, leaves no probe behind, and becomes the destination', async () => {
    const t = core();
    expect((await t.call('exports.folder', {})).path).toBe(path.join(t.dataDir, 'exports'));
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-exports-'));
    await t.call('settings.update', { exportFolder: folder });
    expect(fs.readdirSync(folder)).toEqual([]);
    expect((await t.call('exports.folder', {})).path).toBe(folder);
    // Saving other settings later does not check the folder again (a drive may be unplugged meanwhile).
    fs.rmSync(folder, { recursive: true });
    await t.call('settings.update', { exportFolder: folder, clinicName: 'Later' });
    expect((await t.call('settings.get', {})).clinicName).toBe('Later');
  });

  it('the patient screen may not ask where exports go', async () => {
    const t = core();
    expect(await t.raw('exports.folder', {}, 'patient')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
