import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { ApiClient, PASSWORD, login, logout, seedOffice } from './support';
import type { CallInput } from '../../shared/contract';
import { OFFICE_PRESETS } from '../../shared/standards/presets';
import { formatSingkat } from '../../shared/time/format';
import { displayDue } from '../../shared/time/workingTime';
import { readDocx } from '../support/docx';

// Issue 4: a complaint moves along the Kejayan standard. Step 1 is done at intake;
// step 2 (Staf) is the hand-over to a Kasi as a disposition; step 3 is the Kasi's;
// step 4 the Camat's.

const kejayan = OFFICE_PRESETS.find((p) => p.id === 'kejayan')!;
const tz = kejayan.office.timeZone;
const KASI = 'Bambang Sutrisno, S.Sos.';
// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const complaint: CallInput<'complaints.create'> = {
  kind: 'pengaduan',
  channel: 'langsung',
  category: 'infrastruktur',
  reporter: { name: 'Siti Aminah', address: 'Dusun Krajan RT 02 RW 01, Desa Kejayan', nik: '3514015203850002', phone: '081234567890', email: '' },
  subject: 'Lampu penerangan jalan padam di Dusun Krajan',
  description: 'Sudah dua minggu lampu penerangan jalan di depan balai dusun padam sehingga jalan gelap pada malam hari.',
  expectation: 'Lampu segera diperbaiki.',
  incidentPlace: 'Jl. Raya Krajan',
  incidentDate: '2026-11-20',
  kelengkapan: kejayan.standard.kelengkapanChecklist.slice(0, 2),
};

async function start(url: string) {
  await seedOffice(url, 'kejayan');
  const staf = new ApiClient(url);
  await staf.call('auth.login', { username: 'staf', password: PASSWORD });
  const c = await staf.call('complaints.create', complaint);
  return { staf, c };
}

async function openComplaint(page: Page, url: string, id: number, registerNo: string) {
  await page.goto(`${url}/pengaduan/${id}`);
  await expect(page.getByRole('heading', { name: `Pengaduan ${registerNo}` })).toBeVisible();
}

