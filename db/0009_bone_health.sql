-- The bone-health plan of a consultation (issue 15: secondary fracture
-- prevention, the step most often missed after a vertebral fracture), and the
-- state of bone medicine seen at each follow-up visit.
--
-- One row per consultation that has a plan; no row means nothing recorded.
-- The allowed values are defined once, in the contract (src-shared), and
-- checked there on every write; no CHECK on them here, so a value added later
-- needs no table rebuild (as in 0007). `revision` is kept by core, like a
-- note's: a save based on an older revision is refused (CONFLICT).
--   dxa:               not-recorded | not-needed | ordered | done
--   medicine:          not-recorded | started | continued | referred | contraindicated | declined
--   falls_assessment:  not-recorded | done | referred | not-needed
--   calcium_vitamin_d: not-recorded | advised | prescribed | already-taking
--   fls_referral:      not-recorded | referred | not-available | declined
-- T-scores are the lowest measured at the lumbar spine and at the hip.
CREATE TABLE bone_health_plans (
  consultation_id TEXT PRIMARY KEY REFERENCES consultations (id) ON DELETE CASCADE,
  dxa TEXT NOT NULL DEFAULT 'not-recorded',
  t_score_spine REAL,
  t_score_hip REAL,
  medicine TEXT NOT NULL DEFAULT 'not-recorded',
  medicine_name TEXT NOT NULL DEFAULT '',
  falls_assessment TEXT NOT NULL DEFAULT 'not-recorded',
  calcium_vitamin_d TEXT NOT NULL DEFAULT 'not-recorded',
  fls_referral TEXT NOT NULL DEFAULT 'not-recorded',
  revision INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL
);

-- At a follow-up visit: is the patient on bone medicine?
--   NULL (not asked) | not-started | started | taking | stopped
-- "started" means started since the last visit; "taking" means already on it.
ALTER TABLE follow_ups ADD COLUMN bone_medicine TEXT;
