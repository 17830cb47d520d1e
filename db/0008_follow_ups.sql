-- Follow-up visits after the index consultation (a finalized consultation):
-- pain, walking and daily activities, pain medicine, complications, new
-- fractures and a short note. A visit is a draft until the physician signs it,
-- then read-only. (Planned as 0008: renumber at merge if 0006/0007 are taken;
-- the statements need nothing from them.) Applied in one
-- transaction; never edit once released: add a new migration instead.

CREATE TABLE follow_ups (
  id TEXT PRIMARY KEY,
  consultation_id TEXT NOT NULL REFERENCES consultations (id),
  visit_date TEXT NOT NULL,
  pain_now INTEGER CHECK (pain_now BETWEEN 0 AND 10),
  mobility TEXT CHECK (mobility IN ('as-before', 'limited', 'unable')),
  pain_medication TEXT CHECK (pain_medication IN ('none', 'simple', 'opioid')),
  -- JSON arrays: complication ids (a subset of the record's risk ids) and spine levels.
  complications TEXT NOT NULL DEFAULT '[]',
  complications_other TEXT NOT NULL DEFAULT '',
  new_fractures TEXT NOT NULL DEFAULT '[]',
  note TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'finalized')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  finalized_at TEXT,
  finalized_by TEXT
);
-- The timeline reads a consultation's visits in date order.
CREATE INDEX follow_ups_consultation ON follow_ups (consultation_id, visit_date);
