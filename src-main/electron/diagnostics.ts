/**
 * The diagnostic bundle support can be sent by hand (Help → Save Diagnostic
 * Bundle…): versions, operating system, decks, the database's schema version
 * and row counts, crash dump names, and the main process's recent warnings
 * and errors. No patient data: no names, no notes, no record content; only counts.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface DiagnosticInput {
  createdAt: string;
  app: { version: string; packaged: boolean };
  versions: Record<string, string | undefined>;
  os: { platform: string; release: string; arch: string };
  decks: ReadonlyArray<{ id: string; version: string | null; evidenceDate: string | null }>;
  schemaVersion: number;
  rowCounts: Record<string, number>;
  crashDumps: ReadonlyArray<{ file: string; bytes: number }>;
  log: readonly string[];
}

/** Keeps the last `limit` warnings and errors of the main process, as well as printing them. */
export function captureLog(target: Pick<Console, 'warn' | 'error'>, limit = 200): { lines(): string[] } {
  const lines: string[] = [];
  for (const level of ['warn', 'error'] as const) {
    const original = target[level].bind(target);
    target[level] = (...args: unknown[]) => {
      const text = args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : String(a))).join(' ');
      lines.push(`${new Date().toISOString()} ${level} ${text}`);
      if (lines.length > limit) lines.splice(0, lines.length - limit);
      original(...args);
    };
  }
  return { lines: () => [...lines] };
}

export function diagnosticBundle(input: DiagnosticInput): string {
  return `${JSON.stringify({ kind: 'consultdeck-diagnostics', ...input }, null, 2)}\n`;
}

/** Names and sizes of the crash dumps in the folder (and its subfolders), never their content. */
export function listCrashDumps(dir: string): Array<{ file: string; bytes: number }> {
  const found: Array<{ file: string; bytes: number }> = [];
  const walk = (folder: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.dmp'))
        found.push({ file: path.relative(dir, full), bytes: fs.statSync(full).size });
    }
  };
  walk(dir);
  return found;
}
