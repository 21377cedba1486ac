import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { login, seedOffice } from './support';
import { registerFixture } from '../support/importFixture';

// The Staf brings the old Excel register in: uploads it, checks how its columns are
// read and which rows will be skipped, confirms, reads the report and finds an old
// complaint in the register under its old number.

test('the Staf imports the old register and finds an old complaint in the register', async ({ page, web }) => {
  // Reading the first Excel file loads exceljs in the server, which takes a while on a busy machine.
  test.setTimeout(180_000);
  await seedOffice(web.url);
  const fixture = await registerFixture(30, 0);
  const dir = mkdtempSync(join(tmpdir(), 'tanggap-impor-'));
  const path = join(dir, 'register-lama.xlsx');
  writeFileSync(path, fixture.bytes);
  const good = fixture.rows.filter((r) => r.ok);
  const bad = fixture.rows.filter((r) => !r.ok);
  expect(bad).toHaveLength(1);

  await login(page, web.url, 'staf');
  await page.getByRole('link', { name: 'Impor register lama' }).click();
  await expect(page.getByRole('heading', { name: 'Impor register lama' })).toBeVisible();
  await page.locator('input[type="file"]').setInputFiles(path);
  await page.getByRole('button', { name: 'Baca berkas' }).click();

  const summary = page.getByLabel('Ringkasan pratinjau');
  await expect(summary).toContainText('30 baris', { timeout: 60_000 });
  await expect(summary).toContainText(`${good.length} siap diimpor`);
  await expect(summary).toContainText('1 dilewati');
  // The column mapping is prefilled from the headers.
  await expect(page.getByRole('textbox', { name: 'No. Register *' })).toHaveValue(/No\. Register/);
  await expect(page.getByRole('textbox', { name: 'Uraian/Isi *' })).toHaveValue(/Uraian\/Isi/);
  const table = page.getByRole('table', { name: 'Pratinjau impor' });
  await expect(table.getByRole('row', { name: new RegExp(`^${bad[0]!.row} `) })).toContainText('Uraian/Isi kosong.');
  await expect(table.getByRole('row', { name: new RegExp(`^${good[0]!.row} `) })).toContainText(good[0]!.registerNo);
  await page.screenshot({ path: join(test.info().outputDir, 'impor-pratinjau.png'), fullPage: true });

  const importButton = page.getByRole('button', { name: `Impor ${good.length} baris` });
  await expect(importButton).toBeDisabled();
  await page.getByRole('checkbox', { name: /Saya sudah memeriksa pratinjau/ }).check();
  await importButton.click();

  const report = page.getByRole('status').filter({ hasText: 'Hasil impor' });
  await expect(report).toContainText(`${good.length} pengaduan diimpor`, { timeout: 60_000 });
  await expect(report).toContainText('1 baris dilewati dari 30 baris');
  await expect(report.getByRole('table', { name: 'Baris yang dilewati' })).toContainText(`${bad[0]!.row}Uraian/Isi kosong.`);
  await page.screenshot({ path: join(test.info().outputDir, 'impor-hasil.png'), fullPage: true });

  await report.getByRole('link', { name: 'Buka buku register' }).click();
  const wanted = good[3]!;
  await page.getByRole('textbox', { name: 'Cari' }).fill(wanted.registerNo.replaceAll('/', ' '));
  await expect(page.getByRole('row').filter({ hasText: wanted.registerNo })).toBeVisible();
  rmSync(dir, { recursive: true, force: true });
});
