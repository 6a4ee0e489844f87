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
  },
});
