/**
 * One ConsultDeck per data folder in the desktop app: Electron's single-instance lock (per user data
 * folder). A second launch quits at once and the first brings its console forward, so the doctor
 * never has two windows confirming saves into one record (or a restore under a running app).
 * Electron's lock only sees other Electron instances: the app also takes the data folder's own lock
 * (core/instance-lock.ts), the one a browser-mode host takes, so the two block each other.
 */
import { acquireInstanceLock, InstanceLockedError, type InstanceLock } from '../core/instance-lock.js';

export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: () => void): unknown;
}

export interface FocusableWindow {
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

/**
 * True when this is the only instance. Otherwise it quits (the first instance is told by Electron).
 * `console` gives the window to bring forward once it exists.
 */
export function setupSingleInstance(app: SingleInstanceApp, console: () => FocusableWindow | null): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const window = console();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  return true;
}

export interface LockRefusal {
  showErrorBox(title: string, content: string): void;
  quit(): void;
}

/**
 * Takes the data folder's lock before core opens the database. Held by a browser-mode host (or
 * another copy of the app on that folder): says which one, in the words of the lock, and quits.
 */
export function takeDataFolderLock(dataDir: string, refuse: LockRefusal, now = new Date()): InstanceLock | null {
  try {
    return acquireInstanceLock(dataDir, now);
  } catch (error) {
    if (!(error instanceof InstanceLockedError)) throw error;
    refuse.showErrorBox('ConsultDeck is already running on this data folder', error.message);
    refuse.quit();
    return null;
  }
}
