/**
 * One ConsultDeck per data folder in the desktop app: Electron's single-instance lock (per user data
 * folder). A second launch quits at once and the first brings its console forward, so the doctor
 * never has two windows confirming saves into one record (or a restore under a running app).
 */
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
