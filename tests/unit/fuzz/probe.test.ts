import { it } from 'vitest';
import { z } from 'zod';
import fc from 'fast-check';
import { calls } from '../../../src-shared/contract/index.js';
it('probe', async () => {
  console.log(JSON.stringify(z.toJSONSchema(calls['presentation.setPointer'].input, { io: 'input', unrepresentable: 'any' })));
  console.log(JSON.stringify(z.toJSONSchema(calls['presentation.showSpine'].input, { io: 'input', unrepresentable: 'any' })));
  console.log(JSON.stringify(z.toJSONSchema(calls['consultations.confirmRisks'].input, { io: 'input', unrepresentable: 'any' })));
  const d = fc.sample(fc.dictionary(fc.constantFrom('__proto__', 'a'), fc.nat()), { numRuns: 10, seed: 1 });
  console.log(d.map((o) => JSON.stringify(o) + Object.keys(o).join('|')));
  console.log(fc.sample(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), { numRuns: 2000, seed: 2 }).filter((s) => !s.isWellFormed()).length);
  console.log(fc.sample(fc.anything(), { numRuns: 2000, seed: 2 }).filter((s) => s && typeof s === 'object' && Object.hasOwn(s, '__proto__')).length);
});
