/**
 * Completeness of the console's translations beyond what the types check:
 * French and German have every key of English (and no other), no empty text,
 * the same {{placeholders}} per key, and no text left in English except a few
 * words that are the same in that language. The coded values shared with the
 * documents (src-shared/labels.ts) likewise.
 */
import { describe, expect, it } from 'vitest';
import { en } from '../../../../src-renderer/state/messages/en.js';
import { fr } from '../../../../src-renderer/state/messages/fr.js';
import { de } from '../../../../src-renderer/state/messages/de.js';
import { labelsFor } from '../../../../src-shared/labels.js';

function flatten(tree: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value as object, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

/** Texts that are rightly the same as English in that language (key paths). */
const SAME: Record<'fr' | 'de', string[]> = {
  fr: [
    'language.en',
    'language.fr',
    'language.de',
    'lockSettings.pin',
    'restore.consultations',
    'deckInfo.version',
    'deckInfo.sources',
    'present.notes',
    'record.patient',
    'record.sections.notes',
    'notes.title',
    'patientForm.date',
    'history.date',
    'timeline.consultation',
    'count.warning_one',
    'finder.consultations_one',
    'finder.consultations_other',
    'lines.levelGrade',
    'lines.sure',
    'correct.fields.hospitalNumber',
    'patient.years',
    'sign.risks',
    'export.kinds.fhir-json',
    'errors.tooManyTries',
    'present.black',
    'path.augmentation',
    'decision.augmentation',
    'lines.augmentation',
    'amend.section',
    'history.range',
    'restore.megabytes',
    'history.amended_one',
    'record.amended_one',
    'errors.dateOrYear',
    'correct.birthHint',
    'export.done',
    'overview.consultationsColumn',
    'overview.score',
    'overview.complication',
    'overview.percent',
    'overview.none',
    'patientConflict.none',
  ],
  de: [
    'language.en',
    'language.fr',
    'language.de',
    'lockSettings.pin',
    'deckInfo.version',
    'record.patient',
    'history.status',
    'history.patient',
    'fields.displayName',
    'correct.fields.displayName',
    'path.augmentation',
    'decision.augmentation',
    'lines.augmentation',
    'lines.sure',
    'restore.megabytes',
    'history.range',
    'patient.years',
    'followUp.medicationChoices.opioid',
    'overview.score',
    'overview.percent',
    'overview.none',
    'patientConflict.none',
    // "{{label}}: {{value}}": German writes a label and its value as English does.
    'lines.item',
    'lines.itemWithDetail',
  ],
};

describe('console translations', () => {
  const source = flatten(en);
  for (const [language, messages] of [
    ['fr', fr],
    ['de', de],
  ] as const) {
    const translated = flatten(messages);

    it(`${language} has exactly the keys of English`, () => {
      expect([...translated.keys()].sort()).toEqual([...source.keys()].sort());
    });

    it(`${language} has no empty text and the same placeholders as English`, () => {
      for (const [key, text] of translated) {
        expect(text.trim(), key).not.toBe('');
        expect(placeholders(text), key).toEqual(placeholders(source.get(key) ?? ''));
      }
    });

    it(`${language} leaves nothing in English but the words that are the same`, () => {
      const same = [...translated].filter(([key, text]) => text === source.get(key)).map(([key]) => key);
      expect(same.filter((key) => !SAME[language].includes(key))).toEqual([]);
    });

    it(`${language} names every coded value, differently from English where the word differs`, () => {
      const english = flatten(labelsFor('en'));
      const own = flatten(labelsFor(language));
      expect([...own.keys()].sort()).toEqual([...english.keys()].sort());
      const allowed = ['section.notes', 'measure.physiotherapy'];
      for (const [key, text] of own) {
        expect(text.trim(), key).not.toBe('');
        if (!allowed.includes(key)) expect(text, key).not.toBe(english.get(key));
      }
    });
  }
});
