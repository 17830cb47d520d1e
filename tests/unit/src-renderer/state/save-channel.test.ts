/**
 * SaveChannel (issue 11, M1): a save refused with CONFLICT keeps both versions until the doctor
 * chooses; typing on does not make the conflict go away, is not sent, and "Saved" is never shown
 * for a write that did not land. (The old channel showed the CONFLICT as an error that the next
 * keystroke replaced with "Saving…", and that next save went through.)
 */
import { describe, expect, it } from 'vitest';
import { CallError } from '../../../../src-renderer/api/client.js';
import { SaveChannel } from '../../../../src-renderer/state/save-channel.svelte.js';

/** A "core" holding one text at a revision, refusing a save based on an older one. */
function fakeCore() {
  const core = {
    text: 'consents to L1 kyphoplasty',
    revision: 1,
    sent: [] as Array<{ body: string; base: number }>,
    base: 0,
    async save({ body }: { body: string }): Promise<string> {
      core.sent.push({ body, base: core.base });
      if (core.base !== core.revision && body !== core.text) {
        throw new CallError({
          code: 'CONFLICT',
          message: 'The notes were changed in another window.',
          field: 'baseRevision',
          current: { section: 'notes', revision: core.revision, value: { body: core.text } },
        });
      }
      core.text = body;
      core.revision += 1;
      core.base = core.revision;
      return '2026-11-28T10:00:00.000Z';
    },
  };
  return core;
}

const LONG = 60_000; // No timer fires during a test: saves are flushed explicitly.

describe('SaveChannel', () => {
  it('a CONFLICT keeps both versions, holds every later edit, and never shows "saved"', async () => {
    const core = fakeCore();
    const channel = new SaveChannel(core.save, LONG);
    channel.schedule({ body: 'declines surgery' });
    expect(await channel.flush()).toBe(false);
    expect(channel.status.kind).toBe('conflict');
    expect(channel.conflict).toEqual({
      mine: { body: 'declines surgery' },
      theirs: { body: 'consents to L1 kyphoplasty' },
      revision: 1,
    });
    // The doctor keeps typing: the conflict stays, the text is "mine", nothing is sent.
    channel.schedule({ body: 'declines surgery for now' });
    expect(await channel.flush()).toBe(false);
    expect(core.sent).toHaveLength(1);
    expect(channel.status.kind).toBe('conflict');
    expect(channel.conflict?.mine).toEqual({ body: 'declines surgery for now' });
    expect(channel.dirty).toBe(true);
    expect(core.text).toBe('consents to L1 kyphoplasty');
  });

  it('keeping mine (based on their revision) saves it; the status says saved only then', async () => {
    const core = fakeCore();
    const channel = new SaveChannel(core.save, LONG);
    channel.schedule({ body: 'declines surgery' });
    await channel.flush();
    core.base = channel.conflict?.revision ?? -1;
    expect(await channel.resolve(channel.conflict?.mine ?? null)).toBe(true);
    expect(channel.status.kind).toBe('saved');
    expect(channel.conflict).toBeNull();
    expect(core.text).toBe('declines surgery');
  });

  it('taking theirs drops this window’s edit without writing', async () => {
    const core = fakeCore();
    const channel = new SaveChannel(core.save, LONG);
    channel.schedule({ body: 'declines surgery' });
    await channel.flush();
    expect(await channel.resolve(null)).toBe(true);
    expect(channel.dirty).toBe(false);
    expect(channel.status.kind).toBe('idle');
    expect(core.sent).toHaveLength(1);
    expect(core.text).toBe('consents to L1 kyphoplasty');
  });

  it('an edit typed while the refused save was on its way is the one kept as mine', async () => {
    const core = fakeCore();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const channel = new SaveChannel(async (value: { body: string }) => {
      await gate;
      return core.save(value);
    }, LONG);
    channel.schedule({ body: 'declines' });
    const first = channel.flush();
    await expect.poll(() => channel.status.kind).toBe('saving');
    channel.schedule({ body: 'declines surgery' });
    release();
    expect(await first).toBe(false);
    expect(channel.conflict?.mine).toEqual({ body: 'declines surgery' });
    expect(core.sent).toHaveLength(1);
  });

  it('a transient error keeps the text for a retry and is not shown as saved', async () => {
    let fail = true;
    const channel = new SaveChannel(async () => {
      if (fail) throw new CallError({ code: 'DISK_FULL', message: 'The disk is full.' });
      return '2026-11-28T10:00:00.000Z';
    }, LONG);
    channel.schedule('text');
    expect(await channel.flush()).toBe(false);
    expect(channel.status).toMatchObject({ kind: 'error', code: 'DISK_FULL' });
    expect(channel.dirty).toBe(true);
    fail = false;
    expect(await channel.flush()).toBe(true);
    expect(channel.status.kind).toBe('saved');
    channel.reset();
  });
});
