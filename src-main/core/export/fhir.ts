/**
 * The consultation as a FHIR R4 document Bundle: the Composition first (as a
 * document requires), then the resources it points at. References are
 * urn:uuid full URLs, as inside any document bundle.
 */
import type {
  BundleEntry,
  Bundle,
  CarePlan,
  CarePlanActivity,
  Composition,
  CompositionSection,
  Meta,
  Provenance,
  Resource,
  ServiceRequest,
} from '@medplum/fhirtypes';
import { escapeHtml } from './html.js';
import { countOf, formatDuration, measureLabels, pathLabels, procedureLabels, riskLabels } from './labels.js';
import {
  SYSTEMS,
  conditionResource,
  encounterResource,
  makeRefs,
  painObservation,
  patientResource,
  practitionerResource,
  resourceUuid,
  risksDiscussed,
  sureObservation,
  type Refs,
} from './fhir-resources.js';
import { amendmentChanges, correctionChanges, decisionLines, findingsLines, riskNames } from './section-lines.js';
import { whatMattersLines } from './what-matters-text.js';
import { boneHealthLines } from './bone-health-text.js';
import { boneHealthCarePlan } from './fhir-bone-health.js';
import { followUpResources } from './fhir-follow-up.js';
import { followUpLines } from './follow-up-lines.js';
import { deckEdition, type ExportSummary } from './summary.js';

function serviceRequest(s: ExportSummary, r: Refs): ServiceRequest | null {
  const a = s.decision.augmentation;
  if (s.decision.path !== 'augmentation') return null;
  return {
    resourceType: 'ServiceRequest',
    id: r.id('procedure'),
    status: r.final ? 'active' : 'draft',
    intent: 'plan',
    // Text only: the SNOMED CT codes for the two techniques could not be verified from an
    // authoritative source (see docs/fhir-codes.md); a wrong code is worse than none.
    code: { text: a.procedure ? procedureLabels[a.procedure] : 'Vertebral augmentation (technique not chosen)' },
    subject: r.ref('patient'),
    encounter: r.ref('encounter'),
    ...(a.plannedDate ? { occurrenceDateTime: a.plannedDate } : {}),
    authoredOn: s.startedAt,
    requester: r.ref('practitioner'),
    ...(s.findings.fracturedLevels.length ? { reasonReference: [r.ref('condition')] } : {}),
    bodySite: a.levels.map((level) => ({ text: `${level} vertebra` })),
    ...(a.anaesthesia ? { note: [{ text: `Anaesthesia: ${a.anaesthesia}` }] } : {}),
  };
}

function planActivities(s: ExportSummary, r: Refs): CarePlanActivity[] {
  const d = s.decision;
  const activities: CarePlanActivity[] = [];
  if (d.path === 'augmentation') activities.push({ reference: r.ref('procedure') });
  if (d.path === 'conservative') {
    for (const m of d.conservativeMeasures) {
      activities.push({ detail: { code: { text: measureLabels[m] }, status: 'not-started' } });
    }
  }
  if (d.path === 'referred' && d.referral) {
    activities.push({ detail: { code: { text: 'Referral' }, status: 'not-started', description: d.referral } });
  }
  if (d.followUpDate) {
    activities.push({
      detail: { code: { text: 'Follow-up visit' }, status: 'scheduled', scheduledPeriod: { start: d.followUpDate } },
    });
  }
  return activities;
}

function carePlan(s: ExportSummary, r: Refs): CarePlan {
  const details = s.decision.path === 'conservative' ? s.decision.conservativeDetails : '';
  return {
    resourceType: 'CarePlan',
    id: r.id('careplan'),
    status: r.final ? 'active' : 'draft',
    intent: 'plan',
    title: `Plan: ${pathLabels[s.decision.path]}`,
    ...(details ? { description: details } : {}),
    subject: r.ref('patient'),
    encounter: r.ref('encounter'),
    created: s.startedAt,
    author: r.ref('practitioner'),
    ...(s.findings.fracturedLevels.length ? { addresses: [r.ref('condition')] } : {}),
    activity: planActivities(s, r),
  };
}

