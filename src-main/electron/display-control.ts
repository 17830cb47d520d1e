/**
 * Electron glue for the patient screen's display: follows hot-plug with the
 * pure `reactToDisplays`, remembers the chosen display by id, and shows
 * "identify" numbers. Everything it decides is pushed to the console.
 */
import fs from 'node:fs';
import type { BrowserWindow, Screen } from 'electron';
import type { DisplayState } from '../../src-shared/contract/index.js';
import type { DisplayControl } from '../core/context.js';
import { choosePatientTarget, reactToDisplays } from './displays.js';
import type { WindowConstructor } from './window-options.js';

export interface DisplayDeps {
  screen: Screen;
  BrowserWindow: WindowConstructor<BrowserWindow>;
  doctor: BrowserWindow;
  patient: BrowserWindow;
  /** JSON file remembering the chosen display id. */
  savedFile: string;
  identifyUrl: (n: number) => string;
  push: (state: DisplayState) => void;
}

export function readSavedDisplay(file: string): number | null {
  try {
    const value = (JSON.parse(fs.readFileSync(file, 'utf8')) as { patientDisplayId?: unknown }).patientDisplayId;
    return typeof value === 'number' ? value : null;
  } catch {
    return null;
  }
}

export function setupDisplayControl(deps: DisplayDeps, initialDisplayId: number | null): DisplayControl {
  const { screen, patient } = deps;
  let patientDisplayId = initialDisplayId;
  let banner: DisplayState['banner'] = null;
  let offerDisplayId: number | null = null;
  const consoleId = (): number => screen.getDisplayMatching(deps.doctor.getBounds()).id;

  const state = (): DisplayState => ({
    displays: screen.getAllDisplays().map((d, i) => ({
      id: d.id,
      label: d.label || `Display ${i + 1}`,
      primary: d.id === screen.getPrimaryDisplay().id,
    })),
    patientDisplayId,
    patientVisible: patient.isVisible(),
    offerDisplayId,
    banner,
  });

  const onChange = (added: boolean): void => {
    const reaction = reactToDisplays(screen.getAllDisplays(), consoleId(), {
      displayId: patientDisplayId,
      visible: patient.isVisible(),
    });
    if (reaction.kind === 'hide-patient') {
      patient.hide();
      banner = 'display-removed';
    } else if (reaction.kind === 'offer-move' && added) {
      banner = 'display-added';
      offerDisplayId = reaction.displayId;
    }
    deps.push(state());
  };
  screen.on('display-added', () => onChange(true));
  screen.on('display-removed', () => onChange(false));

  return {
    state,
    movePatient(displayId) {
      const display = screen.getAllDisplays().find((d) => d.id === displayId && d.id !== consoleId());
      const home = screen.getDisplayMatching(deps.doctor.getBounds());
      // No display chosen: a movable window on the console's display.
      const target = display
        ? { kind: 'display' as const, displayId: display.id, bounds: display.bounds }
        : choosePatientTarget([{ id: home.id, bounds: home.workArea }], home.id, null);
      patient.setBounds(target.bounds);
      patientDisplayId = display ? display.id : null;
      if (display) fs.writeFileSync(deps.savedFile, JSON.stringify({ patientDisplayId }));
      patient.showInactive();
      banner = null;
      offerDisplayId = null;
      deps.push(state());
      return state();
    },
    identify() {
      screen.getAllDisplays().forEach((display, i) => {
        const label = new deps.BrowserWindow({
          ...display.bounds,
          width: 320,
          height: 320,
          frame: false,
          focusable: false,
          show: false,
          webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false },
        }); // eng-disable PRELOAD_JS_CHECK
        label.once('ready-to-show', () => label.showInactive());
        void label.loadURL(deps.identifyUrl(i + 1));
        setTimeout(() => label.destroy(), 3000);
      });
      return state();
    },
  };
}
