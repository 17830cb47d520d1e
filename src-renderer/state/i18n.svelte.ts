/**
 * The console's language: the locale this window shows and `t`, its messages
 * (i18next, resources bundled, nothing loaded at run time). The locale follows
 * the `consoleLanguage` setting (DoctorApp sets it from the settings model);
 * every `t` call reads the locale rune, so changing it re-renders the console
 * at once. Dates and numbers go through `Intl` in the same locale.
 */
import { createInstance, type TFunction } from 'i18next';
import { consoleLanguages, type ConsoleLanguage } from '../../src-shared/contract/index.js';
import { en } from './messages/en.js';
import { fr } from './messages/fr.js';
import { de } from './messages/de.js';
import './messages/index.js';

/** Intl's locale for each console language (the region only sets date order and separators). */
export const intlLocales: Record<ConsoleLanguage, string> = { en: 'en-GB', fr: 'fr-CH', de: 'de-CH' };

/** The last language chosen, so the lock screen shown before settings load speaks it too (no record data). */
const STORAGE_KEY = 'consultdeck.consoleLanguage';

function remembered(): ConsoleLanguage {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return consoleLanguages.find((language) => language === value) ?? 'en';
  } catch {
    return 'en';
  }
}

export class I18nModel {
  locale = $state<ConsoleLanguage>('en');
  /** The message of a key in the current locale (typed keys and options, see messages/index.ts). */
  readonly t: TFunction;
  readonly #fixed: Record<ConsoleLanguage, TFunction>;

  constructor(locale: ConsoleLanguage = 'en') {
    const instance = createInstance();
    // Synchronous: the resources are in the bundle, so `t` works from the first render.
    void instance.init({
      initAsync: false,
      lng: 'en',
      fallbackLng: 'en',
      supportedLngs: consoleLanguages,
      resources: { en: { translation: en }, fr: { translation: fr }, de: { translation: de } },
      // Svelte escapes every text it renders; i18next must not escape a second time.
      interpolation: { escapeValue: false },
    });
    this.#fixed = { en: instance.getFixedT('en'), fr: instance.getFixedT('fr'), de: instance.getFixedT('de') };
    this.locale = locale;
    // Reading `locale` here makes every template that calls `t` depend on it. The casts only
    // forward the arguments: callers see i18next's own typed `TFunction` (keys, options, values).
    type Forward = (...args: unknown[]) => string;
    const forward: Forward = (...args) => (this.#fixed[this.locale] as unknown as Forward)(...args);
    this.t = forward as unknown as TFunction;
  }

  setLocale(locale: ConsoleLanguage): void {
    this.locale = locale;
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, locale);
    } catch {
      // Storage refused (private mode): the setting still rules once loaded.
    }
  }

  /** The BCP 47 tag of the locale, for Intl and the page's `lang`. */
  get intlLocale(): string {
    return intlLocales[this.locale];
  }

  formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
    return new Intl.NumberFormat(this.intlLocale, options).format(value);
  }

  formatDate(date: Date, options: Intl.DateTimeFormatOptions): string {
    return new Intl.DateTimeFormat(this.intlLocale, options).format(date);
  }
}

/** The doctor window's one language model (its locale set by DoctorApp from the settings). */
export const i18n = new I18nModel(remembered());
/** `t` of the window's model: components call `t('record.title')`. */
export const t: TFunction = i18n.t;
