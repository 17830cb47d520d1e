import { describe, expect, it } from 'vitest';
import { SIMILAR_PATIENT } from '../../../../../src-shared/contract/index.js';
import { auditRows, expectRejected, newPatient, recordsCore } from './record-fixtures.js';
import { base } from '../../../helpers/revisions.js';

describe('patients.create', () => {
  it('creates a named patient with a generated pseudonymous code, and audits without identifying data', async () => {
    const t = await recordsCore();
    const patient = await newPatient(t, { hospitalNumber: 'H-100234' });
    expect(patient).toMatchObject({
      displayName: 'Anna Müller',
      birthDate: '1948-03-02',
      sex: 'female',
      hospitalNumber: 'H-100234',
      createdAt: '2026-11-23T09:00:00.000Z',
      consultationCount: 0,
      lastConsultationAt: null,
    });
    expect(patient.code).toMatch(/^P-[A-HJ-NP-Z2-9]{6}$/);
    const last = auditRows(t).at(-1);
    expect(last).toMatchObject({ action: 'patient.create', actor: 'Dr. Anna Weber', detail: `patient=${patient.id}` });
    expect(JSON.stringify(auditRows(t))).not.toMatch(/Müller|H-100234/);
  });

  it('accepts a pseudonymous patient with a code and only a year of birth', async () => {
    const t = await recordsCore();
    const patient = await t.call('patients.create', { code: 'STUDY-017', birthDate: '1951', sex: 'unknown' });
    expect(patient).toMatchObject({ code: 'STUDY-017', displayName: null, birthDate: '1951', hospitalNumber: null });
  });

  it('treats empty optional fields as not given', async () => {
    const t = await recordsCore();
    const patient = await t.call('patients.create', {
      displayName: '  Jo Bloggs ',
      code: '',
      birthDate: '1950',
      sex: 'male',
      hospitalNumber: '',
    });
    expect(patient.displayName).toBe('Jo Bloggs');
    expect(patient.hospitalNumber).toBeNull();
    expect(patient.code).toMatch(/^P-/);
  });

  it.each([
    [{ birthDate: '1950', sex: 'female' }, 'displayName'],
    [{ displayName: '', code: '', birthDate: '1950', sex: 'female' }, 'displayName'],
    [{ displayName: 'A', birthDate: '1950-02-30', sex: 'female' }, 'birthDate'],
    [{ displayName: 'A', birthDate: '1850', sex: 'female' }, 'birthDate'],
    [{ displayName: 'A', birthDate: '2027-01-01', sex: 'female' }, 'birthDate'],
    [{ displayName: 'A', birthDate: '2027', sex: 'female' }, 'birthDate'],
    [{ displayName: 'A', birthDate: '1950', sex: 'f' }, 'sex'],
    [{ displayName: 'A', birthDate: '1950' }, 'sex'],
    [{ displayName: 'A', code: 'has space', birthDate: '1950', sex: 'male' }, 'code'],
    [{ displayName: 'A'.repeat(201), birthDate: '1950', sex: 'male' }, 'displayName'],
    [{ displayName: 'A\u0007', birthDate: '1950', sex: 'male' }, 'displayName'],
    [{ displayName: 'A', birthDate: '1950', sex: 'male', nickname: 'x' }, 'nickname'],
  ])('rejects %j naming %s, writing nothing', async (input, field) => {
    const t = await recordsCore();
    await expectRejected(t, 'patients.create', input, 'VALIDATION', field);
  });

  it('refuses a code or hospital number already taken, whatever the case', async () => {
    const t = await recordsCore();
    await newPatient(t, { code: 'ABC-1', hospitalNumber: 'h77' });
    await expectRejected(t, 'patients.create', { code: 'abc-1', birthDate: '1950', sex: 'male' }, 'CONFLICT', 'code');
    await expectRejected(
      t,
      'patients.create',
      { displayName: 'Other', birthDate: '1950', sex: 'male', hospitalNumber: 'H77' },
      'CONFLICT',
      'hospitalNumber',
    );
  });

  it('stores hospital numbers NFKC-normalized and trimmed: a look-alike is the same number', async () => {
    const t = await recordsCore();
    const first = await newPatient(t, { hospitalNumber: '  H-99120 ' });
    expect(first.hospitalNumber).toBe('H-99120');
    // Full-width letters and digits, as typed with an East Asian keyboard layout or pasted from a PDF.
    await expectRejected(
      t,
      'patients.create',
      { displayName: 'Other', birthDate: '1950', sex: 'male', hospitalNumber: 'Ｈ-９９１２０' },
      'CONFLICT',
      'hospitalNumber',
    );
  });

  it('answers a near-duplicate hospital number with a warning naming the similar patient, creating nothing', async () => {
    const t = await recordsCore();
    const existing = await newPatient(t, { hospitalNumber: 'H-99120' });
    const count = auditRows(t).length;
    for (const near of ['H 99120', 'h99120', 'H–99120', 'H.99120']) {
      const answer = await t.raw('patients.create', {
        displayName: 'Other',
        birthDate: '1950',
        sex: 'male',
        hospitalNumber: near,
      });
      expect(answer, near).toMatchObject({
        ok: false,
        error: {
          code: 'CONFLICT',
          field: 'hospitalNumber',
          message: expect.stringContaining('A patient with a similar hospital number exists: H-99120'),
          current: { section: SIMILAR_PATIENT, value: existing },
        },
      });
    }
    expect((await t.call('patients.search', { query: 'Other' })).patients).toEqual([]);
    expect(auditRows(t)).toHaveLength(count);
    expect(
      (await t.raw('patients.create', { displayName: 'B', birthDate: '1950', sex: 'male', hospitalNumber: 'H-99121' }))
        .ok,
    ).toBe(true);
  });
});

