import { describe, expect, it } from 'vitest';
import { auditRows, expectRejected, recordsCore } from './record-fixtures.js';

describe('settings', () => {
  it('answers defaults before anything is set', async () => {
    const t = await recordsCore({ physician: null });
    expect(await t.call('settings.get', {})).toEqual({
      physicianName: '',
      clinicName: '',
      clinicContact: '',
      idleLockMinutes: 5,
      paperSize: 'A4',
      exportFolder: '',
      consoleLanguage: 'en',
    });
    expect((await t.call('app.info', {})).clinicName).toBe('ConsultDeck');
  });

  it('changes only the given keys, stores JSON values that app.info reads, audits key names only', async () => {
    const t = await recordsCore({ physician: null });
    const settings = await t.call('settings.update', {
      clinicName: '  Spine Clinic Lausanne ',
      clinicContact: 'Rue du Bugnon 46\n1011 Lausanne',
      idleLockMinutes: 12,
    });
    expect(settings).toEqual({
      physicianName: '',
      clinicName: 'Spine Clinic Lausanne',
      clinicContact: 'Rue du Bugnon 46\n1011 Lausanne',
      idleLockMinutes: 12,
      paperSize: 'A4',
      exportFolder: '',
      consoleLanguage: 'en',
    });
    const row = t.core.services.db.prepare("SELECT value FROM settings WHERE key = 'clinicName'").get() as {
      value: string;
    };
    expect(row.value).toBe('"Spine Clinic Lausanne"');
    expect((await t.call('app.info', {})).clinicName).toBe('Spine Clinic Lausanne');
    expect(auditRows(t).at(-1)).toMatchObject({
      action: 'settings.update',
      actor: 'doctor',
      detail: 'keys=clinicName,clinicContact,idleLockMinutes',
    });
    expect(JSON.stringify(auditRows(t))).not.toContain('Lausanne');

    const count = auditRows(t).length;
    await t.call('settings.update', { paperSize: 'A4', idleLockMinutes: 12 });
    expect(auditRows(t)).toHaveLength(count);
    await t.call('settings.update', { physicianName: 'Dr. Lea Roth', paperSize: 'Letter' });
    expect(await t.call('settings.get', {})).toMatchObject({
      physicianName: 'Dr. Lea Roth',
      paperSize: 'Letter',
      idleLockMinutes: 12,
    });
    expect(auditRows(t).at(-1)).toMatchObject({ actor: 'Dr. Lea Roth', detail: 'keys=physicianName,paperSize' });
  });

  it.each([
    [{ idleLockMinutes: 0 }, 'idleLockMinutes'],
    [{ idleLockMinutes: 31 }, 'idleLockMinutes'],
    [{ idleLockMinutes: 2.5 }, 'idleLockMinutes'],
    [{ paperSize: 'A3' }, 'paperSize'],
    [{ physicianName: 'x'.repeat(201) }, 'physicianName'],
    [{ clinicName: 'line\nbreak' }, 'clinicName'],
    [{ clinicContact: 'x'.repeat(2001) }, 'clinicContact'],
    [{ exportFolder: 'relative/folder' }, 'exportFolder'],
    [{ theme: 'dark' }, 'theme'],
  ])('rejects %j naming %s, writing nothing', async (input, field) => {
    const t = await recordsCore();
    await expectRejected(t, 'settings.update', input, 'VALIDATION', field);
  });

  it('falls back to the default for a value it cannot read', async () => {
    const t = await recordsCore();
    t.core.services.db
      .prepare("INSERT INTO settings (key, value) VALUES ('idleLockMinutes', '99'), ('paperSize', 'not json')")
      .run();
    expect(await t.call('settings.get', {})).toMatchObject({
      idleLockMinutes: 5,
      paperSize: 'A4',
      physicianName: 'Dr. Anna Weber',
    });
  });
});
