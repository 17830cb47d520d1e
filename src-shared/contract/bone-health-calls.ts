/**
 * The calls of the bone-health plan (kept apart from its schemas, which the
 * record's schema in consultations.ts uses: the call answers the record).
 */
import { z } from 'zod';
import { DOCTOR_ONLY, call } from './define.js';
import { uuidSchema } from './common.js';
import { baseRevisionSchema } from './common.js';
import { consultationRecordSchema } from './consultations.js';
import { boneHealthPlanSchema } from './bone-health.js';

export const boneHealthCalls = {
  /**
   * Replaces the bone-health plan of a draft (LOCKED once signed). `baseRevision` is the plan's revision
   * (`revisions.boneHealth` of the record) the edit was based on: an older one that would change the plan
   * answers CONFLICT with the plan saved since; the same plan again is accepted whatever its base (a retry).
   */
  'boneHealth.save': call({
    input: z.strictObject({ consultationId: uuidSchema, plan: boneHealthPlanSchema, baseRevision: baseRevisionSchema }),
    output: consultationRecordSchema,
    roles: DOCTOR_ONLY,
  }),
} as const;
