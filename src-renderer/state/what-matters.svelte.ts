/**
 * "What matters to the patient" as the console edits it: a section of the open
 * record with its own save channel (debounced, latest wins), joined to the
 * consultation model so it is saved before signing or leaving and forgotten
 * with the record. What it shows is the record's answers, or this window's
 * edit while that is not saved yet, so a change made in another window shows here.
 * Each save names the revision this window's edit was based on; one refused
 * because another window saved the answers since opens a conflict with both
 * versions, resolved by the doctor (`keepMine`/`takeTheirs`), as for the plan.
 */
import type { WhatMatters, WhatMattersAnswer, WhatMattersId } from '../../src-shared/contract/index.js';
import type { ApiClient } from '../api/client.js';
import { SECTION_DEBOUNCE_MS, consultationModelFor, type ConsultationModel } from './consultation.svelte.js';
import { SaveChannel } from './save-channel.svelte.js';

export class WhatMattersModel {
  readonly save: SaveChannel<{ id: string; whatMatters: WhatMatters }>;
  readonly #consultation: ConsultationModel;
  // Raw: each edit is a new snapshot, never changed in place.
  #edited = $state.raw<{ id: string; value: WhatMatters } | null>(null);
  /** The answers' revision this window's edit is based on (the record's when the edit began). */
  #base = 0;

  constructor(client: ApiClient, consultation: ConsultationModel) {
    this.#consultation = consultation;
    this.save = new SaveChannel(async (input) => {
      const record = await client.call('consultations.updateWhatMatters', { ...input, baseRevision: this.#base });
      this.#base = record.revisions.whatMatters;
      // The saved record is shown at once (the push that follows only confirms it).
      if (consultation.record?.id === record.id) consultation.record = record;
      return record.updatedAt;
    }, SECTION_DEBOUNCE_MS);
    consultation.attach(this.save);
  }

  /** The answers shown: this window's unsaved edit, else the record's; null without a record. */
  get value(): WhatMatters | null {
    const record = this.#consultation.record;
    if (!record) return null;
    const edited = this.#edited;
    return edited?.id === record.id && this.save.dirty ? edited.value : record.whatMatters;
  }

  get editable(): boolean {
    return this.#consultation.editable;
  }

  answer(statement: WhatMattersId, answer: WhatMattersAnswer): void {
    const record = this.#consultation.record;
    const current = this.value;
    if (!record || !current || !this.editable) return;
    // A first edit is based on the answers this window shows now.
    if (!this.save.dirty) this.#base = record.revisions.whatMatters;
    const value = { ...current, [statement]: answer };
    this.#edited = { id: record.id, value };
    this.save.schedule({ id: record.id, whatMatters: value });
  }

  /** After a conflict: saves this window's answers over the other window's (now seen). */
  keepMine(): Promise<boolean> {
    return this.save.keepMine((revision) => (this.#base = revision));
  }

  /** After a conflict: drops this window's edit and shows the other window's answers. */
  takeTheirs(): void {
    if (!this.save.takeTheirs()) return;
    this.#edited = null;
    // Fetched now: the push of the other window's save may have come before this window's edit.
    void this.#consultation.refresh();
  }
}

const models = new WeakMap<ApiClient, WhatMattersModel>();

/** The window's one model, beside its consultation model (it outlives the panels that show it). */
export function whatMattersModelFor(client: ApiClient): WhatMattersModel {
  let model = models.get(client);
  if (!model) {
    model = new WhatMattersModel(client, consultationModelFor(client));
    models.set(client, model);
  }
  return model;
}
