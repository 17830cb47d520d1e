import { describe, expect, it } from 'vitest';
import { parseDeckMarkdown } from '../../../../../src-main/core/decks/parse-markdown.js';

const source = [
  '---', // 1
  'id: demo-deck',
  'title: Demo',
  'language: en',
  'topic: risks',
  'version: 2',
  'sources:',
  '  - Zhan et al. 2017',
  '---', // 9
  '', // 10
  '<!-- .slide: id="first" -->', // 11
  '## First slide',
  '',
  '- One <!-- .element: class="fragment" -->', // 14
  '- Two <!-- .element: class="fragment fade-up" -->',
  '- Three',
  '',
  'A paragraph. <!-- .element: class="fragment" -->', // 18
  '',
  'Note:', // 20
  'Notes for the **doctor**.',
  '',
  '---', // 23
  '', // 24
  '<!-- .slide: id="second" data-background="#fff" -->', // 25
  '## Second',
  '',
  '--',
  '',
  "<!-- .slide: id='third' -->", // 30
  'Third, vertical.',
  'notes: inline notes start here',
  '',
  '---',
  '',
  '<!-- .slide: id="fourth" -->', // 36
  '```',
  '',
  '---',
  '',
  '```',
].join('\n');

describe('parseDeckMarkdown', () => {
  const deck = parseDeckMarkdown(source, 'en.md');

  it('reads and validates the front matter', () => {
    expect(deck.problems).toEqual([]);
    expect(deck.frontMatter).toMatchObject({
      id: 'demo-deck',
      language: 'en',
      version: 2,
      sources: ['Zhan et al. 2017'],
    });
  });

  it('splits horizontal and vertical slides with ids and indices', () => {
    expect(deck.slides.map((s) => [s.id, s.h, s.v])).toEqual([
      ['first', 0, 0],
      ['second', 1, 0],
      ['third', 1, 1],
      ['fourth', 2, 0],
    ]);
  });

  it('gives the 1-based source line where each slide starts', () => {
    expect(deck.slides.map((s) => s.line)).toEqual([11, 25, 30, 36]);
  });

  it('separates speaker notes from the body', () => {
    const [first, second, third] = deck.slides;
    expect(first?.body).not.toContain('Notes for');
    expect(first?.notes.trim()).toBe('Notes for the **doctor**.');
    expect(first?.notesHtml).toContain('<strong>doctor</strong>');
    expect(second?.notes).toBe('');
    expect(third?.notes.trim()).toBe('inline notes start here');
    expect(third?.notesLine).toBe(32);
  });

  it('puts element classes on the enclosing li/p and counts fragments', () => {
    const first = deck.slides[0];
    expect(first?.bodyHtml).toContain('<li class="fragment">One');
    expect(first?.bodyHtml).toContain('<li class="fragment fade-up">Two');
    expect(first?.bodyHtml).toContain('<li>Three</li>');
    expect(first?.bodyHtml).toContain('<p class="fragment">A paragraph.');
    expect(first?.bodyHtml).not.toContain('.element');
    expect(first?.fragments).toBe(3);
  });

  it('gives plain text one block per line, without the slide comment', () => {
    expect(deck.slides[0]?.text).toBe('First slide\nOne\nTwo\nThree\nA paragraph.');
    expect(deck.slides[0]?.bodyHtml).not.toContain('.slide');
  });

  it('does not split inside a code fence', () => {
    expect(deck.slides[3]?.body).toContain('---');
  });

  it('needs a blank line before a separator (otherwise --- is a heading underline)', () => {
    const parsed = parseDeckMarkdown('---\nid: a\n---\n\n<!-- .slide: id="a" -->\nTitle\n---\n\nText', 'en.md');
    expect(parsed.slides).toHaveLength(1);
    expect(parsed.slides[0]?.bodyHtml).toContain('<h2>Title</h2>');
  });

  it('reports a separator without a blank line after it', () => {
    const parsed = parseDeckMarkdown(
      source.replace('---\n\n<!-- .slide: id="second"', '---\n<!-- .slide: id="second"'),
      'en.md',
    );
    expect(parsed.slides.map((s) => s.id)).toEqual(['first', 'second', 'third', 'fourth']);
    expect(parsed.problems).toEqual([{ line: 23, message: "slide separator '---' needs a blank line after it" }]);
  });

  it('names each bad front-matter field with its line', () => {
    const bad = '---\nid: Bad Id\ntitle: ""\nlanguage: es\ntopic: risks\nversion: 1\nsources: []\n---\n';
    const messages = parseDeckMarkdown(bad, 'en.md').problems;
    expect(messages).toEqual([
      { line: 2, message: "front matter 'id': lower-case letters, digits and dashes" },
      { line: 3, message: "front matter 'title': must not be empty" },
      { line: 4, message: 'front matter \'language\': unknown language "es" (expected en, fr, de)' },
      { line: 7, message: "front matter 'sources': must list at least one source" },
    ]);
  });

  it('reports missing, unclosed and invalid front matter', () => {
    expect(parseDeckMarkdown('# Hello', 'en.md').problems[0]?.message).toMatch(/missing front matter/);
    expect(parseDeckMarkdown('---\nid: a\n', 'en.md').problems[0]?.message).toMatch(/not closed/);
    expect(parseDeckMarkdown('---\nid: [a\n---\n', 'en.md').problems[0]?.message).toMatch(/not valid YAML/);
    const missing = parseDeckMarkdown('---\nid: a\n---\n', 'en.md').problems.map((p) => p.message);
    expect(missing).toContain("front matter is missing 'topic'");
  });
});
