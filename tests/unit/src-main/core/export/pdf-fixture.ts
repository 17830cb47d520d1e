/**
 * The PDF tests' shared printer, apart from `export-fixture.ts` because it registers vitest hooks (the bench
 * imports the fixture outside vitest).
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { PdfRenderer } from '../../../../../src-main/core/export/pdf-renderer.js';
import { createChromiumPdfRenderer } from '../../../../../src-main/host/chromium-pdf.js';
import { closeCores } from './export-fixture.js';

/**
 * One Chromium printer shared by a test file's cores (starting one costs a second): made before the file's tests,
 * closed after them; each core made by `exportCore` is closed after each test. Returns a getter, since the printer
 * exists only once `beforeAll` ran.
 */
export function useSharedPdfRenderer(): () => PdfRenderer {
  let pdf: PdfRenderer | undefined;
  beforeAll(() => {
    pdf = createChromiumPdfRenderer();
  });
  afterAll(async () => {
    await pdf?.close();
  });
  afterEach(closeCores);
  return () => {
    if (!pdf) throw new Error('the shared PDF printer is made in beforeAll');
    return pdf;
  };
}
