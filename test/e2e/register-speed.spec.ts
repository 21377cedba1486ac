import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ApiClient, PASSWORD, login, sampleComplaint, seedOffice } from './support';

// The register drawn with plain rows and its own list loading: what the user sees stays
// the same. The previous page stays until the next one comes, the number is a real link
// (the keyboard opens it, a modified click leaves it to the browser), and the lateness
// badges still say both clocks.

const COUNT = 55; // one full page of 50 and five more

async function recordComplaints(url: string) {
  const staf = new ApiClient(url);
  await staf.call('auth.login', { username: 'staf', password: PASSWORD });
  const numbers: string[] = [];
  for (let i = 1; i <= COUNT; i++) {
    const c = await staf.call('complaints.create', sampleComplaint({ subject: `Keluhan warga nomor ${i}` }));
    numbers.push(c.registerNo);
  }
  return numbers;
}

const registerRows = (page: Page) => page.getByRole('table', { name: 'Buku register pengaduan' }).locator('tbody tr[data-index]');

test('a page change keeps the rows in view until the next page comes, then shows it whole', async ({ page, web }) => {
  await seedOffice(web.url);
  const numbers = await recordComplaints(web.url);
  await login(page, web.url, 'camat');
  // The next page is held back at the network. The register asks for it ahead, once the
  // first page shows, and the click waits for that very answer.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let asked = 0;
  await page.route('**/api/complaints.list', async (route) => {
    if ((route.request().postDataJSON() as { offset?: number }).offset === 50) {
      asked++;
      await held;
    }
    await route.continue();
  });
  await page.goto(`${web.url}/register`);
  await expect(page.getByText(`1–50 dari ${COUNT}`)).toBeVisible();
  const rows = registerRows(page);
  await expect(rows.first()).toContainText(numbers[COUNT - 1]!);
  // Every open complaint shows both clocks as badges.
  await expect(rows.first().locator('[data-clock="langkah"]')).toContainText('Langkah: ');
  await expect(rows.first().locator('[data-clock="standar"]')).toContainText('Standar: ');
  await expect.poll(() => asked).toBe(1);

  await page.getByRole('button', { name: 'Berikutnya' }).click();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(1);
  await expect(rows.first()).toContainText(numbers[COUNT - 1]!);

  release();
  await expect(page.getByText(`51–${COUNT} dari ${COUNT}`)).toBeVisible();
  await expect(rows.first()).toContainText(numbers[4]!);
  await expect(rows).toHaveCount(5);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  // One request for the next page in all: the click took the one asked ahead, and the
  // address moving asked no second one.
  expect(asked).toBe(1);
  await page.unroute('**/api/complaints.list');

  // The address follows each change once its rows are drawn, one history entry each:
  // Back and Forward move between the pages as before.
  await expect(page).toHaveURL(/[?&]mulai=50(&|$)/);
  await page.locator('th', { hasText: 'Pelapor' }).getByRole('button').click();
  await expect(page).toHaveURL(/[?&]urut=reporterName/);
  await expect(page).not.toHaveURL(/mulai=/);
  await page.goBack();
  await expect(page).toHaveURL(/[?&]mulai=50(&|$)/);
  await expect(page.getByText(`51–${COUNT} dari ${COUNT}`)).toBeVisible();
  await expect(rows.first()).toContainText(numbers[4]!);
  await page.goBack();
  await expect(page.getByText(`1–50 dari ${COUNT}`)).toBeVisible();
  await expect(rows.first()).toContainText(numbers[COUNT - 1]!);
  await page.goForward();
  await expect(page.getByText(`51–${COUNT} dari ${COUNT}`)).toBeVisible();
  await expect(rows).toHaveCount(5);

  // With the answer quick to come, the count and the rows change in the same render: no
  // state of the page shows one page's count over another page's rows.
  // (Plain script text: this file is typed for Node, the page has the DOM.)
  await page.evaluate(`(() => {
    const seen = (window.seen = []);
    const note = () => {
      const count = document.querySelector('[aria-live="polite"]')?.textContent ?? '';
      const first = document.querySelector('table[aria-label="Buku register pengaduan"] tbody tr[data-index] a')?.textContent ?? '';
      if (seen.at(-1) !== count + '|' + first) seen.push(count + '|' + first);
    };
    note();
    new MutationObserver(note).observe(document.body, { childList: true, subtree: true, characterData: true });
  })()`);
  await page.getByRole('button', { name: 'Sebelumnya' }).click();
  await expect(page.getByText(`1–50 dari ${COUNT}`)).toBeVisible();
  await expect(rows.first()).toContainText(numbers[COUNT - 1]!);
  await page.getByRole('button', { name: 'Berikutnya' }).click();
  await expect(page.getByText(`51–${COUNT} dari ${COUNT}`)).toBeVisible();
  await expect(rows.first()).toContainText(numbers[4]!);
  expect(await page.evaluate('window.seen')).toEqual([
    `51–${COUNT} dari ${COUNT}|${numbers[4]}`,
    `1–50 dari ${COUNT}|${numbers[COUNT - 1]}`,
    `51–${COUNT} dari ${COUNT}|${numbers[4]}`,
  ]);

  // Leaving while a change still waits for its rows (the complaint page's code slow to
  // come): the page left for stays, the register does not take the address back. A sort,
  // as the pages beside this one were asked for ahead.
  await page.route('**/api/complaints.list', async (route) => {
    await new Promise((r) => setTimeout(r, 100));
    await route.continue();
  });
  await page.route('**/assets/ComplaintPage-*', async (route) => {
    await new Promise((r) => setTimeout(r, 600));
    await route.continue();
  });
  await page.locator('th', { hasText: 'Pelapor' }).getByRole('button').click();
  await rows.first().getByRole('link').click();
  await expect(page).toHaveURL(/\/pengaduan\/\d+$/);
  await page.waitForTimeout(1_000);
  await expect(page).toHaveURL(/\/pengaduan\/\d+$/);
});

