import { test as base, expect, type Page } from '@playwright/test';
import { launchWithExtension, type Launched } from '../support/launch';

/** Each test gets its own Chromium profile with the built extension: no state leaks between tests. */
export const test = base.extend<{ ext: Launched; extensionPage: (path: string) => Promise<Page> }>({
  // eslint-disable-next-line no-empty-pattern
  ext: async ({}, use) => {
    const launched = await launchWithExtension();
    await use(launched);
    await launched.close();
  },
  extensionPage: async ({ ext }, use) => {
    await use(async (path: string) => {
      const page = await ext.context.newPage();
      await page.goto(`chrome-extension://${ext.extensionId}${path}`);
      return page;
    });
  },
});

export { expect };

/** The sidebar landmark inside Touchline's shadow root (Playwright locators pierce open shadow roots). */
export const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Touchline' });
