-- Autosave while typing wrote the whole record's search row again on every
-- save (the note, every quick entry, every amendment): most of a save's time
-- with a long note. A note save now only marks its consultation; the search
-- rows of marked consultations are written before the next search runs (and
-- at start and close), so a search still finds every saved word.

CREATE TABLE record_search_dirty (
  consultation_id TEXT PRIMARY KEY
) WITHOUT ROWID;

DROP TRIGGER notes_fts_insert;
DROP TRIGGER notes_fts_update;

-- Not INSERT OR IGNORE: an upsert firing the trigger would override it (see 0002).
CREATE TRIGGER notes_search_dirty_insert AFTER INSERT ON notes BEGIN
  INSERT INTO record_search_dirty (consultation_id)
    SELECT new.consultation_id
    WHERE NOT EXISTS (SELECT 1 FROM record_search_dirty WHERE consultation_id = new.consultation_id);
END;

CREATE TRIGGER notes_search_dirty_update AFTER UPDATE OF body ON notes BEGIN
  INSERT INTO record_search_dirty (consultation_id)
    SELECT new.consultation_id
    WHERE NOT EXISTS (SELECT 1 FROM record_search_dirty WHERE consultation_id = new.consultation_id);
END;

CREATE TRIGGER consultations_search_dirty_delete AFTER DELETE ON consultations BEGIN
  DELETE FROM record_search_dirty WHERE consultation_id = old.id;
END;
