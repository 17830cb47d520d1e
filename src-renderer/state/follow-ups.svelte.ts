/**
 * Follow-up visits of the shown (finalized) consultation and its patient's
 * timeline. A visit is saved when the physician presses Save (no autosave: a
 * visit is short and entered in one go), and "Saved" is shown only when core
 * answered. Core announces every visit write as `consultations.changed`, so a
 * visit saved in another window appears here too.
 */
import type { FollowUp, FollowUpValues, Timeline } from '../../src-shared/contract/index.js';
import type { ApiClient } from '../api/client.js';
import { CallError } from '../api/client.js';

export class FollowUpsModel {
  readonly #client: ApiClient;
  /** The index consultation and its patient shown now; null: none. */
  #shown = $state.raw<{ consultationId: string; patientId: string } | null>(null);
  visits = $state.raw<FollowUp[]>([]);
  timeline = $state.raw<Timeline | null>(null);
  busy = $state(false);
  error = $state<{ message: string; field: string | undefined } | null>(null);
  /** When the last save landed (ISO), for "Saved"; null after an error or before any save. */
  savedAt = $state<string | null>(null);

  constructor(client: ApiClient) {
    this.#client = client;
    // A write from any window (this one included) may change the list or the chart.
    client.on('consultations.changed', () => void this.refresh());
    client.onConnect(() => void this.refresh());
  }

  /** Shows the visits of this finalized consultation and its patient's timeline. */
  async show(consultationId: string, patientId: string): Promise<void> {
    if (this.#shown?.consultationId === consultationId) return;
    this.#shown = { consultationId, patientId };
    this.visits = [];
    this.timeline = null;
    this.error = null;
    this.savedAt = null;
    await this.refresh();
  }

  /** Nothing shown any more (the panel closed): record changes stop costing two reads each. */
  hide(): void {
    this.#shown = null;
  }

  async refresh(): Promise<void> {
    const shown = this.#shown;
    if (!shown) return;
    try {
      const [list, timeline] = await Promise.all([
        this.#client.call('followUps.list', { consultationId: shown.consultationId }),
        this.#client.call('followUps.timeline', { patientId: shown.patientId }),
      ]);
      // A late answer for a consultation no longer shown is dropped.
      if (this.#shown !== shown) return;
      this.visits = list.items;
      this.timeline = timeline;
    } catch (error) {
      if (this.#shown === shown) this.error = { message: messageOf(error), field: undefined };
    }
  }

  /** Creates a visit (no id) or updates a draft; true when it landed. */
  save(values: FollowUpValues, id: string | null): Promise<FollowUp | null> {
    const shown = this.#shown;
    if (!shown) return Promise.resolve(null);
    return this.#act(() =>
      id === null
        ? this.#client.call('followUps.create', { consultationId: shown.consultationId, values })
        : this.#client.call('followUps.update', { id, values }),
    );
  }

  finalize(id: string): Promise<FollowUp | null> {
    return this.#act(() => this.#client.call('followUps.finalize', { id }));
  }

  async #act(action: () => Promise<FollowUp>): Promise<FollowUp | null> {
    this.busy = true;
    this.error = null;
    this.savedAt = null;
    try {
      const visit = await action();
      this.savedAt = visit.updatedAt;
      await this.refresh();
      return visit;
    } catch (error) {
      this.error = { message: messageOf(error), field: error instanceof CallError ? error.field : undefined };
      return null;
    } finally {
      this.busy = false;
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong; nothing was saved.';
}

const models = new WeakMap<ApiClient, FollowUpsModel>();

/** The window's one follow-up model (panels come and go with the console's tabs). */
export function followUpsModelFor(client: ApiClient): FollowUpsModel {
  let model = models.get(client);
  if (!model) {
    model = new FollowUpsModel(client);
    models.set(client, model);
  }
  return model;
}
