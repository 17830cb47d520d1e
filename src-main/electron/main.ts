/**
 * Electron composition root: one setup call per feature. The windows load
 * app://consultdeck pages; core runs here; IPC is the transport.
 */
import path from 'node:path';
import {
  app,
  BrowserWindow,
  crashReporter,
  dialog,
  ipcMain,
  Menu,
  powerMonitor,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  type WebContents,
} from 'electron';
import type { Role } from '../../src-shared/contract/index.js';
import { createCore } from '../core/create-core.js';
import { loadAuditKey } from './audit-key.js';
import { lockSession } from '../core/api/session.js';
import { DatabaseOpenError } from '../core/db/open.js';
import { choosePatientTarget } from './displays.js';
import { readSavedDisplay, setupDisplayControl } from './display-control.js';
import { APP_ORIGIN, installGuards } from './guards.js';
import { setupIpc } from './ipc.js';
import { createElectronPdfRenderer } from './print-pdf.js';
import { SCHEME, handleAppProtocol } from './protocol.js';
import { createDoctorWindow, createPatientWindow } from './window-options.js';
import { setupCrashReports } from './crash-reports.js';
import { createFolderPicker } from './folder-dialog.js';
import { captureLog } from './diagnostics.js';
import { setupMenu } from './menu.js';
import { createMenuCommands } from './menu-commands.js';
import { setupWindowState } from './window-state.js';
import { setupSingleInstance, takeDataFolderLock } from './single-instance.js';

setupCrashReports(crashReporter);
const mainLog = captureLog(console);

protocol.registerSchemesAsPrivileged([
  { scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

// The console of this instance, for a second launch to bring forward.
let consoleWindow: BrowserWindow | null = null;
const firstInstance = setupSingleInstance(app, () => consoleWindow);

async function start(): Promise<void> {
  await app.whenReady();
  const appRoot = app.getAppPath();
  // The browser-mode host's lock too: Electron's own lock does not see a host on this folder.
  const folderLock = takeDataFolderLock(app.getPath('userData'), {
    showErrorBox: (title, content) => dialog.showErrorBox(title, content),
    quit: () => app.quit(),
  });
  if (!folderLock) return;
  app.on('will-quit', () => folderLock.release());
  let core;
  const pdfRenderer = createElectronPdfRenderer();
  try {
    core = createCore({
      dataDir: app.getPath('userData'),
      appRoot,
      mode: 'electron',
      version: app.getVersion(),
      pdfRenderer,
      // Kept outside the database, encrypted by the OS (see audit-key.ts).
      auditKey: loadAuditKey({ safeStorage, dataDir: app.getPath('userData') }),
    });
  } catch (error) {
    dialog.showErrorBox(
      'ConsultDeck could not open its database',
      error instanceof DatabaseOpenError ? error.message : String(error),
    );
    folderLock.release();
    app.quit();
    return;
  }
  // Windows that missed a push catch up within a second (see core/changes.ts), over IPC as over the socket.
  core.startHeartbeat();
  installGuards(app, session.defaultSession);
  handleAppProtocol(protocol, path.join(appRoot, 'out', 'renderer'), core.services.library);
  const windows = new Map<number, { role: Role; contents: WebContents }>();
  setupIpc(ipcMain, core, windows);
  const preload = (role: Role): string => path.join(appRoot, 'out', 'preload', `${role}.cjs`);

  const doctor = createDoctorWindow(BrowserWindow, preload('doctor'));
  consoleWindow = doctor;
  windows.set(doctor.webContents.id, { role: 'doctor', contents: doctor.webContents });
  setupWindowState(doctor, { screen, file: path.join(app.getPath('userData'), 'window-state.json') });
  doctor.once('ready-to-show', () => doctor.show());
  await doctor.loadURL(`${APP_ORIGIN}/doctor/`);

  const consoleDisplay = screen.getDisplayMatching(doctor.getBounds());
  const savedFile = path.join(app.getPath('userData'), 'displays.json');
  const target = choosePatientTarget(screen.getAllDisplays(), consoleDisplay.id, readSavedDisplay(savedFile));
  const patient = createPatientWindow(BrowserWindow, preload('patient'), target);
  windows.set(patient.webContents.id, { role: 'patient', contents: patient.webContents });
  // Shown without taking focus from the console.
  patient.once('ready-to-show', () => patient.showInactive());
  await patient.loadURL(`${APP_ORIGIN}/patient/`);

  core.services.displays = setupDisplayControl(
    {
      screen,
      BrowserWindow,
      doctor,
      patient,
      savedFile,
      identifyUrl: (n) => `${APP_ORIGIN}/identify/?n=${n}`,
      push: (state) => core.services.emit('displays.changed', state),
    },
    target.kind === 'display' ? target.displayId : null,
  );
  core.services.fileManager = { showInFolder: (file) => shell.showItemInFolder(file) };
  core.services.folderPicker = createFolderPicker({
    dialog,
    parent: doctor,
    file: path.join(app.getPath('userData'), 'export-folders.json'),
  });
  const runCommand = createMenuCommands({ core, app, shell, dialog, doctor, appRoot, log: mainLog.lines });
  setupMenu({
    Menu,
    packaged: app.isPackaged,
    platform: process.platform,
    run: (command) => void runCommand(command).catch((error: unknown) => console.error(error)),
  });
  // The console locks with the computer: records hidden, patient screen neutral.
  powerMonitor.on('lock-screen', () => lockSession(core.services, 'os'));
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => {
    void pdfRenderer.close();
    core.close();
  });
}

if (firstInstance) {
  start().catch((error: unknown) => {
    console.error(error);
    app.quit();
  });
}
