/**
 * The practice overview (issue 15, item 4): figures over the finalized
 * consultations of a date range, without names or hospital numbers, and its
 * CSV export. Doctor window only. Every figure is defined here once; the
 * console shows the definitions next to the figures and ARCHITECTURE.md
 * repeats them.
 */
import { z } from 'zod';
import { DOCTOR_ONLY, call } from './define.js';
import { isoDateSchema } from './consultations.js';
import { exportedFileSchema } from './exports.js';
import { followUpComplications } from './follow-ups.js';

/**
 * The decision paths as the overview counts them: an augmentation is split by the procedure chosen
 * (balloon kyphoplasty, vertebroplasty, or not chosen yet in the signed record).
 */
export const overviewPaths = [
  'conservative',
  'balloon-kyphoplasty',
  'vertebroplasty',
  'augmentation-unspecified',
  'referred',
  'undecided',
] as const;
export type OverviewPath = (typeof overviewPaths)[number];

/** Complications as counted: the follow-up's risk ids, and "other" for any complication in words. */
export const overviewComplications = [...followUpComplications, 'other'] as const;
export type OverviewComplication = (typeof overviewComplications)[number];

/** A visit within this many days after the consultation day counts as "within 3 months". */
export const BONE_MEDICINE_WINDOW_DAYS = 92;

export const overviewRangeSchema = z
  .strictObject({
    /** First consultation day counted (local), or null: from the first record. */
    from: isoDateSchema.nullable(),
    /** Last consultation day counted (local, inclusive), or null: up to today. */
    to: isoDateSchema.nullable(),
  })
  .refine((range) => range.from === null || range.to === null || range.from <= range.to, {
    message: 'the first day lies after the last day',
    path: ['to'],
  });
export type OverviewRange = z.infer<typeof overviewRangeSchema>;

const count = z.int().min(0);

export const overviewSchema = z.object({
  from: isoDateSchema.nullable(),
  to: isoDateSchema.nullable(),
  /** Finalized consultations whose day lies in the range. */
  consultations: count,
  /** Signed follow-up visits of those consultations. */
  visits: count,
  /** Consultations per decision path (as amended). */
  paths: z.array(z.object({ path: z.enum(overviewPaths), count })),
  /**
   * Osteoporosis medicine started within 3 months. Denominator: consultations with at least one fractured
   * level recorded (as amended). Numerator: those whose bone-health plan says medicine `started` or
   * `continued`, or with a signed visit within 92 days after the consultation day whose bone medicine is
   * `started` or `taking`.
   */
  boneMedicine: z.object({ numerator: count, denominator: count }),
  /** SURE scores 0–4 of the consultations (as amended); `score` null: not asked or not all four answered. */
  sure: z.array(z.object({ score: z.int().min(0).max(4).nullable(), count })),
  /**
   * Complications reported at signed visits: `consultations` with at least one visit reporting it, and the
   * number of `visits` reporting it.
   */
  complications: z.array(z.object({ id: z.enum(overviewComplications), consultations: count, visits: count })),
  /** New fractures at signed visits: consultations with any, visits with any, and levels reported in all. */
  newFractures: z.object({ consultations: count, visits: count, levels: count }),
});
export type Overview = z.infer<typeof overviewSchema>;

export const overviewCalls = {
  /** The practice overview over the finalized consultations of the range. */
  'overview.get': call({ input: overviewRangeSchema, output: overviewSchema, roles: DOCTOR_ONLY }),
  /**
   * The overview as CSV in the export folder (0600, written whole or not at all), audited before and after
   * the write like every export. No names, codes or hospital numbers are in it.
   */
  'overview.exportCsv': call({
    input: overviewRangeSchema,
    output: z.object({ file: exportedFileSchema }),
    roles: DOCTOR_ONLY,
  }),
} as const;
