/**
 * Turning one self-contained HTML document into a PDF. Core only knows this
 * interface: browser mode prints with a headless Chromium (host/chromium-pdf.ts),
 * Electron with a hidden window (electron/print-pdf.ts). Both take their page
 * layout from `pdfLayout`, so a document looks the same in either mode.
 */
import type { Settings } from '../../../src-shared/contract/index.js';
import { escapeHtml } from './escape.js';

export type PaperSize = Settings['paperSize'];

/** What a document prints on every page besides its body. */
export interface PdfPage {
  /**
   * Lines printed in the footer of every page, above the page number (a signed
   * record's seal, issue 11 M5: a page taken out of a printed copy still
   * carries it). Plain text; none for a draft.
   */
  footer?: readonly string[];
}

export interface PdfRenderer {
  /** The HTML must need nothing from outside (fonts and images as data: URLs). */
  render(html: string, paper: PaperSize, page?: PdfPage): Promise<Buffer>;
  /**
   * The system print dialog for the document (the desktop app only): true
   * once sent to a printer, false when the physician cancelled.
   */
  print?(html: string, paper: PaperSize, page?: PdfPage): Promise<boolean>;
  close(): Promise<void>;
}

/** Margins in millimetres: the bottom one leaves room for the footer lines and the page number. */
export const PDF_MARGINS_MM = { top: 16, right: 16, bottom: 18, left: 16 } as const;

/**
 * The page footer: the document's footer lines, then the page numbers.
 * Chromium renders header/footer templates apart from the page, with its
 * default font and no document CSS; `pageNumber`/`totalPages` are filled in by
 * Chromium. The lines are escaped: they are text, never markup.
 */
export function pdfFooterTemplate(lines: readonly string[] = []): string {
  const extra = lines
    .map((line) => `<div style="font-size:6.5px;color:#374151;word-break:break-all">${escapeHtml(line)}</div>`)
    .join('');
  return (
    '<div style="box-sizing:border-box;width:100%;padding:0 16mm;font-size:8px;color:#555;text-align:center;font-family:sans-serif">' +
    `${extra}<span class="pageNumber"></span> / <span class="totalPages"></span></div>`
  );
}

/** The page-number-only footer (documents with no footer lines). */
export const PDF_FOOTER_TEMPLATE = pdfFooterTemplate();

export const PDF_HEADER_TEMPLATE = '<div></div>';
