/**
 * The desktop app's audit key (issue 11, M5): 32 random bytes kept in `audit.key.enc`, encrypted
 * with the OS keychain through `safeStorage` (Keychain, DPAPI, libsecret/kwallet), so a copy of the
 * data folder alone does not carry a usable key. Where the OS offers no encryption (a Linux session
 * without a secret store: safeStorage then only obfuscates), the 0600 key file of browser mode is
 * used instead and a warning is logged; that is the weaker setup documented in ARCHITECTURE.md.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { SafeStorage } from 'electron';
import { loadOrCreateAuditKey } from '../core/audit-key.js';
import { PRIVATE_FILE_MODE } from '../core/db/private-files.js';

export const ENCRYPTED_KEY_FILE = 'audit.key.enc';

export function loadAuditKey(
  deps: {
    safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> &
      Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>;
    dataDir: string;
  },
  warn: (line: string) => void = (line) => console.warn(`[consultdeck] ${line}`),
): Buffer {
  const { safeStorage, dataDir } = deps;
  const file = path.join(dataDir, ENCRYPTED_KEY_FILE);
  // 'basic_text' on Linux is a hard-coded password, not the keychain: no better than the plain file.
  const weakBackend = process.platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text';
  if (!safeStorage.isEncryptionAvailable() || weakBackend) {
    warn('The OS offers no key storage: the audit key is kept in a private (0600) file in the data folder instead.');
    return loadOrCreateAuditKey(dataDir);
  }
  if (fs.existsSync(file)) {
    const key = Buffer.from(safeStorage.decryptString(fs.readFileSync(file)), 'hex');
    if (key.length !== 32) throw new Error(`${file} does not hold the audit key.`);
    return key;
  }
  const key = randomBytes(32);
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  fs.writeFileSync(temp, safeStorage.encryptString(key.toString('hex')), { mode: PRIVATE_FILE_MODE, flag: 'wx' });
  fs.renameSync(temp, file);
  return key;
}
