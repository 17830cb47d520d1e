-- Trust (issue 11, M1/M5/M7). Named 0007 in the brief; numbered after the last
-- migration of this branch, the lead renumbers at merge.
--
-- M1: a revision kept by core for every editable section of a record, and one
-- per patient. A save names the revision it was based on; an older one is
-- refused (CONFLICT), so no window silently overwrites another's text. Notes
-- keep their own row's `revision` column, now counted by core too.
CREATE TABLE record_revisions (
  consultation_id TEXT NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
  section TEXT NOT NULL CHECK (section IN ('findings', 'decision', 'risks')),
  revision INTEGER NOT NULL,
  PRIMARY KEY (consultation_id, section)
) WITHOUT ROWID;

ALTER TABLE patients ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;

-- M5: how the audit chain is keyed. `key_id` is a fingerprint of the key kept
-- outside the database (never the key): a chain found keyed with another key
-- is reported, not silently re-keyed. No row: the chain is still the old plain
-- SHA-256 one and is re-keyed at the next open (see core/audit-key.ts).
CREATE TABLE audit_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- M7: the console lock, owned by core and kept across reloads and restarts.
-- One row. The PIN is stored as a scrypt hash with its salt; tries are
-- rate-limited from `failed_tries` and `next_try_at`.
CREATE TABLE session_lock (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
  pin_hash TEXT,
  pin_salt TEXT,
  failed_tries INTEGER NOT NULL DEFAULT 0,
  next_try_at TEXT
);
INSERT INTO session_lock (id) VALUES (1);