function section(title: string, lines: readonly string[], entries: Resource[] = []): CompositionSection {
  const items = lines.length ? `<ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>` : '<p>None.</p>';
  return {
    title,
    text: { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml">${items}</div>` },
    ...(entries.length ? { entry: entries.map((e) => ({ reference: `urn:uuid:${e.id ?? ''}` })) } : {}),
  };
}

function composition(s: ExportSummary, r: Refs, exportedAt: string, parts: Record<string, Resource[]>): Composition {
  const explained = [
    ...s.explained.decks.map(
      (d) => `${d.title} (${deckEdition(d)}): ${countOf(d.slides, 'slide')}, ${formatDuration(d.totalMs)}`,
    ),
    ...s.explained.risks.map((x) => `Risk slide ${riskLabels[x.risk]}: ${formatDuration(x.shownMs)}`),
  ];
  const amendments = s.amendments.flatMap((a) => {
    const changes = amendmentChanges(a);
    return [
      `${a.at} ${a.section} amended by ${a.author}. Reason: ${a.reason}`,
      `Original: ${changes.before.join('; ')}`,
      `Corrected: ${changes.after.join('; ')}`,
    ];
  });
  for (const c of s.patientCorrections) {
    const changes = correctionChanges(c);
    amendments.push(`${c.at} patient details (${changes.fields}) corrected by ${c.author}.`);
    if (changes.before.length)
      amendments.push(
        `Reason: ${c.reason}`,
        `Original: ${changes.before.join('; ')}`,
        `Corrected: ${changes.after.join('; ')}`,
      );
  }
  return {
    resourceType: 'Composition',
    id: r.id('composition'),
    status: !r.final ? 'preliminary' : s.amendments.length || s.patientCorrections.length ? 'amended' : 'final',
    // LOINC 11488-4 "Consult note": the document type of a consultation note.
    type: { coding: [{ system: SYSTEMS.loinc, code: '11488-4', display: 'Consult note' }] },
    subject: r.ref('patient'),
    encounter: r.ref('encounter'),
    date: s.finalizedAt ?? exportedAt,
    author: [r.ref('practitioner')],
    title: 'Consultation summary: osteoporotic vertebral fracture',
    ...(r.final && s.finalizedAt
      ? { attester: [{ mode: 'legal', time: s.finalizedAt, party: r.ref('practitioner') }] }
      : {}),
    section: [
      section('Findings', findingsLines(s.findings), parts.findings),
      section('What was explained', explained),
      section('Risks confirmed as discussed', riskNames(s.risks.confirmed, s.risks.otherText), parts.risks),
      section('Decision and plan', decisionLines(s.decision), parts.plan),
      // Narrative only: the patient's preferences have no code system we could verify.
      section('What matters to the patient', whatMattersLines(s.whatMatters)),
      section('Bone health plan', boneHealthLines(s.boneHealth), parts.bones),
      ...(s.followUps.length ? [section('Follow-up visits', followUpLines(s.followUps), parts.visits)] : []),
      section('Notes', [s.notes, ...s.entries.map((e) => `${e.at} ${e.text}`)].filter(Boolean)),
      ...(amendments.length ? [section('Amendments', amendments)] : []),
    ],
  };
}

/** Systems of the seal's two values (issue 11, M5); URNs of our own, no registered system exists. */
export const SEAL_SYSTEMS = {
  recordDigest: 'urn:consultdeck:record-digest-sha256',
  auditHead: 'urn:consultdeck:audit-chain-head',
} as const;

/**
 * A signed record's seal: the digest at signing and the audit chain's head at export, as a
 * Provenance of the Composition (its signature's data) and as tags of the Bundle's meta.
 */
function sealProvenance(s: ExportSummary, r: Refs): Provenance | null {
  if (!s.seal || !s.finalizedAt) return null;
  const data = `record-sha256=${s.seal.recordDigest} audit-head=${s.seal.auditHead.id}:${s.seal.auditHead.hash}`;
  return {
    resourceType: 'Provenance',
    id: r.id('provenance'),
    target: [r.ref('composition')],
    recorded: s.finalizedAt,
    agent: [{ who: r.ref('practitioner') }],
    signature: [
      {
        // ASTM E1762-95 "Author's Signature", the code FHIR's signature-type value set lists first.
        type: [{ system: 'urn:iso-astm:E1762-95:2013', code: '1.2.840.10065.1.12.1.1', display: "Author's Signature" }],
        when: s.finalizedAt,
        who: r.ref('practitioner'),
        sigFormat: 'text/plain',
        data: Buffer.from(data, 'utf8').toString('base64'),
      },
    ],
  };
}

function sealMeta(s: ExportSummary): Meta | undefined {
  if (!s.seal) return undefined;
  return {
    tag: [
      { system: SEAL_SYSTEMS.recordDigest, code: s.seal.recordDigest },
      { system: SEAL_SYSTEMS.auditHead, code: `${s.seal.auditHead.id}:${s.seal.auditHead.hash}` },
    ],
  };
}

/** The document Bundle; `exportedAt` is the bundle's timestamp (and the date of an unsigned draft). */
export function fhirBundle(s: ExportSummary, exportedAt: string): Bundle {
  const r = makeRefs(s);
  const present = <T extends Resource>(items: Array<T | null>): T[] => items.filter((x): x is T => x !== null);
  const findings = present<Resource>([conditionResource(s, r), painObservation(s, r)]);
  const plan = present<Resource>([carePlan(s, r), serviceRequest(s, r), sureObservation(s, r)]);
  const risks = present<Resource>([risksDiscussed(s, r)]);
  const bones = present<Resource>([boneHealthCarePlan(s, r)]);
  const visits = followUpResources(s, r);
  const resources: Resource[] = [
    composition(s, r, exportedAt, { findings, plan, risks, bones, visits }),
    patientResource(s, r),
    practitionerResource(s, r),
    encounterResource(s, r),
    ...findings,
    ...plan,
    ...risks,
    ...bones,
    ...visits,
    ...present<Resource>([sealProvenance(s, r)]),
  ];
  const entry: BundleEntry[] = resources.map((resource) => ({ fullUrl: `urn:uuid:${resource.id ?? ''}`, resource }));
  // Each export is its own document: the same record exported later is a new bundle.
  const documentId = resourceUuid(s.consultationId, `bundle/${exportedAt}`);
  return {
    resourceType: 'Bundle',
    id: documentId,
    ...(s.seal ? { meta: sealMeta(s) } : {}),
    // A document needs an identifier with system and value (bdl-9): the RFC 3986 URI of this export.
    identifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${documentId}` },
    type: 'document',
    timestamp: exportedAt,
    entry,
  };
}
