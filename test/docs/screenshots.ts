// `npm run docs:screenshots`: the pictures of docs/panduan.md, taken from the demo office
// (`npm run web -- --demo` on a fresh temporary data folder) in Chromium at 1366×768, so
// the guide shows the screens as they are today. Each picture has a stable name in
// docs/gambar/. A page this release does not have is skipped with a message.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../main/core/demo/seed';
import { ApiClient } from '../e2e/support';
import { registerFixture } from '../support/importFixture';

const root = join(__dirname, '..', '..');
const outDir = join(root, 'docs', 'gambar');
const PASSWORD = DEMO_PASSWORD;
const VIEWPORT = { width: 1366, height: 768 };
const KASI_NAME = 'Agus Prasetyo, S.Sos.';
// Caret, transitions and animations stilled and passing notices hidden, so two runs draw the same picture.
const STILL = '*, *::before, *::after { caret-color: transparent !important; transition: none !important; animation: none !important; } .mantine-Notifications-root { display: none !important; }';

// `npm run web` on a fresh temporary data folder: the demo office, or an empty one for the
// first-run screen.
async function startWeb(demo: boolean): Promise<{ url: string; proc: ChildProcess; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tanggap-gambar-'));
  const proc = spawn(process.execPath, ['--import', 'tsx', 'main/http/cli.ts', ...(demo ? ['--demo'] : []), '--data', dataDir, '--port', '0'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const fail = (reject: (err: Error) => void, message: string) => {
    proc.kill();
    rmSync(dataDir, { recursive: true, force: true });
    reject(new Error(message));
  };
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => fail(reject, `Server demo tidak mulai dalam 10 menit:\n${output}`), 600_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /berjalan di (https?:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!.replace(/\/$/, ''));
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.on('exit', (code) => fail(reject, `Server demo berhenti (kode ${code}):\n${output}`));
  });
  return { url, proc, dataDir };
}

// The same HTTP calls another PC of the office makes, to move the demo along.
async function apiAs(url: string, username: string): Promise<ApiClient> {
  const api = new ApiClient(url);
  await api.call('auth.login', { username, password: PASSWORD });
  return api;
}

const made: string[] = [];
const skipped: string[] = [];
const failed: string[] = [];

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.getByLabel('Memuat').waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined);
  await page.addStyleTag({ content: STILL });
  // No focus ring in the picture (the page's DOM types are not part of this program).
  await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { blur?: () => void } | null } }).document.activeElement?.blur?.());
  await page.waitForTimeout(300);
}

async function shot(page: Page, name: string) {
  await settle(page);
  await page.screenshot({ path: join(outDir, `${name}.png`), animations: 'disabled', caret: 'hide' });
  made.push(name);
  console.log(`  ✓ ${name}.png`);
}

// One group of pictures; a failure is reported and the next group still runs.
async function part(label: string, fn: () => Promise<void>) {
  console.log(label);
  try {
    await fn();
  } catch (err) {
    const msg = err instanceof Error ? err.message.split('\n')[0]! : String(err);
    failed.push(`${label}: ${msg}`);
    console.error(`  ✗ ${label}: ${msg}`);
  }
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'id-ID', timezoneId: 'Asia/Jakarta', reducedMotion: 'reduce' });
  return context.newPage();
}

async function login(page: Page, url: string, username: string) {
  await page.goto(url);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('button', { name: /menu akun/i }).waitFor();
}

