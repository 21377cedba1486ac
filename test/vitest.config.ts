import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Vitest's cache (the order of the next run) kept out of node_modules: a new folder there
  // makes npm read the whole tree again instead of its record of the install, and read
  // through the link the packaging test gives its scratch project, that tree lists no
  // production dependency, so electron-builder would pack the app without them.
  cacheDir: join(tmpdir(), 'tanggap-vitest-cache'),
  test: {
    include: ['shared/**/*.test.ts', 'main/**/*.test.ts', 'renderer/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores, so one on a 2-core machine. Two
    // ran the suite there in 3.4 minutes instead of 5.5.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 30_000,
    // Every answer the core gives is also parsed by zod and compared (main/core/outputCheck.ts).
    env: { TANGGAP_CHECK_OUTPUTS: '1' },
  },
});
