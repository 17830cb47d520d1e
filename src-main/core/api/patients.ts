import type { ParsedInput } from '../../../src-shared/contract/index.js';
import { ApiError } from '../../../src-shared/errors.js';
import { appendAudit } from '../audit.js';
import type { Services } from '../context.js';
import { isAfterDay, localDate } from '../records/dates.js';
import {
  checkUnique,
  normalizeHospitalNumber,
  generateCode,
  insertPatient,
  requirePatient,
  searchPatients,
  updatePatient,
  type PatientFields,
} from '../records/patients.js';
import { checkBase } from '../records/revisions.js';
import { correctableFields, insertCorrection, listCorrections } from '../records/corrections.js';
import { actorName, readSettings } from '../records/settings.js';
import type { AreaHandlers } from '../handler.js';

/**
 * True to the form's label (a code is only generated for a named patient). Like
 * every validation message it starts with the field; the console puts the
 * field's label there instead (errorText in the renderer).
 */
export const NAME_OR_CODE = 'displayName: enter the name, or only a pseudonymous code to keep the record anonymous';

/** Empty text means "not given". */
const orNull = (text: string | undefined): string | null => (text ? text : null);

function checkBirthDate(birthDate: string | null, services: Services): void {
  if (birthDate !== null && isAfterDay(birthDate, localDate(services.clock()))) {
    throw new ApiError('VALIDATION', 'birthDate: lies in the future', 'birthDate');
  }
}

function audit(
  services: Services,
  action: 'patient.create' | 'patient.update' | 'patient.correct',
  detail: string,
): void {
  appendAudit(services.db, { at: services.clock().toISOString(), actor: actorName(services.db), action, detail });
}

/** A correction: only name, birth date, hospital number; signed by the physician; the reason kept beside it. */
function correct(services: Services, input: ParsedInput<'patients.correct'>) {
  const { db } = services;
  const author = readSettings(db).physicianName;
  if (!author)
    throw new ApiError('CONFLICT', 'Enter your name in Settings first: it signs the correction.', 'physicianName');
  const before = requirePatient(db, input.id);
  const fields: PatientFields = {
    ...before,
    displayName: input.displayName === undefined ? before.displayName : orNull(input.displayName),
    birthDate: input.birthDate ?? before.birthDate,
    hospitalNumber:
      input.hospitalNumber === undefined
        ? before.hospitalNumber
        : normalizeHospitalNumber(orNull(input.hospitalNumber)),
  };
  if (fields.displayName === null && fields.code === '') throw new ApiError('VALIDATION', NAME_OR_CODE, 'displayName');
  checkBirthDate(fields.birthDate, services);
  checkUnique(db, fields, before.id);
  const changed = correctableFields.filter((key) => fields[key] !== before[key]);
  if (changed.length > 0) checkBase('patient', input.baseRevision, { revision: before.revision, value: () => before });
  if (changed.length === 0)
    throw new ApiError(
      'VALIDATION',
      'displayName: nothing to correct, the details are the same as before',
      'displayName',
    );
  updatePatient(db, before.id, fields);
  const correction = insertCorrection(db, {
    patientId: before.id,
    at: services.clock().toISOString(),
    author,
    reason: input.reason,
    before: Object.fromEntries(changed.map((key) => [key, before[key]])),
    after: Object.fromEntries(changed.map((key) => [key, fields[key]])),
  });
  // Field names and the correction's id only: the values and the reason may identify the patient.
  audit(services, 'patient.correct', `patient=${before.id} correction=${correction.id} fields=${changed.join(',')}`);
  return { patient: requirePatient(db, before.id), correction };
}

export const patientsApi: AreaHandlers<'patients'> = {
  'patients.search': ({ query, limit }, { services }) => ({
    patients: searchPatients(services.db, query, limit ?? 20),
  }),

  'patients.get': ({ id }, { services }) => requirePatient(services.db, id),

  'patients.create': (input, { services }) => {
    const { db } = services;
    const displayName = orNull(input.displayName);
    if (displayName === null && !input.code) {
      throw new ApiError('VALIDATION', NAME_OR_CODE, 'displayName');
    }
    checkBirthDate(input.birthDate, services);
    return db
      .transaction(() => {
        const fields: PatientFields = {
          code: input.code || generateCode(db),
          displayName,
          birthDate: input.birthDate,
          sex: input.sex,
          hospitalNumber: normalizeHospitalNumber(orNull(input.hospitalNumber)),
        };
        const similar = checkUnique(db, fields, null, input.createAnyway === true);
        const id = insertPatient(db, fields, services.clock().toISOString());
        // Created although a similar hospital number exists: which patient it resembles (ids only, no values).
        audit(services, 'patient.create', similar ? `patient=${id} similar-to=${similar} confirmed` : `patient=${id}`);
        return requirePatient(db, id);
      })
      .immediate();
  },

  'patients.correct': (input, { services }) => services.db.transaction(() => correct(services, input)).immediate(),

  'patients.corrections': ({ id }, { services }) => {
    requirePatient(services.db, id);
    return { corrections: listCorrections(services.db, id) };
  },

  'patients.update': (input, { services }) => {
    const { db } = services;
    return db
      .transaction(() => {
        const before = requirePatient(db, input.id);
        const fields: PatientFields = {
          code: input.code ?? before.code,
          displayName: input.displayName === undefined ? before.displayName : orNull(input.displayName),
          birthDate: input.birthDate ?? before.birthDate,
          sex: input.sex ?? before.sex,
          hospitalNumber:
            input.hospitalNumber === undefined
              ? before.hospitalNumber
              : normalizeHospitalNumber(orNull(input.hospitalNumber)),
        };
        if (fields.displayName === null && fields.code === '') {
          throw new ApiError('VALIDATION', NAME_OR_CODE, 'displayName');
        }
        checkBirthDate(fields.birthDate, services);
        checkUnique(db, fields, before.id);
        const changed = (Object.keys(fields) as Array<keyof PatientFields>).filter(
          (key) => fields[key] !== before[key],
        );
        if (changed.length === 0) return before;
        checkBase('patient', input.baseRevision, { revision: before.revision, value: () => before });
        updatePatient(db, before.id, fields);
        // Field names only: the values are identifying data.
        audit(services, 'patient.update', `patient=${before.id} fields=${changed.join(',')}`);
        return requirePatient(db, before.id);
      })
      .immediate();
  },
};