describe('patients.create anyway, after the near-duplicate warning', () => {
  it('creates the patient only with the explicit flag, and audits which patient it resembles', async () => {
    const t = await recordsCore();
    const existing = await newPatient(t, { hospitalNumber: 'H-99120' });
    const input = { displayName: 'Twin Other', birthDate: '1950', sex: 'male', hospitalNumber: 'H 99120' };
    // The flag means "I saw the warning": only `true` is accepted.
    await expectRejected(t, 'patients.create', { ...input, createAnyway: false }, 'VALIDATION', 'createAnyway');
    const created = await t.call('patients.create', { ...input, createAnyway: true });
    expect(created).toMatchObject({ displayName: 'Twin Other', hospitalNumber: 'H 99120' });
    expect(created.id).not.toBe(existing.id);
    expect(auditRows(t).at(-1)).toMatchObject({
      action: 'patient.create',
      detail: `patient=${created.id} similar-to=${existing.id} confirmed`,
    });
    // The flag never overrides an identical number: that stays a refusal.
    await expectRejected(
      t,
      'patients.create',
      { ...input, displayName: 'Third', hospitalNumber: 'H-99120', createAnyway: true },
      'CONFLICT',
      'hospitalNumber',
    );
  });
});

describe('patients.search', () => {
  async function seeded() {
    const t = await recordsCore();
    const anna = await newPatient(t, { displayName: 'Anna Müller-Lüdenscheidt', hospitalNumber: 'H-5531' });
    t.advance(1000);
    const bert = await newPatient(t, { displayName: 'Bert Mulder', birthDate: '1940', sex: 'male' });
    t.advance(1000);
    const study = await t.call('patients.create', { code: 'STUDY-9', birthDate: '1939', sex: 'other' });
    return { t, anna, bert, study };
  }
  const names = (r: { patients: Array<{ displayName: string | null; code: string }> }) =>
    r.patients.map((p) => p.displayName ?? p.code);

  it('matches the start of any name word, case- and accent-insensitively', async () => {
    const { t } = await seeded();
    expect(names(await t.call('patients.search', { query: 'mul' }))).toEqual([
      'Bert Mulder',
      'Anna Müller-Lüdenscheidt',
    ]);
    expect(names(await t.call('patients.search', { query: 'MÜLLER' }))).toEqual(['Anna Müller-Lüdenscheidt']);
    expect(names(await t.call('patients.search', { query: 'lud' }))).toEqual(['Anna Müller-Lüdenscheidt']);
    expect(names(await t.call('patients.search', { query: 'anna mül' }))).toEqual(['Anna Müller-Lüdenscheidt']);
    expect(names(await t.call('patients.search', { query: 'nna' }))).toEqual([]);
  });

  it('matches a code or hospital number prefix, and treats % and _ literally', async () => {
    const { t } = await seeded();
    expect(names(await t.call('patients.search', { query: 'study' }))).toEqual(['STUDY-9']);
    expect(names(await t.call('patients.search', { query: 'h-55' }))).toEqual(['Anna Müller-Lüdenscheidt']);
    expect(names(await t.call('patients.search', { query: '%' }))).toEqual([]);
    expect(names(await t.call('patients.search', { query: '_' }))).toEqual([]);
  });

  it('lists recently seen patients first for an empty query, up to the limit', async () => {
    const { t, anna } = await seeded();
    t.advance(1000);
    await t.call('consultations.start', { patientId: anna.id });
    const result = await t.call('patients.search', { query: '', limit: 2 });
    expect(names(result)).toEqual(['Anna Müller-Lüdenscheidt', 'STUDY-9']);
    expect(result.patients[0]).toMatchObject({ consultationCount: 1, lastConsultationAt: t.now().toISOString() });
  });

  it('validates the limit', async () => {
    const { t } = await seeded();
    await expectRejected(t, 'patients.search', { query: 'a', limit: 0 }, 'VALIDATION', 'limit');
    await expectRejected(t, 'patients.search', { query: 'a', limit: 51 }, 'VALIDATION', 'limit');
  });
});

