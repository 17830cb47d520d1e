import { appendAudit } from '../audit.js';
import { checkExportFolder } from '../export/write-files.js';
import { actorName, readSettings, writeSettings } from '../records/settings.js';
import type { AreaHandlers } from '../handler.js';

export const settingsApi: AreaHandlers<'settings'> = {
  'settings.get': (_input, { services }) => readSettings(services.db),

  'settings.update': (patch, { services }) => {
    const { db } = services;
    // Before anything is written: a refused folder leaves every setting as it was.
    // Only a changed folder is checked, so a drive unplugged since does not block other settings.
    if (patch.exportFolder && patch.exportFolder !== readSettings(db).exportFolder) {
      checkExportFolder(patch.exportFolder);
    }
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
