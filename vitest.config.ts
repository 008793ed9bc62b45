import { defineConfig } from 'vitest/config';

export const testConfig = defineConfig({
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.ts'],
    setupFiles: ['tests/unit/setup.ts'],
    testTimeout: 30_000,
  },
});

export { testConfig as default };
