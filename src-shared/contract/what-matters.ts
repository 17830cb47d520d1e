/**
 * "What matters to the patient": the statements of the decision aid's "what
 * matters to you" slide, each with how much it matters to this patient. The
 * ids are defined here once; the record stores one answer per statement, the
 * console asks them, and the clinician PDF and the leaflet print them.
 */
import { z } from 'zod';

/** In the order the slide, the console and every document list them. */
export const whatMattersIds = [
  'avoid-procedure',
  'fast-relief',
  'avoid-cement-risk',
  'avoid-strong-painkillers',
  'home-soon',
] as const;
export type WhatMattersId = (typeof whatMattersIds)[number];

/** The patient's answer; "not-asked" until the doctor records one. */
export const whatMattersAnswers = ['a-lot', 'a-little', 'not', 'not-asked'] as const;
export type WhatMattersAnswer = (typeof whatMattersAnswers)[number];
export const whatMattersAnswerSchema = z.enum(whatMattersAnswers);

/** The statements in the patient's words (English; the leaflet has its own French and German). */
export const whatMattersStatements: Record<WhatMattersId, string> = {
  'avoid-procedure': 'Avoiding a procedure if I can',
  'fast-relief': 'Getting pain relief as soon as possible',
  'avoid-cement-risk': 'Avoiding any risk from the cement',
  'avoid-strong-painkillers': 'Avoiding strong pain medicines',
  'home-soon': 'Getting back home and to my usual activities soon',
};

export const whatMattersAnswerLabels: Record<WhatMattersAnswer, string> = {
  'a-lot': 'Matters a lot',
  'a-little': 'Matters a little',
  not: 'Does not matter',
  'not-asked': 'Not asked',
};

// An object with one property per statement (not z.record): every statement is always answered,
// and the JSON Schema names each property, so the contract fuzzer generates real answers.
const shape = Object.fromEntries(whatMattersIds.map((id) => [id, whatMattersAnswerSchema])) as Record<
  WhatMattersId,
  typeof whatMattersAnswerSchema
>;

/** Every statement with the patient's answer. */
export const whatMattersSchema = z.strictObject(shape);
export type WhatMatters = z.infer<typeof whatMattersSchema>;

export const NOTHING_ASKED: WhatMatters = Object.fromEntries(
  whatMattersIds.map((id) => [id, 'not-asked']),
) as WhatMatters;
