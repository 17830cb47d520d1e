import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMenuCommands } from '../../../../src-main/electron/menu-commands.js';
import { setupCrashReports } from '../../../../src-main/electron/crash-reports.js';
import { captureLog } from '../../../../src-main/electron/diagnostics.js';
import { appRoot, makeTestCore, type TestCore } from '../../helpers/test-core.js';
import { base } from '../../helpers/revisions.js';

const open: TestCore[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
});

function setup() {
  const t = makeTestCore();
  open.push(t);
  const focus: Array<() => void> = [];
  const deps = {
    core: t.core,
    app: {
      getVersion: () => '0.1.0',
      getPath: (name: string) => path.join(t.dataDir, name),
      isPackaged: true,
      quit: vi.fn(),
      once: vi.fn((_event: string, handler: () => void) => focus.push(handler)),
    },
    shell: { openPath: vi.fn(async () => '') },
    dialog: {
      showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })),
      showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: path.join(t.dataDir, 'bundle.json') })),
      showErrorBox: vi.fn(),
    },
    doctor: {} as never,
    appRoot,
    log: () => ['2026-11-23T09:00:00.000Z warn database busy, retried'],
    versions: { electron: '41.7.1', chrome: '146.0', node: '24.1.0' },
  };
  return { t, deps, focus, run: createMenuCommands(deps as never) };
}

describe('menu commands', () => {
  it('present through core, as the console does: Start, Next, Black', async () => {
    const { t, run } = setup();
    await run('present-start');
    const started = await t.call('presentation.get', {});
    await run('next');
    await run('black');
    const after = await t.call('presentation.get', {});
    expect(after.revision).toBeGreaterThan(started.revision);
    expect(after.blank).toBe('black');
    expect(t.pushes.some((p) => p.event === 'presentation.changed')).toBe(true);
  });

  it('View items show a section of the console, pushed to the doctor windows', async () => {
    const { t, run } = setup();
    await run('show-record');
    await run('show-settings');
    expect(t.pushes.filter((p) => p.event === 'app.showSection').map((p) => p.payload)).toEqual([
      { section: 'record' },
      { section: 'settings' },
    ]);
  });

  it('Lock locks every console', async () => {
    const { t, run } = setup();
    await run('lock');
    expect(t.pushes).toContainEqual({
      event: 'session.changed',
      payload: expect.objectContaining({ locked: true, reason: 'manual' }),
    });
    expect((await t.raw('consultations.history', {})).ok).toBe(false);
  });

  it('Open Decks Folder creates and opens the folder, then reloads the decks when the app has the focus again', async () => {
    const { t, deps, focus, run } = setup();
    await run('open-decks-folder');
    const folder = path.join(t.dataDir, 'decks');
    expect(deps.shell.openPath).toHaveBeenCalledWith(folder);
    expect(fs.statSync(folder).isDirectory()).toBe(true);
    const before = (await t.call('decks.list', {})).decks.length;
    fs.cpSync(path.join(appRoot, 'slides', 'kyphoplasty'), path.join(folder, 'clinic-kyphoplasty'), {
      recursive: true,
    });
    for (const lang of ['en', 'fr', 'de']) {
      const file = path.join(folder, 'clinic-kyphoplasty', `${lang}.md`);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^id: kyphoplasty$/m, 'id: clinic-kyphoplasty'));
    }
    expect((await t.call('decks.list', {})).decks.length).toBe(before);
    focus.forEach((f) => f());
    expect((await t.call('decks.list', {})).decks.map((d) => d.id)).toContain('clinic-kyphoplasty');
  });

  it('says so when the folder cannot be opened', async () => {
    const { deps, run } = setup();
    deps.shell.openPath.mockResolvedValueOnce('No application is associated');
    await run('open-decks-folder');
    expect(deps.dialog.showErrorBox).toHaveBeenCalledWith(
      'The decks folder could not be opened',
      expect.stringContaining('No application is associated'),
    );
  });

  it('About shows the app version, the runtime and every deck with its content version', async () => {
    const { deps, run } = setup();
    await run('about');
    const options = deps.dialog.showMessageBox.mock.calls[0] as unknown as [unknown, { detail: string }];
    const detail = options[1].detail;
    expect(detail).toContain('ConsultDeck 0.1.0');
    expect(detail).toContain('Electron 41.7.1');
    for (const deck of fs.readdirSync(path.join(appRoot, 'slides')).filter((d) => !d.includes('.'))) {
      expect(detail).toMatch(new RegExp(`${deck}: content version \\d`));
    }
  });

  it('the diagnostic bundle has versions, counts and the log, and no patient data', async () => {
    const { t, run } = setup();
    const patient = await t.call('patients.create', {
      displayName: 'Hélène Dubois-Martin',
      code: 'VCF-2026-017',
      birthDate: '1948-03-02',
      sex: 'female',
    });
    const draft = await t.call('consultations.start', { patientId: patient.id, language: 'en' });
    await t.call('notes.save', {
      consultationId: draft.id,
      body: 'Worried about the anaesthesia.',
      baseRevision: await base(t, draft.id, 'notes'),
    });
    await run('diagnostic-bundle');
    const text = fs.readFileSync(path.join(t.dataDir, 'bundle.json'), 'utf8');
    const bundle = JSON.parse(text) as { app: { version: string }; rowCounts: Record<string, number>; log: string[] };
    expect(bundle.app.version).toBe('0.1.0');
    expect(bundle.rowCounts.patients).toBe(1);
    expect(bundle.log).toEqual(['2026-11-23T09:00:00.000Z warn database busy, retried']);
    expect(text).not.toMatch(/Dubois|Hélène|VCF-2026|anaesthesia|1948/);
  });

  it('saves nothing when the save dialog is cancelled', async () => {
    const { t, deps, run } = setup();
    deps.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await run('diagnostic-bundle');
    expect(fs.existsSync(path.join(t.dataDir, 'bundle.json'))).toBe(false);
  });
});

