-- Records: patient search, a snapshot of the risks shown and confirmed, indexes
-- for the history, and full-text search over notes, quick entries and amended
-- notes. Applied in one transaction; never edit once released: add 0003_… instead.

-- Space-separated folded words (lower case, accents removed) of the name, code
-- and hospital number, with a leading space, so "LIKE '% mül%'" is a prefix
-- search on any word. Written by core on every patient insert or update.
ALTER TABLE patients ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
UPDATE patients SET search_text = ' ' || lower(trim(coalesce(display_name, '') || ' ' || code || ' ' || coalesce(hospital_number, '')));
CREATE INDEX patients_code_nocase ON patients (code COLLATE NOCASE);
CREATE INDEX patients_hospital_number ON patients (hospital_number COLLATE NOCASE);
CREATE INDEX patients_created ON patients (created_at);

-- Total time the risk's slide was on the patient screen (NULL: never), and when
-- the doctor confirmed the list (NULL: suggested only, not yet reviewed).
ALTER TABLE risks_discussed ADD COLUMN shown_ms INTEGER;
ALTER TABLE risks_discussed ADD COLUMN confirmed_at TEXT;
-- What the "other" risk was.
ALTER TABLE risks_discussed ADD COLUMN detail TEXT NOT NULL DEFAULT '';

CREATE INDEX consultations_status ON consultations (status, started_at);
CREATE INDEX decisions_path ON decisions (path);
CREATE INDEX amendments_consultation ON amendments (consultation_id, id);
CREATE INDEX audit_log_consultation ON audit_log (consultation_id);

-- Full-text search: one row per consultation holding its notes, its quick
-- entries and the notes text of its amendments. FTS rows need a stable integer
-- key, and the implicit rowid of consultations/notes may change on VACUUM,
-- hence this key table (no foreign key: the triggers below clean it up).
CREATE TABLE record_search_keys (
  key INTEGER PRIMARY KEY,
  consultation_id TEXT NOT NULL UNIQUE
);

CREATE VIRTUAL TABLE record_fts USING fts5 (
  notes,
  entries,
  amendments,
  tokenize = 'unicode61 remove_diacritics 2'
);

-- The same three statements in each trigger (SQLite has no procedures): make
-- sure the key exists, drop the old row, write the row again from the tables.
-- Nothing is written once the consultation itself is gone (cascading deletes).
-- No INSERT OR IGNORE here: an upsert firing the trigger would override it.

CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes BEGIN
  INSERT INTO record_search_keys (consultation_id)
    SELECT new.consultation_id WHERE EXISTS (SELECT 1 FROM consultations WHERE id = new.consultation_id)
      AND NOT EXISTS (SELECT 1 FROM record_search_keys WHERE consultation_id = new.consultation_id);
  DELETE FROM record_fts WHERE rowid = (SELECT key FROM record_search_keys WHERE consultation_id = new.consultation_id);
  INSERT INTO record_fts (rowid, notes, entries, amendments)
    SELECT k.key,
      coalesce((SELECT body FROM notes WHERE consultation_id = k.consultation_id), ''),
      coalesce((SELECT group_concat(text, char(10)) FROM note_entries WHERE consultation_id = k.consultation_id), ''),
      coalesce((SELECT group_concat(json_extract(after, '$.body'), char(10)) FROM amendments
                WHERE consultation_id = k.consultation_id AND section = 'notes'), '')
    FROM record_search_keys k
    WHERE k.consultation_id = new.consultation_id AND EXISTS (SELECT 1 FROM consultations WHERE id = k.consultation_id);
END;

CREATE TRIGGER notes_fts_update AFTER UPDATE OF body ON notes BEGIN
  INSERT INTO record_search_keys (consultation_id)
    SELECT new.consultation_id WHERE EXISTS (SELECT 1 FROM consultations WHERE id = new.consultation_id)
      AND NOT EXISTS (SELECT 1 FROM record_search_keys WHERE consultation_id = new.consultation_id);
  DELETE FROM record_fts WHERE rowid = (SELECT key FROM record_search_keys WHERE consultation_id = new.consultation_id);
  INSERT INTO record_fts (rowid, notes, entries, amendments)
    SELECT k.key,
      coalesce((SELECT body FROM notes WHERE consultation_id = k.consultation_id), ''),
      coalesce((SELECT group_concat(text, char(10)) FROM note_entries WHERE consultation_id = k.consultation_id), ''),
      coalesce((SELECT group_concat(json_extract(after, '$.body'), char(10)) FROM amendments
                WHERE consultation_id = k.consultation_id AND section = 'notes'), '')
    FROM record_search_keys k
    WHERE k.consultation_id = new.consultation_id AND EXISTS (SELECT 1 FROM consultations WHERE id = k.consultation_id);
END;

CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes BEGIN
  DELETE FROM record_fts WHERE rowid = (SELECT key FROM record_search_keys WHERE consultation_id = old.consultation_id);
  INSERT INTO record_fts (rowid, notes, entries, amendments)
    SELECT k.key,
      '',
      coalesce((SELECT group_concat(text, char(10)) FROM note_entries WHERE consultation_id = k.consultation_id), ''),
      coalesce((SELECT group_concat(json_extract(after, '$.body'), char(10)) FROM amendments
                WHERE consultation_id = k.consultation_id AND section = 'notes'), '')
    FROM record_search_keys k
    WHERE k.consultation_id = old.consultation_id AND EXISTS (SELECT 1 FROM consultations WHERE id = k.consultation_id);
