-- Corrections of a patient's identifying details (name, birth date, hospital
-- number), each with its reason, who made it and the values before and after.
-- The patients row holds the corrected values; signed records keep their
-- original text through these rows, and exports list them as amendments.
-- The audit log gets a row per correction naming this row's id (never the values).
CREATE TABLE patient_corrections (
  id INTEGER PRIMARY KEY,
  patient_id TEXT NOT NULL REFERENCES patients (id),
  at TEXT NOT NULL,
  author TEXT NOT NULL,
  reason TEXT NOT NULL,
  -- JSON objects with the corrected fields only: {"displayName": …, "birthDate": …, "hospitalNumber": …}
  before_json TEXT NOT NULL,
  after_json TEXT NOT NULL
);
CREATE INDEX patient_corrections_patient ON patient_corrections (patient_id, id);
