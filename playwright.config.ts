import { defineConfig } from '@playwright/test';
import { availableParallelism } from 'node:os';

export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/global-setup.ts',
  outputDir: 'test/output/e2e-results',
  // Tests share one browser per worker (support/fixtures.ts). Measured on 2 cores, a second
  // worker gains nothing (both browsers compete for the same cores), so one per two cores.
  workers: Math.max(1, Math.floor(availableParallelism() / 2)),
  fullyParallel: true,
  // A limit catches a hang, not a slow machine: the slowest test (axe in light and dark over many
  // popup states) takes about 25 s on 2 busy cores.
  timeout: 60_000,
  expect: { timeout: 5_000 },
  retries: 0,
  reporter: [['list']],
  // No trace by default: recording one costs about a quarter of the suite's CPU time on 2 cores
  // (measured: 50 s → 40 s for popup and helpdesks). To see a failure step by step, rerun it with
  // `npx playwright test <spec> --trace on`.
  use: { trace: 'off', screenshot: 'only-on-failure' },
});
