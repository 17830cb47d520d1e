/**
 * Assembles the per-area handlers into one table. A missing handler, or one
 * filed under the wrong area, is a compile error. `dispatch` is the only way
 * in for both transports: it checks the caller's role, validates the input
 * against the contract, runs the handler, and validates the output.
 */
import type { z } from 'zod';
import { LOCK_SCREEN_CALLS, calls, isCallName } from '../../src-shared/contract/index.js';
import { ApiError, type ErrorBody } from '../../src-shared/errors.js';
import type { CallResult } from '../../src-shared/envelope.js';
import type { CallContext } from './context.js';
import type { Handlers } from './handler.js';
import { appApi } from './api/app.js';
import { decksApi } from './api/decks.js';
import { presentationApi } from './api/presentation.js';
import { sessionApi } from './api/session.js';
import { displaysApi } from './api/displays.js';
import { patientsApi } from './api/patients.js';
import { consultationsApi } from './api/consultations.js';
import { notesApi } from './api/notes.js';
import { settingsApi } from './api/settings.js';
import { exportsApi } from './api/exports.js';
import { maintenanceApi } from './api/maintenance.js';
import { followUpsApi } from './api/follow-ups.js';
import { overviewApi } from './api/overview.js';
import { boneHealthApi } from './api/bone-health.js';

export const handlers: Handlers = {
  ...appApi,
  ...decksApi,
  ...presentationApi,
  ...sessionApi,
  ...displaysApi,
  ...patientsApi,
  ...consultationsApi,
  ...notesApi,
  ...settingsApi,
  ...exportsApi,
  ...maintenanceApi,
  ...followUpsApi,
  ...overviewApi,
  ...boneHealthApi,
};

/** The first issue of a zod error as a message that names the field. */
export function validationError(error: z.ZodError, prefix = ''): ApiError {
  const issue = error.issues[0];
  // An unknown key is named as the field, so the message points at it.
  const extra = issue?.code === 'unrecognized_keys' ? (issue.keys[0] ?? '') : '';
  const field = [prefix, ...(issue?.path ?? []).map(String), extra].filter(Boolean).join('.') || '(input)';
  return new ApiError('VALIDATION', `${field}: ${issue?.message ?? 'invalid'}`, field);
}

function isSqliteError(error: unknown): error is Error & { code: string } {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string';
}

/** Maps anything a handler throws to the envelope's error body. */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof ApiError) return error.toBody();
  if (isSqliteError(error) && error.code === 'SQLITE_FULL') {
    return {
      code: 'DISK_FULL',
      message: 'The disk is full, so this was not saved. Free some space; your earlier text is safe.',
    };
  }
  console.error('[consultdeck] unexpected error', error);
  return { code: 'INTERNAL', message: 'Something went wrong inside ConsultDeck. Nothing was changed.' };
}

export async function dispatch(name: unknown, rawInput: unknown, ctx: CallContext): Promise<CallResult<unknown>> {
  try {
    if (!isCallName(name)) throw new ApiError('NOT_FOUND', `Unknown call ${String(name)}.`);
    const spec = calls[name];
    // The role check comes first: the patient screen learns nothing about a
    // records call, not even whether its input would have been valid.
    if (!spec.roles.includes(ctx.caller.role)) {
      throw new ApiError('FORBIDDEN', `The ${ctx.caller.role} window may not call ${name}.`);
    }
    // A locked console is locked for the API too (issue 11, M7): a doctor window may make only the lock
    // screen's calls and those the patient screen may make (no records in them) until it is unlocked.
    if (
      ctx.caller.role === 'doctor' &&
      !spec.roles.includes('patient') &&
      !(LOCK_SCREEN_CALLS as readonly string[]).includes(name) &&
      ctx.services.lock.locked
    ) {
      throw new ApiError('LOCKED', 'ConsultDeck is locked. Unlock it first.');
    }
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) throw validationError(parsed.error);
    const handler = handlers[name] as (input: unknown, ctx: CallContext) => unknown;
    const value = await handler(parsed.data, ctx);
    const checked = spec.output.safeParse(value);
    if (!checked.success) {
      console.error('[consultdeck] handler output does not match contract', name, checked.error.issues);
      throw new ApiError('INTERNAL', `The answer to ${name} did not match the contract.`);
    }
    return { ok: true, value: checked.data };
  } catch (error) {
    return { ok: false, error: toErrorBody(error) };
  }
}
