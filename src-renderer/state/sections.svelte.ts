/**
 * Which section of the doctor console is shown: the tabs set it, and so does
 * the desktop app's View menu (core pushes `app.showSection`).
 */
import type { ConsoleSection } from '../../src-shared/contract/index.js';
import type { ApiClient } from '../api/client.js';

export class SectionsModel {
  current = $state<ConsoleSection>('present');

  constructor(client: ApiClient) {
    client.on('app.showSection', ({ section }) => this.show(section));
  }

  show(section: ConsoleSection): void {
    this.current = section;
  }
}
