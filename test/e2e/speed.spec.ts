import type { Page, Response } from '@playwright/test';
import { expect, test } from './fixtures';
import { ApiClient, PASSWORD, login, seedOffice } from './support';

// What keeps the register and the first load fast, checked as behaviour (times are the
// bench's business): one row height, rows reached by scrolling while only some exist in
// the page, compressed long-cached files, and no chart library before a chart is opened.

const ROWS = 50; // one page of the register
const LONG_SUBJECT = `Jalan rusak berlubang di depan balai desa ${'yang membahayakan pengendara sepeda motor pada malam hari '.repeat(3)}`.slice(0, 200).trimEnd();

async function recordComplaints(url: string) {
  const staf = new ApiClient(url);
  await staf.call('auth.login', { username: 'staf', password: PASSWORD });
  for (let i = 1; i <= ROWS; i++) {
    await staf.call('complaints.create', {
      kind: 'pengaduan',
      channel: 'langsung',
      category: 'infrastruktur',
      reporter: { name: `Pelapor ${i}`, address: '', nik: '', phone: '', email: '', anonymous: false, confidential: false },
      // Every fifth complaint has a subject far longer than its cell.
      subject: i % 5 === 0 ? LONG_SUBJECT : `Keluhan nomor ${i}`,
      // Three of them mention a word found nowhere else.
      description: i % 17 === 0 ? 'Trafo gardu listrik berdengung keras setiap malam.' : 'Mohon ditindaklanjuti.',
    });
  }
}

const registerRows = (page: Page) => page.getByRole('table', { name: 'Buku register pengaduan' }).locator('tbody tr[data-index]');

test('the register keeps one row height, renders only the rows in view, and every row is reached by scrolling', async ({ page, web }) => {
  await seedOffice(web.url);
  await recordComplaints(web.url);
  await login(page, web.url, 'camat');
  await page.goto(`${web.url}/register`);
  await expect(page.getByText(`1–${ROWS} dari ${ROWS}`)).toBeVisible();
  const rows = registerRows(page);
  await expect(rows.first()).toBeVisible();

  // A long subject is cut to its cell, the whole of it in the title.
  const long = page.getByTitle(LONG_SUBJECT).first();
  await expect(long).toBeVisible();

  // The filters are the browser's own select: no option list is drawn in the page, and
  // the first option of each stands for no filter.
  await expect(page.locator('[role="listbox"]')).toHaveCount(0);
  const status = page.getByRole('combobox', { name: 'Status' });
  await expect(status.locator('option:checked')).toHaveText('Semua status');
  await status.selectOption({ label: 'Selesai' });
  await expect(page).toHaveURL(/[?&]status=selesai(&|$)/);
  await expect(page.getByText('Tidak ada pengaduan yang cocok.')).toBeVisible();
  await status.selectOption({ label: 'Semua status' });
  await expect(page).not.toHaveURL(/status=/);
  await expect(page.getByText(`1–${ROWS} dari ${ROWS}`)).toBeVisible();

  const seen = new Set<string>();
  const heights = new Set<number>();
  const box = page.getByRole('table', { name: 'Buku register pengaduan' }).locator('xpath=..');
  for (;;) {
    const view = await rows.evaluateAll((trs) =>
      trs.map((tr) => ({ no: tr.querySelector('a')!.textContent!, index: Number(tr.getAttribute('data-index')), height: tr.getBoundingClientRect().height })),
    );
    expect(view.length).toBeLessThan(ROWS);
    for (const r of view) {
      seen.add(r.no);
      heights.add(Math.round(r.height));
    }
    // Rows follow one another: the virtualiser drew a contiguous slice.
    expect(view.map((r) => r.index)).toEqual(view.map((_, i) => view[0]!.index + i));
    const done = await box.evaluate((el) => {
      const atEnd = el.scrollTop + el.clientHeight >= el.scrollHeight - 1;
      el.scrollTop += el.clientHeight;
      return atEnd;
    });
    if (done) break;
    // The next slice is drawn on the scroll event's frame.
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
  }
  expect(seen.size).toBe(ROWS);
  expect([...heights]).toHaveLength(1);
  // The last row is the oldest complaint, number 1.
  await expect(rows.last()).toContainText('0001/PGD/');
  await expect(rows.last()).toHaveAttribute('aria-rowindex', String(ROWS + 1));
});

test('after "Hapus filter" the same words typed again search again', async ({ page, web }) => {
  await seedOffice(web.url);
  await recordComplaints(web.url);
  // The Staf, who may open every complaint: the words are in their Uraian.
  await login(page, web.url, 'staf');
  await page.goto(`${web.url}/register`);
  const search = page.getByRole('textbox', { name: 'Cari' });
  const matches = Math.floor(ROWS / 17);
  await expect(page.getByText(`1–${ROWS} dari ${ROWS}`)).toBeVisible();

  await search.fill('trafo gardu');
  await expect(page.getByText(`1–${matches} dari ${matches}`)).toBeVisible();
  await expect(registerRows(page)).toHaveCount(matches);

  await page.getByRole('button', { name: 'Hapus filter' }).click();
  await expect(search).toHaveValue('');
  await expect(page.getByText(`1–${ROWS} dari ${ROWS}`)).toBeVisible();

  await search.pressSequentially('trafo gardu');
  await expect(page.getByText(`1–${matches} dari ${matches}`)).toBeVisible();
  await expect(registerRows(page)).toHaveCount(matches);
});

test('the first load is compressed and small, the files are cached for good, and the chart library waits for the dashboard', async ({ page, web }) => {
  await seedOffice(web.url);
  const responses: Response[] = [];
  page.on('response', (r) => responses.push(r));
  await login(page, web.url, 'camat');
  await expect(page.getByRole('heading').first()).toBeVisible();
  await page.waitForLoadState('networkidle');

  const files = responses.filter((r) => new URL(r.url()).pathname.startsWith('/assets/'));
  expect(files.length).toBeGreaterThan(3);
  let sent = 0;
  for (const r of files) {
    const headers = await r.allHeaders();
    expect(headers['cache-control'], r.url()).toBe('public, max-age=31536000, immutable');
    // Files under 1 kB go as they are (renderer build: main/build/precompress.ts).
    if (/\.(js|css)$/.test(r.url()) && (await r.body()).length >= 1024) expect(headers['content-encoding'], r.url()).toBe('br');
    sent += (await r.request().sizes()).responseBodySize;
  }
  // Login and the Camat's first page together, as sent over the wire.
  expect(sent).toBeLessThan(400 * 1024);
  const page1 = responses.find((r) => new URL(r.url()).pathname === '/');
  expect((await page1!.allHeaders())['cache-control']).toBe('no-cache');

  const hasCharts = async (list: Response[]) => {
    for (const r of list.filter((x) => x.url().endsWith('.js'))) if ((await r.text()).includes('recharts-wrapper')) return true;
    return false;
  };
  expect(await hasCharts(files)).toBe(false);

  // The dashboard brings the chart library with it.
  const before = responses.length;
  await page.goto(`${web.url}/dasbor`);
  await expect(page.getByRole('heading', { name: 'Dasbor' })).toBeVisible();
  expect(await hasCharts(responses.slice(before))).toBe(true);
});
