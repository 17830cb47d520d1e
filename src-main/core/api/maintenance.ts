import { appendAudit } from '../audit.js';
import { actorName } from '../records/settings.js';
import type { AreaHandlers } from '../handler.js';

export const maintenanceApi: AreaHandlers<'maintenance'> = {
  'maintenance.status': (_input, { services }) => services.maintenance.status(),
  'maintenance.backups': (_input, { services }) => ({ backups: services.maintenance.backups() }),
  'maintenance.restore': ({ name }, { services }) => {
    // NOT_FOUND for a name that is not a listed backup, CONFLICT for one that fails SQLite's check.
    const status = services.maintenance.requestRestore(name);
    // In the record being replaced: who asked for which backup, and when.
    appendAudit(services.db, {
      at: services.clock().toISOString(),
      actor: actorName(services.db),
      action: 'backup.restore-requested',
      detail: name,
    });
    return status;
  },
};
