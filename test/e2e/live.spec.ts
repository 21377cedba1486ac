import { test, expect } from './fixtures';
import { ApiClient, PASSWORD, login, sampleComplaint, seedOffice } from './support';
import { OFFICE_PRESETS } from '../../shared/standards/presets';

// Two people at once in two browsers: the Staf disposes, and the Kasi's "Tugas saya"
// and menu count show it within two seconds, without reloading, with a notice that
// opens the complaint.

const kejayan = OFFICE_PRESETS.find((p) => p.id === 'kejayan')!;
const KASI = 'Bambang Sutrisno, S.Sos.';
// What the issue asks: queues update within two seconds.
const LIVE_MS = 2_000;

const complaint = sampleComplaint({ kelengkapan: kejayan.standard.kelengkapanChecklist.slice(0, 2) });

test('Disposisi dari Staf muncul di Tugas saya dan hitungan menu Kasi tanpa memuat ulang, dengan pemberitahuan', async ({ web, browser }, info) => {
  await seedOffice(web.url, 'kejayan');
  const api = new ApiClient(web.url);
  await api.call('auth.login', { username: 'staf', password: PASSWORD });
  const c = await api.call('complaints.create', complaint);

  const kasiContext = await browser.newContext();
  const stafContext = await browser.newContext();
  try {
    const kasi = await kasiContext.newPage();
    const staf = await stafContext.newPage();
    await login(kasi, web.url, 'kasi');
    await kasi.getByRole('link', { name: 'Tugas saya' }).click();
    const mine = kasi.getByRole('table', { name: 'Tugas saya' });
    await expect(kasi.getByText('Tidak ada tugas').or(mine)).toBeVisible();
    await expect(mine.getByRole('row').filter({ hasText: c.registerNo })).toHaveCount(0);
    await expect(kasi.getByLabel('1 tugas')).toHaveCount(0);
    let reloads = 0;
    kasi.on('load', () => reloads++);
    // The refreshes a live event sets off are the screen's own, not the Kasi's activity:
    // they are sent quiet, so they do not keep an idle session alive.
    const refreshes: string[] = [];
    kasi.on('request', (r) => {
      const call = /\/api\/(tasks\.(?:counts|mine))$/.exec(r.url())?.[1];
      if (call) refreshes.push(`${call} ${r.headers()['x-tanggap-quiet'] ?? 'tidak senyap'}`);
    });

    await login(staf, web.url, 'staf');
    await staf.goto(`${web.url}/pengaduan/${c.id}`);
    const form = staf.getByRole('form', { name: 'Disposisi' });
    await form.getByLabel(KASI).check();
    await form.getByLabel('Sifat').click();
    await staf.getByRole('option', { name: 'Segera', exact: true }).click();
    await form.getByLabel('Tanggapan dan saran').check();
    await form.getByRole('button', { name: 'Kirim disposisi' }).click();
    await expect(staf.getByText('Disposisi terkirim.')).toBeVisible();

    // The Kasi's queue, menu count and notice, all without a reload.
    await expect(kasi.getByRole('table', { name: 'Tugas saya' }).getByRole('row').filter({ hasText: c.registerNo })).toBeVisible({ timeout: LIVE_MS });
    await expect(kasi.getByRole('navigation', { name: 'Navigasi utama' }).getByLabel('1 tugas')).toBeVisible({ timeout: LIVE_MS });
    const notice = kasi.getByRole('alert').filter({ hasText: 'Disposisi baru' });
    await expect(notice).toContainText(c.registerNo, { timeout: LIVE_MS });
    await expect(notice).toContainText('Dewi Lestari');
    await expect(notice).not.toContainText('Siti Aminah');
    expect(reloads).toBe(0);
    expect(refreshes).toContain('tasks.mine 1');
    expect(refreshes).toContain('tasks.counts 1');
    expect(refreshes.filter((r) => !r.endsWith(' 1'))).toEqual([]);
    await kasi.screenshot({ path: info.outputPath('kasi-live.png') });

    await notice.click();
    await expect(kasi).toHaveURL(new RegExp(`/pengaduan/${c.id}$`));
    await expect(kasi.getByRole('heading', { name: `Pengaduan ${c.registerNo}` })).toBeVisible();
  } finally {
    await kasiContext.close();
    await stafContext.close();
  }
});
