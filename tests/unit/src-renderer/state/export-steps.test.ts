import { describe, expect, it } from 'vitest';
import { CallError } from '../../../../src-renderer/api/client.js';
import { errorMessage, exportSteps } from '../../../../src-renderer/state/export-steps.js';

describe('export dialog steps', () => {
  it('exports one consultation per call (for the progress bar), the register once for all', () => {
    expect(exportSteps(['a', 'b'], ['clinician-pdf', 'register-csv', 'fhir-json'])).toEqual([
      { kind: 'clinician-pdf', consultationIds: ['a'] },
      { kind: 'fhir-json', consultationIds: ['a'] },
      { kind: 'clinician-pdf', consultationIds: ['b'] },
      { kind: 'fhir-json', consultationIds: ['b'] },
      { kind: 'register-csv', consultationIds: ['a', 'b'] },
    ]);
  });

  it('splits a register of more than 100 consultations into files the contract accepts', () => {
    const ids = Array.from({ length: 250 }, (_, i) => `id-${i}`);
    expect(exportSteps(ids, ['register-csv']).map((s) => s.consultationIds.length)).toEqual([100, 100, 50]);
    expect(exportSteps(ids, [])).toEqual([]);
  });

  it("shows core's message, and a plain one when core could not be reached", () => {
    expect(errorMessage(new CallError({ code: 'DISK_FULL', message: 'The disk is full.' }))).toBe('The disk is full.');
    expect(errorMessage(new TypeError('Failed to fetch'))).toMatch(/could not be reached/);
  });
});
