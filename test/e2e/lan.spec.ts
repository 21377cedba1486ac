import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PeerCertificate, TLSSocket } from 'node:tls';
import { test, expect, type Browser, type Page } from '@playwright/test';
import type { CallInput, CallName, CallOutput } from '../../shared/contract';
import { OFFICE_PRESETS } from '../../shared/standards/presets';
import { yearOf } from '../../shared/time/workingTime';
import { fingerprintOfDer } from '../../main/host/fingerprint';
import { FIRST_PASSWORD, PASSWORD, login } from './support';

// One office, several PCs: a TLS host on 127.0.0.1 (`npm run web -- --tls`), and two
// browsers of two Staf working on it at the same time.

const root = join(__dirname, '..', '..');

interface TlsHost {
  url: string;
  fingerprint: string;
  dataDir: string;
  proc: ChildProcess;
}

async function startTlsHost(): Promise<TlsHost> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tanggap-e2e-lan-'));
  const proc = spawn(process.execPath, ['dist/main/http/cli.js', '--data', dataDir, '--port', '0', '--tls'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const started = await new Promise<{ url: string; fingerprint: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /berjalan di (https:\/\/\S+)/.exec(output)?.[1];
      const fingerprint = /Sidik jari sertifikat[^\n]*\n\s*((?:[0-9A-F]{2}:){31}[0-9A-F]{2})/.exec(output)?.[1];
      if (url && fingerprint) {
        clearTimeout(timer);
        resolve({ url, fingerprint });
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.on('exit', (code) => reject(new Error(`server exited ${code}:\n${output}`)));
  });
  return { ...started, dataDir, proc };
}

// Another PC of the office preparing data: HTTPS that trusts the host only by the
// fingerprint it printed, as the desktop app in client mode does.
class PinnedClient {
  private cookie = '';
  constructor(private readonly host: TlsHost) {}

  call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
    const { hostname, port } = new URL(this.host.url);
    return new Promise((resolve, reject) => {
      const req = request(
        {
          hostname,
          port,
          path: `/api/${name}`,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-tanggap': '1', cookie: this.cookie },
          rejectUnauthorized: false,
          agent: false,
        },
        (res) => {
          const set = res.headers['set-cookie']?.[0];
          if (set) this.cookie = set.split(';')[0]!;
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => {
            const body = JSON.parse(text) as { ok: boolean; value?: unknown; error?: { message: string } };
            if (body.ok) resolve(body.value as CallOutput<K>);
            else reject(new Error(`${name}: ${body.error?.message}`));
          });
        },
      );
      req.on('socket', (socket) =>
        socket.on('secureConnect', () => {
          const peer: PeerCertificate = (socket as TLSSocket).getPeerCertificate();
          if (fingerprintOfDer(peer.raw) !== this.host.fingerprint) req.destroy(new Error('sidik jari sertifikat server tidak cocok'));
        }),
      );
      req.on('error', reject);
      req.end(JSON.stringify(input));
    });
  }
}

async function seedTwoStaf(host: TlsHost) {
  const preset = OFFICE_PRESETS.find((p) => p.id === 'kejayan')!;
  const admin = new PinnedClient(host);
  await admin.call('setup.complete', {
    presetId: 'kejayan',
    office: { ...preset.office, logo: '' },
    admin: {
      username: 'admin',
      password: PASSWORD,
      user: { name: 'Rina Wulandari', nip: '', jabatan: 'Pengelola Sistem', pangkat: '', role: 'admin', seksi: '', active: true },
    },
  });
  for (const [username, name] of [
    ['dewi', 'Dewi Lestari'],
    ['yusuf', 'Yusuf Hidayat'],
  ] as const) {
    await admin.call('users.create', {
      username,
      password: FIRST_PASSWORD,
      user: { name, nip: '198001012005011001', jabatan: 'Pengadministrasi Umum', pangkat: 'Penata (III/c)', role: 'staf', seksi: '', active: true },
    });
    const user = new PinnedClient(host);
    await user.call('auth.login', { username, password: FIRST_PASSWORD });
    await user.call('auth.changePassword', { oldPassword: FIRST_PASSWORD, newPassword: PASSWORD });
  }
}

