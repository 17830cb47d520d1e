/**
 * The signed follow-up visits of the consultation in its FHIR document (issue 15: a visit is exported like a
 * consultation): each visit an Encounter that is `partOf` the index consultation's, with its pain score as an
 * Observation (the same LOINC code as the consultation's pain). Everything else a visit records (walking,
 * medicine, complications, new fractures, bone medicine) goes as the Composition's narrative: no code for
 * them was verified (docs/fhir-codes.md). A corrected visit is exported as corrected; its pain Observation
 * is then `amended`.
 */
import type { Encounter, Observation, Resource } from '@medplum/fhirtypes';
import { PAIN_NOW, SYSTEMS, type Refs } from './fhir-resources.js';
import type { ExportSummary } from './summary.js';

export function followUpResources(s: ExportSummary, r: Refs): Resource[] {
  return s.followUps.flatMap((v) => {
    const encounter: Encounter = {
      resourceType: 'Encounter',
      id: r.id(`visit/${v.id}`),
      status: 'finished',
      class: { system: SYSTEMS.actCode, code: 'AMB', display: 'ambulatory' },
      type: [{ text: 'Follow-up visit after an osteoporotic vertebral fracture' }],
      subject: r.ref('patient'),
      period: { start: v.visitDate },
      partOf: r.ref('encounter'),
    };
    if (v.painNow === null) return [encounter];
    const pain: Observation = {
      resourceType: 'Observation',
      id: r.id(`visit/${v.id}/pain`),
      status: v.amendments.length ? 'amended' : 'final',
      category: [{ coding: [{ system: SYSTEMS.observationCategory, code: 'survey' }] }],
      code: PAIN_NOW,
      subject: r.ref('patient'),
      encounter: r.ref(`visit/${v.id}`),
      effectiveDateTime: v.visitDate,
      valueInteger: v.painNow,
    };
    return [encounter, pain];
  });
}
