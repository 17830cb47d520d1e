/**
 * The bone-health plan and the follow-up visits in the documents: the
 * clinician PDF and the record text list the plan with its T-scores; the
 * leaflet says "What's next for your bones" in the patient's language with the
 * medicine's name and no figures; FHIR carries it as a CarePlan that Medplum's
 * validator accepts; the register CSV (version 2) has the plan's and the
 * visits' columns, pseudonymized without the name. Printed by the real
 * browser-mode printer, read back with pdftotext.
 */
import type { CarePlan, Condition } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { fhirBundle } from '../../../../../src-main/core/export/fhir.js';
import { recordText } from '../../../../../src-main/core/export/record-text.js';
import { REGISTER_COLUMNS, registerCsv } from '../../../../../src-main/core/export/register-csv.js';
import { loadSummary } from '../../../../../src-main/core/export/summary.js';
import {
  signWarningIds,
  type BoneHealthPlan,
  type FollowUpValues,
  type Language,
} from '../../../../../src-shared/contract/index.js';
import { loadR4Definitions, validationErrors } from '../../../helpers/fhir-validate.js';
import type { TestCore } from '../../../helpers/test-core.js';
import { PATIENT, draftConsultation, exportCore, exportOne, pdfText } from './export-fixture.js';
import { useSharedPdfRenderer } from './pdf-fixture.js';

const pdf = useSharedPdfRenderer();
beforeAll(() => {
  loadR4Definitions();
});

const PLAN: BoneHealthPlan = {
  dxa: 'done',
  tScoreSpine: -2.8,
  tScoreHip: -1.9,
  medicine: 'started',
  // The name may mention the patient by name: pseudonymized exports must scrub it.
  medicineName: 'Zoledronate (Hélène prefers yearly)',
  fallsAssessment: 'referred',
  calciumVitaminD: 'prescribed',
  flsReferral: 'referred',
};

async function planned(
  language: Language,
  plan: BoneHealthPlan = PLAN,
  sign = false,
): Promise<{ t: TestCore; id: string }> {
  const t = await exportCore({ pdf: pdf() });
  const { id } = await draftConsultation(t, { language });
  await t.call('boneHealth.save', { consultationId: id, plan, baseRevision: 0 });
  // Signed: no DRAFT watermark, whose letters pdftotext would mix into the lines.
  if (sign) await t.call('consultations.finalize', { id, acknowledged: [...signWarningIds] });
  return { t, id };
}

const oneSpaced = (text: string): string => text.replace(/[ \t]+/g, ' ').replace(/\s*\n\s*/g, ' ');

