import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { ApiClient, PASSWORD, login, sampleComplaint, seedOffice } from './support';
import { OFFICE_PRESETS } from '../../shared/standards/presets';
import { contrast, parseColor } from '../../renderer/lib/contrast';

// Issue 9, look and reach: what every screen owes its reader — readable colours, a
// title per page in the browser tab, focus on the first error, the whole width of a
// large screen.

const kejayan = OFFICE_PRESETS.find((p) => p.id === 'kejayan')!;
const COMPLAINT = sampleComplaint({
  subject: 'Saluran air tersumbat di depan SDN Kejayan 1',
  kelengkapan: kejayan.standard.kelengkapanChecklist,
});

// The browser's side as the callbacks below use it (e2e specs compile without the DOM library).
interface Styles {
  color: string;
  backgroundColor: string;
  outlineStyle: string;
  outlineWidth: string;
  outlineColor: string;
}
interface Browser {
  getComputedStyle(el: unknown): Styles;
  document: { activeElement: unknown; querySelector(selector: string): unknown };
}

// Kejayan with one complaint recorded, the Staf signed in on a screen of `size`; the menu.
async function stafWithOneComplaint(url: string, page: Page, size: { width: number; height: number }) {
  await seedOffice(url, 'kejayan');
  const staf = new ApiClient(url);
  await staf.call('auth.login', { username: 'staf', password: PASSWORD });
  await staf.call('complaints.create', COMPLAINT);
  await page.setViewportSize(size);
  await login(page, url, 'staf');
  return page.getByRole('navigation', { name: 'Navigasi utama' });
}

// Text against what it is drawn on, both read from the page as the browser computed them.
async function ratio(text: Locator, ground: Locator = text): Promise<number> {
  const fg = await text.evaluate((el) => (globalThis as unknown as Browser).getComputedStyle(el).color);
  const bg = await ground.evaluate((el) => (globalThis as unknown as Browser).getComputedStyle(el).backgroundColor);
  return contrast(parseColor(fg, parseColor(bg)), parseColor(bg));
}

test('each page names itself in the browser tab; a failed save focuses its first field in error', async ({ web, page }) => {
  await seedOffice(web.url, 'kejayan');
  await login(page, web.url, 'staf');
  const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
  await nav.getByRole('link', { name: 'Tugas saya' }).click();
  await expect(page).toHaveTitle('Tugas saya · Tanggap');
  await nav.getByRole('link', { name: 'Buku register' }).click();
  await expect(page).toHaveTitle('Buku register pengaduan · Tanggap');
  await nav.getByRole('link', { name: 'Catat pengaduan' }).click();
  await expect(page).toHaveTitle('Catat pengaduan · Tanggap');

  await page.getByRole('button', { name: 'Simpan pengaduan' }).click();
  // The first field marked in error, top to bottom, has the focus (not the first registered).
  await expect
    .poll(() =>
      page.evaluate(() => {
        const { document } = globalThis as unknown as Browser;
        const first = document.querySelector('form [aria-invalid="true"]');
        return first !== null && first === document.activeElement;
      }),
    )
    .toBe(true);
});

test('buttons, badges and dimmed text read at 4.5:1 or more; a 1920 px screen is used', async ({ web, page }) => {
  const nav = await stafWithOneComplaint(web.url, page, { width: 1920, height: 1080 });
  await nav.getByRole('link', { name: 'Tugas saya' }).click();
  const table = page.getByRole('table', { name: /Tugas/ }).first();
  await expect(table.getByRole('row')).toHaveCount(2);

  const badge = table.locator('[data-clock]').filter({ hasText: 'Sesuai waktu' }).first();
  expect(await ratio(badge)).toBeGreaterThanOrEqual(4.5);
  const subtitle = page.getByText(/Langkah pengaduan yang menunggu/);
  expect(await ratio(subtitle, page.locator('body'))).toBeGreaterThanOrEqual(4.5);
  const link = table.getByRole('link').first();
  expect(await ratio(link, page.locator('body'))).toBeGreaterThanOrEqual(4.5);
  const active = nav.getByRole('link', { name: 'Tugas saya' });
  expect(await ratio(active, active)).toBeGreaterThanOrEqual(4.5);

  const main = await page.locator('.mantine-AppShell-main > div').first().boundingBox();
  expect(main!.width).toBeGreaterThan(1500);

  await nav.getByRole('link', { name: 'Catat pengaduan' }).click();
  const save = page.getByRole('button', { name: 'Simpan pengaduan' });
  expect(await ratio(save)).toBeGreaterThanOrEqual(4.5);
  // The keyboard's focus ring stands out from the white page (3:1 for non-text).
  await page.keyboard.press('Tab');
  const ring = await page.evaluate(() => {
    const browser = globalThis as unknown as Browser;
    const s = browser.getComputedStyle(browser.document.activeElement);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor };
  });
  expect(ring.style).not.toBe('none');
  expect(ring.width).toBeGreaterThanOrEqual(2);
  expect(contrast(parseColor(ring.color), [255, 255, 255])).toBeGreaterThanOrEqual(3);
});

