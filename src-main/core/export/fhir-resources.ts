/**
 * The clinical resources of the FHIR R4 document: Patient, Practitioner,
 * Encounter, Condition and the Observations. Codes are used only where we are
 * sure of them (each says where it comes from); everything else is text only,
 * which FHIR allows everywhere a CodeableConcept is asked for.
 */
import { createHash } from 'node:crypto';
import type {
  Condition,
  Encounter,
  Observation,
  Patient,
  Practitioner,
  Reference,
  Resource,
  RiskAssessment,
} from '@medplum/fhirtypes';
import { genantLabels, redFlagLabels, riskLabels } from './labels.js';
import type { ExportSummary } from './summary.js';

export const SYSTEMS = {
  loinc: 'http://loinc.org',
  snomed: 'http://snomed.info/sct',
  // The canonical FHIR URI of ICD-10-CM (terminology.hl7.org lists it under this system).
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  // HL7 terminology (THO) code systems, the ones R4's own bindings name.
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  conditionVerification: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  identifierType: 'http://terminology.hl7.org/CodeSystem/v2-0203',
} as const;

/** A stable UUID per consultation and resource, so exporting twice gives the same ids. */
export function resourceUuid(consultationId: string, name: string): string {
  const hex = createHash('sha256').update(`${consultationId}/${name}`).digest('hex');
  // Version 5-style bits (name-based), variant 10xx.
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface Refs {
  id: (name: string) => string;
  /** A reference inside the bundle; the target type comes from where it is used. */
  ref: <T extends Resource>(name: string) => Reference<T>;
  final: boolean;
}

export function makeRefs(s: ExportSummary): Refs {
  const id = (name: string): string => resourceUuid(s.consultationId, name);
  return { id, ref: (name) => ({ reference: `urn:uuid:${id(name)}` }), final: s.status === 'finalized' };
}

export function patientResource(s: ExportSummary, r: Refs): Patient {
  const p = s.patient;
  return {
    resourceType: 'Patient',
    id: r.id('patient'),
    identifier: [
      { type: { text: 'Patient code' }, value: p.code },
      // v2-0203 "MR": medical record number, the usual type of a hospital number.
      ...(p.hospitalNumber
        ? [
            {
              type: { coding: [{ system: SYSTEMS.identifierType, code: 'MR' }], text: 'Hospital number' },
              value: p.hospitalNumber,
            },
          ]
        : []),
    ],
    ...(p.name ? { name: [{ text: p.name }] } : {}),
    gender: p.sex,
    ...(p.birthDate ? { birthDate: p.birthDate } : {}),
  };
}

export function practitionerResource(s: ExportSummary, r: Refs): Practitioner {
  return {
    resourceType: 'Practitioner',
    id: r.id('practitioner'),
    ...(s.physician ? { name: [{ text: s.physician }] } : {}),
  };
}

export function encounterResource(s: ExportSummary, r: Refs): Encounter {
  return {
    resourceType: 'Encounter',
    id: r.id('encounter'),
    status: r.final ? 'finished' : 'in-progress',
    // v3-ActCode AMB "ambulatory": the R4 example binding for Encounter.class.
    class: { system: SYSTEMS.actCode, code: 'AMB', display: 'ambulatory' },
    type: [{ text: 'Consultation about an osteoporotic vertebral fracture' }],
    subject: r.ref('patient'),
    participant: [{ individual: r.ref('practitioner') }],
    period: { start: s.startedAt },
  };
}

/** One Condition for the fracture(s), with a bodySite and a Genant stage per level. */
export function conditionResource(s: ExportSummary, r: Refs): Condition | null {
  const f = s.findings;
  if (f.fracturedLevels.length === 0) return null;
  return {
    resourceType: 'Condition',
    id: r.id('condition'),
    clinicalStatus: { coding: [{ system: SYSTEMS.conditionClinical, code: 'active' }] },
    verificationStatus: { coding: [{ system: SYSTEMS.conditionVerification, code: 'confirmed' }] },
    category: [{ coding: [{ system: SYSTEMS.conditionCategory, code: 'encounter-diagnosis' }] }],
    code: {
      // SNOMED CT 42942008 |Compression fracture of vertebral column (disorder)|: the fully specified
      // name matches; it is also used in published value sets. No vertebra-level body-structure codes:
      // we are not sure of all 17, so each level is given as text.
      coding: [
        { system: SYSTEMS.snomed, code: '42942008', display: 'Compression fracture of vertebral column' },
        // ICD-10-CM M80.08XA: the billable code of an osteoporotic vertebral fracture under care
        // ("Age-related osteoporosis with current pathological fracture, vertebra(e), initial encounter
        // for fracture"); see docs/fhir-codes.md for the sources.
        {
          system: SYSTEMS.icd10cm,
          code: 'M80.08XA',
          display:
            'Age-related osteoporosis with current pathological fracture, vertebra(e), initial encounter for fracture',
        },
      ],
      text: 'Osteoporotic vertebral compression fracture',
    },
    bodySite: f.fracturedLevels.map((l) => ({ text: `${l.level} vertebra` })),
    stage: f.fracturedLevels.map((l) => ({
      summary: { text: `${l.level}: Genant ${genantLabels[l.grade]}` },
      type: { text: 'Genant semi-quantitative grade' },
    })),
    subject: r.ref('patient'),
    encounter: r.ref('encounter'),
    ...(f.painSince ? { onsetDateTime: f.painSince } : {}),
    recordedDate: s.startedAt,
    recorder: r.ref('practitioner'),
    note: [{ text: `Red flags: ${f.redFlags.map((x) => redFlagLabels[x]).join('; ') || 'none'}` }],
  };
}

/** LOINC 72514-3: the pain score on the 0–10 numeric rating scale, as reported by the patient. */
export const PAIN_NOW = {
  coding: [
    {
      system: SYSTEMS.loinc,
      code: '72514-3',
      display: 'Pain severity - 0-10 verbal numeric rating [Score] - Reported',
    },
  ],
  text: 'Pain now (NRS 0–10)',
};

export function painObservation(s: ExportSummary, r: Refs): Observation | null {
  if (s.findings.painNow === null) return null;
  return {
    resourceType: 'Observation',
    id: r.id('pain'),
    status: r.final ? 'final' : 'preliminary',
    category: [{ coding: [{ system: SYSTEMS.observationCategory, code: 'survey' }] }],
    code: PAIN_NOW,
    subject: r.ref('patient'),
    encounter: r.ref('encounter'),
    effectiveDateTime: s.startedAt,
    valueInteger: s.findings.painNow,
  };
}

/** The SURE test (decisional conflict screen, 0–4): text only, we know no code for it. */
export function sureObservation(s: ExportSummary, r: Refs): Observation | null {
  if (s.decision.sureScore === null) return null;
  return {
    resourceType: 'Observation',
    id: r.id('sure'),
    status: r.final ? 'final' : 'preliminary',
    category: [{ coding: [{ system: SYSTEMS.observationCategory, code: 'survey' }] }],
    code: { text: 'SURE test score (decisional conflict, 0-4; below 4 suggests conflict)' },
    subject: r.ref('patient'),
    encounter: r.ref('encounter'),
    effectiveDateTime: s.startedAt,
    valueInteger: s.decision.sureScore,
  };
}

/**
 * The risks the physician confirmed as discussed, one prediction each, so a
 * receiving system can read them as data (not only in the narrative). No
 * probabilities: the figures depend on the procedure and the source, and the
 * record only says the risk was discussed. Outcomes are text (no verified codes).
 */
export function risksDiscussed(s: ExportSummary, r: Refs): RiskAssessment | null {
  if (s.risks.confirmed.length === 0) return null;
  return {
    resourceType: 'RiskAssessment',
    id: r.id('risks'),
    status: r.final ? 'final' : 'preliminary',
    method: { text: 'Risks confirmed as discussed with the patient' },
    subject: r.ref('patient'),
    encounter: r.ref('encounter'),
    occurrenceDateTime: s.startedAt,
    ...(s.findings.fracturedLevels.length ? { condition: r.ref('condition') } : {}),
    ...(s.decision.path === 'augmentation' ? { basis: [r.ref('procedure')] } : {}),
    performer: r.ref('practitioner'),
    prediction: s.risks.confirmed.map((risk) => ({
      outcome: { text: risk === 'other' ? `Other: ${s.risks.otherText}` : riskLabels[risk] },
      rationale: 'Discussed with the patient',
    })),
  };
}
