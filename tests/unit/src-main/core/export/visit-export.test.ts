/**
 * A follow-up visit's own PDF (issue 15: a visit is exported like a consultation): printed by the real
 * browser-mode printer and read back with pdftotext. It shows the visit as corrected, the correction with the
 * original values and the reason, the signature and the audit seal on the page; a pseudonymized export
 * scrubs the name from the visit's free text; a draft visit is refused; the export is audited.
 */
import type { Encounter, Observation } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { fhirBundle } from '../../../../../src-main/core/export/fhir.js';
import { loadSummary } from '../../../../../src-main/core/export/summary.js';
import type { FollowUpValues } from '../../../../../src-shared/contract/index.js';
import { loadR4Definitions, validationErrors } from '../../../helpers/fhir-validate.js';
import { PATIENT, exportCore, fixtureRecord, pdfText } from './export-fixture.js';
import { useSharedPdfRenderer } from './pdf-fixture.js';

const pdf = useSharedPdfRenderer();
beforeAll(loadR4Definitions);

const VISIT: FollowUpValues = {
  visitDate: '2026-12-07',
  painNow: 6,
  mobility: 'limited',
  painMedication: 'opioid',
  complications: [],
  complicationsOther: '',
  newFractures: [],
  note: 'Hélène walks with a stick',
  boneMedicine: 'started',
};

const oneSpaced = (text: string) => text.replace(/\s+/g, ' ');

describe("a follow-up visit's PDF", () => {
  it('shows the visit as corrected, the original and the reason, the signature and the seal; audited', async () => {
    const t = await exportCore({ pdf: pdf() });
    const record = await fixtureRecord(t);
    t.advance(14 * 86_400_000);
    const visit = await t.call('followUps.create', { consultationId: record.id, values: VISIT });
    const refused = await t.raw('exports.visit', { followUpId: visit.id, pseudonymize: false });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'followUpId' } });
    await t.call('followUps.finalize', { id: visit.id });
    await t.call('followUps.amend', {
      id: visit.id,
      reason: 'Pain 2, not 6',
      values: { ...VISIT, painNow: 2, complications: ['adjacent-fracture'], newFractures: ['L2'] },
    });

    const { files } = await t.call('exports.visit', { followUpId: visit.id, pseudonymize: false });
    expect(files).toHaveLength(1);
    expect(files[0]?.path).toMatch(/2026-12-07_VCF-2026-017_follow-up-visit\.pdf$/);
    const text = oneSpaced(pdfText(files[0]?.path ?? ''));
    expect(text).toContain('Follow-up visit: osteoporotic vertebral fracture');
    expect(text).toContain(PATIENT.displayName);
    expect(text).toContain('At this visit (as corrected)');
    expect(text).toContain('Pain now (NRS 0–10): 2');
    expect(text).toContain('New fractures: L2');
    expect(text).toContain('Complications since the procedure: New fracture of a neighbouring vertebra');
    expect(text).toContain('Reason: Pain 2, not 6');
    expect(text).toMatch(/Original: .*Pain now \(NRS 0–10\): 6/);
    expect(text).toContain('Bone medicine now: started since the last visit');
    expect(text).toMatch(/Signed electronically by Dr\. Anna Weber/);
    expect(text).toMatch(/Audit log at row \d+: [0-9a-f]{64}/);
    const audit = t.core.services.db
      .prepare("SELECT action, detail FROM audit_log WHERE action LIKE 'export%' ORDER BY id")
      .all() as Array<{ action: string; detail: string }>;
    expect(audit.map((r) => r.action)).toEqual(['export.started', 'export']);
    expect(audit[1]?.detail).toContain(`kind=visit-pdf followUp=${visit.id}`);
  });

  it('pseudonymized: the code for the name, and the name scrubbed from the note', async () => {
    const t = await exportCore({ pdf: pdf() });
    const record = await fixtureRecord(t);
    t.advance(14 * 86_400_000);
    const visit = await t.call('followUps.create', { consultationId: record.id, values: VISIT });
    await t.call('followUps.finalize', { id: visit.id });
    const { files } = await t.call('exports.visit', { followUpId: visit.id, pseudonymize: true });
    const text = oneSpaced(pdfText(files[0]?.path ?? ''));
    expect(text).toContain(PATIENT.code);
    expect(text).not.toContain('Hélène');
    expect(text).not.toContain('Dubois');
    expect(text).toContain('walks with a stick');
  });

  it("in the consultation's FHIR document: an Encounter part of the consultation's, the pain as corrected; valid R4", async () => {
    const t = await exportCore({ pdf: pdf() });
    const record = await fixtureRecord(t);
    t.advance(14 * 86_400_000);
    const visit = await t.call('followUps.create', { consultationId: record.id, values: VISIT });
    await t.call('followUps.finalize', { id: visit.id });
    await t.call('followUps.amend', { id: visit.id, reason: 'Pain 2, not 6', values: { ...VISIT, painNow: 2 } });
    const bundle = fhirBundle(loadSummary(t.core.services, record.id, false), '2026-12-08T10:00:00.000Z');
    expect(validationErrors(bundle)).toEqual([]);
    const resources = (bundle.entry ?? []).map((e) => e.resource);
    const encounters = resources.filter((x): x is Encounter => x?.resourceType === 'Encounter');
    expect(encounters).toHaveLength(2);
    const visitEncounter = encounters.find((e) => e.partOf !== undefined);
    expect(visitEncounter).toMatchObject({ status: 'finished', period: { start: '2026-12-07' } });
    const index = encounters.find((e) => e.partOf === undefined);
    expect(visitEncounter?.partOf?.reference).toBe(`urn:uuid:${index?.id ?? ''}`);
    const pains = resources.filter(
      (x): x is Observation => x?.resourceType === 'Observation' && x.code?.coding?.[0]?.code === '72514-3',
    );
    const visitPain = pains.find((o) => o.encounter?.reference === `urn:uuid:${visitEncounter?.id ?? ''}`);
    expect(visitPain).toMatchObject({ status: 'amended', valueInteger: 2, effectiveDateTime: '2026-12-07' });
    for (const resource of resources)
      if (resource) expect(validationErrors(resource), resource.resourceType).toEqual([]);
    const composition = resources[0] as { section?: Array<{ title?: string; entry?: unknown[] }> };
    expect(composition.section?.find((x) => x.title === 'Follow-up visits')?.entry).toHaveLength(2);
  });
});
