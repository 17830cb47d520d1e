/**
 * One fuzzing world per call: a real core on a fresh SQLite file with the
 * fixed clock of tests/unit/helpers/test-core.ts, seeded through `dispatch`
 * with real records (patients, drafts with notes and entries, finalized
 * records, one amended), a browser-mode host in front of it, pools of the ids
 * that exist, and the per-call generators and round-trip checks.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import {
  calls,
  type CallName,
  type ConsultationRecord,
  type Patient,
  type PresentationState,
  type Settings,
} from '../../../src-shared/contract/index.js';
import type { CallResult } from '../../../src-shared/envelope.js';
import { createCore, type Core } from '../../../src-main/core/create-core.js';
import { appRoot } from '../helpers/test-core.js';
import { writeGoodDeck } from '../src-main/core/decks/deck-fixtures.js';
import {
  DbWatch,
  arbFor,
  inputJsonSchema,
  mutate,
  pick,
  randomPayloadArb,
  startFuzzHost,
  uuidArb,
  type ArbContext,
  type FuzzHost,
  type JsonSchema,
} from './fuzz-kit.js';

export const START = '2026-11-23T09:00:00.000Z';

export interface Pools {
  patients: string[];
  drafts: string[];
  finalized: string[];
  /** Deleted consultations: their ids must answer NOT_FOUND. */
  gone: string[];
  /** Taken out of the pools to keep runs fast or reachable (see retire()). */
  retired: string[];
  entries: number[];
  /** Quick entries with their consultation, for notes.removeEntry. */
  pairs: Array<{ consultationId: string; entryId: number }>;
}

export interface World {
  name: CallName;
  core: Core;
  dataDir: string;
  host: FuzzHost;
  schema: JsonSchema;
  pools: Pools;
  exportDir: string;
  pushes: number;
  watch: DbWatch;
  /** Fingerprint of the database as last seen, or null after anything that may have written. */
  clean: string | null;
  raw(name: string, input: unknown): Promise<CallResult<unknown>>;
  close(): Promise<void>;
}

export type Kind = 'random' | 'valid' | 'mutated';
export interface Payload {
  kind: Kind;
  role: 'doctor' | 'patient';
  value: unknown;
}

function coreFor(name: CallName, dataDir: string): Core {
  // decks.reload re-reads every bundled deck (~250 ms for the real six); its
  // world gets one small fixture deck so 1 000 runs stay within the budget.
  // The real bundle is reloaded by every other world's core at start-up.
  let bundledDecksDir: string | undefined;
  if (name === 'decks.reload') {
    bundledDecksDir = path.join(dataDir, 'bundled');
    writeGoodDeck(bundledDecksDir, 'osteoporosis');
  }
  const now = new Date(START).getTime();
  return createCore({
    dataDir,
    appRoot,
    bundledDecksDir,
    mode: 'browser',
    version: 'fuzz',
    clock: () => new Date(now),
  });
}