END;

CREATE TRIGGER note_entries_fts_insert AFTER INSERT ON note_entries BEGIN
  INSERT INTO record_search_keys (consultation_id)
    SELECT new.consultation_id WHERE EXISTS (SELECT 1 FROM consultations WHERE id = new.consultation_id)
      AND NOT EXISTS (SELECT 1 FROM record_search_keys WHERE consultation_id = new.consultation_id);
  DELETE FROM record_fts WHERE rowid = (SELECT key FROM record_search_keys WHERE consultation_id = new.consultation_id);
  INSERT INTO record_fts (rowid, notes, entries, amendments)
    SELECT k.key,
      coalesce((SELECT body FROM notes WHERE consultation_id = k.consultation_id), ''),
      coalesce((SELECT group_concat(text, char(10)) FROM note_entries WHERE consultation_id = k.consultation_id), ''),
      coalesce((SELECT group_concat(json_extract(after, '$.body'), char(10)) FROM amendments
                WHERE consultation_id = k.consultation_id AND section = 'notes'), '')
    FROM record_search_keys k
    WHERE k.consultation_id = new.consultation_id AND EXISTS (SELECT 1 FROM consultations WHERE id = k.consultation_id);
END;

CREATE TRIGGER note_entries_fts_update AFTER UPDATE OF text ON note_entries BEGIN
  DELETE FROM record_fts WHERE rowid = (SELECT key FROM record_search_keys WHERE consultation_id = new.consultation_id);
  INSERT INTO record_fts (rowid, notes, entries, amendments)
    SELECT k.key,
      coalesce((SELECT body FROM notes WHERE consultation_id = k.consultation_id), ''),
      coalesce((SELECT group_concat(text, char(10)) FROM note_entries WHERE consultation_id = k.consultation_id), ''),
      coalesce((SELECT group_concat(json_extract(after, '$.body'), char(10)) FROM amendments
                WHERE consultation_id = k.consultation_id AND section = 'notes'), '')
    FROM record_search_keys k
    WHERE k.consultation_id = new.consultation_id AND EXISTS (SELECT 1 FROM consultations WHERE id = k.consultation_id);
END;

CREATE TRIGGER note_entries_fts_delete AFTER DELETE ON note_entries BEGIN
  DELETE FROM record_fts WHERE rowid = (SELECT key FROM record_search_keys WHERE consultation_id = old.consultation_id);
  INSERT INTO record_fts (rowid, notes, entries, amendments)
    SELECT k.key,
      coalesce((SELECT body FROM notes WHERE consultation_id = k.consultation_id), ''),
      coalesce((SELECT group_concat(text, char(10)) FROM note_entries WHERE consultation_id = k.consultation_id), ''),
      coalesce((SELECT group_concat(json_extract(after, '$.body'), char(10)) FROM amendments
                WHERE consultation_id = k.consultation_id AND section = 'notes'), '')
    FROM record_search_keys k
    WHERE k.consultation_id = old.consultation_id AND EXISTS (SELECT 1 FROM consultations WHERE id = k.consultation_id);
END;

CREATE TRIGGER amendments_fts_insert AFTER INSERT ON amendments WHEN new.section = 'notes' BEGIN
  INSERT INTO record_search_keys (consultation_id)
    SELECT new.consultation_id WHERE EXISTS (SELECT 1 FROM consultations WHERE id = new.consultation_id)
      AND NOT EXISTS (SELECT 1 FROM record_search_keys WHERE consultation_id = new.consultation_id);
  DELETE FROM record_fts WHERE rowid = (SELECT key FROM record_search_keys WHERE consultation_id = new.consultation_id);
  INSERT INTO record_fts (rowid, notes, entries, amendments)
    SELECT k.key,
      coalesce((SELECT body FROM notes WHERE consultation_id = k.consultation_id), ''),
      coalesce((SELECT group_concat(text, char(10)) FROM note_entries WHERE consultation_id = k.consultation_id), ''),
      coalesce((SELECT group_concat(json_extract(after, '$.body'), char(10)) FROM amendments
                WHERE consultation_id = k.consultation_id AND section = 'notes'), '')
    FROM record_search_keys k
    WHERE k.consultation_id = new.consultation_id AND EXISTS (SELECT 1 FROM consultations WHERE id = k.consultation_id);
END;

CREATE TRIGGER consultations_fts_delete AFTER DELETE ON consultations BEGIN
  DELETE FROM record_fts WHERE rowid = (SELECT key FROM record_search_keys WHERE consultation_id = old.id);
  DELETE FROM record_search_keys WHERE consultation_id = old.id;
END;

-- Rows written before this migration (none are expected) become searchable too.
INSERT INTO record_search_keys (consultation_id)
  SELECT consultation_id FROM notes UNION SELECT consultation_id FROM note_entries;
INSERT INTO record_fts (rowid, notes, entries, amendments)
  SELECT k.key,
    coalesce((SELECT body FROM notes WHERE consultation_id = k.consultation_id), ''),
    coalesce((SELECT group_concat(text, char(10)) FROM note_entries WHERE consultation_id = k.consultation_id), ''),
    coalesce((SELECT group_concat(json_extract(after, '$.body'), char(10)) FROM amendments
              WHERE consultation_id = k.consultation_id AND section = 'notes'), '')
  FROM record_search_keys k;
