-- The practice overview at a clinic's ten years (issue 15: p95 < 200 ms over
-- 100 000 consultations and 300 000 visits). Computing its figures from the
-- JSON sections and every signed visit at each request took ~15 s. Instead each
-- finalized consultation keeps one small row of the figures it contributes,
-- rewritten by core (records/overview-facts.ts) in the same transaction as any
-- change to what they are made of: finalizing, an amendment, a signed visit,
-- the bone-health plan. The overview sums these rows over a range of
-- `started_at` (indexed). Drafts have no row. Nothing already stored changes.
--
--   path_key:   conservative | balloon-kyphoplasty | vertebroplasty |
--               augmentation-unspecified | referred | undecided (decision as amended)
--   sure:       SURE score 0–4, NULL when not all four were answered (as amended)
--   fractured:  1 when at least one fractured level is recorded (findings as amended)
--   medicine:   1 when fractured and the plan says started/continued, or a signed
--               visit within 92 days after the consultation's local day says
--               started/taking; else 0
--   visits, new_fracture_visits, new_fracture_levels: over the signed visits
-- Complications reported at signed visits: one row per complication id (or
-- 'other' for one in words) with the number of signed visits reporting it.
CREATE TABLE overview_facts (
  consultation_id TEXT PRIMARY KEY REFERENCES consultations (id) ON DELETE CASCADE,
  started_at TEXT NOT NULL,
  path_key TEXT NOT NULL,
  sure INTEGER CHECK (sure IS NULL OR sure BETWEEN 0 AND 4),
  fractured INTEGER NOT NULL CHECK (fractured IN (0, 1)),
  medicine INTEGER NOT NULL CHECK (medicine IN (0, 1) AND medicine <= fractured),
  visits INTEGER NOT NULL CHECK (visits >= 0),
  new_fracture_visits INTEGER NOT NULL CHECK (new_fracture_visits BETWEEN 0 AND visits),
  new_fracture_levels INTEGER NOT NULL CHECK (new_fracture_levels >= 0)
);

-- Covering: a range's sums read this index only.
CREATE INDEX overview_facts_by_day ON overview_facts (
  started_at, path_key, sure, fractured, medicine, visits, new_fracture_visits, new_fracture_levels
);

CREATE TABLE overview_fact_complications (
  consultation_id TEXT NOT NULL REFERENCES overview_facts (consultation_id) ON DELETE CASCADE,
  complication TEXT NOT NULL,
  started_at TEXT NOT NULL,
  visits INTEGER NOT NULL CHECK (visits > 0),
  PRIMARY KEY (consultation_id, complication)
);

CREATE INDEX overview_fact_complications_by_day ON overview_fact_complications (started_at, complication, visits);

-- Backfill, with the request-time SQL of the overview before this migration (the sections are read as core
-- writes them, with JSON.stringify: keys quoted, no spaces; the latest amendment of a section replaces it).
-- The 92-day window compares the visit's day with the consultation's local day, as core does.
INSERT INTO overview_facts (consultation_id, started_at, path_key, sure, fractured, medicine, visits,
                            new_fracture_visits, new_fracture_levels)
SELECT id, started_at,
  CASE
    WHEN path = 'augmentation' THEN
      CASE WHEN instr(decision, '"procedure":"balloon-kyphoplasty"') > 0 THEN 'balloon-kyphoplasty'
           WHEN instr(decision, '"procedure":"vertebroplasty"') > 0 THEN 'vertebroplasty'
           ELSE 'augmentation-unspecified' END
    WHEN path IN ('conservative', 'referred') THEN path
    ELSE 'undecided' END,
  CASE WHEN sure_true + sure_false = 4 THEN sure_true END,
  fractured,
  fractured AND (
    EXISTS (SELECT 1 FROM bone_health_plans p WHERE p.consultation_id = r.id AND p.medicine IN ('started', 'continued'))
    OR EXISTS (SELECT 1 FROM follow_ups f WHERE f.consultation_id = r.id AND f.status = 'finalized'
                 AND f.bone_medicine IN ('started', 'taking')
                 AND f.visit_date BETWEEN date(r.started_at, 'localtime')
                                      AND date(r.started_at, 'localtime', '+92 days'))),
  (SELECT count(*) FROM follow_ups f WHERE f.consultation_id = r.id AND f.status = 'finalized'),
  (SELECT count(*) FROM follow_ups f WHERE f.consultation_id = r.id AND f.status = 'finalized'
     AND f.new_fractures <> '[]'),
  (SELECT coalesce(sum(json_array_length(f.new_fractures)), 0) FROM follow_ups f
     WHERE f.consultation_id = r.id AND f.status = 'finalized' AND f.new_fractures <> '[]'
       AND json_valid(f.new_fractures))
FROM (
  SELECT c.id, c.started_at, decision, path,
    (instr(decision, '"sureOfChoice":true') > 0) + (instr(decision, '"knowsBenefitsAndRisks":true') > 0)
      + (instr(decision, '"clearAboutValues":true') > 0) + (instr(decision, '"enoughSupport":true') > 0) AS sure_true,
    (instr(decision, '"sureOfChoice":false') > 0) + (instr(decision, '"knowsBenefitsAndRisks":false') > 0)
      + (instr(decision, '"clearAboutValues":false') > 0) + (instr(decision, '"enoughSupport":false') > 0) AS sure_false,
    instr(findings, '"fracturedLevels":[{') > 0 AS fractured
  FROM (
    SELECT c.id, c.started_at,
      coalesce(af.after, c.findings) AS findings,
      coalesce(ad.after, d.details, '{}') AS decision,
      CASE WHEN ad.id IS NULL THEN d.path WHEN json_valid(ad.after) THEN json_extract(ad.after, '$.path') END AS path
    FROM consultations c
      LEFT JOIN decisions d ON d.consultation_id = c.id
      LEFT JOIN amendments af ON af.id = (SELECT max(a.id) FROM amendments a
                                          WHERE a.consultation_id = c.id AND a.section = 'findings')
      LEFT JOIN amendments ad ON ad.id = (SELECT max(a.id) FROM amendments a
                                          WHERE a.consultation_id = c.id AND a.section = 'decision')
    WHERE c.status = 'finalized'
  ) c
) r;

-- The follow-up's complication ids (contract: followUpComplications), found as core writes the list
-- ('["cement-leak"]'), and 'other' for a complication in words.
INSERT INTO overview_fact_complications (consultation_id, complication, started_at, visits)
SELECT f.consultation_id, k.id, c.started_at, count(*)
FROM consultations c
  JOIN follow_ups f ON f.consultation_id = c.id
  JOIN (SELECT 'cement-leak' AS id UNION ALL SELECT 'spinal-canal' UNION ALL SELECT 'lung-embolism'
        UNION ALL SELECT 'adjacent-fracture' UNION ALL SELECT 'infection-bleeding') k
    ON f.complications <> '[]' AND instr(f.complications, '"' || k.id || '"') > 0
WHERE c.status = 'finalized' AND f.status = 'finalized'
GROUP BY f.consultation_id, k.id
UNION ALL
SELECT f.consultation_id, 'other', c.started_at, count(*)
FROM consultations c JOIN follow_ups f ON f.consultation_id = c.id
WHERE c.status = 'finalized' AND f.status = 'finalized' AND f.complications_other <> ''
GROUP BY f.consultation_id;
