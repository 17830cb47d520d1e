import { ApiError } from '../../../src-shared/errors.js';
import { appendAudit } from '../audit.js';
import type { Services } from '../context.js';
import { isAfterDay, localDate } from '../records/dates.js';
import {
  checkUnique,
  generateCode,
  insertPatient,
  requirePatient,
  searchPatients,
  updatePatient,
  type PatientFields,
} from '../records/patients.js';
import { actorName } from '../records/settings.js';
import type { AreaHandlers } from '../registry.js';

/** Worded for the form: no field names, and true to its label (a code is only generated for a named patient). */
export const NAME_OR_CODE = "Enter the patient's name, or a pseudonymous code to keep the record anonymous.";

/** Empty text means "not given". */
const orNull = (text: string | undefined): string | null => (text ? text : null);

function checkBirthDate(birthDate: string | null, services: Services): void {
  if (birthDate !== null && isAfterDay(birthDate, localDate(services.clock()))) {
    throw new ApiError('VALIDATION', 'The date of birth lies in the future.', 'birthDate');
  }
}

function audit(services: Services, action: 'patient.create' | 'patient.update', detail: string): void {
  appendAudit(services.db, { at: services.clock().toISOString(), actor: actorName(services.db), action, detail });
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
          hospitalNumber: orNull(input.hospitalNumber),
        };
        checkUnique(db, fields, null);
        const id = insertPatient(db, fields, services.clock().toISOString());
        audit(services, 'patient.create', `patient=${id}`);
        return requirePatient(db, id);
      })
      .immediate();
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
          hospitalNumber: input.hospitalNumber === undefined ? before.hospitalNumber : orNull(input.hospitalNumber),
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
        updatePatient(db, before.id, fields);
        // Field names only: the values are identifying data.
        audit(services, 'patient.update', `patient=${before.id} fields=${changed.join(',')}`);
        return requirePatient(db, before.id);
      })
      .immediate();
  },
};
