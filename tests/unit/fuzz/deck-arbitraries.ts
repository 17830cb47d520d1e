/**
 * Generators of hostile deck folders for deck-fuzz.test.ts: Markdown with YAML
 * front matter from reveal.js-ish and HTML fragments (safe-but-tricky ones
 * that pass the checker and test the sanitizer, hostile ones the checker must
 * refuse), SVG assets, and broken PDFs.
 */
import fc from 'fast-check';
import { minimalPdf } from '../src-main/core/decks/deck-fixtures.js';
import { charArb } from './schema-arbitraries.js';

/** The folder name (and front-matter id) of the fuzzed deck. */
export const DECK = 'fuzz-deck';

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

export interface DeckFiles {
  en: string | null;
  fr: string | null;
  svg: string | null;
  extra: string | null;
}

export const deckFiles: fc.Arbitrary<DeckFiles> = fc.record({
  en: fc.oneof({ weight: 12, arbitrary: deckText('en') }, { weight: 1, arbitrary: fc.constant(null) }),
  fr: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: deckText('fr') }),
  svg: fc.oneof({ weight: 3, arbitrary: svgText }, { weight: 1, arbitrary: fc.constant(null) }),
  extra: fc.oneof(
    { weight: 8, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constantFrom('es.md', 'en-GB.md', 'notes.txt') },
  ),
});

// ---- PDFs ---------------------------------------------------------------------

export const pdfBytes: fc.Arbitrary<{ kind: string; data: Buffer }> = fc.oneof(
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

/** Found by the PDF batches: a 3-page PDF with two bytes changed (`/Count\x023`, `4 0 o\xc0j`). */
export function damagedPdf(): Buffer {
  const pdf = Buffer.from(minimalPdf(3).replace('/Count 3', '/Count\u00023'), 'latin1');
  pdf[pdf.indexOf('4 0 obj') + 5] = 0xc0;
  return pdf;
}
