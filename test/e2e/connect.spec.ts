import { test, expect } from './fixtures';

const FINGERPRINT = '3F:A2:91:0C:7B:5E:D4:18:C6:22:9A:E0:41:7D:B3:5F:08:CC:6E:93:1A:F7:2D:84:B9:50:EE:13:6A:C1:47:D2';

// A browser has no desktop bridge: the setup page offers no pairing, and /sambung says why.
test('in a browser, "Sambungkan ke server kantor" explains that it needs the desktop app', async ({ page, web }) => {
  await page.goto(web.url);
  await expect(page.getByRole('heading', { name: 'Selamat datang di Tanggap' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sambungkan ke server kantor' })).toHaveCount(0);

  await page.goto(`${web.url}/sambung`);
  await expect(page.getByRole('heading', { name: 'Sambungkan ke server kantor' })).toBeVisible();
  await expect(page.getByText('Hanya di aplikasi desktop Tanggap')).toBeVisible();
  await expect(page.getByLabel('Alamat server kantor')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('sambung-peramban.png'), fullPage: true });

  await page.getByRole('link', { name: 'Kembali ke penyiapan komputer ini' }).click();
  await expect(page.getByRole('heading', { name: 'Selamat datang di Tanggap' })).toBeVisible();
});

// The desktop app's preload, stood in for by a page script: invoke goes to the real
// server over HTTP as in a browser, and the client bridge records what the page asks the
// main process (main/electron/client.test.ts drives the real main-process side).
test('in the desktop app, the page checks the address, shows the fingerprint in groups and confirms it', async ({ page, web }) => {
  await page.addInitScript((fingerprint) => {
    const asked: unknown[] = [];
    (globalThis as unknown as { __asked: unknown[] }).__asked = asked;
    (globalThis as unknown as { tanggap: unknown }).tanggap = {
      invoke: async (name: string, input: unknown) =>
        (
          await fetch(`/api/${name}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-tanggap': '1' },
            body: JSON.stringify(input ?? {}),
          })
        ).json(),
      client: {
        probe: async (address: string) => {
          asked.push(['probe', address]);
          if (address.includes('192.168.1.99')) {
            return { ok: false, error: { code: 'validation', field: 'address', message: 'Tidak ada server Tanggap di https://192.168.1.99:8443.' } };
          }
          return { ok: true, value: { url: address, fingerprint, officeName: 'Kecamatan Pegantenan' } };
        },
        confirm: async (choice: unknown) => {
          asked.push(['confirm', choice]);
          return { ok: true, value: {} };
        },
      },
    };
  }, FINGERPRINT);

  await page.goto(web.url);
  await expect(page.getByRole('heading', { name: 'Selamat datang di Tanggap' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('penyiapan-desktop.png') });
  await page.getByRole('link', { name: 'Sambungkan ke server kantor' }).click();
  await expect(page).toHaveURL(/\/sambung$/);
  const address = page.getByLabel('Alamat server kantor');

  await address.fill('http://192.168.1.10:8443');
  await page.getByRole('button', { name: 'Periksa server' }).click();
  await expect(page.getByText('Server kantor Tanggap memakai https.', { exact: false })).toBeVisible();

  await address.fill('192.168.1.99');
  await page.getByRole('button', { name: 'Periksa server' }).click();
  await expect(page.getByText('Tidak ada server Tanggap di https://192.168.1.99:8443.')).toBeVisible();

  await address.fill('192.168.1.10');
  await page.getByRole('button', { name: 'Periksa server' }).click();
  const groups = page.getByTestId('sidik-jari');
  await expect(groups).toBeVisible();
  await expect(groups.getByText('3F:A2:91:0C')).toBeVisible();
  await expect(groups.getByText('6A:C1:47:D2')).toBeVisible();
  await expect(page.getByText('Kecamatan Pegantenan')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('sambung-desktop.png'), fullPage: true });

  await page.getByRole('button', { name: 'Tidak sama, batalkan' }).click();
  await expect(page.getByText('Jangan disambungkan')).toBeVisible();
  await expect(groups).toHaveCount(0);

  await page.getByRole('button', { name: 'Periksa server' }).click();
  await page.getByRole('button', { name: 'Semua sama, sambungkan' }).click();
  await expect(page.getByText('Menyambung ke Kecamatan Pegantenan')).toBeVisible();
  expect(await page.evaluate(() => (globalThis as unknown as { __asked: unknown[] }).__asked)).toEqual([
    ['probe', 'https://192.168.1.99:8443'],
    ['probe', 'https://192.168.1.10:8443'],
    ['probe', 'https://192.168.1.10:8443'],
    ['confirm', { url: 'https://192.168.1.10:8443', fingerprint: FINGERPRINT }],
  ]);
});
