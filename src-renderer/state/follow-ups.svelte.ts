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
  /**
   * A draft saved meanwhile in another window (CONFLICT): its revision, so that "save mine over it" is based
   * on what the doctor has now seen; null otherwise. The other version is in `visits`.
   */
  conflict = $state.raw<{ id: string; revision: number } | null>(null);
  /** The path of the visit PDF last exported; null before any or after another action. */
  exported = $state<string | null>(null);

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

  /**
   * Creates a visit (no draft) or updates a draft, based on the revision the form was opened on; the visit
   * when it landed, else null (a refusal in `error`, a conflict in `conflict`).
   */
  save(values: FollowUpValues, draft: { id: string; revision: number } | null): Promise<FollowUp | null> {
    const shown = this.#shown;
    if (!shown) return Promise.resolve(null);
    return this.#act(() =>
      draft === null
        ? this.#client.call('followUps.create', { consultationId: shown.consultationId, values })
        : this.#client.call('followUps.update', { id: draft.id, values, baseRevision: draft.revision }),
    );
  }

  /** After a conflict: saves the form's values over the other window's version (now seen). */
  keepMine(values: FollowUpValues): Promise<FollowUp | null> {
    const conflict = this.conflict;
    if (!conflict) return Promise.resolve(null);
    return this.save(values, conflict);
  }

  /** Writes a signed visit's PDF into the export folder (core audits it); its path in `exported`. */
  async exportPdf(id: string): Promise<void> {
    this.busy = true;
    this.error = null;
    this.exported = null;
    try {
      const { files } = await this.#client.call('exports.visit', { followUpId: id, pseudonymize: false });
      this.exported = files[0]?.path ?? null;
    } catch (error) {
      this.error = { message: messageOf(error), field: error instanceof CallError ? error.field : undefined };
    } finally {
      this.busy = false;
    }
  }

  /** Corrects a signed visit with a reason. */
  amend(id: string, reason: string, values: FollowUpValues): Promise<FollowUp | null> {
    return this.#act(() => this.#client.call('followUps.amend', { id, reason, values }));
  }

  finalize(id: string): Promise<FollowUp | null> {
    return this.#act(() => this.#client.call('followUps.finalize', { id }));
  }

  async #act(action: () => Promise<FollowUp>): Promise<FollowUp | null> {
    this.busy = true;
    this.error = null;
    this.savedAt = null;
    this.conflict = null;
    this.exported = null;
    try {
      const visit = await action();
      this.savedAt = visit.updatedAt;
      await this.refresh();
      return visit;
    } catch (error) {
      this.error = { message: messageOf(error), field: error instanceof CallError ? error.field : undefined };
      const current = error instanceof CallError && error.code === 'CONFLICT' ? error.current : undefined;
      if (current && current.section === 'visit') {
        const theirs = current.value as FollowUp;
        this.conflict = { id: theirs.id, revision: current.revision };
        await this.refresh();
      }
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
