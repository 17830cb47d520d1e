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

/**
 * Runs `work` once the window has had `afterMs` to finish starting and then nothing else to do: work that can
 * wait (fetching the next tab's code, the idle page's decks) must not compete with the start-up, which on a
 * 2-core machine shares the processor with the other window and the host.
 */
export function whenIdle(work: () => void, afterMs = 0): void {
  setTimeout(() => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => work(), { timeout: 2000 });
    else work();
  }, afterMs);
}
