import { readSettings } from '../records/settings.js';
import type { AreaHandlers } from '../handler.js';

export const appApi: AreaHandlers<'app'> = {
  'app.info': (_input, { services }) => ({
    version: services.appInfo.version,
    mode: services.appInfo.mode,
    // Read like every other setting (one reader); a clinic without a name is shown the app's.
    clinicName: readSettings(services.db).clinicName || 'ConsultDeck',
  }),
};
