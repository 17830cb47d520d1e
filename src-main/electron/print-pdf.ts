/**
 * Electron's PDF printer: a hidden window with the same locked-down
 * webPreferences as the app's windows (window-options.ts; a unit test holds
 * the two equal), plus no preload and no JavaScript, in an in-memory session
 * that refuses every request except the document's own data: URL. The flags
 * are written literally at the constructor, like window-options.ts, where
 * reviewers and Electronegativity look for them. Page layout comes from core,
 * so the PDF looks the same as in browser mode.
 */
import { BrowserWindow, session as sessions } from 'electron';
import {
  PDF_HEADER_TEMPLATE,
  PDF_MARGINS_MM,
  pdfFooterTemplate,
  type PaperSize,
  type PdfPage,
  type PdfRenderer,
} from '../core/export/pdf-renderer.js';
import type { WindowConstructor } from './window-options.js';

const INCH_MM = 25.4;
const PARTITION = 'consultdeck-print';

/** The hidden print window; the constructor is a parameter so unit tests can read the options. */
export function createPrintWindow<W>(BrowserWindow: WindowConstructor<W>): W {
  // Exemption: the remote module was removed in Electron 14; the option no longer exists.
  return new BrowserWindow({
    /* eng-disable REMOTE_MODULE_JS_CHECK */
    show: false,
    width: 800,
    height: 1100,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      // A document to print runs no script at all.
      javascript: false,
      partition: PARTITION,
    },
  });
}

export function printOptions(paper: PaperSize, page: PdfPage = {}): Electron.PrintToPDFOptions {
  const inches = (value: number): number => value / INCH_MM;
  return {
    pageSize: paper,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: PDF_HEADER_TEMPLATE,
    footerTemplate: pdfFooterTemplate(page.footer),
    margins: {
      top: inches(PDF_MARGINS_MM.top),
      right: inches(PDF_MARGINS_MM.right),
      bottom: inches(PDF_MARGINS_MM.bottom),
      left: inches(PDF_MARGINS_MM.left),
    },
  };
}

export function createElectronPdfRenderer(): PdfRenderer {
  const session = sessions.fromPartition(PARTITION, { cache: false });
  // Only the document's own data: URL loads; fonts are data: URLs inside it.
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !details.url.startsWith('data:') }));
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  const windows = new Set<BrowserWindow>();

  return {
    async render(html, paper, page) {
      const win = createPrintWindow(BrowserWindow);
      windows.add(win);
      try {
        await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
        return await win.webContents.printToPDF(printOptions(paper, page));
      } finally {
        windows.delete(win);
        if (!win.isDestroyed()) win.destroy();
      }
    },
    async print(html, paper, page) {
      const win = createPrintWindow(BrowserWindow);
      windows.add(win);
      try {
        await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
        // The system dialog (silent: false): the physician picks the printer and copies. Its footer
        // is one plain line (no template): the seal of a signed record, on every printed page.
        const footer = page?.footer?.length ? { footer: page.footer.join('  ·  ') } : {};
        return await new Promise<boolean>((resolve, reject) => {
          win.webContents.print(
            { silent: false, printBackground: true, pageSize: paper, ...footer },
            (success, reason) => {
              if (success) resolve(true);
              else if (/cancel/i.test(reason)) resolve(false);
              else reject(new Error(`printing failed: ${reason}`));
            },
          );
        });
      } finally {
        windows.delete(win);
        if (!win.isDestroyed()) win.destroy();
      }
    },
    async close() {
      for (const win of windows) if (!win.isDestroyed()) win.destroy();
      windows.clear();
    },
  };
}
