import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { PASSWORD, as, deskOf, seedOffice, toPegantenanSigning } from './support';
import type { CallInput } from '../../shared/contract';
import { OFFICE_PRESETS } from '../../shared/standards/presets';
import { yearOf } from '../../shared/time/workingTime';
import { readDocx, type DocxContents } from '../support/docx';

// The paper trail in a real browser: the Camat disposes and the lembar disposisi is
// issued; the staf drafts and revises the surat tanggapan, the Sekcam and the staf
// initial it, the Camat signs it from the queue (a wrong password changes nothing) and
// the signed letter reads back as DOCX and prints on F4. In Waru the Kasi drafts the
// berita acara with the reporter's statement and the Camat signs it on the complaint page.
// The steps not under test are walked through the HTTP API, as another PC would.

const KASI = 'Bambang Sutrisno, S.Sos.';
const CAMAT = 'Ahmad Fauzi, S.STP., M.Si.';
// A 1×1 PNG as the signature specimen.
const SIGNATURE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
// F4 (215 × 330 mm) in PDF points.
const F4_PT = { width: (215 * 72) / 25.4, height: (330 * 72) / 25.4 };


// A set-up office on a preset, the Camat and the Sekcam with a signature specimen, one
// API session per user and one complaint recorded by the staf (step 1).
async function start(url: string, presetId: 'pegantenan' | 'waru') {
  const preset = OFFICE_PRESETS.find((p) => p.id === presetId)!;
  await seedOffice(url, presetId);
  const api = await deskOf(url);
  await api.camat.call('auth.setSignature', { image: SIGNATURE });
  await api.sekcam.call('auth.setSignature', { image: SIGNATURE });
  const complaint: CallInput<'complaints.create'> = {
    kind: 'pengaduan',
    channel: 'langsung',
    category: 'infrastruktur',
    reporter: { name: 'Siti Aminah', address: 'Dusun Krajan RT 02 RW 01', nik: '3514015203850002', phone: '081234567890', email: '' },
    subject: 'Jalan desa rusak di Dusun Krajan',
    description: 'Jalan makadam sepanjang 300 meter berlubang dan tergenang setiap hujan sehingga anak sekolah sulit lewat.',
    expectation: 'Jalan segera diperbaiki.',
    incidentPlace: 'Dusun Krajan',
    incidentDate: '2026-11-20',
    kelengkapan: preset.standard.kelengkapanChecklist,
  };
  const c = await api.staf.call('complaints.create', complaint);
  // The office's year on the number: the server signs with the real clock.
  const year = yearOf(new Date(), preset.office.timeZone);
  return { api, c, year, unitCode: preset.office.unitCode };
}

async function openComplaint(page: Page, url: string, id: number, registerNo: string) {
  await page.goto(`${url}/pengaduan/${id}`);
  await expect(page.getByRole('heading', { name: `Pengaduan ${registerNo}` })).toBeVisible();
}

async function downloadDocx(page: Page, button: Locator): Promise<DocxContents> {
  const download = page.waitForEvent('download');
  await button.click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.docx$/);
  return readDocx(readFileSync(await file.path()));
}

// Paper size and page count of a PDF as Chromium writes it (page dictionaries uncompressed).
function pdfPages(pdf: Buffer) {
  const text = pdf.toString('latin1');
  const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
  const pages = (text.match(/\/Type\s*\/Page(?!s)\b/g) ?? []).length;
  return { boxes, pages };
}

