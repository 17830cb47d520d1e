/**
 * `npm run serve -- --port P --data-dir D`: browser mode. Prints exactly the
 * two window URLs, each with a one-time launch code (a line on stdin prints
 * fresh ones: `doctor`, `patient`, or an empty line for both), serves until
 * Ctrl-C/SIGTERM, then closes the store cleanly. One host per data folder.
 */
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { createCore } from '../core/create-core.js';
import { DatabaseOpenError } from '../core/db/open.js';
import { restoreBackup } from '../core/db/backup.js';
import { createChromiumPdfRenderer } from './chromium-pdf.js';
import { defaultDataDir, findAppRoot, readVersion } from './paths.js';
import { startHost } from './server.js';
import { sessionTokens } from './tokens.js';
import { acquireInstanceLock, InstanceLockedError } from '../core/instance-lock.js';
import { installProcessGuard } from './process-guard.js';
import { warmPlaylistDecks } from './warm-up.js';
import type { Role } from '../../src-shared/contract/index.js';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      'data-dir': { type: 'string' },
      // Start on an automatic backup instead of the current database ("latest" or a file).
      'from-backup': { type: 'string' },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0–65535, not ${values.port}`);
  const appRoot = findAppRoot();
  const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());
  // Before anything touches the folder, the restore included: a second host must not split the record.
  const lock = acquireInstanceLock(dataDir);
  process.on('exit', () => lock.release());
  if (values['from-backup']) {
    const used = restoreBackup(
      path.join(dataDir, 'consultdeck.sqlite'),
      path.join(dataDir, 'backups'),
      values['from-backup'],
      new Date(),
    );
    process.stderr.write(`Started from the backup ${used}; the previous database file was kept beside it.\n`);
  }
  // Chromium starts on the first PDF export, not here.
  const pdfRenderer = createChromiumPdfRenderer();
  const core = createCore({ dataDir, appRoot, mode: 'browser', version: readVersion(appRoot), pdfRenderer });
  // Windows that missed a push catch up within a second (see core/changes.ts).
  core.startHeartbeat();
  const host = await startHost({
    core,
    tokens: sessionTokens(dataDir, port),
    rendererDir: path.join(appRoot, 'out', 'renderer'),
    port,
  });
  lock.setPort(host.port);
  // From here on, one bad request or stray stream error is logged and the host keeps serving.
  installProcessGuard();
  const print = (roles: Role[]): void => {
    const label = { doctor: 'Doctor console', patient: 'Patient screen' } as const;
    process.stdout.write(roles.map((role) => `${label[role]}: ${host.launchUrl(role)}\n`).join(''));
  };
  print(['doctor', 'patient']);
  warmPlaylistDecks(core.services);
  process.stderr.write('Each link opens its window once, within 30 s. Press Enter here for fresh links.\n');
  const input = readline.createInterface({ input: process.stdin });
  input.on('line', (line) => {
    const asked = line.trim();
    print(asked === 'doctor' || asked === 'patient' ? [asked] : ['doctor', 'patient']);
  });
  // stdin closed (started in the background): the host keeps serving.
  input.on('close', () => undefined);
  let closing = false;
  const shutdown = (): void => {
    if (closing) return;
    closing = true;
    void host
      .close()
      .then(() => pdfRenderer.close())
      .catch(() => undefined)
      .finally(() => {
        core.close();
        process.exit(0);
      });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  const message = error instanceof DatabaseOpenError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`ConsultDeck could not start: ${message}\n`);
  process.exit(error instanceof DatabaseOpenError ? 3 : error instanceof InstanceLockedError ? 4 : 1);
});
