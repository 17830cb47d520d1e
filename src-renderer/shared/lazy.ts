/**
 * A part of a window loaded on first use (a code-split chunk): the first call starts the import, later calls
 * share it; a failed load (a file missing mid-update) is tried again on the next call rather than remembered.
 */
export function lazily<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () =>
    (pending ??= load().catch((error: unknown) => {
      pending = null;
      throw error;
    }));
}

/** Runs `work` once the window has nothing else to do (its start-up painted), so it never delays that. */
export function whenIdle(work: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => work());
  else setTimeout(work, 0);
}
