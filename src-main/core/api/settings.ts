import { appendAudit } from '../audit.js';
import { actorName, readSettings, writeSettings } from '../records/settings.js';
import type { AreaHandlers } from '../registry.js';

export const settingsApi: AreaHandlers<'settings'> = {
  'settings.get': (_input, { services }) => readSettings(services.db),

  'settings.update': (patch, { services }) => {
    const { db } = services;
    return db
      .transaction(() => {
        const changed = writeSettings(db, patch);
        if (changed.length > 0) {
          // Key names only. The actor is the physician after the change, so a
          // name entered for the first time signs its own entry.
          appendAudit(db, {
            at: services.clock().toISOString(),
            actor: actorName(db),
            action: 'settings.update',
            detail: `keys=${changed.join(',')}`,
          });
        }
        return readSettings(db);
      })
      .immediate();
  },
};
