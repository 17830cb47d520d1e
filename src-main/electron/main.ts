/**
 * Electron composition root: one setup call per feature. The windows load
 * app://consultdeck pages; core runs here; IPC is the transport.
 */
import path from 'node:path';
import { app, BrowserWindow, ipcMain, protocol, screen, session, type WebContents } from 'electron';
import type { Role } from '../../src-shared/contract/index.js';
import { createCore } from '../core/create-core.js';
import { DatabaseOpenError } from '../core/db/open.js';
import { choosePatientTarget } from './displays.js';
import { APP_ORIGIN, installGuards } from './guards.js';
import { setupIpc } from './ipc.js';
import { SCHEME, handleAppProtocol } from './protocol.js';
import { doctorWindowOptions, patientWindowOptions } from './window-options.js';

protocol.registerSchemesAsPrivileged([
  { scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

async function start(): Promise<void> {
  await app.whenReady();
  const appRoot = app.getAppPath();
  let core;
  try {
    core = createCore({ dataDir: app.getPath('userData'), appRoot, mode: 'electron', version: app.getVersion() });
  } catch (error) {
    const { dialog } = await import('electron');
    dialog.showErrorBox(
      'ConsultDeck could not open its database',
      error instanceof DatabaseOpenError ? error.message : String(error),
    );
    app.quit();
    return;
  }
  installGuards(app, session.defaultSession);
  handleAppProtocol(protocol, path.join(appRoot, 'out', 'renderer'), core.services.library);
  const windows = new Map<number, { role: Role; contents: WebContents }>();
  setupIpc(ipcMain, core, windows);
  const preload = path.join(appRoot, 'out', 'preload', 'index.cjs');

  const doctor = new BrowserWindow(doctorWindowOptions(preload));
  windows.set(doctor.webContents.id, { role: 'doctor', contents: doctor.webContents });
  doctor.once('ready-to-show', () => doctor.show());
  await doctor.loadURL(`${APP_ORIGIN}/doctor/`);

  const consoleDisplay = screen.getDisplayMatching(doctor.getBounds());
  const target = choosePatientTarget(screen.getAllDisplays(), consoleDisplay.id, null);
  const patient = new BrowserWindow(patientWindowOptions(preload, target));
  windows.set(patient.webContents.id, { role: 'patient', contents: patient.webContents });
  // Shown without taking focus from the console.
  patient.once('ready-to-show', () => patient.showInactive());
  await patient.loadURL(`${APP_ORIGIN}/patient/`);

  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => core.close());
}

start().catch((error: unknown) => {
  console.error(error);
  app.quit();
});