async function pick(page: Page, label: string, option: string) {
  await page.getByRole('textbox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

// Opens a route; false (with a message) when this release has no such page and the app
// sent the user back to their home page instead.
async function open(page: Page, url: string, path: string): Promise<boolean> {
  await page.goto(`${url}${path}`);
  await settle(page);
  if (new URL(page.url()).pathname !== path.split('?')[0]) {
    skipped.push(path);
    console.log(`  – ${path} belum ada di versi ini; gambarnya dilewati.`);
    return false;
  }
  return true;
}

// Sets the backup folder and takes one backup on the Cadangan page; false (with a
// message) when the page refuses, and the picture shows the page as it is.
async function makeBackup(page: Page, folder: string): Promise<boolean> {
  try {
    await page.getByRole('textbox', { name: 'Folder cadangan' }).fill(folder);
    await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
    await page.getByRole('button', { name: 'Cadangkan sekarang' }).click({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Pulihkan' }).first().waitFor({ timeout: 120_000 });
    return true;
  } catch (err) {
    const notice = await page.locator('.mantine-Notification-description').allTextContents().catch(() => []);
    failed.push(`Cadangan data: belum dapat membuat cadangan contoh (${notice.join(' ') || (err instanceof Error ? err.message.split('\n')[0] : err)})`);
    console.error(`  ✗ cadangan contoh tidak dibuat: ${notice.join(' ')}`);
    await page.reload();
    return false;
  }
}

// Switches "Jadikan komputer ini server" on (first network address, the default port) for
// the picture; the demo server and its TLS listener end with the script.
// An old register of 30 rows (one without its Uraian) read but not imported: the
// preview with the columns as read and the row that would be skipped.
async function previewImport(page: Page, dir: string): Promise<boolean> {
  const fixture = await registerFixture(30, 0);
  const file = join(dir, 'register-lama.xlsx');
  writeFileSync(file, fixture.bytes);
  await page.locator('input[type="file"]').setInputFiles(file);
  await page.getByRole('button', { name: 'Baca berkas' }).click();
  const summary = page.getByLabel('Ringkasan pratinjau');
  await summary.waitFor({ timeout: 120_000 });
  await summary.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  return true;
}

async function switchServerOn(page: Page): Promise<void> {
  const toggle = page.getByLabel('Jadikan komputer ini server');
  if ((await toggle.count()) === 0) return;
  try {
    if (!(await toggle.isChecked())) await toggle.check({ force: true });
    const address = page.getByRole('textbox', { name: 'Alamat jaringan' });
    if ((await address.count()) > 0 && !(await address.inputValue())) {
      await address.click();
      await page.getByRole('option').first().click();
    }
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await page.getByTestId('server-fingerprint').waitFor({ timeout: 30_000 });
  } catch (err) {
    const notice = await page.locator('.mantine-Notification-description').allTextContents().catch(() => []);
    console.error(`  ! server kantor tidak dinyalakan; gambar menunjukkan halaman apa adanya (${notice.join(' ') || (err instanceof Error ? err.message.split('\n')[0] : err)})`);
  }
}

async function main() {
  mkdirSync(outDir, { recursive: true });
  console.log('Menyiapkan kantor demo (beberapa menit)…');
  const blank = await startWeb(false);
  const { url, proc, dataDir } = await startWeb(true).catch((err: unknown) => {
    blank.proc.kill();
    rmSync(blank.dataDir, { recursive: true, force: true });
    throw err;
  });
  const backupDir = join(tmpdir(), 'tanggap-gambar-cadangan');
  rmSync(backupDir, { recursive: true, force: true });
  // The backup folder must exist, as a mounted disk would.
  mkdirSync(backupDir);
  const executablePath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run', '--hide-scrollbars', '--font-render-hinting=none'],
  });
  let complaint: { id: number; registerNo: string } | null = null;
  try {
    await part('Masuk', async () => {
      const page = await newPage(browser);
      await page.goto(url);
      await page.getByRole('button', { name: 'Masuk' }).waitFor();
      await page.getByLabel('Nama pengguna').fill('staf');
      await shot(page, '01-masuk');
      await page.context().close();
    });

    await part('Penyiapan pertama', async () => {
      const page = await newPage(browser);
      await page.goto(blank.url);
      await page.getByRole('heading', { name: 'Selamat datang di Tanggap' }).waitFor();
      await page.getByRole('tab', { name: 'Pulihkan dari cadangan' }).click();
      await shot(page, '00d-penyiapan-pulihkan');
      await page.getByRole('tab', { name: 'Siapkan kantor baru' }).click();
      await page.getByRole('textbox', { name: 'Contoh profil kantor' }).click();
      await page.getByRole('option', { name: 'Kecamatan Pegantenan, Kab. Pamekasan' }).click();
      await shot(page, '00a-penyiapan-profil-kantor');
      await page.getByLabel('Nama lengkap admin').fill('Rudi Hartono');
      await page.getByLabel('Jabatan admin').fill('Pengelola Sistem Informasi');
      await page.getByLabel('Nama pengguna admin').fill('admin');
      await page.getByRole('textbox', { name: 'Kata sandi admin', exact: true }).fill(PASSWORD);
      await page.getByLabel('Ulangi kata sandi admin').fill(PASSWORD);
      await page.getByRole('heading', { name: 'Akun Admin pertama' }).scrollIntoViewIfNeeded();
      await shot(page, '00b-penyiapan-akun-admin');
      await page.getByRole('button', { name: 'Simpan dan mulai' }).click();
      await page.getByRole('region', { name: 'Langkah berikutnya' }).waitFor();
      await shot(page, '00c-langkah-berikutnya');
      await page.context().close();
    });

    await part('Staf', async () => {
      const page = await newPage(browser);
      await login(page, url, 'staf');
      await open(page, url, '/tugas');
      await shot(page, '02-staf-tugas-saya');

      await open(page, url, '/pengaduan/baru');
      await pick(page, 'Kategori', 'Infrastruktur (jalan, jembatan, drainase)');
      await page.getByLabel('Nama pelapor').fill('Siti Aminah');
      await page.getByLabel('NIK').fill('3528014508800001');
      await page.getByLabel('Alamat', { exact: true }).fill('Dusun Krajan RT 02 RW 01, Desa Pegantenan');
      await page.getByLabel('Telepon/WA').fill('081234567890');
      await page.getByLabel('Perihal').fill('Lampu penerangan jalan padam di Dusun Krajan');
      await page.getByLabel('Uraian pengaduan').fill('Lampu penerangan jalan di depan balai dusun padam sejak dua minggu sehingga jalan gelap pada malam hari.');
      await page.getByLabel('Harapan').fill('Lampu segera diperbaiki.');
      await page.getByLabel('Tempat kejadian').fill('Depan balai Dusun Krajan');
      // The demo standard's kelengkapan (Pegantenan), as the reporter handed them in.
      for (const item of ['Formulir pengaduan yang telah diisi', 'Fotocopy KTP/SIM/KK atau identitas pengadu']) {
        await page.getByRole('checkbox', { name: item }).check();
      }
      await page.getByRole('heading', { name: 'Catat pengaduan' }).scrollIntoViewIfNeeded();
      await shot(page, '03-staf-catat-pengaduan');

      await page.getByRole('button', { name: 'Simpan pengaduan' }).click();
      const again = page.getByRole('button', { name: 'Tetap simpan sebagai pengaduan baru' });
      const saved = page.getByRole('status', { name: 'Pengaduan tersimpan' });
      await Promise.race([again.waitFor(), saved.waitFor()]);
      if (await again.isVisible()) await again.click();
      await saved.waitFor();
      await shot(page, '04-staf-tersimpan');
      const registerNo = (await page.getByTestId('nomor-register').textContent())!.trim();
      await saved.getByRole('button', { name: 'Lihat detail' }).click();
      await page.getByRole('heading', { name: `Pengaduan ${registerNo}` }).waitFor();
      complaint = { id: Number(/\/pengaduan\/(\d+)/.exec(page.url())![1]), registerNo };

      await open(page, url, `/pengaduan/${complaint.id}/tanda-terima`);
      await page.getByRole('article', { name: 'Tanda terima' }).waitFor();
      await shot(page, '05-staf-tanda-terima');

      await open(page, url, '/register');
      await page.getByRole('table', { name: 'Buku register pengaduan' }).waitFor();
      await shot(page, '06-buku-register');
      await page.context().close();
    });

    // Pegantenan's standard: the Sekcam checks the reporter (step 2), the Staf notes it in
    // the buku rekap (step 3), then the Camat disposes (step 4).
    await part('Camat mendisposisikan', async () => {
      if (!complaint) throw new Error('pengaduan dari bagian Staf tidak ada');
      await (await apiAs(url, 'sekcam')).call('workflow.advance', { id: complaint.id });
      await (await apiAs(url, 'staf')).call('workflow.advance', { id: complaint.id });
      const page = await newPage(browser);
      await login(page, url, 'camat');
      await open(page, url, `/pengaduan/${complaint.id}`);
      const form = page.getByRole('form', { name: 'Disposisi' });
      await form.getByLabel(KASI_NAME).check();
      await form.getByLabel('Tanggapan dan saran').check();
      await form.getByLabel('Catatan disposisi').fill('Mohon dicek ke lokasi bersama kepala dusun.');
      await shot(page, '07-camat-disposisi');
      await form.getByRole('button', { name: 'Kirim disposisi' }).click();
      await page.getByText('Disposisi terkirim.').first().waitFor({ state: 'attached' });
      await page.context().close();

      const staf = await newPage(browser);
      await login(staf, url, 'staf');
      await open(staf, url, `/pengaduan/${complaint.id}`);
      await staf.getByRole('region', { name: `Disposisi kepada ${KASI_NAME}` }).first().scrollIntoViewIfNeeded();
      await shot(staf, '08-staf-pengaduan-disposisi');
      await staf.getByRole('region', { name: 'Lembar disposisi versi 1', exact: true }).getByRole('link', { name: 'Lihat / cetak' }).click();
      await staf.getByRole('article', { name: 'Lembar disposisi' }).waitFor();
      await shot(staf, '09-lembar-disposisi');
      await staf.context().close();
    });

    await part('Kasi', async () => {
      const page = await newPage(browser);
      await login(page, url, 'kasi.pelayanan');
      await open(page, url, '/tugas');
      await page.getByRole('table', { name: 'Tugas saya' }).waitFor();
      await shot(page, '10-kasi-tugas-saya');
      if (!complaint) throw new Error('pengaduan dari bagian Staf tidak ada');
      await open(page, url, `/pengaduan/${complaint.id}`);
      const note = page.getByRole('form', { name: 'Catat tindak lanjut' });
      await note.getByLabel('Isi catatan').fill('Sudah dicek ke lokasi bersama kepala dusun: kabel lampu putus, PLN sudah dihubungi.');
      await note.scrollIntoViewIfNeeded();
      await shot(page, '11-kasi-tindak-lanjut');
      await page.context().close();
    });

    await part('Sekcam', async () => {
      const api = await apiAs(url, 'sekcam');
      const task = (await api.call('tasks.mine', {})).find((t) => /paraf|memeriksa surat/i.test(t.activity));
      if (!task) throw new Error('tidak ada langkah paraf di Tugas saya Sekcam');
      const page = await newPage(browser);
      await login(page, url, 'sekcam');
      await open(page, url, '/tugas');
      await shot(page, '12-sekcam-tugas-saya');
      await open(page, url, `/pengaduan/${task.complaintId}`);
      const paraf = page.getByRole('region', { name: /^Tindakan / }).getByRole('button', { name: 'Paraf', exact: true }).first();
      await paraf.scrollIntoViewIfNeeded();
      await shot(page, '13-sekcam-paraf');
      await paraf.click();
      await page.getByRole('dialog', { name: 'Paraf draf' }).waitFor();
      await shot(page, '14-sekcam-paraf-konfirmasi');
      await page.context().close();
    });

    await part('Camat', async () => {
      const page = await newPage(browser);
      await login(page, url, 'camat');
      await open(page, url, '/tanda-tangan');
      const list = page.getByRole('list', { name: 'Daftar menunggu tanda tangan' });
      await list.waitFor();
      await shot(page, '15-camat-menunggu-tanda-tangan');
      await list.getByRole('listitem').first().getByRole('button').first().click();
      const sign = page.getByRole('form', { name: 'Tanda tangan' });
      await sign.waitFor();
      await sign.getByLabel('Kata sandi Anda').fill(PASSWORD);
      await shot(page, '16-camat-tanda-tangan');
      await sign.getByRole('button', { name: 'Tandatangani', exact: true }).click();
      await page.getByRole('main').getByRole('status').first().waitFor();
      await shot(page, '17-camat-sudah-ditandatangani');
      // The signed letter's foot: number, signature specimen, verification code and QR.
      await page.getByRole('main').getByRole('status').first().getByRole('link', { name: 'Lihat / cetak' }).click();
      const letter = page.getByRole('main').getByRole('article').first();
      await letter.waitFor();
      await settle(page);
      await letter.locator('img').last().scrollIntoViewIfNeeded();
      await shot(page, '17b-surat-ditandatangani');
      await open(page, url, '/dasbor');
      await shot(page, '18-camat-dasbor');
      await open(page, url, '/rekap');
      await shot(page, '19-buku-rekap');
      // The year of the demo's last closings: a month only days old has no questionnaire yet.
      await open(page, url, `/skm?tahun=${new Date(Date.now() - 40 * 86_400_000).getFullYear()}&bulan=setahun`);
      await shot(page, '20-survei-kepuasan');
      await page.context().close();
    });

    await part('Admin', async () => {
      const page = await newPage(browser);
      await login(page, url, 'admin');
      const pages: [string, string][] = [
        ['/admin/kantor', '21-admin-profil-kantor'],
        ['/admin/pengguna', '22-admin-pengguna'],
        ['/admin/standar', '23-admin-standar-pelayanan'],
        ['/admin/kalender', '24-admin-kalender-kerja'],
        ['/admin/cadangan', '25-admin-cadangan'],
        ['/admin/server', '26-admin-server-kantor'],
        ['/admin/impor', '27-admin-impor-register'],
      ];
      for (const [path, name] of pages) {
        if (!(await open(page, url, path))) continue;
        // A backup folder and one backup, so the list shows what the office will see.
        const backedUp = path === '/admin/cadangan' && (await makeBackup(page, backupDir));
        // The server switched on, so the page shows its address, fingerprint and QR code.
        if (path === '/admin/server') await switchServerOn(page);
        // The holidays, below the working hours.
        if (path === '/admin/kalender') {
          await page
            .getByText('Hari libur dan cuti bersama')
            .first()
            .evaluate((el) => {
              el.scrollIntoView({ block: 'start' });
              // clear of the app's fixed header
              (globalThis as unknown as { scrollBy(x: number, y: number): void }).scrollBy(0, -80);
            });
        }
        await shot(page, name);
        if (path === '/admin/impor' && (await previewImport(page, backupDir))) await shot(page, '27b-admin-impor-pratinjau');
        if (backedUp) {
          await page.getByRole('button', { name: 'Pulihkan' }).first().click();
          await page.getByRole('dialog', { name: 'Pulihkan data dari cadangan?' }).waitFor();
          await shot(page, '25b-admin-pulihkan');
          await page.keyboard.press('Escape');
        }
      }
      await page.context().close();
    });

    // Last: the kiosk takes over this browser's page until a staff member exits it.
    await part('Kios SKM', async () => {
      const page = await newPage(browser);
      await login(page, url, 'staf');
      await open(page, url, '/skm');
      await page.getByRole('button', { name: 'Mode kios SKM' }).click();
      await page.getByRole('button', { name: 'Buka mode kios' }).click();
      await page.getByRole('navigation').waitFor({ state: 'detached' });
      await shot(page, '28-kios-skm');
      await page.context().close();
    });
  } finally {
    await browser.close();
    proc.kill();
    blank.proc.kill();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(blank.dataDir, { recursive: true, force: true });
    rmSync(backupDir, { recursive: true, force: true });
  }
  console.log(`\n${made.length} gambar di docs/gambar/.`);
  if (skipped.length) console.log(`Dilewati (halaman belum ada): ${skipped.join(', ')}`);
  if (failed.length) {
    console.error(`Gagal:\n  ${failed.join('\n  ')}`);
    process.exit(1);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
