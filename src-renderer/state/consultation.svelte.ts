/**
 * The consultation record as the doctor console shows it, and its lifecycle: start, open, close, sign,
 * amend, delete, entries and the risks discussed. The text sections being edited and their saving are
 * `RecordSections` (record-sections.svelte.ts); following core's revision is `RecordFollower`
 * (record-follow.svelte.ts); this model decides what a followed record means for what is on screen.
 */
import type {
  CallInput,
  ConsultationRecord,
  Decision,
  Findings,
  Language,
  RiskId,
  Settings,
  SignWarningId,
} from '../../src-shared/contract/index.js';
import type { ApiClient } from '../api/client.js';
import { settingsModelFor, type SettingsModel } from './settings.svelte.js';
import { RecordFollower } from './record-follow.svelte.js';
import { RecordSections, type AttachedSection, type EditedSection } from './record-sections.svelte.js';
import { RisksReview } from './risks-review.svelte.js';
import { describeError } from './save-channel.svelte.js';

// The public names callers have always imported from here.
export { NOTES_DEBOUNCE_MS, SECTION_DEBOUNCE_MS, toDecision, type AttachedSection } from './record-sections.svelte.js';

export class ConsultationModel {
  record = $state<ConsultationRecord | null>(null);
  /** The last failed action (start, finalize, …), shown near its button. */
  error = $state<string | null>(null);
  busy = $state(false);

  readonly #client: ApiClient;
  readonly #settings: SettingsModel;
  readonly sections: RecordSections;
  readonly risks: RisksReview;

  constructor(client: ApiClient, settings: SettingsModel) {
    this.#client = client;
    this.#settings = settings;
    this.risks = new RisksReview(client);
    this.sections = new RecordSections(client, {
      recordId: () => this.record?.id ?? null,
      keep: (record) => this.#keep(record),
    });
    // Core announces every change of the open record; a missed push shows in the heartbeat. The follower
    // lives as long as the client's subscriptions it makes.
    new RecordFollower(client, () => this.#follow());
  }

  // The sections, under the names the components use.
  get findings(): Findings | null {
    return this.sections.findings;
  }
  get decision(): Decision | null {
    return this.sections.decision;
  }
  get notes(): string {
    return this.sections.notes;
  }
  get notesSave(): RecordSections['notesSave'] {
    return this.sections.notesSave;
  }
  get findingsSave(): RecordSections['findingsSave'] {
    return this.sections.findingsSave;
  }
  get decisionSave(): RecordSections['decisionSave'] {
    return this.sections.decisionSave;
  }

  /**
   * Shows what core has now: the open consultation (started, opened or closed in any window), with the
   * sections this window is not editing taken as saved elsewhere; a signed record being read stays.
   */
  async #follow(): Promise<void> {
    const edits = this.sections.edits;
    const { record } = await this.#client.call('consultations.current', {});
    const shown = this.record;
    if (!record) {
      if (shown?.isOpen) this.#clear();
      else if (shown) this.#keep(await this.#client.call('consultations.get', { id: shown.id }));
      return;
    }
    if (!shown || (shown.id !== record.id && shown.isOpen)) {
      // Started or opened in another window (or this one reloaded): this window follows the consultation.
      this.#show(record);
      return;
    }
    // A signed record being read here stays on screen.
    if (shown.id !== record.id) return;
    this.record = record;
    // Typed here while the answer was on its way: that edit is newer than what came back.
    if (this.sections.edits !== edits) return;
    this.sections.follow(record);
    this.risks.follow(record);
  }

  // Getters, not $derived: this model outlives the RecordPanel that first made it (one per
  // client), and a derived owned by an unmounted component goes stale (Svelte's derived_inert):
  // after a visit to Settings, a signed record still showed its edit forms.
  get editable(): boolean {
    return this.record?.status === 'draft';
  }
  get redFlags(): Findings['redFlags'] {
    return this.findings?.redFlags ?? [];
  }

  /** Some edit is waiting to be saved, or being saved. */
  get unsaved(): boolean {
    return this.sections.dirty;
  }

  /** A section model of its own joins the record's saving (before signing, leaving, switching records). */
  attach(section: AttachedSection): void {
    this.sections.attach(section);
  }

  /** The clinic's settings (the physician who signs), from the window's one settings model. */
  get settings(): Settings | null {
    return this.#settings.value;
  }

  /** After a reload of the console: the consultation open in core, if any, as it is now. */
  async resume(): Promise<void> {
    await this.#follow();
  }

