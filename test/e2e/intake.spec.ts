import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { ApiClient, FIRST_PASSWORD, PASSWORD, firstLogin, login, logout, seedOffice } from './support';
import { readDocx } from '../support/docx';
import { yearOf } from '../../shared/time/workingTime';

// The foundation journey in a real browser: first start, a staf records a complaint with
// an attachment, gets its register number and tanda terima, and finds it in the register.

// A 1×1 PNG, the smallest real photo the intake accepts.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

async function pick(page: Page, label: string, option: string) {
  await page.getByRole('textbox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('first start: the office is set up through the setup page and its Admin is signed in', async ({ page, web }) => {
  await page.goto(web.url);
  await expect(page.getByRole('heading', { name: 'Selamat datang di Tanggap' })).toBeVisible();
  await pick(page, 'Contoh profil kantor', 'Kecamatan Kejayan, Kab. Pasuruan');
  // The preset fills the office profile.
  await expect(page.getByLabel('Nama kantor')).toHaveValue('Kecamatan Kejayan');
  await page.getByLabel('Nama lengkap admin').fill('Rina Wulandari');
  await page.getByLabel('Nama pengguna admin').fill('admin');
  await page.getByRole('textbox', { name: 'Kata sandi admin', exact: true }).fill(PASSWORD);
  // A typo in the repeated password is caught on the screen, at the field to fix.
  await page.getByLabel('Ulangi kata sandi admin').fill(`${PASSWORD}x`);
  await page.getByRole('button', { name: 'Simpan dan mulai' }).click();
  await expect(page.getByText('Kata sandi yang diulang tidak sama. Ketik ulang kata sandi admin persis sama.')).toBeVisible();
  await page.getByLabel('Ulangi kata sandi admin').fill(PASSWORD);
  await page.getByRole('button', { name: 'Simpan dan mulai' }).click();

  await expect(page.getByRole('button', { name: 'Menu akun' })).toContainText('Rina Wulandari');
  await expect(page.getByRole('banner')).toContainText('Kecamatan Kejayan');
  // The Admin's start page lists what is left to do, each with a link to its page.
  const nextSteps = page.getByRole('region', { name: 'Langkah berikutnya' });
  await expect(nextSteps).toContainText('Tambahkan akun Staf, Kasi/Kasubbag, Sekretaris Kecamatan dan Camat.');
  await nextSteps.getByRole('link', { name: 'Buka Standar pelayanan' }).click();
  await expect(page).toHaveURL(/\/admin\/standar$/);
  await page.goBack();
  await nextSteps.getByRole('button', { name: 'Sembunyikan' }).click();
  await expect(nextSteps).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Pengguna', exact: true })).toBeVisible();
  await expect(nextSteps).toHaveCount(0);

  // The new office works: a staf account made by the Admin can open the intake form with
  // the Kejayan standard's kelengkapan checklist.
  const admin = new ApiClient(web.url);
  await admin.call('auth.login', { username: 'admin', password: PASSWORD });
  await admin.call('users.create', {
    username: 'dewi',
    password: FIRST_PASSWORD,
    user: { name: 'Dewi Lestari', nip: '', jabatan: 'Pengadministrasi Umum', pangkat: '', role: 'staf', seksi: '', active: true },
  });
  await logout(page);
  // The password the Admin gave must be replaced before anything else opens.
  await firstLogin(page, web.url, 'dewi');
  await expect(page).toHaveURL(/\/pengaduan\/baru$/);
  await expect(page.getByRole('checkbox', { name: 'Nama dan alamat lengkap pengadu' })).toBeVisible();
});