async function pick(page: Page, label: string, option: string) {
  await page.getByRole('textbox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function fillComplaint(page: Page, reporter: string, subject: string) {
  await expect(page.getByRole('heading', { name: 'Catat pengaduan' })).toBeVisible();
  await pick(page, 'Kategori', 'Infrastruktur (jalan, jembatan, drainase)');
  await page.getByLabel('Nama pelapor').fill(reporter);
  await page.getByLabel('Perihal').fill(subject);
  await page.getByLabel('Uraian pengaduan').fill(`${subject}: sudah lebih dari seminggu dan belum ada perbaikan dari desa.`);
}

async function staffBrowser(browser: Browser, host: TlsHost, username: string) {
  // The certificate is made by the host itself: the browser is told to go on, as the
  // office guide tells a user to after comparing the fingerprint.
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  const page = await context.newPage();
  await login(page, host.url, username);
  return { context, page };
}

// Two browsers and the host on two shared cores: more time than one page needs.
test.describe.configure({ timeout: 240_000 });

let host: TlsHost;
test.beforeAll(async () => {
  host = await startTlsHost();
  await seedTwoStaf(host);
});
test.afterAll(() => {
  host?.proc.kill();
  if (host) rmSync(host.dataDir, { recursive: true, force: true });
});

test('two Staf on two PCs record complaints at the same moment over TLS: consecutive numbers, nothing lost or doubled', async ({ browser }) => {
  expect(host.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  const dewi = await staffBrowser(browser, host, 'dewi');
  const yusuf = await staffBrowser(browser, host, 'yusuf');

  // The session cookie is Secure over TLS (and still HttpOnly, SameSite=Strict).
  const cookie = (await dewi.context.cookies()).find((c) => c.name === 'tanggap_session');
  expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict' });

  await fillComplaint(dewi.page, 'Siti Aminah', 'Jalan berlubang di Dusun Krajan');
  await fillComplaint(yusuf.page, 'Ahmad Yani', 'Saluran air tersumbat di Desa Sumberejo');
  // Both press "Simpan" at the same time.
  await Promise.all([dewi.page.getByRole('button', { name: 'Simpan pengaduan' }).click(), yusuf.page.getByRole('button', { name: 'Simpan pengaduan' }).click()]);
  const numberOf = async (page: Page) => {
    await expect(page.getByRole('status', { name: 'Pengaduan tersimpan' })).toContainText('Pengaduan tercatat dengan nomor');
    return (await page.getByTestId('nomor-register').textContent())!.trim();
  };
  const numbers = [await numberOf(dewi.page), await numberOf(yusuf.page)].sort();
  const year = yearOf(new Date(), 'Asia/Jakarta');
  expect(numbers).toEqual([`0001/PGD/${year}`, `0002/PGD/${year}`]);

  // Each sees both in the register, each once, under its own number.
  for (const { page } of [dewi, yusuf]) {
    await page.getByRole('link', { name: 'Buku register' }).click();
    const rows = page.getByRole('table', { name: 'Buku register pengaduan' }).locator('tbody tr[data-index]');
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: 'Jalan berlubang di Dusun Krajan' })).toHaveCount(1);
    await expect(rows.filter({ hasText: 'Saluran air tersumbat di Desa Sumberejo' })).toHaveCount(1);
  }

  // The second user's queue updates live over the TLS host's event stream: a complaint
  // Dewi records appears in Yusuf's open "Tugas saya", and its menu count, without a reload.
  await yusuf.page.getByRole('link', { name: 'Tugas saya' }).click();
  const yusufTasks = yusuf.page.getByRole('table', { name: 'Tugas saya' });
  await expect(yusufTasks.getByRole('row').filter({ hasText: 'Jalan berlubang di Dusun Krajan' })).toHaveCount(1);
  const menu = yusuf.page.getByRole('navigation', { name: 'Navigasi utama' });
  await expect(menu.getByLabel('2 tugas')).toBeVisible();
  let reloads = 0;
  yusuf.page.on('load', () => reloads++);
  await dewi.page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Catat pengaduan' }).click();
  await fillComplaint(dewi.page, 'Sri Wahyuni', 'Lampu penerangan jalan padam di Dusun Kidul');
  await dewi.page.getByRole('button', { name: 'Simpan pengaduan' }).click();
  // Its wording is close to the first one's, so the app asks whether it is the same.
  await dewi.page.getByRole('dialog', { name: 'Mungkin sudah pernah dicatat' }).getByRole('button', { name: 'Tetap simpan sebagai pengaduan baru' }).click();
  expect(await numberOf(dewi.page)).toBe(`0003/PGD/${year}`);
  await expect(yusufTasks.getByRole('row').filter({ hasText: 'Lampu penerangan jalan padam di Dusun Kidul' })).toHaveCount(1, { timeout: 2_000 });
  await expect(menu.getByLabel('3 tugas')).toBeVisible({ timeout: 2_000 });
  expect(reloads).toBe(0);

  await dewi.context.close();
  await yusuf.context.close();
});

