import { describe, expect, it } from 'vitest';
import { rewriteAssetSrc, sanitizeSlideHtml } from '../../../../../src-main/core/decks/sanitize.js';

const clean = (html: string): string => sanitizeSlideHtml(html, 'my-deck');

describe('sanitizeSlideHtml', () => {
  it('removes script elements with their content', () => {
    expect(clean('<p>Hi<script>alert(1)</script></p>')).toBe('<p>Hi</p>');
  });

  it('removes event handlers and inline styles', () => {
    const html = clean('<img src="assets/a.svg" alt="A" onerror="steal()"><p style="color:red" onclick="x()">t</p>');
    expect(html).not.toMatch(/onerror|onclick|style/);
    expect(html).toContain('<p>t</p>');
  });

  it('drops images from anywhere but the deck assets', () => {
    for (const src of [
      'https://evil.example/x.png',
      '//evil.example/x.png',
      'data:image/png;base64,AAAA',
      'assets/../../x.svg',
      '/etc/passwd',
    ]) {
      expect(clean(`<p><img src="${src}" alt="x"></p>`)).toBe('<p></p>');
    }
  });

  it('keeps link text but no link (no javascript:, no remote targets)', () => {
    expect(clean('<p><a href="javascript:alert(1)">click</a> and <a href="https://x.example">read</a></p>')).toBe(
      '<p>click and read</p>',
    );
  });

  it('rewrites asset paths to the deck asset base', () => {
    expect(clean('<img src="assets/leak.svg" alt="Leak" width="200">')).toBe(
      '<img src="/decks/my-deck/assets/leak.svg" alt="Leak" width="200" />',
    );
    expect(rewriteAssetSrc('./assets/sub/x.svg', 'd')).toBe('/decks/d/assets/sub/x.svg');
  });

  it('keeps only fragment classes and the known components', () => {
    expect(clean('<li class="fragment fade-up evil">a</li>')).toBe('<li class="fragment fade-up">a</li>');
    expect(
      clean('<div data-component="icon-array" data-highlight="18" data-total="100" data-label="18 in 100"></div>'),
    ).toBe('<div data-component="icon-array" data-highlight="18" data-total="100" data-label="18 in 100"></div>');
    expect(clean('<div data-component="evil" data-total="x"></div>')).toBe('<div></div>');
    // The tone picks the colour (red only for harms); an unknown tone is dropped, and the array is drawn neutral.
    expect(clean('<div data-component="icon-array" data-highlight="53" data-tone="good"></div>')).toBe(
      '<div data-component="icon-array" data-highlight="53" data-tone="good"></div>',
    );
    expect(clean('<div data-component="icon-array" data-tone="red;x"></div>')).toBe(
      '<div data-component="icon-array"></div>',
    );
  });

  it('drops iframes, svg, object, style entirely', () => {
    expect(clean('<iframe src="x">a</iframe><svg><text>b</text></svg><object>c</object><style>p{}</style>ok')).toBe(
      'ok',
    );
  });
});
