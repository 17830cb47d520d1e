/**
 * What the patient screen shows. The state lives in core; the doctor console
 * asks for changes, core pushes `presentation.changed` to every window.
 */
import { z } from 'zod';
import { BOTH, DOCTOR_ONLY, call, event } from './define.js';
import { LIMITS, deckIdSchema, emptyInput, languageSchema, uuidSchema } from './common.js';

export const blankModes = ['none', 'black', 'white'] as const;
export const spineLevels = [
  'T1',
  'T2',
  'T3',
  'T4',
  'T5',
  'T6',
  'T7',
  'T8',
  'T9',
  'T10',
  'T11',
  'T12',
  'L1',
  'L2',
  'L3',
  'L4',
  'L5',
] as const;
export const spineLevelSchema = z.enum(spineLevels);
export const genantGradeSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export const fracturedLevelSchema = z.strictObject({ level: spineLevelSchema, grade: genantGradeSchema });
export type FracturedLevel = z.infer<typeof fracturedLevelSchema>;
/** A level on the patient's own spine: fractured, and whether it is planned for augmentation. */
export const patientSpineLevelSchema = fracturedLevelSchema.extend({ planned: z.boolean().optional() });
export type PatientSpineLevel = z.infer<typeof patientSpineLevelSchema>;

export const positionSchema = z.object({
  deckId: deckIdSchema.nullable(),
  slideIndex: z.int().min(0),
  fragment: z.int().min(0),
});
export type Position = z.infer<typeof positionSchema>;

/** A mark drawn on a slide, in coordinates relative to the slide (0..1). */
/** A point on the slide, 0–1 of its width and height. */
const slidePoint = z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)]);
const strokeColour = z.enum(['red', 'yellow', 'blue']);

export const strokeSchema = z.strictObject({
  colour: strokeColour,
  points: z.array(slidePoint).min(1).max(2000),
});
export type Stroke = z.infer<typeof strokeSchema>;

/** Longest run of points one ink delta may carry (a pen move sends the few points drawn since the last one). */
export const INK_DELTA_POINTS = 200;

/**
 * What changed on the slide between two full states while the doctor points or draws: the laser's new
 * place, or the points just added to the stroke being drawn. Small, so a move reaches the patient screen
 * within a frame; it applies only on top of the full state of the same `epoch` and `revision`. The end of a
 * gesture is a full state (pointer gone, stroke kept), so a lost delta heals with the next heartbeat.
 */
export const marksDeltaSchema = z.object({
  epoch: z.string(),
  revision: z.int(),
  pointer: slidePoint.optional(),
  /** Points added to the stroke being drawn; `from` is the index of the first (0 starts a new stroke). */
  ink: z.object({ colour: strokeColour, from: z.int().min(0), points: z.array(slidePoint) }).optional(),
});
export type MarksDelta = z.infer<typeof marksDeltaSchema>;

/**
 * "Your progress" (issue 15, item 5): the patient's pain over time as the patient screen charts it, put
 * into the state by core when the doctor chooses it. Derived, never a record: no name, no hospital number,
 * no id and no date, only days after the patient's first consultation.
 */
export const progressSchema = z.strictObject({
  /** Pain (NRS 0–10) at a consultation or a visit, `day` days after the first consultation. */
  points: z
    .array(
      z.strictObject({
        day: z.int().min(0),
        pain: z.int().min(0).max(10),
        kind: z.enum(['consultation', 'visit']),
      }),
    )
    .max(500),
  /** Days of the procedures after the first consultation. */
  procedures: z.array(z.int()).max(50),
});
export type Progress = z.infer<typeof progressSchema>;

export const presentationStateSchema = z.object({
  /** This run of core: a new one (after a restart) starts its revisions again. */
  epoch: z.string(),
  /** Increases with every change, so windows can drop stale pushes. */
  revision: z.int(),
  /**
   * A consultation is open: the patient screen welcomes the patient (clinic name only, never who)
   * instead of the idle page, and slide views are recorded.
   */
  consultationOpen: z.boolean(),
  playlist: z.array(deckIdSchema),
  language: languageSchema,
  position: positionSchema,
  blank: z.enum(blankModes),
  /** The open consultation's fractured levels (as saved), for the "your spine" slide; null when none is open. */
  spine: z.array(patientSpineLevelSchema).nullable(),
  /** Drawn marks of the current slide. */
  strokes: z.array(strokeSchema),
  /** Laser pointer position on the current slide, or null. */
  pointer: z.tuple([z.number(), z.number()]).nullable(),
  startedAt: z.string().nullable(),
  /**
   * Where `presentation.next` would go: a build on this slide, the next slide, or the next deck's first
   * slide; null at the end of the playlist. The console's "next" preview shows it.
   */
  next: positionSchema.nullable(),
  /** "Your progress" on the patient screen, over the slides; null: not shown. */
  progress: progressSchema.nullable(),
});
export type PresentationState = z.infer<typeof presentationStateSchema>;

