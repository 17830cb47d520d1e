/**
 * Fuzzes the slide library with hostile deck folders: Markdown with YAML front
 * matter built from reveal.js-ish and HTML fragments (separators, notes, slide
 * and element comments, scripts, event handlers, remote and scheme URLs, entity
 * and case tricks, broken YAML), SVG assets, and broken PDFs (generators:
 * deck-arbitraries.ts).
 *
 * Properties:
 * - the checker (check.ts) and the library (createDeckLibrary: list, get, reload) never throw;
 * - every problem names the deck's file and a line inside it (0: the whole file);
 * - a deck with problems is left out of the listing, its problems are listed, `get` answers null,
 *   and the other decks are still listed;
 * - a deck that passes renders slides whose sanitized HTML (body and notes) has no `<script`
 *   anywhere, only allowlisted tags, no event-handler or style attributes, and no attribute value
 *   with a URL scheme (`javascript:`, `http:`, `https:`, `data:` …) or a `//` URL; images point
 *   into the deck's own assets. (Text content may mention anything, escaped: it is not a URL.)
 * - a broken PDF is a problem naming the file, never a crash; the other decks stay listed. PDFs are
 *   listed in a child process (pdf-listing.ts), so a crash of the page counter is observed, not suffered.
 *
 * Runs: FUZZ_DECK_RUNS (default 400) Markdown decks, 3 × 100 PDFs; seed as in fuzz-config.ts.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeckProblem, DeckSummary, Slide } from '../../../src-shared/contract/index.js';
import { checkDeckFolder } from '../../../src-main/core/decks/check.js';
import { createDeckLibrary } from '../../../src-main/core/decks/library.js';
import { minimalPdf, writeGoodDeck } from '../src-main/core/decks/deck-fixtures.js';
import { appRoot } from '../helpers/test-core.js';
import { DECK, damagedPdf, deckFiles, pdfBytes } from './deck-arbitraries.js';
import { SEED, seedFor } from './fuzz-config.js';

const RUNS = Number(process.env.FUZZ_DECK_RUNS) > 0 ? Number(process.env.FUZZ_DECK_RUNS) : 400;
const LISTING_SCRIPT = path.join(appRoot, 'tests/unit/fuzz/pdf-listing.ts');

let root: string;
let bundledDir: string;
const tally = {
  runs: 0,
  passed: 0,
  leftOut: 0,
  problems: 0,
  slides: 0,
  pdfs: 0,
  pdfListed: 0,
  pdfProblems: 0,
  pdfWorkerCrashes: 0,
};

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-deck-fuzz-'));
  bundledDir = path.join(root, 'bundled');
  writeGoodDeck(bundledDir, 'good-deck');
});

afterAll(() => {
  console.log(
    `deck fuzz — seed ${SEED}: ${tally.runs} Markdown decks (${tally.passed} passed, ${tally.leftOut} left out ` +
      `with ${tally.problems} problems, ${tally.slides} slides rendered); ${tally.pdfs} PDFs ` +
      `(${tally.pdfListed} readable and listed, ${tally.pdfProblems} reported as problems; ` +
      `${tally.pdfWorkerCrashes} batches hit the known PDF-worker crash)`,
  );
  fs.rmSync(root, { recursive: true, force: true });
});

// ---- the oracle ---------------------------------------------------------------

const ALLOWED_TAGS = new Set(
  'p br hr strong em b i sup sub small blockquote h1 h2 h3 h4 h5 h6 ul ol li figure figcaption span div table caption thead tbody tfoot tr th td img'.split(
    ' ',
  ),
);
const ALLOWED_ATTRIBUTES = new Set([
  'class',
  'src',
  'alt',
  'width',
  'height',
  'colspan',
  'rowspan',
  'align',
  'data-component',
  'data-highlight',
  'data-total',
  'data-label',
]);
const TAG = /<\/?([a-zA-Z][^\s/>]*)([^>]*)>/g;
const ATTRIBUTE = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

/** What is wrong with a piece of sanitized slide HTML, or null. */
function unsafeHtml(html: string): string | null {
  if (/<\s*script/i.test(html)) return 'contains <script';
  const stripped = html.replace(/<!--[\s\S]*?-->/g, '');
  if (stripped !== html) return 'contains an HTML comment';
  for (const [, tag = '', attributes = ''] of html.matchAll(TAG)) {
    if (!ALLOWED_TAGS.has(tag.toLowerCase())) return `tag <${tag}> is not allowlisted`;
    for (const [, name = '', ...values] of attributes.matchAll(ATTRIBUTE)) {
      const attribute = name.toLowerCase();
      const value = values.find((v) => v !== undefined) ?? '';
      if (attribute.startsWith('on')) return `event-handler attribute ${name}=`;
      if (!ALLOWED_ATTRIBUTES.has(attribute)) return `attribute ${name} on <${tag}>`;
      if (/\b(?:javascript|vbscript|data|https?|ftp)\s*:/i.test(value)) return `URL scheme in ${name}="${value}"`;
      if (/^\s*\/\//.test(value) || (attribute === 'src' && !value.startsWith(`/decks/${DECK}/assets/`))) {
        return `${name}="${value}" leaves the deck's assets`;
      }
    }
  }
  return null;
}

