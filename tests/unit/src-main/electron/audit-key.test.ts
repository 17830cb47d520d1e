/** The desktop audit key, with Electron's safeStorage stood in for (issue 11, M5). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ENCRYPTED_KEY_FILE, loadAuditKey } from '../../../../src-main/electron/audit-key.js';
import { AUDIT_KEY_FILE } from '../../../../src-main/core/audit-key.js';

let dir = '';
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** A keychain that "encrypts" by reversing and tagging: the file must never hold the key as written. */
function keychain(available = true) {
  return {
    isEncryptionAvailable: vi.fn(() => available),
    encryptString: vi.fn((text: string) => Buffer.from(`enc:${[...text].reverse().join('')}`)),
    decryptString: vi.fn((data: Buffer) => [...data.toString().replace(/^enc:/, '')].reverse().join('')),
    getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret' as const),
  };
}

describe('desktop audit key', () => {
  it('is created once, stored only encrypted (0600), and read back the same', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-key-'));
    const safeStorage = keychain();
    const key = loadAuditKey({ safeStorage, dataDir: dir });
    expect(key).toHaveLength(32);
    const file = path.join(dir, ENCRYPTED_KEY_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).not.toContain(key.toString('hex'));
    expect(fs.existsSync(path.join(dir, AUDIT_KEY_FILE))).toBe(false);
    expect(loadAuditKey({ safeStorage, dataDir: dir }).equals(key)).toBe(true);
    expect(safeStorage.decryptString).toHaveBeenCalledTimes(1);
  });

  it('without OS encryption falls back to the private key file, with a warning', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-key-'));
    const warn = vi.fn();
    const key = loadAuditKey({ safeStorage: keychain(false), dataDir: dir }, warn);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/no key storage/));
    expect(fs.readFileSync(path.join(dir, AUDIT_KEY_FILE), 'utf8').trim()).toBe(key.toString('hex'));
    expect(fs.existsSync(path.join(dir, ENCRYPTED_KEY_FILE))).toBe(false);
  });
});
