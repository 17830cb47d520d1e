import { afterEach, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH } from '../../../../src-main/host/chromium-flags.js';
import { pdfChromiumPath } from '../../../../src-main/host/chromium-pdf.js';

describe('the Chromium that prints PDFs in browser mode', () => {
  const saved = process.env.CHROMIUM_PDF_PATH;
  afterEach(() => {
    if (saved === undefined) delete process.env.CHROMIUM_PDF_PATH;
    else process.env.CHROMIUM_PDF_PATH = saved;
  });

  it('prefers the headless shell where it is installed (faster, less memory for batches)', () => {
    delete process.env.CHROMIUM_PDF_PATH;
    expect(pdfChromiumPath((file) => file === '/usr/bin/chromium-headless-shell')).toBe(
      '/usr/bin/chromium-headless-shell',
    );
  });

  it('falls back to the Chromium the app uses', () => {
    delete process.env.CHROMIUM_PDF_PATH;
    expect(pdfChromiumPath(() => false)).toBe(CHROMIUM_PATH);
  });

  it('follows CHROMIUM_PDF_PATH first', () => {
    process.env.CHROMIUM_PDF_PATH = '/opt/other/chromium';
    expect(pdfChromiumPath(() => true)).toBe('/opt/other/chromium');
  });
});
