/**
 * One export run of the dialog: the chosen outputs for each consultation, one
 * call per consultation and output so the progress bar moves and a failure
 * stops the run with the files written so far still listed (each call writes
 * all of its files or none). The register is one call for up to 100 consultations.
 */
import type { ExportKind } from '../../src-shared/contract/index.js';
import type { ApiClient } from '../api/client.js';
import { errorMessage, exportSteps } from './export-steps.js';

export class ExportRun {
  readonly #client: ApiClient;
  running = $state(false);
  done = $state(0);
  total = $state(0);
  files = $state<string[]>([]);
  error = $state<string | null>(null);

  constructor(client: ApiClient) {
    this.#client = client;
  }

  /** `folders`: the folder chosen per kind in the desktop app's dialog; else the folder of the settings. */
  async start(
    consultationIds: readonly string[],
    kinds: readonly ExportKind[],
    pseudonymize: boolean,
    folders: Partial<Record<ExportKind, string>> = {},
  ): Promise<void> {
    const steps = exportSteps(consultationIds, kinds);
    this.running = true;
    this.done = 0;
    this.total = steps.length;
    this.files = [];
    this.error = null;
    try {
      for (const step of steps) {
        const folder = folders[step.kind];
        const { files } = await this.#client.call('exports.create', {
          ...step,
          pseudonymize,
          ...(folder ? { folder } : {}),
        });
        this.files = [...this.files, ...files.map((f) => f.path)];
        this.done += 1;
      }
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.running = false;
    }
  }
}
