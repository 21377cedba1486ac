import type { Page, TestInfo } from '@playwright/test';
import { test, expect } from './fixtures';
import { ApiClient, PASSWORD, login, seedOffice } from './support';
import type { CallInput } from '../../shared/contract';
import { OFFICE_PRESETS } from '../../shared/standards/presets';

// Issue 9, no step completed by accident: on the Kasi's step the Camat sees a deliberate
// "Ambil alih" that needs a reason, and the Kasi confirms a completion and may undo it.

const kejayan = OFFICE_PRESETS.find((p) => p.id === 'kejayan')!;
const KASI = 'Bambang Sutrisno, S.Sos.';

const complaint: CallInput<'complaints.create'> = {
  kind: 'pengaduan',
  channel: 'langsung',
  category: 'infrastruktur',
  reporter: { name: 'Siti Aminah', address: 'Dusun Krajan RT 02 RW 01, Desa Kejayan', nik: '3514015203850002', phone: '081234567890', email: '' },
  subject: 'Saluran air tersumbat di Dusun Krajan',
  description: 'Saluran air di depan balai dusun tersumbat sampah sehingga air meluap ke jalan setiap hujan.',
  expectation: 'Saluran segera dibersihkan.',
  incidentPlace: 'Jl. Raya Krajan',
  incidentDate: '2026-11-20',
  kelengkapan: kejayan.standard.kelengkapanChecklist,
};

async function start(url: string) {
  await seedOffice(url, 'kejayan');
  const staf = new ApiClient(url);
  await staf.call('auth.login', { username: 'staf', password: PASSWORD });
  return { staf, c: await staf.call('complaints.create', complaint) };
}

async function openComplaint(page: Page, url: string, id: number, registerNo: string) {
  await page.goto(`${url}/pengaduan/${id}`);
  await expect(page.getByRole('heading', { name: `Pengaduan ${registerNo}` })).toBeVisible();
}

// The action panel as the user sees it on a 1366 × 768 screen, kept with the test's results.
async function shoot(page: Page, info: TestInfo, name: string) {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByRole('heading', { name: 'Tindakan', exact: true }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: info.outputPath(name) });
}

