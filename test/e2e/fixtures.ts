import { test as base, expect, type TestInfo } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

export interface WebApp {
  url: string;
  dataDir: string;
}

// `npm run web` on a fresh data folder for every test: the server's bundle (made by
// global-setup.mjs) and the renderer's build (made by test:e2e before Playwright).
// The demo seeds a year of complaints with their documents before it listens.
async function startWeb(args: string[], startupMs = 60_000): Promise<{ app: WebApp; proc: ChildProcess; output: () => string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tanggap-e2e-'));
  const proc = spawn(process.execPath, ['dist/main/http/cli.js', '--data', dataDir, '--port', '0', ...args], {
    cwd: root,
    // Every answer is also parsed by zod and compared (main/core/outputCheck.ts).
    env: { ...process.env, TANGGAP_CHECK_OUTPUTS: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), startupMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /berjalan di (http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.on('exit', (code) => reject(new Error(`server exited ${code}:\n${output}`)));
  });
  return { app: { url, dataDir }, proc, output: () => output };
}

// A test that fails on CI leaves only what it printed: the notices its page showed during the
// test, and what the server logged (an internal error is logged, a refused call is not).
const failed = (testInfo: TestInfo) => testInfo.status !== testInfo.expectedStatus;
function printServerOutput(testInfo: TestInfo, output: string) {
  if (failed(testInfo)) console.log([`--- ${testInfo.title}: server output, last 40 lines`, ...output.trimEnd().split('\n').slice(-40)].join('\n'));
}

// Run in the page (this file is compiled without the DOM's types, hence a string).
const NOTE_NOTICES = `{
  const noted = new WeakSet();
  new MutationObserver(() => {
    for (const n of document.querySelectorAll('.mantine-Notification-root')) {
      if (noted.has(n) || !n.innerText.trim()) continue;
      noted.add(n);
      const seen = JSON.parse(sessionStorage.getItem('e2e-notices') ?? '[]');
      seen.push(new Date().toISOString().slice(11, 23) + ' ' + n.innerText.replace(/\\s+/g, ' '));
      sessionStorage.setItem('e2e-notices', JSON.stringify(seen.slice(-30)));
    }
  }).observe(document, { childList: true, subtree: true });
}`;

export const test = base.extend<{ web: WebApp; demoWeb: WebApp }>({
  // Every notice the app shows is noted in the tab (sessionStorage outlives a reload), and
  // printed when the test fails: by then it has mostly closed.
  page: async ({ page }, use, testInfo) => {
    await page.addInitScript(NOTE_NOTICES);
    await use(page);
    if (!failed(testInfo) || page.isClosed()) return;
    // A page that hangs answers nothing: the report does not wait on it past five seconds.
    const timeout = new Promise<string>((resolve) => setTimeout(() => resolve('["(the page did not answer)"]'), 5_000).unref());
    const notices = await Promise.race([page.evaluate<string>("sessionStorage.getItem('e2e-notices') ?? '[]'").catch(() => '[]'), timeout]);
    console.log([`--- ${testInfo.title}: notices shown`, ...(JSON.parse(notices) as string[])].join('\n'));
  },
  web: async ({}, use, testInfo) => {
    const { app, proc, output } = await startWeb([]);
    await use(app);
    printServerOutput(testInfo, output());
    proc.kill();
    rmSync(app.dataDir, { recursive: true, force: true });
  },
  demoWeb: async ({}, use, testInfo) => {
    const { app, proc, output } = await startWeb(['--demo'], 240_000);
    await use(app);
    printServerOutput(testInfo, output());
    proc.kill();
    rmSync(app.dataDir, { recursive: true, force: true });
  },
});
export { expect };
