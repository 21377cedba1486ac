import { test, expect } from './fixtures';
import { login, seedOffice } from './support';

// A screen that breaks says so in the office's words, keeps the menu, and the next page
// works. The break is made real: a session answer without the host's clock (as from a
// server of another release), which the dashboard cannot turn into this month.

test('a page that breaks shows an Indonesian notice inside the app, and the menu leads on', async ({ page, web }) => {
  await seedOffice(web.url);
  await page.route('**/api/auth.me', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { ok: boolean; value?: Record<string, unknown> | null };
    if (body.ok && body.value) delete body.value.hostTime;
    await route.fulfill({ response, json: body });
  });
  await login(page, web.url, 'camat');
  await page.getByRole('link', { name: 'Dasbor' }).click();

  await expect(page.getByText('Layar ini tidak dapat ditampilkan')).toBeVisible();
  await expect(page.getByText('Keterangan teknis: Invalid time value')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Muat ulang halaman' })).toBeVisible();
  await expect(page.getByText(/Unexpected Application Error|Hey developer/)).toHaveCount(0);

  // Another page from the menu is shown as usual.
  await page.getByRole('link', { name: /^Tugas saya/ }).click();
  await expect(page.getByText('Layar ini tidak dapat ditampilkan')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Tugas saya' })).toBeVisible();
});
