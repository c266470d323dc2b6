import { defineConfig } from '@playwright/test';

// One worker: each test starts its own Chromium with the extension, and the machine has 2 cores.
export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  // Generous limits: they only bound a stuck test. Every wait is for a condition, so a loaded machine is slower,
  // never red; speed is measured by the bench, not asserted here.
  timeout: 300_000,
  expect: { timeout: 60_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: { trace: 'retain-on-failure' },
});
