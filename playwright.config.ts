import { defineConfig } from '@playwright/test';
import { availableParallelism } from 'node:os';

export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/global-setup.ts',
  outputDir: 'test/output/e2e-results',
  // Tests share one browser per worker (support/fixtures.ts). The suite mostly waits (for the
  // worker's alarms, API latency, the badge's poll), so workers beyond the cores still pay: on 2
  // cores, 45 tests took 108 s with one worker, 70 s with two and 54 s with three.
  workers: Number(process.env.E2E_WORKERS) || Math.max(3, availableParallelism()),
  fullyParallel: true,
  // A limit catches a hang, not a slow machine: the slowest test (axe in light and dark over many
  // popup states) takes about 25 s on 2 busy cores.
  timeout: 60_000,
  // Three browsers on two cores stretch every wait (an alarm, a lookup, a repaint): an expectation
  // that holds within a second on a quiet machine has seen 5 s under that load.
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: [['list']],
  // No trace by default: recording one costs about a quarter of the suite's CPU time on 2 cores
  // (measured: 50 s → 40 s for popup and helpdesks). To see a failure step by step, rerun it with
  // `npx playwright test <spec> --trace on`.
  use: { trace: 'off', screenshot: 'only-on-failure' },
  projects: [
    { name: 'extension', testIgnore: 'managed.spec.ts' },
    // A browser policy is machine-wide (/etc/chromium/policies): every Chromium started while its
    // file exists reads it. So the policy test runs alone, after all the others. (To run a few
    // specs without the whole suite first, add --no-deps.)
    { name: 'policy', testMatch: 'managed.spec.ts', dependencies: ['extension'] },
  ],
});