test('on a 1024 px screen the menu folds behind a button and the register and Tugas saya fit; at 1280 px Kategori gives Perihal its room', async ({ web, page }) => {
  const nav = await stafWithOneComplaint(web.url, page, { width: 1024, height: 768 });
  const registerLink = nav.getByRole('link', { name: 'Buku register' });
  const open = page.getByRole('button', { name: 'Buka menu' });
  // Folded: out of view and out of the tab order; what waits in it is marked on its button
  // and said in the button's name.
  await expect(registerLink).toBeHidden();
  await expect(open).toHaveAccessibleName('Buka menu (1 tugas)');
  await open.click();
  await expect(page.getByRole('button', { name: 'Tutup menu', exact: true })).toBeVisible();
  await expect(registerLink).toBeVisible();
  // A panel of its usual width over the page, not the screen's whole width.
  expect((await nav.boundingBox())!.width).toBeCloseTo(220, 0);
  await page.keyboard.press('Escape');
  await expect(registerLink).toBeHidden();
  await expect(open).toBeFocused();
  // A click on the page beside it folds it too.
  await open.click();
  await page.mouse.click(700, 400);
  await expect(registerLink).toBeHidden();
  await open.click();
  await registerLink.click();
  await expect(page).toHaveURL(/\/register/);
  await expect(registerLink).toBeHidden();

  const table = page.getByRole('table', { name: 'Buku register pengaduan' });
  await expect(table.getByRole('row')).toHaveCount(2);
  // How the register fits: no sideways scroll, 150 px or more for Perihal, Kategori shown or not.
  const fit = () =>
    table.evaluate((t) => {
      const el = t as unknown as { parentElement: { scrollWidth: number; clientWidth: number }; querySelectorAll(s: string): Iterable<{ textContent: string; getBoundingClientRect(): { width: number } }> };
      const width = (name: string) => [...el.querySelectorAll('th')].find((th) => th.textContent === name)!.getBoundingClientRect().width;
      return { sideways: el.parentElement.scrollWidth > el.parentElement.clientWidth, perihalRoom: width('Perihal') >= 150, kategori: width('Kategori') > 0 };
    });
  // Polled: the shell slides the menu in and out (its width eases over 200 ms).
  const narrow = { sideways: false, perihalRoom: true, kategori: false };
  await expect.poll(fit).toEqual(narrow);
  await expect(table.getByRole('cell', { name: 'Infrastruktur' })).toHaveCount(0);
  await expect(table.getByRole('cell', { name: 'Saluran air tersumbat di depan SDN Kejayan 1' })).toBeVisible();

  // Tugas saya fits too: no box around its table scrolls sideways.
  await open.click();
  await nav.getByRole('link', { name: 'Tugas saya' }).click();
  const tasks = page.getByRole('table', { name: /Tugas/ }).first();
  await expect(tasks.getByRole('row')).toHaveCount(2);
  const scrollsSideways = await tasks.evaluate((t) => {
    type Box = { scrollWidth: number; clientWidth: number; parentElement: Box | null };
    for (let box = (t as unknown as Box).parentElement; box; box = box.parentElement) if (box.scrollWidth > box.clientWidth) return true;
    return false;
  });
  expect(scrollsSideways).toBe(false);
  await open.click();
  await registerLink.click();

  await page.setViewportSize({ width: 1280, height: 1024 });
  await expect(registerLink).toBeVisible();
  await expect(open).toBeHidden();
  await expect.poll(fit).toEqual(narrow);

  await page.setViewportSize({ width: 1366, height: 850 });
  await expect.poll(fit).toEqual({ ...narrow, kategori: true });
  await expect(table.getByRole('cell', { name: 'Infrastruktur' })).toBeVisible();
});
