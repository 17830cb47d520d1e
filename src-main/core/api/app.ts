import type { AreaHandlers } from '../handler.js';

export const appApi: AreaHandlers<'app'> = {
  'app.info': (_input, { services }) => ({
    version: services.appInfo.version,
    mode: services.appInfo.mode,
    clinicName: readClinicName(services.db),
  }),
};

function readClinicName(db: import('../db/open.js').Db): string {
  const row = db.prepare("SELECT value FROM settings WHERE key = 'clinicName'").get() as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as string) : 'ConsultDeck';
}
