import { test, expect } from './fixtures';
import { ApiClient, PASSWORD, login, sampleComplaint, seedOffice } from './support';

// The office list comes a page of 50 at a time, with the whole list's count and the way
// to the pages beside it (asked for ahead), as the register does; another filter starts at
// the first page.

test('Camat membaca semua pengaduan kantor per halaman 50', async ({ web, page }) => {
  await seedOffice(web.url, 'kejayan');
  const staf = new ApiClient(web.url);
  await staf.call('auth.login', { username: 'staf', password: PASSWORD });
  const made: string[] = [];
  for (let i = 0; i < 57; i++) made.push((await staf.call('complaints.create', sampleComplaint({ subject: `Pengaduan warga nomor ${i + 1} tentang lampu jalan` }))).registerNo);
  const camat = new ApiClient(web.url);
  await camat.call('auth.login', { username: 'camat', password: PASSWORD });
  const second = await camat.call('tasks.office', { offset: 50 });

  await page.setViewportSize({ width: 1366, height: 768 });
  // The second page is asked for ahead, once the first shows; the click takes that answer.
  let secondAsked = 0;
  await page.route('**/api/tasks.office', async (route) => {
    if ((route.request().postDataJSON() as { offset?: number }).offset === 50) secondAsked++;
    await route.continue();
  });
  await login(page, web.url, 'camat');
  await expect(page.getByRole('tab', { name: /Semua pengaduan kantor/ })).toHaveAttribute('aria-selected', 'true');
  const table = page.getByRole('table', { name: 'Semua pengaduan kantor' });
  await expect(table.locator('tbody tr')).toHaveCount(50);
  await expect(page.getByText('1–50 dari 57 pengaduan')).toBeVisible();
  await expect(page.getByRole('tab', { name: /Semua pengaduan kantor/ })).toContainText('57');
  await expect(page.getByRole('button', { name: 'Sebelumnya' })).toBeDisabled();
  await expect.poll(() => secondAsked).toBeGreaterThan(0);
  const askedAhead = secondAsked;
  await page.getByRole('button', { name: 'Berikutnya' }).click();
  await expect(page).toHaveURL(/mulai=50/);
  await expect(page.getByText('51–57 dari 57 pengaduan')).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(7);
  const shown = await table.locator('tbody tr td:first-child').allInnerTexts();
  expect(shown.map((t) => t.trim())).toEqual(second.rows.map((t) => t.registerNo));
  await expect(page.getByRole('button', { name: 'Berikutnya' })).toBeDisabled();
  expect(secondAsked).toBe(askedAhead);

  // Another order starts again at the first page.
  await page.getByRole('textbox', { name: 'Urutkan (terlambat lebih dulu)' }).click();
  await page.getByRole('option', { name: 'Batas waktu standar' }).click();
  await expect(page).not.toHaveURL(/mulai=/);
  await expect(page.getByText('1–50 dari 57 pengaduan')).toBeVisible();
  await page.getByRole('button', { name: 'Sebelumnya' }).scrollIntoViewIfNeeded();
  expect(made).toHaveLength(57);
});
