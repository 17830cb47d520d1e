/**
 * One fuzzing world per call: a real core on a fresh SQLite file with the
 * fixed clock of tests/unit/helpers/test-core.ts, seeded through `dispatch`
 * with real records (patients, drafts with notes and entries, finalized
 * records, one amended), a browser-mode host in front of it, pools of the ids
 * that exist, and the per-call generators (round-trip checks: round-trip.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import {
  calls,
  type CallName,
  type ConsultationRecord,
  type Patient,
  signWarningIds,
} from '../../../src-shared/contract/index.js';
import type { CallResult } from '../../../src-shared/envelope.js';
import { createCore, type Core } from '../../../src-main/core/create-core.js';
import { appRoot } from '../helpers/test-core.js';
import { writeGoodDeck } from '../src-main/core/decks/deck-fixtures.js';
import { DbWatch } from './db-watch.js';
import { startFuzzHost, type FuzzHost } from './fuzz-host.js';
import { mutate, randomPayloadArb } from './payload-mutations.js';
import {
  arbFor,
  dateArb,
  inputJsonSchema,
  pick,
  uuidArb,
  type ArbContext,
  type JsonSchema,
} from './schema-arbitraries.js';

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
  /** Follow-up visits (drafts and signed) of the finalized consultations. */
  followUps: string[];
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
  const pools: Pools = {
    patients: [],
    drafts: [],
    finalized: [],
    gone: [],
    retired: [],
    entries: [],
    pairs: [],
    followUps: [],
  };
  await call('settings.update', { physicianName: 'Dr Fuzz', clinicName: 'Fuzz Clinic' });
  const people = [
    { displayName: 'Anna Müller', birthDate: '1950-03-04', sex: 'female', hospitalNumber: 'H-1' },
    { code: 'PSEUDO-1', birthDate: '1948', sex: 'male' },
    { displayName: 'Ünal Ødegård-Łukasz', birthDate: '1960-01-01', sex: 'other' },
  ];
  for (const person of people) pools.patients.push((await call<Patient>('patients.create', person)).id);
  for (const [index, patientId] of [...pools.patients, pools.patients[0]].entries()) {
    const record = await call<ConsultationRecord>('consultations.start', { patientId });
    await call('notes.save', {
      consultationId: record.id,
      body: `Seed notes ${index}`,
      baseRevision: record.revisions.notes,
    });
    for (const text of ['first entry', 'second entry']) {
      const entryId = (await call<{ id: number }>('notes.addEntry', { consultationId: record.id, text })).id;
      pools.entries.push(entryId);
      pools.pairs.push({ consultationId: record.id, entryId });
    }
    if (index < 2) {
      await call('consultations.finalize', { id: record.id, acknowledged: [...signWarningIds] });
      pools.finalized.push(record.id);
    } else pools.drafts.push(record.id);
  }
  await call('consultations.amend', {
    id: pools.finalized[0],
    reason: 'seed amendment',
    change: { section: 'notes', after: { body: 'Amended seed notes' } },
  });
  // A draft visit and a signed one, after the first finalized consultation.
  for (const sign of [false, true]) {
    const visit = await call<{ id: string }>('followUps.create', {
      consultationId: pools.finalized[0],
      values: {
        visitDate: START.slice(0, 10),
        painNow: 4,
        mobility: 'limited',
        painMedication: 'simple',
        complications: [],
        complicationsOther: '',
        newFractures: [],
        note: 'seed visit',
      },
    });
    if (sign) await call('followUps.finalize', { id: visit.id });
    pools.followUps.push(visit.id);
  }
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
      fs.rmSync(dataDir, { recursive: true, force: true });
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
    await world.raw('consultations.finalize', { id, acknowledged: [...signWarningIds] });
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
    // exports.create's folder of the run (desktop folder dialog): the same confined pool.
    folder: fc.constantFrom(world.exportDir, path.join(world.exportDir, 'missing'), path.join(appRoot, 'package.json')),
    // Core's section revisions start at 0 and grow by one per landed change: small numbers reach both the
    // success path and CONFLICT; the bounds must answer CONFLICT without writing.
    baseRevision: fc.oneof(
      { weight: 6, arbitrary: fc.nat(4) },
      { weight: 1, arbitrary: fc.constantFrom(0, Number.MAX_SAFE_INTEGER) },
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
  if (area === 'followUps') {
    // Visits follow finalized consultations, on or after their day and not after today (the world's clock).
    result.consultationId = fc.oneof(
      { weight: 6, arbitrary: pick(() => pools.finalized) },
      { weight: 1, arbitrary: pick(() => pools.drafts) },
      { weight: 1, arbitrary: anyId },
    );
    result.id = from(() => pools.followUps);
    result.visitDate = fc.oneof(
      { weight: 4, arbitrary: fc.constant(START.slice(0, 10)) },
      { weight: 1, arbitrary: dateArb(ctx) },
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

/** Takes a record out of the pools generators pick from (it stays in the database). */
export function retire(world: World, id: string): void {
  const { pools } = world;
  pools.drafts = pools.drafts.filter((other) => other !== id);
  pools.finalized = pools.finalized.filter((other) => other !== id);
  pools.retired.push(id);
}
