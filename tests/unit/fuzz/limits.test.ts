/**
 * Every documented limit at its maximum and one past it: at the maximum the
 * call is accepted and the value stored in full (read back through the
 * contract); one past it the answer is VALIDATION naming the field and
 * nothing is written (content fingerprint of the database, presentation
 * state). Lengths are characters (code points), as this zod counts string
 * lengths (not UTF-16 units); each text limit is tried with plain letters and
 * with characters outside the BMP (two UTF-16 units, four UTF-8 bytes each).
 * The message size is tried over HTTP (TOO_LARGE) and the WebSocket (the
 * socket is closed; the host keeps serving).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LIMITS,
  MAX_EXPORT_BATCH,
  spineLevels,
  type CallName,
  type ConsultationRecord,
  type Patient,
  type PresentationState,
  type Settings,
  signWarningIds,
} from '../../../src-shared/contract/index.js';
import { MAX_MESSAGE_BYTES, type CallResult } from '../../../src-shared/envelope.js';
import { makeTestCore, type TestCore } from '../helpers/test-core.js';
import { deckFile, slide, writeDeck } from '../src-main/core/decks/deck-fixtures.js';
import { DbWatch } from './db-watch.js';
import { startFuzzHost, type FuzzHost } from './fuzz-host.js';
import { fill, inputJsonSchema, type JsonSchema } from './schema-arbitraries.js';
import { base, withBase } from '../helpers/revisions.js';

let t: TestCore;
let watch: DbWatch;
let host: FuzzHost;
let patientId: string;
let draftId: string;
let finalizedId: string;
/** 30 distinct deck ids: the six bundled decks and 24 small user decks. */
let deckIds: string[];

beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-limits-'));
  for (let i = 1; i <= LIMITS.playlist; i++) {
    const id = `clinic-deck-${i}`;
    writeDeck(path.join(dataDir, 'decks'), id, { 'en.md': deckFile(id, 'en', [slide('one', '## One')]) });
  }
  t = makeTestCore({ dataDir });
  watch = new DbWatch(t.core.services.db);
  host = await startFuzzHost(t.core);
  deckIds = t.core.services.library
    .list()
    .decks.map((deck) => deck.id)
    .slice(0, LIMITS.playlist + 1);
  expect(deckIds).toHaveLength(LIMITS.playlist + 1);
  await t.call('settings.update', { physicianName: 'Dr Limits' });
  patientId = (await t.call('patients.create', { displayName: 'Limit Patient', birthDate: '1950', sex: 'female' })).id;
  draftId = (await t.call('consultations.start', { patientId })).id;
  finalizedId = (await t.call('consultations.start', { patientId })).id;
  await t.call('consultations.finalize', { id: finalizedId, acknowledged: [...signWarningIds] });
});

afterAll(async () => {
  await host.close();
  t.close();
  fs.rmSync(t.dataDir, { recursive: true, force: true });
});

interface Before {
  db: string;
  state: PresentationState;
  pushes: number;
}

const before = (): Before => ({ db: watch.full(), state: t.core.services.presentation.state, pushes: t.pushes.length });

function expectNothingWritten(was: Before): void {
  expect(watch.full(), 'database content').toBe(was.db);
  expect(t.core.services.presentation.state, 'presentation state').toBe(was.state);
  expect(t.pushes.length, 'pushes').toBe(was.pushes);
}

async function expectRefused(name: CallName, input: unknown, field: string): Promise<void> {
  const sent = await withBase(t, name, input);
  const was = before();
  const result = await t.raw(name, sent);
  expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', field } });
  expectNothingWritten(was);
}

async function expectAccepted(name: CallName, input: unknown): Promise<unknown> {
  const result = await t.raw(name, await withBase(t, name, input));
  expect(result, JSON.stringify(result).slice(0, 300)).toMatchObject({ ok: true });
  return (result as { value: unknown }).value;
}

const record = (id: string): Promise<ConsultationRecord> => t.call('consultations.get', { id });

const seeds = [
  ['letters', 'abcdefghij'],
  ['non-BMP', '😀🦴'],
] as const;