test('a staf records a complaint with a photo, gets the number and tanda terima, and finds it in the register', async ({ page, web }) => {
  await seedOffice(web.url);
  await login(page, web.url, 'staf');
  await expect(page.getByRole('heading', { name: 'Catat pengaduan' })).toBeVisible();

  // The SP4N-LAPOR! tracking number is asked only for that channel.
  await expect(page.getByLabel('Nomor tracking SP4N-LAPOR!')).toHaveCount(0);
  await pick(page, 'Kanal', 'SP4N-LAPOR!');
  await expect(page.getByLabel('Nomor tracking SP4N-LAPOR!')).toBeVisible();
  await pick(page, 'Kanal', 'Langsung/Loket');
  await expect(page.getByLabel('Nomor tracking SP4N-LAPOR!')).toHaveCount(0);

  await pick(page, 'Kategori', 'Infrastruktur (jalan, jembatan, drainase)');
  await page.getByLabel('Nama pelapor').fill('Siti Aminah');
  await page.getByLabel('NIK').fill('3514014508800001');
  await page.getByLabel('Alamat', { exact: true }).fill('Dusun Krajan RT 02 RW 01, Desa Kejayan');
  await page.getByLabel('Telepon/WA').fill('081234567890');
  await page.getByLabel('Perihal').fill('Lampu jalan padam di Dusun Krajan');
  await page.getByLabel('Uraian pengaduan').fill('Lampu penerangan jalan di depan balai dusun padam sejak dua minggu; transformator sudah dilaporkan ke desa tetapi belum diperbaiki.');
  await page.getByLabel('Harapan').fill('Lampu segera diperbaiki.');
  await page.getByLabel('Tempat kejadian').fill('Depan balai Dusun Krajan');
  // Typed the Indonesian way whatever the PC's language, and read back with the day's name.
  await page.getByLabel('Tanggal kejadian').fill('02/11/2026');
  await expect(page.getByText('Senin, 2 November 2026')).toBeVisible();
  await page.getByRole('checkbox', { name: 'Nama dan alamat lengkap pengadu' }).check();

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Tambah lampiran' }).click();
  await (await chooser).setFiles({ name: 'foto-lampu.png', mimeType: 'image/png', buffer: PNG });
  await expect(page.getByRole('list', { name: 'Daftar lampiran' })).toContainText('foto-lampu.png');
  // A file the office does not take is refused before upload, and the list keeps the photo.
  const chooser2 = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Tambah lampiran' }).click();
  await (await chooser2).setFiles({ name: 'catatan.txt', mimeType: 'text/plain', buffer: Buffer.from('bukan foto') });
  await expect(page.getByText('Berkas "catatan.txt" bukan foto (JPG/PNG/WEBP) atau PDF.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Daftar lampiran' }).getByRole('listitem')).toHaveCount(1);

  // A double click records once: the register below holds exactly this one and the next.
  await page.getByRole('button', { name: 'Simpan pengaduan' }).dblclick();
  const saved = page.getByRole('status', { name: 'Pengaduan tersimpan' });
  await expect(saved).toContainText('Pengaduan tercatat dengan nomor');
  // The default register pattern {urut}/PGD/{tahun}: 4-digit yearly sequence / PGD / year in the office's zone.
  const registerNo = `0001/PGD/${yearOf(new Date(), 'Asia/Jakarta')}`;
  await expect(page.getByTestId('nomor-register')).toHaveText(registerNo);
  await expect(saved).toContainText('1 lampiran');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Unduh tanda terima (DOCX)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`Tanda-Terima-${registerNo.replaceAll('/', '-')}.docx`);
  const docx = readDocx(readFileSync(await file.path()));
  expect(docx.text).toContain(registerNo);
  expect(docx.text).toContain('Lampu jalan padam di Dusun Krajan');

  // The tanda terima on screen, then back to the saved panel: by its Kembali, by the
  // browser's Back, and after a reload of the panel.
  await page.getByRole('button', { name: 'Cetak tanda terima' }).click();
  await expect(page.getByRole('article', { name: 'Tanda terima' })).toContainText(registerNo);
  await page.getByRole('button', { name: 'Kembali' }).click();
  await expect(page.getByTestId('nomor-register')).toHaveText(registerNo);
  await page.getByRole('button', { name: 'Cetak tanda terima' }).click();
  await expect(page.getByRole('article', { name: 'Tanda terima' })).toContainText(registerNo);
  await page.goBack();
  await expect(page.getByTestId('nomor-register')).toHaveText(registerNo);
  await page.getByRole('button', { name: 'Lihat detail' }).click();
  await expect(page).toHaveURL(/\/pengaduan\/\d+$/);
  await page.goBack();
  await page.reload();
  await expect(saved).toContainText('1 lampiran');
  await expect(page.getByTestId('nomor-register')).toHaveText(registerNo);

  // The draft went with the save: the next complaint starts from an empty form.
  await page.getByRole('button', { name: 'Catat pengaduan lain' }).click();
  await expect(page.getByLabel('Perihal')).toHaveValue('');
  await page.reload();
  await expect(page.getByLabel('Perihal')).toHaveValue('');
  await expect(page.getByText('Draf dipulihkan')).toHaveCount(0);

  // A second complaint, recorded from another PC of the office, to see the register sort.
  const other = new ApiClient(web.url);
  await other.call('auth.login', { username: 'staf', password: PASSWORD });
  await other.call('complaints.create', {
    kind: 'aspirasi',
    channel: 'whatsapp',
    category: 'kebersihan_lingkungan',
    reporter: { name: 'Ahmad Yani', address: '', nik: '', phone: '', email: '', anonymous: false, confidential: false },
    subject: 'Usul tempat sampah di pasar',
    description: 'Pasar desa perlu tempat sampah terpilah.',
  });
  const secondNo = registerNo.replace('0001', '0002');

  await page.getByRole('link', { name: 'Buku register' }).click();
  const table = page.getByRole('table', { name: 'Buku register pengaduan' });
  const rows = table.locator('tbody tr[data-index]');
  await expect(rows).toHaveCount(2);
  const first = rows.filter({ hasText: registerNo });
  await expect(first).toContainText('Siti Aminah');
  await expect(first).toContainText('Lampu jalan padam di Dusun Krajan');
  await expect(first).toContainText('Infrastruktur');
  await expect(first).toContainText('Diterima');
  await expect(page.getByText('1–2 dari 2')).toBeVisible();

  // Newest number first; a click on the header turns the order round, and it is kept in the address.
  await expect(rows.first()).toContainText(secondNo);
  await table.getByRole('button', { name: 'No. Register' }).click();
  await expect(page).toHaveURL(/arah=asc/);
  await expect(rows.first()).toContainText(registerNo);
  await table.getByRole('button', { name: 'Pelapor' }).click();
  await expect(rows.first()).toContainText('Ahmad Yani');

  // Full-text search on a word that is only in the uraian; the search text (often a
  // name or NIK) never goes into the address.
  await page.getByRole('textbox', { name: 'Cari' }).fill('transformator');
  await expect(rows).toHaveCount(1);
  expect(page.url()).not.toContain('transformator');
  await expect(rows.first()).toContainText(registerNo);
  await expect(page.getByText('1–1 dari 1')).toBeVisible();

  // Filters survive a reload; a filter with no match says so.
  const channel = page.getByRole('combobox', { name: 'Kanal' });
  await channel.selectOption({ label: 'WhatsApp' });
  await expect(page.getByText('Tidak ada pengaduan yang cocok.')).toBeVisible();
  await page.reload();
  await expect(channel.locator('option:checked')).toHaveText('WhatsApp');
  await expect(page.getByRole('textbox', { name: 'Cari' })).toHaveValue('transformator');
  await expect(page.getByText('Tidak ada pengaduan yang cocok.')).toBeVisible();
  // Back undoes the kanal filter.
  await page.goBack();
  await expect(rows).toHaveCount(1);
  await page.getByRole('button', { name: 'Hapus filter' }).click();
  // The same word typed again at once searches again.
  await page.getByRole('textbox', { name: 'Cari' }).fill('transformator');
  await expect(rows).toHaveCount(1);
  await page.getByRole('button', { name: 'Hapus filter' }).press('Enter');
  await expect(rows).toHaveCount(2);
  await expect(page.getByRole('textbox', { name: 'Cari' })).toHaveValue('');
  // The button went with the filters; the keyboard is left in the search box, not at the page's top.
  await expect(page.getByRole('textbox', { name: 'Cari' })).toBeFocused();
  await page.getByRole('textbox', { name: 'Cari' }).fill(registerNo);
  await expect(rows).toHaveCount(1);

  await rows.first().click();
  await expect(page).toHaveURL(/\/pengaduan\/\d+$/);
  const stored = await other.call('complaints.get', { id: Number(/\/pengaduan\/(\d+)$/.exec(page.url())![1]) });
  expect(stored.incidentDate).toBe('2026-11-02');
});