test('Pegantenan: lembar disposisi, surat tanggapan didraf, diubah, diparaf dua kali, ditandatangani Camat dari antrean dan dicetak F4', async ({ web, page }) => {
  const { api, c, year, unitCode } = await start(web.url, 'pegantenan');
  const number = `000.8.3.4/1/${unitCode}/${year}`;
  await api.sekcam.call('workflow.advance', { id: c.id, note: '' }); // 2
  await api.staf.call('workflow.advance', { id: c.id, note: '' }); // 3
  expect((await api.camat.call('workflow.journey', { id: c.id })).current?.stepNo).toBe(4);
  // "Simpan PDF" and "Cetak" in a browser open the print dialog: count the calls instead.
  await page.addInitScript(() => {
    const w = globalThis as unknown as { __printed: number; print: () => void };
    w.__printed = 0;
    w.print = () => {
      w.__printed += 1;
    };
  });

  // Step 4: the Camat disposes to the Kasi; the lembar disposisi is issued.
  await as(page, web.url, 'camat');
  await openComplaint(page, web.url, c.id, c.registerNo);
  const dispose = page.getByRole('form', { name: 'Disposisi' });
  await dispose.getByLabel(KASI).check();
  await dispose.getByLabel('Koordinasikan/konfirmasikan').check();
  await dispose.getByLabel('Catatan disposisi').fill('Cek ke lokasi bersama kepala desa.');
  await dispose.getByRole('button', { name: 'Kirim disposisi' }).click();
  await expect(page.getByText('Disposisi terkirim.')).toBeVisible();
  const sheetCard = page.getByRole('region', { name: 'Lembar disposisi versi 1', exact: true });
  await expect(sheetCard).toContainText('Terbit');
  await sheetCard.getByRole('link', { name: 'Lihat / cetak' }).click();
  await expect(page).toHaveURL(/\/dokumen\/\d+$/);
  await expect(page.getByRole('article', { name: 'Lembar disposisi' })).toBeVisible();
  const sheet = await downloadDocx(page, page.getByRole('button', { name: 'Unduh DOCX' }));
  expect(sheet.text).toContain('LEMBAR DISPOSISI');
  // Ticked by the short name offices write on the form ("Kasi Pelayanan" for the Kepala Seksi Pelayanan).
  expect(sheet.paragraphs).toContain('☑\tKasi Pelayanan');
  expect(sheet.text).toContain('Cek ke lokasi bersama kepala desa.');

  // Steps 5 and 6: the Kasi's, through the API.
  await api.kasi.call('workflow.followUp', { id: c.id, kind: 'tindakan', text: 'Jalan sudah ditambal oleh desa.', attachments: [] });
  await api.kasi.call('workflow.advance', { id: c.id, note: '' }); // 5
  await api.kasi.call('workflow.advance', { id: c.id, note: '' }); // 6

  // Step 7: the staf drafts the surat tanggapan, revises it (version 2) and completes the step.
  await as(page, web.url, 'staf');
  await openComplaint(page, web.url, c.id, c.registerNo);
  const draftForm = page.getByRole('form', { name: 'Susun draf' });
  await expect(draftForm.getByLabel('Hasil penanganan')).toHaveValue('Ditindaklanjuti / selesai');
  await draftForm.getByRole('button', { name: 'Susun draf' }).click();
  const editor = page.getByRole('form', { name: 'Ubah draf' });
  await expect(editor).toBeVisible();
  const body = editor.getByLabel('Isi surat');
  await expect(body).toHaveValue(/Jalan sudah ditambal oleh desa\./);
  const added = 'Penambalan selesai pada hari yang sama dan jalan dapat dilalui kembali.';
  await body.fill(`${await body.inputValue()}\n\n${added}`);
  const diff = editor.getByRole('region', { name: 'Perubahan terhadap versi 1' });
  await expect(diff.getByLabel(`Ditambahkan: ${added}`)).toBeVisible();
  await editor.getByRole('button', { name: 'Simpan sebagai versi 2' }).click();
  await expect(editor).toHaveCount(0);
  await expect(page.getByText('Surat tanggapan versi 2 tersimpan.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Surat tanggapan versi 1', exact: true })).toContainText('Diganti versi 2');
  await expect(page.getByRole('region', { name: 'Surat tanggapan versi 2', exact: true })).toContainText('Draf');
  await page.getByRole('form', { name: 'Selesaikan langkah' }).getByRole('button', { name: 'Selesaikan langkah' }).click();
  // The save's notice (7 s) closes as the dialog opens, so it does not cover the dialog's title.
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(page.getByText('Surat tanggapan versi 2 tersimpan.')).toHaveCount(0, { timeout: 3_000 });
  await page.getByRole('dialog').getByRole('button', { name: 'Ya, selesaikan' }).click();
  await expect(page.getByText('Langkah 7 selesai.')).toBeVisible();
  const docs = await api.staf.call('documents.list', { complaintId: c.id });
  const letter = docs.find((d) => d.kind === 'surat_tanggapan' && d.version === 2)!;
  expect(letter.status).toBe('draf');
  expect((await api.staf.call('documents.get', { id: letter.id })).draft?.body).toContain(added);

  // Step 8: the Sekcam initials version 2.
  await as(page, web.url, 'sekcam');
  await openComplaint(page, web.url, c.id, c.registerNo);
  // What is initialled can be read first, on its own page.
  await page.getByRole('region', { name: 'Tindakan Surat tanggapan versi 2' }).getByRole('link', { name: 'Baca surat tanggapan versi 2' }).click();
  await expect(page).toHaveURL(new RegExp(`/dokumen/${letter.id}$`));
  await expect(page.getByText(added).first()).toBeVisible();
  await page.goBack();
  await page.getByRole('region', { name: 'Tindakan Surat tanggapan versi 2' }).getByRole('button', { name: 'Paraf' }).click();
  await page.getByRole('dialog', { name: 'Paraf draf' }).getByRole('button', { name: 'Ya, paraf' }).click();
  await expect(page.getByText('Surat tanggapan versi 2 diparaf.')).toBeVisible();

  // Step 9: the staf initials it too.
  await as(page, web.url, 'staf');
  await openComplaint(page, web.url, c.id, c.registerNo);
  await page.getByRole('region', { name: 'Tindakan Surat tanggapan versi 2' }).getByRole('button', { name: 'Paraf' }).click();
  await page.getByRole('dialog', { name: 'Paraf draf' }).getByRole('button', { name: 'Ya, paraf' }).click();
  await expect(page.getByText('Surat tanggapan versi 2 diparaf.')).toBeVisible();
  expect((await api.camat.call('workflow.journey', { id: c.id })).current?.stepNo).toBe(10);

  // Step 10: the Camat signs from the queue; a wrong password first changes nothing.
  await as(page, web.url, 'camat');
  const queueLink = page.getByRole('link', { name: /^Penandatanganan/ });
  await expect(queueLink.getByText('1', { exact: true })).toBeVisible();
  await queueLink.click();
  await expect(page).toHaveURL(/\/tanda-tangan$/);
  const list = page.getByRole('list', { name: 'Daftar menunggu tanda tangan' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  // When the letter was drafted, then who initialled it.
  await expect(list).toContainText(/Disusun \d{2}\/\d{2}\/\d{4} \d{2}\.\d{2} · Paraf: Drs\. Agus Salim; Dewi Lestari/);
  await list.getByRole('button', { name: /Surat tanggapan/ }).click();
  await expect(page.getByRole('heading', { name: 'Surat tanggapan versi 2' })).toBeVisible();
  const paper = page.getByRole('main').getByRole('article');
  await expect(paper).toHaveAccessibleName(/DRAF/);
  await expect(paper).toContainText(added);
  const sign = page.getByRole('form', { name: 'Tanda tangan' });
  await sign.getByLabel('Kata sandi Anda').fill('bukan-kata-sandi');
  await sign.getByRole('button', { name: 'Tandatangani', exact: true }).click();
  await expect(sign.getByText('Kata sandi salah; dokumen belum ditandatangani. Ketik ulang kata sandi Anda.')).toBeVisible();
  const unsigned = await api.camat.call('documents.get', { id: letter.id });
  expect(unsigned.status).toBe('draf');
  expect(unsigned.number).toBe('');
  expect(unsigned.signedAt).toBeNull();
  await expect(list.getByRole('listitem')).toHaveCount(1);

  await sign.getByLabel('Kata sandi Anda').fill(PASSWORD);
  await sign.getByRole('button', { name: 'Tandatangani', exact: true }).click();
  const signedNote = page.getByRole('main').getByRole('status');
  await expect(signedNote).toContainText(`Surat tanggapan ditandatangani dengan nomor ${number}.`);
  await expect(signedNote).toContainText('Lihat / cetak. Tidak ada lagi yang menunggu.');
  // Said once: no toast repeats it over the page.
  await expect(page.getByRole('alert').filter({ hasText: 'ditandatangani dengan nomor' })).toHaveCount(0);
  await expect(page.getByText('Tidak ada dokumen yang menunggu tanda tangan Anda.')).toBeVisible();
  // The wrong password was said under its field only: no notice of it outlives the signature.
  await expect(page.getByText('Dokumen belum ditandatangani')).toHaveCount(0);
  await expect(queueLink.getByText('1', { exact: true })).toHaveCount(0);
  const signed = await api.camat.call('documents.get', { id: letter.id });
  expect(signed).toMatchObject({ status: 'ditandatangani', number, signerName: CAMAT });

  // The signed letter: its DOCX, "Simpan PDF" (the print dialog in a browser) and a real PDF on F4.
  await signedNote.getByRole('link', { name: 'Lihat / cetak' }).click();
  await expect(page).toHaveURL(new RegExp(`/dokumen/${letter.id}$`));
  await expect(page.getByRole('heading', { name: `Surat tanggapan ${number}` })).toBeVisible();
  await expect(page.getByRole('main').getByRole('article')).not.toHaveAccessibleName(/DRAF/);
  const docx = await downloadDocx(page, page.getByRole('button', { name: 'Unduh DOCX' }));
  expect(docx.text).toContain(number);
  expect(docx.text).toContain('CAMAT PEGANTENAN,');
  expect(docx.text).toContain(CAMAT);
  expect(docx.text).toContain(added);
  await page.getByRole('button', { name: 'Simpan PDF' }).click();
  await expect.poll(() => page.evaluate(() => (globalThis as unknown as { __printed: number }).__printed)).toBe(1);
  await page.getByRole('button', { name: 'Cetak' }).click();
  await expect.poll(() => page.evaluate(() => (globalThis as unknown as { __printed: number }).__printed)).toBe(2);

  const pdf = pdfPages(await page.pdf({ preferCSSPageSize: true }));
  expect(pdf.pages).toBe(1);
  expect(pdf.boxes).toHaveLength(1);
  expect(Math.abs(pdf.boxes[0]!.width - F4_PT.width)).toBeLessThanOrEqual(2);
  expect(Math.abs(pdf.boxes[0]!.height - F4_PT.height)).toBeLessThanOrEqual(2);
});

test('Waru: Kasi menyusun berita acara dengan pernyataan puas, Camat menandatanganinya di halaman pengaduan', async ({ web, page }) => {
  const { api, c, year, unitCode } = await start(web.url, 'waru');
  const number = `000.8.3.4/1/${unitCode}/${year}`;
  await api.staf.call('workflow.advance', { id: c.id, note: '' }); // 2, tim pengelola
  await api.kasi.call('workflow.followUp', { id: c.id, kind: 'tindakan', text: 'Jalan ditimbun sirtu bersama warga Dusun Krajan.', attachments: [] });
  await api.kasi.call('workflow.advance', { id: c.id, note: '' }); // 3, Kasi
  await api.sekcam.call('workflow.advance', { id: c.id, note: '' }); // 4, tim pengelola
  expect((await api.kasi.call('workflow.journey', { id: c.id })).current?.stepNo).toBe(5);

  // Step 5: the berita acara needs the reporter's statement.
  await as(page, web.url, 'kasi');
  await openComplaint(page, web.url, c.id, c.registerNo);
  const draftForm = page.getByRole('form', { name: 'Susun draf' });
  await draftForm.getByRole('button', { name: 'Susun draf' }).click();
  await expect(draftForm.getByText('Pilih pernyataan pelapor: puas, tidak puas, atau tidak ditanyakan.')).toBeVisible();
  const statement = draftForm.getByRole('radiogroup', { name: 'Pernyataan pelapor' });
  await statement.getByRole('radio', { name: 'Puas', exact: true }).check();
  await draftForm.getByRole('button', { name: 'Susun draf' }).click();
  const editor = page.getByRole('form', { name: 'Ubah draf' });
  await expect(editor).toBeVisible();
  await expect(editor.getByRole('radio', { name: 'Puas', exact: true })).toBeChecked();
  const body = editor.getByLabel('Penyelesaian yang telah dilakukan');
  await expect(body).toHaveValue(/Jalan ditimbun sirtu bersama warga Dusun Krajan\./);
  const added = 'Pelapor hadir dan melihat sendiri hasil penimbunan.';
  await body.fill(`${await body.inputValue()}\n\n${added}`);
  await expect(editor.getByRole('region', { name: 'Perubahan terhadap versi 1' }).getByLabel(`Ditambahkan: ${added}`)).toBeVisible();
  await editor.getByRole('button', { name: 'Simpan sebagai versi 2' }).click();
  await expect(editor).toHaveCount(0);
  const title = (await api.kasi.call('documents.list', { complaintId: c.id })).find((d) => d.kind === 'berita_acara' && d.version === 2)!.title;
  await expect(page.getByText(`${title} versi 2 tersimpan.`)).toBeVisible();
  await page.getByRole('form', { name: 'Selesaikan langkah' }).getByRole('button', { name: 'Selesaikan langkah' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ya, selesaikan' }).click();
  await expect(page.getByText('Langkah 5 selesai.')).toBeVisible();
  let journey = await api.staf.call('workflow.journey', { id: c.id });
  expect(journey.current?.stepNo).toBe(6);
  expect(journey.satisfaction).toBeNull();

  // Step 6: the Camat checks and signs it on the complaint page.
  await as(page, web.url, 'camat');
  await openComplaint(page, web.url, c.id, c.registerNo);
  await page.getByRole('region', { name: `Tindakan ${title} versi 2` }).getByRole('button', { name: 'Periksa dan tandatangani' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('article')).toContainText(added);
  const sign = dialog.getByRole('form', { name: 'Tanda tangan' });
  await sign.getByLabel('Kata sandi Anda').fill(PASSWORD);
  await sign.getByRole('button', { name: 'Tandatangani', exact: true }).click();
  await expect(page.getByText(`${title} ditandatangani dengan nomor ${number}.`)).toBeVisible();
  await expect(dialog).toHaveCount(0);
  const card = page.getByRole('region', { name: `${title} versi 2`, exact: true });
  await expect(card).toContainText('Ditandatangani');
  await expect(card).toContainText(`Nomor: ${number}`);
  await expect(page.getByText('Pernyataan pelapor: puas')).toBeVisible();

  const ba = await downloadDocx(page, card.getByRole('button', { name: 'DOCX' }));
  expect(ba.text).toContain('BERITA ACARA HASIL PENYELESAIAN PENGADUAN');
  expect(ba.text).toContain(number);
  expect(ba.text).toContain('PUAS');
  expect(ba.text).toContain('CAMAT WARU,');
  expect(ba.text).toContain(CAMAT);
  expect(ba.text).toContain(added);
  journey = await api.staf.call('workflow.journey', { id: c.id });
  expect(journey.satisfaction).toBe('puas');
  expect(journey.current).toMatchObject({ stepNo: 7, executor: 'staf' });
});

test('Pegantenan: surat tanggapan tanpa catatan tindak lanjut diberi tahu kepada Camat, dan penyusunnya diminta mengganti kalimat penggantinya', async ({ web, page }) => {
  const { api, c } = await start(web.url, 'pegantenan');
  const letter = await toPegantenanSigning(api, c.id, null);
  const STAND_IN = 'Pengaduan Saudara telah kami tindak lanjuti.';

  // The Staf printing it for a signature by hand is told too.
  await as(page, web.url, 'staf');
  await openComplaint(page, web.url, c.id, c.registerNo);
  await page.getByRole('region', { name: 'Tindakan Surat tanggapan versi 1' }).getByRole('button', { name: 'Cetak untuk tanda tangan basah' }).click();
  const prepare = page.getByRole('dialog', { name: 'Cetak untuk tanda tangan basah' });
  await expect(prepare).toContainText(`Kalimat “${STAND_IN}” dimasukkan otomatis`);
  await prepare.getByRole('button', { name: 'Batal' }).click();

  await as(page, web.url, 'camat');
  await page.goto(`${web.url}/tanda-tangan`);
  const list = page.getByRole('list', { name: 'Daftar menunggu tanda tangan' });
  await expect(list).toContainText('Isi belum menyebutkan apa yang telah dilakukan');
  const sign = page.getByRole('form', { name: 'Tanda tangan' });
  await expect(sign).toContainText(`Kalimat “${STAND_IN}” dimasukkan otomatis karena saat draf dibuat belum ada catatan tindak lanjut maupun usulan jawaban.`);
  await expect(sign).toContainText('ubah draf atau kembalikan draf kepada penyusunnya');
  // The form sits under the letter; the card above leads there.
  await page.getByRole('button', { name: 'Ke kolom tanda tangan' }).click();
  await expect(sign.getByLabel('Kata sandi Anda')).toBeFocused();

  // Revised on the spot: the warning goes as the sentence is written over.
  await page.getByRole('button', { name: 'Ubah draf' }).click();
  const editor = page.getByRole('form', { name: 'Ubah draf' });
  const warning = editor.getByRole('status').filter({ hasText: 'Isi belum menyebutkan apa yang telah dilakukan' });
  await expect(warning).toContainText('Ganti dengan apa yang sudah dilakukan dan hasilnya');
  const body = editor.getByLabel('Isi surat');
  const done = 'Jalan telah ditambal oleh Pemerintah Desa pada 3 Desember 2026 dan dapat dilalui kembali.';
  await body.fill((await body.inputValue()).replace(STAND_IN, done));
  await expect(warning).toHaveCount(0);
  await editor.getByRole('button', { name: 'Simpan sebagai versi 2' }).click();
  await expect(editor).toHaveCount(0);
  const v2 = (await api.staf.call('documents.list', { complaintId: c.id })).find((d) => d.kind === 'surat_tanggapan' && d.version === 2)!;
  expect([v2.supersedesId, v2.standIn]).toEqual([letter.id, null]);
  expect((await api.staf.call('documents.get', { id: v2.id })).draft?.body).toContain(done);
});

test('Pegantenan: staf mencetak surat tanggapan bernomor tanpa tanda DRAF untuk tanda tangan basah Camat, lalu mengunggah hasil pindainya', async ({ web, page }) => {
  const { api, c, year, unitCode } = await start(web.url, 'pegantenan');
  const number = `000.8.3.4/1/${unitCode}/${year}`;
  const letter = await toPegantenanSigning(api, c.id);

  // From the complaint, the staf prepares the paper for the Camat and lands on it.
  await as(page, web.url, 'staf');
  await openComplaint(page, web.url, c.id, c.registerNo);
  // The step is the Camat's; the panel says what the staf may still do.
  await expect(page.getByText(/Anda dapat .*mencetak surat tanggapan untuk tanda tangan basah dan mengunggah hasil pindainya\./)).toBeVisible();
  const actions = page.getByRole('region', { name: 'Tindakan Surat tanggapan versi 1' });
  await expect(actions.getByRole('button', { name: 'Unggah hasil pindai' })).toHaveCount(0);
  await actions.getByRole('button', { name: 'Cetak untuk tanda tangan basah' }).click();
  const prepare = page.getByRole('dialog', { name: 'Cetak untuk tanda tangan basah' });
  await expect(prepare.getByLabel('Akan ditandatangani oleh')).toHaveValue(`${CAMAT} (Camat Pegantenan)`);
  await prepare.getByRole('button', { name: 'Siapkan naskah' }).click();
  await expect(page).toHaveURL(new RegExp(`/dokumen/${letter.id}$`));
  // The document's own page, not the complaint's still shown while it loads.
  await expect(page.getByRole('heading', { name: 'Surat tanggapan', exact: true })).toBeVisible();
  await expect(page.getByText(`Naskah bernomor ${number} siap`)).toBeVisible();
  await expect(page.getByText(`Dicetak untuk ditandatangani basah oleh ${CAMAT} (Camat Pegantenan), dengan nomor ${number}`)).toBeVisible();
  const paper = page.getByRole('main').getByRole('article');
  await expect(paper).not.toHaveAccessibleName(/DRAF/);
  await expect(paper).toContainText(number);
  await expect(paper).toContainText(CAMAT);
  const printed = await downloadDocx(page, page.getByRole('button', { name: 'Unduh DOCX' }));
  expect(printed.text).toContain(number);
  expect(printed.text).toContain('CAMAT PEGANTENAN,');
  expect(printed.text).not.toContain('DRAF');
  // The Camat's queue says the paper is out for his signature by hand.
  await as(page, web.url, 'camat');
  await page.goto(`${web.url}/tanda-tangan`);
  await expect(page.getByRole('list', { name: 'Daftar menunggu tanda tangan' })).toContainText(`Dicetak untuk tanda tangan basah ${CAMAT} (Camat Pegantenan), nomor ${number}`);
  // The staf's start page is Tugas saya, which lists the sheet whose scan is to come.
  await as(page, web.url, 'staf');
  await expect(page).toHaveURL(/\/tugas$/);
  const awaited = page.getByRole('table', { name: 'Menunggu hasil pindai' });
  await expect(awaited.getByRole('row')).toHaveCount(2);
  // The menu counts it among the Staf's tasks.
  await expect(page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: /Tugas saya/ }).getByLabel('1 tugas')).toBeVisible();
  await expect(awaited).toContainText(`Nomor ${number}`);
  await expect(awaited).toContainText(c.registerNo);
  await expect(awaited).toContainText(`${CAMAT} (Camat Pegantenan)`);
  await awaited.getByRole('link', { name: 'Unggah hasil pindai' }).click();
  await expect(page).toHaveURL(new RegExp(`/dokumen/${letter.id}$`));

  // Signed and stamped by hand: its scan is recorded against that paper.
  await page.getByRole('button', { name: 'Unggah hasil pindai' }).click();
  const upload = page.getByRole('dialog', { name: 'Tanda tangan basah: unggah hasil pindai' });
  await expect(upload).toContainText(`Pindai naskah bernomor ${number} yang dicetak pada`);
  await expect(upload).toContainText(`untuk ${CAMAT} (Camat Pegantenan) setelah ditandatangani dan dicap`);
  await upload.locator('input[type="file"]').setInputFiles({ name: 'surat-ttd.png', mimeType: 'image/png', buffer: Buffer.from(SIGNATURE.split(',')[1]!, 'base64') });
  await upload.getByRole('button', { name: 'Unggah hasil pindai' }).click();
  await expect(page.getByText('Hasil pindai tersimpan; dokumen tercatat ditandatangani basah.')).toBeVisible();
  await expect(page.getByRole('heading', { name: `Surat tanggapan ${number}` })).toBeVisible();
  await expect(page.getByText(`Ditandatangani basah ${CAMAT}; hasil pindai diunggah `)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Unduh hasil pindai' })).toBeVisible();
  await expect(page.getByText('Yang sah lembar yang ditandatangani dengan tangan')).toBeVisible();
  const signed = await api.staf.call('documents.get', { id: letter.id });
  expect(signed).toMatchObject({ status: 'ditandatangani_basah', number, signerName: CAMAT, hasScan: true });
  expect((await api.staf.call('workflow.journey', { id: c.id })).current?.stepNo).toBe(11);
  // Recorded, it leaves Tugas saya's list.
  await page.goto(`${web.url}/tugas`);
  await expect(page.getByRole('table', { name: 'Tugas saya' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Menunggu hasil pindai' })).toHaveCount(0);
});

test('Tanda terima dengan nama, alamat, lampiran dan uraian terpanjang tetap satu lembar A4 saat dicetak dari layar', async ({ web, page }) => {
  const { api } = await start(web.url, 'pegantenan');
  const words = 'jalan makadam dusun berlubang tergenang warga sekolah kendaraan motor pasar pedagang balai laporan perbaikan'.split(' ');
  const text = (n: number) => Array.from({ length: n }, (_, i) => words[(i * 7) % words.length]).join(' ');
  const png = SIGNATURE.slice('data:image/png;base64,'.length);
  const c = await api.staf.call('complaints.create', {
    kind: 'pengaduan',
    channel: 'langsung',
    category: 'infrastruktur',
    reporter: { name: text(30).slice(0, 120), address: text(60).slice(0, 250), nik: '3514015203850002', phone: '081234567890', email: '' },
    subject: 'Jalan desa rusak di Dusun Krajan',
    description: text(400),
    expectation: '',
    incidentPlace: '',
    incidentDate: '',
    kelengkapan: [],
    attachments: [1, 2, 3, 4, 5].map((i) => ({ fileName: `Foto kondisi jalan rusak di depan rumah warga bagian ${i} diambil pagi hari.png`, mime: 'image/png', dataBase64: png })),
  });
  await as(page, web.url, 'staf');
  await page.goto(`${web.url}/pengaduan/${c.id}/tanda-terima`);
  const paper = page.getByRole('article', { name: 'Tanda terima' });
  await expect(paper).toContainText('(selengkapnya tercatat dalam register pengaduan)');
  await expect(paper).toContainText('5. Foto kondisi jalan rusak di dep…hari.png');
  const pdf = pdfPages(await page.pdf({ preferCSSPageSize: true }));
  expect(pdf.pages).toBe(1);
});

test('Periksa dokumen: kode yang panjangnya salah disebut di bawah isiannya saja, dengan contoh kode yang benar', async ({ web, page }) => {
  await seedOffice(web.url);
  await as(page, web.url, 'staf');
  await page.goto(`${web.url}/periksa`);
  const code = page.getByLabel('Kode periksa');
  await expect(code).toHaveAttribute('placeholder', 'contoh: K7QF-2M9X-PD4R');
  await code.fill('abc');
  await page.getByRole('button', { name: 'Periksa kode' }).click();
  await expect(page.getByText('Kode periksa terdiri atas 12 huruf dan angka, contoh K7QF-2M9X-PD4R; yang diketik 3. Salin lagi kode dari kotak di kaki dokumen.')).toHaveCount(1);
  await expect(page.getByText('Dokumen belum dapat diperiksa')).toHaveCount(0);
});
