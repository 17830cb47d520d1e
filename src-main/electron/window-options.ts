/**
 * Every window is made here, from one place, with its security options written
 * literally at the `new BrowserWindow` call (where reviewers and
 * Electronegativity look for them). The constructor is a parameter so unit
 * tests can capture and assert the options without Electron.
 */
import type { BrowserWindow as ElectronWindow, BrowserWindowConstructorOptions } from 'electron';
import type { PatientTarget } from './displays.js';

export type WindowConstructor<W = ElectronWindow> = new (options: BrowserWindowConstructorOptions) => W;

export function createDoctorWindow<W>(BrowserWindow: WindowConstructor<W>, preload: string): W {
  // Exemption: the remote module was removed in Electron 14; the option no longer exists.
  return new BrowserWindow({
    /* eng-disable REMOTE_MODULE_JS_CHECK */
    width: 1400,
    height: 900,
    title: 'ConsultDeck – Doctor console',
    show: false,
    backgroundColor: '#f3f4f7',
    webPreferences: {
      // Exemption: the preload exposes only invoke/subscribe, checked against the contract and the window's role.
      preload, // eng-disable PRELOAD_JS_CHECK
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
      spellcheck: true,
    },
  });
}

export function createPatientWindow<W>(BrowserWindow: WindowConstructor<W>, preload: string, target: PatientTarget): W {
  const onDisplay = target.kind === 'display';
  // Exemption: the remote module was removed in Electron 14; the option no longer exists.
  return new BrowserWindow({
    /* eng-disable REMOTE_MODULE_JS_CHECK */
    ...target.bounds,
    title: 'ConsultDeck – Patient screen',
    // A frameless window set to the display's bounds: more reliable than
    // native fullscreen (which opens a new Space on macOS).
    frame: !onDisplay,
    show: false,
    skipTaskbar: onDisplay,
    autoHideMenuBar: true,
    backgroundColor: '#fdfbf6',
    webPreferences: {
      // Exemption: the preload exposes only invoke/subscribe, checked against the contract and the window's role.
      preload, // eng-disable PRELOAD_JS_CHECK
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
      // Keeps rendering while the console has focus.
      backgroundThrottling: false,
      spellcheck: false,
    },
  });
}