test('an empty form is refused with Indonesian messages on the fields, and nothing is recorded', async ({ page, web }) => {
  await seedOffice(web.url);
  await login(page, web.url, 'staf');
  await page.getByRole('button', { name: 'Simpan pengaduan' }).click();
  await expect(page.getByText('Perihal wajib diisi.')).toBeVisible();
  await expect(page.getByText('Uraian pengaduan wajib diisi.')).toBeVisible();
  await expect(page.getByText('Pilih kategori.')).toBeVisible();
  const nameRule = page.getByText('Nama pelapor wajib diisi, atau centang "Anonim" bila pelapor tidak mau disebut namanya.');
  await expect(nameRule).toBeVisible();
  await expect(page.getByLabel('Perihal')).toHaveAttribute('aria-invalid', 'true');

  // What is typed is checked the same way the core checks it, and stays in the form.
  await pick(page, 'Kategori', 'Pertanahan');
  await page.getByLabel('Perihal').fill('Sertifikat tanah belum terbit');
  // Near and past its limit the uraian counts its characters and says how many to cut.
  const uraian = page.getByLabel('Uraian pengaduan');
  await uraian.fill('a'.repeat(4600));
  await expect(page.getByText('4.600 dari 5.000 karakter.', { exact: true })).toBeVisible();
  await uraian.fill('a'.repeat(5234));
  await expect(page.getByText('5.234 dari 5.000 karakter: kurangi 234 karakter.')).toBeVisible();
  await uraian.fill('Permohonan sejak Januari belum ada kabar.');
  await expect(page.getByText(/dari 5\.000 karakter/)).toHaveCount(0);
  await page.getByLabel('NIK').fill('12345');
  await page.getByLabel('Tanggal kejadian').fill('31/02/2026');
  await expect(page.getByText('Tanggal 31/02/2026 tidak ada di kalender.')).toBeVisible();
  await page.getByLabel('Tanggal kejadian').fill('');
  await page.getByRole('button', { name: 'Simpan pengaduan' }).click();
  await expect(page.getByText('NIK harus 16 angka sesuai KTP, atau kosongkan bila tidak ada.')).toBeVisible();
  await expect(page.getByText('Perihal wajib diisi.')).toHaveCount(0);
  await page.getByLabel('NIK').fill('');
  await page.getByRole('button', { name: 'Simpan pengaduan' }).click();
  await expect(nameRule).toBeVisible();
  await expect(page.getByLabel('Perihal')).toHaveValue('Sertifikat tanah belum terbit');

  await page.getByRole('link', { name: 'Buku register' }).click();
  await expect(page.getByText('Buku register masih kosong.')).toBeVisible();
  await expect(page.getByText('0 pengaduan')).toBeVisible();
});

