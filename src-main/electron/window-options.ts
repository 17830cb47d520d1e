/**
 * Options of every window, from one place. The security flags are written
 * literally here and asserted by unit tests.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import type { PatientTarget } from './displays.js';

export function doctorWindowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    width: 1400,
    height: 900,
    title: 'ConsultDeck – Doctor console',
    show: false,
    backgroundColor: '#f3f4f7',
    webPreferences: {
      preload,
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
      spellcheck: true,
    },
  };
}

export function patientWindowOptions(preload: string, target: PatientTarget): BrowserWindowConstructorOptions {
  const onDisplay = target.kind === 'display';
  return {
    ...target.bounds,
    title: 'ConsultDeck – Patient screen',
    // A frameless window set to the display's bounds: more reliable than
    // native fullscreen (which opens a new Space on macOS).
    frame: !onDisplay,
    show: false,
    focusable: true,
    skipTaskbar: onDisplay,
    autoHideMenuBar: true,
    backgroundColor: '#fdfbf6',
    webPreferences: {
      preload,
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
      // Keeps rendering while the console has focus.
      backgroundThrottling: false,
      spellcheck: false,
    },
  };
}
