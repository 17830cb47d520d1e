/**
 * The console's follow-up model on a real core: a visit saved in one doctor
 * window appears in another by push; a refused save says which field and
 * shows no "Saved"; after the panel closes the model stops reading.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { FollowUpValues } from '../../../../src-shared/contract/index.js';
import { ApiClient } from '../../../../src-renderer/api/client.js';
import { coreTransport } from '../../helpers/core-transport.js';
import { quietVisit } from '../../helpers/follow-up-values.js';
import { FollowUpsModel } from '../../../../src-renderer/state/follow-ups.svelte.js';
import { makeTestCore, type TestCore } from '../../helpers/test-core.js';
import { emptyFindings } from '../../src-main/core/api/record-fixtures.js';
import { signWarningIds } from '../../../../src-shared/contract/index.js';
import { base } from '../../helpers/revisions.js';

const cores: TestCore[] = [];
afterEach(() => {
  for (const t of cores.splice(0)) t.close();
});

/** A window's transport straight onto core's dispatch and pushes, counting its calls. */
function windowOn(t: TestCore, windowId: string) {
  const counted = { calls: 0 };
  const transport = coreTransport(t, windowId, () => (counted.calls += 1));
  return { model: new FollowUpsModel(new ApiClient(transport)), counted };
}

const values = (overrides: Partial<FollowUpValues> = {}): FollowUpValues => quietVisit('2026-11-23', overrides);

async function signedRecord() {
  const t = makeTestCore();
  cores.push(t);
  await t.call('settings.update', { physicianName: 'Dr. Anna Weber' });
  const patient = await t.call('patients.create', {
    displayName: 'Anna Müller',
    birthDate: '1948-03-02',
    sex: 'female',
  });
  const draft = await t.call('consultations.start', { patientId: patient.id });
  await t.call('consultations.updateFindings', {
    id: draft.id,
    findings: { ...emptyFindings, painNow: 7 },
    baseRevision: await base(t, draft.id, 'findings'),
  });
  await t.call('consultations.finalize', { id: draft.id, acknowledged: [...signWarningIds] });
  return { t, consultationId: draft.id, patientId: patient.id };
}

describe('FollowUpsModel', () => {
  it('shows a visit saved in another window, with its point on the chart', async () => {
    const { t, consultationId, patientId } = await signedRecord();
    const a = windowOn(t, 'console-a').model;
    const b = windowOn(t, 'console-b').model;
    await Promise.all([a.show(consultationId, patientId), b.show(consultationId, patientId)]);
    expect(b.visits).toEqual([]);

    const saved = await a.save(values({ painNow: 2 }), null);
    expect(saved?.painNow).toBe(2);
    expect(a.savedAt).toBe(saved?.updatedAt);
    await expect.poll(() => b.visits.map((v) => v.id)).toEqual([saved?.id]);
    await expect
      .poll(() => b.timeline?.points.map((p) => [p.kind, p.pain]))
      .toEqual([
        ['consultation', 7],
        ['visit', 2],
      ]);
  });

  it('a refused save names the field, shows no "Saved" and writes nothing', async () => {
    const { t, consultationId, patientId } = await signedRecord();
    const { model } = windowOn(t, 'console');
    await model.show(consultationId, patientId);
    expect(await model.save(values({ visitDate: '2026-11-24' }), null)).toBeNull();
    expect(model.error).toEqual({ message: 'values.visitDate: lies in the future', field: 'values.visitDate' });
    expect(model.savedAt).toBeNull();
    expect((await t.call('followUps.list', { consultationId })).items).toEqual([]);
  });

  it('stops reading on record changes once hidden', async () => {
    const { t, consultationId, patientId } = await signedRecord();
    const { model, counted } = windowOn(t, 'console');
    await model.show(consultationId, patientId);
    model.hide();
    const before = counted.calls;
    await t.call('followUps.create', { consultationId, values: values() });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(counted.calls).toBe(before);
  });

  it('a draft saved meanwhile in another window: refused with a conflict, the other version shown, mine kept on request', async () => {
    const { t, consultationId, patientId } = await signedRecord();
    const a = windowOn(t, 'console-a').model;
    const b = windowOn(t, 'console-b').model;
    await Promise.all([a.show(consultationId, patientId), b.show(consultationId, patientId)]);
    const draft = await a.save(values({ painNow: 5 }), null);
    if (!draft) throw new Error('not saved');
    // Both forms opened on revision 0; A saves first.
    expect(await a.save(values({ painNow: 3 }), { id: draft.id, revision: 0 })).not.toBeNull();
    expect(await b.save(values({ painNow: 8 }), { id: draft.id, revision: 0 })).toBeNull();
    expect(b.conflict).toEqual({ id: draft.id, revision: 1 });
    expect(b.savedAt).toBeNull();
    // B sees A's version in its list, and A's value is what core holds.
    expect(b.visits[0]?.painNow).toBe(3);
    expect((await t.call('followUps.list', { consultationId })).items[0]?.painNow).toBe(3);
    // "Save my version over it": based on the revision now seen, it lands.
    const kept = await b.keepMine(values({ painNow: 8 }));
    expect(kept).toMatchObject({ painNow: 8, revision: 2 });
    expect(b.conflict).toBeNull();
  });
});
