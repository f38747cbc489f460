import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{protocol,signer,extension,test}/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', '**/.output/**', '**/.wxt/**'],
    // sodium's guarded memory (mprotect) and native modules behave best in child processes.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
