import { expect, type Locator, type Page } from '@playwright/test';

export class PatientScreen {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  get root(): Locator {
    return this.page.getByTestId('patient-screen');
  }

  /** The slide reveal.js shows now. */
  get currentSlide(): Locator {
    return this.page.locator('.reveal .slides section.present[data-slide-id]');
  }

  async expectSlide(slideId: string): Promise<void> {
    await expect(this.currentSlide).toHaveAttribute('data-slide-id', slideId);
    await expect(this.root).toHaveAttribute('data-rendered-slide', slideId);
  }

  async expectIdle(): Promise<void> {
    await expect(this.page.getByTestId('idle')).toBeVisible();
  }
}
