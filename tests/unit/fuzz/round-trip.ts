/**
 * What an ok answer to a valid payload must satisfy: the write reads back as
 * sent (after the contract's normalizing: trimmed text, sorted lists), through
 * the contract's own read calls. Also keeps the world's pools up to date.
 */
import { normalizeHospitalNumber } from '../../../src-main/core/records/patients.js';
import fs from 'node:fs';
import { expect } from 'vitest';
import type {
  CallName,
  CallOutput,
  ConsultationRecord,
  FollowUp,
  Patient,
  PresentationState,
  Settings,
} from '../../../src-shared/contract/index.js';
import { retire, type World } from './contract-world.js';

/** Calls that may answer VALIDATION to a schema-valid payload, and the fields they name (domain rules). */
export const DOMAIN_VALIDATION: Partial<Record<CallName, readonly string[]>> = {
  'patients.create': ['displayName', 'birthDate'],
  'patients.update': ['displayName', 'birthDate'],
  // The name-or-code rule and "nothing to correct" name displayName; a future birth date names birthDate.
  'patients.correct': ['displayName', 'birthDate'],
  // A chosen export folder must exist and take a file (the fuzz pool has a missing one and a file).
  'settings.update': ['exportFolder'],
  'exports.create': ['folder'],
  'consultations.updateFindings': ['findings.painSince'],
  'consultations.updateDecision': ['decision.augmentation.plannedDate', 'decision.followUpDate'],
  // A visit on or after its consultation's day, not after today.
  'followUps.create': ['values.visitDate'],
  'followUps.update': ['values.visitDate'],
  // A correction also names `values` when it would change nothing.
  'followUps.amend': ['values.visitDate', 'values'],
  'exports.visit': ['folder'],
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
      if ('hospitalNumber' in input)
        // Stored NFKC-normalized and trimmed (records/patients.ts): look-alikes are one number.
        expect(patient.hospitalNumber).toBe(normalizeHospitalNumber((input.hospitalNumber as string | null) || null));
      if (input.code) expect(patient.code).toBe(input.code);
      for (const key of ['birthDate', 'sex'] as const) if (key in input) expect(patient[key]).toBe(input[key]);
      return;
    }
    case 'patients.correct': {
      const { patient, correction } = value as CallOutput<'patients.correct'>;
      sameAs(await get(world, 'patients.get', { id: patient.id }), patient);
      if ('displayName' in input) expect(patient.displayName).toBe(input.displayName || null);
      if ('hospitalNumber' in input)
        // Stored NFKC-normalized and trimmed (records/patients.ts): look-alikes are one number.
        expect(patient.hospitalNumber).toBe(normalizeHospitalNumber((input.hospitalNumber as string | null) || null));
      if ('birthDate' in input) expect(patient.birthDate).toBe(input.birthDate);
      expect(correction.reason).toBe(input.reason);
      const { corrections } = await get<{ corrections: Array<{ id: number }> }>(world, 'patients.corrections', {
        id: patient.id,
      });
      expect(corrections.at(-1)?.id).toBe(correction.id);
      return;
    }
    case 'settings.update': {
      const settings = value as Settings;
      sameAs(await get(world, 'settings.get', {}), settings);
      for (const [key, given] of Object.entries(input)) expect(settings[key as keyof Settings]).toBe(given);
      return;
    }
    case 'notes.save': {
      const stored = await get<ConsultationRecord>(world, 'consultations.get', { id: input.consultationId });
      expect(stored.notes.body).toBe(input.body);
      return;
    }
    case 'notes.addEntry': {
      const entry = value as CallOutput<'notes.addEntry'>;
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
    case 'followUps.create':
    case 'followUps.update':
    case 'followUps.finalize': {
      const visit = value as FollowUp;
      if (name === 'followUps.create') pools.followUps.push(visit.id);
      if (name !== 'followUps.finalize') {
        const values = input.values as FollowUp;
        const { painNow, ...rest } = values;
        expect(visit).toMatchObject(rest);
        // === rather than Object.is: -0 is a valid pain score and comes back as 0.
        expect(visit.painNow === painNow).toBe(true);
      } else expect(visit.status).toBe('finalized');
      const { items } = await get<{ items: FollowUp[] }>(world, 'followUps.list', {
        consultationId: visit.consultationId,
      });
      sameAs(
        items.find((v) => v.id === visit.id),
        visit,
      );
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
    case 'consultations.updateWhatMatters':
      // Every statement comes back with the answer sent ("not-asked" included).
      expect(record.whatMatters).toEqual(input.whatMatters);
      sameAs(await get(world, 'consultations.get', { id: record.id }), record);
      return;
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
      const { files } = value as CallOutput<'exports.create'>;
      for (const file of files) expect(fs.statSync(file.path).size).toBe(file.bytes);
      return;
    }
    case 'presentation.setPointer':
    case 'presentation.ink': {
      // Answered with the revision they apply to: a move is a delta on it, taking the laser away a new one.
      const state = await get<PresentationState>(world, 'presentation.get', {});
      expect(value).toEqual({ revision: state.revision });
      if (name === 'presentation.setPointer') expect(state.pointer).toEqual(input.pointer);
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
