/**
 * The revision a test's save is based on, read from core first, exactly as the
 * console does (every section save names its `baseRevision`, issue 11 M1).
 * A record or patient that does not exist reads as revision 0, so a test of a
 * refusal (unknown id, signed record) still sends a well-formed call.
 */
import type { CallName, CallOutput, Role } from '../../../src-shared/contract/index.js';

export type Section = 'findings' | 'decision' | 'risks' | 'notes' | 'whatMatters' | 'patient';

interface Caller {
  raw(name: string, input: unknown, role?: Role): Promise<{ ok: boolean; value?: unknown }>;
}

async function read<N extends CallName>(t: Caller, name: N, input: unknown): Promise<CallOutput<N> | null> {
  const result = await t.raw(name, input);
  return result.ok ? (result.value as CallOutput<N>) : null;
}

/** The section's current revision in core (0 when the record or patient is unknown). */
export async function base(t: Caller, id: string, section: Section): Promise<number> {
  if (section === 'patient') return (await read(t, 'patients.get', { id }))?.revision ?? 0;
  return (await read(t, 'consultations.get', { id }))?.revisions[section] ?? 0;
}

const SECTION_OF: Record<string, { section: Section; key: 'id' | 'consultationId' }> = {
  'notes.save': { section: 'notes', key: 'consultationId' },
  'consultations.updateFindings': { section: 'findings', key: 'id' },
  'consultations.updateDecision': { section: 'decision', key: 'id' },
  'consultations.confirmRisks': { section: 'risks', key: 'id' },
  'consultations.updateWhatMatters': { section: 'whatMatters', key: 'id' },
  'patients.update': { section: 'patient', key: 'id' },
  'patients.correct': { section: 'patient', key: 'id' },
};

/**
 * The input of a section save with the current `baseRevision` added when it names none
 * (tables of inputs written for another purpose, such as the limits tests); other calls unchanged.
 */
export async function withBase(t: Caller, name: string, input: unknown): Promise<unknown> {
  const save = SECTION_OF[name];
  if (!save || typeof input !== 'object' || input === null || 'baseRevision' in input) return input;
  const id = (input as Record<string, unknown>)[save.key];
  return { ...input, baseRevision: typeof id === 'string' ? await base(t, id, save.section) : 0 };
}
