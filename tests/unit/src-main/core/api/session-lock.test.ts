/**
 * Issue 11, M7: the lock is core's. Before, `session.lock` only pushed an event: every call kept
 * answering, "Unlock" asked for nothing, and a reload started unlocked. Each test here failed then.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../../../helpers/test-core.js';

const open: TestCore[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
});

function core(dataDir?: string, start?: Date): TestCore {
  const t = makeTestCore({ dataDir, start: start?.toISOString() });
  open.push(t);
  return t;
}

async function codeOf(t: TestCore, name: string, input: unknown): Promise<string> {
  const result = await t.raw(name, input);
  return result.ok ? 'ok' : result.error.code;
}

describe('the console lock', () => {
  it('refuses every doctor call but the lock screen’s while locked (LOCKED); the patient screen is neutral', async () => {
    const t = core();
    await t.call('presentation.start', {});
    const state = await t.call('session.lock', { reason: 'manual' });
    expect(state).toMatchObject({ locked: true, reason: 'manual', pinSet: false, idleMinutes: 5 });
    expect(await codeOf(t, 'consultations.history', {})).toBe('LOCKED');
    expect(await codeOf(t, 'patients.search', { query: '' })).toBe('LOCKED');
    expect(await codeOf(t, 'settings.get', {})).toBe('LOCKED');
    expect(await codeOf(t, 'presentation.next', {})).toBe('LOCKED');
    expect(await codeOf(t, 'session.setPin', { pin: '123456' })).toBe('LOCKED');
    // The lock screen's calls, and what the patient screen itself may read.
    expect(await codeOf(t, 'session.state', {})).toBe('ok');
    expect(await codeOf(t, 'app.info', {})).toBe('ok');
    expect((await t.call('presentation.get', {}, 'patient')).startedAt).toBeNull();
    expect(t.pushes).toContainEqual({ event: 'session.changed', payload: expect.objectContaining({ locked: true }) });
    await t.call('session.unlock', {});
    expect(await codeOf(t, 'consultations.history', {})).toBe('ok');
  });

  it('stays locked across a restart of core', async () => {
    const first = core();
    await first.call('session.lock', { reason: 'idle' });
    first.close();
    const again = core(first.dataDir);
    expect(await again.call('session.state', {})).toMatchObject({ locked: true });
    expect(await codeOf(again, 'consultations.history', {})).toBe('LOCKED');
  });

  it('asks for the PIN, rate-limits wrong tries with a growing delay (kept across restarts), and unlocks with the right one', async () => {
    const t = core();
    expect(await t.call('session.setPin', { pin: '4711 orchid' })).toMatchObject({ pinSet: true, locked: false });
    await t.call('session.lock', { reason: 'manual' });
    expect(await codeOf(t, 'session.unlock', {})).toBe('UNAUTHORIZED');
    expect(await codeOf(t, 'session.unlock', { pin: 'wrong' })).toBe('UNAUTHORIZED');
    // Third wrong try: from now on each try waits, 2 s then doubling.
    expect(await t.raw('session.unlock', { pin: 'wrong again' })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED', message: 'Wrong PIN. Try again in 2 s.' },
    });
    // Too soon: not even the right PIN is heard.
    expect(await t.raw('session.unlock', { pin: '4711 orchid' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^Too many wrong tries/) },
    });
    expect((await t.call('session.state', {})).retryAfterMs).toBe(2_000);
    t.advance(2_000);
    expect(await t.raw('session.unlock', { pin: 'still wrong' })).toMatchObject({
      error: { message: 'Wrong PIN. Try again in 4 s.' },
    });
    // A restart does not reset the count.
    t.close();
    const again = core(t.dataDir, t.now());
    expect((await again.call('session.state', {})).retryAfterMs).toBe(4_000);
    expect(await codeOf(again, 'session.unlock', { pin: '4711 orchid' })).toBe('UNAUTHORIZED');
    again.advance(4_000);
    expect(await again.call('session.unlock', { pin: '4711 orchid' })).toMatchObject({
      locked: false,
      retryAfterMs: 0,
    });
    // The count starts again after a right PIN.
    await again.call('session.lock', { reason: 'manual' });
    expect(await again.raw('session.unlock', { pin: 'typo' })).toMatchObject({ error: { message: 'Wrong PIN.' } });
  });

  it('keeps only a salted scrypt hash of the PIN, and changing or removing it needs the current one', async () => {
    const t = core();
    await t.call('session.setPin', { pin: '123456' });
    const row = t.core.services.db.prepare('SELECT pin_hash, pin_salt FROM session_lock').get() as {
      pin_hash: string;
      pin_salt: string;
    };
    expect(row.pin_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.pin_salt).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(row)).not.toContain('123456');
    expect(await codeOf(t, 'session.setPin', { pin: '999999' })).toBe('UNAUTHORIZED');
    expect(await codeOf(t, 'session.setPin', { pin: null, currentPin: '000000' })).toBe('UNAUTHORIZED');
    expect(await codeOf(t, 'session.setPin', { pin: '12' })).toBe('VALIDATION');
    expect(await t.call('session.setPin', { pin: null, currentPin: '123456' })).toMatchObject({ pinSet: false });
    const audit = t.core.services.db.prepare('SELECT action, detail FROM audit_log').all();
    expect(JSON.stringify(audit)).not.toContain('123456');
    expect(audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'session.pinSet' }),
        expect.objectContaining({ action: 'session.pinRemoved' }),
      ]),
    );
  });

  it('announces a new auto-lock time to every console at once', async () => {
    const t = core();
    await t.call('settings.update', { idleLockMinutes: 12 });
    expect(t.pushes).toContainEqual({
      event: 'session.changed',
      payload: expect.objectContaining({ locked: false, idleMinutes: 12 }),
    });
  });
});