describe('printing from the menu', () => {
  it('prints the open consultation through core and the print dialog; asks to open one first otherwise', async () => {
    const { t, deps, run } = setup();
    const jobs: string[] = [];
    t.core.services.pdf = {
      render: async () => Buffer.from('%PDF-1.4'),
      print: async (html) => {
        jobs.push(html);
        return true;
      },
      close: async () => undefined,
    };
    await run('print-summary');
    expect(jobs).toHaveLength(0);
    expect(deps.dialog.showMessageBox).toHaveBeenCalledWith(
      deps.doctor,
      expect.objectContaining({ message: 'Open a consultation first' }),
    );
    await t.call('settings.update', { physicianName: 'Dr. Anna Weber' });
    const patient = await t.call('patients.create', { displayName: 'Urs Zbinden', birthDate: '1950', sex: 'male' });
    await t.call('consultations.start', { patientId: patient.id, language: 'fr' });
    await run('print-summary');
    await run('print-leaflet');
    expect(jobs).toHaveLength(2);
    expect(jobs[0]).toContain('Urs Zbinden');
    expect(jobs[1]).toContain('lang="fr"');
    expect(deps.dialog.showErrorBox).not.toHaveBeenCalled();
  });

  it('says why when the document cannot be printed', async () => {
    const { t, deps, run } = setup();
    const patient = await t.call('patients.create', { displayName: 'Urs Zbinden', birthDate: '1950', sex: 'male' });
    await t.call('consultations.start', { patientId: patient.id, language: 'en' });
    await run('print-summary');
    expect(deps.dialog.showErrorBox).toHaveBeenCalledWith(
      'The document could not be printed',
      expect.stringMatching(/only in the desktop app/),
    );
  });
});

describe('crash reports and log', () => {
  it('crash reports are written locally and never uploaded', () => {
    const crashReporter = { start: vi.fn() };
    setupCrashReports(crashReporter);
    expect(crashReporter.start).toHaveBeenCalledWith(expect.objectContaining({ uploadToServer: false }));
    expect(crashReporter.start.mock.calls[0]?.[0]).not.toHaveProperty('submitURL');
  });

  it('the log keeps the last warnings and errors and still prints them', () => {
    const printed: unknown[] = [];
    const target = { warn: (...a: unknown[]) => printed.push(a), error: (...a: unknown[]) => printed.push(a) };
    const log = captureLog(target, 2);
    target.warn('one');
    target.error(new Error('two'));
    target.warn('three');
    expect(log.lines().map((l) => l.replace(/^\S+ /, '').split('\n')[0])).toEqual(['error Error: two', 'warn three']);
    expect(printed).toHaveLength(3);
  });
});
