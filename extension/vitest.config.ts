import { defineConfig } from 'vitest/config';

// Models and the port run in Node with fake ports; component and page tests say
// `// @vitest-environment happy-dom` at their top. Browser tests of the built extension live in test/.
export default defineConfig({
  test: {
    name: 'extension',
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}', 'entrypoints/**/*.test.{ts,tsx}'],
  },
});
