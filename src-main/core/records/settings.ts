/**
 * Settings rows: one key per setting, the value stored as JSON (app.info reads
 * 'clinicName' the same way). A missing or unreadable value falls back to its
 * default rather than stopping the app.
 */
import { settingsSchema, type Settings } from '../../../src-shared/contract/index.js';
import type { Db } from '../db/open.js';

export const DEFAULT_SETTINGS: Settings = {
  physicianName: '',
  clinicName: '',
  clinicContact: '',
  idleLockMinutes: 5,
  paperSize: 'A4',
  exportFolder: '',
  consoleLanguage: 'en',
};

const keys = Object.keys(DEFAULT_SETTINGS) as Array<keyof Settings>;

export function readSettings(db: Db): Settings {
  const rows = db
    .prepare(`SELECT key, value FROM settings WHERE key IN (${keys.map(() => '?').join(', ')})`)
    .all(...keys) as Array<{
    key: keyof Settings;
    value: string;
  }>;
  const settings: Settings = { ...DEFAULT_SETTINGS };
  for (const row of rows) {
    const field = settingsSchema.shape[row.key];
    let value: unknown;
    try {
      value = JSON.parse(row.value);
    } catch {
      continue;
    }
    const parsed = field.safeParse(value);
    if (parsed.success) Object.assign(settings, { [row.key]: parsed.data });
  }
  return settings;
}

/** Writes the given keys; returns the names of the keys whose value changed. */
export function writeSettings(db: Db, patch: Partial<Settings>): Array<keyof Settings> {
  const before = readSettings(db);
  const changed = keys.filter((key) => patch[key] !== undefined && patch[key] !== before[key]);
  const upsert = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  for (const key of changed) upsert.run(key, JSON.stringify(patch[key]));
  return changed;
}

/** Who the audit log names: the physician of the settings, or "doctor" before one is entered. */
export function actorName(db: Db): string {
  return readSettings(db).physicianName || 'doctor';
}
