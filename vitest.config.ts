import { defineConfig } from 'vitest/config';

// Three tiers: pure unit tests beside the code, integration tests against a real database
// (PGlite by default, PostgreSQL when DATABASE_URL is set), and browser tests in Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: ['src/**/*.test.ts', 'web/src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          sequence: { groupOrder: 1 },
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each file opens its own database; two cores, so two files at a time.
          maxWorkers: 2,
        },
      },
      {
        // Multi-process tests: several servers against one PostgreSQL (PGlite is single-process).
        test: {
          name: 'postgres',
          sequence: { groupOrder: 2 },
          include: ['test/postgres/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          sequence: { groupOrder: 3 },
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
