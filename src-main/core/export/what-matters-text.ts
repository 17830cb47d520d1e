/**
 * "What matters to the patient" in the documents: the clinician's lines
 * (English, with the console's wording) and the leaflet's words in the
 * patient's language. The statements are the patient's own voice ("I"), as on
 * the decision aid's slide; the leaflet lists only the statements answered.
 */
import {
  whatMattersIds,
  whatMattersStatements,
  type Language,
  type WhatMatters,
  type WhatMattersAnswer,
  type WhatMattersId,
} from '../../../src-shared/contract/index.js';

export { whatMattersLines } from '../../../src-shared/what-matters-lines.js';

type Answered = Exclude<WhatMattersAnswer, 'not-asked'>;

export interface WhatMattersLeafletText {
  heading: string;
  /** One sentence under the heading: these are the patient's answers, and they may change. */
  intro: string;
  statements: Record<WhatMattersId, string>;
  answers: Record<Answered, string>;
}

export const WHAT_MATTERS_LEAFLET: Record<Language, WhatMattersLeafletText> = {
  en: {
    heading: 'What matters to you',
    intro: 'What you told us matters to you. It is fine if this changes: tell us.',
    statements: whatMattersStatements,
    answers: { 'a-lot': 'Matters a lot', 'a-little': 'Matters a little', not: 'Does not matter' },
  },
  fr: {
    heading: 'Ce qui compte pour vous',
    intro: 'Ce que vous nous avez dit compter pour vous. Si cela change, dites-le-nous.',
    statements: {
      'avoid-procedure': 'Éviter une intervention si je le peux',
      'fast-relief': 'Être soulagé de la douleur le plus vite possible',
      'avoid-cement-risk': 'Éviter tout risque lié au ciment',
      'avoid-strong-painkillers': 'Éviter les médicaments forts contre la douleur',
      'home-soon': 'Rentrer vite chez moi et reprendre mes activités habituelles',
    },
    answers: { 'a-lot': 'Compte beaucoup', 'a-little': 'Compte un peu', not: 'Ne compte pas' },
  },
  de: {
    heading: 'Was Ihnen wichtig ist',
    intro: 'Was Ihnen nach Ihren Worten wichtig ist. Wenn sich das ändert, sagen Sie es uns.',
    statements: {
      'avoid-procedure': 'Einen Eingriff vermeiden, wenn es geht',
      'fast-relief': 'So schnell wie möglich weniger Schmerzen haben',
      'avoid-cement-risk': 'Jedes Risiko durch den Zement vermeiden',
      'avoid-strong-painkillers': 'Starke Schmerzmittel vermeiden',
      'home-soon': 'Bald wieder nach Hause und zu meinen gewohnten Tätigkeiten',
    },
    answers: { 'a-lot': 'Sehr wichtig', 'a-little': 'Etwas wichtig', not: 'Nicht wichtig' },
  },
};

/** The answered statements in the patient's language, in the slide's order. */
export function whatMattersForLeaflet(
  whatMatters: WhatMatters,
  language: Language,
): Array<{ statement: string; answer: string }> {
  const t = WHAT_MATTERS_LEAFLET[language];
  return whatMattersIds.flatMap((id) => {
    const answer = whatMatters[id];
    return answer === 'not-asked' ? [] : [{ statement: t.statements[id], answer: t.answers[answer] }];
  });
}
