import Database from 'better-sqlite3';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { ApiClient, PASSWORD, login, logout, seedOffice } from './support';
import type { CallInput } from '../../shared/contract';
import { OFFICE_PRESETS } from '../../shared/standards/presets';

// Issue 9: the office list tells both clocks apart, and the Staf starts where work waits.
// The server runs on the real clock, so one complaint is backdated in the database: its
// standard ran out yesterday while its current step has only just begun.

const kejayan = OFFICE_PRESETS.find((p) => p.id === 'kejayan')!;
const complaint = (subject: string): CallInput<'complaints.create'> => ({
  kind: 'pengaduan',
  channel: 'langsung',
  category: 'infrastruktur',
  reporter: { name: 'Siti Aminah', address: 'Dusun Krajan RT 02 RW 01, Desa Kejayan', nik: '3514015203850002', phone: '081234567890', email: '' },
  subject,
  description: 'Sudah dua minggu lampu penerangan jalan di depan balai dusun padam sehingga jalan gelap pada malam hari.',
  expectation: 'Lampu segera diperbaiki.',
  incidentPlace: 'Jl. Raya Krajan',
  incidentDate: '2026-11-20',
  kelengkapan: kejayan.standard.kelengkapanChecklist,
});

const LATE_SUBJECT = 'Lampu penerangan jalan padam di Dusun Krajan sejak dua minggu, warga meminta perbaikan segera sebelum musim hujan';

test('Camat melihat dua jam (langkah dan standar) dan menyaring yang terlambat; Staf mulai di Tugas saya', async ({ web, page }) => {
  await seedOffice(web.url, 'kejayan');
  const staf = new ApiClient(web.url);
  await staf.call('auth.login', { username: 'staf', password: PASSWORD });
  const late = await staf.call('complaints.create', complaint(LATE_SUBJECT));
  const fresh = await staf.call('complaints.create', complaint('Saluran air tersumbat di depan SDN Kejayan 1'));
  const paused = await staf.call('complaints.create', { ...complaint('Permohonan perbaikan jembatan bambu Dusun Sumber'), kelengkapan: [] });
  await staf.call('workflow.exit', { id: paused.id, exit: 'tidak_lengkap', note: 'KTP pelapor belum dilampirkan.' });
  const day = 24 * 3600_000;
  const raw = new Database(join(web.dataDir, 'tanggap.sqlite'));
  raw
    .prepare('UPDATE complaints SET clock_started_at = ?, due_at = ? WHERE id = ?')
    .run(new Date(Date.now() - 5 * day).toISOString(), new Date(Date.now() - day).toISOString(), late.id);
  raw.close();

  await page.setViewportSize({ width: 1366, height: 768 });
  await login(page, web.url, 'camat');
  // Nothing of the Camat's own waits, so the office list opens.
  await expect(page.getByRole('tab', { name: /Semua pengaduan kantor/ })).toHaveAttribute('aria-selected', 'true');
  const table = page.getByRole('table', { name: 'Semua pengaduan kantor' });
  const lateRow = table.getByRole('row').filter({ hasText: late.registerNo });
  await expect(lateRow.getByText('Langkah: Sesuai waktu')).toBeVisible();
  await expect(lateRow.getByText('Standar: Terlambat')).toBeVisible();
  const freshRow = table.getByRole('row').filter({ hasText: fresh.registerNo });
  await expect(freshRow.getByText('Standar: Sesuai waktu')).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: paused.registerNo }).getByText(/Menunggu kelengkapan sejak .*, dicabut otomatis pada/)).toBeVisible();
  // The menu counts the office's late complaint.
  await expect(page.getByRole('link', { name: /Terlambat/ }).getByLabel('1 pengaduan terlambat')).toBeVisible();
  await page.mouse.move(700, 740);

  await page.getByRole('textbox', { name: 'Tampilkan' }).click();
  await page.getByRole('option', { name: 'Terlambat (standar)' }).click();
  await expect(table.getByRole('row').filter({ hasText: fresh.registerNo })).toHaveCount(0);
  await expect(table.getByRole('row').filter({ hasText: late.registerNo })).toHaveCount(1);
  await expect(page).toHaveURL(/saring=standar_terlambat/);
  // "Semua" brings every task back, as a choice in the same list.
  await page.getByRole('textbox', { name: 'Tampilkan' }).click();
  await page.getByRole('option', { name: 'Semua', exact: true }).click();
  await expect(table.getByRole('row').filter({ hasText: fresh.registerNo })).toHaveCount(1);
  await expect(page).not.toHaveURL(/saring=/);
  await page.getByRole('textbox', { name: 'Tampilkan' }).click();
  await page.getByRole('option', { name: 'Terlambat (standar)' }).click();
  await expect(page).toHaveURL(/saring=standar_terlambat/);

  // The register and the complaint page say both too.
  await page.getByRole('link', { name: 'Buku register' }).click();
  const register = page.getByRole('table', { name: 'Buku register pengaduan' });
  await expect(register.getByRole('row').filter({ hasText: late.registerNo }).getByText('Standar: Terlambat')).toBeVisible();
  await expect(register.getByRole('row').filter({ hasText: fresh.registerNo }).getByText('Langkah: Sesuai waktu')).toBeVisible();
  await page.mouse.move(700, 740);
  await register.getByRole('link', { name: late.registerNo }).click();
  await expect(page.getByRole('heading', { name: `Pengaduan ${late.registerNo}` })).toBeVisible();
  await expect(page.getByText('Standar: Terlambat').first()).toBeVisible();
  await expect(page.getByText('Langkah: Sesuai waktu').first()).toBeVisible();
  await expect(page.getByText('Batas penyelesaian (Standar Pelayanan)').locator('..')).toContainText('(terlewati)');
  // Opened from the register, the complaint keeps the register marked in the menu.
  const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
  await expect(nav.getByRole('link', { name: 'Buku register' })).toHaveAttribute('aria-current', 'page');
  await logout(page);

  // Three complaints wait for the Staf (two steps, one paused file): the start page is Tugas saya.
  await login(page, web.url, 'staf');
  await expect(page.getByRole('heading', { name: 'Tugas saya' })).toBeVisible();
  await expect(page).toHaveURL(/\/tugas/);
  const menu = page.getByRole('navigation', { name: 'Navigasi utama' });
  await expect(menu.getByRole('link', { name: /Tugas saya/ }).getByLabel('3 tugas')).toBeVisible();
  await expect(menu.getByRole('link', { name: /Terlambat/ }).getByLabel('1 pengaduan terlambat')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Tugas saya' }).getByRole('row').filter({ hasText: paused.registerNo })).toContainText('dicabut otomatis pada');
  await page.mouse.move(700, 740);
  // Only Tugas saya is marked current in the menu, not Terlambat too.
  await expect(menu.getByRole('link', { name: /Terlambat/ })).not.toHaveAttribute('aria-current', 'page');
  await menu.getByRole('link', { name: /Terlambat/ }).click();
  await expect(page.getByRole('table', { name: 'Tugas saya' }).getByRole('row')).toHaveCount(2);
  // Opened from there, the complaint keeps Terlambat marked, not the register.
  await page.getByRole('table', { name: 'Tugas saya' }).getByText(LATE_SUBJECT).click();
  await expect(page.getByRole('heading', { name: `Pengaduan ${late.registerNo}` })).toBeVisible();
  await expect(menu.getByRole('link', { name: /Terlambat/ })).toHaveAttribute('aria-current', 'page');
  await expect(menu.getByRole('link', { name: 'Buku register' })).not.toHaveAttribute('aria-current', 'page');
});

