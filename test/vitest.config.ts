import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'main/**/*.test.ts', 'renderer/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    // Every answer the core gives is also parsed by zod and compared (main/core/outputCheck.ts).
    env: { TANGGAP_CHECK_OUTPUTS: '1' },
  },
});
