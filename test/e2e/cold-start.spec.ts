import type { Page, Request } from '@playwright/test';
import { expect, test } from './fixtures';
import { ApiClient, PASSWORD, login, logout, sampleComplaint, seedOffice } from './support';

// The register opened as the first page of a visit: its first list and its files leave
// with the first reads (renderer/boot.js), before the app has learnt who is signed in,
// and the register takes that answer up instead of asking again. Checked by holding
// auth.me back at the network: whatever arrives meanwhile was not waiting for it.

const registerRows = (page: Page) => page.getByRole('table', { name: 'Buku register pengaduan' }).locator('tbody tr[data-index]');

async function recordComplaints(url: string, count: number) {
  const staf = new ApiClient(url);
  await staf.call('auth.login', { username: 'staf', password: PASSWORD });
  const numbers: string[] = [];
  for (let i = 1; i <= count; i++) numbers.push((await staf.call('complaints.create', sampleComplaint({ subject: `Keluhan awal ${i}` }))).registerNo);
  return numbers;
}

// Holds every auth.me answer until `release`, and notes what was asked meanwhile.
async function holdMe(page: Page) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let holding = true;
  const whileHeld: string[] = [];
  const lists: Request[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (holding) whileHeld.push(path);
    if (path === '/api/complaints.list') lists.push(r);
  });
  await page.route('**/api/auth.me', async (route) => {
    await released;
    await route.continue();
  });
  return {
    whileHeld,
    lists,
    release: () => {
      holding = false;
      release();
    },
  };
}