export async function makeWorld(name: CallName): Promise<World> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-fuzz-'));
  const core = coreFor(name, dataDir);
  const exportDir = path.join(dataDir, 'fuzz-exports');
  fs.mkdirSync(exportDir);
  const raw = (call: string, input: unknown): Promise<CallResult<unknown>> =>
    core.dispatch(call, input, { role: 'doctor', windowId: 'fuzz-seed' });
  const call = async <T>(call: string, input: unknown): Promise<T> => {
    const result = await raw(call, input);
    if (!result.ok) throw new Error(`seeding ${call}: ${result.error.code} ${result.error.message}`);
    return result.value as T;
  };
  const pools: Pools = { patients: [], drafts: [], finalized: [], gone: [], retired: [], entries: [], pairs: [] };
  await call('settings.update', { physicianName: 'Dr Fuzz', clinicName: 'Fuzz Clinic' });
  const people = [
    { displayName: 'Anna Müller', birthDate: '1950-03-04', sex: 'female', hospitalNumber: 'H-1' },
    { code: 'PSEUDO-1', birthDate: '1948', sex: 'male' },
    { displayName: 'Ünal Ødegård-Łukasz', birthDate: '1960-01-01', sex: 'other' },
  ];
  for (const person of people) pools.patients.push((await call<Patient>('patients.create', person)).id);
  for (const [index, patientId] of [...pools.patients, pools.patients[0]].entries()) {
    const record = await call<ConsultationRecord>('consultations.start', { patientId });
    await call('notes.save', { consultationId: record.id, body: `Seed notes ${index}`, revision: 1 });
    for (const text of ['first entry', 'second entry']) {
      const entryId = (await call<{ id: number }>('notes.addEntry', { consultationId: record.id, text })).id;
      pools.entries.push(entryId);
      pools.pairs.push({ consultationId: record.id, entryId });
    }
    if (index < 2) {
      await call('consultations.finalize', { id: record.id });
      pools.finalized.push(record.id);
    } else pools.drafts.push(record.id);
  }
  await call('consultations.amend', {
    id: pools.finalized[0],
    reason: 'seed amendment',
    change: { section: 'notes', after: { body: 'Amended seed notes' } },
  });
  const host = await startFuzzHost(core);
  const world: World = {
    name,
    core,
    dataDir,
    host,
    schema: inputJsonSchema(name),
    pools,
    exportDir,
    pushes: 0,
    watch: new DbWatch(core.services.db),
    clean: null,
    raw,
    async close() {
      await host.close();
      core.close();
    },
  };
  core.subscribe(() => {
    world.pushes += 1;
  });
  return world;
}

/** Most points kept on screen while fuzzing addStroke (the store keeps up to 200 strokes of 2 000 points a slide). */
const MAX_FUZZ_POINTS = 5_000;

/**
 * Between runs, outside the measured call: calls that use up drafts get fresh
 * ones; drawn marks are wiped once they get large, because every push and
 * every answer carries them all (see the report on state size).
 */
export async function topUp(world: World): Promise<void> {
  const strokes = world.core.services.presentation.state.strokes;
  if (strokes.reduce((n, stroke) => n + stroke.points.length, 0) > MAX_FUZZ_POINTS) {
    await world.raw('presentation.clearStrokes', { scope: 'all' });
  }
  const { name, pools } = world;
  const usesDrafts = ['consultations.delete', 'consultations.finalize', 'notes.save', 'notes.addEntry'].includes(name);
  if (usesDrafts && pools.drafts.length < 3) {
    world.clean = null;
    for (let i = 0; i < 5; i++) {
      const patientId = pools.patients[i % pools.patients.length];
      const result = await world.raw('consultations.start', { patientId });
      if (result.ok) pools.drafts.push((result.value as ConsultationRecord).id);
    }
  }
  const removable = pools.pairs.filter((pair) => pools.drafts.includes(pair.consultationId));
  if (name === 'notes.removeEntry' && removable.length < 3) {
    world.clean = null;
    for (const consultationId of pools.drafts.slice(0, 2)) {
      const added = await world.raw('notes.addEntry', { consultationId, text: 'top-up entry' });
      if (!added.ok) continue;
      const entryId = (added.value as { id: number }).id;
      pools.entries.push(entryId);
      pools.pairs.push({ consultationId, entryId });
    }
  }
  if (name === 'consultations.amend' && pools.finalized.length < 2) {
    world.clean = null;
    const started = await world.raw('consultations.start', { patientId: pools.patients[0] });
    const id = (started as { value: ConsultationRecord }).value.id;
    await world.raw('consultations.finalize', { id });
    pools.finalized.push(id);
  }
}

export interface Snapshot {
  db: string;
  /** The presentation state object: the store replaces it on every change (and bumps its revision). */
  state: number;
  revision: number;
  pushes: number;
}

