-- First schema: patients, consultations, notes, decisions, risks, slide views,
-- amendments, audit log, settings. Applied in one transaction; never edit once
-- released: add 0002_… instead.

CREATE TABLE patients (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  display_name TEXT,
  birth_date TEXT,
  sex TEXT NOT NULL DEFAULT 'unknown' CHECK (sex IN ('female', 'male', 'other', 'unknown')),
  hospital_number TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE consultations (
  id TEXT PRIMARY KEY,
  patient_id TEXT NOT NULL REFERENCES patients (id),
  physician TEXT NOT NULL,
  started_at TEXT NOT NULL,
  language TEXT NOT NULL CHECK (language IN ('en', 'fr', 'de')),
  playlist TEXT NOT NULL DEFAULT '[]',
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'finalized')),
  findings TEXT NOT NULL DEFAULT '{}',
  finalized_at TEXT,
  finalized_by TEXT,
  updated_at TEXT NOT NULL
);
CREATE INDEX consultations_patient ON consultations (patient_id, started_at);
CREATE INDEX consultations_started ON consultations (started_at);

-- The free-text notes of a consultation, rewritten by each autosave.
CREATE TABLE notes (
  consultation_id TEXT PRIMARY KEY REFERENCES consultations (id) ON DELETE CASCADE,
  body TEXT NOT NULL,
  revision INTEGER NOT NULL,
  saved_at TEXT NOT NULL
);

-- Quick timestamped entries, with the slide on the patient screen at that moment.
CREATE TABLE note_entries (
  id INTEGER PRIMARY KEY,
  consultation_id TEXT NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  text TEXT NOT NULL,
  deck_id TEXT,
  slide_id TEXT,
  language TEXT
);
CREATE INDEX note_entries_consultation ON note_entries (consultation_id, at);

CREATE TABLE decisions (
  consultation_id TEXT PRIMARY KEY REFERENCES consultations (id) ON DELETE CASCADE,
  path TEXT,
  details TEXT NOT NULL DEFAULT '{}',
  updated_at TEXT NOT NULL
);

CREATE TABLE risks_discussed (
  consultation_id TEXT NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
  risk TEXT NOT NULL,
  confirmed INTEGER NOT NULL CHECK (confirmed IN (0, 1)),
  PRIMARY KEY (consultation_id, risk)
);

-- Every slide shown on the patient screen (black or white screen time excluded).
CREATE TABLE slide_views (
  id INTEGER PRIMARY KEY,
  consultation_id TEXT REFERENCES consultations (id) ON DELETE CASCADE,
  deck_id TEXT NOT NULL,
  slide_id TEXT NOT NULL,
  language TEXT NOT NULL,
  shown_at TEXT NOT NULL,
  duration_ms INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX slide_views_consultation ON slide_views (consultation_id, shown_at);

-- Corrections after finalizing: the original stays, the amendment says why.
CREATE TABLE amendments (
  id INTEGER PRIMARY KEY,
  consultation_id TEXT NOT NULL REFERENCES consultations (id),
  at TEXT NOT NULL,
  author TEXT NOT NULL,
  section TEXT NOT NULL,
  before TEXT NOT NULL,
  after TEXT NOT NULL,
  reason TEXT NOT NULL
);

-- Who did what and when; no note text. Rows are chained by hashes.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  consultation_id TEXT,
  detail TEXT NOT NULL DEFAULT '',
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
