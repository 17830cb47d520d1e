/**
 * Turning one self-contained HTML document into a PDF. Core only knows this
 * interface: browser mode prints with a headless Chromium (host/chromium-pdf.ts),
 * Electron with a hidden window (electron/print-pdf.ts). Both take their page
 * layout from `pdfLayout`, so a document looks the same in either mode.
 */
import type { Settings } from '../../../src-shared/contract/index.js';

export type PaperSize = Settings['paperSize'];

export interface PdfRenderer {
  /** The HTML must need nothing from outside (fonts and images as data: URLs). */
  render(html: string, paper: PaperSize): Promise<Buffer>;
  /**
   * The system print dialog for the document (the desktop app only): true
   * once sent to a printer, false when the physician cancelled.
   */
  print?(html: string, paper: PaperSize): Promise<boolean>;
  close(): Promise<void>;
}

/** Margins in millimetres: the bottom one leaves room for the page number. */
export const PDF_MARGINS_MM = { top: 16, right: 16, bottom: 18, left: 16 } as const;

/**
 * The page footer: only the page numbers, so it needs no language. Chromium
 * renders header/footer templates apart from the page, with its default font.
 */
export const PDF_FOOTER_TEMPLATE =
  '<div style="width:100%;font-size:8px;color:#555;text-align:center;font-family:sans-serif">' +
  '<span class="pageNumber"></span> / <span class="totalPages"></span></div>';

export const PDF_HEADER_TEMPLATE = '<div></div>';
