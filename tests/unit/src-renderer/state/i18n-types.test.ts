/**
 * Type-level checks, run by `npm run typecheck` (tsc -p tests): a misspelt or
 * missing message key, a missing interpolation value and a translation that
 * lacks a key are compile errors. Each `@ts-expect-error` fails the typecheck
 * if the error it expects ever stops happening. The runtime part only keeps
 * vitest from reporting an empty file.
 */
import { describe, expect, it } from 'vitest';
import { t } from '../../../../src-renderer/state/i18n.svelte.js';
import type { Messages } from '../../../../src-renderer/state/messages/index.js';
import { fr } from '../../../../src-renderer/state/messages/fr.js';

export function misspeltKey(): string {
  // @ts-expect-error: there is no key "record.sectionz.findings"
  return t('record.sectionz.findings');
}

export function missingValue(): string {
  // @ts-expect-error: "sign.signAs" needs its {{name}}
  return t('sign.signAs', { who: 'Dr Rossi' });
}

export function incompleteTranslation(): Messages {
  const { app, ...rest } = fr;
  const withoutLock: Messages = {
    ...rest,
    // @ts-expect-error: a translation without "app.lock" is not a Messages
    app: { sections: app.sections, present: app.present, record: app.record, settings: app.settings },
  };
  return withoutLock;
}

describe('typed message keys', () => {
  it('resolve a real key to its text', () => {
    expect(t('app.lock')).toBe('Lock');
  });
});
