-- Full-text search at ten years (100 000 consultations): a word found in 5 000
-- records cost ~25 ms, because every hit was looked up to sort the hits by date.
-- The search keys are handed out in the order records first get text, which is
-- almost always the order they were started in. A key that breaks that order
-- (a record that got its first words after a later-started one) is listed here
-- as "late"; every other key is later in time than every key before it. So the
-- hits of a search, walked from the highest key down, are newest first, and a
-- page needs only its own keys and the few late hits looked up
-- (records/history.ts). Nothing already stored changes.

CREATE TABLE record_search_late (
  key INTEGER PRIMARY KEY
);

-- The newest (started_at, consultation_id) among the keys handed out so far: one row.
CREATE TABLE record_search_order (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  started_at TEXT NOT NULL,
  consultation_id TEXT NOT NULL
);

-- The keys already handed out: late when an earlier key was started later (ties by id, as the history sorts).
INSERT INTO record_search_late (key)
  SELECT key FROM (
    SELECT key, s, consultation_id,
      max(s) OVER (ORDER BY key ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before,
      max(consultation_id) OVER (PARTITION BY s ORDER BY key ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS tie
    FROM (SELECT k.key, k.consultation_id, coalesce(c.started_at, '') AS s
          FROM record_search_keys k LEFT JOIN consultations c ON c.id = k.consultation_id))
  WHERE before > s OR (before = s AND tie > consultation_id);

INSERT INTO record_search_order (id, started_at, consultation_id)
  SELECT 1, coalesce(c.started_at, ''), k.consultation_id
  FROM record_search_keys k LEFT JOIN consultations c ON c.id = k.consultation_id
  ORDER BY coalesce(c.started_at, '') DESC, k.consultation_id DESC
  LIMIT 1;

-- Each new key: late when it is older than the newest one so far; otherwise it becomes the newest.
-- The date is read from the consultation itself (the order of triggers on one table is not defined).
CREATE TRIGGER record_search_keys_order AFTER INSERT ON record_search_keys BEGIN
  INSERT INTO record_search_late (key)
    SELECT new.key FROM record_search_order o
    WHERE o.id = 1
      AND (coalesce((SELECT started_at FROM consultations WHERE id = new.consultation_id), ''), new.consultation_id)
          < (o.started_at, o.consultation_id);
  UPDATE record_search_order
    SET started_at = coalesce((SELECT started_at FROM consultations WHERE id = new.consultation_id), ''),
        consultation_id = new.consultation_id
    WHERE id = 1
      AND (coalesce((SELECT started_at FROM consultations WHERE id = new.consultation_id), ''), new.consultation_id)
          > (started_at, consultation_id);
  INSERT INTO record_search_order (id, started_at, consultation_id)
    SELECT 1, coalesce((SELECT started_at FROM consultations WHERE id = new.consultation_id), ''), new.consultation_id
    WHERE NOT EXISTS (SELECT 1 FROM record_search_order);
END;

CREATE TRIGGER record_search_keys_order_delete AFTER DELETE ON record_search_keys BEGIN
  DELETE FROM record_search_late WHERE key = old.key;
END;

-- A search filtered by the decision reads each hit's path from this index alone, not from the table.
CREATE INDEX decisions_consultation_path ON decisions (consultation_id, path);
