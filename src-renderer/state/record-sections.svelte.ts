/**
 * The three text sections of a record as this window edits them — notes, findings, decision — each
 * saving itself through a SaveChannel (save-channel.svelte.ts). Every save names the revision of the
 * section (kept by core) this window's text was based on; a save based on an older one comes back as a
 * conflict showing both versions (issue 11, M1), and a record followed from core never replaces a
 * section being edited here. Sections with models of their own (what matters…) attach to be saved,
 * flushed and reset with these.
 */
import type { ConsultationRecord, Decision, DecisionView, Findings } from '../../src-shared/contract/index.js';
import type { ApiClient } from '../api/client.js';
import { SaveChannel } from './save-channel.svelte.js';

/** Autosave delay after the last key: short, so a crash loses at most this much. */
export const NOTES_DEBOUNCE_MS = 700;
export const SECTION_DEBOUNCE_MS = 500;

export type EditedSection = 'notes' | 'findings' | 'decision';

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

/** What the sections need of the record model: which record is shown, and a way to take a saved one. */
export interface SectionsHost {
  recordId(): string | null;
  /** A record answered by a save: taken as the shown record (the sections stay); returns its update time. */
  keep(record: ConsultationRecord): string;
}

export class RecordSections {
  findings = $state<Findings | null>(null);
  decision = $state<Decision | null>(null);
  notes = $state('');

  readonly notesSave: SaveChannel<{ id: string; body: string }>;
  readonly findingsSave: SaveChannel<{ id: string; findings: Findings }>;
  readonly decisionSave: SaveChannel<{ id: string; decision: Decision }>;

  /** Core's revision of each section this window's text is based on (sent with every save). */
  #base: Record<EditedSection, number> = { notes: 0, findings: 0, decision: 0 };
  /** Counts edits made in this window: a fetch that overlapped one must not put older text back. */
  #edits = 0;
  readonly #attached: AttachedSection[] = [];

  constructor(client: ApiClient, host: SectionsHost) {
    // The base is read when the save is sent, not when it was scheduled: a save of this window that
    // landed just before moved it on.
    this.notesSave = new SaveChannel(async ({ id, body }) => {
      const saved = await client.call('notes.save', { consultationId: id, body, baseRevision: this.#base.notes });
      if (host.recordId() === id) this.#base.notes = saved.revision;
      return saved.savedAt;
    }, NOTES_DEBOUNCE_MS);
    this.findingsSave = new SaveChannel(async (input) => {
      const record = await client.call('consultations.updateFindings', { ...input, baseRevision: this.#base.findings });
      if (host.recordId() === record.id) this.#base.findings = record.revisions.findings;
      return host.keep(record);
    }, SECTION_DEBOUNCE_MS);
    this.decisionSave = new SaveChannel(async (input) => {
      const record = await client.call('consultations.updateDecision', { ...input, baseRevision: this.#base.decision });
      if (host.recordId() === record.id) this.#base.decision = record.revisions.decision;
      return host.keep(record);
    }, SECTION_DEBOUNCE_MS);
  }

  /** How many edits this window has made: a fetch that began before the last one must not apply its text. */
  get edits(): number {
    return this.#edits;
  }

  /** Some edit is waiting to be saved, or being saved. */
  get dirty(): boolean {
    return (
      this.notesSave.dirty || this.findingsSave.dirty || this.decisionSave.dirty || this.#attached.some((s) => s.dirty)
    );
  }

  attach(section: AttachedSection): void {
    this.#attached.push(section);
  }

  editFindings(id: string, findings: Findings): void {
    this.#edits += 1;
    this.findings = findings;
    this.findingsSave.schedule({ id, findings: $state.snapshot(findings) });
  }

  editDecision(id: string, decision: Decision): void {
    this.#edits += 1;
    this.decision = decision;
    this.decisionSave.schedule({ id, decision: $state.snapshot(decision) });
  }

  editNotes(id: string, body: string): void {
    this.#edits += 1;
    this.notes = body;
    this.notesSave.schedule({ id, body });
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

  /** Drops every pending save (a record shown afresh, left or deleted). */
  reset(): void {
    this.notesSave.reset();
    this.findingsSave.reset();
    this.decisionSave.reset();
    for (const section of this.#attached) section.reset();
  }

  /** A record shown afresh: its sections and revisions, nothing pending. */
  show(record: ConsultationRecord | null): void {
    this.reset();
    this.findings = record?.current.findings ?? null;
    this.decision = record ? toDecision(record.current.decision) : null;
    this.notes = record?.current.notes.body ?? '';
    this.#base = {
      notes: record?.revisions.notes ?? 0,
      findings: record?.revisions.findings ?? 0,
      decision: record?.revisions.decision ?? 0,
    };
  }

  /**
   * Takes core's version of each section not being edited here, and never an older one than this window
   * already has (an answer fetched before this window's own save landed). A section being edited keeps
   * its text and base: its next save shows the conflict instead.
   */
  follow(record: ConsultationRecord): void {
    const newer = (section: EditedSection) => record.revisions[section] >= this.#base[section];
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
  }

  /** After a CONFLICT: this window's version replaces the one saved elsewhere (the doctor saw both). */
  keepMine(section: EditedSection): Promise<boolean> {
    const channel = this.#channel(section);
    const conflict = channel.conflict;
    if (!conflict) return Promise.resolve(true);
    this.#base[section] = conflict.revision;
    return channel.resolve(conflict.mine as never);
  }

  /** After a CONFLICT: the version saved elsewhere replaces this window's edit. */
  takeTheirs(section: EditedSection): void {
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
  mergeNotes(id: string, body: string): Promise<boolean> {
    const conflict = this.notesSave.conflict;
    if (!conflict) return Promise.resolve(true);
    this.#edits += 1;
    this.#base.notes = conflict.revision;
    this.notes = body;
    return this.notesSave.resolve({ id, body });
  }

  #channel(section: EditedSection): SaveChannel<unknown> {
    const channels = { notes: this.notesSave, findings: this.findingsSave, decision: this.decisionSave };
    return channels[section] as SaveChannel<unknown>;
  }
}
