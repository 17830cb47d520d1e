/**
 * Fuzzes the slide library with hostile deck folders: Markdown with YAML front
 * matter built from reveal.js-ish and HTML fragments (separators, notes, slide
 * and element comments, scripts, event handlers, remote and scheme URLs, entity
 * and case tricks, broken YAML), SVG assets, and broken PDFs.
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
 * Runs: FUZZ_DECK_RUNS (default 400) Markdown decks, 3 × 100 PDFs; seed as in fuzz-kit.ts.
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
import { SEED, charArb, seedFor } from './fuzz-kit.js';

const RUNS = Number(process.env.FUZZ_DECK_RUNS) > 0 ? Number(process.env.FUZZ_DECK_RUNS) : 400;
const DECK = 'fuzz-deck';
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

// ---- generators -------------------------------------------------------------

const word = fc.stringMatching(/^[A-Za-zéü]{1,10}$/);
const slideId = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/) },
  { weight: 1, arbitrary: fc.constantFrom('', 'Bad Id', 'UPPER', '-dash', 'a"b', 'a b', '../x', '<script>') },
);

/** Pieces that pass the checker (when the slide has notes) and exercise the renderer. */
const safeFragments = [
  '## A heading',
  '# Title',
  '- a point',
  '- a point <!-- .element: class="fragment" -->',
  '- a point <!-- .element: class="fragment fade-up evil-class" -->',
  '1. first\n2. second',
  'Plain words. <!-- .element: class="fragment" -->',
  '**bold** and _em_ and `code`',
  '![A bone](assets/a.svg)',
  '<img src="assets/a.svg" alt="A bone">',
  '<IMG SRC="./assets/a.svg" ALT="upper">',
  '<div data-component="icon-array" data-highlight="3" data-total="100" data-label="3 in 100"></div>',
  '<div data-component="patient-spine"></div>',
  '<div data-component="evil-widget" data-total="x1"></div>',
  '<span class="fragment highlight-red">x</span>',
  '<span class="not-allowed">x</span>',
  '| a | b |\n|---|---|\n| 1 | 2 |',
  '<table><tr><td colspan="2" align="left">cell</td></tr></table>',
  '> a quote',
  '```\n---\nNote: inside a fence\n```',
  '~~~\n<script>in a fence</script>\n~~~',
  '<a href="assets/a.svg">a link</a>',
  '[a link](assets/a.svg)',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#106;avascript&#58;alert(1)',
  '&#104;ttps&#58;//example.org',
  '<div data-label="&lt;script&gt;x&lt;/script&gt;" data-component="icon-array"></div>',
  '<img src="assets/a.svg" alt="&quot; onerror=&quot;alert(1)">',
  '<img src="assets/../a.svg" alt="up">',
  '<img src="assets/a.svg?x=1" alt="query">',
  '<img src="assets/missing.png" alt="missing">',
  '<math><mi>x</mi></math>',
  '<template>hidden</template>',
  '<details open>x</details>',
  '<![CDATA[ x ]]>',
  '<!-- just a comment -->',
  '\u202e reversed \u200b zero-width \ufeff',
  'Numbers 42 and 7%',
];

/** Pieces the checker must refuse (the sanitizer would drop them anyway). */
const hostileFragments = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '< script>alert(1)</script>',
  '<scr<script>ipt>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<img src="assets/a.svg" alt="x" onload="alert(1)">',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<iframe src="https://evil.example"></iframe>',
  '<object data="x.swf"></object>',
  '<embed src="x">',
  '<style>body{background:url(//evil.example)}</style>',
  '<p style="color:red">styled</p>',
  '<link rel="stylesheet" href="//evil.example/x.css">',
  '<meta http-equiv="refresh" content="0;url=http://evil.example">',
  '<base href="http://evil.example/">',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt :alert(1))',
  '<a href="vbscript:msgbox(1)">x</a>',
  '![remote](http://evil.example/x.png)',
  '![remote](https://evil.example/x.png)',
  '![protocol-relative](//evil.example/x.png)',
  '<img src="//evil.example/x.png" alt="x">',
  '[data](data:text/html,<script>alert(1)</script>)',
  '<a href="data:text/html,x">x</a>',
  'see http://example.org',
  'ftp://example.org/file',
  '<div onclick="alert(1)">x</div>',
  '<img src="assets/a.svg" alt="x"/onerror=alert(1)>',
  '<frameset><frame src="x"></frameset>',
];

