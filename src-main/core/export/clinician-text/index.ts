/** The clinician's documents' words by console language (issue 14): see `types.ts`. */
import type { ConsoleLanguage } from '../../../../src-shared/contract/index.js';
import { de } from './de.js';
import { en } from './en.js';
import { fr } from './fr.js';
import type { ClinicianText } from './types.js';

export type { ClinicianText } from './types.js';

export const CLINICIAN_TEXT: Record<ConsoleLanguage, ClinicianText> = { en, fr, de };

export function clinicianText(language: ConsoleLanguage): ClinicianText {
  return CLINICIAN_TEXT[language];
}
