import { defineConfig } from 'vitest/config';

// `npm run test:firefox`: web-ext lint and a real Firefox ESR loading the Firefox build.
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/firefox/**/*.test.ts'],
    globalSetup: ['test/firefox/support/global-setup.ts'],
    environment: 'node',
    // One browser at a time on a 2-core machine: the lint (CPU-bound) and Firefox do not compete.
    fileParallelism: false,
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
