/**
 * The doctor console's Record and Settings tabs, driven as a physician would:
 * by labels and roles. Only a few components carry test ids (the save state
 * of the notes, the red-flag warning, the signed line); those are used where
 * a role alone would be ambiguous.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export interface NewPatient {
  name: string;
  birthYear: string;
  sex: 'Female' | 'Male' | 'Other' | 'Not recorded';
}

export class RecordPanel {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  // ---- tabs and settings ----------------------------------------------------

  async openTab(name: 'Present' | 'Record' | 'Settings'): Promise<void> {
    const tab = this.page.getByRole('navigation', { name: 'Console sections' }).getByRole('button', { name });
    await tab.click();
    await expect(tab).toHaveAttribute('aria-pressed', 'true');
  }

  async setPhysicianName(name: string): Promise<void> {
    await this.openTab('Settings');
    const field = this.page.getByLabel('Physician name');
    await expect(field).toBeEditable();
    await field.fill(name);
    await this.page.getByRole('button', { name: 'Save settings' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: /^Saved at/ })).toBeVisible();
  }

  // ---- patient and start ----------------------------------------------------

  get root(): Locator {
    return this.page.getByTestId('record-panel');
  }

  get patientSearch(): Locator {
    return this.page.getByRole('searchbox', { name: 'Find a patient' });
  }

  /** Searches for the patient by name; creates them with "New patient…" when nobody is found. */
  async findOrCreatePatient(patient: NewPatient): Promise<void> {
    await this.patientSearch.fill(patient.name);
    const found = this.page.getByRole('list', { name: 'Matching patients' }).getByRole('button', {
      name: new RegExp(`^${patient.name}`),
    });
    const nobody = this.page.getByText(`Nobody found for “${patient.name}”.`);
    await expect(found.or(nobody).first()).toBeVisible();
    if (await found.count()) {
      await found.first().click();
      return;
    }
    await this.page.getByRole('button', { name: 'New patient…' }).click();
    const form = this.page.getByRole('form', { name: 'New patient' });
    await expect(form.getByLabel('Name', { exact: true })).toHaveValue(patient.name);
    await form.getByRole('radio', { name: 'Year only' }).check();
    await form.getByLabel('Year of birth').fill(patient.birthYear);
    await form.getByLabel('Sex').selectOption({ label: patient.sex });
    await form.getByRole('button', { name: 'Create patient' }).click();
  }

  /** The chosen patient's page: heading with the name, "Start new consultation". */
  chosenPatient(name: string): Locator {
    return this.page.getByRole('heading', { name, level: 2 });
  }

  async startConsultation(): Promise<void> {
    await this.page.getByRole('button', { name: 'Start new consultation' }).click();
    await expect(this.header).toHaveAttribute('data-status', 'draft');
  }

  /** "Continue" (a draft) or "View" (a signed record) on the chosen patient's page; the newest first. */
  earlierConsultation(verb: 'Continue' | 'View'): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^${verb} the consultation of`) });
  }

  // ---- the record -------------------------------------------------------------

  get header(): Locator {
    return this.page.getByTestId('record-header');
  }

  get statusBadge(): Locator {
    return this.header.getByText(/^(Draft|Signed)$/);
  }

  get findings(): Locator {
    return this.page.getByRole('group', { name: 'Clinical findings' });
  }

  get painNow(): Locator {
    return this.findings.getByLabel('Pain now');
  }

  grade(level: string): Locator {
    return this.page.getByRole('combobox', { name: `${level} Genant grade` });
  }

  redFlag(name: RegExp | string): Locator {
    return this.findings.getByRole('group', { name: 'Red flags' }).getByRole('checkbox', { name });
  }

  get redFlagWarning(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'Red flag recorded.' });
  }

  get notes(): Locator {
    return this.page.getByRole('textbox', { name: 'Notes', exact: true });
  }

  get notesStatus(): Locator {
    return this.page.getByTestId('notes-status');
  }

  async expectNotesSaved(timeout = 1_500): Promise<void> {
    await expect(this.notesStatus).toHaveText(/^Saved at \d/, { timeout });
  }

  get quickEntry(): Locator {
    return this.page.getByLabel('Quick entry');
  }

  async addQuickEntry(text: string): Promise<void> {
    await this.quickEntry.fill(text);
    await this.page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(this.quickEntry).toHaveValue('');
  }

  get quickEntries(): Locator {
    return this.page.getByRole('list', { name: 'Quick entries' }).getByRole('listitem');
  }

  // ---- risks -------------------------------------------------------------------

  get risks(): Locator {
    return this.page.getByRole('group', { name: 'Risks discussed' });
  }

  /** One line of the checklist: its checkbox and the time its slide was shown. */
  risk(label: string): { row: Locator; checkbox: Locator } {
    const row = this.risks
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('checkbox', { name: label, exact: true }) });
    return { row, checkbox: row.getByRole('checkbox') };
  }

  async confirmRisks(): Promise<void> {
    await this.risks.getByRole('button', { name: 'Confirm risks discussed' }).click();
    await expect(this.risks.getByRole('status')).toHaveText(/^Confirmed at/);
  }

  // ---- decision ----------------------------------------------------------------

  get decision(): Locator {
    return this.page.getByRole('group', { name: 'Decision', exact: true });
  }

  async choosePath(label: 'Undecided' | 'Conservative' | 'Augmentation' | 'Referred'): Promise<void> {
    await this.decision.getByRole('group', { name: 'Path' }).getByRole('radio', { name: label }).check();
  }

  get augmentation(): Locator {
    return this.decision.getByRole('group', { name: 'Augmentation', exact: true });
  }

  /** Answers one SURE question ("Yes", "No", "Not asked"); the question is matched by its start. */
  async answerSure(questionStart: string, answer: 'Yes' | 'No' | 'Not asked'): Promise<void> {
    await this.decision
      .getByRole('group', { name: new RegExp(`^${questionStart}`) })
      .getByRole('radio', { name: answer, exact: true })
      .check();
  }

  get sureScore(): Locator {
    return this.decision.getByRole('status').filter({ hasText: /^Score/ });
  }

  /** Waits for the findings and decision autosaves to settle ("Saved at …"). */
  async expectSectionsSaved(): Promise<void> {
    const states = this.root.locator('.column [data-state]');
    for (const state of await states.all()) await expect(state).not.toHaveAttribute('data-state', /pending|saving/);
  }

  // ---- signing, amending, deleting --------------------------------------------

  get finalizeButton(): Locator {
    return this.page.getByRole('button', { name: 'Sign and finalize…' });
  }

  get deleteButton(): Locator {
    return this.page.getByRole('button', { name: 'Delete draft…' });
  }

  dialog(title: string): Locator {
    return this.page.getByRole('dialog', { name: title });
  }

  get signDialog(): Locator {
    return this.dialog('Sign and finalize this record?');
  }

  /** Signs, acknowledging every open warning of the sign dialog first. */
  async finalize(physician: string): Promise<void> {
    await this.finalizeButton.click();
    const sign = this.signDialog.getByRole('button', { name: `Sign as ${physician}` });
    await expect(sign).toBeVisible();
    for (const box of await this.signDialog.getByRole('checkbox').all()) await box.check();
    await sign.click();
    await expect(this.signed).toBeVisible();
  }

  get signed(): Locator {
    return this.page.getByTestId('signed');
  }

  get summary(): Locator {
    return this.page.getByTestId('record-summary');
  }

  async amendNotes(body: string, reason: string): Promise<void> {
    await this.header.getByRole('button', { name: 'Amend…' }).click();
    const dialog = this.dialog('Amend the signed record');
    await dialog.getByLabel('Section').selectOption({ label: 'Notes' });
    await dialog.getByRole('textbox', { name: 'Notes' }).fill(body);
    await dialog.getByLabel('Reason for the amendment').fill(reason);
    await dialog.getByRole('button', { name: 'Add amendment' }).click();
    await expect(dialog).toBeHidden();
  }

  get amendments(): Locator {
    return this.page.getByRole('region', { name: /^Amendments/ });
  }

  async close(): Promise<void> {
    await this.header.getByRole('button', { name: /^(Close|Save and close)$/ }).click();
    await expect(this.header).toBeHidden();
  }

  // ---- all records ---------------------------------------------------------------

  async openHistory(): Promise<void> {
    const button = this.page.getByRole('navigation', { name: 'Record views' }).getByRole('button', {
      name: 'All records',
    });
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
  }

  get history(): Locator {
    return this.page.getByRole('region', { name: 'Consultation records' });
  }

  get historySearch(): Locator {
    return this.history.getByRole('searchbox', { name: 'Search the notes' });
  }

  get historyDecision(): Locator {
    return this.history.getByRole('combobox', { name: 'Decision' });
  }

  get historyCount(): Locator {
    return this.history.getByRole('status');
  }

  get historyRows(): Locator {
    return this.history.getByRole('row').filter({ has: this.page.getByRole('button', { name: /^Open the record/ }) });
  }
}
