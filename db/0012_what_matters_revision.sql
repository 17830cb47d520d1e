-- What matters to the patient gets a revision kept by core, as the other record
-- sections have (issue 11, M1): a save based on an older revision is refused
-- (CONFLICT) instead of silently replacing answers another window saved. One row
-- per consultation whose answers were ever saved; no row reads as revision 0.
-- (record_revisions' CHECK lists its three sections; extending it would need a
-- table rebuild, so this section has a table of its own.) Applied in one
-- transaction; never edit once released: add a new migration instead.
CREATE TABLE what_matters_revisions (
  consultation_id TEXT PRIMARY KEY REFERENCES consultations (id) ON DELETE CASCADE,
  revision INTEGER NOT NULL
);
