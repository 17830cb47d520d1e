/**
 * Browser mode has no Electron guards, so each page refuses to open windows
 * itself (Electron also denies it in main). Slides carry no links at all.
 */
export function installWindowGuards(): void {
  window.open = () => null;
}
