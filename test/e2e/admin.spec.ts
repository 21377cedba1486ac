import Database from 'better-sqlite3';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { FIRST_PASSWORD, firstLogin, login, logout, seedOffice } from './support';
import { LOGIN_MAX_FAILURES } from '../../shared/domain';

// The admin's settings screens against the real core: users, the service standard,
// the working calendar and the audit check.

test('admin adds a Kasi (seksi required) who can then sign in', async ({ page, web }) => {
  const office = await seedOffice(web.url);
  await login(page, web.url, 'admin');
  await expect(page.getByRole('heading', { name: 'Pengguna' })).toBeVisible();

  await page.getByRole('button', { name: 'Tambah pengguna' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tambah pengguna' });
  await dialog.getByLabel('Nama pengguna').fill('kasi.trantib');
  await dialog.getByLabel(/^Kata sandi awal/).fill(FIRST_PASSWORD);
  // A typo in the repeated first password is caught with the missing seksi.
  await dialog.getByLabel('Ulangi kata sandi awal').fill(`${FIRST_PASSWORD}x`);
  await dialog.getByLabel('Nama lengkap').fill('Sri Wahyuni, S.IP.');
  await dialog.getByLabel('NIP').fill('198502142010012003');
  await dialog.getByLabel('Jabatan').fill('Kepala Seksi Ketenteraman dan Ketertiban');
  await dialog.getByLabel('Pangkat/golongan').fill('Penata Tingkat I (III/d)');
  // What was typed is not lost to a stray Escape.
  await page.keyboard.press('Escape');
  await expect(dialog.getByLabel('Nama lengkap')).toHaveValue('Sri Wahyuni, S.IP.');
  await dialog.getByRole('textbox', { name: 'Peran' }).click();
  await page.getByRole('option', { name: 'Kasi/Kasubbag' }).click();
  await dialog.getByRole('button', { name: 'Simpan pengguna' }).click();

  const seksi = dialog.getByRole('textbox', { name: 'Seksi' });
  await expect(seksi).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('Kasi/Kasubbag wajib memiliki seksi, contoh: Seksi Pelayanan.')).toBeVisible();
  await expect(dialog.getByText('Kata sandi yang diulang tidak sama. Ketik ulang kata sandi awal persis sama.')).toBeVisible();
  const table = page.getByRole('table', { name: 'Daftar pengguna' });
  // The refused save created nobody: ask the core, not the list on screen (which has not reloaded).
  const stored = async () => (await office.admin.call('users.list', {})).map((u) => u.username);
  expect(await stored()).not.toContain('kasi.trantib');

  // What was typed is still there; only the seksi is added.
  await expect(dialog.getByLabel('Nama lengkap')).toHaveValue('Sri Wahyuni, S.IP.');
  await seksi.fill('Seksi Trantib');
  await dialog.getByLabel('Ulangi kata sandi awal').fill(FIRST_PASSWORD);
  await dialog.getByRole('button', { name: 'Simpan pengguna' }).click();
  await expect(dialog).toBeHidden();
  expect(await stored()).toContain('kasi.trantib');
  const row = table.getByRole('row').filter({ hasText: 'kasi.trantib' });
  await expect(row).toContainText('Sri Wahyuni, S.IP.');
  await expect(row).toContainText('NIP 19850214 201001 2 003');
  await expect(row).toContainText('Kasi/Kasubbag');
  await expect(row).toContainText('Seksi Trantib');
  await expect(row).toContainText('Aktif');

  await logout(page);
  await firstLogin(page, web.url, 'kasi.trantib');
  await expect(page.getByRole('button', { name: 'Menu akun' })).toContainText('Sri Wahyuni, S.IP.');
});

test('standard: a changed step duration is kept; an amount of 0 is refused with its message and not saved', async ({ page, web }) => {
  await seedOffice(web.url, 'kejayan');
  await login(page, web.url, 'admin');
  await page.goto(`${web.url}/admin/standar`);

  const step1 = page.getByRole('textbox', { name: 'Lama waktu langkah 1', exact: true });
  await expect(step1).toHaveValue('15');
  await step1.fill('20');
  await page.getByRole('button', { name: 'Simpan standar' }).first().click();
  await expect(page.getByText('Standar pelayanan tersimpan.', { exact: false })).toBeVisible();

  await page.reload();
  await expect(step1).toHaveValue('20');

  const step2 = page.getByRole('textbox', { name: 'Lama waktu langkah 2', exact: true });
  await expect(step2).toHaveValue('30');
  await step2.fill('0');
  await page.getByRole('button', { name: 'Simpan standar' }).first().click();
  await expect(step2).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Lama waktu harus lebih dari 0.')).toBeVisible();
  await expect(page.getByText('Standar belum dapat disimpan')).toBeVisible();
  await expect(step2).toHaveValue('0');

  // A limit out of range stays as typed when the field is left, and the save says why.
  await page.reload();
  const withdraw = page.getByLabel('Dicabut otomatis bila tidak dilengkapi (hari kerja)');
  await withdraw.fill('90');
  await withdraw.blur();
  await expect(withdraw).toHaveValue('90');
  await page.getByRole('button', { name: 'Simpan standar' }).first().click();
  await expect(page.getByText('Batas pencabutan otomatis paling lama 60 hari kerja.')).toBeVisible();

  await page.reload();
  await expect(step2).toHaveValue('30');
  await expect(step1).toHaveValue('20');
});

test('document settings: a template with a problem opens again on saving and keeps what was typed; the saved template and paper are kept', async ({ page, web }) => {
  const office = await seedOffice(web.url);
  await login(page, web.url, 'admin');
  await page.goto(`${web.url}/admin/dokumen`);
  const letter = 'Surat penerusan ke instansi berwenang';
  await page.getByRole('button', { name: letter }).click();
  const hal = page.getByRole('region', { name: letter }).getByRole('textbox', { name: 'Hal' });
  await expect(hal).toHaveValue('Penerusan {jenis} masyarakat');
  await hal.fill('Penerusan Pengaduan Nomor {nomor_registr}');
  await expect(page.getByText('{nomor_registr} bukan isian yang dikenal.', { exact: false })).toBeVisible();
  // Closed again before saving: the refused save opens the letter with the problem.
  await page.getByRole('button', { name: letter }).click();
  await expect(hal).toBeHidden();
  const save = page.getByRole('button', { name: 'Simpan pengaturan' }).first();
  await save.click();
  await expect(page.getByText('Pengaturan belum dapat disimpan')).toBeVisible();
  await expect(page.getByRole('button', { name: `${letter} (perlu diperbaiki)` })).toBeVisible();
  await expect(hal).toHaveValue('Penerusan Pengaduan Nomor {nomor_registr}');
  await expect(hal).toHaveAttribute('aria-invalid', 'true');
  // Zero-width spaces only are an empty Hal, not a blank one printed on every letter.
  await hal.fill('\u200B\u2060');
  await save.click();
  await expect(page.getByText('Hal surat wajib diisi.')).toBeVisible();
  expect((await office.admin.call('documents.settings', {})).templates.penerusan.hal).toBe('Penerusan {jenis} masyarakat');

  await hal.fill('Penerusan Pengaduan Nomor {nomor_register}');
  await page.getByRole('radio', { name: 'A4 (210 × 297 mm)' }).check();
  await save.click();
  await expect(page.getByText('Pengaturan dokumen tersimpan.', { exact: false })).toBeVisible();
  const stored = await office.admin.call('documents.settings', {});
  expect([stored.paper, stored.templates.penerusan.hal]).toEqual(['A4', 'Penerusan Pengaduan Nomor {nomor_register}']);
  await page.reload();
  await page.getByRole('button', { name: letter }).click();
  await expect(hal).toHaveValue('Penerusan Pengaduan Nomor {nomor_register}');
  await expect(page.getByRole('radio', { name: 'A4 (210 × 297 mm)' })).toBeChecked();
});

test('unsaved edits are not left without a question: another screen, Back, closing the page', async ({ page, web }) => {
  await seedOffice(web.url, 'kejayan');
  await login(page, web.url, 'admin');
  const menu = (name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true });
  await menu('Standar pelayanan').click();
  const step1 = page.getByRole('textbox', { name: 'Lama waktu langkah 1', exact: true });
  await expect(step1).toHaveValue('15');
  await step1.fill('25');

  // Another screen from the menu asks in the page; staying keeps what was typed.
  const ask = page.getByRole('dialog', { name: 'Perubahan belum disimpan' });
  await menu('Kalender kerja').click();
  await expect(ask).toBeVisible();
  await expect(ask).toContainText('Perubahan yang belum disimpan akan hilang.');
  await ask.getByRole('button', { name: 'Tetap di sini' }).click();
  await expect(ask).toBeHidden();
  await expect(page).toHaveURL(/\/admin\/standar$/);
  await expect(step1).toHaveValue('25');

  // Back asks too.
  await page.goBack();
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Tetap di sini' }).click();
  await expect(page).toHaveURL(/\/admin\/standar$/);
  await expect(step1).toHaveValue('25');

  // Closing or reloading the page: the browser's own question, which keeps the page when declined.
  const asked: string[] = [];
  page.on('dialog', (dialog) => {
    asked.push(dialog.type());
    void dialog.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => asked).toEqual(['beforeunload']);
  expect(page.isClosed()).toBe(false);
  await expect(step1).toHaveValue('25');

  // Leaving when told to: nothing was saved, and a form without edits asks nothing.
  await menu('Kalender kerja').click();
  await ask.getByRole('button', { name: 'Tinggalkan tanpa menyimpan' }).click();
  await expect(page).toHaveURL(/\/admin\/kalender$/);
  await menu('Standar pelayanan').click();
  await expect(step1).toHaveValue('15');
  await menu('Kalender kerja').click();
  await expect(page).toHaveURL(/\/admin\/kalender$/);
  await expect(ask).toBeHidden();

  // Nor after a save.
  await menu('Standar pelayanan').click();
  await step1.fill('20');
  await page.getByRole('button', { name: 'Simpan standar' }).first().click();
  await expect(page.getByText('Standar pelayanan tersimpan.', { exact: false })).toBeVisible();
  await menu('Kalender kerja').click();
  await expect(page).toHaveURL(/\/admin\/kalender$/);
  expect(asked).toEqual(['beforeunload']);
});

test('calendar: an office closure is saved and an iCal file adds its holidays', async ({ page, web }) => {
  await seedOffice(web.url);
  await login(page, web.url, 'admin');
  await page.goto(`${web.url}/admin/kalender`);
  // The preset holds this year's national holidays; from October it asks for next year's.
  const today = new Date().toISOString().slice(0, 10);
  const next = String(Number(today.slice(0, 4)) + 1);
  const asksNext = page.getByText(`Hari libur nasional ${next} belum dicatat`);
  if (Number(today.slice(5, 7)) >= 10) await expect(asksNext).toBeVisible();
  else await expect(asksNext).toHaveCount(0);

  // A day typed in is a national holiday unless told otherwise.
  await expect(page.getByRole('textbox', { name: 'Jenis libur' })).toHaveValue('Libur nasional');
  await page.getByRole('textbox', { name: 'Jenis libur' }).click();
  await page.getByRole('option', { name: 'Libur kantor' }).click();
  await page.getByLabel('Tanggal libur').fill('28/12/2026');
  await page.getByLabel('Nama hari libur').fill('Hari jadi kantor');
  await page.getByRole('button', { name: 'Tambah hari libur' }).click();
  const closures = page.getByRole('table', { name: 'Daftar hari libur' });
  await expect(closures.getByRole('textbox', { name: 'Nama libur Senin, 28 Desember 2026' })).toHaveValue('Hari jadi kantor');
  await page.getByRole('button', { name: 'Simpan kalender' }).first().click();
  await expect(page.getByText('Kalender kerja tersimpan. Batas waktu yang ditetapkan mulai sekarang memakai kalender ini; batas waktu yang sudah berjalan tetap.')).toBeVisible();

  await page.reload();
  await page.getByRole('textbox', { name: 'Tampilkan tahun' }).click();
  await page.getByRole('option', { name: '2026' }).click();
  await expect(closures.getByRole('textbox', { name: 'Nama libur Senin, 28 Desember 2026' })).toHaveValue('Hari jadi kantor');
  await expect(closures.getByRole('textbox', { name: 'Jenis Senin, 28 Desember 2026' })).toHaveValue('Libur kantor');

  const ics = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Tanggap e2e//ID',
    'BEGIN:VEVENT',
    'DTSTART;VALUE=DATE:20270101',
    'DTEND;VALUE=DATE:20270102',
    'SUMMARY:Tahun Baru 2027 Masehi',
    'END:VEVENT',
    // A timed event in UTC: 17:00Z on 30 April is midnight on 1 May in the office's WIB.
    'BEGIN:VEVENT',
    'DTSTART:20270430T170000Z',
    'DTEND:20270501T170000Z',
    'SUMMARY:Hari Buruh Internasional',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'DTSTART;VALUE=DATE:20270817',
    'DTEND;VALUE=DATE:20270818',
    'SUMMARY:Hari Proklamasi Kemerdekaan',
    'END:VEVENT',
    'END:VCALENDAR',
  ].join('\r\n');
  await page.locator('input[type="file"]').setInputFiles({ name: 'libur-2027.ics', mimeType: 'text/calendar', buffer: Buffer.from(ics) });
  await page.getByRole('button', { name: 'Impor iCal (.ics)' }).click();
  await expect(page.getByText('3 tanggal ditambahkan, 0 dilewati karena sudah tercantum.')).toBeVisible();
  if (next === '2027') await expect(asksNext).toHaveCount(0);

  await page.getByRole('textbox', { name: 'Tampilkan tahun' }).click();
  await page.getByRole('option', { name: '2027' }).click();
  await expect(closures.getByRole('textbox', { name: 'Nama libur Jumat, 1 Januari 2027' })).toHaveValue('Tahun Baru 2027 Masehi');
  await expect(closures.getByRole('textbox', { name: 'Nama libur Selasa, 17 Agustus 2027' })).toHaveValue('Hari Proklamasi Kemerdekaan');
  await expect(closures.getByRole('textbox', { name: 'Nama libur Sabtu, 1 Mei 2027' })).toHaveValue('Hari Buruh Internasional');
  await expect(closures.getByText('Jumat, 30 April 2027')).toHaveCount(0);

  // A problem in a year that is not on screen: after the failed save the list
  // switches to that year, so the row the alert points at can be seen and fixed.
  const proklamasi = closures.getByRole('textbox', { name: 'Nama libur Selasa, 17 Agustus 2027' });
  await proklamasi.fill('');
  const year = page.getByRole('textbox', { name: 'Tampilkan tahun' });
  await year.click();
  await page.getByRole('option', { name: '2026' }).click();
  await expect(proklamasi).toBeHidden();
  await page.getByRole('button', { name: 'Simpan kalender' }).first().click();
  await expect(page.getByRole('alert').filter({ hasText: 'Kalender belum dapat disimpan' })).toContainText('Perbaiki isian yang ditandai merah di bawah.');
  await expect(year).toHaveValue('2027');
  await expect(proklamasi).toHaveAttribute('aria-invalid', 'true');
  await expect(closures.getByText('Nama hari libur wajib diisi.')).toBeVisible();
  await proklamasi.fill('Hari Proklamasi Kemerdekaan RI');
  await page.getByRole('button', { name: 'Simpan kalender' }).first().click();
  await expect(page.getByText('Kalender kerja tersimpan.', { exact: false })).toBeVisible();
});

