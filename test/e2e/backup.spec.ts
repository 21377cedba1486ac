import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { ApiClient, FIRST_PASSWORD, login, PASSWORD, seedOffice } from './support';

// Cadangan data: the admin picks a folder, backs up, and restores after a strong
// confirmation; what was added after the backup is gone, everyone signs in again.
test('admin backs up now and restores that backup after typing PULIHKAN', async ({ page, web }) => {
  const office = await seedOffice(web.url);
  const folder = mkdtempSync(join(tmpdir(), 'tanggap-e2e-cadangan-'));
  try {
    await login(page, web.url, 'admin');
    await page.getByRole('link', { name: 'Cadangan data', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Cadangan data' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Cadangkan sekarang' })).toBeDisabled();
    // No folder yet: the page says there is no backup at all, and the daily switch is not running.
    await expect(page.getByRole('alert').filter({ hasText: 'Data kantor belum dicadangkan' })).toBeVisible();
    await expect(page.getByText('Belum berjalan: isi dan simpan folder cadangan dulu.')).toBeVisible();

    await page.getByRole('textbox', { name: 'Folder cadangan' }).fill('relatif');
    await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
    await expect(page.getByText('Tulis lokasi folder lengkap', { exact: false }).first()).toBeVisible();
    await page.getByRole('textbox', { name: 'Folder cadangan' }).fill(folder);
    // A count out of range stays as typed when the field is left, and the save says why.
    const keep = page.getByLabel('Jumlah cadangan yang disimpan');
    await keep.fill('0');
    await keep.blur();
    await expect(keep).toHaveValue('0');
    await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
    await expect(page.getByText('Simpan paling sedikit 1 cadangan.')).toBeVisible();
    await keep.fill('400');
    await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
    await expect(page.getByText('Simpan paling banyak 365 cadangan.')).toBeVisible();
    await keep.fill('');
    await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
    await expect(page.getByText('Isi jumlah cadangan yang disimpan.')).toBeVisible();
    await keep.fill('30');
    await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
    await expect(page.getByText('Pengaturan cadangan tersimpan.')).toBeVisible();
    expect((await office.admin.call('backup.status', {})).settings.keep).toBe(30);
    await expect(page.getByText('Data kantor belum dicadangkan')).toHaveCount(0);
    await expect(page.getByText('Belum berjalan: isi dan simpan folder cadangan dulu.')).toHaveCount(0);

    await page.getByRole('button', { name: 'Cadangkan sekarang' }).click();
    const row = page.getByRole('row').filter({ hasText: /tanggap-\d{4}-\d{2}-\d{2}T\d{4}\.sqlite/ });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Terverifikasi');
    await expect(row).toContainText('Manual');

    // Added after the backup: the restore takes it away.
    await office.admin.call('users.create', {
      username: 'sesudah.cadangan',
      password: FIRST_PASSWORD,
      user: { name: 'Pengguna Baru', nip: '', jabatan: 'Staf', pangkat: '', role: 'staf', seksi: '', active: true },
    });

    await row.getByRole('button', { name: 'Pulihkan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Pulihkan data dari cadangan?' });
    await expect(dialog).toContainText('dicadangkan lebih dulu');
    const confirm = dialog.getByRole('button', { name: 'Pulihkan data' });
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel('Ketik PULIHKAN untuk melanjutkan').fill('PULIHKAN');
    await confirm.click();
    await expect(page.getByText('Pemulihan selesai')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Masuk' })).toBeVisible();

    const admin = new ApiClient(web.url);
    await admin.call('auth.login', { username: 'admin', password: PASSWORD });
    expect((await admin.call('users.list', {})).map((u) => u.username)).not.toContain('sesudah.cadangan');
    const status = await admin.call('backup.status', {});
    expect(status.backups.map((b) => b.reason)).toEqual(['sebelum_pemulihan', 'manual']);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