const state = presentationStateSchema;

export const presentationCalls = {
  'presentation.get': call({ input: emptyInput, output: state, roles: BOTH }),
  /** Leave the idle screen and show the current slide (F5). */
  'presentation.start': call({ input: emptyInput, output: state, roles: DOCTOR_ONLY }),
  /** Back to the calm idle screen. */
  'presentation.stop': call({ input: emptyInput, output: state, roles: DOCTOR_ONLY }),
  /** Next fragment, else next slide (starts presenting if idle), else first slide of the next deck. */
  'presentation.next': call({ input: emptyInput, output: state, roles: DOCTOR_ONLY }),
  'presentation.prev': call({ input: emptyInput, output: state, roles: DOCTOR_ONLY }),
  /** Jump to a slide of a deck in the playlist ('last' = its last slide). */
  'presentation.goto': call({
    input: z.strictObject({
      deckId: deckIdSchema,
      slideIndex: z.union([z.int().min(0).max(10_000), z.literal('last')]),
      fragment: z.int().min(0).max(100).optional(),
    }),
    output: state,
    roles: DOCTOR_ONLY,
  }),
  'presentation.setBlank': call({
    input: z.strictObject({ blank: z.enum(blankModes) }),
    output: state,
    roles: DOCTOR_ONLY,
  }),
  'presentation.setPlaylist': call({
    input: z.strictObject({ playlist: z.array(deckIdSchema).max(LIMITS.playlist) }),
    output: state,
    roles: DOCTOR_ONLY,
  }),
  /** Switch language and keep the place (same slide id). */
  'presentation.setLanguage': call({
    input: z.strictObject({ language: languageSchema }),
    output: state,
    roles: DOCTOR_ONLY,
  }),
  'presentation.showSpine': call({
    input: z.strictObject({ levels: z.array(fracturedLevelSchema).max(17).nullable() }),
    output: state,
    roles: DOCTOR_ONLY,
  }),
  /**
   * Shows the patient's pain over time on the patient screen ("your progress"), or takes it away (null).
   * Core derives the points from the record (no identifier in them); any navigation, a blank screen, and
   * opening, closing or starting a consultation take it away too.
   */
  'presentation.showProgress': call({
    input: z.strictObject({ patientId: uuidSchema.nullable() }),
    output: state,
    roles: DOCTOR_ONLY,
  }),
  'presentation.addStroke': call({
    input: z.strictObject({ stroke: strokeSchema }),
    output: state,
    roles: DOCTOR_ONLY,
  }),
  'presentation.clearStrokes': call({
    input: z.strictObject({ scope: z.enum(['slide', 'all']) }),
    output: state,
    roles: DOCTOR_ONLY,
  }),
  /**
   * The laser pointer: a position moves it (pushed as a small `presentation.marks` delta, the state's
   * revision unchanged); null takes it away (a full state).
   */
  'presentation.setPointer': call({
    input: z.strictObject({ pointer: slidePoint.nullable() }),
    output: z.object({ revision: z.int() }),
    roles: DOCTOR_ONLY,
  }),
  /**
   * Points drawn since the last call, added to the stroke being drawn on the current slide (`start` begins
   * a new one) and pushed as a `presentation.marks` delta. `presentation.addStroke` then keeps the whole stroke.
   */
  'presentation.ink': call({
    input: z.strictObject({
      colour: strokeColour,
      start: z.boolean(),
      points: z.array(slidePoint).min(1).max(INK_DELTA_POINTS),
    }),
    output: z.object({ revision: z.int() }),
    roles: DOCTOR_ONLY,
  }),
} as const;

/**
 * Sent by core twice a second to every window: the revisions it has now. A window behind (a push lost,
 * a socket that opened late) or on another epoch (core restarted) fetches a full snapshot.
 */
export const syncHeartbeatSchema = z.object({
  epoch: z.string(),
  presentation: z.int(),
  /** Changes of the open record and of settings (the doctor window follows them). */
  record: z.int(),
  settings: z.int(),
});
export type SyncHeartbeat = z.infer<typeof syncHeartbeatSchema>;

export const presentationEvents = {
  'presentation.changed': event({ payload: state, roles: BOTH }),
  'presentation.marks': event({ payload: marksDeltaSchema, roles: BOTH }),
  'sync.heartbeat': event({ payload: syncHeartbeatSchema, roles: BOTH }),
} as const;
