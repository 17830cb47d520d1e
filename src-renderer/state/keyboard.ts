/**
 * Clicker and keyboard map of the doctor console, as a pure function so it
 * can be tested without a browser. Keys act anywhere except in text fields.
 */
export type KeyAction =
  | { kind: 'next' }
  | { kind: 'prev' }
  | { kind: 'first' }
  | { kind: 'last' }
  | { kind: 'goto'; slideNumber: number }
  | { kind: 'digit'; digits: string }
  | { kind: 'black' }
  | { kind: 'white' }
  | { kind: 'escape' }
  | { kind: 'start' };

export interface KeyInput {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  /** True when focus is in an input, textarea, select or contenteditable. */
  inTextField: boolean;
}

export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
  }
  return false;
}

/** `pending` is the number typed so far (for "number then Enter"). */
export function actionForKey(input: KeyInput, pending: string): KeyAction | null {
  if (input.inTextField || input.ctrlKey || input.metaKey || input.altKey) return null;
  const { key } = input;
  if (/^[0-9]$/.test(key)) return { kind: 'digit', digits: (pending + key).slice(-4) };
  if (key === 'Enter' && pending !== '') return { kind: 'goto', slideNumber: Number(pending) };
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case ' ':
    case 'PageDown':
    case 'n':
    case 'N':
      return { kind: 'next' };
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
    case 'p':
    case 'P':
      return { kind: 'prev' };
    case 'Home':
      return { kind: 'first' };
    case 'End':
      return { kind: 'last' };
    case 'b':
    case 'B':
    case '.':
      return { kind: 'black' };
    case 'w':
    case 'W':
    case ',':
      return { kind: 'white' };
    case 'Escape':
      return { kind: 'escape' };
    case 'F5':
      return { kind: 'start' };
    default:
      return null;
  }
}
