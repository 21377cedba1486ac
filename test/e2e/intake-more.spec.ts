import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { ApiClient, login, PASSWORD, seedOffice } from './support';
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

  // The same reporter and nearly the same words: the officer is asked before saving. (The
  // menu's Catat pengaduan, from the saved panel, opens an empty form.)
  await page.getByRole('link', { name: 'Catat pengaduan' }).click();
  await expect(page.getByLabel('Perihal')).toHaveValue('');
  await fillLetter(page, yesterday);
  await page.getByLabel('Perihal').fill('Jembatan bambu di Dusun Krajan putus');
  await page.getByRole('button', { name: 'Simpan pengaduan' }).click();
  const modal = page.getByRole('dialog', { name: 'Mungkin sudah pernah dicatat' });
  await expect(modal).toBeVisible();
  await expect(modal.getByRole('region', { name: `Pengaduan ${firstNo}` })).toContainText('NIK sama');
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

// A 1×1 PNG: renamed .pdf, the browser takes the name's word for its type, the server reads its content.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

test('fields of a channel switched away from hold nothing back, and a file the server refuses is marked in the list', async ({ page, web }) => {
  await seedOffice(web.url);
  await login(page, web.url, 'staf');
  await expect(page.getByRole('heading', { name: 'Catat pengaduan' })).toBeVisible();

  // A wrong letter date and an over-long tracking number, then the channel is switched to WhatsApp.
  await pick(page, 'Kanal', 'Surat');
  await page.getByLabel('Tanggal surat').fill('31/11/2026');
  await expect(page.getByText('Tanggal 31/11/2026 tidak ada di kalender.')).toBeVisible();
  await pick(page, 'Kanal', 'SP4N-LAPOR!');
  const tracking = page.getByLabel('Nomor tracking SP4N-LAPOR!');
  await expect(tracking).toHaveAttribute('maxlength', '40');
  await tracking.fill('1'.repeat(40));
  await pick(page, 'Kanal', 'WhatsApp');
  await pick(page, 'Kategori', 'Infrastruktur (jalan, jembatan, drainase)');
  await page.getByLabel('Nama pelapor').fill('Siti Aminah');
  await page.getByLabel('Perihal').fill('Gorong-gorong Dusun Krajan tersumbat');
  await page.getByLabel('Uraian pengaduan').fill('Gorong-gorong di depan balai dusun tersumbat lumpur sehingga air meluap ke jalan.');

  // The draft keeps nothing of the channels left: a reload and a switch back to Surat show an empty letter date.
  await page.reload();
  await expect(page.getByText('Draf dipulihkan')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Kanal' })).toHaveValue('WhatsApp');
  await pick(page, 'Kanal', 'Surat');
  await expect(page.getByLabel('Tanggal surat')).toHaveValue('');
  await pick(page, 'Kanal', 'WhatsApp');

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Tambah lampiran' }).click();
  await (await chooser).setFiles({ name: 'renamed.pdf', mimeType: 'application/pdf', buffer: PNG });
  await page.getByRole('button', { name: 'Simpan pengaduan' }).click();
  await expect(page.getByText(/^Ada isian yang belum benar/)).toBeVisible();
  // The refused file is the one marked, with its reason, in the list.
  const refused = page.getByRole('list', { name: 'Daftar lampiran' }).getByRole('listitem').filter({ hasText: 'renamed.pdf' });
  await expect(refused).toHaveAttribute('data-invalid', 'true');
  await expect(refused).toContainText('Isi berkas "renamed.pdf" bukan PDF yang sah');
  await page.getByRole('button', { name: 'Hapus lampiran renamed.pdf' }).click();
  await expect(page.getByText(/^Ada isian yang belum benar/)).toHaveCount(0);

  await page.getByRole('button', { name: 'Simpan pengaduan' }).click();
  await expect(page.getByRole('status', { name: 'Pengaduan tersimpan' })).toBeVisible();
  const api = new ApiClient(web.url);
  await api.call('auth.login', { username: 'staf', password: PASSWORD });
  const saved = await api.call('complaints.get', { id: (await api.call('complaints.list', {})).rows[0]!.id });
  expect([saved.channel, saved.letterNo, saved.letterDate, saved.laporTrackingId]).toEqual(['whatsapp', '', '', '']);
  // Its page shows no letter and no tracking number.
  await page.getByRole('button', { name: 'Lihat detail' }).click();
  await expect(page.getByRole('heading', { name: 'Data pengaduan' })).toBeVisible();
  await expect(page.getByText('Nomor tracking SP4N-LAPOR!')).toHaveCount(0);
  await expect(page.getByText('Surat pelapor (nomor, tanggal)')).toHaveCount(0);
});
