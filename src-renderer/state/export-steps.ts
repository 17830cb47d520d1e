/** The calls of an export run, apart from its state so they can be tested without Svelte. */
import { MAX_EXPORT_BATCH, type ExportKind } from '../../src-shared/contract/index.js';
import { CallError } from '../api/client.js';

export interface ExportStep {
  kind: ExportKind;
  consultationIds: string[];
}

/** The calls of a run, in order: per consultation, then the register. */
export function exportSteps(consultationIds: readonly string[], kinds: readonly ExportKind[]): ExportStep[] {
  const perRecord = kinds.filter((kind) => kind !== 'register-csv');
  const steps: ExportStep[] = consultationIds.flatMap((id) =>
    perRecord.map((kind) => ({ kind, consultationIds: [id] })),
  );
  if (kinds.includes('register-csv')) {
    for (let i = 0; i < consultationIds.length; i += MAX_EXPORT_BATCH) {
      steps.push({ kind: 'register-csv', consultationIds: consultationIds.slice(i, i + MAX_EXPORT_BATCH) });
    }
  }
  return steps;
}

export function errorMessage(error: unknown): string {
  if (error instanceof CallError) return error.message;
  return 'ConsultDeck could not be reached. Check that it is still running, then try again.';
}
