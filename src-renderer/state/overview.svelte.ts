/**
 * The practice overview in the console: the date range, the figures core
 * computed for it, and the CSV export. The figures are a report computed when
 * asked (shown, filter applied, "Refresh"), not live state: recounting every
 * record at each autosave of a consultation would cost the doctor's typing.
 */
import type { ExportedFile, Overview, OverviewRange } from '../../src-shared/contract/index.js';
import type { ApiClient } from '../api/client.js';

export class OverviewModel {
  readonly #client: ApiClient;
  /** The range as typed: '' is an open end. */
  from = $state('');
  to = $state('');
  overview = $state.raw<Overview | null>(null);
  /** When the shown figures were computed (ms since the epoch). */
  computedAt = $state<number | null>(null);
  busy = $state(false);
  error = $state<string | null>(null);
  exported = $state.raw<ExportedFile | null>(null);
  #asked = 0;

  constructor(client: ApiClient) {
    this.#client = client;
  }

  get range(): OverviewRange {
    return { from: this.from === '' ? null : this.from, to: this.to === '' ? null : this.to };
  }

  async load(): Promise<void> {
    const asked = ++this.#asked;
    this.busy = true;
    this.error = null;
    try {
      const overview = await this.#client.call('overview.get', this.range);
      // A late answer for an older range is dropped.
      if (asked !== this.#asked) return;
      this.overview = overview;
      this.computedAt = Date.now();
    } catch (error) {
      if (asked === this.#asked) this.error = messageOf(error);
    } finally {
      if (asked === this.#asked) this.busy = false;
    }
  }

  clear(): Promise<void> {
    this.from = '';
    this.to = '';
    return this.load();
  }

  /** Writes the CSV of the range; the file is shown only once core says it landed. */
  async exportCsv(): Promise<void> {
    this.busy = true;
    this.error = null;
    this.exported = null;
    try {
      this.exported = (await this.#client.call('overview.exportCsv', this.range)).file;
    } catch (error) {
      this.error = messageOf(error);
    } finally {
      this.busy = false;
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong.';
}
