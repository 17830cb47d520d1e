/**
 * `npm run serve -- --port P --data-dir D`: browser mode. Prints exactly the
 * two window URLs, serves until Ctrl-C/SIGTERM, then closes the store cleanly.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../core/create-core.js';
import { DatabaseOpenError } from '../core/db/open.js';
import { restoreBackup } from '../core/db/backup.js';
import { createChromiumPdfRenderer } from './chromium-pdf.js';
import { defaultDataDir, findAppRoot, readVersion } from './paths.js';
import { startHost } from './server.js';
import { createTokens } from './tokens.js';

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
    tokens: createTokens(),
    rendererDir: path.join(appRoot, 'out', 'renderer'),
    port,
  });
  process.stdout.write(`Doctor console: ${host.urls.doctor}\nPatient screen: ${host.urls.patient}\n`);
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
  process.exit(error instanceof DatabaseOpenError ? 3 : 1);
});
