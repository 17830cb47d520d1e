/**
 * H1: patient data private at rest. A real core on a real SQLite file, opened
 * under a permissive umask; then another OS user tries to read everything.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeTestCore, type TestCore } from '../../../helpers/test-core.js';
import { makeFolderPrivate } from '../../../../../src-main/core/db/private-files.js';

function everything(dir: string): string[] {
  const out = [dir];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...everything(full));
    else out.push(full);
  }
  return out;
}

const mode = (file: string): number => fs.statSync(file).mode & 0o777;

const canSwitchUser =
  process.getuid?.() === 0 && spawnSync('setpriv', ['--version'], { encoding: 'utf8' }).status === 0;

let opened: TestCore | undefined;
let oldUmask: number | undefined;
afterEach(() => {
  opened?.close();
  opened = undefined;
  if (oldUmask !== undefined) process.umask(oldUmask);
  oldUmask = undefined;
  vi.restoreAllMocks();
});

describe('data folder privacy', () => {
  it('creates the folder 0700 and every file 0600 even under a 000 umask', async () => {
    oldUmask = process.umask(0);
    const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-priv-')), 'data');
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    opened = makeTestCore({ dataDir });
    // The daily backup is taken after start, in steps (see db/backup-steps.ts).
    await opened.core.dailyBackup;
    const all = everything(dataDir);
    // The database, its WAL and the daily backup are all there to be checked.
    expect(all.some((f) => f.endsWith('consultdeck.sqlite'))).toBe(true);
    expect(all.some((f) => f.endsWith('consultdeck.sqlite-wal'))).toBe(true);
    expect(all.some((f) => f.includes(`${path.sep}backups${path.sep}`) && f.endsWith('.sqlite'))).toBe(true);
    for (const file of all) {
      expect({ file, mode: mode(file).toString(8) }).toEqual({
        file,
        mode: fs.statSync(file).isDirectory() ? '700' : '600',
      });
    }
  });

  it('tightens looser files left by a hand copy at the next open, and logs it', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-priv-'));
    fs.chmodSync(dataDir, 0o755);
    fs.mkdirSync(path.join(dataDir, 'backups'), { mode: 0o755 });
    fs.chmodSync(path.join(dataDir, 'backups'), 0o755);
    const copied = path.join(dataDir, 'backups', 'hand-copy.sqlite');
    fs.writeFileSync(copied, 'patient data');
    fs.chmodSync(copied, 0o644);
    const lines: string[] = [];
    const tightened = makeFolderPrivate(dataDir, (line) => lines.push(line));
    expect(tightened.sort()).toEqual([dataDir, path.join(dataDir, 'backups'), copied].sort());
    expect(lines.join('\n')).toContain(`tightened permissions of ${copied} from 0644 to 0600`);
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(copied)).toBe(0o600);
    // Already private: nothing more to say.
    expect(makeFolderPrivate(dataDir, (line) => lines.push(line))).toEqual([]);
  });

  it.skipIf(!canSwitchUser)('another OS user can read nothing in the data folder', () => {
    oldUmask = process.umask(0o022);
    // /tmp itself is world-traversable, so only our own modes protect the data.
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-priv-'));
    fs.chmodSync(parent, 0o755);
    const dataDir = path.join(parent, 'data');
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    opened = makeTestCore({ dataDir });
    const files = everything(dataDir);
    expect(files.length).toBeGreaterThan(3);
    const attempt = spawnSync(
      'setpriv',
      [
        '--reuid=nobody',
        '--regid=nogroup',
        '--clear-groups',
        'sh',
        '-c',
        'for f in "$@"; do if [ -d "$f" ]; then ls "$f" >/dev/null 2>&1 && echo "LISTED $f"; else cat "$f" >/dev/null 2>&1 && echo "READ $f"; fi; done; echo done',
        'sh',
        ...files,
      ],
      { encoding: 'utf8' },
    );
    expect(attempt.stdout.trim()).toBe('done');
  });
});