test('a double click on Berikutnya opens the next page once: Back returns to the first', async ({ page, web }) => {
  await seedOffice(web.url);
  await recordComplaints(web.url);
  await login(page, web.url, 'camat');
  await page.goto(`${web.url}/register`);
  await expect(page.getByText(`1–50 dari ${COUNT}`)).toBeVisible();
  const entries = () => page.evaluate('history.length') as Promise<number>;
  const before = await entries();
  await page.getByRole('button', { name: 'Berikutnya' }).dblclick();
  await expect(page.getByText(`51–${COUNT} dari ${COUNT}`)).toBeVisible();
  // Time for a second navigation, were one coming.
  await page.waitForTimeout(1_000);
  expect(await entries()).toBe(before + 1);
  await page.goBack();
  await expect(page.getByText(`1–50 dari ${COUNT}`)).toBeVisible();
  await expect(page).toHaveURL(/\/register$/);
});

test('a next page asked ahead a while ago is asked again when opened', async ({ page, web }) => {
  await seedOffice(web.url);
  const numbers = await recordComplaints(web.url);
  await login(page, web.url, 'camat');
  await page.clock.install();
  let asked = 0;
  await page.route('**/api/complaints.list', async (route) => {
    if ((route.request().postDataJSON() as { offset?: number }).offset === 50) asked++;
    await route.continue();
  });
  await page.goto(`${web.url}/register`);
  await expect(page.getByText(`1–50 dari ${COUNT}`)).toBeVisible();
  await expect.poll(() => asked).toBe(1);
  // Ten seconds on, the page asked ahead is too old to stand in for asking.
  await page.clock.fastForward(10_001);
  await page.getByRole('button', { name: 'Berikutnya' }).click();
  await expect(page.getByText(`51–${COUNT} dari ${COUNT}`)).toBeVisible();
  await expect(registerRows(page).first()).toContainText(numbers[4]!);
  expect(asked).toBe(2);
});

test('a next page asked ahead whose request failed is asked again when opened', async ({ page, web }) => {
  await seedOffice(web.url);
  const numbers = await recordComplaints(web.url);
  await login(page, web.url, 'camat');
  let asked = 0;
  await page.route('**/api/complaints.list', async (route) => {
    if ((route.request().postDataJSON() as { offset?: number }).offset === 50 && ++asked === 1) return route.abort();
    await route.continue();
  });
  await page.goto(`${web.url}/register`);
  await expect(page.getByText(`1–50 dari ${COUNT}`)).toBeVisible();
  await expect.poll(() => asked).toBe(1);
  await page.getByRole('button', { name: 'Berikutnya' }).click();
  await expect(page.getByText(`51–${COUNT} dari ${COUNT}`)).toBeVisible();
  await expect(registerRows(page).first()).toContainText(numbers[4]!);
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(asked).toBe(2);
});

test('the register number opens the complaint from the keyboard, and a Ctrl+click opens it in a new tab', async ({ page, web, context }) => {
  await seedOffice(web.url);
  const numbers = await recordComplaints(web.url);
  await login(page, web.url, 'staf');
  await page.goto(`${web.url}/register`);
  const last = numbers[COUNT - 1]!;
  const link = registerRows(page).first().getByRole('link', { name: last });
  await expect(link).toHaveAttribute('href', /^\/pengaduan\/\d+$/);

  const [tab] = await Promise.all([context.waitForEvent('page'), link.click({ modifiers: ['Control'] })]);
  await expect(tab).toHaveURL(/\/pengaduan\/\d+$/);
  await tab.close();
  await expect(page.getByRole('heading', { name: 'Buku register pengaduan' })).toBeVisible();

  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: `Pengaduan ${last}` })).toBeVisible();

  // Sorting from the keyboard too: the header's buttons.
  await page.goBack();
  const byName = page.locator('th', { hasText: 'Pelapor' });
  await byName.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(byName).toHaveAttribute('aria-sort', 'ascending');
  await expect(page).toHaveURL(/urut=reporterName/);
});
