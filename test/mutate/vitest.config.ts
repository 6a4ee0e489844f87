import { defineConfig } from 'vitest/config';
import base from '../../vitest.config';

// The tests a mutation run uses: unit and integration. The build checks read dist/, which a
// mutated source file does not change, so they could never notice a mutation. (mergeConfig would
// append to `include`, not replace it.)
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['test/unit/**/*.test.{ts,tsx}', 'test/integration/**/*.test.ts'],
    // Tests that read the source as text (which message keys it names, which storage areas it
    // touches) would read Stryker's instrumented copy, not the code, and fail before any mutant.
    exclude: ['test/unit/locales/german.test.ts', 'test/unit/options/locale.test.ts'],
  },
});
