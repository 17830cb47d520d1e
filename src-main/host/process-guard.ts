/**
 * The host serves a consultation in progress: an error no handler caught (a library's stray stream
 * event, a rejected promise nobody awaited) is written to the log and the host keeps serving, rather
 * than ending with the doctor's windows still open. Every store write is a transaction, so nothing is
 * left half-written by an error thrown between two of them.
 */
export function installProcessGuard(
  log: (message: string) => void = (m) => process.stderr.write(`${m}\n`),
): () => void {
  const onException = (error: unknown): void => {
    log(
      `[consultdeck] unexpected error, still serving: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  };
  const onRejection = (reason: unknown): void => {
    log(
      `[consultdeck] unhandled rejection, still serving: ${reason instanceof Error ? reason.message : String(reason)}`,
    );
  };
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);
  return () => {
    process.off('uncaughtException', onException);
    process.off('unhandledRejection', onRejection);
  };
}
