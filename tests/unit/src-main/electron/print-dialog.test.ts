import { beforeEach, describe, expect, it, vi } from 'vitest';

type PrintCallback = (success: boolean, reason: string) => void;
const answer: { success: boolean; reason: string } = { success: true, reason: '' };

/** Stands in for Electron's BrowserWindow: records the document loaded and the print request. */
class FakeWindow {
  static made: FakeWindow[] = [];
  loaded = '';
  destroyed = false;
  readonly webContents = {
    print: vi.fn((_options: Record<string, unknown>, callback: PrintCallback) =>
      callback(answer.success, answer.reason),
    ),
  };
  constructor() {
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

vi.mock('electron', () => ({
  BrowserWindow: FakeWindow,
  session: {
    fromPartition: () => ({
      webRequest: { onBeforeRequest: () => undefined },
      setPermissionRequestHandler: () => undefined,
    }),
  },
}));

const { createElectronPdfRenderer } = await import('../../../../src-main/electron/print-pdf.js');

beforeEach(() => {
  FakeWindow.made = [];
  answer.success = true;
  answer.reason = '';
});

describe('printing through the system dialog (Electron)', () => {
  it('loads the document in a hidden print window, opens the dialog (not silent), then closes the window', async () => {
    const printer = createElectronPdfRenderer();
    expect(await printer.print?.('<p>Summary</p>', 'Letter')).toBe(true);
    const [win] = FakeWindow.made;
    expect(Buffer.from(win?.loaded.split(',')[1] ?? '', 'base64').toString()).toBe('<p>Summary</p>');
    expect(win?.webContents.print).toHaveBeenCalledWith(
      expect.objectContaining({ silent: false, pageSize: 'Letter', printBackground: true }),
      expect.any(Function),
    );
    expect(win?.destroyed).toBe(true);
  });

  it('answers false when the physician cancels, and fails on a printer error', async () => {
    const printer = createElectronPdfRenderer();
    answer.success = false;
    answer.reason = 'cancelled';
    expect(await printer.print?.('<p>x</p>', 'A4')).toBe(false);
    answer.reason = 'failed';
    await expect(printer.print?.('<p>x</p>', 'A4')).rejects.toThrow('printing failed: failed');
    expect(FakeWindow.made.every((w) => w.destroyed)).toBe(true);
  });

  it("prints a signed record's seal as the footer line of every page", async () => {
    const printer = createElectronPdfRenderer();
    await printer.print?.('<p>x</p>', 'A4', {
      footer: ['Record digest (SHA-256, at signing): ab12', 'Audit log at row 9: cd34'],
    });
    await printer.print?.('<p>draft</p>', 'A4', {});
    const [signed, draft] = FakeWindow.made;
    expect(signed?.webContents.print).toHaveBeenCalledWith(
      expect.objectContaining({ footer: 'Record digest (SHA-256, at signing): ab12  ·  Audit log at row 9: cd34' }),
      expect.any(Function),
    );
    expect(draft?.webContents.print.mock.calls[0]?.[0]).not.toHaveProperty('footer');
  });
});
