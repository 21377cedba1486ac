import { test as base, expect } from '@playwright/test';
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
async function startWeb(args: string[], startupMs = 60_000): Promise<{ app: WebApp; proc: ChildProcess }> {
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
  return { app: { url, dataDir }, proc };
}

export const test = base.extend<{ web: WebApp; demoWeb: WebApp }>({
  web: async ({}, use) => {
    const { app, proc } = await startWeb([]);
    await use(app);
    proc.kill();
    rmSync(app.dataDir, { recursive: true, force: true });
  },
  demoWeb: async ({}, use) => {
    const { app, proc } = await startWeb(['--demo'], 240_000);
    await use(app);
    proc.kill();
    rmSync(app.dataDir, { recursive: true, force: true });
  },
});
export { expect };
