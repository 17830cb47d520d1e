/**
 * The console's messages: English is the source (`as const`, so every key and
 * its text are types); French and German are typed `Messages`, the same shape
 * with any text, so a key missing from either (or one they add) is a type
 * error. The augmentation below gives i18next's `t` those keys: a misspelt or
 * missing key fails `npm run typecheck` and the build.
 */
import type { en } from './en.js';

/** The shape of `en` with every text widened to `string`. */
type Shape<T> = { readonly [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
export type Messages = Shape<typeof en>;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
    // `t` always answers a string (a missing key is a compile error, not null).
    returnNull: false;
  }
}
