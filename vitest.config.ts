import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    // Two cores: two test files at a time.
    maxWorkers: 2,
    // Generous: a browser test of 7 s took over 30 s on two cores shared with other work.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