test('the Admin sees the Server kantor page over TLS, with the certificate the host serves', async ({ browser }) => {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  const page = await context.newPage();
  await login(page, host.url, 'admin');
  await page.getByRole('link', { name: 'Server kantor' }).click();
  await expect(page.getByRole('heading', { name: 'Server kantor' })).toBeVisible();
  await expect(page.getByRole('switch', { name: 'Jadikan komputer ini server' })).not.toBeChecked();
  await expect(page.getByText('Sambungkan ke server kantor')).toBeVisible();
  // A Host header other than this PC's names is refused, also for a signed-in browser.
  const foreign = await context.request.post(`${host.url}/api/setup.status`, { headers: { 'x-tanggap': '1', host: 'tanggap.example' }, data: {} });
  expect(foreign.status()).toBe(421);
  await page.screenshot({ path: test.info().outputPath('server-kantor.png'), fullPage: true });

  // Switched on for a network card of this machine (where it has one besides loopback):
  // the page shows the address, the QR and the fingerprint of the data folder's
  // certificate, the one `--tls` printed, and the app answers there.
  const admin = new PinnedClient(host);
  await admin.call('auth.login', { username: 'admin', password: PASSWORD });
  const card = (await admin.call('server.status', {})).interfaces[0];
  test.skip(!card, 'this machine has no network card besides loopback');
  const port = await freePort(card!.address);
  await page.getByRole('switch', { name: 'Jadikan komputer ini server' }).check({ force: true });
  await pick(page, 'Alamat jaringan', `${card!.address} (${card!.name})`);
  // A port out of range stays as typed when the field is left, and the save says why.
  await page.getByLabel('Port').fill('80');
  await page.getByLabel('Port').blur();
  await expect(page.getByLabel('Port')).toHaveValue('80');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText('Nomor port paling kecil 1024.')).toBeVisible();
  await page.getByLabel('Port').fill(String(port));
  await page.getByRole('button', { name: 'Simpan' }).click();
  const lanUrl = `https://${card!.address}:${port}`;
  await expect(page.getByTestId('server-url')).toHaveText(lanUrl);
  await expect(page.getByText('Berjalan', { exact: true })).toBeVisible();
  const fingerprint = page.getByTestId('server-fingerprint');
  await expect(fingerprint).toHaveAttribute('aria-label', `Sidik jari ${host.fingerprint}`);
  // In 8 groups of 4 pairs, to be compared group by group.
  await expect(fingerprint.locator('code')).toHaveText(host.fingerprint.match(/(?:[0-9A-F]{2}:?){4}/g)!.map((g) => g.replace(/:$/, '')));
  await expect(page.getByRole('img', { name: `Kode QR alamat ${lanUrl}` })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('server-kantor-berjalan.png'), fullPage: true });
  const other = await context.newPage();
  await other.goto(lanUrl);
  await expect(other.getByRole('button', { name: 'Masuk' })).toBeVisible();
  await page.getByRole('switch', { name: 'Jadikan komputer ini server' }).uncheck({ force: true });
  await page.getByRole('button', { name: 'Simpan' }).click();
  // Every PC connected to it would be cut off: asked first, and Batal leaves it running.
  const cut = page.getByRole('dialog', { name: 'Matikan server kantor?' });
  await expect(cut).toContainText(`Komputer lain yang sedang tersambung ke ${lanUrl} terputus sampai server dinyalakan lagi.`);
  await cut.getByRole('button', { name: 'Batal' }).click();
  await expect(page.getByText('Berjalan', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Simpan' }).click();
  await cut.getByRole('button', { name: 'Ya, matikan' }).click();
  await expect(page.getByText('Mati', { exact: true })).toBeVisible();
  await expect(page.getByTestId('server-url')).toHaveCount(0);
  await context.close();
});

async function freePort(address: string): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, address, resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
