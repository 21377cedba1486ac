import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { login, seedOffice } from './support';
import { addDaysYmd, localDate } from '../../shared/time/workingTime';
import { formatTanggal } from '../../shared/time/format';

// A letter that arrived yesterday, recorded today with the sender's number and date; a
// near-identical second one is caught before saving and linked to the first.

const shots = process.env.TANGGAP_SHOTS;
const dmy = (ymd: string) => `${ymd.slice(8, 10)}/${ymd.slice(5, 7)}/${ymd.slice(0, 4)}`;

async function pick(page: Page, label: string, option: string) {
  await page.getByRole('textbox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function fillLetter(page: Page, yesterday: string) {
  await pick(page, 'Kanal', 'Surat');
  await pick(page, 'Kategori', 'Infrastruktur (jalan, jembatan, drainase)');
  await page.getByLabel('Tanggal diterima').fill(dmy(yesterday));
  await page.getByLabel('Jam diterima').fill('10.00');
  await page.getByLabel('Nomor surat pelapor').fill('045/RT03/XI/2026');
  await page.getByLabel('Tanggal surat').fill(dmy(addDaysYmd(yesterday, -2)));
  await page.getByLabel('Nama pelapor').fill('Siti Aminah');
  await page.getByLabel('NIK').fill('3514014508800001');
  await page.getByLabel('Perihal').fill('Jembatan bambu Dusun Krajan putus');
  await page.getByLabel('Uraian pengaduan').fill('Jembatan bambu penghubung Dusun Krajan dan sawah putus terbawa banjir sehingga petani memutar lima kilometer.');
}

test('a Surat complaint dated yesterday, then a near-identical one linked to it', async ({ page, web }) => {
  // Two servers and two browsers share the machine's cores: the two saves and four pages take a while.
  test.setTimeout(180_000);
  await seedOffice(web.url);
  await login(page, web.url, 'staf');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${web.url}/pengaduan/baru`);
  const yesterday = addDaysYmd(localDate(new Date().toISOString(), 'Asia/Jakarta'), -1);

  // The letter's number and date are asked only for the Surat channel.
  await expect(page.getByLabel('Nomor surat pelapor')).toHaveCount(0);
  await fillLetter(page, yesterday);
  await expect(page.getByLabel('Nomor surat pelapor')).toBeVisible();
  if (shots) {
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: `${shots}/intake-surat.png` });
  }
  await page.getByRole('button', { name: 'Simpan pengaduan' }).click();
  await expect(page.getByRole('status', { name: 'Pengaduan tersimpan' })).toBeVisible();
  const firstNo = (await page.getByTestId('nomor-register').textContent())!;

  // The same reporter and nearly the same words: the officer is asked before saving.
  await page.getByRole('button', { name: 'Catat pengaduan lain' }).click();
  await fillLetter(page, yesterday);
  await page.getByLabel('Perihal').fill('Jembatan bambu di Dusun Krajan putus');
  await page.getByRole('button', { name: 'Simpan pengaduan' }).click();
  const modal = page.getByRole('dialog', { name: 'Mungkin sudah pernah dicatat' });
  await expect(modal).toBeVisible();
  await expect(modal.getByRole('region', { name: `Pengaduan ${firstNo}` })).toContainText('Pelapor sama');
  await expect(modal.getByRole('button', { name: 'Tetap simpan sebagai pengaduan baru' })).toBeVisible();
  await expect(modal.getByRole('button', { name: 'Batal' })).toBeVisible();
  if (shots) await page.screenshot({ path: `${shots}/intake-duplicate.png` });
  await modal.getByRole('button', { name: `Simpan dan tautkan ke ${firstNo}` }).click();
  await expect(page.getByRole('status', { name: 'Pengaduan tersimpan' })).toBeVisible();
  const secondNo = (await page.getByTestId('nomor-register').textContent())!;
  expect(secondNo).not.toBe(firstNo);

  // Both pages show the link; the second one its letter and its backdated receipt.
  await page.getByRole('button', { name: 'Lihat detail' }).click();
  await expect(page.getByRole('list', { name: 'Pengaduan terkait' })).toContainText(firstNo);
  await expect(page.getByText(`${formatTanggal(yesterday, 'Asia/Jakarta')} pukul 10.00 WIB`).first()).toBeVisible();
  await expect(page.getByText(/^Tanggal diterima diisi mundur; dicatat/)).toBeVisible();
  await expect(page.getByText('045/RT03/XI/2026')).toBeVisible();
  if (shots) await page.screenshot({ path: `${shots}/complaint-page.png`, fullPage: true });
  await page.getByRole('list', { name: 'Pengaduan terkait' }).getByRole('link', { name: firstNo }).click();
  await expect(page.getByRole('list', { name: 'Pengaduan terkait' })).toContainText(secondNo);
  await expect(page.getByText(`Pengaduan ${secondNo} ditautkan ke pengaduan ini`)).toBeVisible();
});
