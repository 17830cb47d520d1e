/**
 * The bone-health plan of a consultation (migration 0009 `bone_health_plans`):
 * one row once something was saved; no row reads as "nothing recorded", so a
 * record from before the migration shows every item not recorded. The row's
 * `revision` is core's, like a note's: a save based on an older one that would
 * change the plan is refused with CONFLICT (records/revisions.ts).
 */
import { NO_BONE_HEALTH_PLAN, boneHealthPlanSchema, type BoneHealthPlan } from '../../../src-shared/contract/index.js';
import type { Services } from '../context.js';
import type { Db } from '../db/open.js';
import { draftWrite } from '../db/durability.js';
import { recordChange, requireDraft } from './consultation-rows.js';
import { refreshOverviewFacts } from './overview-facts.js';
import { checkBase } from './revisions.js';

interface PlanRow {
  dxa: string;
  t_score_spine: number | null;
  t_score_hip: number | null;
  medicine: string;
  medicine_name: string;
  falls_assessment: string;
  calcium_vitamin_d: string;
  fls_referral: string;
  revision: number;
}

function readRow(db: Db, consultationId: string): PlanRow | undefined {
  return db.prepare('SELECT * FROM bone_health_plans WHERE consultation_id = ?').get(consultationId) as
    PlanRow | undefined;
}

function toPlan(row: PlanRow | undefined): BoneHealthPlan {
  if (!row) return { ...NO_BONE_HEALTH_PLAN };
  const parsed = boneHealthPlanSchema.safeParse({
    dxa: row.dxa,
    tScoreSpine: row.t_score_spine,
    tScoreHip: row.t_score_hip,
    medicine: row.medicine,
    medicineName: row.medicine_name,
    fallsAssessment: row.falls_assessment,
    calciumVitaminD: row.calcium_vitamin_d,
    flsReferral: row.fls_referral,
  });
  // A row this version cannot read (a value from a newer version) is shown as nothing recorded, never guessed.
  return parsed.success ? parsed.data : { ...NO_BONE_HEALTH_PLAN };
}

export function readBoneHealth(db: Db, consultationId: string): BoneHealthPlan {
  return toPlan(readRow(db, consultationId));
}

export function boneHealthRevision(db: Db, consultationId: string): number {
  return readRow(db, consultationId)?.revision ?? 0;
}

/** Whether a plan row exists (a saved plan, even one set back to "not recorded"). */
export function hasBoneHealthRow(db: Db, consultationId: string): boolean {
  return db.prepare('SELECT 1 FROM bone_health_plans WHERE consultation_id = ?').get(consultationId) !== undefined;
}

/** T-scores to one decimal, as a DXA report gives them; the medicine's name trimmed. */
export function normalizePlan(plan: BoneHealthPlan): BoneHealthPlan {
  const round = (t: number | null) => (t === null ? null : Math.round(t * 10) / 10);
  return {
    ...plan,
    tScoreSpine: round(plan.tScoreSpine),
    tScoreHip: round(plan.tScoreHip),
    medicineName: plan.medicineName.trim(),
  };
}

/** Replaces a draft's plan in one transaction, audited with the coded values only (never the medicine's name). */
export function writeBoneHealth(
  services: Services,
  consultationId: string,
  plan: BoneHealthPlan,
  baseRevision: number,
): void {
  const { db } = services;
  draftWrite(db, () =>
    db
      .transaction(() => {
        requireDraft(db, consultationId, 'consultationId');
        const row = readRow(db, consultationId);
        const before = toPlan(row);
        const after = normalizePlan(plan);
        if (row && JSON.stringify(before) === JSON.stringify(after)) return;
        checkBase('boneHealth', baseRevision, { revision: row?.revision ?? 0, value: () => before });
        const revision = (row?.revision ?? 0) + 1;
        const at = recordChange(
          services,
          consultationId,
          'consultation.update',
          `section=boneHealth dxa=${after.dxa} medicine=${after.medicine} revision=${revision}`,
        );
        db.prepare(
          `INSERT INTO bone_health_plans (consultation_id, dxa, t_score_spine, t_score_hip, medicine, medicine_name,
         falls_assessment, calcium_vitamin_d, fls_referral, revision, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (consultation_id) DO UPDATE SET dxa = excluded.dxa, t_score_spine = excluded.t_score_spine,
         t_score_hip = excluded.t_score_hip, medicine = excluded.medicine, medicine_name = excluded.medicine_name,
         falls_assessment = excluded.falls_assessment, calcium_vitamin_d = excluded.calcium_vitamin_d,
         fls_referral = excluded.fls_referral, revision = excluded.revision, updated_at = excluded.updated_at`,
        ).run(
          consultationId,
          after.dxa,
          after.tScoreSpine,
          after.tScoreHip,
          after.medicine,
          after.medicineName,
          after.fallsAssessment,
          after.calciumVitaminD,
          after.flsReferral,
          revision,
          at,
        );
        refreshOverviewFacts(db, consultationId);
      })
      .immediate(),
  );
}
