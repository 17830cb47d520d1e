/**
 * The consultation record as the doctor console edits it. Each section saves
 * itself: edits are debounced, one save per section is in flight at a time and
 * the latest value wins, so nothing typed is lost and nothing arrives out of
 * order. The notes carry a client revision that core checks (an older save
 * never overwrites newer text).
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
} from '../../src-shared/contract/index.js';
import { CallError, type ApiClient } from '../api/client.js';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'error'; message: string; code: string; field?: string };

/** Autosave delay after the last key: short, so a crash loses at most this much. */
export const NOTES_DEBOUNCE_MS = 700;
export const SECTION_DEBOUNCE_MS = 500;
const RETRY_MS = 5_000;
/** Errors a retry cannot fix. */
const FINAL_ERRORS = new Set(['VALIDATION', 'CONFLICT', 'LOCKED', 'NOT_FOUND', 'FORBIDDEN']);

/** Debounced, single-flight, latest-wins saving of one section. */
export class SaveChannel<T> {
  status = $state<SaveState>({ kind: 'idle' });
  readonly #send: (value: T) => Promise<string>;
  readonly #delayMs: number;
  // Raw: a pending value is a snapshot, never edited in place.
  #pending = $state.raw<T | null>(null);
  #timer: ReturnType<typeof setTimeout> | undefined;
  #chain: Promise<boolean> = Promise.resolve(true);

  constructor(send: (value: T) => Promise<string>, delayMs: number) {
    this.#send = send;
    this.#delayMs = delayMs;
  }

  get dirty(): boolean {
    return this.#pending !== null || this.status.kind === 'saving';
  }

  schedule(value: T): void {
    this.#pending = value;
    if (this.status.kind !== 'saving') this.status = { kind: 'pending' };
    // A save at most every delay while typing goes on (not only after a
    // pause), so a crash loses at most about that much typing.
    this.#timer ??= setTimeout(() => void this.flush(), this.#delayMs);
  }

  /** Saves now what is pending; resolves true when everything is saved. */
  flush(): Promise<boolean> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#chain = this.#chain.then(() => this.#drain());
    return this.#chain;
  }

  /** Forgets unsaved edits (the record was closed or reloaded). */
  reset(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#pending = null;
    this.status = { kind: 'idle' };
  }

  async #drain(): Promise<boolean> {
    while (this.#pending !== null) {
      const value = this.#pending;
      this.#pending = null;
      this.status = { kind: 'saving' };
      try {
        const at = await this.#send(value);
        if (this.#pending === null) this.status = { kind: 'saved', at };
      } catch (error) {
        const { code, message, field } = describe(error);
        this.status = { kind: 'error', code, message, field };
        if (!FINAL_ERRORS.has(code)) {
          // Keep the text and try again calmly: the disk or the host may come back.
          this.#pending ??= value;
          this.#timer = setTimeout(() => void this.flush(), RETRY_MS);
        }
        return false;
      }
    }
    return this.status.kind !== 'error';
  }
}