let unique = 0;
/** Text of exactly `length` characters (code points), different on every call (a stored value must change). */
function text(seed: string, length: number): string {
  unique += 1;
  const tag = `${unique}-`;
  const chars = [...seed];
  return tag + Array.from({ length: length - tag.length }, (_, i) => chars[i % chars.length]).join('');
}

const characters = (value: string): number => [...value].length;

interface TextCase {
  limit: keyof typeof LIMITS;
  call: CallName;
  field: string;
  input: (value: string) => Record<string, unknown>;
  /** The stored value, read back; null for a call that stores nothing (a search). */
  read: ((answer: unknown) => Promise<string>) | null;
}

const decision = (patch: Record<string, unknown>) => ({
  path: 'referred',
  conservativeMeasures: [],
  conservativeDetails: '',
  augmentation: { procedure: null, levels: [], anaesthesia: null, plannedDate: null },
  referral: '',
  questions: '',
  followUpDate: null,
  sure: { sureOfChoice: null, knowsBenefitsAndRisks: null, clearAboutValues: null, enoughSupport: null },
  ...patch,
});

const textCases: TextCase[] = [
  {
    limit: 'noteBody',
    call: 'notes.save',
    field: 'body',
    input: (body) => ({ consultationId: draftId, body }),
    read: async () => (await record(draftId)).notes.body,
  },
  {
    limit: 'noteBody',
    call: 'consultations.amend',
    field: 'change.after.body',
    input: (body) => ({ id: finalizedId, reason: 'typo', change: { section: 'notes', after: { body } } }),
    read: async () => (await record(finalizedId)).current.notes.body,
  },
  {
    limit: 'shortText',
    call: 'patients.create',
    field: 'displayName',
    input: (displayName) => ({ displayName, birthDate: '1960', sex: 'male' }),
    read: async (answer) => (await t.call('patients.get', { id: (answer as Patient).id })).displayName ?? '',
  },
  {
    limit: 'shortText',
    call: 'patients.create',
    field: 'hospitalNumber',
    input: (hospitalNumber) => ({ displayName: 'H', hospitalNumber, birthDate: '1960', sex: 'male' }),
    read: async (answer) => (await t.call('patients.get', { id: (answer as Patient).id })).hospitalNumber ?? '',
  },
  {
    limit: 'shortText',
    call: 'patients.update',
    field: 'displayName',
    input: (displayName) => ({ id: patientId, displayName }),
    read: async () => (await t.call('patients.get', { id: patientId })).displayName ?? '',
  },
  {
    limit: 'shortText',
    call: 'settings.update',
    field: 'clinicName',
    input: (clinicName) => ({ clinicName }),
    read: async () => ((await t.call('settings.get', {})) as Settings).clinicName,
  },
  {
    limit: 'shortText',
    call: 'settings.update',
    field: 'physicianName',
    input: (physicianName) => ({ physicianName }),
    read: async () => ((await t.call('settings.get', {})) as Settings).physicianName,
  },
  {
    limit: 'shortText',
    call: 'consultations.confirmRisks',
    field: 'risks.otherText',
    input: (otherText) => ({ id: draftId, risks: { confirmed: ['other'], otherText } }),
    read: async () => (await record(draftId)).risks.otherText,
  },
  {
    limit: 'shortText',
    call: 'consultations.updateDecision',
    field: 'decision.referral',
    input: (referral) => ({ id: draftId, decision: decision({ referral }) }),
    read: async () => (await record(draftId)).decision.referral,
  },
  { limit: 'shortText', call: 'patients.search', field: 'query', input: (query) => ({ query }), read: null },
  { limit: 'shortText', call: 'consultations.history', field: 'text', input: (text) => ({ text }), read: null },
  {
    limit: 'mediumText',
    call: 'notes.addEntry',
    field: 'text',
    input: (entry) => ({ consultationId: draftId, text: entry }),
    read: async (answer) => {
      const id = (answer as { id: number }).id;
      return (await record(draftId)).entries.find((entry) => entry.id === id)?.text ?? '';
    },
  },
  {
    limit: 'mediumText',
    call: 'consultations.amend',
    field: 'reason',
    input: (reason) => ({ id: finalizedId, reason, change: { section: 'notes', after: { body: text('n', 20) } } }),
    read: async () => (await record(finalizedId)).amendments.at(-1)?.reason ?? '',
  },
  {
    limit: 'mediumText',
    call: 'consultations.updateDecision',
    field: 'decision.conservativeDetails',
    input: (conservativeDetails) => ({ id: draftId, decision: decision({ conservativeDetails }) }),
    read: async () => (await record(draftId)).decision.conservativeDetails,
  },
  {
    limit: 'mediumText',
    call: 'consultations.updateDecision',
    field: 'decision.questions',
    input: (questions) => ({ id: draftId, decision: decision({ questions }) }),
    read: async () => (await record(draftId)).decision.questions,
  },
  {
    limit: 'mediumText',
    call: 'settings.update',
    field: 'clinicContact',
    input: (clinicContact) => ({ clinicContact }),
    read: async () => ((await t.call('settings.get', {})) as Settings).clinicContact,
  },
];

