/** Small helpers that give every contract entry the same shape. */
import type { z } from 'zod';

/** Which window may make a call or receive an event. */
export type Role = 'doctor' | 'patient';

export interface CallSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  /** Windows allowed to make this call; everything else gets FORBIDDEN. */
  roles: readonly Role[];
}

export interface EventSpec<P extends z.ZodType> {
  payload: P;
  /** Windows that receive this event. */
  roles: readonly Role[];
}

export function call<I extends z.ZodType, O extends z.ZodType>(spec: CallSpec<I, O>): CallSpec<I, O> {
  return spec;
}

export function event<P extends z.ZodType>(spec: EventSpec<P>): EventSpec<P> {
  return spec;
}

export const DOCTOR_ONLY: readonly Role[] = ['doctor'];
export const BOTH: readonly Role[] = ['doctor', 'patient'];
