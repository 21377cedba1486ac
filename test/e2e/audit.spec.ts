import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { ApiClient, login, PASSWORD, seedOffice } from './support';

// Jejak audit: the Admin checks the trail, narrows it to one person and downloads
// the same slice as CSV, without any reporter's data in it.
test('admin checks the audit trail, filters by a user and downloads CSV', async ({ page, web }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await seedOffice(web.url);
  const staf = new ApiClient(web.url);
  await staf.call('auth.login', { username: 'staf', password: PASSWORD });
  const c = await staf.call('complaints.create', {
    kind: 'pengaduan',
    channel: 'langsung',
    category: 'infrastruktur',
    reporter: { name: 'Siti Aminah', address: 'Dusun Krajan RT 02 RW 01', nik: '3514015203850002', phone: '081234567890', email: '', anonymous: false, confidential: false },
    subject: 'Jalan desa rusak di Dusun Krajan',
    description: 'Jalan makadam sepanjang 300 meter berlubang dan tergenang setiap hujan sehingga anak sekolah sulit lewat.',
    expectation: 'Jalan segera diperbaiki.',
    incidentPlace: 'Dusun Krajan',
    incidentDate: '2026-11-20',
  });

  await login(page, web.url, 'admin');
  await page.getByRole('link', { name: 'Jejak audit' }).click();
  await expect(page.getByRole('heading', { name: 'Jejak audit', level: 2 })).toBeVisible();
  await expect(page.getByText('hash', { exact: false })).toHaveCount(0);

  await page.getByRole('button', { name: 'Periksa jejak audit' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Jejak audit utuh: \d+ catatan diperiksa/ })).toBeVisible();

  await page.getByRole('textbox', { name: 'Pengguna' }).click();
  await page.getByRole('option', { name: /Dewi Lestari/ }).click();
  const rows = page.getByRole('row').filter({ hasText: 'Dewi Lestari' });
  await expect(page.getByRole('row').filter({ hasText: 'Pengaduan diterima' })).toContainText(`Pengaduan ${c.registerNo}`);
  await expect(page.getByRole('row').filter({ hasText: 'Rina Wulandari' })).toHaveCount(0);
  expect(await rows.count()).toBeGreaterThan(1);
  await expect(page.getByText('Jalan desa rusak')).toHaveCount(0);

  // Dates are typed the Indonesian way, whatever the PC's language; the list changes once a whole date is there.
  const from = page.getByRole('textbox', { name: 'Dari tanggal' });
  await from.fill('31/02/2026');
  await expect(page.getByText('Tanggal 31/02/2026 tidak ada di kalender.')).toBeVisible();
  expect(await rows.count()).toBeGreaterThan(1);
  await from.fill('01/01/2099');
  await expect(page.getByText('Kamis, 1 Januari 2099')).toBeVisible();
  await expect(page.getByText('Tidak ada catatan yang cocok dengan saringan ini.')).toBeVisible();
  await from.fill('');
  await expect(rows.first()).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^jejak-audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.startsWith('\uFEFF"Waktu";"Pengguna"')).toBe(true);
  const lines = csv.trimEnd().split('\r\n');
  expect(lines.length).toBeGreaterThan(2);
  expect(lines.slice(1).every((l) => l.includes('"Dewi Lestari"'))).toBe(true);
  expect(csv).toContain(`"Pengaduan ${c.registerNo}"`);
  for (const secret of ['Siti Aminah', '3514015203850002', '081234567890', 'Dusun Krajan']) expect(csv).not.toContain(secret);

  // The download itself is on the trail, under the Admin's name.
  await page.getByRole('textbox', { name: 'Pengguna' }).click();
  await page.getByRole('option', { name: /Rina Wulandari/ }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Jejak audit diunduh' })).toHaveCount(1);
});
