/**
 * "Your progress" on the patient screen, as the console's follow-up timeline
 * offers it: whether core shows it now (from the pushed presentation state,
 * newest revision only) and the calls that show or take it away. Core derives
 * the points; this window only names the patient.
 */
import type { PresentationState } from '../../src-shared/contract/index.js';
import type { ApiClient } from '../api/client.js';

export class ProgressModel {
  readonly #client: ApiClient;
  /** The patient screen shows "your progress" now. */
  showing = $state(false);
  busy = $state(false);
  error = $state<string | null>(null);
  #seen: { epoch: string; revision: number } | null = null;

  constructor(client: ApiClient) {
    this.#client = client;
    client.on('presentation.changed', (state) => this.#apply(state));
    client.onConnect(() => void this.#snapshot());
  }

  async #snapshot(): Promise<void> {
    try {
      this.#apply(await this.#client.call('presentation.get', {}));
    } catch {
      // The next push or heartbeat brings the state.
    }
  }

  /** Revisions only move forward (a late answer never overwrites a newer push); a new epoch is taken at once. */
  #apply(state: PresentationState): void {
    const seen = this.#seen;
    if (seen && seen.epoch === state.epoch && seen.revision >= state.revision) return;
    this.#seen = { epoch: state.epoch, revision: state.revision };
    this.showing = state.progress !== null;
  }

  show(patientId: string): Promise<void> {
    return this.#act(patientId);
  }

  hide(): Promise<void> {
    return this.#act(null);
  }

  async #act(patientId: string | null): Promise<void> {
    this.busy = true;
    this.error = null;
    try {
      this.#apply(await this.#client.call('presentation.showProgress', { patientId }));
    } catch (error) {
      this.error = error instanceof Error ? error.message : 'The patient screen could not be changed.';
    } finally {
      this.busy = false;
    }
  }
}

const models = new WeakMap<ApiClient, ProgressModel>();

/** The window's one model (the follow-up panel comes and goes with the record shown). */
export function progressModelFor(client: ApiClient): ProgressModel {
  let model = models.get(client);
  if (!model) {
    model = new ProgressModel(client);
    models.set(client, model);
  }
  return model;
}
