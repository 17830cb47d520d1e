/**
 * The consultation record as the doctor console edits it. Each section saves
 * itself through a SaveChannel (save-channel.svelte.ts). Every save names the
 * revision of the section (kept by core) that this window's text was based on;
 * a save based on an older one comes back as a conflict showing both versions
 * (issue 11, M1), and a push of another window's write never replaces a section
 * being edited here.
 */
import type {
  CallInput,
  ConsultationRecord,
  Decision,
  DecisionView,
  Findings,
  Language,
  RiskId,
  Settings,
  SignWarningId,
} from '../../src-shared/contract/index.js';
import type { ApiClient } from '../api/client.js';
import { settingsModelFor, type SettingsModel } from './settings.svelte.js';
import { RisksReview } from './risks-review.svelte.js';
import { SaveChannel, describeError } from './save-channel.svelte.js';

/** Autosave delay after the last key: short, so a crash loses at most this much. */
export const NOTES_DEBOUNCE_MS = 700;
export const SECTION_DEBOUNCE_MS = 500;

type Section = 'notes' | 'findings' | 'decision';

/** What the record needs of a section saved by a model of its own (a SaveChannel is one). */
export interface AttachedSection {
  readonly dirty: boolean;
  flush(): Promise<boolean>;
  reset(): void;
}

/** The decision as edited (the record adds the SURE score). */
export function toDecision(view: DecisionView): Decision {
  const { path, conservativeMeasures, conservativeDetails, augmentation, referral, questions, followUpDate, sure } =
    view;
  return { path, conservativeMeasures, conservativeDetails, augmentation, referral, questions, followUpDate, sure };
}

export class ConsultationModel {
  record = $state<ConsultationRecord | null>(null);
  findings = $state<Findings | null>(null);
  decision = $state<Decision | null>(null);
  notes = $state('');
  /** The last failed action (start, finalize, …), shown near its button. */
  error = $state<string | null>(null);
  busy = $state(false);

  readonly #client: ApiClient;
  readonly #settings: SettingsModel;
  /** Core's revision of each section this window's text is based on (sent with every save). */
  #base: Record<Section, number> = { notes: 0, findings: 0, decision: 0 };
  /** The record revision of core this window has caught up with (see core/changes.ts). */
  #seen = { epoch: '', record: 0 };
  #following: Promise<void> | null = null;
  #followAgain = false;
  /** Counts edits made in this window: a fetch that overlapped one must not put older text back. */
  #edits = 0;

  readonly notesSave: SaveChannel<{ id: string; body: string }>;
  readonly risks: RisksReview;
  readonly findingsSave: SaveChannel<{ id: string; findings: Findings }>;
  readonly decisionSave: SaveChannel<{ id: string; decision: Decision }>;
  /** Sections whose models live in their own files (what matters…): saved, flushed and reset with these. */
  readonly #attached: AttachedSection[] = [];