describe.each(textCases.flatMap((c) => seeds.map(([label, seed]) => ({ ...c, label, seed }))))(
  '$limit: $call $field ($label)',
  ({ limit, call, field, input, read, seed }) => {
    const max = LIMITS[limit];

    it(`accepts ${max} characters and stores them all`, async () => {
      const value = text(seed, max);
      expect(characters(value)).toBe(max);
      const answer = await expectAccepted(call, input(value));
      if (read) expect(await read(answer)).toBe(value);
    });

    it(`refuses ${max + 1} characters with VALIDATION on ${field}, writing nothing`, async () => {
      await expectRefused(call, input(text(seed, max + 1)), field);
    });
  },
);

describe('settings exportFolder (mediumText, an absolute path)', () => {
  const max = LIMITS.mediumText;
  it(`accepts ${max} characters and stores them; refuses ${max + 1}`, async () => {
    // A real folder of exactly `max` characters: settings.update checks that the folder exists and takes a file.
    let folder = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-limits-'));
    while (max - folder.length > 201) folder = path.join(folder, fill('x', 200));
    folder = path.join(folder, fill('x', max - folder.length - 1));
    fs.mkdirSync(folder, { recursive: true });
    expect(folder).toHaveLength(max);
    await expectAccepted('settings.update', { exportFolder: folder });
    expect(((await t.call('settings.get', {})) as Settings).exportFolder).toBe(folder);
    await expectRefused('settings.update', { exportFolder: `/${fill('y', max)}` }, 'exportFolder');
    await expectAccepted('settings.update', { exportFolder: '' });
  });
});

describe(`playlist: LIMITS.playlist = ${LIMITS.playlist} decks`, () => {
  it('presentation.setPlaylist keeps 30 distinct decks in order; refuses 31', async () => {
    const playlist = deckIds.slice(0, LIMITS.playlist);
    const state = (await expectAccepted('presentation.setPlaylist', { playlist })) as PresentationState;
    expect(state.playlist).toEqual(playlist);
    expect((await t.call('presentation.get', {})).playlist).toEqual(playlist);
    await expectRefused('presentation.setPlaylist', { playlist: deckIds }, 'playlist');
  });

  it('consultations.start keeps a playlist of 30 in the record; refuses 31', async () => {
    const playlist = [...deckIds.slice(0, LIMITS.playlist)].reverse();
    const started = (await expectAccepted('consultations.start', { patientId, playlist })) as ConsultationRecord;
    expect((await record(started.id)).playlist).toEqual(playlist);
    await expectRefused('consultations.start', { patientId, playlist: deckIds }, 'playlist');
  });
});

