import { spawnSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { appRoot, makeTestCore } from '../../helpers/test-core.js';

const cli = path.join(appRoot, 'src-main/host/audit-check.ts');
const run = (dataDir: string) =>
  spawnSync(process.execPath, [path.join(appRoot, 'node_modules/tsx/dist/cli.mjs'), cli, '--data-dir', dataDir], {
    encoding: 'utf8',
  });

describe('audit:check', () => {
  it('reports an intact chain, then finds an edited row', async () => {
    const t = makeTestCore();
    await t.call('settings.update', { physicianName: 'Dr Check' });
    const patient = await t.call('patients.create', { code: 'AC-1', birthDate: '1950', sex: 'male' });
    await t.call('consultations.start', { patientId: patient.id });
    t.close();
    const intact = run(t.dataDir);
    expect(intact.stdout).toMatch(/chain intact, last hash [0-9a-f]{64}/);
    expect(intact.status).toBe(0);
    const db = new Database(path.join(t.dataDir, 'consultdeck.sqlite'));
    db.prepare("UPDATE audit_log SET actor = 'someone else' WHERE id = (SELECT min(id) FROM audit_log)").run();
    db.close();
    const broken = run(t.dataDir);
    expect(broken.stdout).toMatch(/chain BROKEN at row \d+/);
    expect(broken.status).toBe(1);
  });
});
