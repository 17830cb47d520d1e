/**
 * The console's language model: switching the locale changes every message at
 * once; plurals follow each language's rules (Intl.PluralRules through
 * i18next); numbers and dates are formatted by Intl in the console's locale;
 * the record panels' shared words follow the window's locale.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { I18nModel, i18n } from '../../../../src-renderer/state/i18n.svelte.js';
import { shownError } from '../../../../src-renderer/state/error-text.js';
import {
  countOf,
  formatDay,
  pathLabels,
  riskLabels,
  warningText,
} from '../../../../src-renderer/doctor/record/format.js';

describe('I18nModel', () => {
  it('answers in the locale it is switched to, and back', () => {
    const model = new I18nModel('en');
    expect(model.t('app.record')).toBe('Record');
    model.setLocale('fr');
    expect(model.locale).toBe('fr');
    expect(model.t('app.record')).toBe('Dossier');
    expect(model.t('sign.signAs', { name: 'Dr Rossi' })).toBe('Signer en tant que Dr Rossi');
    model.setLocale('de');
    expect(model.t('app.record')).toBe('Akte');
    model.setLocale('en');
    expect(model.t('sign.signAs', { name: 'Dr Rossi' })).toBe('Sign as Dr Rossi');
  });

  it('uses each language’s plural rules', () => {
    const model = new I18nModel('en');
    expect(model.t('count.slide', { count: 1 })).toBe('1 slide');
    expect(model.t('count.slide', { count: 0 })).toBe('0 slides');
    expect(model.t('count.slide', { count: 7 })).toBe('7 slides');
    model.setLocale('fr');
    // French counts 0 and 1 as singular.
    expect(model.t('count.slide', { count: 0 })).toBe('0 diapositive');
    expect(model.t('count.slide', { count: 1 })).toBe('1 diapositive');
    expect(model.t('count.slide', { count: 2 })).toBe('2 diapositives');
    model.setLocale('de');
    expect(model.t('count.slide', { count: 1 })).toBe('1 Folie');
    expect(model.t('count.slide', { count: 0 })).toBe('0 Folien');
    expect(model.t('sign.toCheck', { count: 3 })).toBe('3 Warnungen zu prüfen');
  });

  it('formats numbers and dates with Intl in the console locale', () => {
    const model = new I18nModel('en');
    const day = new Date(2026, 10, 28, 14, 5);
    expect(model.formatNumber(1234.5)).toBe('1,234.5');
    expect(model.formatDate(day, { dateStyle: 'long' })).toBe('28 November 2026');
    model.setLocale('fr');
    // Swiss French: a decimal comma; the grouping sign depends on the ICU version (apostrophe or narrow space).
    expect(model.formatNumber(1234.5)).toMatch(/^1.234,5$/u);
    expect(model.formatDate(day, { dateStyle: 'long' })).toBe('28 novembre 2026');
    model.setLocale('de');
    expect(model.formatNumber(1234.5)).toMatch(/^1['’]234\.5$/u);
    expect(model.formatDate(day, { dateStyle: 'long' })).toBe('28. November 2026');
    expect(model.intlLocale).toBe('de-CH');
  });
});

describe('the record panels’ words follow the window’s locale', () => {
  afterEach(() => i18n.setLocale('en'));

  it('names coded values, counts and dates in the chosen language', () => {
    i18n.setLocale('en');
    expect(riskLabels['adjacent-fracture']).toBe('New fracture of a neighbouring vertebra');
    expect(pathLabels.augmentation).toBe('Augmentation');
    expect(countOf(1, 'slide')).toBe('1 slide');
    i18n.setLocale('fr');
    expect(riskLabels['adjacent-fracture']).toBe('Nouvelle fracture d’une vertèbre voisine');
    expect(Object.keys(riskLabels)).toContain('cement-leak');
    expect(pathLabels.undecided).toBe('Non décidé');
    expect(countOf(2, 'slide')).toBe('2 diapositives');
    expect(formatDay('2026-03-05')).toBe('5 mars 2026');
    i18n.setLocale('de');
    expect(riskLabels['cement-leak']).toBe('Zementaustritt');
    expect(formatDay('2026-03-05')).toBe('05.03.2026');
  });

  it('words the sign warnings in the console language, English unchanged', () => {
    const findings = { redFlags: ['tumour' as const] };
    i18n.setLocale('en');
    expect(warningText({ id: 'red-flags' }, findings)).toBe(
      'Red flags are recorded (suspected tumour (history of cancer, weight loss, night pain)): work-up is needed before treatment.',
    );
    i18n.setLocale('de');
    expect(warningText({ id: 'red-flags' }, findings)).toBe(
      'Warnzeichen sind erfasst (Verdacht auf Tumor (Krebs in der Vorgeschichte, Gewichtsverlust, Nachtschmerz)): Vor einer Behandlung ist eine Abklärung nötig.',
    );
  });

  it('shows core’s messages in the console language, English as core wrote them', () => {
    i18n.setLocale('en');
    expect(shownError('ConsultDeck is locked. Unlock it first.')).toBe('ConsultDeck is locked. Unlock it first.');
    i18n.setLocale('fr');
    expect(shownError('ConsultDeck is locked. Unlock it first.')).toBe(
      'ConsultDeck est verrouillé. Déverrouillez-le d’abord.',
    );
    expect(shownError('Too many wrong tries. Try again in 30 s.')).toBe('Trop d’essais erronés. Réessayez dans 30 s.');
    expect(shownError('values.visitDate: lies in the future')).toBe('Date de la visite : date dans le futur');
    expect(shownError("Today's backup was skipped. Only 2 GB free.")).toBe(
      'La sauvegarde du jour n’a pas été faite. Only 2 GB free.',
    );
    // A sentence the table does not know stays readable rather than lost.
    expect(shownError('Something entirely new.')).toBe('Something entirely new.');
  });
});