test('a step behind or ahead by working days says so in days, in Tugas saya and on the complaint page', async ({ web, page }) => {
  await seedOffice(web.url, 'kejayan');
  const staf = new ApiClient(web.url);
  await staf.call('auth.login', { username: 'staf', password: PASSWORD });
  const c = await staf.call('complaints.create', complaint('Saluran air tersumbat di depan SDN Kejayan 1'));
  const ahead = await staf.call('complaints.create', complaint('Papan nama jalan roboh di Dusun Krajan'));
  // Its current step was due ten days ago. Counted as the office counts them (the whole
  // working days opened since the due's own day), that is five or six working days, fewer
  // over holidays: never hours, whatever today is.
  const day = 24 * 3600_000;
  const raw = new Database(join(web.dataDir, 'tanggap.sqlite'));
  raw.prepare('UPDATE complaints SET step_started_at = ?, step_due_at = ? WHERE id = ?').run(new Date(Date.now() - 11 * day).toISOString(), new Date(Date.now() - 10 * day).toISOString(), c.id);
  // The other's step is due ten days from now: days ahead, not 40-odd hours.
  raw.prepare('UPDATE complaints SET step_due_at = ?, escalate_to = NULL WHERE id = ?').run(new Date(Date.now() + 10 * day).toISOString(), ahead.id);
  raw.close();

  await login(page, web.url, 'staf');
  const tasks = page.getByRole('table', { name: 'Tugas saya' });
  for (const [registerNo, days] of [
    [c.registerNo, /^terlambat ([2-9]|\d\d) hari kerja$/],
    [ahead.registerNo, /^([2-9]|[1-9]\d) hari kerja lagi$/],
  ] as const) {
    const row = tasks.getByRole('row').filter({ hasText: registerNo });
    const cell = row.getByText(days);
    await expect(cell).toBeVisible();
    const said = (await cell.textContent())!;
    await row.getByRole('link', { name: registerNo }).click();
    await expect(page.getByText('Sisa waktu kerja').locator('..')).toContainText(said);
    await page.goBack();
  }
});
