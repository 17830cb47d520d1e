import { afterEach, describe, expect, it } from 'vitest';
import { deckEdition, loadSummary } from '../../../../../src-main/core/export/summary.js';
import { nameScrubber } from '../../../../../src-main/core/export/pseudonymize.js';
import { NOTES, PATIENT, closeCores, exportCore, fixtureRecord } from './export-fixture.js';

afterEach(closeCores);

describe('export summary', () => {
  it('is built from the record: current sections, what was shown and for how long, the original of each amendment', async () => {
    const t = await exportCore();
    const record = await fixtureRecord(t);
    const s = loadSummary(t.core.services, record.id, false);
    expect(s).toMatchObject({
      consultationId: record.id,
      status: 'finalized',
      language: 'en',
      day: '2026-11-23',
      physician: 'Dr. Anna Weber',
      finalizedBy: 'Dr. Anna Weber',
      clinic: { clinicName: 'Spine Clinic Lausanne', paperSize: 'A4' },
      patient: { label: PATIENT.displayName, code: PATIENT.code, birthDate: '1948-03-02', hospitalNumber: 'H-778812' },
      notes: NOTES,
    });
    expect(s.findings.fracturedLevels).toEqual([
      { level: 'T12', grade: 3 },
      { level: 'L1', grade: 2 },
    ]);
    // The amended follow-up is current; the signed one is the amendment's original.
    expect(s.decision.followUpDate).toBe('2026-12-23');
    expect(s.decision.sureScore).toBe(3);
    expect(s.amendments).toHaveLength(1);
    expect(s.amendments[0]).toMatchObject({ section: 'decision', before: { followUpDate: '2026-12-16' } });
    // The first kyphoplasty slide stayed on screen for the minute before finalizing: 45 + 60 + 30 s.
    expect(s.explained.decks.map((d) => [d.deckId, d.slides, d.totalMs])).toEqual([
      ['kyphoplasty', 2, 135_000],
      ['augmentation-risks', 3, 80_000],
    ]);
    expect(s.explained.risks).toEqual([
      { risk: 'cement-leak', shownMs: 40_000 },
      { risk: 'spinal-canal', shownMs: 25_000 },
      { risk: 'lung-embolism', shownMs: 15_000 },
    ]);
    expect(s.risks.confirmed).toEqual(['cement-leak', 'spinal-canal', 'lung-embolism', 'infection-bleeding']);
    expect(s.entries).toEqual([{ at: expect.any(String), text: 'Asked whether she can garden after the procedure' }]);
  });

  it('pseudonymized: the code stands for the name everywhere, no hospital number, birth year only', async () => {
    const t = await exportCore();
    const record = await fixtureRecord(t);
    const s = loadSummary(t.core.services, record.id, true);
    expect(s.patient).toEqual({
      label: PATIENT.code,
      code: PATIENT.code,
      name: null,
      birthDate: '1948',
      sex: 'female',
      hospitalNumber: null,
    });
    expect(s.notes).toBe(
      `Mme ${PATIENT.code} fell at home on 1 November. ${PATIENT.code} is worried about the anaesthesia; her daughter will drive her.`,
    );
    expect(JSON.stringify(s)).not.toMatch(/H[ée]l[èe]ne|Dubois|Martin|H-778812/i);
  });

  it('scrubs name words case- and accent-insensitively but keeps particles and other words', () => {
    const scrub = nameScrubber({ displayName: 'Anne-Marie de la Tour', code: 'P-1', hospitalNumber: null });
    expect(scrub('ANNE-MARIE DE LA TOUR called. La tour de contrôle; anne marie, tour.')).toBe(
      'P-1 DE LA P-1 called. La P-1 de contrôle; P-1, P-1.',
    );
    const scrubMuller = nameScrubber({ displayName: 'Jürgen Müller', code: 'X7', hospitalNumber: '12345' });
    expect(scrubMuller("MULLER's file 12345, Jurgen Müller-Lüdenscheidt")).toBe("X7's file X7, X7-Lüdenscheidt");
  });
});

describe('deckEdition', () => {
  const shown = {
    deckId: 'd',
    title: 'D',
    topic: null,
    slides: 1,
    totalMs: 0,
    version: '2',
    evidenceReviewed: '2026-11-01',
    translationReview: null,
  };

  it('names the version and the evidence date, and the translation status when there is one', () => {
    expect(deckEdition(shown)).toBe('version 2, evidence reviewed 2026-11-01');
    expect(deckEdition({ ...shown, translationReview: 'awaiting review' })).toBe(
      'version 2, evidence reviewed 2026-11-01, translation: awaiting review',
    );
  });

  it('says plainly when a deck (a PDF, or one no longer installed) states neither', () => {
    expect(deckEdition({ ...shown, version: null, evidenceReviewed: null })).toBe(
      'version not stated, evidence review date not stated',
    );
  });
});
