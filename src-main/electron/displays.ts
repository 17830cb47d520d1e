/**
 * Where the patient screen goes: a pure function of the displays and the
 * saved choice, so every layout can be unit-tested without Electron.
 */
export interface DisplayInfo {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
}

export type PatientTarget =
  | { kind: 'display'; displayId: number; bounds: DisplayInfo['bounds'] }
  | { kind: 'window'; bounds: DisplayInfo['bounds'] };

/**
 * The saved display if it is still there and not the console's, else the
 * first other display (largest first), else a movable window on the console's
 * display. Never covers the console.
 */
export function choosePatientTarget(
  displays: readonly DisplayInfo[],
  consoleDisplayId: number,
  savedId: number | null,
): PatientTarget {
  const others = displays.filter((d) => d.id !== consoleDisplayId);
  const saved = others.find((d) => d.id === savedId);
  const largest = [...others].sort((a, b) => b.bounds.width * b.bounds.height - a.bounds.width * a.bounds.height)[0];
  const chosen = saved ?? largest;
  if (chosen) return { kind: 'display', displayId: chosen.id, bounds: chosen.bounds };
  const home = displays.find((d) => d.id === consoleDisplayId) ?? displays[0];
  const area = home?.bounds ?? { x: 0, y: 0, width: 1280, height: 800 };
  const width = Math.round(area.width * 0.5);
  const height = Math.round((width * 9) / 16);
  return { kind: 'window', bounds: { x: area.x + area.width - width - 40, y: area.y + 60, width, height } };
}