test('Staf mendisposisikan ke Kasi, Kasi melihat batas waktu di Tugas saya dan mencatat tindak lanjut, Camat melihat langkah berikutnya', async ({ web, page }) => {
  const { staf, c } = await start(web.url);

  await login(page, web.url, 'staf');
  await openComplaint(page, web.url, c.id, c.registerNo);
  const form = page.getByRole('form', { name: 'Disposisi' });
  await expect(page.getByText('Langkah 2: Menerima dan mengkonfirmasi pemohon').first()).toBeVisible();
  // The form refuses without a recipient and an instruction, with the schema's words.
  await form.getByRole('button', { name: 'Kirim disposisi' }).click();
  await expect(form.getByText('Pilih minimal satu Kasi tujuan disposisi.')).toBeVisible();
  await expect(form.getByText('Centang minimal satu instruksi disposisi.')).toBeVisible();
  // The keyboard is taken to the first list left empty: its first box.
  await expect(form.getByRole('checkbox').first()).toBeFocused();
  await form.getByLabel(KASI).check();
  await form.getByLabel('Sifat').click();
  await page.getByRole('option', { name: 'Segera', exact: true }).click();
  await form.getByLabel('Tanggapan dan saran').check();
  await form.getByLabel('Catatan disposisi').fill('Mohon dicek ke lokasi bersama kepala dusun.');
  await form.getByRole('button', { name: 'Kirim disposisi' }).click();
  await expect(page.getByText('Disposisi terkirim.')).toBeVisible();
  const sent = page.getByRole('region', { name: `Disposisi kepada ${KASI}` });
  await expect(sent.getByText('Belum dibuka', { exact: true })).toBeVisible();
  await expect(sent.getByText('Segera', { exact: true })).toBeVisible();
  await expect(page.getByText('Langkah 3: Memberikan solusi dan tanggapan pengaduan').first()).toBeVisible();

  // As the staf, reading the journey does not open the Kasi's disposition.
  const journey = await staf.call('workflow.journey', { id: c.id });
  expect(journey.current?.stepNo).toBe(3);
  // Shown as people read it: a due at an opening is the previous closing.
  const due = formatSingkat(displayDue(journey.current!.dueAt, await staf.call('calendar.get', {})), tz);

  await logout(page);
  await login(page, web.url, 'kasi');
  const row = page.getByRole('table', { name: 'Tugas saya' }).getByRole('row').filter({ hasText: c.registerNo });
  await expect(row).toContainText(due);
  await expect(row).toContainText('3. Memberikan solusi dan tanggapan pengaduan');
  await expect(row).toContainText('Segera');
  await expect(row).toContainText('Belum dibuka');
  await row.getByText(complaint.subject).click();

  await expect(page.getByRole('heading', { name: `Pengaduan ${c.registerNo}` })).toBeVisible();
  const mine = page.getByRole('region', { name: `Disposisi kepada ${KASI}` });
  await expect(mine.getByText(/Dibuka \d{2}\/\d{2}\/\d{4}/)).toBeVisible();
  // While step 3, his, runs he may hand it back; once he completes it, no longer (below).
  await expect(mine.getByRole('button', { name: 'Kembalikan disposisi' })).toBeVisible();
  // The Kasi the complaint is disposed to sees the reporter unmasked.
  await expect(page.getByText('081234567890')).toBeVisible();
  const note = page.getByRole('form', { name: 'Catat tindak lanjut' });
  // Near its limit the note's length shows as it is typed, and what to cut past it.
  await note.getByLabel('Isi catatan').fill('x'.repeat(4100));
  await expect(note.getByText('4.100 dari 4.000 karakter: kurangi 100 karakter.')).toBeVisible();
  await note.getByLabel('Isi catatan').fill('Sudah dicek ke lokasi: kabel lampu putus, PLN dihubungi.');
  await expect(note.getByText(/dari 4.000 karakter/)).toHaveCount(0);
  // The intake's picker: a bad file is refused beside the list while the good ones of the same pick are kept,
  // and a pick never goes past the limit of 5.
  const files = note.locator('input[type=file]');
  const listed = note.getByRole('list', { name: 'Daftar lampiran' }).getByRole('listitem');
  await files.setInputFiles([
    { name: 'foto-lokasi.png', mimeType: 'image/png', buffer: PNG },
    { name: 'catatan.txt', mimeType: 'text/plain', buffer: Buffer.from('bukan foto') },
  ]);
  await expect(listed).toHaveCount(1);
  await expect(note.getByRole('alert')).toContainText('Berkas "catatan.txt" bukan foto (JPG/PNG/WEBP) atau PDF.');
  await files.setInputFiles(['2', '3', '4', '5', '6'].map((n) => ({ name: `foto-${n}.png`, mimeType: 'image/png', buffer: PNG })));
  await expect(listed).toHaveCount(5);
  await expect(note.getByRole('alert')).toContainText('Lampiran paling banyak 5 berkas; "foto-6.png" tidak ditambahkan.');
  await expect(note.getByRole('button', { name: 'Tambah lampiran' })).toBeDisabled();
  for (const n of ['2', '3', '4', '5']) await note.getByRole('button', { name: `Hapus lampiran foto-${n}.png` }).click();
  await expect(listed).toHaveCount(1);
  await expect(listed).toContainText('foto-lokasi.png');
  await note.getByRole('button', { name: 'Simpan catatan' }).click();
  await expect(page.getByText('Catatan tindak lanjut tersimpan.')).toBeVisible();
  await expect(page.getByText('Sudah dicek ke lokasi: kabel lampu putus, PLN dihubungi.')).toBeVisible();
  // The note's photo was stored and comes back byte for byte.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Unduh foto-lokasi.png' }).click();
  const saved = await (await download).path();
  expect(readFileSync(saved)).toEqual(PNG);
  await page.getByRole('form', { name: 'Selesaikan langkah' }).getByRole('button', { name: 'Selesaikan langkah' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ya, selesaikan' }).click();
  await expect(page.getByText('Langkah 3 selesai.')).toBeVisible();
  await expect(page.getByText('Langkah 4: Memberikan solusi dan tanggapan lanjutan')).toBeVisible();
  // Step 4 is the Camat's: the Kasi may still add notes but no longer complete the step, nor return the disposition.
  await expect(page.getByRole('form', { name: 'Selesaikan langkah' })).toHaveCount(0);
  await expect(mine.getByRole('button', { name: 'Kembalikan disposisi' })).toHaveCount(0);

  await logout(page);
  await login(page, web.url, 'camat');
  await page.getByRole('tab', { name: 'Semua pengaduan kantor' }).click();
  const officeRow = page.getByRole('table', { name: 'Semua pengaduan kantor' }).getByRole('row').filter({ hasText: c.registerNo });
  await expect(officeRow).toContainText('4. Memberikan solusi dan tanggapan lanjutan');
  await expect(officeRow).toContainText('Camat');
});

test('Disposisi yang belum dibuka dapat ditarik; setelah dibuka Kasi, penarikan ditolak dengan alasan', async ({ web, page }) => {
  const { staf, c } = await start(web.url);
  const kasiId = (await staf.call('workflow.assignees', {})).find((a) => a.name === KASI)!.id;
  const dispose = { id: c.id, to: [kasiId], sifat: 'segera', instructions: ['proses_lanjut'] } as const;
  await staf.call('workflow.dispose', { ...dispose, to: [...dispose.to], instructions: [...dispose.instructions] });

  // Without live events (as on a PC whose stream is cut off), so the page still offers the
  // withdrawal once the Kasi has opened the disposition: otherwise the page may read the
  // complaint again first and drop the button, and the refusal is never asked for.
  await page.route('**/api/events', (route) => route.abort());
  await login(page, web.url, 'staf');
  await openComplaint(page, web.url, c.id, c.registerNo);
  await page.getByRole('button', { name: 'Tarik disposisi' }).click();
  await page.getByRole('button', { name: 'Ya, tarik disposisi' }).click();
  await expect(page.getByText(`Disposisi kepada ${KASI} ditarik.`, { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: `Disposisi kepada ${KASI}` }).getByText('Ditarik', { exact: true })).toBeVisible();
  // The step is back at the hand-over, so the staf can dispose again.
  await expect(page.getByRole('form', { name: 'Disposisi' })).toBeVisible();

  await staf.call('workflow.dispose', { ...dispose, to: [...dispose.to], instructions: [...dispose.instructions] });
  await page.reload();
  await expect(page.getByRole('button', { name: 'Tarik disposisi' })).toBeVisible();
  // Meanwhile the Kasi opens the complaint on another PC.
  const kasi = new ApiClient(web.url);
  await kasi.call('auth.login', { username: 'kasi', password: PASSWORD });
  await kasi.call('workflow.journey', { id: c.id });

  await page.getByRole('button', { name: 'Tarik disposisi' }).click();
  await page.getByRole('button', { name: 'Ya, tarik disposisi' }).click();
  await expect(page.getByText('Disposisi sudah dibuka oleh penerimanya sehingga tidak dapat ditarik lagi.')).toBeVisible();
  // The page reloads and no longer offers the withdrawal.
  await expect(page.getByRole('button', { name: 'Tarik disposisi' })).toHaveCount(0);
  const journey = await staf.call('workflow.journey', { id: c.id });
  expect(journey.dispositions.map((d) => d.state)).toEqual(['ditarik', 'aktif']);
});

test('Tanda terima cetak sama dengan data DOCX; Kasi lain melihat register tanpa data pelapor dan tidak dapat membuka pengaduannya', async ({ web, page }) => {
  const { staf, c } = await start(web.url);
  const receipt = await staf.call('complaints.receipt', { id: c.id });

  await login(page, web.url, 'staf');
  await openComplaint(page, web.url, c.id, c.registerNo);
  await page.getByRole('link', { name: 'Cetak tanda terima' }).click();
  const paper = page.getByRole('article', { name: 'Tanda terima' });
  await expect(paper.getByText(receipt.title)).toBeVisible();
  await expect(paper.getByText(`Nomor: ${c.registerNo}`)).toBeVisible();
  for (const r of receipt.rows) {
    await expect(paper.getByRole('row').filter({ hasText: r.label })).toContainText(r.value);
  }
  await expect(paper.getByText(receipt.notice)).toBeVisible();
  await expect(paper.getByText(receipt.placeDate)).toBeVisible();
  await expect(paper.getByText(receipt.signer.name)).toBeVisible();
  for (const k of receipt.kelengkapan) {
    await expect(paper.locator('div', { hasText: k.item }).last()).toContainText(`${k.checked ? '☑' : '☐'}${k.item}`);
  }
  await expect(page.getByRole('button', { name: 'Cetak' })).toBeVisible();
  // The DOCX says the same: every row's value and every kelengkapan item.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Unduh DOCX' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.docx$/);
  const docx = readDocx(readFileSync(await file.path()));
  const docText = docx.paragraphs.join(' ').replace(/\s+/g, ' ');
  const flat = (t: string) => t.replace(/\s+/g, ' ').trim();
  expect(docText).toContain(c.registerNo);
  for (const r of receipt.rows) expect(docText, `baris ${r.label}`).toContain(flat(r.value));
  for (const k of receipt.kelengkapan) expect(docText, `kelengkapan ${k.item}`).toContain(flat(k.item));
  expect(docText).toContain(flat(receipt.notice));
  expect(docText).toContain(receipt.signer.name);

  // An address without a valid complaint id says so and asks the core nothing.
  const asked: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/complaints.receipt')) asked.push(r.url());
  });
  await page.goto(`${web.url}/pengaduan/bukan-nomor/tanda-terima`);
  await expect(page.getByText('Pengaduan tidak ditemukan')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Unduh DOCX' })).toHaveCount(0);
  expect(asked).toEqual([]);

  // A Kasi it is not disposed to finds it in the register with the reporter masked,
  // and cannot open it.
  await logout(page);
  await login(page, web.url, 'kasi2');
  await page.goto(`${web.url}/register`);
  const row = page.getByRole('row').filter({ hasText: c.registerNo });
  await expect(row).toBeVisible();
  await expect(row).not.toContainText('Siti');
  await page.goto(`${web.url}/pengaduan/${c.id}`);
  await expect(page.getByText(/tidak didisposisikan kepada Anda/).first()).toBeVisible();
  // A refusal another try would not change offers none.
  await expect(page.getByRole('button', { name: 'Coba lagi' })).toHaveCount(0);
  await expect(page.getByText('081234567890')).toHaveCount(0);
  await expect(page.getByText('Siti Aminah')).toHaveCount(0);
});

// A complaint disposed to Bambang (KASI) and Hadi; Hadi opens his disposition and returns
// it while Bambang's runs on.
async function oneOfTwoReturned(url: string) {
  const { staf, c } = await start(url);
  const assignees = await staf.call('workflow.assignees', {});
  const bambang = assignees.find((a) => a.name === KASI)!;
  const hadi = assignees.find((a) => a.name === 'Hadi Purnomo, S.H.')!;
  await staf.call('workflow.dispose', { id: c.id, to: [bambang.id, hadi.id], sifat: 'biasa', instructions: ['proses_lanjut'] });
  const kasi2 = new ApiClient(url);
  await kasi2.call('auth.login', { username: 'kasi2', password: PASSWORD });
  const his = (await kasi2.call('workflow.journey', { id: c.id })).dispositions.find((d) => d.toId === hadi.id)!;
  await kasi2.call('workflow.returnDisposition', { dispositionId: his.id, reason: 'Bukan urusan Seksi Pemerintahan.' });
  return c;
}

test('Bagian yang dikembalikan salah satu Kasi didisposisikan lagi; Kasi yang masih menangani tampil tetapi tidak dapat dipilih', async ({ web, page }) => {
  const c = await oneOfTwoReturned(web.url);

  await login(page, web.url, 'staf');
  await openComplaint(page, web.url, c.id, c.registerNo);
  const form = page.getByRole('form', { name: 'Disposisi' });
  await expect(page.getByRole('heading', { name: 'Disposisi bagian yang dikembalikan' })).toBeVisible();
  const busy = form.getByRole('checkbox', { name: KASI });
  await expect(busy).toBeDisabled();
  await expect(form.getByText(/^Sudah menangani pengaduan ini/)).toHaveCount(1);
  await expect(form.getByRole('checkbox', { name: 'Hadi Purnomo, S.H.' })).toBeEnabled();
});

test('Disposisi yang dikembalikan seluruhnya: pemberi disposisi melihat siapa yang mengembalikan dan alasannya saat mendisposisikan lagi', async ({ web, page }) => {
  const { staf, c } = await start(web.url);
  const hadi = (await staf.call('workflow.assignees', {})).find((a) => a.name === 'Hadi Purnomo, S.H.')!;
  await staf.call('workflow.dispose', { id: c.id, to: [hadi.id], sifat: 'biasa', instructions: ['proses_lanjut'] });
  const kasi2 = new ApiClient(web.url);
  await kasi2.call('auth.login', { username: 'kasi2', password: PASSWORD });
  const his = (await kasi2.call('workflow.journey', { id: c.id })).dispositions[0]!;
  await kasi2.call('workflow.returnDisposition', { dispositionId: his.id, reason: 'Penerangan jalan urusan Seksi Pelayanan.' });

  await login(page, web.url, 'staf');
  await openComplaint(page, web.url, c.id, c.registerNo);
  const panel = page.getByRole('heading', { name: 'Disposisi', exact: true }).locator('..');
  await expect(panel.getByText('Hadi Purnomo, S.H. mengembalikan disposisinya: Penerangan jalan urusan Seksi Pelayanan.')).toBeVisible();
  const form = page.getByRole('form', { name: 'Disposisi' });
  await expect(form.getByText(/^Mengembalikan disposisi sebelumnya/)).toHaveCount(1);
  await expect(form.getByRole('checkbox', { name: 'Hadi Purnomo, S.H.' })).toBeEnabled();
  // Its lembar disposisi, among the complaint's documents, no longer holds.
  await expect(page.getByRole('region', { name: 'Lembar disposisi versi 1' })).toContainText('Tidak berlaku lagi: disposisi kepada Hadi Purnomo, S.H. dikembalikan.');
  // The sheet itself, as it prints, says so beside its title.
  const sheet = (await staf.call('documents.list', { complaintId: c.id })).find((d) => d.kind === 'lembar_disposisi')!;
  await page.goto(`${web.url}/dokumen/${sheet.id}`);
  await expect(page.getByRole('article', { name: 'Lembar disposisi' })).toContainText('LEMBAR DISPOSISI \u00b7 TIDAK BERLAKU LAGI');
});

test('Kasi yang menyelesaikan langkah diberi tahu bagian yang dikembalikan Kasi lain; riwayat mencatat bagian itu tidak didisposisikan ulang', async ({ web, page }) => {
  const c = await oneOfTwoReturned(web.url);

  // Bambang completes step 3 before the Staf disposed Hadi's part again: warned, not stopped.
  await login(page, web.url, 'kasi');
  await openComplaint(page, web.url, c.id, c.registerNo);
  await page.getByRole('form', { name: 'Selesaikan langkah' }).getByRole('button', { name: 'Selesaikan langkah' }).click();
  const dialog = page.getByRole('dialog');
  const warning = dialog.getByRole('status').filter({ hasText: 'Bagian yang dikembalikan belum didisposisikan ulang' });
  await expect(warning).toContainText('Hadi Purnomo, S.H. mengembalikan bagian disposisinya. Bagian itu masih menunggu keputusan Dewi Lestari');
  await expect(warning).toContainText('Alasan pengembalian: Bukan urusan Seksi Pemerintahan.');
  await expect(warning).toContainText('Bila langkah 3 diselesaikan sekarang, bagian itu tidak lagi menunggu disposisi');
  await expect(warning).toContainText('hubungi Dewi Lestari sebelum menyelesaikan langkah ini');
  await dialog.getByRole('button', { name: 'Ya, selesaikan' }).click();
  await expect(page.getByText('Langkah 3 selesai.')).toBeVisible();
  const history = page.getByRole('table', { name: 'Riwayat pengaduan' });
  await expect(
    history.getByText('Bagian yang dikembalikan Hadi Purnomo, S.H. tidak didisposisikan ulang sebelum langkah 3 selesai; bagian itu tidak lagi menunggu disposisi Dewi Lestari'),
  ).toHaveCount(1);
});

test('Catatan penyampaian yang menyelesaikan langkah memberi tahu bagian yang dikembalikan seperti "Selesaikan langkah"', async ({ web, page }) => {
  // At BKPSDM the Kepala Bidang (a Kasi here) delivers the answer himself in step 5, right
  // after the disposition: a part returned meanwhile waits in that step.
  await seedOffice(web.url, 'bkpsdm_pasuruan');
  const bkpsdm = OFFICE_PRESETS.find((p) => p.id === 'bkpsdm_pasuruan')!;
  const [staf, camat, kasi2] = [new ApiClient(web.url), new ApiClient(web.url), new ApiClient(web.url)];
  await staf.call('auth.login', { username: 'staf', password: PASSWORD });
  await camat.call('auth.login', { username: 'camat', password: PASSWORD });
  await kasi2.call('auth.login', { username: 'kasi2', password: PASSWORD });
  const c = await staf.call('complaints.create', { ...complaint, kelengkapan: bkpsdm.standard.kelengkapanChecklist });
  await staf.call('workflow.advance', { id: c.id });
  await staf.call('workflow.advance', { id: c.id });
  const assignees = await camat.call('workflow.assignees', {});
  const to = [KASI, 'Hadi Purnomo, S.H.'].map((name) => assignees.find((a) => a.name === name)!.id);
  await camat.call('workflow.dispose', { id: c.id, to, sifat: 'biasa', instructions: ['proses_lanjut'] });
  const his = (await kasi2.call('workflow.journey', { id: c.id })).dispositions.find((d) => d.toId === to[1])!;
  await kasi2.call('workflow.returnDisposition', { dispositionId: his.id, reason: 'Bukan urusan bidang kami.' });

  await login(page, web.url, 'kasi');
  await openComplaint(page, web.url, c.id, c.registerNo);
  const warning = page.getByRole('form', { name: 'Catat penyampaian' }).getByRole('status');
  await expect(warning).toContainText('Hadi Purnomo, S.H. mengembalikan bagian disposisinya. Bagian itu masih menunggu keputusan Ahmad Fauzi, S.STP., M.Si.');
  await expect(warning).toContainText('didisposisikan kepada Kasi lain, atau tidak perlu ditangani lagi.');
  await expect(warning).toContainText('Alasan pengembalian: Bukan urusan bidang kami.');
  await expect(warning).toContainText('Penyampaian ini menyelesaikan langkah 5: bagian itu tidak lagi menunggu disposisi');
  await expect(warning).toContainText('Bila bagian itu masih perlu ditangani, hubungi Ahmad Fauzi, S.STP., M.Si. sebelum mencatat penyampaian.');
});

test('Camat meneruskan pengaduan yang bukan kewenangan kecamatan; surat penerusan ditujukan kepada pimpinan instansi yang ditulis', async ({ web, page }) => {
  const { c } = await start(web.url);
  await login(page, web.url, 'camat');
  await openComplaint(page, web.url, c.id, c.registerNo);
  await page.getByRole('button', { name: 'Bukan kewenangan (teruskan ke instansi lain)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Bukan kewenangan (teruskan ke instansi lain)' });
  // Nothing typed: each box says what to write.
  await dialog.getByRole('button', { name: 'Ya, teruskan' }).click();
  await expect(dialog.getByText('Tulis pimpinan instansi yang berwenang, tujuan penerusan, contoh: Kepala Dinas Sosial.')).toBeVisible();
  await dialog.getByLabel('Diteruskan kepada').fill('Kepala Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Pasuruan');
  await dialog.getByLabel('Alasan atau keterangan').fill('Lampu penerangan jalan kabupaten dipelihara dinas.');
  await dialog.getByRole('button', { name: 'Ya, teruskan' }).click();
  await expect(page.getByText('Pengaduan ditutup.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Riwayat pengaduan' })).toContainText(
    'Diteruskan ke Kepala Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Pasuruan. Lampu penerangan jalan kabupaten dipelihara dinas.',
  );
  const camat = new ApiClient(web.url);
  await camat.call('auth.login', { username: 'camat', password: PASSWORD });
  const letter = (await camat.call('documents.list', { complaintId: c.id })).find((d) => d.kind === 'surat_penerusan')!;
  await page.goto(`${web.url}/dokumen/${letter.id}`);
  const paper = page.getByRole('article', { name: 'SURAT PENERUSAN (DRAF)' });
  await expect(paper).toContainText('Kepala Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Pasuruan');
  await expect(paper).toContainText('sesuai kewenangan Kepala Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Pasuruan');
});

