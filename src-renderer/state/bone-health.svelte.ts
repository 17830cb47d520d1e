/**
 * The bone-health plan as the console edits it: a section of the open record
 * with its own save channel (debounced, latest wins), joined to the
 * consultation model so it is saved before signing or leaving and forgotten
 * with the record. Each save names the plan's revision this window's edit was
 * based on; one refused because another window saved the plan since opens a
 * conflict with both versions, resolved by the doctor (`keepMine`/`takeTheirs`).
 */
import type { BoneHealthPlan } from '../../src-shared/contract/index.js';
import type { ApiClient } from '../api/client.js';
import { SECTION_DEBOUNCE_MS, consultationModelFor, type ConsultationModel } from './consultation.svelte.js';
import { SaveChannel } from './save-channel.svelte.js';

export class BoneHealthModel {
  readonly save: SaveChannel<{ consultationId: string; plan: BoneHealthPlan }>;
  readonly #consultation: ConsultationModel;
  // Raw: each edit is a new snapshot, never changed in place.
  #edited = $state.raw<{ id: string; value: BoneHealthPlan } | null>(null);
  /** The plan's revision this window's edit is based on (the record's when the edit began). */
  #base = 0;

  constructor(client: ApiClient, consultation: ConsultationModel) {
    this.#consultation = consultation;
    this.save = new SaveChannel(async (input) => {
      const record = await client.call('boneHealth.save', { ...input, baseRevision: this.#base });
      this.#base = record.revisions.boneHealth;
      // The saved record is shown at once (the push that follows only confirms it).
      if (consultation.record?.id === record.id) consultation.record = record;
      return record.updatedAt;
    }, SECTION_DEBOUNCE_MS);
    consultation.attach(this.save);
  }

  /** The plan shown: this window's unsaved (or refused) edit, else the record's; null without a record. */
  get value(): BoneHealthPlan | null {
    const record = this.#consultation.record;
    if (!record) return null;
    const edited = this.#edited;
    // A refused edit (a T-score out of range) stays in view beside its message, to be corrected.
    const held = this.save.dirty || this.save.status.kind === 'error';
    return edited?.id === record.id && held ? edited.value : record.boneHealth;
  }

  get editable(): boolean {
    return this.#consultation.editable;
  }

  /** Changes some items; leaving "scan done" clears the T-scores (they belong to a scan that was done). */
  edit(change: Partial<BoneHealthPlan>): void {
    const record = this.#consultation.record;
    const current = this.value;
    if (!record || !current || !this.editable) return;
    // A first edit is based on the plan this window shows now.
    if (!this.save.dirty && this.save.status.kind !== 'error') this.#base = record.revisions.boneHealth;
    const value = { ...current, ...change };
    if (value.dxa !== 'done') Object.assign(value, { tScoreSpine: null, tScoreHip: null });
    this.#edited = { id: record.id, value };
    this.save.schedule({ consultationId: record.id, plan: value });
  }

  /** After a conflict: saves this window's plan over the other window's (now seen). */
  keepMine(): Promise<boolean> {
    return this.save.keepMine((revision) => (this.#base = revision));
  }

  /** After a conflict: drops this window's edit and shows the other window's plan. */
  takeTheirs(): void {
    if (!this.save.takeTheirs()) return;
    this.#edited = null;
    // Fetched now: the push of the other window's save may have come before this window's edit.
    void this.#consultation.refresh();
  }
}

const models = new WeakMap<ApiClient, BoneHealthModel>();

/** The window's one model, beside its consultation model (it outlives the panels that show it). */
export function boneHealthModelFor(client: ApiClient): BoneHealthModel {
  let model = models.get(client);
  if (!model) {
    model = new BoneHealthModel(client, consultationModelFor(client));
    models.set(client, model);
  }
  return model;
}