  constructor(client: ApiClient, settings: SettingsModel) {
    this.#client = client;
    this.#settings = settings;
    this.risks = new RisksReview(client);
    // The base is read when the save is sent, not when it was scheduled: a save of this window that
    // landed just before moved it on.
    this.notesSave = new SaveChannel(async ({ id, body }) => {
      const saved = await client.call('notes.save', { consultationId: id, body, baseRevision: this.#base.notes });
      if (this.record?.id === id) this.#base.notes = saved.revision;
      return saved.savedAt;
    }, NOTES_DEBOUNCE_MS);
    this.findingsSave = new SaveChannel(async (input) => {
      const record = await client.call('consultations.updateFindings', {
        ...input,
        baseRevision: this.#base.findings,
      });
      if (this.record?.id === record.id) this.#base.findings = record.revisions.findings;
      return this.#keep(record);
    }, SECTION_DEBOUNCE_MS);
    this.decisionSave = new SaveChannel(async (input) => {
      const record = await client.call('consultations.updateDecision', {
        ...input,
        baseRevision: this.#base.decision,
      });
      if (this.record?.id === record.id) this.#base.decision = record.revisions.decision;
      return this.#keep(record);
    }, SECTION_DEBOUNCE_MS);
    // Core announces every change of the open record; a missed push shows in the heartbeat.
    client.on('consultations.changed', ({ revision }) => this.#recordAt(revision));
    client.on('sync.heartbeat', (beat) => {
      if (beat.epoch !== this.#seen.epoch) {
        // Core restarted: its revisions begin again, and everything is fetched afresh.
        this.#seen = { epoch: beat.epoch, record: -1 };
      }
      this.#recordAt(beat.record);
    });
  }

  /** Core's record is at `revision`: catch up once (one fetch at a time, the newest wins). */
  #recordAt(revision: number): void {
    if (revision <= this.#seen.record) return;
    this.#seen.record = revision;
    if (this.#following) {
      this.#followAgain = true;
      return;
    }
    this.#following = (async () => {
      do {
        this.#followAgain = false;
        await this.#follow().catch(() => undefined);
      } while (this.#followAgain);
      this.#following = null;
    })();
  }

  /**
   * Shows what core has now: the open consultation (started, opened or closed in any window), with the
   * sections this window is not editing taken as saved elsewhere; a signed record being read stays.
   */
  async #follow(): Promise<void> {
    const edits = this.#edits;
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
    if (this.#edits !== edits) return;
    this.#takeSections(record);
  }

  /**
   * Takes core's version of each section not being edited here, and never an older one than this window
   * already has (an answer fetched before this window's own save landed). A section being edited keeps
   * its text and base: its next save shows the conflict instead.
   */
  #takeSections(record: ConsultationRecord): void {
    const newer = (section: Section) => record.revisions[section] >= this.#base[section];
    if (!this.findingsSave.dirty && newer('findings')) {
      this.findings = record.current.findings;
      this.#base.findings = record.revisions.findings;
    }
    if (!this.decisionSave.dirty && newer('decision')) {
      this.decision = toDecision(record.current.decision);
      this.#base.decision = record.revisions.decision;
    }
    if (!this.notesSave.dirty && newer('notes')) {
      this.notes = record.current.notes.body;
      this.#base.notes = record.revisions.notes;
    }
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
    return (
      this.notesSave.dirty || this.findingsSave.dirty || this.decisionSave.dirty || this.#attached.some((s) => s.dirty)
    );
  }

  /** A section model of its own joins the record's saving (before signing, leaving, switching records). */
  attach(section: AttachedSection): void {
    this.#attached.push(section);
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
    if (!this.record || !this.editable) return;
    this.#edits += 1;
    this.findings = findings;
    this.findingsSave.schedule({ id: this.record.id, findings: $state.snapshot(findings) });
  }

  editDecision(decision: Decision): void {
    if (!this.record || !this.editable) return;
    this.#edits += 1;
    this.decision = decision;
    this.decisionSave.schedule({ id: this.record.id, decision: $state.snapshot(decision) });
  }

  editNotes(body: string): void {
    if (!this.record || !this.editable) return;
    this.#edits += 1;
    this.notes = body;
    this.notesSave.schedule({ id: this.record.id, body });
  }

  /** Saves every pending edit now (on blur, before leaving, before signing). */
  async flushAll(): Promise<boolean> {
    const results = await Promise.all([
      this.notesSave.flush(),
      this.findingsSave.flush(),
      this.decisionSave.flush(),
      ...this.#attached.map((s) => s.flush()),
    ]);
    return results.every(Boolean);
  }

  /** After a CONFLICT: this window's version replaces the one saved elsewhere (the doctor saw both). */
  keepMine(section: 'notes' | 'findings' | 'decision'): Promise<boolean> {
    const channel = this.#channel(section);
    const conflict = channel.conflict;
    if (!conflict) return Promise.resolve(true);
    this.#base[section] = conflict.revision;
    return channel.resolve(conflict.mine as never);
  }

  /** After a CONFLICT: the version saved elsewhere replaces this window's edit. */
  takeTheirs(section: 'notes' | 'findings' | 'decision'): void {
    const channel = this.#channel(section);
    const conflict = channel.conflict;
    if (!conflict) return;
    this.#edits += 1;
    this.#base[section] = conflict.revision;
    if (section === 'notes') this.notes = (conflict.theirs as { body: string }).body;
    if (section === 'findings') this.findings = conflict.theirs as Findings;
    if (section === 'decision') this.decision = toDecision(conflict.theirs as DecisionView);
    void channel.resolve(null);
  }

  /** After a notes CONFLICT: the doctor's merge of both texts is saved. */
  mergeNotes(body: string): Promise<boolean> {
    const conflict = this.notesSave.conflict;
    if (!conflict || !this.record) return Promise.resolve(true);
    this.#edits += 1;
    this.#base.notes = conflict.revision;
    this.notes = body;
    return this.notesSave.resolve({ id: this.record.id, body });
  }

  #channel(section: 'notes' | 'findings' | 'decision'): SaveChannel<unknown> {
    const channels = { notes: this.notesSave, findings: this.findingsSave, decision: this.decisionSave };
    return channels[section] as SaveChannel<unknown>;
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
      this.notesSave.reset();
      this.findingsSave.reset();
      this.decisionSave.reset();
      for (const section of this.#attached) section.reset();
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
    this.notesSave.reset();
    this.findingsSave.reset();
    this.decisionSave.reset();
    for (const section of this.#attached) section.reset();
    this.record = record;
    this.findings = record.current.findings;
    this.decision = toDecision(record.current.decision);
    this.notes = record.current.notes.body;
    this.#base = {
      notes: record.revisions.notes,
      findings: record.revisions.findings,
      decision: record.revisions.decision,
    };
    this.risks.reset(record);
    this.error = null;
  }

  #clear(): void {
    this.risks.reset(null);
    this.notesSave.reset();
    this.findingsSave.reset();
    this.decisionSave.reset();
    for (const section of this.#attached) section.reset();
    this.record = null;
    this.findings = null;
    this.decision = null;
    this.notes = '';
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
