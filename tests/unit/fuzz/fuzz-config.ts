/** Run counts and seeds of the fuzz suites, from the environment. */

const envInt = (name: string, fallback: number): number => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};

/** Payloads per call through `dispatch` (FUZZ_RUNS lowers it locally). */
export const RUNS = envInt('FUZZ_RUNS', 1000);
/** Payloads per call over each transport (HTTP and WebSocket). */
export const TRANSPORT_RUNS = envInt('FUZZ_TRANSPORT_RUNS', Math.min(100, RUNS));
/** One seed per run of the suite; replay a failure with FUZZ_SEED=<seed> (fc also prints the seed and path). */
export const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : (Date.now() ^ 0x5eed) | 0;

/** A stable seed per test, so one failing property can be replayed on its own. */
export function seedFor(label: string): number {
  let h = SEED | 0;
  for (const char of label) h = (Math.imul(h, 31) + char.charCodeAt(0)) | 0;
  return h;
}
