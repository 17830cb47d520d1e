import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDeckFolder, checkDecks } from '../../../../../src-main/core/decks/check.js';
import { deckFile, slide, tempDir, writeDeck, writeGoodDeck } from './deck-fixtures.js';

/** Check a deck whose en.md (and other files) are given; returns "file:line: message" strings. */
function problemsOf(files: Record<string, string>, deckId = 'demo'): string[] {
  const dir = writeDeck(tempDir(), deckId, files);
  return checkDeckFolder(dir).problems.map((p) => `${p.file}:${p.line}: ${p.message}`);
}

const en = (slides: string[], fields: Record<string, string | null> = {}): string =>
  deckFile('demo', 'en', slides, fields);

describe('checkDeckFolder', () => {
  it('passes a good three-language deck and reports its readability', () => {
    const result = checkDeckFolder(writeGoodDeck(tempDir(), 'good-deck'));
    expect(result.problems).toEqual([]);
    expect(Object.keys(result.files)).toEqual(['en', 'fr', 'de']);
    expect(result.readability?.words).toBeGreaterThan(5);
  });

  it('reports missing front matter', () => {
    expect(problemsOf({ 'en.md': slide('a') })).toEqual([
      'demo/en.md:1: missing front matter (a --- YAML block at the top)',
    ]);
  });

  it('names each bad front-matter field', () => {
    const problems = problemsOf({ 'en.md': en([slide('a')], { topic: 'surgery', sources: '[]', title: null }) });
    expect(problems).toEqual([
      "demo/en.md:1: front matter is missing 'title'",
      expect.stringMatching(/^demo\/en\.md:\d+: front matter 'topic': unknown topic "surgery"/),
      "demo/en.md:6: front matter 'sources': must list at least one source",
    ]);
  });

  it('reports an unknown language', () => {
    expect(problemsOf({ 'en.md': en([slide('a')], { language: 'es' }) }).join('\n')).toMatch(/unknown language "es"/);
  });

  it('reports a language that does not match the file name', () => {
    const problems = problemsOf({ 'en.md': en([slide('a')]), 'fr.md': deckFile('demo', 'de', [slide('a')]) });
    expect(problems).toEqual(["demo/fr.md:1: language 'de' does not match the file name fr.md"]);
  });

  it('reports an unknown language file', () => {
    expect(problemsOf({ 'en.md': en([slide('a')]), 'es.md': 'x' })).toEqual([
      'demo/es.md:0: unknown language file es.md (en.md, fr.md or de.md)',
    ]);
  });

  it('reports an id that does not match the folder name', () => {
    expect(problemsOf({ 'en.md': en([slide('a')]) }, 'other-name')).toEqual([
      "other-name/en.md:1: id 'demo' does not match the folder name 'other-name'",
    ]);
  });

  it('reports a slide without an id and a duplicated id', () => {
    const problems = problemsOf({ 'en.md': en([slide('a'), '\n## No id\n', slide('a')]) });
    expect(problems).toEqual([
      'demo/en.md:16: slide 2 has no id (<!-- .slide: id="..." -->)',
      "demo/en.md:20: duplicated slide id 'a' (first on line 11)",
    ]);
  });

  it('reports a missing image file and an image without alt text', () => {
    const problems = problemsOf({ 'en.md': en([slide('a', '## A\n\n![](assets/nothing.svg)')]) });
    expect(problems).toEqual([
      'demo/en.md:14: image assets/nothing.svg has no alt text',
      'demo/en.md:14: missing image file assets/nothing.svg',
    ]);
  });

  it('reports an image outside assets/', () => {
    expect(problemsOf({ 'en.md': en([slide('a', '![Bone](../other/x.svg)')]) })).toEqual([
      'demo/en.md:12: image ../other/x.svg must be a file under assets/ (e.g. assets/name.svg)',
    ]);
  });

  it.each([
    ['<script>alert(1)</script>', 'unsafe element <script>'],
    ['<iframe src="x"></iframe>', 'unsafe element <iframe>'],
    ['<style>p { color: red }</style>', 'unsafe element <style>'],
    ['<object data="x"></object>', 'unsafe element <object>'],
    ['<embed src="x">', 'unsafe element <embed>'],
    ['<svg><circle r="1"/></svg>', 'unsafe element <svg>'],
    ['<p onclick="x()">Hi</p>', 'unsafe event-handler attribute onclick='],
    ['<span style="color: red">Hi</span>', 'unsafe inline style= attribute'],
    ['[Click](javascript:alert(1))', 'unsafe javascript: URL'],
  ])('reports unsafe content %s', (body, message) => {
    expect(problemsOf({ 'en.md': en([slide('a', `## A\n\n${body}`)]) })).toContain(`demo/en.md:14: ${message}`);
  });

  it.each([
    ['[Read more](http://example.com/a)', 'remote URL http://example.com/a (decks use only files under assets/)'],
    ['See https://example.com.', 'remote URL https://example.com.'],
    ['ftp://files.example.com/x', 'remote URL ftp://files.example.com/x'],
    ['<img alt="x" src="//cdn.example.com/x.png">', 'remote URL //cdn.example.com (protocol-relative)'],
    ['[Download](data:text/html;base64,AAAA)', 'data: URL in a link'],
  ])('reports a remote URL %s in the body', (body, message) => {
    expect(problemsOf({ 'en.md': en([slide('a', `## A\n\n${body}`)]) }).join('\n')).toContain(
      `demo/en.md:14: ${message}`,
    );
  });

  it('reports a remote URL in the speaker notes', () => {
    expect(problemsOf({ 'en.md': en([slide('a', '## A', 'Source: https://pubmed.example/1')]) })).toEqual([
      'demo/en.md:15: remote URL https://pubmed.example/1 (decks use only files under assets/)',
    ]);
  });

  it('reports a number in patient text without speaker notes', () => {
    expect(problemsOf({ 'en.md': en([slide('a', 'About 18 in 100 people.')]) })).toEqual([
      "demo/en.md:11: slide 'a' states a number but has no speaker notes naming the source",
    ]);
    expect(problemsOf({ 'en.md': en([slide('a', 'About 18 in 100 people.', 'Zhan 2017.')]) })).toEqual([]);
  });

  it('reports translations that do not line up with en.md', () => {
    const enFile = en([slide('a'), slide('b'), slide('c')]);
    const missing = deckFile('demo', 'fr', [slide('a'), slide('c')]);
    const extra = deckFile('demo', 'de', [slide('a'), slide('b'), slide('c'), slide('z')]);
    expect(problemsOf({ 'en.md': enFile, 'fr.md': missing, 'de.md': extra })).toEqual([
      "demo/fr.md:0: slide 'b' of en.md is missing",
      "demo/de.md:26: slide 'z' is not in en.md",
    ]);
    const reordered = deckFile('demo', 'fr', [slide('a'), slide('c'), slide('b')]);
    expect(problemsOf({ 'en.md': enFile, 'fr.md': reordered })).toEqual([
      "demo/fr.md:16: slide order differs from en.md: 'c' where en.md has 'b'",
    ]);
  });

  it('reports a deck without en.md', () => {
    expect(problemsOf({ 'fr.md': deckFile('demo', 'fr', [slide('a')]) })).toEqual([
      'demo/en.md:0: no en.md (English is the reference language)',
    ]);
  });

  it.each([
    ['<svg><script>alert(1)</script></svg>', 'SVG contains <script>'],
    ['<svg><rect onload="x()"/></svg>', 'SVG contains an event-handler attribute onload='],
    [
      '<svg><image href="https://example.com/x.png"/></svg>',
      'SVG links to an external resource https://example.com/x.png',
    ],
    ['<svg><use xlink:href="//example.com/s.svg#a"/></svg>', 'SVG links to an external resource //example.com/s.svg#a'],
    ['<svg><foreignObject><p>x</p></foreignObject></svg>', 'SVG contains <foreignObject>'],
  ])('reports an unsafe SVG asset %s', (svg, message) => {
    const problems = problemsOf({ 'en.md': en([slide('a')]), 'assets/pic.svg': svg });
    expect(problems).toEqual([`demo/assets/pic.svg:1: ${message}`]);
  });
});

describe('checkDecks', () => {
  it('checks every deck folder under a directory, or one deck folder', () => {
    const root = tempDir();
    writeGoodDeck(root, 'good-deck');
    writeDeck(root, 'broken', { 'en.md': slide('a') });
    writeFileSync(path.join(root, 'README.md'), '# Not a deck');
    const all = checkDecks(root);
    expect(all.decks.map((deck) => deck.deckId)).toEqual(['broken', 'good-deck']);
    expect(all.problems.map((p) => p.file)).toEqual(['broken/en.md']);
    const one = checkDecks(path.join(root, 'good-deck'));
    expect(one.decks.map((deck) => deck.deckId)).toEqual(['good-deck']);
  });
});
