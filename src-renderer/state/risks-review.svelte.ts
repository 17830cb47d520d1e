/**
 * Confirming the risks discussed, based on the revision the doctor saw (issue
 * 11, M1). Ticks not confirmed yet freeze that base, so a confirmation made in
 * another window meanwhile comes back as a conflict with both lists instead of
 * being overwritten.
 */
import type { ConsultationRecord, RisksInput, RisksView } from '../../src-shared/contract/index.js';
import { CallError, type ApiClient } from '../api/client.js';

export interface RisksConflict {
  mine: RisksInput;
  theirs: RisksView;
  revision: number;
}

export class RisksReview {
  /** After a CONFLICT: both lists, until the doctor chooses. */
  conflict = $state.raw<RisksConflict | null>(null);
  /** Bumped when the checklist must drop what was ticked here (theirs was taken). */
  epoch = $state(0);
  readonly #client: ApiClient;
  #base = 0;
  #touched = false;

  constructor(client: ApiClient) {
    this.#client = client;
  }

  /** A record shown afresh: its revision is the base. */
  reset(record: ConsultationRecord | null): void {
    this.#base = record?.revisions.risks ?? 0;
    this.#touched = false;
    this.conflict = null;
  }

  /** Core's record as followed: the base moves on unless the doctor is ticking here. */
  follow(record: ConsultationRecord): void {
    if (!this.#touched && !this.conflict && record.revisions.risks >= this.#base) this.#base = record.revisions.risks;
  }

  /** The doctor ticked or unticked a risk. */
  touch(): void {
    this.#touched = true;
  }

  /** Confirms; a CONFLICT opens `conflict` (resolved false), any other error is thrown. */
  async confirm(
    id: string,
    mine: RisksConflict['mine'],
    baseRevision = this.#base,
  ): Promise<ConsultationRecord | null> {
    try {
      const record = await this.#client.call('consultations.confirmRisks', { id, risks: mine, baseRevision });
      this.#touched = false;
      this.conflict = null;
      this.#base = record.revisions.risks;
      return record;
    } catch (error) {
      if (!(error instanceof CallError && error.code === 'CONFLICT' && error.current)) throw error;
      this.conflict = { mine, theirs: error.current.value as RisksView, revision: error.current.revision };
      return null;
    }
  }

  /** Drops this window's ticks for the list confirmed elsewhere. */
  takeTheirs(): void {
    if (!this.conflict) return;
    this.#base = this.conflict.revision;
    this.conflict = null;
    this.#touched = false;
    this.epoch += 1;
  }
}