function lineCount(file: string): number {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split(/\r?\n/).length : 0;
}

function checkProblemsAreLocated(problems: DeckProblem[], userDir: string): void {
  for (const problem of problems) {
    const where = `${problem.file}:${problem.line}: ${problem.message}`;
    expect(problem.file.startsWith(`${DECK}/`), where).toBe(true);
    expect(Number.isInteger(problem.line) && problem.line >= 0, where).toBe(true);
    expect(problem.message.trim(), where).not.toBe('');
    const file = path.join(userDir, problem.file);
    if (problem.file.endsWith('.md') && fs.existsSync(file)) {
      expect(problem.line, where).toBeLessThanOrEqual(lineCount(file) + 1);
    }
  }
}

// ---- properties ---------------------------------------------------------------

describe('the HTML oracle', () => {
  it('flags what it is meant to flag, and passes clean slide HTML', () => {
    for (const html of [
      '<script>x</script>',
      '<p onclick="x">a</p>',
      '<a href="x">a</a>',
      '<img src="http://evil.example/x.png">',
      '<img src="//evil.example/x.png">',
      `<img src="/decks/other/assets/x.svg">`,
      '<div data-label="javascript:alert(1)"></div>',
      '<p style="color:red">a</p>',
      '<!-- a comment -->',
    ]) {
      expect(unsafeHtml(html), html).not.toBeNull();
    }
    const clean = `<h2>A</h2><p class="fragment">b &lt;script&gt; http: as text</p><img src="/decks/${DECK}/assets/a.svg" alt="A">`;
    expect(unsafeHtml(clean)).toBeNull();
  });
});

