-- Follow-up visits corrected and edited like a consultation (issue 15, item 1).
-- `revision` is kept by core, as the record sections' (issue 11, M1): a draft
-- visit saved on an older revision is refused (CONFLICT), never overwritten.
-- A signed visit is never rewritten: a correction is a row here, with the visit
-- as it was before and after (FollowUpValues as JSON), the author, the time and
-- the reason; a visit reads as its latest correction. Applied in one
-- transaction; never edit once released: add a new migration instead.
ALTER TABLE follow_ups ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;

CREATE TABLE follow_up_amendments (
  id INTEGER PRIMARY KEY,
  follow_up_id TEXT NOT NULL REFERENCES follow_ups (id),
  at TEXT NOT NULL,
  author TEXT NOT NULL,
  before TEXT NOT NULL,
  after TEXT NOT NULL,
  reason TEXT NOT NULL
);
CREATE INDEX follow_up_amendments_visit ON follow_up_amendments (follow_up_id, id);
