import { defineConfig } from 'vitest/config';

// The models and the port contract are plain modules, so their tests run in Node with fake ports:
// no DOM, no browser. Browser tests of the built extension live in test/.
export default defineConfig({
  test: {
    name: 'extension',
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