test('unsaved input comes back after a reload, until the form is emptied', async ({ page, web }) => {
  await seedOffice(web.url);
  await login(page, web.url, 'staf');
  await page.getByLabel('Perihal').fill('Antrean KTP-el terlalu lama');
  await page.getByLabel('Uraian pengaduan').fill('Pelapor menunggu dari pukul 08.00 sampai 12.00 tanpa kepastian.');
  await page.getByRole('checkbox', { name: 'Rahasia' }).check();

  await page.reload();
  await expect(page.getByText('Draf dipulihkan')).toBeVisible();
  await expect(page.getByLabel('Perihal')).toHaveValue('Antrean KTP-el terlalu lama');
  await expect(page.getByLabel('Uraian pengaduan')).toHaveValue('Pelapor menunggu dari pukul 08.00 sampai 12.00 tanpa kepastian.');
  await expect(page.getByRole('checkbox', { name: 'Rahasia' })).toBeChecked();

  await page.getByRole('button', { name: 'Kosongkan formulir' }).click();
  await expect(page.getByLabel('Perihal')).toHaveValue('');
  await expect(page.getByRole('checkbox', { name: 'Rahasia' })).not.toBeChecked();
  await page.reload();
  await expect(page.getByLabel('Perihal')).toBeVisible();
  await expect(page.getByText('Draf dipulihkan')).toHaveCount(0);
  await expect(page.getByLabel('Perihal')).toHaveValue('');
});

