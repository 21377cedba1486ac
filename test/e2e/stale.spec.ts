import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { ApiClient, PASSWORD, login, sampleComplaint, seedOffice } from './support';
import { OFFICE_PRESETS } from '../../shared/standards/presets';

// Several PCs on one complaint: the page a user has open follows what another desk does,
// keeps what the user typed when the complaint moves on under it, and a form with unsaved
// text is not left without a question. A page whose files the server cannot send (the
// host PC off) says so in the app, not with the browser's error page.

const kejayan = OFFICE_PRESETS.find((p) => p.id === 'kejayan')!;
const KASI = 'Bambang Sutrisno, S.Sos.';
const NOTE = 'Mohon dicek bersama Kepala Desa Krajan sebelum Jumat.';

async function start(url: string) {
  await seedOffice(url, 'kejayan');
  const staf = new ApiClient(url);
  await staf.call('auth.login', { username: 'staf', password: PASSWORD });
  const c = await staf.call('complaints.create', sampleComplaint({ kelengkapan: kejayan.standard.kelengkapanChecklist }));
  const kasiId = (await staf.call('workflow.assignees', {})).find((a) => a.name === KASI)!.id;
  // The Staf disposes at his desk (Kejayan's step 2) while the Camat's page is open.
  const disposeElsewhere = () => staf.call('workflow.dispose', { id: c.id, to: [kasiId], sifat: 'biasa', instructions: ['proses_lanjut'], note: '' });
  return { staf, c, disposeElsewhere };
}

async function openAsCamat(page: Page, url: string, id: number, registerNo: string) {
  await login(page, url, 'camat');
  await page.goto(`${url}/pengaduan/${id}`);
  await expect(page.getByRole('heading', { name: `Pengaduan ${registerNo}` })).toBeVisible();
  return page.getByRole('form', { name: 'Disposisi' });
}

const changedElsewhere = (page: Page) => page.getByRole('status').filter({ hasText: 'Pengaduan ini baru saja diubah di komputer lain' });

test('Halaman pengaduan yang terbuka menampilkan disposisi dari meja lain tanpa dimuat ulang', async ({ web, page }, info) => {
  const { c, disposeElsewhere } = await start(web.url);
  const dispose = await openAsCamat(page, web.url, c.id, c.registerNo);
  await expect(dispose).toBeVisible();
  let reloads = 0;
  page.on('load', () => reloads++);

  await disposeElsewhere();
  await expect(changedElsewhere(page)).toContainText('Yang tampil sudah diperbarui');
  await expect(dispose).toHaveCount(0);
  await expect(page.getByRole('alert', { name: /^Dikerjakan oleh/ })).toContainText(`Dikerjakan oleh ${KASI}`);
  await expect(page.getByLabel(`Disposisi kepada ${KASI}`)).toBeVisible();
  expect(reloads).toBe(0);
  await page.screenshot({ path: info.outputPath('changed-elsewhere.png') });
  await changedElsewhere(page).getByRole('button', { name: 'Tutup' }).click();
  await expect(changedElsewhere(page)).toHaveCount(0);
});

