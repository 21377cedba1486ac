import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// Debian's Chromium where present (no browser download here), else Playwright's own.
const executablePath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results',
  globalSetup: './global-setup.mjs',
  timeout: 90_000,
  // A page that loads the whole app again (reload) can take several seconds on a busy PC.
  expect: { timeout: 15_000 },
  // Each test runs a server and a Chromium. Two at a time on two cores made each test take
  // two to three times as long: the 59 tests ran in 11.6 minutes with two workers and in
  // 9.6 with one.
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? 'list' : 'list',
  use: {
    locale: 'id-ID',
    viewport: { width: 1366, height: 850 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
});
