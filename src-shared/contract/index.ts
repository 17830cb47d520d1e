/**
 * The one definition of every call and event. Each area lives in its own
 * file; this module merges them. Types are `z.infer` of the schemas.
 */
import type { z } from 'zod';
import { appCalls, appEvents } from './app.js';
import { decksCalls } from './decks.js';
import { presentationCalls, presentationEvents } from './presentation.js';
import { sessionCalls, sessionEvents } from './session.js';
import { displaysCalls, displaysEvents } from './displays.js';
import { patientsCalls } from './patients.js';
import { consultationsCalls, consultationsEvents, notesCalls } from './consultations.js';
import { settingsCalls, settingsEvents } from './settings.js';
import { exportsCalls } from './exports.js';
import { maintenanceCalls, maintenanceEvents } from './maintenance.js';
import { followUpsCalls } from './follow-ups.js';
import { overviewCalls } from './overview.js';
import { boneHealthCalls } from './bone-health-calls.js';

export const calls = {
  ...appCalls,
  ...decksCalls,
  ...presentationCalls,
  ...sessionCalls,
  ...displaysCalls,
  ...patientsCalls,
  ...consultationsCalls,
  ...notesCalls,
  ...settingsCalls,
  ...exportsCalls,
  ...maintenanceCalls,
  ...followUpsCalls,
  ...overviewCalls,
  ...boneHealthCalls,
} as const;

export const events = {
  ...appEvents,
  ...presentationEvents,
  ...sessionEvents,
  ...displaysEvents,
  ...consultationsEvents,
  ...settingsEvents,
  ...maintenanceEvents,
} as const;

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type Events = typeof events;
export type EventName = keyof Events;

export type CallInput<N extends CallName> = z.input<Calls[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Calls[N]['output']>;
export type ParsedInput<N extends CallName> = z.output<Calls[N]['input']>;
export type EventPayload<E extends EventName> = z.output<Events[E]['payload']>;

export const callNames = Object.keys(calls) as CallName[];
export const eventNames = Object.keys(events) as EventName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(calls, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

export * from './common.js';
export * from './define.js';
export * from './app.js';
export * from './maintenance.js';
export * from './decks.js';
export * from './presentation.js';
export * from './session.js';
export * from './displays.js';
export * from './patients.js';
export * from './consultations.js';
export * from './settings.js';
export * from './exports.js';
export * from './what-matters.js';
export * from './follow-ups.js';
export * from './overview.js';
export * from './bone-health.js';
export * from './bone-health-calls.js';
