/**
 * What changed, for the windows: core announces every change of the open
 * record (`consultations.changed`) and of settings (`settings.changed`) the way
 * it announces the presentation, each with a revision that only grows; and
 * twice a second a heartbeat with all revisions, so a window that missed a
 * push (or connected late) sees it is behind and fetches a snapshot.
 */
import type { CallName, EventName, EventPayload, SyncHeartbeat } from '../../src-shared/contract/index.js';
import type { Db } from './db/open.js';
import type { PresentationStore } from './presentation/store.js';
import { readSettings } from './records/settings.js';

/** Sends an event to every window that may receive it. */
export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** Calls that change what the record shows: every doctor call of these areas that is not a read. */
const RECORD_AREAS = new Set(['consultations', 'notes', 'patients', 'followUps', 'boneHealth']);
const READS = new Set(['get', 'current', 'history', 'search', 'list', 'timeline']);

export function changesRecord(name: CallName): boolean {
  const [area = '', verb = ''] = name.split('.');
  return RECORD_AREAS.has(area) && !READS.has(verb);
}

export class ChangeFeed {
  readonly #emit: Emit;
  readonly #db: Db;
  readonly #presentation: PresentationStore;
  #record = 0;
  #settings = 0;

  constructor(emit: Emit, db: Db, presentation: PresentationStore) {
    this.#emit = emit;
    this.#db = db;
    this.#presentation = presentation;
  }

  record(): void {
    this.#record += 1;
    this.#emit('consultations.changed', { revision: this.#record });
  }

  settings(): void {
    this.#settings += 1;
    this.#emit('settings.changed', { revision: this.#settings, settings: readSettings(this.#db) });
  }

  heartbeat(): SyncHeartbeat {
    const { epoch, revision } = this.#presentation.state;
    return { epoch, presentation: revision, record: this.#record, settings: this.#settings };
  }
}
