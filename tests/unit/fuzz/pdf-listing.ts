/**
 * Child-process helper of deck-fuzz.test.ts: lists a library's decks in a
 * fresh process, so that a crash of the PDF page counter (an uncaught error,
 * a 30 s freeze) shows as this process's exit code, stderr and duration
 * instead of taking the test runner with it.
 *
 * Usage: node --import tsx pdf-listing.ts <bundledDir> <userDir>
 * Prints JSON: { listing, reloaded, slides: { <pdf deck id>: slide count } }.
 */
import { createDeckLibrary } from '../../../src-main/core/decks/library.js';

const [bundledDir = '', userDir = ''] = process.argv.slice(2);
const library = createDeckLibrary({ bundledDir, userDir });
const listing = library.list();
const reloaded = library.reload();
const slides: Record<string, number> = {};
for (const deck of reloaded.decks) {
  if (deck.kind === 'pdf') slides[deck.id] = library.get(deck.id, 'en', { withNotes: false })?.slides.length ?? -1;
}
process.stdout.write(JSON.stringify({ listing, reloaded, slides }));
