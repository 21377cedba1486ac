import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { as, login, seedOffice } from './support';
import { localDate } from '../../shared/time/workingTime';
import { MONTHS } from '../../shared/time/format';

// A PC of the office whose own clock is wrong (a flat CMOS battery puts it years back) still
// fills in and checks today's date as the office's host knows it: the forms take the host's
// clock from the session, not this PC's.

const WRONG_PC_CLOCK = new Date('2001-03-01T09:00:00+07:00');
const dmy = (ymd: string) => `${ymd.slice(8, 10)}/${ymd.slice(5, 7)}/${ymd.slice(0, 4)}`;

async function pick(page: Page, label: string, option: string) {
  await page.getByRole('textbox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('a PC whose clock is years behind records today and reports this month, as the host counts them', async ({ page, web }) => {
  test.setTimeout(120_000);
  await seedOffice(web.url);
  await page.clock.setFixedTime(WRONG_PC_CLOCK);
  expect(await page.evaluate(() => new Date().getFullYear())).toBe(2001);
  // The server and this test share the real clock: the office's today (Kejayan, WIB).
  const today = localDate(new Date(), 'Asia/Jakarta');
  const [year, month] = today.split('-').map(Number) as [number, number];

  // Received today at 00.00: on this PC's clock a date 25 years ahead, refused before saving.
  await login(page, web.url, 'staf');
  await page.goto(`${web.url}/pengaduan/baru`);
  await pick(page, 'Kanal', 'Langsung/Loket');
  await pick(page, 'Kategori', 'Infrastruktur (jalan, jembatan, drainase)');
  await page.getByLabel('Tanggal diterima').fill(dmy(today));
  await page.getByLabel('Jam diterima').fill('00.00');
  await page.getByLabel('Nama pelapor').fill('Siti Aminah');
  await page.getByLabel('Perihal').fill('Lampu jalan padam di Dusun Krajan');
  await page.getByLabel('Uraian pengaduan').fill('Lampu penerangan jalan di depan balai dusun padam sejak dua minggu.');
  await page.getByRole('button', { name: 'Simpan pengaduan' }).click();
  await expect(page.getByRole('status', { name: 'Pengaduan tersimpan' })).toBeVisible();

  // The buku rekap opens on the host's month and year, not March 2001.
  await page.goto(`${web.url}/rekap`);
  await expect(page.getByRole('textbox', { name: 'Tahun' })).toHaveValue(String(year));
  await expect(page.getByRole('textbox', { name: 'Bulan' })).toHaveValue(MONTHS[month - 1]!);

  // So does the Camat's dashboard, and it counts the complaint just recorded in it.
  await as(page, web.url, 'camat');
  await page.goto(`${web.url}/dasbor`);
  await expect(page.getByRole('textbox', { name: 'Bulan' })).toHaveValue(`${MONTHS[month - 1]} ${year} (bulan ini)`);
});
