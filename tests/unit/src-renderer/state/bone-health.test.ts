/**
 * The console's bone-health model against a real core (a fresh SQLite file,
 * calls through `dispatch` as the doctor): an edit shows at once and saves
 * itself; leaving "scan done" clears the T-scores; signing right after an edit
 * saves it first; a plan saved meanwhile by another window is never
 * overwritten unseen (CONFLICT, both versions kept) and the doctor's choice lands.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { coreTransport } from '../../helpers/core-transport.js';
import { ApiClient } from '../../../../src-renderer/api/client.js';
import { BoneHealthModel } from '../../../../src-renderer/state/bone-health.svelte.js';
import { ConsultationModel } from '../../../../src-renderer/state/consultation.svelte.js';
import { SettingsModel } from '../../../../src-renderer/state/settings.svelte.js';
import { NO_BONE_HEALTH_PLAN, signWarningIds } from '../../../../src-shared/contract/index.js';
import { makeTestCore, type TestCore } from '../../helpers/test-core.js';

const cores: TestCore[] = [];
afterEach(() => {
  for (const t of cores.splice(0)) t.close();
});

async function setUp() {
  const t = makeTestCore();
  cores.push(t);
  await t.call('settings.update', { physicianName: 'Dr. Anna Weber' });
  const patient = await t.call('patients.create', {
    displayName: 'Anna Müller',
    birthDate: '1948-03-02',
    sex: 'female',
  });
  const client = new ApiClient(coreTransport(t, 'console'));
  const consultation = new ConsultationModel(client, new SettingsModel(client));
  const boneHealth = new BoneHealthModel(client, consultation);
  expect(await consultation.start(patient.id)).toBe(true);
  return { t, consultation, boneHealth, id: consultation.record?.id ?? '' };
}

describe('BoneHealthModel', () => {
  it('shows an edit at once and saves it; leaving "scan done" clears the T-scores', async () => {
    const { t, boneHealth, id } = await setUp();
    expect(boneHealth.value).toEqual(NO_BONE_HEALTH_PLAN);
    boneHealth.edit({ dxa: 'done', tScoreSpine: -2.6 });
    expect(boneHealth.value?.tScoreSpine).toBe(-2.6);
    expect(await boneHealth.save.flush()).toBe(true);
    expect((await t.call('consultations.get', { id })).boneHealth).toMatchObject({ dxa: 'done', tScoreSpine: -2.6 });
    boneHealth.edit({ dxa: 'ordered' });
    expect(boneHealth.value).toMatchObject({ dxa: 'ordered', tScoreSpine: null, tScoreHip: null });
    expect(await boneHealth.save.flush()).toBe(true);
    expect((await t.call('consultations.get', { id })).boneHealth.tScoreSpine).toBeNull();
  });

  it('signing right after an edit saves it first: it is in the signed record', async () => {
    const { consultation, boneHealth } = await setUp();
    boneHealth.edit({ medicine: 'started', medicineName: 'Alendronate' });
    expect(consultation.unsaved).toBe(true);
    expect(await consultation.finalize([...signWarningIds])).toBe(true);
    expect(consultation.record?.boneHealth).toMatchObject({ medicine: 'started', medicineName: 'Alendronate' });
    boneHealth.edit({ medicine: 'declined' });
    expect(boneHealth.value?.medicine).toBe('started');
  });

  it('a plan saved meanwhile in another window opens a conflict with both; "keep mine" lands on its revision', async () => {
    const { t, boneHealth, id } = await setUp();
    boneHealth.edit({ medicine: 'started', medicineName: 'Alendronate' });
    // Another window saves first, based on what it read (revision 0).
    await t.call('boneHealth.save', {
      consultationId: id,
      plan: { ...NO_BONE_HEALTH_PLAN, medicine: 'declined' },
      baseRevision: 0,
    });
    expect(await boneHealth.save.flush()).toBe(false);
    expect(boneHealth.save.conflict).toMatchObject({
      mine: { plan: { medicine: 'started' } },
      theirs: { medicine: 'declined' },
      revision: 1,
    });
    expect((await t.call('consultations.get', { id })).boneHealth.medicine).toBe('declined');
    expect(await boneHealth.keepMine()).toBe(true);
    const saved = await t.call('consultations.get', { id });
    expect(saved.boneHealth).toMatchObject({ medicine: 'started', medicineName: 'Alendronate' });
    expect(saved.revisions.boneHealth).toBe(2);
  });

  it('"take theirs" drops this window’s edit and shows the other window’s plan', async () => {
    const { t, boneHealth, id } = await setUp();
    boneHealth.edit({ fallsAssessment: 'done' });
    await t.call('boneHealth.save', {
      consultationId: id,
      plan: { ...NO_BONE_HEALTH_PLAN, fallsAssessment: 'referred' },
      baseRevision: 0,
    });
    expect(await boneHealth.save.flush()).toBe(false);
    boneHealth.takeTheirs();
    await expect.poll(() => boneHealth.value?.fallsAssessment).toBe('referred');
    expect(boneHealth.save.conflict).toBeNull();
    expect((await t.call('consultations.get', { id })).revisions.boneHealth).toBe(1);
  });
});
