import type { BrowserWindowConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';

/** Stands in for Electron's BrowserWindow: keeps its options, records what it was asked to do. */
class FakeWindow {
  static made: FakeWindow[] = [];
  readonly options: BrowserWindowConstructorOptions;
  loaded = '';
  destroyed = false;
  readonly webContents = {
    printToPDF: vi.fn(async (_options: Electron.PrintToPDFOptions) => Buffer.from('%PDF-1.4')),
  };
  constructor(options: BrowserWindowConstructorOptions) {
    this.options = options;
    FakeWindow.made.push(this);
  }
  async loadURL(url: string): Promise<void> {
    this.loaded = url;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

const blocker: { decide?: (details: { url: string }, callback: (r: { cancel: boolean }) => void) => void } = {};
vi.mock('electron', () => ({
  BrowserWindow: FakeWindow,
  session: {
    fromPartition: () => ({
      webRequest: { onBeforeRequest: (fn: typeof blocker.decide) => (blocker.decide = fn) },
      setPermissionRequestHandler: () => undefined,
    }),
  },
}));

const { createElectronPdfRenderer, createPrintWindow } = await import('../../../../src-main/electron/print-pdf.js');
const { createDoctorWindow } = await import('../../../../src-main/electron/window-options.js');

class CapturingWindow {
  constructor(readonly options: BrowserWindowConstructorOptions) {}
}

beforeEach(() => {
  FakeWindow.made = [];
});

describe('Electron PDF printer', () => {
  it('uses the doctor window security flags, without preload and without JavaScript', () => {
    const print = createPrintWindow(CapturingWindow).options.webPreferences ?? {};
    const doctor = createDoctorWindow(CapturingWindow, '/preload.cjs').options.webPreferences ?? {};
    const security = Object.fromEntries(
      Object.entries(doctor).filter(([key]) => !['preload', 'spellcheck'].includes(key)),
    );
    expect(Object.keys(security).length).toBeGreaterThan(10);
    expect(print).toMatchObject(security);
    expect(print.preload).toBeUndefined();
    expect(print.javascript).toBe(false);
    expect(createPrintWindow(CapturingWindow).options.show).toBe(false);
  });

  it('prints the HTML from a data: URL with the shared layout, then destroys the window', async () => {
    const renderer = createElectronPdfRenderer();
    const pdf = await renderer.render('<p>Grüezi</p>', 'Letter');
    expect(pdf.toString()).toBe('%PDF-1.4');
    const [win] = FakeWindow.made;
    expect(Buffer.from(win?.loaded.split(',')[1] ?? '', 'base64').toString('utf8')).toBe('<p>Grüezi</p>');
    expect(win?.webContents.printToPDF).toHaveBeenCalledWith(
      expect.objectContaining({ pageSize: 'Letter', printBackground: true, displayHeaderFooter: true }),
    );
    expect(win?.destroyed).toBe(true);
  });

  it("puts the document's footer lines (a signed record's seal) in the footer of every page, escaped", async () => {
    const renderer = createElectronPdfRenderer();
    await renderer.render('<p>x</p>', 'A4', { footer: ['Record digest: ab12 <script>'] });
    const options = FakeWindow.made[0]?.webContents.printToPDF.mock.calls[0]?.[0] ?? {};
    expect(options.footerTemplate).toContain('Record digest: ab12 &lt;script&gt;');
    expect(options.footerTemplate).toContain('<span class="pageNumber"></span>');
  });

  it('lets nothing but data: URLs load in its session', () => {
    createElectronPdfRenderer();
    const answers: boolean[] = [];
    for (const url of [
      'data:text/html;base64,AA',
      'https://example.com/x.js',
      'file:///etc/passwd',
      'app://consultdeck/',
    ]) {
      blocker.decide?.({ url }, ({ cancel }) => answers.push(cancel));
    }
    expect(answers).toEqual([false, true, true, true]);
  });
});
