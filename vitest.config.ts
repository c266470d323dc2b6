import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/sites/**/*.test.ts', 'tests/sync/**/*.test.ts'],
    setupFiles: ['fake-indexeddb/auto'],
    restoreMocks: true,
  },
});