describe('the bone-health plan in the documents', () => {
  it('the clinician PDF and the record text list every item, with the T-scores and the medicine', async () => {
    const { t, id } = await planned('fr');
    const text = oneSpaced(pdfText(await exportOne(t, id, 'clinician-pdf', { shot: 'bone-health' })));
    expect(text).toContain('Bone health plan');
    expect(text).toContain('Bone density scan: done (lowest T-score spine -2.8, hip -1.9)');
    expect(text).toContain('Osteoporosis medicine: started (Zoledronate (Hélène prefers yearly))');
    expect(text).toContain('Falls assessment: referred');
    expect(text).toContain('Calcium and vitamin D: prescribed');
    expect(text).toContain('Fracture liaison service: referred');
    const record = recordText(loadSummary(t.core.services, id, false));
    expect(record).toContain('## Bone health plan\n- Bone density scan: done (lowest T-score spine -2.8, hip -1.9)\n');
  });

  it('the English leaflet says what is next for the bones, names the medicine, and prints no figure', async () => {
    const { t, id } = await planned('en', PLAN, true);
    const text = oneSpaced(pdfText(await exportOne(t, id, 'patient-leaflet-pdf', { shot: 'bone-health' })));
    expect(text).toContain('What’s next for your bones');
    expect(text).toContain('You have had a bone density scan.');
    expect(text).toContain('You are starting a medicine for your bones: Zoledronate (Hélène prefers yearly).');
    expect(text).toContain('Take the calcium and vitamin D you were prescribed.');
    expect(text).toContain('You have been referred for help with preventing falls.');
    expect(text).toContain('fracture liaison service');
    // The T-scores are for the clinician: no figure of the scan reaches the leaflet.
    expect(text).not.toMatch(/-?2[.,]8|1[.,]9|T-score/);
  });

  it('the French and German leaflets say it in the patient’s language', async () => {
    const fr = await planned(
      'fr',
      {
        ...PLAN,
        dxa: 'ordered',
        tScoreSpine: null,
        tScoreHip: null,
        medicineName: 'Alendronate',
      },
      true,
    );
    const frText = oneSpaced(pdfText(await exportOne(fr.t, fr.id, 'patient-leaflet-pdf', { shot: 'bone-health' })));
    expect(frText).toContain('La suite pour vos os');
    expect(frText).toContain('Une mesure de la densité des os (ostéodensitométrie) a été demandée pour vous.');
    expect(frText).toContain('Vous commencez un médicament pour vos os : Alendronate.');
    expect(frText).not.toContain('What’s next');
    const de = await planned('de', { ...PLAN, medicine: 'continued', medicineName: 'Denosumab' }, true);
    const deText = oneSpaced(pdfText(await exportOne(de.t, de.id, 'patient-leaflet-pdf', { shot: 'bone-health' })));
    expect(deText).toContain('Wie es für Ihre Knochen weitergeht');
    expect(deText).toContain('Nehmen Sie Ihr Medikament für die Knochen weiter: Denosumab.');
    expect(deText).toContain('Nehmen Sie das verordnete Kalzium und Vitamin D.');
  });

  it('nothing recorded: no such section in the leaflet, "Not recorded" in the record text, no CarePlan for it', async () => {
    const t = await exportCore({ pdf: pdf() });
    const { id } = await draftConsultation(t, { language: 'en' });
    expect(pdfText(await exportOne(t, id, 'patient-leaflet-pdf', { shot: 'bone-health' }))).not.toContain('your bones');
    const summary = loadSummary(t.core.services, id, false);
    expect(recordText(summary)).toContain('## Bone health plan\n- Not recorded\n');
    const carePlans = (fhirBundle(summary, t.now().toISOString()).entry ?? []).filter(
      (e) => e.resource?.resourceType === 'CarePlan',
    );
    expect(carePlans).toHaveLength(1);
  });

  it('FHIR: a valid CarePlan for the plan, addressing the fracture, one activity per recorded item', async () => {
    const { t, id } = await planned('de', PLAN, true);
    const bundle = fhirBundle(loadSummary(t.core.services, id, false), t.now().toISOString());
    expect(validationErrors(bundle)).toEqual([]);
    const resources = (bundle.entry ?? []).map((e) => e.resource);
    const plan = resources.find(
      (r): r is CarePlan => r?.resourceType === 'CarePlan' && r.title?.startsWith('Bone health') === true,
    );
    expect(plan).toBeDefined();
    if (!plan) return;
    expect(validationErrors(plan)).toEqual([]);
    expect(plan).toMatchObject({ status: 'active', intent: 'plan' });
    const condition = resources.find((r): r is Condition => r?.resourceType === 'Condition');
    expect(plan.addresses?.[0]?.reference).toBe(`urn:uuid:${condition?.id ?? 'none'}`);
    expect(plan.subject.reference).toBe(bundle.entry?.find((e) => e.resource?.resourceType === 'Patient')?.fullUrl);
    expect(plan.activity?.map((a) => [a.detail?.code?.text, a.detail?.status, a.detail?.description])).toEqual([
      ['Bone density scan (DXA)', 'completed', 'Bone density scan done; lowest T-score spine -2.8, hip -1.9'],
      ['Osteoporosis medicine', 'in-progress', 'Started: Zoledronate (Hélène prefers yearly)'],
      ['Falls assessment', 'not-started', 'Referred for a falls assessment'],
      ['Calcium and vitamin D', 'in-progress', 'Prescribed'],
      ['Fracture liaison service', 'not-started', 'Referred to a fracture liaison service'],
    ]);
    // The Composition's section points at it.
    const composition = resources[0] as { section?: Array<{ title?: string; entry?: Array<{ reference?: string }> }> };
    const section = composition.section?.find((s) => s.title === 'Bone health plan');
    expect(section?.entry?.[0]?.reference).toBe(`urn:uuid:${plan.id ?? ''}`);
  });
});

const visit = (values: Partial<FollowUpValues>): FollowUpValues => ({
  visitDate: '2026-12-07',
  painNow: null,
  mobility: null,
  painMedication: null,
  complications: [],
  complicationsOther: '',
  newFractures: [],
  note: '',
  ...values,
});