describe(`lists: LIMITS.list = ${LIMITS.list}`, () => {
  it('patients.search answers up to 50 patients with limit 50; refuses limit 51', async () => {
    for (let i = 0; i < LIMITS.list + 5; i++) {
      await t.call('patients.create', { displayName: `Listed ${i}`, birthDate: '1970', sex: 'unknown' });
    }
    const found = (await expectAccepted('patients.search', { query: 'listed', limit: LIMITS.list })) as {
      patients: Patient[];
    };
    expect(found.patients).toHaveLength(LIMITS.list);
    await expectRefused('patients.search', { query: 'listed', limit: LIMITS.list + 1 }, 'limit');
  });

  it('names every list input of the contract and its maximum (LIMITS.list is not used by any of them)', () => {
    // LIMITS.list documents "most items in any other list input", but the list inputs carry their own
    // maxima; LIMITS.list (50) only bounds patients.search's `limit` number. Kept visible here on purpose.
    const found: Record<string, number> = {};
    const visit = (node: JsonSchema | undefined, at: string): void => {
      if (!node) return;
      for (const branch of [...(node.anyOf ?? []), ...(node.oneOf ?? [])]) visit(branch, at);
      if (node.maxItems !== undefined && !node.prefixItems) found[at] = node.maxItems;
      if (node.items) visit(node.items, `${at}[]`);
      for (const [key, child] of Object.entries(node.properties ?? {})) visit(child, at ? `${at}.${key}` : key);
    };
    const names: CallName[] = [
      'presentation.setPlaylist',
      'presentation.showSpine',
      'presentation.addStroke',
      'consultations.start',
      'consultations.updateFindings',
      'consultations.updateDecision',
      'consultations.confirmRisks',
      'exports.create',
    ];
    for (const name of names) visit(inputJsonSchema(name), name);
    expect(found).toEqual({
      'presentation.setPlaylist.playlist': LIMITS.playlist,
      'presentation.showSpine.levels': spineLevels.length,
      'presentation.addStroke.stroke.points': 2000,
      'consultations.start.playlist': LIMITS.playlist,
      'consultations.updateFindings.findings.fracturedLevels': spineLevels.length,
      'consultations.updateFindings.findings.redFlags': 4,
      'consultations.updateDecision.decision.conservativeMeasures': 7,
      'consultations.updateDecision.decision.augmentation.levels': spineLevels.length,
      'consultations.confirmRisks.risks.confirmed': 8,
      'exports.create.consultationIds': MAX_EXPORT_BATCH,
    });
  });

  it('presentation.addStroke keeps a stroke of 2000 points; refuses 2001', async () => {
    await t.call('presentation.setPlaylist', { playlist: ['osteoporosis'] });
    await t.call('presentation.start', {});
    const points = Array.from({ length: 2000 }, (_, i): [number, number] => [i / 1999, 1 - i / 1999]);
    const state = (await expectAccepted('presentation.addStroke', {
      stroke: { colour: 'red', points },
    })) as PresentationState;
    expect(state.strokes.at(-1)?.points).toEqual(points);
    const more = [...points, [0.5, 0.5]];
    await expectRefused('presentation.addStroke', { stroke: { colour: 'red', points: more } }, 'stroke.points');
  });

  it('presentation.showSpine shows all 17 levels; refuses 18', async () => {
    const levels = spineLevels.map((level, i) => ({ level, grade: ((i % 3) + 1) as 1 | 2 | 3 }));
    const state = (await expectAccepted('presentation.showSpine', { levels })) as PresentationState;
    expect(state.spine).toEqual(levels);
    await expectRefused('presentation.showSpine', { levels: [...levels, levels[0]] }, 'levels');
  });

  it('consultations.updateFindings stores all 17 fractured levels; refuses 18', async () => {
    const fracturedLevels = spineLevels.map((level) => ({ level, grade: 2 as const }));
    const findings = { painNow: 10, painSince: '2026-11-23', fracturedLevels, redFlags: [] };
    await expectAccepted('consultations.updateFindings', { id: draftId, findings });
    expect((await record(draftId)).findings.fracturedLevels).toEqual(fracturedLevels);
    const tooMany = { ...findings, fracturedLevels: [...fracturedLevels, { level: 'T1', grade: 1 }] };
    await expectRefused('consultations.updateFindings', { id: draftId, findings: tooMany }, 'findings.fracturedLevels');
  });

  it(`exports.create exports ${MAX_EXPORT_BATCH} consultations in one register; refuses ${MAX_EXPORT_BATCH + 1}`, async () => {
    const ids: string[] = [];
    for (let i = 0; i < MAX_EXPORT_BATCH + 1; i++) ids.push((await t.call('consultations.start', { patientId })).id);
    const input = { consultationIds: ids.slice(0, MAX_EXPORT_BATCH), kind: 'register-csv', pseudonymize: true };
    const { files } = (await expectAccepted('exports.create', input)) as { files: Array<{ path: string }> };
    expect(files).toHaveLength(1);
    const csv = fs.readFileSync(files[0]?.path ?? '', 'utf8');
    // A header and one row per consultation.
    expect(csv.trimEnd().split('\r\n')).toHaveLength(MAX_EXPORT_BATCH + 1);
    await expectRefused('exports.create', { ...input, consultationIds: ids }, 'consultationIds');
  }, 60_000);
});

