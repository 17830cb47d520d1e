/**
 * What matters to the patient in the documents: the clinician letter lists
 * every statement with its answer; the leaflet lists the answered ones in the
 * patient's language (and nothing when none was asked); the record text says
 * the same. Printed by the real browser-mode printer, read back with pdftotext.
 */
import { describe, expect, it } from 'vitest';
import { fhirBundle } from '../../../../../src-main/core/export/fhir.js';
import { recordText } from '../../../../../src-main/core/export/record-text.js';
import { loadSummary } from '../../../../../src-main/core/export/summary.js';
import { NOTHING_ASKED, type Language, type WhatMatters } from '../../../../../src-shared/contract/index.js';
import { base } from '../../../helpers/revisions.js';
import type { TestCore } from '../../../helpers/test-core.js';
import { draftConsultation, exportCore, exportOne, pdfText } from './export-fixture.js';
import { useSharedPdfRenderer } from './pdf-fixture.js';

const pdf = useSharedPdfRenderer();

const answers: WhatMatters = {
  'avoid-procedure': 'a-little',
  'fast-relief': 'a-lot',
  'avoid-cement-risk': 'not',
  'avoid-strong-painkillers': 'not-asked',
  'home-soon': 'a-lot',
};

async function answered(language: Language, whatMatters: WhatMatters = answers): Promise<{ t: TestCore; id: string }> {
  const t = await exportCore({ pdf: pdf() });
  const { id } = await draftConsultation(t, { language });
  await t.call('consultations.updateWhatMatters', { id, whatMatters, baseRevision: await base(t, id, 'whatMatters') });
  return { t, id };
}

/** pdftotext's layout mode keeps a table row on one line; runs of spaces become one. */
const oneSpaced = (text: string): string => text.replace(/[ \t]+/g, ' ');

describe('what matters to the patient, in the documents', () => {
  it('the clinician PDF lists every statement with the answer, "not asked" included', async () => {
    const { t, id } = await answered('fr');
    const text = oneSpaced(pdfText(await exportOne(t, id, 'clinician-pdf', { shot: 'what-matters' })));
    expect(text).toContain('What matters to the patient');
    expect(text).toContain('Avoiding a procedure if I can: matters a little');
    expect(text).toContain('Getting pain relief as soon as possible: matters a lot');
    expect(text).toContain('Avoiding any risk from the cement: does not matter');
    expect(text).toContain('Avoiding strong pain medicines: not asked');
    expect(text).toContain('Getting back home and to my usual activities soon: matters a lot');
  });

  it('the French leaflet lists the answered statements in French, in the order of the slide', async () => {
    const { t, id } = await answered('fr');
    const text = oneSpaced(
      pdfText(await exportOne(t, id, 'patient-leaflet-pdf', { shot: 'what-matters' }), 'raw'),
    ).replace(/\s*\n\s*/g, ' ');
    expect(text).toContain('Ce qui compte pour vous');
    const rows = [
      'Éviter une intervention si je le peux Compte un peu',
      'Être soulagé de la douleur le plus vite possible Compte beaucoup',
      'Éviter tout risque lié au ciment Ne compte pas',
      'Rentrer vite chez moi et reprendre mes activités habituelles Compte beaucoup',
    ];
    const at = rows.map((row) => text.indexOf(row));
    expect(
      at.every((i) => i >= 0),
      text,
    ).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // Not asked is not the patient's answer: it stays off their leaflet.
    expect(text).not.toContain('médicaments forts');
    expect(text).not.toMatch(/Avoiding|Matters a/);
  });

  it('the German leaflet says it in German', async () => {
    const { t, id } = await answered('de');
    const text = oneSpaced(pdfText(await exportOne(t, id, 'patient-leaflet-pdf', { shot: 'what-matters' })));
    expect(text).toContain('Was Ihnen wichtig ist');
    expect(text).toContain('So schnell wie möglich weniger Schmerzen haben Sehr wichtig');
    expect(text).toContain('Jedes Risiko durch den Zement vermeiden Nicht wichtig');
  });

  it('nothing asked: the leaflet has no such section, the letter and the record text say "Not asked"', async () => {
    const { t, id } = await answered('en', NOTHING_ASKED);
    const leaflet = pdfText(await exportOne(t, id, 'patient-leaflet-pdf', { shot: 'what-matters' }));
    expect(leaflet).not.toContain('What matters to you');
    const text = recordText(loadSummary(t.core.services, id, false));
    expect(text).toContain('## What matters to the patient\n- Not asked\n');
  });

  it('the FHIR document carries them as a narrative section of the Composition', async () => {
    const { t, id } = await answered('de');
    const bundle = fhirBundle(loadSummary(t.core.services, id, false), t.now().toISOString()) as unknown as {
      entry: Array<{ resource: { resourceType: string; section?: Array<{ title: string; text: { div: string } }> } }>;
    };
    const composition = bundle.entry.find((e) => e.resource.resourceType === 'Composition')?.resource;
    const section = composition?.section?.find((s) => s.title === 'What matters to the patient');
    expect(section?.text.div).toContain('Getting pain relief as soon as possible: matters a lot');
    expect(section?.text.div).toContain('Avoiding strong pain medicines: not asked');
  });
});