test('Camat setelah disposisi melihat "Ambil alih", bukan "Selesaikan langkah", dan harus menulis alasan', async ({ web, page }, info) => {
  const { c } = await start(web.url);
  await login(page, web.url, 'camat');
  await openComplaint(page, web.url, c.id, c.registerNo);
  const dispose = page.getByRole('form', { name: 'Disposisi' });
  await dispose.getByLabel(KASI).check();
  await dispose.getByLabel('Proses lebih lanjut').check();
  await dispose.getByRole('button', { name: 'Kirim disposisi' }).click();
  await expect(page.getByText('Disposisi terkirim.')).toBeVisible();

  // Step 3 is the Kasi's: the Camat is told so, and is offered a take-over, not the plain completion.
  const notice = page.getByRole('alert', { name: /^Dikerjakan oleh/ });
  await expect(notice).toContainText(`Dikerjakan oleh ${KASI}`);
  await expect(notice).toContainText('Langkah 3 (tindak lanjut) dikerjakan oleh Kasi yang menerima disposisi.');
  await expect(notice).toContainText('Anda dapat mengambil alih langkah ini dengan menuliskan alasannya');
  await expect(page.getByRole('form', { name: 'Selesaikan langkah' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Selesaikan langkah' })).toHaveCount(0);
  await shoot(page, info, 'panel-camat.png');

  await page.getByRole('button', { name: 'Ambil alih', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Ambil alih langkah 3' });
  // His name ends with its own full stop, which ends the sentence too.
  await expect(dialog).toContainText(`adalah tugas ${KASI} Ambil alih hanya bila`);
  await expect(dialog).toContainText('pengaduan berlanjut ke langkah 4');
  await dialog.getByRole('button', { name: 'Ya, ambil alih' }).click();
  await expect(dialog.getByText('Alasan mengambil alih wajib diisi.')).toBeVisible();
  await expect(page.getByText('Langkah 3: Memberikan solusi dan tanggapan pengaduan').first()).toBeVisible();
  await dialog.getByLabel('Alasan mengambil alih').fill('Kasi sedang cuti; warga menunggu jawaban hari ini.');
  await dialog.getByRole('button', { name: 'Ya, ambil alih' }).click();
  await expect(page.getByText('Langkah 3 diambil alih dan selesai.')).toBeVisible();
  await expect(page.getByText('Langkah 4: Memberikan solusi dan tanggapan lanjutan').first()).toBeVisible();
  await expect(page.getByText('Kasi sedang cuti; warga menunggu jawaban hari ini.').first()).toBeVisible();
});

test('Kasi menyelesaikan langkah lewat konfirmasi dan dapat membatalkannya', async ({ web, page }, info) => {
  const { staf, c } = await start(web.url);
  const kasiId = (await staf.call('workflow.assignees', {})).find((a) => a.name === KASI)!.id;
  await staf.call('workflow.dispose', { id: c.id, to: [kasiId], sifat: 'biasa', instructions: ['proses_lanjut'], note: '' });

  await login(page, web.url, 'kasi');
  await openComplaint(page, web.url, c.id, c.registerNo);
  await expect(page.getByRole('alert', { name: /^Dikerjakan oleh/ })).toHaveCount(0);
  // The disposition he works on stands where he works, at the top of the actions.
  const forYou = page.getByRole('region', { name: 'Disposisi untuk Anda' });
  await expect(forYou).toContainText('Dari Dewi Lestari');
  await expect(forYou).toContainText('Instruksi: Proses lebih lanjut');
  const form = page.getByRole('form', { name: 'Selesaikan langkah' });
  await form.getByRole('button', { name: 'Selesaikan langkah' }).click();
  // A mis-click does nothing yet: the dialog says what happens and who acts next.
  const dialog = page.getByRole('dialog', { name: 'Selesaikan langkah 3?' });
  await expect(dialog).toContainText('berlanjut ke langkah 4');
  await expect(dialog).toContainText('dikerjakan oleh Camat');
  // Nothing recorded of what was done: the answer would say only that it was followed up.
  await expect(dialog.getByRole('alert', { name: 'Belum ada catatan tindak lanjut' })).toBeVisible();
  await page.screenshot({ path: info.outputPath('confirm-kasi.png') });
  await dialog.getByRole('button', { name: 'Batal' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('Langkah 3: Memberikan solusi dan tanggapan pengaduan').first()).toBeVisible();
  await page.getByRole('form', { name: 'Catat tindak lanjut' }).getByLabel('Isi catatan').fill('Saluran dibersihkan bersama warga pada Sabtu pagi.');
  await page.getByRole('button', { name: 'Simpan catatan' }).click();
  await expect(page.getByText('Catatan tindak lanjut tersimpan.')).toBeVisible();

  await form.getByLabel('Catatan (tidak wajib)').fill('Saluran sudah dibersihkan bersama warga.');
  await form.getByRole('button', { name: 'Selesaikan langkah' }).click();
  await expect(dialog).toContainText('berlanjut ke langkah 4');
  await expect(dialog.getByRole('alert', { name: 'Belum ada catatan tindak lanjut' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Ya, selesaikan' }).click();
  await expect(page.getByText('Langkah 3 selesai.')).toBeVisible();
  await expect(page.getByText('Langkah 4: Memberikan solusi dan tanggapan lanjutan').first()).toBeVisible();
  await expect(page.getByRole('alert', { name: /^Dikerjakan oleh/ })).toContainText('Dikerjakan oleh Camat');
  const undo = page.getByRole('button', { name: 'Batalkan penyelesaian langkah 3' });
  await expect(undo).toBeVisible();
  await shoot(page, info, 'panel-kasi.png');

  await undo.click();
  await expect(page.getByText('Penyelesaian langkah 3 dibatalkan; langkah itu berjalan lagi dengan batas waktunya semula.')).toBeVisible();
  await expect(page.getByText('Langkah 3: Memberikan solusi dan tanggapan pengaduan').first()).toBeVisible();
  await expect(form).toBeVisible();
  await expect(undo).toHaveCount(0);
  const journey = await staf.call('workflow.journey', { id: c.id });
  expect(journey.current?.stepNo).toBe(3);
});

test('Halaman yang dibuka sebelum langkahnya diselesaikan meja lain tidak menyelesaikan langkah berikutnya', async ({ web, page }, info) => {
  const { staf, c } = await start(web.url);
  const kasiId = (await staf.call('workflow.assignees', {})).find((a) => a.name === KASI)!.id;
  await staf.call('workflow.dispose', { id: c.id, to: [kasiId], sifat: 'biasa', instructions: ['proses_lanjut'], note: '' });
  // A PC whose live events do not arrive (its stream cut): the page does not follow the Kasi's completion.
  await page.route('**/api/events', (route) => route.abort());
  await login(page, web.url, 'camat');
  await openComplaint(page, web.url, c.id, c.registerNo);
  // The Kasi completes step 3 at his desk while the Camat's page still shows it.
  const kasi = new ApiClient(web.url);
  await kasi.call('auth.login', { username: 'kasi', password: PASSWORD });
  await kasi.call('workflow.advance', { id: c.id, step: 3, note: 'Sudah dibersihkan.' });

  await page.getByRole('button', { name: 'Ambil alih', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Ambil alih langkah 3' });
  await dialog.getByLabel('Alasan mengambil alih').fill('Kasi sedang cuti; warga menunggu jawaban hari ini.');
  await dialog.getByRole('button', { name: 'Ya, ambil alih' }).click();
  // Refused, said, and the page shows the complaint as it is now: step 4 running, the Camat's own.
  await expect(page.getByText('Langkah 3 yang Anda lihat tidak berjalan lagi: pengaduan ini kini pada langkah 4')).toBeVisible();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('Langkah 4: Memberikan solusi dan tanggapan lanjutan').first()).toBeVisible();
  await expect(page.getByRole('form', { name: 'Selesaikan langkah' })).toBeVisible();
  // The reason typed is kept above the actions, to be copied.
  await expect(page.getByRole('status').filter({ hasText: 'Isian Anda belum tersimpan' })).toContainText('Kasi sedang cuti; warga menunggu jawaban hari ini.');
  await page.screenshot({ path: info.outputPath('stale-refused.png') });
  const journey = await staf.call('workflow.journey', { id: c.id });
  expect(journey.current?.stepNo).toBe(4);
  expect(journey.steps[3]?.completedAt).toBeNull();
});