const fragment = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...safeFragments) },
  { weight: 2, arbitrary: fc.constantFrom(...hostileFragments) },
  { weight: 3, arbitrary: fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => w.join(' ')) },
  { weight: 1, arbitrary: fc.string({ unit: charArb, maxLength: 30 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('---', '--', 'Note:', 'Notes:', 'note:', '', '\t', '\r', ' ---', '--- ', '----'),
  },
);

const notes = fc.oneof(
  fc.constant(''),
  fc.constant('Note:\nSource: Zhan et al. 2017.'),
  fc.array(fragment, { maxLength: 3 }).map((lines) => `Note:\n${lines.join('\n')}`),
);

const slideArb = fc
  .tuple(
    fc.oneof(
      { weight: 8, arbitrary: slideId.map((id) => `<!-- .slide: id="${id}" -->`) },
      { weight: 1, arbitrary: fc.constantFrom('', `<!-- .slide: id='quoted' data-x="1" -->`, '<!-- .slide: -->') },
    ),
    fc.array(fragment, { minLength: 0, maxLength: 5 }),
    notes,
  )
  .map(([comment, body, note]) => [comment, ...body, note].filter((part) => part !== '').join('\n\n'));

/** A slide that passes every rule: an id, safe content, and notes (numbers need a source). */
const goodSlide = (id: string): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        fc.constantFrom(
          '## A heading',
          '- a point',
          '- a point <!-- .element: class="fragment" -->',
          '![A bone](assets/a.svg)',
          '**bold**',
          'Numbers 42',
          '<div data-component="patient-spine"></div>',
        ),
        // Tricky but allowed by the checker: these test the sanitizer behind it.
        fc.constantFrom(...safeFragments),
      ),
      {
        minLength: 1,
        maxLength: 4,
      },
    )
    .map((body) => `<!-- .slide: id="${id}" -->\n\n${body.join('\n\n')}\n\nNote:\nSource: Zhan et al. 2017.`);

const separators = fc.constantFrom(
  '\n\n---\n\n',
  '\n\n--\n\n',
  '\n---\n',
  '\n\n---\n',
  '\n--\n\n',
  '\n\n----\n\n',
  '\r\n\r\n---\r\n\r\n',
);

const frontMatterLines = (language: string): string[] => [
  `id: ${DECK}`,
  'title: Fuzzed deck',
  `language: ${language}`,
  'topic: risks',
  'version: 1',
  'sources:\n  - Zhan et al. 2017',
];

const yamlJunk = [
  'id: Fuzz Deck',
  'id: other-deck',
  'title:',
  'title: ""',
  'language: es',
  'topic: surgery',
  'sources: []',
  'sources:\n  - ""',
  'version: [1, 2]',
  'audience: 3',
  ': :',
  '- a list item',
  'key: [unclosed',
  'key: "unterminated',
  '&anchor a: 1',
  '*alias',
  '!!binary x',
  '? complex\n: key',
  '\tid: tab-indented',
  'id: fuzz-deck\nid: fuzz-deck',
  '%YAML 1.2',
  '...',
  '<script>alert(1)</script>',
  'title: https://evil.example',
];

const frontMatter = (language: string): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constant(`---\n${frontMatterLines(language).join('\n')}\n---\n`) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(
          fc.shuffledSubarray(frontMatterLines(language)),
          fc.array(fc.oneof(fc.constantFrom(...yamlJunk), fc.string({ unit: charArb, maxLength: 20 })), {
            maxLength: 3,
          }),
          fc.constantFrom('---', '...', ''),
        )
        .map(([kept, junk, end]) => `---\n${[...kept, ...junk].join('\n')}\n${end}\n`),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '',
        '\ufeff---\nid: fuzz-deck\n---\n',
        '---\n',
        '--- \n---\n',
        '---\r\nid: x\r\n---\r\n',
      ),
    },
  );

