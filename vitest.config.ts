import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  test: {
    environment: 'jsdom',
    environmentOptions: { jsdom: { url: 'http://localhost/' } },
    globals: true,
    setupFiles: ['./src/testing/setup-tests.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'mocks/**/*.test.ts', 'scripts/**/*.test.ts'],
    restoreMocks: true,
    testTimeout: 15000,
    // Vitest's default (one fewer than the cores) is a single worker on a 2-core machine.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Files share each worker's loaded modules (a fresh DOM still per file): importing React, MUI and
    // the app again for every file was ~40 % of the run. Stores are reset by the tests that use them,
    // and setup-tests.ts unmounts every file's renders.
    isolate: false,
  },
});
