import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createDoctorWindow, createPatientWindow } from '../../../../src-main/electron/window-options.js';
import type { PatientTarget } from '../../../../src-main/electron/displays.js';

const preload = '/app/out/preload/doctor.cjs';

/** Stands in for Electron's BrowserWindow: keeps the options it was given. */
class CapturingWindow {
  readonly options: BrowserWindowConstructorOptions;
  constructor(options: BrowserWindowConstructorOptions) {
    this.options = options;
  }
}
const doctorWindowOptions = (p: string): BrowserWindowConstructorOptions =>
  createDoctorWindow(CapturingWindow, p).options;
const patientWindowOptions = (p: string, target: PatientTarget): BrowserWindowConstructorOptions =>
  createPatientWindow(CapturingWindow, p, target).options;
const onDisplay: PatientTarget = {
  kind: 'display',
  displayId: 2,
  bounds: { x: 1440, y: 0, width: 1920, height: 1080 },
};
const asWindow: PatientTarget = { kind: 'window', bounds: { x: 680, y: 60, width: 720, height: 405 } };

const windows: Array<[string, BrowserWindowConstructorOptions]> = [
  ['doctor console', doctorWindowOptions(preload)],
  ['patient screen on a display', patientWindowOptions(preload, onDisplay)],
  ['patient screen as a window', patientWindowOptions(preload, asWindow)],
];

describe('window options', () => {
  it.each(windows)('%s: isolated, sandboxed, no Node, web security on, no webview', (_name, options) => {
    expect(options.webPreferences).toMatchObject({
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    });
  });

  it.each(windows)('%s: stays hidden until it is ready to show', (_name, options) => {
    expect(options.show).toBe(false);
  });

  it('keeps the patient screen rendering while the console has focus', () => {
    expect(patientWindowOptions(preload, onDisplay).webPreferences?.backgroundThrottling).toBe(false);
    expect(patientWindowOptions(preload, asWindow).webPreferences?.backgroundThrottling).toBe(false);
  });

  it('makes the patient screen frameless and exactly the size of its display', () => {
    const options = patientWindowOptions(preload, onDisplay);
    expect(options.frame).toBe(false);
    expect(options.skipTaskbar).toBe(true);
    expect({ x: options.x, y: options.y, width: options.width, height: options.height }).toEqual(onDisplay.bounds);
  });

  it('gives the patient screen a frame when it is a window on the console display, so it can be moved', () => {
    const options = patientWindowOptions(preload, asWindow);
    expect(options.frame).toBe(true);
    expect(options.skipTaskbar).toBe(false);
    expect({ x: options.x, y: options.y, width: options.width, height: options.height }).toEqual(asWindow.bounds);
  });

  it('has no spell-check underlines on the patient screen', () => {
    expect(patientWindowOptions(preload, onDisplay).webPreferences?.spellcheck).toBe(false);
  });
});
