import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      'webextension-polyfill': fileURLToPath(
        new URL('./test/unit/support/browser-shim.ts', import.meta.url),
      ),
    },
  },
  test: {
    include: [
      'test/unit/**/*.test.{ts,tsx}',
      'test/integration/**/*.test.ts',
      'test/build/**/*.test.ts',
    ],
    environment: 'node',
    restoreMocks: true,
  },
});
