/**
 * Two doctor consoles (two ConsultationModels, each with its own client) on one real core
 * (issue 11, M1): the story. Console A saves "consents to L1 kyphoplasty"; console B,
 * whose text was based on the older notes, saves "declines surgery". Neither text is lost:
 * B is shown both, A's text stays in core, and a push of A's write never replaces what B is typing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient } from '../../../../src-renderer/api/client.js';
import { ConsultationModel } from '../../../../src-renderer/state/consultation.svelte.js';
import { SettingsModel } from '../../../../src-renderer/state/settings.svelte.js';
import { coreTransport } from '../../helpers/core-transport.js';
import { makeTestCore, type TestCore } from '../../helpers/test-core.js';

const open: TestCore[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
});

/** A window on core: its own client, receiving core's pushes. */
function windowOn(t: TestCore, windowId: string): ApiClient {
  return new ApiClient(coreTransport(t, windowId));
}

async function twoConsoles() {
  const t = makeTestCore();
  open.push(t);
  await t.call('settings.update', { physicianName: 'Dr. Anna Weber' });
  const patient = await t.call('patients.create', { displayName: 'Anna Müller', birthDate: '1948', sex: 'female' });
  const windowA = windowOn(t, 'console-a');
  const windowB = windowOn(t, 'console-b');
  const a = new ConsultationModel(windowA, new SettingsModel(windowA));
  const b = new ConsultationModel(windowB, new SettingsModel(windowB));
  await a.start(patient.id);
  await expect.poll(() => b.record?.id).toBe(a.record?.id);
  return { t, a, b, id: a.record?.id ?? '' };
}

describe('two consoles on one consultation', () => {
  it('notes: neither "consents to L1 kyphoplasty" nor "declines surgery" is silently lost', async () => {
    const { t, a, b, id } = await twoConsoles();
    b.editNotes('declines');
    a.editNotes('consents to L1 kyphoplasty');
    expect(await a.notesSave.flush()).toBe(true);
    // A's write is pushed; B is typing, so B keeps its text.
    await expect.poll(async () => (await t.call('consultations.get', { id })).notes.revision).toBe(1);
    b.editNotes('declines surgery');
    expect(b.notes).toBe('declines surgery');
    expect(await b.notesSave.flush()).toBe(false);
    expect(b.notesSave.status.kind).toBe('conflict');
    expect(b.notesSave.conflict?.theirs).toEqual({ body: 'consents to L1 kyphoplasty' });
    expect(b.notesSave.conflict?.mine.body).toBe('declines surgery');
    expect((await t.call('consultations.get', { id })).notes.body).toBe('consents to L1 kyphoplasty');
    // Typing on does not make the conflict go away and writes nothing.
    b.editNotes('declines surgery for now');
    await b.notesSave.flush();
    expect(b.notesSave.conflict?.mine.body).toBe('declines surgery for now');
    expect((await t.call('consultations.get', { id })).notes.body).toBe('consents to L1 kyphoplasty');
    // B merges both; A follows the push.
    expect(await b.mergeNotes('consents to L1 kyphoplasty\nlater: declines surgery for now')).toBe(true);
    expect(b.notesSave.status.kind).toBe('saved');
    await expect.poll(() => a.notes).toBe('consents to L1 kyphoplasty\nlater: declines surgery for now');
  });

  it('findings: a push of the other console’s write does not replace what is being edited', async () => {
    const { t, a, b, id } = await twoConsoles();
    const base = a.findings!;
    a.editFindings({ ...base, painNow: 7 });
    b.editFindings({ ...base, painNow: 3 });
    expect(await a.findingsSave.flush()).toBe(true);
    await expect.poll(() => b.record?.revisions.findings).toBe(1);
    expect(b.findings?.painNow).toBe(3);
    expect(await b.findingsSave.flush()).toBe(false);
    expect(b.findingsSave.conflict?.theirs).toMatchObject({ painNow: 7 });
    expect((await t.call('consultations.get', { id })).findings.painNow).toBe(7);
    b.takeTheirs('findings');
    expect(b.findings?.painNow).toBe(7);
    // B edits again, now based on A's revision: it lands.
    b.editFindings({ ...b.findings!, painNow: 8 });
    expect(await b.findingsSave.flush()).toBe(true);
    await expect.poll(() => a.findings?.painNow).toBe(8);
  });

  it('decision: keep mine after seeing both', async () => {
    const { t, a, b, id } = await twoConsoles();
    a.editDecision({ ...a.decision!, path: 'augmentation' });
    b.editDecision({ ...b.decision!, path: 'conservative' });
    expect(await a.decisionSave.flush()).toBe(true);
    expect(await b.decisionSave.flush()).toBe(false);
    expect(b.decisionSave.conflict?.theirs).toMatchObject({ path: 'augmentation' });
    expect(await b.keepMine('decision')).toBe(true);
    expect((await t.call('consultations.get', { id })).decision.path).toBe('conservative');
  });

  it('risks: a confirmation based on the list before the other console’s is shown as a conflict', async () => {
    const { t, a, b, id } = await twoConsoles();
    b.risks.touch();
    expect(await a.confirmRisks(['cement-leak'], '')).toBe(true);
    await expect.poll(() => b.record?.revisions.risks).toBe(1);
    await b.confirmRisks(['death'], '');
    expect(b.risks.conflict?.mine.confirmed).toEqual(['death']);
    const stored = await t.call('consultations.get', { id });
    expect(stored.risks.items.filter((i) => i.confirmed).map((i) => i.risk)).toEqual(['cement-leak']);
    await b.resolveRisks('theirs');
    expect(b.risks.conflict).toBeNull();
  });
});
