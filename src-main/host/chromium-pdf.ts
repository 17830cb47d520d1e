/**
 * Browser mode's PDF printer: one headless Chromium (Debian's, never a
 * downloaded one), started on the first print and kept for the next ones.
 * Chromium's headless shell is preferred where installed: it prints a batch of
 * 100 summaries in about half the time and a third less memory than the full
 * browser (measured with bench:export), and one renderer process serves every
 * page.
 * Its one context has JavaScript off, is offline, and aborts every request:
 * the HTML carries its font as data: URLs and needs nothing from outside.
 */
import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiError } from '../../src-shared/errors.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium-flags.js';
import {
  PDF_HEADER_TEMPLATE,
  PDF_MARGINS_MM,
  pdfFooterTemplate,
  type PaperSize,
  type PdfPage,
  type PdfRenderer,
} from '../core/export/pdf-renderer.js';

export interface ChromiumPdfOptions {
  executablePath?: string;
}

const mm = (value: number): string => `${value}mm`;

/** The same page layout Electron's printToPDF gets (print-pdf.ts). */
export function playwrightPdfOptions(paper: PaperSize, page: PdfPage = {}) {
  return {
    format: paper,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: PDF_HEADER_TEMPLATE,
    footerTemplate: pdfFooterTemplate(page.footer),
    margin: {
      top: mm(PDF_MARGINS_MM.top),
      right: mm(PDF_MARGINS_MM.right),
      bottom: mm(PDF_MARGINS_MM.bottom),
      left: mm(PDF_MARGINS_MM.left),
    },
  };
}

/** A page kept open between prints: a new page costs a renderer process (~300 ms here). */
const IDLE_PAGES = 1;
/** Every page in one renderer process: prints are one at a time, and each renderer costs ~100 MiB. */
const PDF_ARGS = ['--renderer-process-limit=1'];
/** Debian's and Ubuntu's package chromium-headless-shell. */
const HEADLESS_SHELL_PATHS = ['/usr/bin/chromium-headless-shell', '/usr/lib/chromium/chromium-headless-shell'];

/** The headless shell where there is one, else the Chromium the app uses. */
export function pdfChromiumPath(exists: (file: string) => boolean = fs.existsSync): string {
  const override = process.env.CHROMIUM_PDF_PATH;
  if (override) return override;
  return HEADLESS_SHELL_PATHS.find((file) => exists(file)) ?? CHROMIUM_PATH;
}

export function createChromiumPdfRenderer(options: ChromiumPdfOptions = {}): PdfRenderer {
  const executablePath = options.executablePath ?? pdfChromiumPath();
  let context: Promise<BrowserContext> | null = null;
  let idle: Page[] = [];

  const start = async (): Promise<BrowserContext> => {
    let browser: Browser;
    try {
      // Loaded on the first PDF only: importing playwright-core costs most of a second at start-up.
      const { chromium } = await import('playwright-core');
      browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, ...PDF_ARGS] });
    } catch (error) {
      context = null;
      console.error('[consultdeck] chromium launch failed', error);
      throw new ApiError('INTERNAL', `Chromium could not be started to print the PDF (${executablePath}).`);
    }
    // A crashed or killed browser is started again on the next print.
    browser.on('disconnected', () => {
      context = null;
      idle = [];
    });
    // No script runs and nothing is fetched: the HTML is complete in itself.
    const created = await browser.newContext({ javaScriptEnabled: false, offline: true, serviceWorkers: 'block' });
    await created.route('**/*', (route) => route.abort('blockedbyclient'));
    return created;
  };

  const takePage = async (): Promise<Page> => {
    const page = idle.pop();
    if (page && !page.isClosed()) return page;
    context ??= start();
    return (await context).newPage();
  };

  return {
    async render(html, paper, layout) {
      const page = await takePage();
      try {
        // setContent replaces the whole document: nothing of the previous one stays.
        await page.setContent(html, { waitUntil: 'load' });
        const pdf = await page.pdf(playwrightPdfOptions(paper, layout));
        if (idle.length < IDLE_PAGES) idle.push(page);
        else await page.close();
        return pdf;
      } catch (error) {
        await page.close().catch(() => undefined);
        throw error;
      }
    },
    async close() {
      const running = context;
      context = null;
      idle = [];
      const created = await running?.catch(() => null);
      await created?.browser()?.close();
    },
  };
}
