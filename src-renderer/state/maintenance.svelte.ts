/**
 * The record file's upkeep as the console shows it: start-up warnings (a backup skipped for lack of
 * space), the backups, and a restore waiting for the next start. Core owns all of it
 * (`maintenance.changed`); this model fetches on every connect and follows the pushes.
 */
import type { BackupInfo, MaintenanceStatus } from '../../src-shared/contract/index.js';
import type { ApiClient } from '../api/client.js';

export class MaintenanceModel {
  status = $state<MaintenanceStatus>({ warnings: [], pendingRestore: null });
  backups = $state<BackupInfo[] | null>(null);
  error = $state<string | null>(null);
  readonly #client: ApiClient;

  constructor(client: ApiClient) {
    this.#client = client;
    client.on('maintenance.changed', (status) => (this.status = status));
    client.onConnect(() => void this.refresh());
  }

  async refresh(): Promise<void> {
    try {
      this.status = await this.#client.call('maintenance.status', {});
    } catch {
      // Not reachable: the next connect fetches again.
    }
  }

  async loadBackups(): Promise<void> {
    try {
      this.backups = (await this.#client.call('maintenance.backups', {})).backups;
      this.error = null;
    } catch (e) {
      this.error = (e as Error).message;
    }
  }

  /** True when the restore is set for the next start (only then does the console say so). */
  async restore(name: string): Promise<boolean> {
    try {
      this.status = await this.#client.call('maintenance.restore', { name });
      this.error = null;
      return true;
    } catch (e) {
      this.error = (e as Error).message;
      return false;
    }
  }
}
