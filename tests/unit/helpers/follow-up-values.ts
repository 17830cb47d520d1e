/** A follow-up visit with nothing of note (pain 3/10, limited mobility, simple pain medicine), on `visitDate`. */
import type { FollowUpValues } from '../../../src-shared/contract/index.js';

export function quietVisit(visitDate: string, overrides: Partial<FollowUpValues> = {}): FollowUpValues {
  return {
    visitDate,
    painNow: 3,
    mobility: 'limited',
    painMedication: 'simple',
    complications: [],
    complicationsOther: '',
    newFractures: [],
    note: '',
    ...overrides,
  };
}
