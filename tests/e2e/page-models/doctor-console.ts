import { expect, type Locator, type Page } from '@playwright/test';

export class DoctorConsole {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async ready(): Promise<void> {
    await expect(this.page.getByRole('toolbar', { name: 'Presentation controls' })).toBeVisible();
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  get patientSees(): Locator {
    return this.page.getByTestId('patient-sees');
  }

  get notes(): Locator {
    return this.page.getByTestId('speaker-notes');
  }

  get nextStep(): Locator {
    return this.page.getByTestId('next-step');
  }

  async startPresenting(): Promise<void> {
    await this.press('F5');
    await expect(this.patientSees).toContainText('Slide 1');
  }

  /** Calls core directly as this window would (for setup steps). */
  async call(name: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }> {
    return this.page.evaluate(
      async ([n, i]) => {
        // The page's session cookie proves the role it names (see src-main/host/tokens.ts).
        const token = 'doctor';
        const res = await fetch(`/api/${n}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-consultdeck-token': token },
          body: JSON.stringify(i),
        });
        return res.json();
      },
      [name, input] as const,
    );
  }
}