const stateIds = new WeakMap<object, number>();
let nextStateId = 0;

function stateId(state: object): number {
  let id = stateIds.get(state);
  if (id === undefined) {
    id = nextStateId += 1;
    stateIds.set(state, id);
  }
  return id;
}

export function snapshot(world: World): Snapshot {
  world.clean ??= world.watch.fingerprint();
  const state = world.core.services.presentation.state;
  return { db: world.clean, state: stateId(state), revision: state.revision, pushes: world.pushes };
}

export function sameSnapshot(a: Snapshot, b: Snapshot): boolean {
  return a.db === b.db && a.state === b.state && a.revision === b.revision && a.pushes === b.pushes;
}

export function diffSnapshot(before: Snapshot, after: Snapshot): string {
  const parts: string[] = [];
  if (before.db !== after.db) parts.push('the database');
  if (before.state !== after.state || before.revision !== after.revision) parts.push('the presentation state');
  if (before.pushes !== after.pushes) parts.push(`pushed ${after.pushes - before.pushes} events`);
  return parts.join(', ');
}

/** After a call that must not have changed anything: the fresh snapshot (also cached as clean). */
export function snapshotAfter(world: World): Snapshot {
  world.clean = world.watch.fingerprint();
  return snapshot(world);
}

// ---- generators ---------------------------------------------------------------

let revisionCounter = 1_000;

/** Per-call generators where the schema alone would almost never reach the handler's success path. */
function overrides(world: World): Record<string, fc.Arbitrary<unknown>> {
  const { pools } = world;
  const consultations = (): string[] => [...pools.drafts, ...pools.finalized, ...pools.gone];
  const ctx = context(world, {});
  const anyId = uuidArb(ctx);
  const from = (pool: () => readonly string[], weight = 5): fc.Arbitrary<string> =>
    fc.oneof({ weight, arbitrary: pick(pool) }, { weight: 1, arbitrary: anyId });
  const area = world.name.split('.')[0];
  const result: Record<string, fc.Arbitrary<unknown>> = {
    patientId: from(() => pools.patients),
    // Exports write files: only into this world's folders, never anywhere on the machine.
    exportFolder: fc.constantFrom(
      '',
      world.exportDir,
      path.join(world.exportDir, 'missing'),
      path.join(appRoot, 'package.json'),
    ),
    revision: fc.oneof(
      // Growing revisions reach the success path; the bounds go to the seeded finalized record only (below).
      { weight: 8, arbitrary: fc.constant(0).map(() => (revisionCounter += 1)) },
      { weight: 1, arbitrary: fc.constantFrom(1, Number.MAX_SAFE_INTEGER) },
    ),
    entryId: fc.oneof(
      { weight: 4, arbitrary: fc.nat().map((n) => pools.entries[n % Math.max(1, pools.entries.length)] ?? 1) },
      { weight: 1, arbitrary: fc.constantFrom(1, 2 ** 31, Number.MAX_SAFE_INTEGER) },
    ),
  };
  if (area === 'patients') result.id = from(() => pools.patients);
  if (area === 'consultations') {
    result.id = fc.oneof(
      { weight: 4, arbitrary: pick(() => pools.drafts) },
      { weight: 2, arbitrary: pick(() => pools.finalized) },
      { weight: 1, arbitrary: pick(() => [...pools.gone, ...pools.retired]) },
      { weight: 1, arbitrary: anyId },
    );
  }
  if (area === 'notes' || area === 'exports') {
    result.consultationId = fc.oneof(
      { weight: 6, arbitrary: pick(() => pools.drafts) },
      { weight: 2, arbitrary: pick(() => pools.finalized) },
      { weight: 1, arbitrary: anyId },
    );
  }
  if (world.name === 'exports.create') {
    // No PDF is ever rendered here: the PDF kinds only appear in invalid payloads
    // (mutations of the kind, which fail validation before the handler runs).
    result.kind = fc.constantFrom('record-text', 'fhir-json', 'register-csv');
    result.consultationIds = fc.uniqueArray(from(consultations, 8), { minLength: 1, maxLength: 3 });
  }
  return result;
}

