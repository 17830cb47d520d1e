/** The leaflet's words in every language it is written in (each language in its own file). */
import type { Language } from '../../../src-shared/contract/index.js';
import { en, type LeafletText } from './leaflet-text.js';
import { de } from './leaflet-text-de.js';
import { fr } from './leaflet-text-fr.js';

export const LEAFLET_TEXT: Record<Language, LeafletText> = { en, fr, de };