describe('patients.get and patients.update', () => {
  it('gets a patient, NOT_FOUND for an unknown id', async () => {
    const t = await recordsCore();
    const patient = await newPatient(t);
    expect(await t.call('patients.get', { id: patient.id })).toEqual(patient);
    await expectRejected(t, 'patients.get', { id: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND', 'id');
    await expectRejected(t, 'patients.get', { id: 'nope' }, 'VALIDATION', 'id');
  });

  it('corrects fields, keeps search in step, audits the field names only', async () => {
    const t = await recordsCore();
    const patient = await newPatient(t, { hospitalNumber: 'H1' });
    const updated = await t.call('patients.update', {
      id: patient.id,
      displayName: 'Anna Meier',
      hospitalNumber: '',
      baseRevision: await base(t, patient.id, 'patient'),
    });
    expect(updated).toMatchObject({ displayName: 'Anna Meier', hospitalNumber: null, code: patient.code });
    expect((await t.call('patients.search', { query: 'meier' })).patients).toHaveLength(1);
    expect((await t.call('patients.search', { query: 'müller' })).patients).toHaveLength(0);
    expect(auditRows(t).at(-1)).toMatchObject({
      action: 'patient.update',
      detail: `patient=${patient.id} fields=displayName,hospitalNumber`,
    });
    const count = auditRows(t).length;
    await t.call('patients.update', {
      id: patient.id,
      displayName: 'Anna Meier',
      baseRevision: await base(t, patient.id, 'patient'),
    });
    expect(auditRows(t)).toHaveLength(count);
  });

  it('refuses to clear the name of a patient, or to take another code', async () => {
    const t = await recordsCore();
    const a = await newPatient(t, { code: 'A-1' });
    await newPatient(t, { code: 'B-1' });
    await expectRejected(
      t,
      'patients.update',
      { id: a.id, code: 'b-1', baseRevision: await base(t, a.id, 'patient') },
      'CONFLICT',
      'code',
    );
    await expectRejected(
      t,
      'patients.update',
      { id: a.id, code: '', baseRevision: await base(t, a.id, 'patient') },
      'VALIDATION',
      'code',
    );
    await expectRejected(
      t,
      'patients.update',
      { id: a.id, birthDate: '2030-01-01', baseRevision: await base(t, a.id, 'patient') },
      'VALIDATION',
      'birthDate',
    );
  });
});
