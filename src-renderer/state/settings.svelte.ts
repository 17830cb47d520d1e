/**
 * The clinic's settings as this window knows them: the one reader of settings
 * in the doctor window. Core owns them and announces each change
 * (`settings.changed`, and their revision in every heartbeat); this model
 * takes a snapshot on every connect and never applies an older revision over
 * a newer one, so a save in another window shows here without a reload.
 */
import type { Settings } from '../../src-shared/contract/index.js';
import type { ApiClient } from '../api/client.js';

export class SettingsModel {
  /** Null until the first snapshot arrived. */
  value = $state<Settings | null>(null);
  /** Core's settings revision this window shows (-1: none yet). */
  revision = $state(-1);
  readonly #client: ApiClient;
  #epoch = '';
  #loading: Promise<Settings> | null = null;

  constructor(client: ApiClient) {
    this.#client = client;
    client.on('settings.changed', ({ revision, settings }) => this.#apply(revision, settings));
    client.on('sync.heartbeat', (beat) => {
      if (beat.epoch !== this.#epoch) {
        // Core restarted: its revisions begin again.
        this.#epoch = beat.epoch;
        this.revision = -1;
      }
      // A push this window missed: the heartbeat carries the revision; fetch once.
      if (beat.settings > this.revision) void this.load(beat.settings).catch(() => undefined);
    });
    client.onConnect(() => void this.load().catch(() => undefined));
  }

  /**
   * The settings as core has them now (one fetch at a time). `atLeast`: the
   * revision core announced before this fetch, which the answer is as new as.
   */
  load(atLeast = this.revision): Promise<Settings> {
    this.#loading ??= (async () => {
      const before = this.revision;
      try {
        const settings = await this.#client.call('settings.get', {});
        // A push that arrived while this was on its way may be newer: it stays.
        if (this.revision === before) {
          this.value = settings;
          this.revision = Math.max(this.revision, atLeast);
        }
        return this.value ?? settings;
      } finally {
        this.#loading = null;
      }
    })();
    return this.#loading;
  }

  /** Saves the settings; resolves with what core stored (its push follows to every window). */
  async save(next: Settings): Promise<Settings> {
    const saved = await this.#client.call('settings.update', next);
    this.value = saved;
    return saved;
  }

  #apply(revision: number, settings: Settings): void {
    if (revision <= this.revision) return;
    this.revision = revision;
    this.value = settings;
  }
}

const models = new WeakMap<ApiClient, SettingsModel>();

/** The window's one settings model (created by the composition root, DoctorApp). */
export function settingsModelFor(client: ApiClient): SettingsModel {
  let model = models.get(client);
  if (!model) {
    model = new SettingsModel(client);
    models.set(client, model);
  }
  return model;
}
