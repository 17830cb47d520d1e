/**
 * "What matters to the patient" as lines of English text, the one wording of
 * the console's signed view, the clinician letter and the record text.
 */
import {
  whatMattersAnswerLabels,
  whatMattersIds,
  whatMattersStatements,
  type WhatMatters,
} from './contract/what-matters.js';

/** One line per statement, "Avoiding a procedure if I can: matters a lot"; one line when nothing was asked. */
export function whatMattersLines(whatMatters: WhatMatters): string[] {
  if (whatMattersIds.every((id) => whatMatters[id] === 'not-asked')) return ['Not asked'];
  return whatMattersIds.map(
    (id) => `${whatMattersStatements[id]}: ${whatMattersAnswerLabels[whatMatters[id]].toLowerCase()}`,
  );
}
