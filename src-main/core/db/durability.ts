/**
 * How long a write waits for the disk. The database runs in WAL mode with `synchronous = FULL`: every commit
 * waits for the write-ahead log to reach the disk (an fsync), so a signature, an amendment, a correction or an
 * export's audit row survive a power cut. A draft's autosaves (notes, findings, decision, what matters, the
 * bone-health plan: a save a few hundred milliseconds after each pause in typing) commit with `synchronous =
 * NORMAL` instead: the commit is in the log file, safe when ConsultDeck or Chromium is killed (`npm run
 * test:crash` kills the host mid-save and finds every acknowledged save), but reaches the disk with the next
 * full commit or WAL checkpoint (the checkpoint worker; the operating system's writeback within seconds). A power
 * cut can therefore lose the last seconds of a draft's typing, never a signed record, and never leaves the
 * database torn. On these machines an fsync alone takes up to 8 ms at p99 under load (bench:store prints the
 * floor), which is why autosave under 2 ms cannot wait for one.
 */
import type { Db } from './open.js';

/** Runs one synchronous draft write (its own transaction) without waiting for the disk, then restores FULL. */
export function draftWrite<T>(db: Db, write: () => T): T {
  db.pragma('synchronous = NORMAL');
  try {
    return write();
  } finally {
    db.pragma('synchronous = FULL');
  }
}
