/**
 * The console's "what matters" model against a real core (a fresh SQLite
 * file, calls through `dispatch` as the doctor): an answer shows at once and
 * saves itself; signing right after an answer saves it first (the section is
 * attached to the record's saving), so it is in the signed record; an answer
 * given in another window shows here after core announces the change.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { coreTransport } from '../../helpers/core-transport.js';
import { ApiClient } from '../../../../src-renderer/api/client.js';
import { ConsultationModel } from '../../../../src-renderer/state/consultation.svelte.js';
import { SettingsModel } from '../../../../src-renderer/state/settings.svelte.js';
import { signWarningIds } from '../../../../src-shared/contract/index.js';
import { WhatMattersModel } from '../../../../src-renderer/state/what-matters.svelte.js';
import { NOTHING_ASKED } from '../../../../src-shared/contract/index.js';
import { makeTestCore, type TestCore } from '../../helpers/test-core.js';

const cores: TestCore[] = [];
afterEach(() => {
  for (const t of cores.splice(0)) t.close();
});

/** A doctor window's transport straight onto core, as the IPC bridge would be. */
function windowOn(t: TestCore): { consultation: ConsultationModel; whatMatters: WhatMattersModel } {
  const client = new ApiClient(coreTransport(t, 'console'));
  const consultation = new ConsultationModel(client, new SettingsModel(client));
  return { consultation, whatMatters: new WhatMattersModel(client, consultation) };
}

async function setUp() {
  const t = makeTestCore();
  cores.push(t);
  await t.call('settings.update', { physicianName: 'Dr. Anna Weber' });
  const patient = await t.call('patients.create', {
    displayName: 'Anna Müller',
    birthDate: '1948-03-02',
    sex: 'female',
  });
  const window = windowOn(t);
  expect(await window.consultation.start(patient.id)).toBe(true);
  return { t, ...window, id: window.consultation.record?.id ?? '' };
}

describe('WhatMattersModel', () => {
  it('shows an answer at once, and saves it', async () => {
    const { t, whatMatters, id } = await setUp();
    expect(whatMatters.value).toEqual(NOTHING_ASKED);
    whatMatters.answer('fast-relief', 'a-lot');
    expect(whatMatters.value?.['fast-relief']).toBe('a-lot');
    expect(whatMatters.save.dirty).toBe(true);
    expect(await whatMatters.save.flush()).toBe(true);
    expect(whatMatters.save.status.kind).toBe('saved');
    expect((await t.call('consultations.get', { id })).whatMatters['fast-relief']).toBe('a-lot');
  });

  it('signing right after an answer saves the answer first: it is in the signed record', async () => {
    const { consultation, whatMatters } = await setUp();
    whatMatters.answer('home-soon', 'a-little');
    expect(consultation.unsaved).toBe(true);
    expect(await consultation.finalize([...signWarningIds])).toBe(true);
    expect(consultation.record?.status).toBe('finalized');
    expect(consultation.record?.whatMatters['home-soon']).toBe('a-little');
    // Signed: the section no longer takes answers.
    whatMatters.answer('home-soon', 'not');
    expect(whatMatters.value?.['home-soon']).toBe('a-little');
    expect(whatMatters.save.dirty).toBe(false);
  });

  it('follows an answer given in another window', async () => {
    const { t, whatMatters, id } = await setUp();
    await t.call('consultations.updateWhatMatters', {
      id,
      whatMatters: { ...NOTHING_ASKED, 'avoid-cement-risk': 'a-lot' },
      baseRevision: 0,
    });
    await expect.poll(() => whatMatters.value?.['avoid-cement-risk']).toBe('a-lot');
  });
  it('answers saved meanwhile in another window open a conflict with both; "keep mine" lands on its revision', async () => {
    const { t, whatMatters, id } = await setUp();
    whatMatters.answer('fast-relief', 'a-lot');
    // Another window saves first, based on what it read (revision 0).
    await t.call('consultations.updateWhatMatters', {
      id,
      whatMatters: { ...NOTHING_ASKED, 'avoid-procedure': 'a-lot' },
      baseRevision: 0,
    });
    expect(await whatMatters.save.flush()).toBe(false);
    expect(whatMatters.save.conflict).toMatchObject({
      mine: { whatMatters: { 'fast-relief': 'a-lot', 'avoid-procedure': 'not-asked' } },
      theirs: { 'avoid-procedure': 'a-lot', 'fast-relief': 'not-asked' },
      revision: 1,
    });
    // Nothing was overwritten, and this window still shows its own answers.
    expect((await t.call('consultations.get', { id })).whatMatters['avoid-procedure']).toBe('a-lot');
    expect(whatMatters.value?.['fast-relief']).toBe('a-lot');
    expect(await whatMatters.keepMine()).toBe(true);
    const saved = await t.call('consultations.get', { id });
    expect(saved.whatMatters).toMatchObject({ 'fast-relief': 'a-lot', 'avoid-procedure': 'not-asked' });
    expect(saved.revisions.whatMatters).toBe(2);
  });

  it('"take theirs" drops this window’s answers and shows the other window’s', async () => {
    const { t, whatMatters, id } = await setUp();
    whatMatters.answer('home-soon', 'not');
    await t.call('consultations.updateWhatMatters', {
      id,
      whatMatters: { ...NOTHING_ASKED, 'home-soon': 'a-lot' },
      baseRevision: 0,
    });
    expect(await whatMatters.save.flush()).toBe(false);
    whatMatters.takeTheirs();
    await expect.poll(() => whatMatters.value?.['home-soon']).toBe('a-lot');
    expect(whatMatters.save.conflict).toBeNull();
    expect((await t.call('consultations.get', { id })).revisions.whatMatters).toBe(1);
  });
});
