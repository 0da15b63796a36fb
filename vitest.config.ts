import { defineConfig } from 'vitest/config';

// Three projects: `unit` (pure code), `db` (*.db.test.ts: real SQLite, or PostgreSQL when
// DANCHU_TEST_DB=postgres), `e2e` (real Chromium; run by scripts/e2e.mjs).
export default defineConfig({
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.{ts,tsx}'], exclude: ['src/**/*.db.test.{ts,tsx}'] } },
      { extends: true, test: { name: 'db', include: ['src/**/*.db.test.{ts,tsx}', 'test/db/**/*.test.{ts,tsx}'], testTimeout: 30_000, hookTimeout: 60_000 } },
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.spec.ts'], testTimeout: 60_000, hookTimeout: 120_000, fileParallelism: false } },
    ],
  },
});
