/**
 * Following core's record revision (see core/changes.ts): `consultations.changed` and the heartbeat say
 * where core is; this window fetches once to catch up — one fetch at a time, and a newer revision seen
 * meanwhile fetches again, so the newest always wins and a missed push heals within a heartbeat.
 */
import type { ApiClient } from '../api/client.js';

export class RecordFollower {
  /** The record revision of core this window has caught up with, in core's run (epoch). */
  #seen = { epoch: '', record: 0 };
  #following: Promise<void> | null = null;
  #followAgain = false;
  readonly #fetch: () => Promise<void>;

  /** `fetch`: takes what core has now; its failure is left to the next push or heartbeat. */
  constructor(client: ApiClient, fetch: () => Promise<void>) {
    this.#fetch = fetch;
    client.on('consultations.changed', ({ revision }) => this.#recordAt(revision));
    client.on('sync.heartbeat', (beat) => {
      if (beat.epoch !== this.#seen.epoch) {
        // Core restarted: its revisions begin again, and everything is fetched afresh.
        this.#seen = { epoch: beat.epoch, record: -1 };
      }
      this.#recordAt(beat.record);
    });
  }

  /** Core's record is at `revision`: catch up once (one fetch at a time, the newest wins). */
  #recordAt(revision: number): void {
    if (revision <= this.#seen.record) return;
    this.#seen.record = revision;
    if (this.#following) {
      this.#followAgain = true;
      return;
    }
    this.#following = (async () => {
      do {
        this.#followAgain = false;
        await this.#fetch().catch(() => undefined);
      } while (this.#followAgain);
      this.#following = null;
    })();
  }
}