  start(patientId: string, options: { language?: Language; playlist?: string[] } = {}): Promise<boolean> {
    return this.#act(async () => {
      await this.#saveBeforeLeaving();
      this.#show(await this.#client.call('consultations.start', { patientId, ...options }));
    });
  }

  open(id: string): Promise<boolean> {
    return this.#act(async () => {
      await this.#saveBeforeLeaving();
      this.#show(await this.#client.call('consultations.open', { id }));
    });
  }

  /** Saves everything, stops attributing slide views, and leaves the record. */
  close(): Promise<boolean> {
    return this.#act(async () => {
      const record = this.record;
      if (!record) return;
      await this.#saveBeforeLeaving();
      if (record.isOpen) await this.#client.call('consultations.close', { id: record.id });
      this.#clear();
    });
  }

  editFindings(findings: Findings): void {
    if (this.record && this.editable) this.sections.editFindings(this.record.id, findings);
  }

  editDecision(decision: Decision): void {
    if (this.record && this.editable) this.sections.editDecision(this.record.id, decision);
  }

  editNotes(body: string): void {
    if (this.record && this.editable) this.sections.editNotes(this.record.id, body);
  }

  /** Saves every pending edit now (on blur, before leaving, before signing). */
  flushAll(): Promise<boolean> {
    return this.sections.flushAll();
  }

  /** After a CONFLICT: this window's version replaces the one saved elsewhere (the doctor saw both). */
  keepMine(section: EditedSection): Promise<boolean> {
    return this.sections.keepMine(section);
  }

  /** After a CONFLICT: the version saved elsewhere replaces this window's edit. */
  takeTheirs(section: EditedSection): void {
    this.sections.takeTheirs(section);
  }

  /** After a notes CONFLICT: the doctor's merge of both texts is saved. */
  mergeNotes(body: string): Promise<boolean> {
    if (!this.record) return Promise.resolve(true);
    return this.sections.mergeNotes(this.record.id, body);
  }

  addEntry(text: string): Promise<boolean> {
    return this.#act(async () => {
      const record = this.record;
      if (!record) return;
      const entry = await this.#client.call('notes.addEntry', { consultationId: record.id, text });
      if (this.record?.id === record.id) this.record.entries = [...this.record.entries, entry];
    });
  }

  removeEntry(entryId: number): Promise<boolean> {
    return this.#act(async () => {
      const record = this.record;
      if (!record) return;
      await this.#client.call('notes.removeEntry', { consultationId: record.id, entryId });
      if (this.record?.id === record.id) this.record.entries = this.record.entries.filter((e) => e.id !== entryId);
    });
  }

  /** Confirms the risks discussed; `baseRevision`: a conflict's, when the doctor keeps this window's list. */
  confirmRisks(confirmed: RiskId[], otherText: string, baseRevision?: number): Promise<boolean> {
    return this.#act(async () => {
      if (!this.record) return;
      const record = await this.risks.confirm(this.record.id, { confirmed, otherText }, baseRevision);
      if (record) this.#keep(record);
    });
  }

  /** After a risks CONFLICT: keep this window's list, or take the one confirmed elsewhere. */
  resolveRisks(choice: 'mine' | 'theirs'): Promise<boolean> {
    const conflict = this.risks.conflict;
    if (!conflict) return Promise.resolve(true);
    if (choice === 'mine')
      return this.confirmRisks(conflict.mine.confirmed, conflict.mine.otherText, conflict.revision);
    this.risks.takeTheirs();
    return this.refresh();
  }

  /** Fresh record from core (slide times and suggestions move while presenting). */
  refresh(): Promise<boolean> {
    return this.#act(async () => {
      if (this.record) this.#keep(await this.#client.call('consultations.get', { id: this.record.id }));
    });
  }

  /** Signs the record; `acknowledged`: the warnings the physician ticked in the sign dialog (core checks them). */
  finalize(acknowledged: SignWarningId[]): Promise<boolean> {
    return this.#act(async () => {
      if (!this.record) return;
      // The signature is the physician of the settings now, perhaps just entered in another window.
      await this.#settings.load();
      if (!(await this.flushAll())) throw new Error('Some changes could not be saved, so the record was not signed.');
      this.#show(await this.#client.call('consultations.finalize', { id: this.record.id, acknowledged }));
    });
  }

  amend(reason: string, change: CallInput<'consultations.amend'>['change']): Promise<boolean> {
    return this.#act(async () => {
      if (!this.record) return;
      this.#show(await this.#client.call('consultations.amend', { id: this.record.id, reason, change }));
    });
  }

  deleteDraft(): Promise<boolean> {
    return this.#act(async () => {
      if (!this.record) return;
      // Pending saves of a record being deleted are pointless.
      this.sections.reset();
      await this.#client.call('consultations.delete', { id: this.record.id });
      this.#clear();
    });
  }

  async #saveBeforeLeaving(): Promise<void> {
    if (this.record && !(await this.flushAll())) {
      throw new Error('Some changes to this record are not saved yet, so it stays open. Try again in a moment.');
    }
  }

  /** Takes a record from core without touching the sections being edited here. */
  #keep(record: ConsultationRecord): string {
    if (this.record?.id === record.id) this.record = record;
    return record.updatedAt;
  }

  #show(record: ConsultationRecord): void {
    this.sections.show(record);
    this.record = record;
    this.risks.reset(record);
    this.error = null;
  }

  #clear(): void {
    this.risks.reset(null);
    this.sections.show(null);
    this.record = null;
  }

  async #act(action: () => Promise<void>): Promise<boolean> {
    this.busy = true;
    this.error = null;
    try {
      await action();
      return true;
    } catch (error) {
      this.error = describeError(error).message;
      return false;
    } finally {
      this.busy = false;
    }
  }
}

const models = new WeakMap<ApiClient, ConsultationModel>();

/**
 * The window's one consultation model. Panels come and go (the console's
 * tabs unmount them); the record being edited, and its pending saves, stay.
 */
export function consultationModelFor(client: ApiClient): ConsultationModel {
  let model = models.get(client);
  if (!model) {
    model = new ConsultationModel(client, settingsModelFor(client));
    models.set(client, model);
  }
  return model;
}