describe('register CSV, version 2', () => {
  /** CSV rows as a spreadsheet reads them (RFC 4180). */
  function rowsOf(csv: string): Record<string, string>[] {
    const rows: string[][] = [];
    let row: string[] = [];
    let cell = '';
    let quoted = false;
    const body = csv.replace(/^\uFEFF/, '');
    for (let i = 0; i < body.length; i += 1) {
      const c = body[i] ?? '';
      if (quoted && c === '"' && body[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') {
        quoted = !quoted;
      } else if (!quoted && c === ',') {
        row.push(cell);
        cell = '';
      } else if (!quoted && c === '\r' && body[i + 1] === '\n') {
        rows.push([...row, cell]);
        row = [];
        cell = '';
        i += 1;
      } else {
        cell += c;
      }
    }
    const [header = [], ...data] = rows;
    expect(header).toEqual([...REGISTER_COLUMNS]);
    return data.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
  }

  async function withVisits(): Promise<{ t: TestCore; id: string }> {
    const { t, id } = await planned('en', PLAN, true);
    t.advance(90 * 86_400_000);
    const signedVisit = async (values: FollowUpValues) => {
      const v = await t.call('followUps.create', { consultationId: id, values });
      await t.call('followUps.finalize', { id: v.id });
    };
    await signedVisit(
      visit({ visitDate: '2026-12-07', painNow: 4, complications: ['cement-leak'], boneMedicine: 'started' }),
    );
    await signedVisit(
      visit({
        visitDate: '2027-01-20',
        painNow: 2,
        complications: ['adjacent-fracture', 'cement-leak'],
        complicationsOther: 'Hélène had a rash',
        newFractures: ['T11'],
        boneMedicine: 'taking',
      }),
    );
    // The last visit did not ask about pain; a draft visit is not counted (it is not signed).
    await signedVisit(visit({ visitDate: '2027-02-10', newFractures: ['T11', 'L3'], boneMedicine: 'stopped' }));
    await t.call('followUps.create', { consultationId: id, values: visit({ visitDate: '2027-02-15', painNow: 9 }) });
    return { t, id };
  }

  it('has format_version 2, the plan and a summary of the signed visits', async () => {
    const { t, id } = await withVisits();
    const [row] = rowsOf(registerCsv([loadSummary(t.core.services, id, false)]));
    expect(row).toMatchObject({
      format_version: '2',
      'patient code': PATIENT.code,
      'bone: density scan': 'done',
      'bone: T-score spine': '-2.8',
      'bone: T-score hip': '-1.9',
      'bone: medicine': 'started',
      'bone: medicine name': 'Zoledronate (Hélène prefers yearly)',
      'bone: falls assessment': 'referred',
      'bone: calcium vitamin D': 'prescribed',
      'bone: FLS referral': 'referred',
      'follow-up: visits': '3',
      'follow-up: last visit': '2027-02-10',
      'follow-up: last pain NRS': '2',
      'follow-up: complications': 'cement-leak adjacent-fracture other',
      'follow-up: new fractures': '2',
      'follow-up: bone medicine at last visit': 'stopped',
    });
  });

  it('the clinician PDF and the record text list the signed visits of the consultation', async () => {
    const { t, id } = await withVisits();
    const text = oneSpaced(pdfText(await exportOne(t, id, 'clinician-pdf', { shot: 'bone-health' })));
    expect(text).toContain('Follow-up visits');
    expect(text).toContain(
      '2027-01-20: pain 2; walking and daily activities not asked; pain medicine not asked; complications New fracture of a neighbouring vertebra, Cement leak, Hélène had a rash; new fractures T11; bone medicine taking. Signed by Dr. Anna Weber.',
    );
    expect(text).toContain('2027-02-10: pain not asked;');
    // The draft visit is not signed: not in the documents.
    expect(text).not.toContain('2027-02-15');
    const record = recordText(loadSummary(t.core.services, id, false));
    expect(record).toContain('## Follow-up visits\n- 2026-12-07: pain 4;');
  });

  it('pseudonymized: still the code only, the name scrubbed from the medicine name too', async () => {
    const { t, id } = await withVisits();
    const csv = registerCsv([loadSummary(t.core.services, id, true)]);
    const [row] = rowsOf(csv);
    expect(row?.patient).toBe(PATIENT.code);
    expect(row?.['bone: medicine name']).toBe(`Zoledronate (${PATIENT.code} prefers yearly)`);
    expect(csv).not.toMatch(/H[ée]l[èe]ne|Dubois|Martin|H-778812/i);
  });
});