test('the register as first page: its list and files leave with the first reads, and the list is asked once', async ({ page, web }) => {
  await seedOffice(web.url);
  const numbers = await recordComplaints(web.url, 3);
  await login(page, web.url, 'camat');

  const held = await holdMe(page);
  await page.goto(`${web.url}/register`);
  await expect.poll(() => held.whileHeld.includes('/api/complaints.list')).toBe(true);
  await expect.poll(() => held.whileHeld.some((p) => /^\/assets\/RegisterPage-[\w-]+\.js$/.test(p))).toBe(true);
  held.release();

  await expect(registerRows(page).first()).toContainText(numbers[2]!);
  await expect(registerRows(page)).toHaveCount(3);
  await expect(page.getByText('1–3 dari 3')).toBeVisible();
  // The early answer was the register's own: no second request for the same page.
  expect(held.lists).toHaveLength(1);
  expect(held.lists[0]!.postDataJSON()).toEqual({ sort: 'registerNo', dir: 'desc', offset: 0, limit: 50 });

  // A later visit to the register (the answer taken up already) asks afresh and sees a new complaint.
  const newest = (await recordComplaints(web.url, 1))[0]!;
  await page.getByRole('link', { name: /^Tugas saya/ }).click();
  // Left for good: a click back before the next page showed would keep the register mounted.
  await expect(page.getByRole('heading', { name: 'Tugas saya', exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Buku register' }).click();
  await expect(registerRows(page).first()).toContainText(newest);
  expect(held.lists).toHaveLength(2);
});

test('a register search kept in the tab, or filters in the address, are not guessed: the register asks for its own list', async ({ page, web }) => {
  await seedOffice(web.url);
  await recordComplaints(web.url, 2);
  await login(page, web.url, 'camat');
  await page.evaluate("sessionStorage.setItem('tanggap:register-cari', 'Keluhan awal 2')");

  const held = await holdMe(page);
  await page.goto(`${web.url}/register`);
  // The other first reads went out; the list did not.
  await expect.poll(() => held.whileHeld.includes('/api/office.get')).toBe(true);
  await page.waitForTimeout(300);
  expect(held.whileHeld).not.toContain('/api/complaints.list');
  held.release();
  await expect(registerRows(page).first()).toContainText('Keluhan awal');
  expect(held.lists).toHaveLength(1);
  expect(held.lists[0]!.postDataJSON()).toMatchObject({ q: 'Keluhan awal 2' });
});

test('signed out at the register: the early list is refused and dropped, and after signing in the register reads afresh', async ({ page, web }) => {
  await seedOffice(web.url);
  const numbers = await recordComplaints(web.url, 2);
  const lists: string[] = [];
  page.on('requestfinished', (r) => {
    if (new URL(r.url()).pathname === '/api/complaints.list') lists.push(r.url());
  });
  await page.goto(`${web.url}/register`);
  await page.getByLabel('Nama pengguna').fill('camat');
  await page.getByLabel('Kata sandi').fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page).toHaveURL(/\/register$/);
  await expect(registerRows(page).first()).toContainText(numbers[1]!);
  // The refused early one and the register's own.
  expect(lists).toHaveLength(2);
});

test("the register's and Tugas saya's first screens run without zod: it arrives with the first live event, which still reaches the screen", async ({ page, web }) => {
  await seedOffice(web.url);
  await recordComplaints(web.url, 1);
  await login(page, web.url, 'staf');
  // The scripts the page has run, and whether zod's code (its type names stay readable in
  // any chunk it is bundled into) is among them.
  const scripts = () => page.evaluate("performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.endsWith('.js'))") as Promise<string[]>;
  const withZod = async () => {
    const found: string[] = [];
    for (const p of new Set(await scripts())) if ((await (await page.request.get(`${web.url}${p}`)).text()).includes('$ZodType')) found.push(p);
    return found;
  };
  for (const path of ['/register', '/tugas']) {
    await page.goto(`${web.url}${path}`);
    await expect(page.getByRole('heading', { name: path === '/register' ? 'Buku register pengaduan' : 'Tugas saya', exact: true })).toBeVisible();
    expect((await scripts()).some((p) => /^\/assets\/(RegisterPage|TasksPage)-/.test(p))).toBe(true);
    expect(await withZod()).toEqual([]);
  }
  // A complaint recorded elsewhere: its event loads the schema, then Tugas saya shows it.
  const subject = 'Keluhan sesudah layar dibuka';
  const other = new ApiClient(web.url);
  await other.call('auth.login', { username: 'staf', password: PASSWORD });
  await other.call('complaints.create', sampleComplaint({ subject }));
  await expect(page.getByText(subject)).toBeVisible();
  expect((await withZod()).length).toBeGreaterThan(0);
});

// The register's early screen (renderer/earlyScreen.ts): the page this user last saw there,
// saved without its rows, drawn at the next start with the first page's rows before the
// app's code has run; the app's own screen then takes its place.
test("the register's early screen: at the next start its rows are drawn before the app's code, as the app draws them, and give way to the app's", async ({ page, web }) => {
  await seedOffice(web.url);
  const numbers = await recordComplaints(web.url, 3);
  await login(page, web.url, 'camat');
  await page.goto(`${web.url}/register`);
  await expect(registerRows(page)).toHaveCount(3);
  const saved = async () => JSON.parse((await page.evaluate("localStorage.getItem('tanggap.layarAwal')")) ?? 'null') as { who: string; scripts: string } | null;
  await expect.poll(saved).not.toBeNull();
  // The page without its rows: no complaint's number, reporter or subject is kept on the disk.
  const kept = JSON.stringify(await saved());
  for (const text of [...numbers, 'Siti Aminah', 'Keluhan awal']) expect(kept).not.toContain(text);
  const { who } = (await saved())!;
  const appRows = await registerRows(page).evaluateAll((rows) => rows.map((r) => r.outerHTML));

  // The app's own code held back: only the early screen draws, as the app drew its rows.
  const entry = /\/assets\/index-[\w-]+\.js$/;
  const early = page.locator('#layar-awal');
  await page.route(entry, (route) => route.abort());
  await page.reload();
  await expect(early.locator('tbody tr[data-index]')).toHaveCount(3);
  expect(await early.locator('tbody tr[data-index]').evaluateAll((rows) => rows.map((r) => r.outerHTML))).toEqual(appRows);
  expect(await early.locator('h1, h2').first().textContent()).toBe('Buku register pengaduan');
  // It takes no input, and figures that change with each complaint (the pager's "1–3 dari 3",
  // the menu's counts) are left blank, not shown stale.
  const inert = (selector: string) => page.evaluate(`document.querySelector('${selector}').inert`);
  expect(await inert('#layar-awal')).toBe(true);
  // Clicks pass through an inert layer: the app's root under it takes none meanwhile.
  expect(await inert('#root')).toBe(true);
  const live = early.locator('[data-live]');
  expect(await live.count()).toBeGreaterThan(0);
  expect(await live.evaluateAll((els) => els.every((e) => e.textContent === '' && !e.hasAttribute('aria-label')))).toBe(true);
  // The user's first key gives the page back to the app.
  await page.keyboard.press('Tab');
  await expect(early).toHaveCount(0);
  expect(await inert('#root')).toBe(false);

  // With the app's code: its screen takes the early one's place, and works.
  await page.unroute(entry);
  await page.reload();
  await expect(registerRows(page)).toHaveCount(3);
  await expect(early).toHaveCount(0);
  await expect(page.getByText('1–3 dari 3')).toBeVisible();
  await registerRows(page).first().click();
  await expect(page).toHaveURL(/\/pengaduan\/\d+$/);

  // Another user's saved screen, or one from another release, is not drawn; the register
  // saves its own again once shown.
  // (who: the account's id, username, name, role and office, as the screen shows them)
  for (const change of ["s.who = s.who.replace('camat', 'kasi')", "s.scripts = s.scripts + ' /assets/lama.js'"]) {
    await page.evaluate(`(() => { const s = JSON.parse(localStorage.getItem('tanggap.layarAwal')); ${change}; localStorage.setItem('tanggap.layarAwal', JSON.stringify(s)); })()`);
    await page.route(entry, (route) => route.abort());
    await page.goto(`${web.url}/register`);
    await expect.poll(() => page.evaluate("performance.getEntriesByType('resource').some((e) => e.name.endsWith('/api/complaints.list'))")).toBe(true);
    await page.waitForTimeout(300);
    await expect(early).toHaveCount(0);
    await page.unroute(entry);
    await page.goto(`${web.url}/register`);
    await expect(registerRows(page)).toHaveCount(3);
    await expect.poll(async () => {
      const s = await saved();
      return s?.who === who && !s.scripts.includes('lama');
    }).toBe(true);
  }

  // Signing out forgets it.
  await logout(page);
  expect(await saved()).toBeNull();
});

// boot.js holds the app's own code back while the early screen may be drawn: read from the
// cache and compiled beside it, it held the early screen's frame back.
test("the app's code is asked for once the early screen's frame is drawn, and starts without it when that screen's script fails", async ({ page, web }) => {
  await seedOffice(web.url);
  await recordComplaints(web.url, 3);
  await login(page, web.url, 'camat');
  await page.goto(`${web.url}/register`);
  await expect(registerRows(page)).toHaveCount(3);
  await expect.poll(() => page.evaluate("localStorage.getItem('tanggap.layarAwal') !== null")).toBe(true);

  // When the early screen entered the page, on the page's own clock.
  await page.addInitScript(`new MutationObserver(() => { if (!window.__earlyAt && document.getElementById('layar-awal')) window.__earlyAt = performance.now(); }).observe(document, { childList: true, subtree: true })`);
  await page.reload();
  await expect(registerRows(page)).toHaveCount(3);
  const [earlyAt, entryAt] = (await page.evaluate(
    "[window.__earlyAt, performance.getEntriesByType('resource').find((e) => /\\/assets\\/index-[\\w-]+\\.js$/.test(e.name))?.startTime]",
  )) as [number | undefined, number | undefined];
  expect(earlyAt).toBeGreaterThan(0);
  expect(entryAt).toBeGreaterThan(earlyAt!);

  // The early screen's script cannot be had: the app starts all the same, and works.
  await page.route(/\/assets\/early-[\w-]+\.js$/, (route) => route.abort());
  await page.reload();
  await expect(registerRows(page)).toHaveCount(3);
  await expect(page.locator('#layar-awal')).toHaveCount(0);
  await expect(page.getByText('1–3 dari 3')).toBeVisible();
});
