/**
 * Patient rows: insert, update, lookup and the as-you-type search. The search
 * matches the start of any folded word of the name, the code or the hospital
 * number (see patients.search_text in 0002_records.sql).
 */
import { randomInt, randomUUID } from 'node:crypto';
import { SIMILAR_PATIENT, type Patient } from '../../../src-shared/contract/index.js';
import { ApiError } from '../../../src-shared/errors.js';
import type { Db } from '../db/open.js';

interface PatientRow {
  id: string;
  code: string;
  display_name: string | null;
  birth_date: string | null;
  sex: Patient['sex'];
  hospital_number: string | null;
  created_at: string;
  consultation_count: number;
  last_consultation_at: string | null;
  revision: number;
}

export interface PatientFields {
  code: string;
  displayName: string | null;
  birthDate: string | null;
  sex: Patient['sex'];
  hospitalNumber: string | null;
}

/** Lower case, accents removed: "Müller" and "MULLER" both become "muller". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss').toLowerCase();
}

function searchText(fields: PatientFields): string {
  const name = fold(fields.displayName ?? '');
  const words = new Set([...name.split(/\s+/), ...name.split(/[\s\-'’.,]+/)]);
  words.add(fold(fields.code));
  if (fields.hospitalNumber) words.add(fold(fields.hospitalNumber));
  words.delete('');
  return ` ${[...words].join(' ')}`;
}

const SELECT = `SELECT p.*,
  (SELECT count(*) FROM consultations c WHERE c.patient_id = p.id) AS consultation_count,
  (SELECT max(c.started_at) FROM consultations c WHERE c.patient_id = p.id) AS last_consultation_at
  FROM patients p`;

function toPatient(row: PatientRow): Patient {
  return {
    id: row.id,
    code: row.code,
    displayName: row.display_name,
    birthDate: row.birth_date,
    sex: row.sex,
    hospitalNumber: row.hospital_number,
    createdAt: row.created_at,
    consultationCount: row.consultation_count,
    lastConsultationAt: row.last_consultation_at,
    revision: row.revision,
  };
}

export function findPatient(db: Db, id: string): Patient | null {
  const row = db.prepare(`${SELECT} WHERE p.id = ?`).get(id) as PatientRow | undefined;
  return row ? toPatient(row) : null;
}

export function requirePatient(db: Db, id: string, field = 'id'): Patient {
  const patient = findPatient(db, id);
  if (!patient) throw new ApiError('NOT_FOUND', 'This patient does not exist (any more).', field);
  return patient;
}

export function searchPatients(db: Db, query: string, limit: number): Patient[] {
  const tokens = fold(query).split(/\s+/).filter(Boolean);
  const escaped = tokens.map((t) => `% ${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const where = tokens.length ? `WHERE ${tokens.map(() => "p.search_text LIKE ? ESCAPE '\\'").join(' AND ')}` : '';
  const exact = fold(query.trim());
  const rows = db
    .prepare(
      `${SELECT} ${where}
       ORDER BY (lower(p.code) = ? OR ifnull(lower(p.hospital_number) = ?, 0)) DESC,
                coalesce(last_consultation_at, p.created_at) DESC, p.id
       LIMIT ?`,
    )
    .all(...escaped, exact, exact, limit) as PatientRow[];
  return rows.map(toPatient);
}

/**
 * CONFLICT when another patient already has this code or hospital number (case-insensitive). A hospital
 * number written differently (spaces, dashes, look-alike letters) is almost surely the same person: a
 * CONFLICT naming that patient (`current`, SIMILAR_PATIENT), unless `allowSimilar` (the doctor confirmed);
 * then the similar patient's id is returned, for the audit.
 */
export function checkUnique(
  db: Db,
  fields: PatientFields,
  exceptId: string | null,
  allowSimilar = false,
): string | null {
  const other = db
    .prepare('SELECT id FROM patients WHERE code = ? COLLATE NOCASE AND id IS NOT ?')
    .get(fields.code, exceptId);
  if (other) throw new ApiError('CONFLICT', `Another patient already has the code ${fields.code}.`, 'code');
  if (fields.hospitalNumber === null) return null;
  const same = db
    .prepare('SELECT id FROM patients WHERE hospital_number = ? COLLATE NOCASE AND id IS NOT ?')
    .get(fields.hospitalNumber, exceptId);
  if (same)
    throw new ApiError(
      'CONFLICT',
      `Another patient already has the hospital number ${fields.hospitalNumber}.`,
      'hospitalNumber',
    );
  // Written differently (spaces, dashes, look-alike letters): almost surely the same person.
  const key = hospitalNumberKey(fields.hospitalNumber);
  const rows = db
    .prepare('SELECT id, hospital_number AS n FROM patients WHERE hospital_number IS NOT NULL AND id IS NOT ?')
    .all(exceptId) as Array<{ id: string; n: string }>;
  const near = rows.find((row) => hospitalNumberKey(row.n) === key);
  if (!near) return null;
  if (allowSimilar) return near.id;
  const similar = requirePatient(db, near.id);
  throw new ApiError(
    'CONFLICT',
    `A patient with a similar hospital number exists: ${near.n} differs from ${fields.hospitalNumber} only in ` +
      'spaces, dashes or letter forms. Check that this is not the same person.',
    'hospitalNumber',
    { section: SIMILAR_PATIENT, revision: similar.revision, value: similar },
  );
}

/**
 * Hospital numbers as stored: Unicode NFKC (a full-width "Ｈ１２" or a ligature becomes plain "H12"),
 * trimmed, inner spaces collapsed; empty is none.
 */
export function normalizeHospitalNumber(value: string | null): string | null {
  if (value === null) return null;
  const normal = value.normalize('NFKC').trim().replace(/\s+/g, ' ');
  return normal === '' ? null : normal;
}

/** What two hospital numbers share when they differ only in case, spaces, dashes, dots or slashes. */
function hospitalNumberKey(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\-‐‑‒–—―_./]/g, '');
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A fresh pseudonymous code such as P-7KQ2MX (no 0/O or 1/I to misread). */
export function generateCode(db: Db): string {
  for (;;) {
    const code = `P-${Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('')}`;
    if (!db.prepare('SELECT 1 FROM patients WHERE code = ? COLLATE NOCASE').get(code)) return code;
  }
}

export function insertPatient(db: Db, fields: PatientFields, createdAt: string): string {
  const id = randomUUID();
  db.prepare(
    `INSERT INTO patients (id, code, display_name, birth_date, sex, hospital_number, created_at, search_text)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    fields.code,
    fields.displayName,
    fields.birthDate,
    fields.sex,
    fields.hospitalNumber,
    createdAt,
    searchText(fields),
  );
  return id;
}

export function updatePatient(db: Db, id: string, fields: PatientFields): void {
  db.prepare(
    `UPDATE patients SET code = ?, display_name = ?, birth_date = ?, sex = ?, hospital_number = ?, search_text = ?,
       revision = revision + 1
     WHERE id = ?`,
  ).run(fields.code, fields.displayName, fields.birthDate, fields.sex, fields.hospitalNumber, searchText(fields), id);
}
