import { readFileSync, writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { test, expect } from './fixtures';
import { PASSWORD, as, deskOf, login, sampleComplaint, seedOffice, toPegantenanSigning } from './support';
import { OFFICE_PRESETS } from '../../shared/standards/presets';
import { localDate, yearOf } from '../../shared/time/workingTime';
import { readDocx } from '../support/docx';

// A Kasi the Admin appoints Plh. Camat for today signs on screen, as an acting Sekcam
// would: the Admin records the appointment, the Kasi finds "Penandatanganan" with
// its count in his menu, keeps a signature specimen, and signs the surat tanggapan of a
// complaint disposed to another Kasi from the queue. The other Kasi has no such menu.
// The steps not under test are walked through the HTTP API, as another PC would.

const ACTING = 'Hadi Purnomo, S.H.';

// A pen stroke, dark on transparent, as a scanned specimen would be.
function specimen(): Buffer {
  const png = new PNG({ width: 240, height: 80 });
  for (let x = 10; x < 230; x++) {
    const y = Math.round(40 + 22 * Math.sin(x / 14) * Math.cos(x / 53));
    for (let dy = -2; dy <= 2; dy++) {
      const i = ((y + dy) * 240 + x) * 4;
      png.data[i] = 20;
      png.data[i + 1] = 30;
      png.data[i + 2] = 110;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

test('Pegantenan: Admin menunjuk Kasi sebagai Plh. Camat hari ini, Kasi itu menandatangani surat tanggapan dari antrean', async ({ web, page }) => {
  const preset = OFFICE_PRESETS.find((p) => p.id === 'pegantenan')!;
  await seedOffice(web.url, 'pegantenan');
  const api = await deskOf(web.url);

  // A complaint disposed to Kasi Pelayanan, answered and initialled: step 10, the Camat's signature.
  const c = await api.staf.call('complaints.create', sampleComplaint({ kelengkapan: preset.standard.kelengkapanChecklist }));
  const letter = await toPegantenanSigning(api, c.id);

  // Kasi Pemerintahan is at work already, in a window of his own, when he is appointed.
  const atWork = await (await page.context().browser()!.newContext()).newPage();
  await login(atWork, web.url, 'kasi2');
  await expect(atWork.getByRole('link', { name: /^Penandatanganan/ })).toHaveCount(0);

  // The Admin appoints Kasi Pemerintahan Plh. Camat for today (the office's date).
  const today = localDate(new Date().toISOString(), preset.office.timeZone);
  const typed = `${today.slice(8, 10)}/${today.slice(5, 7)}/${today.slice(0, 4)}`;
  await as(page, web.url, 'admin');
  await page.getByRole('link', { name: 'Pejabat Plt./Plh.' }).click();
  await expect(page.getByRole('heading', { name: 'Pejabat Plt./Plh. Camat' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Pejabat yang ditunjuk' }).click();
  // The Camat in office is not among those who may stand in for him.
  await expect(page.getByRole('option', { name: new RegExp(ACTING) })).toBeVisible();
  await expect(page.getByRole('option', { name: /\(Sekretaris Kecamatan\)$/ })).toBeVisible();
  await expect(page.getByRole('option', { name: /\(Camat\)$/ })).toHaveCount(0);
  await page.getByRole('option', { name: new RegExp(ACTING) }).click();
  await page.getByRole('textbox', { name: 'Mulai tanggal' }).fill(typed);
  await page.getByRole('textbox', { name: 'Sampai tanggal' }).fill(typed);
  await page.getByRole('button', { name: 'Tambah pejabat' }).click();
  await expect(page.getByText(`${ACTING} tercatat sebagai Plh. Camat Pegantenan.`)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Daftar pejabat Plt./Plh. Camat' })).toContainText('Sedang berlaku');
  // His window shows the queue from his next move on, without signing in again.
  await atWork.getByRole('link', { name: 'Buku register' }).click();
  await expect(atWork.getByRole('link', { name: /^Penandatanganan/ })).toBeVisible();
  await atWork.context().close();

  // The Kasi the complaint was disposed to is not appointed: no queue for him, by menu or by address.
  await as(page, web.url, 'kasi');
  await expect(page.getByRole('link', { name: 'Tugas saya' })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Penandatanganan/ })).toHaveCount(0);
  await page.goto(`${web.url}/tanda-tangan`);
  await expect(page).toHaveURL(/\/tugas$/);

  // The appointed Kasi: the queue and its count are in his menu.
  await as(page, web.url, 'kasi2');
  const queueLink = page.getByRole('link', { name: /^Penandatanganan/ });
  await expect(queueLink.getByText('1', { exact: true })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('kasi-plh-menu.png') });

  // Without a specimen the sign form says so before he types his password, and leads to
  // Akun saya, where he keeps it like the Camat.
  await queueLink.click();
  const before = page.getByRole('form', { name: 'Tanda tangan' });
  await expect(before.getByText('Contoh tanda tangan Anda belum diunggah, sehingga dokumen belum dapat ditandatangani di layar.')).toBeVisible();
  await expect(before.getByRole('button', { name: 'Tandatangani' })).toBeDisabled();
  await before.getByRole('link', { name: 'Akun saya › Contoh tanda tangan' }).click();
  await expect(page.getByText('Contoh tanda tangan', { exact: true })).toBeVisible();
  await page.locator('input[type="file"]').setInputFiles({ name: 'ttd-hadi.png', mimeType: 'image/png', buffer: specimen() });
  await page.getByRole('button', { name: 'Simpan tanda tangan' }).click();
  await expect(page.getByText('Contoh tanda tangan tersimpan.')).toBeVisible();

  await queueLink.click();
  await expect(page).toHaveURL(/\/tanda-tangan$/);
  const list = page.getByRole('list', { name: 'Daftar menunggu tanda tangan' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await list.getByRole('button', { name: /Surat tanggapan/ }).click();
  await expect(page.getByRole('heading', { name: 'Surat tanggapan versi 1' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('article')).toHaveAccessibleName(/DRAF/);
  // The letter beside the form carries the block his signature gives it, not the Camat's.
  const draftPaper = page.getByRole('main').getByRole('article');
  await expect(draftPaper.getByText('Plh. CAMAT PEGANTENAN', { exact: true })).toBeVisible();
  await expect(draftPaper.getByText(ACTING, { exact: true })).toBeVisible();
  await expect(draftPaper.getByText('CAMAT PEGANTENAN,', { exact: true })).toHaveCount(0);
  // The complaint is not his to open before he signs: its number is no link to a refusal.
  await expect(page.getByText(`Pengaduan ${c.registerNo}`)).toBeVisible();
  await expect(page.getByRole('link', { name: c.registerNo })).toHaveCount(0);
  const sign = page.getByRole('form', { name: 'Tanda tangan' });
  // Before he signs, the form says in which capacity, and how the signature block will read.
  await expect(sign).toContainText(`Anda, ${ACTING} (Kepala Seksi Pemerintahan), menandatangani sebagai Plh. Camat Pegantenan. Blok tanda tangannya akan berbunyi:`);
  await expect(sign.getByLabel('Blok tanda tangan').locator('p')).toHaveText(['Plh. CAMAT PEGANTENAN', 'KEPALA SEKSI PEMERINTAHAN,', ACTING]);
  await sign.getByLabel('Kata sandi Anda').fill(PASSWORD);
  await sign.getByRole('button', { name: 'Tandatangani', exact: true }).click();
  const number = `000.8.3.4/1/${preset.office.unitCode}/${yearOf(new Date().toISOString(), preset.office.timeZone)}`;
  const signedNote = page.getByRole('main').getByRole('status');
  await expect(signedNote).toContainText(`Surat tanggapan ditandatangani dengan nomor ${number}.`);
  await expect(page.getByText('Tidak ada dokumen yang menunggu tanda tangan Anda.')).toBeVisible();
  await expect(queueLink.getByText('1', { exact: true })).toHaveCount(0);

  // The signed letter: "Plh. CAMAT PEGANTENAN" over his own jabatan, his name and specimen.
  await signedNote.getByRole('link', { name: 'Lihat / cetak' }).click();
  await expect(page).toHaveURL(new RegExp(`/dokumen/${letter.id}$`));
  await expect(page.getByRole('heading', { name: `Surat tanggapan ${number}` })).toBeVisible();
  const paper = page.getByRole('main').getByRole('article');
  await expect(paper).not.toHaveAccessibleName(/DRAF/);
  const block = paper.getByText('Plh. CAMAT PEGANTENAN', { exact: true }).locator('..');
  await expect(block).toContainText('KEPALA SEKSI PEMERINTAHAN,');
  await expect(block).toContainText(ACTING);
  await expect(block.getByRole('img', { name: `Tanda tangan ${ACTING}` })).toBeVisible();
  await block.screenshot({ path: test.info().outputPath('blok-tanda-tangan-plh.png') });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Unduh DOCX' }).click();
  const bytes = readFileSync(await (await download).path());
  writeFileSync(test.info().outputPath('surat-tanggapan-plh.docx'), bytes);
  const docx = readDocx(bytes);
  const at = docx.paragraphs.indexOf('Plh. CAMAT PEGANTENAN');
  expect(at).toBeGreaterThan(-1);
  expect(docx.paragraphs.slice(at, at + 6)).toEqual(expect.arrayContaining(['KEPALA SEKSI PEMERINTAHAN,', ACTING]));
  expect(docx.text).not.toContain('Ahmad Fauzi');
  expect(await api.staf.call('documents.get', { id: letter.id })).toMatchObject({ status: 'ditandatangani', number, signerName: ACTING, signerCapacity: 'Plh.' });
});

test('Pegantenan: Kasi yang menjadi Plh. Camat mengembalikan draf dari halaman dokumen dan kembali ke antreannya', async ({ web, page }) => {
  const preset = OFFICE_PRESETS.find((p) => p.id === 'pegantenan')!;
  const { admin } = await seedOffice(web.url, 'pegantenan');
  const api = await deskOf(web.url);
  const actingId = (await admin.call('users.list', {})).find((x) => x.username === 'kasi2')!.id;
  const c = await api.staf.call('complaints.create', sampleComplaint({ kelengkapan: preset.standard.kelengkapanChecklist }));
  const letter = await toPegantenanSigning(api, c.id);
  const today = localDate(new Date().toISOString(), preset.office.timeZone);
  await admin.call('officials.add', { userId: actingId, kind: 'plh', from: today, to: today });

  // Kasi Pemerintahan, Plh. Camat today, reads the letter of a complaint not disposed to him and sends it back.
  await login(page, web.url, 'kasi2');
  await page.goto(`${web.url}/dokumen/${letter.id}`);
  await page.getByRole('button', { name: 'Kembalikan draf' }).click();
  const dialog = page.getByRole('dialog', { name: 'Kembalikan draf' });
  await dialog.getByLabel('Alasan pengembalian').fill('Sebutkan tanggal penambalan jalan.');
  await dialog.getByRole('button', { name: 'Kembalikan' }).click();
  // The letter is no longer his to open: he lands on his queue, now empty, not on a page he may not read.
  await expect(page).toHaveURL(/\/tanda-tangan$/);
  await expect(page.getByText('Tidak ada dokumen yang menunggu tanda tangan Anda.')).toBeVisible();
  // The complaint is back at the Staf's step 7, drafting.
  expect((await api.staf.call('workflow.journey', { id: c.id })).current?.stepNo).toBe(7);
});