test('audit check: OK on an intact trail, names the first broken row after tampering', async ({ page, web }) => {
  const office = await seedOffice(web.url);
  // Two audited changes, so there is a trail to check.
  const calendar = await office.admin.call('calendar.get', {});
  const saved = await office.admin.call('calendar.update', calendar);
  await office.admin.call('calendar.update', saved);

  await login(page, web.url, 'admin');
  await page.goto(`${web.url}/admin/audit`);
  // Setup, users and logins are audited too: the core says how many rows there are.
  const { rows } = await office.admin.call('audit.verify', {});
  await page.getByRole('button', { name: 'Periksa jejak audit' }).click();
  const verdict = page.getByRole('status').filter({ hasText: 'Jejak audit utuh' });
  await expect(verdict).toContainText(`${rows} catatan diperiksa`);

  // Someone edits the database file behind the application's back.
  const raw = new Database(join(web.dataDir, 'tanggap.sqlite'));
  raw.exec('DROP TRIGGER audit_log_no_update');
  raw.prepare("UPDATE audit_log SET data = '{\"diubah\":true}' WHERE id = 1").run();
  raw.close();

  await page.getByRole('button', { name: 'Periksa jejak audit' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Jejak audit rusak' });
  // Named as the log below shows its rows: when, and what it records.
  const { firstBroken, total } = await office.admin.call('audit.verify', {});
  expect(firstBroken).toMatchObject({ id: 1, at: expect.any(String), what: expect.stringMatching(/\S/) });
  await expect(alert).toContainText(`Jejak audit rusak mulai catatan `);
  await expect(alert).toContainText(`(${firstBroken!.what})`);
  await expect(alert).toContainText('Isi catatan 1 diubah setelah dicatat.');
  await expect(alert).toContainText(`Jejak audit memuat ${total} catatan; pemeriksaan berhenti di catatan itu.`);
});

test('office profile: a new time zone is asked once more, with what it moves, before it is saved', async ({ page, web }) => {
  const office = await seedOffice(web.url);
  await login(page, web.url, 'admin');
  await page.goto(`${web.url}/admin/kantor`);
  const zone = page.getByRole('textbox', { name: 'Zona waktu' });
  await zone.click();
  await page.getByRole('option', { name: 'WIT (Asia/Jayapura)' }).click();
  await page.getByRole('button', { name: 'Simpan profil kantor' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ganti zona waktu kantor?' });
  await expect(dialog).toContainText('Zona waktu kantor berubah dari WIB ke WIT');
  await expect(dialog).toContainText('bergeser 2 jam');
  // Batal saves nothing.
  await dialog.getByRole('button', { name: 'Batal' }).click();
  await expect(dialog).toBeHidden();
  expect((await office.admin.call('office.get', {})).timeZone).toBe('Asia/Jakarta');
  await page.getByRole('button', { name: 'Simpan profil kantor' }).click();
  await dialog.getByRole('button', { name: 'Ya, ganti ke WIT' }).click();
  await expect(page.getByText('Profil kantor tersimpan.')).toBeVisible();
  expect((await office.admin.call('office.get', {})).timeZone).toBe('Asia/Jayapura');
});

test('users: an account locked by wrong passwords shows until when, and the admin opens it again', async ({ page, web }) => {
  await seedOffice(web.url);
  for (let i = 0; i < LOGIN_MAX_FAILURES; i++) {
    await fetch(`${web.url}/api/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-tanggap': '1' }, body: JSON.stringify({ username: 'kasi', password: 'salah-salah' }) });
  }
  await login(page, web.url, 'admin');
  await page.goto(`${web.url}/admin/pengguna`);
  const row = page.getByRole('table', { name: 'Daftar pengguna' }).getByRole('row').filter({ hasText: 'kasi' }).first();
  await expect(row).toContainText('Terkunci s.d.');
  await row.getByRole('button', { name: 'Buka kunci kasi' }).click();
  await expect(page.getByText('Akun kasi dapat dipakai masuk lagi dengan kata sandinya.')).toBeVisible();
  await expect(row).not.toContainText('Terkunci');
  await expect(row.getByRole('button', { name: 'Buka kunci kasi' })).toHaveCount(0);
  await logout(page);
  await login(page, web.url, 'kasi');
  await expect(page.getByRole('link', { name: 'Tugas saya' })).toBeVisible();
});

test('an office that is not a kecamatan names its head and secretary as such, not Camat and Sekretaris Kecamatan', async ({ page, web }) => {
  await seedOffice(web.url, 'bkpsdm_pasuruan');
  await login(page, web.url, 'admin');
  await page.goto(`${web.url}/admin/pengguna`);
  await expect(page.getByText('Akun Staf, Kepala Bidang/Subbagian, Sekretaris, Pimpinan unit dan Admin.', { exact: false })).toBeVisible();
  const users = page.getByRole('table', { name: 'Daftar pengguna' });
  await expect(users.getByRole('row').filter({ hasText: 'camat' }).first()).toContainText('Pimpinan unit');
  await page.goto(`${web.url}/admin/pejabat`);
  await expect(page.getByRole('heading', { name: 'Pejabat Plt./Plh. Pimpinan unit' })).toBeVisible();
  await expect(page.getByText('Sekretaris menandatangani', { exact: false })).toBeVisible();
  await expect(page.locator('main')).not.toContainText('Camat');
  await expect(page.locator('main')).not.toContainText('Sekretaris Kecamatan');
});

test('users: switching off the only active Camat is asked first, with who signs then; Batal keeps the account', async ({ page, web }) => {
  const { admin } = await seedOffice(web.url);
  const camatActive = async () => (await admin.call('users.list', {})).find((u) => u.username === 'camat')!.active;
  await login(page, web.url, 'admin');
  await page.goto(`${web.url}/admin/pengguna`);
  await page.getByRole('button', { name: 'Ubah camat', exact: true }).click();
  const edit = page.getByRole('dialog', { name: 'Ubah pengguna camat' });
  await edit.getByRole('switch', { name: 'Akun aktif' }).uncheck();
  await edit.getByRole('button', { name: 'Simpan perubahan' }).click();
  const ask = page.getByRole('dialog', { name: 'Kantor tanpa akun Camat yang aktif?' });
  await expect(ask).toContainText('adalah satu-satunya Camat yang akunnya aktif. Bila akunnya dinonaktifkan, tidak ada lagi Camat definitif di Tanggap');
  await expect(ask).toContainText('Plt./Plh. yang dicatat di menu Pejabat Plt./Plh.');
  await expect(ask).toContainText('Langkah lain yang dikerjakan Camat sendiri (selain disposisi, yang dapat dikerjakan Sekretaris Kecamatan) tidak dapat dikerjakan siapa pun');
  await ask.getByRole('button', { name: 'Batal' }).click();
  await expect(ask).toBeHidden();
  expect(await camatActive()).toBe(true);
  // Asked again, and saved.
  await edit.getByRole('button', { name: 'Simpan perubahan' }).click();
  await ask.getByRole('button', { name: 'Ya, simpan' }).click();
  await expect(edit).toBeHidden();
  const row = page.getByRole('table', { name: 'Daftar pengguna' }).getByRole('row').filter({ has: page.getByRole('button', { name: 'Ubah camat', exact: true }) });
  await expect(row).toContainText('Nonaktif');
  expect(await camatActive()).toBe(false);
  // With a Camat active again, another Camat's account is switched off without the question.
  await admin.call('users.create', {
    username: 'camat.baru',
    password: 'kata-sandi-awal-1',
    user: { name: 'Drs. Hadi Santoso', nip: '197002021990031002', jabatan: 'Camat', pangkat: 'Pembina (IV/a)', role: 'camat', seksi: '', active: true },
  });
  await page.reload();
  await page.getByRole('button', { name: 'Ubah camat', exact: true }).click();
  await edit.getByRole('switch', { name: 'Akun aktif' }).check();
  await edit.getByRole('button', { name: 'Simpan perubahan' }).click();
  await expect(edit).toBeHidden();
  await page.getByRole('button', { name: 'Ubah camat.baru' }).click();
  const editNew = page.getByRole('dialog', { name: 'Ubah pengguna camat.baru' });
  await editNew.getByRole('switch', { name: 'Akun aktif' }).uncheck();
  await editNew.getByRole('button', { name: 'Simpan perubahan' }).click();
  await expect(editNew).toBeHidden();
  await expect(ask).toHaveCount(0);
});