/** A deck file: mostly-good decks and wild ones. */
const deckText = (language: string): fc.Arbitrary<string> =>
  fc.oneof(
    {
      weight: 2,
      arbitrary: fc
        .tuple(frontMatter(language), fc.array(fc.tuple(slideArb, separators), { minLength: 1, maxLength: 5 }))
        .map(([front, slides]) => front + slides.map(([s, sep], i) => (i === 0 ? s : sep + s)).join('')),
    },
    {
      weight: 2,
      arbitrary: fc
        .uniqueArray(fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), { minLength: 1, maxLength: 4 })
        .chain((ids) => fc.tuple(...ids.map(goodSlide)))
        .map((slides) => `---\n${frontMatterLines(language).join('\n')}\n---\n\n${slides.join('\n\n---\n\n')}\n`),
    },
    { weight: 1, arbitrary: fc.string({ unit: fc.oneof(charArb, fragment), maxLength: 40 }) },
  );

const svgText = fc.oneof(
  fc.constant('<svg xmlns="http://www.w3.org/2000/svg"><rect width="10" height="10"/></svg>'),
  fc.constantFrom(
    '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>x</p></foreignObject></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://evil.example/x.png"/></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(//evil.example/x.css);</style></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(https://evil.example/#x)"/></svg>',
  ),
  fc.string({ unit: charArb, maxLength: 60 }),
);

interface DeckFiles {
  en: string | null;
  fr: string | null;
  svg: string | null;
  extra: string | null;
}

const deckFiles: fc.Arbitrary<DeckFiles> = fc.record({
  en: fc.oneof({ weight: 12, arbitrary: deckText('en') }, { weight: 1, arbitrary: fc.constant(null) }),
  fr: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: deckText('fr') }),
  svg: fc.oneof({ weight: 3, arbitrary: svgText }, { weight: 1, arbitrary: fc.constant(null) }),
  extra: fc.oneof(
    { weight: 8, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constantFrom('es.md', 'en-GB.md', 'notes.txt') },
  ),
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

const pdfBytes: fc.Arbitrary<{ kind: string; data: Buffer }> = fc.oneof(
  fc.uint8Array({ maxLength: 2048 }).map((bytes) => ({ kind: 'random bytes', data: Buffer.from(bytes) })),
  fc.tuple(fc.integer({ min: 1, max: 5 }), fc.double({ min: 0, max: 1, noNaN: true })).map(([pages, cut]) => {
    const whole = Buffer.from(minimalPdf(pages), 'latin1');
    return { kind: 'truncated PDF', data: whole.subarray(0, Math.floor(whole.length * cut)) };
  }),
  fc
    .tuple(
      fc.integer({ min: 1, max: 5 }),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
    )
    .map(([pages, flips]) => {
      const data = Buffer.from(minimalPdf(pages), 'latin1');
      for (const [at, byte] of flips) data[at % data.length] = byte;
      return { kind: 'corrupted PDF', data };
    }),
  fc.uint8Array({ maxLength: 512 }).map((bytes) => ({
    kind: 'PDF header and garbage',
    data: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(bytes)]),
  })),
  fc.constantFrom(
    { kind: 'empty file', data: Buffer.alloc(0) },
    { kind: 'no pages', data: Buffer.from(minimalPdf(0), 'latin1') },
    { kind: 'page count lie', data: Buffer.from(minimalPdf(1).replace('/Count 1', '/Count 999999'), 'latin1') },
    { kind: 'Markdown named .pdf', data: Buffer.from('---\nid: x\n---\n# not a pdf') },
  ),
);

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

/** Found by the PDF batches: a 3-page PDF with two bytes changed (`/Count\x023`, `4 0 o\xc0j`). */
function damagedPdf(): Buffer {
  const pdf = Buffer.from(minimalPdf(3).replace('/Count 3', '/Count\u00023'), 'latin1');
  pdf[pdf.indexOf('4 0 obj') + 5] = 0xc0;
  return pdf;
}

describe('known bugs (pinned; each fails until fixed)', () => {
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
