/** A shown deck's edition (version, evidence review, translation review) in the document's words. */
import type { ClinicianText } from './clinician-text/index.js';
import type { ShownDeck } from './summary.js';

export function editionOf(
  deck: Pick<ShownDeck, 'version' | 'evidenceReviewed' | 'translationReview'>,
  t: ClinicianText,
): string {
  return t.edition(deck.version, deck.evidenceReviewed, deck.translationReview);
}
