import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/sites/**/*.test.ts', 'tests/sync/**/*.test.ts'],
    setupFiles: ['fake-indexeddb/auto'],
    restoreMocks: true,
    // A time limit is a safety net, not a speed assertion: on a loaded 2-core machine a test that takes 2 s
    // quiet can take ten times that. Tests wait for conditions and count requests; speed is the bench's job.
    testTimeout: 600_000,
    hookTimeout: 300_000,
  },
});