describe('Markdown decks', () => {
  it(`checks, lists and renders ${RUNS} fuzzed deck folders without throwing`, () => {
    let n = 0;
    fc.assert(
      fc.property(deckFiles, (files) => {
        n += 1;
        tally.runs += 1;
        const userDir = path.join(root, `user-${n}`);
        const dir = path.join(userDir, DECK);
        fs.mkdirSync(path.join(dir, 'assets'), { recursive: true });
        if (files.en !== null) fs.writeFileSync(path.join(dir, 'en.md'), files.en);
        if (files.fr !== null) fs.writeFileSync(path.join(dir, 'fr.md'), files.fr);
        if (files.svg !== null) fs.writeFileSync(path.join(dir, 'assets', 'a.svg'), files.svg);
        if (files.extra !== null) fs.writeFileSync(path.join(dir, files.extra), 'x');

        const check = checkDeckFolder(dir, userDir);
        checkProblemsAreLocated(check.problems, userDir);

        const library = createDeckLibrary({ bundledDir, userDir });
        const listing = library.list();
        expect(listing.decks.map((deck) => deck.id)).toContain('good-deck');
        const listed = listing.decks.find((deck) => deck.id === DECK);
        const passes = check.problems.length === 0 && Boolean(check.files.en?.frontMatter);
        if (!passes) {
          tally.leftOut += 1;
          tally.problems += check.problems.length;
          expect(listed, 'a deck with problems is listed').toBeUndefined();
          expect(listing.problems).toEqual(expect.arrayContaining(check.problems));
          expect(library.get(DECK, 'en', { withNotes: true })).toBeNull();
        } else {
          tally.passed += 1;
          expect(listed, 'a deck without problems is missing').toBeDefined();
          for (const language of ['en', 'fr', 'de'] as const) {
            for (const withNotes of [true, false]) {
              const deck = library.get(DECK, language, { withNotes });
              expect(deck).not.toBeNull();
              expect(deck?.slides.length).toBe(listed?.slideCount);
              for (const slide of deck?.slides ?? ([] as Slide[])) {
                tally.slides += 1;
                for (const [part, html] of [
                  ['html', slide.html],
                  ['notes', slide.notes],
                ] as const) {
                  const problem = unsafeHtml(html);
                  expect(problem, `${part} of slide ${slide.id}: ${html}`).toBeNull();
                }
                if (!withNotes) expect(slide.notes).toBe('');
              }
            }
          }
        }
        // Reading the folder again gives the same answer.
        expect(library.reload().decks.map((deck) => deck.id)).toEqual(listing.decks.map((deck) => deck.id));
        fs.rmSync(userDir, { recursive: true, force: true });
      }),
      { numRuns: RUNS, seed: seedFor('decks/markdown'), endOnFailure: process.env.FUZZ_SHRINK !== '1' },
    );
    // The generators must reach both sides of the oracle.
    expect(tally.passed).toBeGreaterThan(RUNS / 20);
    expect(tally.leftOut).toBeGreaterThan(RUNS / 5);
  }, 180_000);
});

// ---- PDFs ---------------------------------------------------------------------

interface ChildListing {
  code: number | null;
  /** Set when the child was killed for taking longer than CHILD_TIMEOUT_MS. */
  killed: boolean;
  ms: number;
  stderr: string;
  result: {
    listing: { decks: DeckSummary[]; problems: DeckProblem[] };
    reloaded: { decks: DeckSummary[]; problems: DeckProblem[] };
    slides: Record<string, number>;
  } | null;
}

/**
 * A listing takes 1–3 s (pdf.js loads in a worker); the page counter's own timeout is 30 s. A child
 * still busy after this long has frozen: it is killed, so a freeze costs this much, not 30 s.
 */
const CHILD_TIMEOUT_MS = 12_000;

/** Lists the decks in a child process (see pdf-listing.ts): a crash there is an exit code, not ours. */
function listInChild(userDir: string): ChildListing {
  const started = Date.now();
  const child = spawnSync(process.execPath, ['--import', 'tsx', LISTING_SCRIPT, bundledDir, userDir], {
    cwd: appRoot,
    encoding: 'utf8',
    timeout: CHILD_TIMEOUT_MS,
  });
  let result: ChildListing['result'];
  try {
    result = JSON.parse(child.stdout) as ChildListing['result'];
  } catch {
    result = null;
  }
  return { code: child.status, killed: child.signal !== null, ms: Date.now() - started, stderr: child.stderr, result };
}

/**
 * The known bug pinned below: pdf.js rejects a promise nobody handles for some damaged files, which
 * kills the page-counting worker; every PDF of the folder then "timed out" after 30 s, and the
 * worker's 'error' event, which has no listener, is thrown in the main process.
 */
function isKnownPdfWorkerCrash(child: ChildListing): boolean {
  const timedOut = child.result?.listing.problems.some((p) => /timed out/.test(p.message)) ?? false;
  return child.killed || /UnhandledPromiseRejection|XRefEntryException/.test(child.stderr) || timedOut;
}