test('the Jenis list shows the kinds the standard serves, and always the kind that will be submitted', async ({ page, web }) => {
  await seedOffice(web.url);
  await login(page, web.url, 'staf');
  const kinds = page.getByRole('radiogroup', { name: 'Jenis' });
  await expect(kinds.getByRole('radio', { name: 'Pengaduan' })).toBeChecked();
  await page.getByLabel('Perihal').fill('Pungutan di luar ketentuan saat mengurus KK');

  // The Admin narrows the standard while this draft still holds 'Pengaduan'.
  const admin = new ApiClient(web.url);
  await admin.call('auth.login', { username: 'admin', password: PASSWORD });
  const standard = await admin.call('standard.get', {});
  await admin.call('standard.update', { ...standard, complaintKinds: ['aspirasi', 'konsultasi'] });

  await page.reload();
  await expect(page.getByText('Draf dipulihkan')).toBeVisible();
  await expect(kinds.getByRole('radio', { name: 'Aspirasi' })).toBeVisible();
  // The draft's kind is shown chosen, not submitted unseen; an unserved kind nobody chose is not offered.
  await expect(kinds.getByRole('radio', { name: 'Pengaduan' })).toBeChecked();
  await expect(kinds.getByRole('radio', { name: 'Permintaan Informasi' })).toHaveCount(0);

  // A fresh form starts on the first kind the office serves.
  await page.getByRole('button', { name: 'Kosongkan formulir' }).click();
  await expect(kinds.getByRole('radio', { name: 'Aspirasi' })).toBeChecked();
  await expect(kinds.getByRole('radio')).toHaveCount(2);
  await page.reload();
  await expect(kinds.getByRole('radio', { name: 'Aspirasi' })).toBeChecked();
  await expect(kinds.getByRole('radio', { name: 'Pengaduan' })).toHaveCount(0);
});

test('a session that ends mid-form sends the officer to the login and keeps what was typed', async ({ page, web }) => {
  await seedOffice(web.url);
  await login(page, web.url, 'staf');
  await pick(page, 'Kategori', 'Pendidikan');
  await page.getByLabel('Nama pelapor').fill('Yuliana Rahmawati');
  await page.getByLabel('Perihal').fill('Atap ruang kelas SD bocor');
  await page.getByLabel('Uraian pengaduan').fill('Setiap hujan air masuk ke ruang kelas 4 sehingga pelajaran terhenti.');

  // The session is gone (idle timeout, another PC logging the account out): the save is refused.
  await page.context().clearCookies();
  await page.getByRole('button', { name: 'Simpan pengaduan' }).click();
  await expect(page.getByText('Sesi berakhir')).toBeVisible();
  await expect(page.getByText('Silakan masuk terlebih dahulu.')).toBeVisible();

  await page.getByLabel('Nama pengguna').fill('staf');
  await page.getByLabel('Kata sandi').fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  // The login opened over the form, so the form is still the one that was being filled.
  await expect(page).toHaveURL(/\/pengaduan\/baru$/);
  await expect(page.getByLabel('Perihal')).toHaveValue('Atap ruang kelas SD bocor');
  await page.getByRole('button', { name: 'Simpan pengaduan' }).click();
  await expect(page.getByText('Pengaduan tercatat dengan nomor')).toBeVisible();
});
