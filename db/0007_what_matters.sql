-- What matters to the patient: one row per statement the patient answered
-- (matters a lot / a little / not). A statement without a row was not asked.
-- The statement ids and answers are defined once, in src-shared/contract/what-matters.ts,
-- and checked there on every write; no CHECK here, so a statement added to the
-- decision aid later needs no table rebuild. Rows go with their consultation.
CREATE TABLE what_matters (
  consultation_id TEXT NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
  statement TEXT NOT NULL,
  answer TEXT NOT NULL,
  PRIMARY KEY (consultation_id, statement)
);
