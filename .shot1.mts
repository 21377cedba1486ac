import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const p = await b.newPage({ viewport: { width: 1366, height: 700 } });
await p.route('**/api/tasks.counts', async (route) => {
  const r = await route.fetch();
  const j = await r.json();
  j.value = { ...j.value, toSign: 7, mine: 42, late: 1 };
  await route.fulfill({ response: r, json: j });
});
await p.goto('http://127.0.0.1:4791/');
await p.getByLabel('Nama pengguna').fill('camat');
await p.getByLabel('Kata sandi').fill('tanggap123');
await p.getByRole('button', { name: 'Masuk' }).click();
await p.waitForTimeout(2500);
await p.screenshot({ path: '/tmp/mine/nav.png', clip: { x: 0, y: 50, width: 260, height: 330 } });
await b.close();