test('Perubahan di kantor sebelum halaman pengaduan tampil tidak dikatakan sebagai perubahan di meja lain', async ({ web, page }) => {
  const { staf, c } = await start(web.url);
  await login(page, web.url, 'camat');
  // The page's first reading of the journey is held on its way; meanwhile another complaint
  // is recorded, and its live event reaches this page, which reads this journey again.
  let held: (() => Promise<void>) | null = null;
  let reads = 0;
  await page.route('**/api/workflow.journey', async (route) => {
    if (++reads > 1) return route.continue();
    const answer = await route.fetch();
    held = () => route.fulfill({ response: answer });
  });
  // The office's live events reach the page once its stream is open.
  const live = page.waitForResponse('**/api/events');
  await page.goto(`${web.url}/pengaduan/${c.id}`);
  await live;
  await expect.poll(() => held !== null).toBe(true);
  await staf.call('complaints.create', sampleComplaint({ subject: 'Pengaduan lain di buku register' }));
  // The live event's reading (2), then the page's own again (3): the event has been weighed.
  await expect.poll(() => reads).toBeGreaterThanOrEqual(3);
  await held!();
  await expect(page.getByRole('heading', { name: `Pengaduan ${c.registerNo}` })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Disposisi' })).toBeVisible();
  await expect(changedElsewhere(page)).toHaveCount(0);
});

test('Isian yang belum disimpan ditahan ketika pengaduan berubah di meja lain, dan disimpan untuk disalin bila ditolak', async ({ web, page }, info) => {
  const { staf, c, disposeElsewhere } = await start(web.url);
  const dispose = await openAsCamat(page, web.url, c.id, c.registerNo);
  await dispose.getByLabel('Hadi Purnomo, S.H.').check();
  await dispose.getByLabel('Proses lebih lanjut').check();
  await dispose.getByLabel('Catatan disposisi').fill(NOTE);

  // A menu item asks before the typed note is lost; staying keeps it.
  await page.getByRole('link', { name: 'Tugas saya' }).click();
  const leave = page.getByRole('dialog', { name: 'Perubahan belum disimpan' });
  await expect(leave).toBeVisible();
  await leave.getByRole('button', { name: 'Tetap di sini' }).click();
  await expect(page).toHaveURL(new RegExp(`/pengaduan/${c.id}$`));
  await expect(dispose.getByLabel('Catatan disposisi')).toHaveValue(NOTE);

  // Disposed elsewhere: the page says so and keeps the form as typed.
  await disposeElsewhere();
  await expect(changedElsewhere(page)).toContainText('ada isian yang belum disimpan');
  await expect(dispose.getByLabel('Catatan disposisi')).toHaveValue(NOTE);

  // Sent anyway: refused, naming who moved the complaint on, and the note stays to be copied.
  await dispose.getByRole('button', { name: 'Kirim disposisi' }).click();
  await expect(page.getByText(/Langkah 2 yang Anda lihat tidak berjalan lagi: pengaduan ini kini pada langkah 3 .*, terakhir diubah oleh /)).toBeVisible();
  const kept = page.getByRole('status').filter({ hasText: 'Isian Anda belum tersimpan' });
  await expect(kept).toContainText('Catatan disposisi');
  await expect(kept).toContainText(NOTE);
  await expect(kept.getByRole('button', { name: 'Salin' })).toBeVisible();
  await expect(dispose).toHaveCount(0);
  await expect(changedElsewhere(page)).toHaveCount(0);
  expect((await staf.call('workflow.journey', { id: c.id })).dispositions.map((d) => d.toName)).toEqual([KASI]);
  await page.screenshot({ path: info.outputPath('kept-typed.png') });

  // Nothing typed is left: the menu leaves without asking.
  await kept.getByRole('button', { name: 'Buang isian ini' }).click();
  await page.getByRole('link', { name: 'Tugas saya' }).click();
  await expect(page).toHaveURL(/\/tugas$/);
});

test('Halaman yang berkasnya tidak dapat diambil dari server memberi tahu di dalam aplikasi dan dapat dicoba lagi', async ({ web, page }, info) => {
  await seedOffice(web.url, 'kejayan');
  await login(page, web.url, 'camat');
  // The host PC is off: the page's own files and the server's start page do not come.
  const down = (route: { abort(): Promise<void> }) => route.abort();
  await page.route('**/assets/RecapPage-*', down);
  await page.route(`${web.url}/`, down);
  await page.getByRole('link', { name: 'Buku rekap' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Halaman ini belum dapat dibuka' });
  await expect(alert).toContainText('tidak dapat menghubungi server Tanggap');
  await alert.getByRole('button', { name: 'Coba lagi' }).click();
  await expect(alert).toContainText('Server masih belum dapat dihubungi.');
  await page.screenshot({ path: info.outputPath('page-not-fetched.png') });
  // Still the app, its menu there: no browser error page took its place.
  await expect(page.getByRole('link', { name: 'Tugas saya' })).toBeVisible();

  // The server is back: trying again loads the page.
  await page.unroute('**/assets/RecapPage-*', down);
  await page.unroute(`${web.url}/`, down);
  await alert.getByRole('button', { name: 'Coba lagi' }).click();
  await expect(page.getByRole('heading', { name: 'Buku rekap pengaduan', exact: true })).toBeVisible();
});

test('Selama server tidak dapat dihubungi, kepala aplikasi menandainya sampai sambungan pulih', async ({ web, page }, info) => {
  await seedOffice(web.url, 'kejayan');
  await login(page, web.url, 'camat');
  const mark = page.getByRole('banner').getByRole('status').filter({ hasText: 'Server tidak terhubung' });
  await expect(page.getByRole('link', { name: 'Tugas saya' })).toBeVisible();
  await expect(mark).toHaveCount(0);
  const down = (route: { abort(): Promise<void> }) => route.abort();
  await page.route('**/api/**', down);
  await page.getByRole('link', { name: 'Buku register' }).click();
  await expect(mark).toBeVisible();
  const failed = page.getByRole('alert').filter({ hasText: 'Data tidak dapat dimuat' });
  await expect(failed).toBeVisible();
  await page.screenshot({ path: info.outputPath('server-unreachable.png') });
  // Back: the header asks again by itself, every ten seconds, the mark goes and the register loads.
  await page.unroute('**/api/**', down);
  await expect(mark).toHaveCount(0, { timeout: 15_000 });
  await expect(failed).toHaveCount(0);
  await expect(page.getByText('Buku register masih kosong.')).toBeVisible();
});
