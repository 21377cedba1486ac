import { chromium } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { spawn } from 'node:child_process';
const { createCore } = await import('/work/main/main/core/index.ts');
const { createSession } = await import('/work/main/main/core/auth/sessions.ts');
const { silentLog } = await import('/work/main/test/support/core.ts');
const { SESSION_COOKIE } = await import('/work/main/main/http/server.ts');
const dir = '/tmp/mine/w100k';
const core = createCore({ dataDir: dir, log: silentLog });
const token = createSession(core.deps, core.db.prepare("SELECT id FROM users WHERE username = 'staf'").pluck().get() as number);
core.close();
const proc = spawn(process.execPath, ['dist/main/http/cli.js', '--data', dir, '--port', '5199'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 1500));
const profile = mkdtempSync('/tmp/mine/prof-chr-');
for (let i = 0; i < 5; i++) {
  const ctx = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'], viewport: { width: 1366, height: 850 }, locale: 'id-ID' });
  await ctx.addCookies([{ name: SESSION_COOKIE, value: token, domain: '127.0.0.1', path: '/' }]);
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  await page.waitForTimeout(3000);
  const last = i === 4;
  const cdp = await ctx.newCDPSession(page);
  if (last && process.env.PROF) { await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 200 }); await cdp.send('Profiler.start'); }
  if (last && process.env.TRACE) await ctx.tracing?.start?.({});
  const t0 = performance.now();
  await page.goto('http://127.0.0.1:5199/register');
  await page.locator('table[aria-label="Buku register pengaduan"] tbody tr[data-index]').first().waitFor({ timeout: 60000 });
  const tRows = performance.now() - t0;
  if (last && process.env.PROF) { const { profile: p } = await cdp.send('Profiler.stop'); writeFileSync('/tmp/mine/page.cpuprofile', JSON.stringify(p)); }
  const marks = await page.evaluate(() => performance.getEntriesByType('paint').map((e) => `${e.name} ${Math.round(e.startTime)}`).join(' ') + ' now ' + Math.round(performance.now()));
  console.log(`rows ${tRows.toFixed(0)}`, marks);
  await ctx.close();
}
proc.kill();