test('Sekcam yang menyelesaikan verifikasi diingatkan kelengkapan yang belum ada, dan cara memintanya', async ({ web, page }) => {
  await seedOffice(web.url, 'pegantenan');
  const staf = new ApiClient(web.url);
  await staf.call('auth.login', { username: 'staf', password: PASSWORD });
  const checklist = OFFICE_PRESETS.find((p) => p.id === 'pegantenan')!.standard.kelengkapanChecklist;
  const c = await staf.call('complaints.create', { ...complaint, kelengkapan: checklist.slice(0, 1) });
  const whole = await staf.call('complaints.create', { ...complaint, kelengkapan: checklist, subject: 'Berkas lengkap' });

  await login(page, web.url, 'sekcam');
  const confirm = async (id: number, registerNo: string) => {
    await openComplaint(page, web.url, id, registerNo);
    await expect(page.getByText('Langkah 2: Melakukan Verifikasi Identitas Pengadu').first()).toBeVisible();
    await page.getByRole('form', { name: 'Selesaikan langkah' }).getByRole('button', { name: 'Selesaikan langkah' }).click();
    return page.getByRole('dialog');
  };
  const dialog = await confirm(c.id, c.registerNo);
  await expect(dialog.getByText('Kelengkapan belum ada')).toBeVisible();
  await expect(dialog).toContainText(`Belum ada: ${checklist.slice(1).join('; ')}.`);
  await expect(dialog).toContainText('pilih "Berkas tidak lengkap (minta pelapor melengkapi)" di Penyelesaian lain');
  await dialog.getByRole('button', { name: 'Batal' }).click();
  await expect(page.getByRole('button', { name: 'Berkas tidak lengkap (minta pelapor melengkapi)' })).toBeVisible();

  // Nothing missing, nothing said.
  const complete = await confirm(whole.id, whole.registerNo);
  await expect(complete.getByText(/Langkah 2 ditandai selesai/)).toBeVisible();
  await expect(complete.getByText('Kelengkapan belum ada')).toHaveCount(0);
});
