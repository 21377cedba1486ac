import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DEMO_PASSWORD } from '../../main/core/demo/seed';
import { test, expect } from './fixtures';
import { ApiClient } from './support';

// The demo office takes a while to seed on a busy machine.
test.describe.configure({ timeout: 300_000 });

// A kantor that used Tanggap (the demo office) moves to a new computer: the fresh
// install's setup screen restores its backup, and its Admin signs in as before.
test('a fresh install restores an office from its backup folder and its admin signs in', async ({ page, web, demoWeb }) => {
  const folder = mkdtempSync(join(tmpdir(), 'tanggap-e2e-pulih-'));
  try {
    const old = new ApiClient(demoWeb.url);
    await old.call('auth.login', { username: 'admin', password: DEMO_PASSWORD });
    await old.call('backup.updateSettings', { folder, keep: 7, daily: false, rowVersion: (await old.call('backup.status', {})).settings.rowVersion });
    const { last } = await old.call('backup.now', {});
    const complaints = last!.complaints.toLocaleString('id-ID');
    // Someone else's SQLite file under a backup's name: listed, but refused with the reason.
    const foreign = new Database(join(folder, 'tanggap-2026-01-03T0000.sqlite'));
    foreign.exec('CREATE TABLE catatan (isi TEXT); PRAGMA user_version = 1;');
    foreign.close();

    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(web.url);
    await expect(page.getByRole('heading', { name: 'Selamat datang di Tanggap' })).toBeVisible();
    await page.getByRole('tab', { name: 'Pulihkan dari cadangan' }).click();
    const panel = page.getByRole('tabpanel', { name: 'Pulihkan dari cadangan' });
    await expect(panel).toContainText('komputer yang menjalankan Tanggap');

    await panel.getByLabel('Folder cadangan').fill('Cadangan Tanggap');
    await panel.getByRole('button', { name: 'Cari cadangan' }).click();
    await expect(panel.getByText('Tulis lokasi folder lengkap', { exact: false })).toBeVisible();
    await panel.getByLabel('Folder cadangan').fill(join(folder, 'tidak-ada'));
    await panel.getByRole('button', { name: 'Cari cadangan' }).click();
    await expect(panel.getByText('tidak ditemukan di komputer yang menjalankan Tanggap', { exact: false })).toBeVisible();

    await panel.getByLabel('Folder cadangan').fill(folder);
    await panel.getByRole('button', { name: 'Cari cadangan' }).click();
    const row = panel.getByRole('row').filter({ hasText: last!.file });
    await expect(row).toContainText('Terverifikasi');
    await expect(row.getByRole('cell', { name: complaints, exact: true })).toBeVisible();
    const other = panel.getByRole('row').filter({ hasText: 'tanggap-2026-01-03T0000.sqlite' });
    await expect(other).toContainText('Belum terverifikasi');
    await other.getByRole('button', { name: 'Pulihkan' }).click();
    await expect(panel.getByRole('alert')).toContainText('ini bukan basis data Tanggap');

    await row.getByRole('button', { name: 'Pulihkan' }).click();
    await expect(page.getByText('Pemulihan selesai')).toBeVisible();
    await expect(page.getByText(`${complaints} pengaduan dipulihkan dari ${last!.file}`)).toBeVisible();
    await expect(page.getByText('Pegantenan', { exact: false }).first()).toBeVisible();

    await page.getByLabel('Nama pengguna').fill('admin');
    await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await expect(page.getByRole('button', { name: 'Menu akun' })).toBeVisible();
    await expect(page.getByText('Agus Prasetyo, S.Sos.').first()).toBeVisible();

    // Set up now: the setup calls are closed to anyone.
    const stranger = new ApiClient(web.url);
    await expect(stranger.call('setup.backups', { folder })).rejects.toThrow('sudah disiapkan');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
