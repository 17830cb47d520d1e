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

/** What to do when displays come or go during a consultation. */
export type DisplayReaction = { kind: 'hide-patient' } | { kind: 'offer-move'; displayId: number } | { kind: 'none' };

/**
 * The patient screen's display went away → hide it at once (never close it,
 * never move slides onto the doctor's screen uninvited). A new display other
 * than the console's while the patient screen is hidden or in a window →
 * offer to move it there.
 */
export function reactToDisplays(
  displays: readonly DisplayInfo[],
  consoleDisplayId: number,
  patient: { displayId: number | null; visible: boolean },
): DisplayReaction {
  const ids = new Set(displays.map((d) => d.id));
  if (patient.displayId !== null && patient.visible && !ids.has(patient.displayId)) return { kind: 'hide-patient' };
  const onOwnDisplay = patient.visible && patient.displayId !== null && ids.has(patient.displayId);
  if (onOwnDisplay) return { kind: 'none' };
  const candidate = choosePatientTarget(displays, consoleDisplayId, null);
  return candidate.kind === 'display' ? { kind: 'offer-move', displayId: candidate.displayId } : { kind: 'none' };
}
