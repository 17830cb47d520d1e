/**
 * The words of the clinician's documents (PDF letter and record text) in one
 * language: the console's language at the moment of export (issue 14). French
 * and German are typed to this shape, so a missing entry fails typecheck.
 * Dates go through `formatDay` with the table's locale (en-GB, fr-CH, de-CH, as
 * the console). FHIR, the register and the overview CSVs stay English.
 */
import type {
  ConsoleLanguage,
  DecisionPath,
  FollowUpBoneMedicine,
  Language,
  Patient,
  WhatMatters,
  BoneHealthPlan,
} from '../../../../src-shared/contract/index.js';
import type { CodedLabels } from '../../../../src-shared/labels.js';

export interface ClinicianText {
  language: ConsoleLanguage;
  /** Between a label and its value: ': ', in French ' : '. */
  colon: string;
  /** The `Intl` locale of dates and numbers. */
  locale: 'en-GB' | 'fr-CH' | 'de-CH';
  coded: CodedLabels;
  title: string;
  documentTitle: (patient: string, day: string) => string;
  clinic: string;
  physicianMissing: string;
  watermark: string;
  // Patient table (PDF) and header lines (record text).
  patient: string;
  code: string;
  born: string;
  sex: string;
  hospitalNumber: string;
  consultation: string;
  record: string;
  notRecorded: string;
  sexes: Record<Patient['sex'], string>;
  slideLanguages: Record<Language, string>;
  consultationWhen: (day: string, clock: string, language: string) => string;
  finalizedBy: (day: string, name: string) => string;
  draftNotSigned: string;
  // Record text header.
  patientLine: (parts: string) => string;
  patientCode: (name: string, code: string) => string;
  bornOn: (day: string) => string;
  birthNotRecorded: string;
  sexIs: (sex: string) => string;
  hospitalNumberIs: (n: string) => string;
  consultationLine: (day: string, clock: string, physician: string) => string;
  recordLine: (record: string) => string;
  finalizedAtBy: (day: string, clock: string, name: string) => string;
  draftUpper: string;
  clinicLine: (name: string) => string;
  // Findings.
  findings: string;
  level: string;
  grade: string;
  noLevel: string;
  genant: Record<1 | 2 | 3, string>;
  levelLine: (level: string, grade: string) => string;
  levelGrade: (level: string, grade: number) => string;
  painNow: (value: string) => string;
  painSince: (day: string) => string;
  nrs: (pain: number) => string;
  redFlags: (value: string) => string;
  fracturedLevels: (value: string) => string;
  none: string;
  // What was explained.
  explained: string;
  slidesColumn: string;
  slidesShown: string;
  time: string;
  noSlides: string;
  slideCount: (n: number) => string;
  riskSlidesShown: string;
  noRiskSlide: string;
  noneLower: string;
  risksConfirmed: string;
  noRiskConfirmed: string;
  noneConfirmed: string;
  otherRisk: (text: string) => string;
  discussed: (value: string) => string;
  noRisks: string;
  edition: (version: string | null, evidenceReviewed: string | null, translation: string | null) => string;
  // Decision.
  decision: string;
  paths: Record<DecisionPath, string>;
  path: (v: string) => string;
  measures: (v: string) => string;
  details: (v: string) => string;
  procedure: (v: string) => string;
  referredTo: (v: string) => string;
  questions: (v: string) => string;
  followUp: (v: string) => string;
  notSet: string;
  procedureNotChosen: string;
  levels: (v: string) => string;
  notChosen: string;
  anaesthesia: Record<'local' | 'general', string>;
  anaesthesiaNotChosen: string;
  plannedFor: (day: string) => string;
  sureNotCompleted: string;
  sure: (score: number, conflict: boolean) => string;
  // What matters, bone health, follow-ups.
  whatMatters: string;
  whatMattersLines: (whatMatters: WhatMatters) => string[];
  boneHealth: string;
  boneHealthLines: (plan: BoneHealthPlan) => string[];
  followUps: string;
  mobility: Record<'as-before' | 'limited' | 'unable', string>;
  medication: Record<'none' | 'simple' | 'opioid', string>;
  followUpBoneMedicine: Record<FollowUpBoneMedicine, string>;
  followUpLine: (v: {
    day: string;
    pain: string;
    mobility: string;
    medication: string;
    complications: string;
    fractures: string;
    bone: string;
  }) => string;
  notAsked: string;
  signedBy: (name: string) => string;
  note: (text: string) => string;
  // Pain chart.
  painOverTime: string;
  chartLabel: (points: string, procedure: string | null) => string;
  chartPoint: (pain: number, day: string) => string;
  chartProcedure: string;
  chartCaption: (withProcedure: boolean) => string;
  chartColumns: [string, string, string, string];
  seenAt: Record<'consultation' | 'visit', string>;
  since: (days: number | null) => string;
  // Notes, amendments, signature, seal.
  notes: string;
  noNotes: string;
  entriesDuring: string;
  amendments: string;
  sections: Record<'findings' | 'decision' | 'risks' | 'notes', string>;
  byOn: (day: string, author: string) => string;
  byOnAt: (day: string, clock: string, author: string) => string;
  reason: (text: string) => string;
  original: string;
  corrected: string;
  empty: string;
  patientCorrected: (fields: string) => string;
  correctedFields: Record<'displayName' | 'birthDate' | 'hospitalNumber', string>;
  valuesHidden: string;
  digest: (d: string) => string;
  auditRow: (id: number, hash: string) => string;
  signedElectronically: (name: string, day: string, clock: string) => string;
  draftSignature: string;
  signatureAndDate: string;
}
