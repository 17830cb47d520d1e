/** Sessions of a host on a fixed port survive its restart (the open windows keep working); they stay private. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sessionTokens } from '../../../../src-main/host/tokens.js';

describe('sessionTokens', () => {
  it('gives a host restarted on the same port the same sessions, kept in a 0600 file', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-sessions-'));
    const first = sessionTokens(dataDir, 43117);
    expect(sessionTokens(dataDir, 43117)).toEqual(first);
    const file = path.join(dataDir, 'browser-sessions-43117.json');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    // Another port is another host: its own sessions.
    expect(sessionTokens(dataDir, 43118).doctor).not.toBe(first.doctor);
  });

  it('keeps nothing for an automatic port, and replaces an unreadable file with new sessions', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-sessions-'));
    expect(sessionTokens(dataDir, 0).doctor).not.toBe(sessionTokens(dataDir, 0).doctor);
    expect(fs.readdirSync(dataDir)).toEqual([]);
    fs.writeFileSync(path.join(dataDir, 'browser-sessions-43119.json'), '{"doctor":"short"}');
    const fresh = sessionTokens(dataDir, 43119);
    expect(fresh.doctor.length).toBeGreaterThanOrEqual(40);
    expect(sessionTokens(dataDir, 43119)).toEqual(fresh);
  });
});