function describe(error: unknown): { code: string; message: string; field?: string } {
  if (error instanceof CallError) return { code: error.code, message: error.message, field: error.field };
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

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
  settings = $state<Settings | null>(null);
  /** The last failed action (start, finalize, …), shown near its button. */
  error = $state<string | null>(null);
  busy = $state(false);

  readonly #client: ApiClient;
  #notesRevision = 0;
  /** The record and settings revisions of core this window has caught up with (see core/changes.ts). */
  #seen = { epoch: '', record: 0, settings: 0 };
  #following: Promise<void> | null = null;
  #followAgain = false;
  /** Counts edits made in this window: a fetch that overlapped one must not put older text back. */
  #edits = 0;

  readonly notesSave: SaveChannel<{ id: string; body: string; revision: number }>;
  readonly findingsSave: SaveChannel<{ id: string; findings: Findings }>;
  readonly decisionSave: SaveChannel<{ id: string; decision: Decision }>;
  /** Sections whose models live in their own files (what matters…): saved, flushed and reset with these. */
  readonly #attached: AttachedSection[] = [];

  constructor(client: ApiClient) {
    this.#client = client;
    this.notesSave = new SaveChannel(async ({ id, body, revision }) => {
      const saved = await client.call('notes.save', { consultationId: id, body, revision });
      return saved.savedAt;
    }, NOTES_DEBOUNCE_MS);
    this.findingsSave = new SaveChannel(
      async (input) => this.#keep(await client.call('consultations.updateFindings', input)),
      SECTION_DEBOUNCE_MS,
    );
    this.decisionSave = new SaveChannel(
      async (input) => this.#keep(await client.call('consultations.updateDecision', input)),
      SECTION_DEBOUNCE_MS,
    );
    // Core announces every change of the open record and of settings; a missed push shows in the heartbeat.
    client.on('consultations.changed', ({ revision }) => this.#recordAt(revision));
    client.on('settings.changed', ({ revision, settings }) => {
      if (revision <= this.#seen.settings) return;
      this.#seen.settings = revision;
      this.settings = settings;
    });
    client.on('sync.heartbeat', (beat) => {
      if (beat.epoch !== this.#seen.epoch) {
        // Core restarted: its revisions begin again, and everything is fetched afresh.
        this.#seen = { epoch: beat.epoch, record: -1, settings: -1 };
      }
      this.#recordAt(beat.record);
      if (beat.settings > this.#seen.settings) {
        this.#seen.settings = beat.settings;
        void this.loadSettings().catch(() => undefined);
      }
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
    if (!this.findingsSave.dirty) this.findings = record.current.findings;
    if (!this.decisionSave.dirty) this.decision = toDecision(record.current.decision);
    if (!this.notesSave.dirty && record.notes.revision >= this.#notesRevision) {
      this.notes = record.current.notes.body;
      this.#notesRevision = record.notes.revision;
    }
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

  async loadSettings(): Promise<Settings> {
    this.settings = await this.#client.call('settings.get', {});
    return this.settings;
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
    this.#notesRevision += 1;
    this.notesSave.schedule({ id: this.record.id, body, revision: this.#notesRevision });
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

  /** After a notes CONFLICT: write this window's text over the newer one. */
  keepMyNotes(): Promise<boolean> {
    return this.#act(async () => {
      if (!this.record) return;
      const fresh = await this.#client.call('consultations.get', { id: this.record.id });
      this.#notesRevision = Math.max(this.#notesRevision, fresh.notes.revision);
      this.editNotes(this.notes);
      await this.notesSave.flush();
    });
  }

  /** After a notes CONFLICT: take the saved text instead of this window's. */
  loadSavedNotes(): Promise<boolean> {
    return this.#act(async () => {
      if (!this.record) return;
      const fresh = await this.#client.call('consultations.get', { id: this.record.id });
      this.notesSave.reset();
      this.notes = fresh.notes.body;
      this.#notesRevision = fresh.notes.revision;
    });
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

  confirmRisks(confirmed: RiskId[], otherText: string): Promise<boolean> {
    return this.#act(async () => {
      if (!this.record) return;
      const id = this.record.id;
      this.#keep(await this.#client.call('consultations.confirmRisks', { id, risks: { confirmed, otherText } }));
    });
  }

  /** Fresh record from core (slide times and suggestions move while presenting). */
  refresh(): Promise<boolean> {
    return this.#act(async () => {
      if (this.record) this.#keep(await this.#client.call('consultations.get', { id: this.record.id }));
    });
  }

  finalize(): Promise<boolean> {
    return this.#act(async () => {
      if (!this.record) return;
      // The signature is the physician of the settings now, perhaps just entered.
      await this.loadSettings();
      if (!(await this.flushAll())) throw new Error('Some changes could not be saved, so the record was not signed.');
      this.#show(await this.#client.call('consultations.finalize', { id: this.record.id }));
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
    this.#notesRevision = record.notes.revision;
    this.error = null;
  }

  #clear(): void {
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
      this.error = describe(error).message;
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
    model = new ConsultationModel(client);
    models.set(client, model);
  }
  return model;
}
