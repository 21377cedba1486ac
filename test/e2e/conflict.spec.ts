import type { Browser, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { ApiClient, FIRST_PASSWORD, login, PASSWORD, sampleComplaint, seedOffice } from './support';

// Two people at two PCs edit the same record: whoever saves second is told who changed
// it and when, keeps what they typed, and can load the newer data; nothing is overwritten.

// Two servers' worth of pages at once on a shared machine: the pages may load slowly.
test.setTimeout(240_000);

const STALE = /Data ini sudah diubah oleh (.+) pada \d{1,2} \w+ \d{4} pukul \d{2}\.\d{2} WI[BT]A?\. Muat ulang untuk melihat perubahannya, lalu ulangi isian Anda\./;

// A page in its own browser context: its own cookies, as on another PC.
async function pcFor(browser: Browser, url: string, username: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, url, username);
  return page;
}

test('two Admins save the service standard from the same starting point: the second sees who saved first and keeps the text', async ({ browser, web }) => {
  const office = await seedOffice(web.url);
  await office.admin.call('users.create', {
    username: 'budi',
    password: FIRST_PASSWORD,
    user: { name: 'Budi Santoso', nip: '', jabatan: 'Pengelola Sistem', pangkat: '', role: 'admin', seksi: '', active: true },
  });
  const budiApi = new ApiClient(web.url);
  await budiApi.call('auth.login', { username: 'budi', password: FIRST_PASSWORD });
  await budiApi.call('auth.changePassword', { oldPassword: FIRST_PASSWORD, newPassword: PASSWORD });

  const rina = await pcFor(browser, web.url, 'admin');
  const budi = await pcFor(browser, web.url, 'budi');
  for (const page of [rina, budi]) {
    await page.goto(`${web.url}/admin/standar`);
    await expect(page.getByLabel('Biaya/tarif')).toBeEditable({ timeout: 60_000 });
  }

  await rina.getByLabel('Biaya/tarif').fill('Tidak dipungut biaya (Rina)');
  await budi.getByLabel('Biaya/tarif').fill('Gratis, tanpa biaya apa pun (Budi)');

  await rina.getByRole('button', { name: 'Simpan standar' }).first().click();
  await expect(rina.getByText('Standar pelayanan tersimpan.', { exact: false })).toBeVisible();

  await budi.getByRole('button', { name: 'Simpan standar' }).first().click();
  const alert = budi.getByRole('alert').filter({ hasText: 'Data sudah diubah' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(STALE);
  await expect(alert).toContainText('oleh Rina Wulandari pada');
  // What Budi typed is still in the form, and the stored standard is Rina's.
  await expect(budi.getByLabel('Biaya/tarif')).toHaveValue('Gratis, tanpa biaya apa pun (Budi)');
  expect((await office.admin.call('standard.get', {})).fee).toBe('Tidak dipungut biaya (Rina)');
  await budi.screenshot({ path: test.info().outputPath('standar-bentrok.png'), fullPage: false });

  // Loading the newer data shows Rina's; Budi's next save goes through on it.
  await alert.getByRole('button', { name: 'Muat ulang data terbaru' }).click();
  await expect(budi.getByLabel('Biaya/tarif')).toHaveValue('Tidak dipungut biaya (Rina)');
  await expect(alert).toBeHidden();
  await budi.getByLabel('Biaya/tarif').fill('Gratis, tanpa biaya apa pun (Budi)');
  await budi.getByRole('button', { name: 'Simpan standar' }).first().click();
  await expect(budi.getByText('Standar pelayanan tersimpan.', { exact: false })).toBeVisible();
  expect((await office.admin.call('standard.get', {})).fee).toBe('Gratis, tanpa biaya apa pun (Budi)');
});

test('the Staf and the Sekcam edit the same draft: the second save is refused with who and when, and keeps its text', async ({ browser, web }) => {
  await seedOffice(web.url);
  const staf = new ApiClient(web.url);
  await staf.call('auth.login', { username: 'staf', password: PASSWORD });
  const c = await staf.call(
    'complaints.create',
    sampleComplaint({
      subject: 'Air PDAM tidak mengalir di Dusun Krajan',
      description: 'Sudah dua minggu air PDAM tidak mengalir ke rumah-rumah warga Dusun Krajan.',
      expectation: 'Air kembali mengalir.',
    }),
  );
  const camat = new ApiClient(web.url);
  await camat.call('auth.login', { username: 'camat', password: PASSWORD });
  await camat.call('workflow.exit', { id: c.id, exit: 'bukan_kewenangan', note: 'Urusan air bersih.', forwardTo: 'Perumda Air Minum Kab. Pasuruan' });
  const draft = (await staf.call('documents.list', { complaintId: c.id })).find((d) => d.kind === 'surat_penerusan')!;

  const stafPage = await pcFor(browser, web.url, 'staf');
  const sekcamPage = await pcFor(browser, web.url, 'sekcam');
  const editors: Page[] = [stafPage, sekcamPage];
  for (const page of editors) {
    await page.goto(`${web.url}/dokumen/${draft.id}`);
    const edit = page.getByRole('button', { name: 'Ubah draf' });
    await expect(edit).toBeVisible();
    // The editor takes the document the page holds: not a second opening (a rahasia
    // complaint's letter is audited at each opening).
    const opened: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/documents.get') opened.push(r.postData() ?? '');
    });
    await edit.click();
    await expect(page.getByRole('form', { name: 'Ubah draf' }).getByLabel('Isi surat')).toBeEditable({ timeout: 60_000 });
    expect(opened).toEqual([]);
  }
  const body = (page: Page) => page.getByRole('form', { name: 'Ubah draf' }).getByLabel('Isi surat');
  await body(stafPage).fill('Pengaduan Saudara kami teruskan kepada Perumda Air Minum (teks Staf).');
  await body(sekcamPage).fill('Pengaduan Saudara telah kami teruskan kepada Perumda Air Minum Kabupaten Pasuruan (teks Sekcam).');

  await sekcamPage.getByRole('button', { name: 'Simpan sebagai versi 2' }).click();
  await expect(sekcamPage).toHaveURL(/\/dokumen\/\d+$/);
  await expect(sekcamPage.getByRole('form', { name: 'Ubah draf' })).toBeHidden();

  await stafPage.getByRole('button', { name: 'Simpan sebagai versi 2' }).click();
  const alert = stafPage.getByRole('alert').filter({ hasText: 'Data sudah diubah' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(STALE);
  await expect(alert).toContainText('oleh Drs. Agus Salim pada');
  await expect(body(stafPage)).toHaveValue('Pengaduan Saudara kami teruskan kepada Perumda Air Minum (teks Staf).');
  await stafPage.screenshot({ path: test.info().outputPath('draf-bentrok.png'), fullPage: false });
  const letters = (await staf.call('documents.list', { complaintId: c.id })).filter((d) => d.kind === 'surat_penerusan');
  expect(letters.map((d) => [d.version, d.status])).toEqual([
    [1, 'diganti'],
    [2, 'draf'],
  ]);

  // Loading the newer draft opens version 2 with the Sekcam's text.
  await alert.getByRole('button', { name: 'Muat ulang data terbaru' }).click();
  await expect(stafPage.getByRole('dialog', { name: /versi 2/ })).toBeVisible();
  await expect(body(stafPage)).toHaveValue('Pengaduan Saudara telah kami teruskan kepada Perumda Air Minum Kabupaten Pasuruan (teks Sekcam).');
});