function context(world: World, extra: Record<string, fc.Arbitrary<unknown>>): ArbContext {
  const { pools } = world;
  return {
    ids: () => [...pools.patients, ...pools.drafts, ...pools.finalized, ...pools.gone],
    deckIds: world.core.services.library.list().decks.map((deck) => deck.id),
    today: START.slice(0, 10),
    overrides: extra,
  };
}

/** Schema-valid payloads for this world (checked with the contract itself). */
export function validArb(world: World): fc.Arbitrary<unknown> {
  const schema = calls[world.name].input;
  let arb = arbFor(world.schema, context(world, overrides(world)));
  if (world.name === 'notes.removeEntry') {
    // The entry must belong to the consultation named beside it; pairs come from the pools
    // (mostly entries of drafts, which can be removed; entries of finalized records are LOCKED).
    const of = (list: () => Pools['pairs']): fc.Arbitrary<Pools['pairs'][number]> =>
      fc.nat().map((n) => {
        const pairs = list();
        return { ...(pairs[n % Math.max(1, pairs.length)] ?? { consultationId: '', entryId: 1 }) };
      });
    const removable = (): Pools['pairs'] =>
      world.pools.pairs.filter((pair) => world.pools.drafts.includes(pair.consultationId));
    arb = fc.oneof(
      { weight: 3, arbitrary: of(removable) },
      { weight: 1, arbitrary: of(() => world.pools.pairs) },
      { weight: 1, arbitrary: arb },
    );
  }
  return arb.filter((value) => schema.safeParse(value).success);
}

/** The mix every property draws from: random values, valid payloads, mutated valid payloads. */
export function payloadArb(world: World, options: { jsonOnly?: boolean } = {}): fc.Arbitrary<Payload> {
  const valid = validArb(world);
  const keys = Object.keys(world.schema.properties ?? {});
  let random = randomPayloadArb(keys);
  if (options.jsonOnly) random = random.filter(sendable);
  const mutated = fc
    .tuple(valid, fc.nat(), fc.nat(), fc.nat())
    .map(([value, where, how, what]) => mutate(value, world.schema, where, how, what));
  // Valid export runs write files (fsync'd): fewer of them, see overrides().
  const validWeight = world.name === 'exports.create' ? 1 : 3;
  const role = fc.oneof(
    { weight: 19, arbitrary: fc.constant('doctor' as const) },
    { weight: 1, arbitrary: fc.constant('patient' as const) },
  );
  const value = fc.oneof(
    { weight: 3, arbitrary: random.map((v) => ({ kind: 'random' as const, value: v })) },
    { weight: validWeight, arbitrary: valid.map((v) => ({ kind: 'valid' as const, value: v })) },
    { weight: 4, arbitrary: mutated.map((v) => ({ kind: 'mutated' as const, value: v })) },
  );
  return fc.tuple(value, role).map(([v, r]) => ({ ...v, role: r }));
}

/** Whether a value can be sent as JSON at all (BigInt cannot). */
export function sendable(value: unknown): boolean {
  try {
    JSON.stringify(value);
    return true;
  } catch {
    return false;
  }
}

// ---- after a successful valid call ---------------------------------------------

/** Takes a record out of the pools generators pick from (it stays in the database). */
function retire(world: World, id: string): void {
  const { pools } = world;
  pools.drafts = pools.drafts.filter((other) => other !== id);
  pools.finalized = pools.finalized.filter((other) => other !== id);
  pools.retired.push(id);
}

