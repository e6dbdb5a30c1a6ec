import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      // server-only throws outside a React Server environment; unit tests are server code.
      'server-only': fileURLToPath(new URL('./tests/support/empty.ts', import.meta.url)),
      '@': fileURLToPath(new URL('./', import.meta.url)),
    },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/support/setup.ts'],
    environment: 'node',
    pool: 'forks',
    // A save now encodes every cover at three widths with sharp: on a loaded 2-core machine a save
    // of a few dozen videos can pass 5 s. A ceiling against hangs, never a measure of speed.
    testTimeout: 30_000,
  },
});