describe('PDF decks', () => {
  it.each([1, 2, 3])(
    'batch %i: 100 broken PDFs beside good decks are problems, never a crash',
    (batch) => {
      const userDir = path.join(root, `pdf-${batch}`);
      writeGoodDeck(userDir, 'clinic-deck');
      fs.writeFileSync(path.join(userDir, 'Good Leaflet.pdf'), minimalPdf(2));
      const samples = fc.sample(pdfBytes, { numRuns: 100, seed: seedFor(`decks/pdf-${batch}`) });
      const names = samples.map((_, i) => `Broken ${batch}-${String(i).padStart(3, '0')}.pdf`);
      samples.forEach((sample, i) => fs.writeFileSync(path.join(userDir, names[i] as string), sample.data));

      const child = listInChild(userDir);
      tally.pdfs += samples.length;
      if (isKnownPdfWorkerCrash(child)) {
        // Counted, not failed here: the pinned test below fails for it, deterministically.
        tally.pdfWorkerCrashes += 1;
        return;
      }
      expect(child.code, child.stderr).toBe(0);
      const result = child.result;
      expect(result).not.toBeNull();
      for (const listing of [result?.listing, result?.reloaded]) {
        const ids = listing?.decks.map((deck) => deck.id) ?? [];
        expect(ids).toEqual(expect.arrayContaining(['good-deck', 'clinic-deck', 'good-leaflet']));
        expect(result?.slides['good-leaflet']).toBe(2);
        samples.forEach((sample, i) => {
          const name = names[i] as string;
          const id = `broken-${batch}-${String(i).padStart(3, '0')}`;
          const problems = listing?.problems.filter((problem) => problem.file === name) ?? [];
          const deck = listing?.decks.find((entry) => entry.id === id);
          const label = `${name} (${sample.kind}, ${sample.data.length} bytes)`;
          // pdf.js repairs some damage: a readable file with pages is a deck, anything else one problem.
          expect(problems, label).toHaveLength(deck ? 0 : 1);
          if (deck) {
            expect(deck.slideCount, label).toBeGreaterThan(0);
            expect(result?.slides[id], label).toBe(deck.slideCount);
          } else {
            expect(problems[0]?.line, label).toBe(0);
            expect(problems[0]?.message, label).toMatch(/PDF/);
          }
          if (
            ['random bytes', 'empty file', 'Markdown named .pdf'].includes(sample.kind) &&
            !sample.data.includes('%PDF')
          ) {
            expect(deck, `${label} was listed`).toBeUndefined();
          }
        });
      }
      const listed = result?.listing.decks.filter((deck) => deck.id.startsWith(`broken-${batch}-`)).length ?? 0;
      tally.pdfListed += listed;
      tally.pdfProblems += samples.length - listed;
    },
    120_000,
  );
});

describe('regressions found by this fuzz', () => {
  it('a damaged PDF listed before a good one: no uncaught error, no 30 s freeze, the good PDF still listed', () => {
    const userDir = path.join(root, 'pdf-pinned');
    fs.mkdirSync(userDir, { recursive: true });
    fs.writeFileSync(path.join(userDir, 'A damaged.pdf'), damagedPdf());
    fs.writeFileSync(path.join(userDir, 'B good.pdf'), minimalPdf(2));
    const child = listInChild(userDir);
    expect(child.killed, `still listing after ${CHILD_TIMEOUT_MS} ms: the page counter froze`).toBe(false);
    expect(child.stderr).not.toMatch(/Unhandled|Error/);
    expect(child.code).toBe(0);
    const ids = child.result?.listing.decks.map((deck) => deck.id) ?? [];
    expect(ids).toContain('b-good');
    // The damaged one may be repaired (listed) or reported; either way it is accounted for.
    const damaged = ids.includes('a-damaged') || child.result?.listing.problems.some((p) => p.file === 'A damaged.pdf');
    expect(damaged).toBe(true);
  }, 120_000);
});
