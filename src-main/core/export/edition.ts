/** A shown deck's edition (version, evidence review, translation review) in the document's words. */
import type { ClinicianText } from './clinician-text/index.js';
import { formatDay } from './labels.js';
import type { ShownDeck } from './summary.js';

export function editionOf(
  deck: Pick<ShownDeck, 'version' | 'evidenceReviewed' | 'translationReview'>,
  t: ClinicianText,
): string {
  // English keeps the ISO day it always printed; French and German write it as the console does.
  const day = deck.evidenceReviewed;
  const reviewed =
    day !== null && t.language !== 'en' && /^\d{4}-\d{2}-\d{2}$/.test(day) ? formatDay(day, t.locale) : day;
  return t.edition(deck.version, reviewed, deck.translationReview);
}