/** Calls that may answer VALIDATION to a schema-valid payload, and the fields they name (domain rules). */
export const DOMAIN_VALIDATION: Partial<Record<CallName, readonly string[]>> = {
  'patients.create': ['displayName', 'birthDate'],
  'patients.update': ['displayName', 'birthDate'],
  'consultations.updateFindings': ['findings.painSince'],
  'consultations.updateDecision': ['decision.augmentation.plannedDate', 'decision.followUpDate'],
  'consultations.amend': [
    'change.after',
    'change.after.painSince',
    'change.after.augmentation.plannedDate',
    'change.after.followUpDate',
  ],
};

async function get<T>(world: World, call: string, input: unknown): Promise<T> {
  world.clean = null;
  const result = await world.raw(call, input);
  expect(result, `${call} after ${world.name}`).toMatchObject({ ok: true });
  return (result as { value: T }).value;
}

/** Deep equality through JSON (fast on large records); the diff comes from toEqual when they differ. */
function sameAs(actual: unknown, expected: unknown): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) expect(actual).toEqual(expected);
}

const withoutScore = ({ sureScore: _s, ...rest }: ConsultationRecord['decision']): unknown => rest;

/** The write landed as sent (normalized by the contract), and reading it back gives the same thing. */
export async function checkRoundTrip(world: World, input: Record<string, unknown>, value: unknown): Promise<void> {
  const { name, pools } = world;
  const record = value as ConsultationRecord;
  switch (name) {
    case 'patients.create':
    case 'patients.update': {
      const patient = value as Patient;
      if (name === 'patients.create') pools.patients.push(patient.id);
      sameAs(await get(world, 'patients.get', { id: patient.id }), patient);
      if ('displayName' in input) expect(patient.displayName).toBe(input.displayName || null);
      if ('hospitalNumber' in input) expect(patient.hospitalNumber).toBe(input.hospitalNumber || null);
      if (input.code) expect(patient.code).toBe(input.code);
      for (const key of ['birthDate', 'sex'] as const) if (key in input) expect(patient[key]).toBe(input[key]);
      return;
    }
    case 'settings.update': {
      const settings = value as Settings;
      sameAs(await get(world, 'settings.get', {}), settings);
      for (const [key, given] of Object.entries(input)) expect(settings[key as keyof Settings]).toBe(given);
      return;
    }
    case 'notes.save': {
      // A draft whose notes reached a huge revision only answers CONFLICT from then on: retire it.
      if ((input.revision as number) > 1e12) retire(world, input.consultationId as string);
      const stored = await get<ConsultationRecord>(world, 'consultations.get', { id: input.consultationId });
      expect(stored.notes.body).toBe(input.body);
      expect(stored.notes.revision).toBe(input.revision);
      return;
    }
    case 'notes.addEntry': {
      const entry = value as { id: number };
      pools.entries.push(entry.id);
      pools.pairs.push({ consultationId: input.consultationId as string, entryId: entry.id });
      const stored = await get<ConsultationRecord>(world, 'consultations.get', { id: input.consultationId });
      expect(stored.entries.find((e) => e.id === entry.id)?.text).toBe(input.text);
      // Each entry re-indexes all entries of its record (FTS): spread them over fresh drafts.
      if (stored.entries.length >= 40) retire(world, input.consultationId as string);
      return;
    }
    case 'notes.removeEntry': {
      pools.pairs = pools.pairs.filter((pair) => pair.entryId !== input.entryId);
      const stored = await get<ConsultationRecord>(world, 'consultations.get', { id: input.consultationId });
      expect(stored.entries.some((e) => e.id === input.entryId)).toBe(false);
      return;
    }
    case 'consultations.start':
      pools.drafts.push(record.id);
      expect(record).toMatchObject({ status: 'draft', isOpen: true, patient: { id: input.patientId } });
      if (input.playlist) expect(record.playlist).toEqual(input.playlist);
      sameAs(await get(world, 'consultations.get', { id: record.id }), record);
      return;
    case 'consultations.updateFindings': {
      const findings = input.findings as ConsultationRecord['findings'];
      // === rather than Object.is: -0 is a valid pain score and comes back as 0 (JSON).
      expect(record.findings.painNow === findings.painNow).toBe(true);
      expect(record.findings.painSince).toBe(findings.painSince);
      expect(new Set(record.findings.fracturedLevels.map((l) => `${l.level}:${l.grade}`))).toEqual(
        new Set(findings.fracturedLevels.map((l) => `${l.level}:${l.grade}`)),
      );
      expect(new Set(record.findings.redFlags)).toEqual(new Set(findings.redFlags));
      sameAs(await get(world, 'consultations.get', { id: record.id }), record);
      return;
    }
    case 'consultations.updateDecision': {
      const decision = input.decision as Record<string, unknown>;
      const stored = withoutScore(record.decision) as Record<string, unknown>;
      for (const key of ['path', 'conservativeDetails', 'referral', 'questions', 'followUpDate', 'sure']) {
        expect(stored[key], key).toEqual(decision[key]);
      }
      const augmentation = decision.augmentation as { levels: string[] };
      expect(record.decision.augmentation).toEqual({ ...augmentation, levels: expect.any(Array) });
      expect(new Set(record.decision.augmentation.levels)).toEqual(new Set(augmentation.levels));
      expect(new Set(record.decision.conservativeMeasures)).toEqual(new Set(decision.conservativeMeasures as string[]));
      sameAs(await get(world, 'consultations.get', { id: record.id }), record);
      return;
    }
    case 'consultations.confirmRisks': {
      const risks = input.risks as { confirmed: string[]; otherText: string };
      const confirmed = record.risks.items.filter((item) => item.confirmed).map((item) => item.risk);
      expect(new Set(confirmed)).toEqual(new Set(risks.confirmed));
      expect(record.risks.otherText).toBe(risks.otherText);
      sameAs(await get(world, 'consultations.get', { id: record.id }), record);
      return;
    }
    case 'consultations.amend': {
      // Every read parses all amendments: spread them over fresh records to keep runs fast.
      if (record.amendments.length >= 20) retire(world, record.id);
      const change = input.change as { section: string; after: { body?: string } };
      expect(record.amendments.at(-1)).toMatchObject({
        section: change.section,
        reason: input.reason,
        author: 'Dr Fuzz',
      });
      if (change.section === 'notes') expect(record.current.notes.body).toBe(change.after.body);
      sameAs(await get(world, 'consultations.get', { id: record.id }), record);
      return;
    }
    case 'consultations.finalize':
      pools.drafts = pools.drafts.filter((id) => id !== record.id);
      pools.finalized.push(record.id);
      expect(record).toMatchObject({ status: 'finalized', finalizedBy: 'Dr Fuzz' });
      sameAs(await get(world, 'consultations.get', { id: record.id }), record);
      return;
    case 'consultations.delete': {
      pools.drafts = pools.drafts.filter((id) => id !== input.id);
      pools.gone.push(input.id as string);
      world.clean = null;
      const after = await world.raw('consultations.get', { id: input.id });
      expect(after).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      return;
    }
    case 'exports.create': {
      const { files } = value as { files: Array<{ path: string; bytes: number }> };
      for (const file of files) expect(fs.statSync(file.path).size).toBe(file.bytes);
      return;
    }
    default:
      if (name.startsWith('presentation.') || name === 'session.lock') {
        const state = await get<PresentationState>(world, 'presentation.get', {});
        if (name.startsWith('presentation.')) sameAs(state, value);
        if (name === 'presentation.setPlaylist')
          expect(state.playlist).toEqual([...new Set(input.playlist as string[])]);
        if (name === 'presentation.setLanguage') expect(state.language).toBe(input.language);
        if (name === 'presentation.setBlank') expect(state.blank).toBe(input.blank);
        if (name === 'session.lock') expect(state.startedAt).toBeNull();
      }
  }
}