describe(`message size: MAX_MESSAGE_BYTES = ${MAX_MESSAGE_BYTES}`, () => {
  /**
   * A notes.save message of exactly `bytes` bytes: the largest note there is (100 000 characters of
   * four UTF-8 bytes each, so it must fit in one message), padded with JSON whitespace.
   */
  async function notesMessage(
    bytes: number,
    wrap: (input: unknown) => unknown,
  ): Promise<{ text: string; body: string }> {
    const body = text('😀🦴', LIMITS.noteBody);
    const json = JSON.stringify(wrap({ consultationId: draftId, body, baseRevision: await base(t, draftId, 'notes') }));
    const padding = bytes - Buffer.byteLength(json);
    expect(padding).toBeGreaterThanOrEqual(0);
    return { text: `${json}${' '.repeat(padding)}`, body };
  }

  it('HTTP: a body of exactly MAX_MESSAGE_BYTES is accepted and stored; one byte more is TOO_LARGE, writing nothing', async () => {
    const atMax = await notesMessage(MAX_MESSAGE_BYTES, (input) => input);
    expect(Buffer.byteLength(atMax.text)).toBe(MAX_MESSAGE_BYTES);
    const ok = JSON.parse((await host.post('notes.save', atMax.text)).body) as CallResult<unknown>;
    expect(ok).toMatchObject({ ok: true });
    expect((await record(draftId)).notes.body).toBe(atMax.body);

    const over = await notesMessage(MAX_MESSAGE_BYTES + 1, (input) => input);
    const was = before();
    const answer = await host.post('notes.save', over.text);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
    expectNothingWritten(was);
    // The host keeps serving.
    expect(JSON.parse((await host.post('presentation.get', '{}')).body)).toMatchObject({ ok: true });
  });

  it('WebSocket: a message of exactly MAX_MESSAGE_BYTES is answered and stored; one byte more closes that socket only', async () => {
    const socket = await host.socket('doctor');
    const atMax = await notesMessage(MAX_MESSAGE_BYTES, (input) => ({ id: 1, name: 'notes.save', input }));
    expect(Buffer.byteLength(atMax.text)).toBe(MAX_MESSAGE_BYTES);
    expect(await socket.send(1, atMax.text)).toMatchObject({ result: { ok: true } });
    expect((await record(draftId)).notes.body).toBe(atMax.body);

    const bystander = await host.socket('patient');
    const over = await notesMessage(MAX_MESSAGE_BYTES + 1, (input) => ({ id: 2, name: 'notes.save', input }));
    const was = before();
    expect(await socket.send(2, over.text)).toEqual({ closed: 1009 });
    expectNothingWritten(was);
    // The host keeps serving: the other socket, a new socket, and HTTP.
    expect(await bystander.send(3, JSON.stringify({ id: 3, name: 'presentation.get', input: {} }))).toMatchObject({
      result: { ok: true },
    });
    const fresh = await host.socket('doctor');
    expect(await fresh.send(4, JSON.stringify({ id: 4, name: 'app.info', input: {} }))).toMatchObject({
      result: { ok: true },
    });
    expect(JSON.parse((await host.post('app.info', '{}')).body)).toMatchObject({ ok: true });
    bystander.close();
    fresh.close();
  });
});
