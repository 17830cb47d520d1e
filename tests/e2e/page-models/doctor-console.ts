import { expect, type Locator, type Page } from '@playwright/test';
import type { CallInput, CallName, CallOutput } from '../../../src-shared/contract/index.js';

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

  /** The value of a call that must succeed, typed from the contract (no shape restated in a test). */
  async value<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
    const answer = await this.call(name, input);
    if (!answer.ok) throw new Error(`${name} failed: ${answer.error?.code ?? 'no answer'}`);
    return answer.value as CallOutput<N>;
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
