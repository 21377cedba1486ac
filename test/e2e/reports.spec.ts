import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { test, expect } from './fixtures';
import { OFFICE_PRESETS } from '../../shared/standards/presets';
import { localDate } from '../../shared/time/workingTime';
import { ApiClient, login, PASSWORD, seedOffice } from './support';

// What the office takes out of the reports: a Kasi downloads the register as Excel and
// finds no reporter's data in it; the Camat reads the buku rekap, prints it on landscape
// paper and downloads the month's report to SP4N-LAPOR!.

const REPORTERS = [
  { name: 'Siti Aminah', address: 'Dusun Krajan RT 02 RW 01', nik: '3514015203850002', phone: '081234567890' },
  { name: 'Joko Prasetyo', address: 'Dusun Sumber RT 01 RW 03', nik: '3514011507790004', phone: '085600001111' },
];

async function seedComplaints(url: string) {
  await seedOffice(url);
  const staf = new ApiClient(url);
  await staf.call('auth.login', { username: 'staf', password: PASSWORD });
  const made = [];
  for (const [i, r] of REPORTERS.entries()) {
    made.push(
      await staf.call('complaints.create', {
        kind: 'pengaduan',
        channel: i === 0 ? 'langsung' : 'sp4n_lapor',
        category: 'infrastruktur',
        reporter: { ...r, email: '', anonymous: false, confidential: false },
        subject: i === 0 ? 'Jalan desa rusak di Dusun Krajan' : '=Lampu jalan padam',
        description: 'Jalan makadam sepanjang 300 meter berlubang dan tergenang setiap hujan sehingga anak sekolah sulit lewat.',
        expectation: 'Segera diperbaiki.',
        incidentPlace: 'Dusun Krajan',
        incidentDate: '2026-11-20',
        laporTrackingId: i === 1 ? '0098765432' : '',
      }),
    );
  }
  const kasi = new ApiClient(url);
  const me = await kasi.call('auth.login', { username: 'kasi', password: PASSWORD });
  await staf.call('workflow.dispose', { id: made[0]!.id, to: [me.id], sifat: 'biasa', instructions: ['proses_lanjut'] });
  return made;
}

async function readXlsx(path: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

test('a Kasi downloads the register as Excel without any reporter data', async ({ page, web }) => {
  const made = await seedComplaints(web.url);
  await login(page, web.url, 'kasi');
  await page.getByRole('link', { name: 'Buku register' }).click();
  await expect(page.getByRole('heading', { name: 'Buku register pengaduan' })).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh Excel' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^register-pengaduan-semua-tahun-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const wb = await readXlsx((await download.path())!);
  const ws = wb.getWorksheet('Register')!;
  const header = (ws.getRow(4).values as unknown[]).slice(1);
  expect(header).toEqual(expect.arrayContaining(['No. Register', 'Perihal', 'Status']));
  for (const h of ['Nama pelapor', 'Alamat', 'NIK', 'No. HP', 'Uraian']) expect(header).not.toContain(h);
  const cells: string[] = [];
  ws.eachRow((row) => row.eachCell((c) => void cells.push(String(c.value))));
  for (const c of made) expect(cells).toContain(c.registerNo);
  expect(cells).toContain('=Lampu jalan padam');
  for (const r of REPORTERS) for (const secret of Object.values(r)) expect(cells.join('\n')).not.toContain(secret);
  await expect(page.getByRole('dialog', { name: 'Menyusun berkas Excel' })).toHaveCount(0);

  // Nothing matches: the file still comes, saying so, and the screen says it too.
  await page.getByLabel('Cari').fill('jembatan gantung');
  await expect(page.getByText('Tidak ada pengaduan yang cocok.')).toBeVisible();
  const [none] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh Excel' }).click()]);
  await expect(page.getByText('Tidak ada pengaduan yang cocok dengan filter ini; berkas yang diunduh bertuliskan nihil.')).toBeVisible();
  const empty = (await readXlsx((await none.path())!)).getWorksheet('Register')!;
  expect(empty.getRow(6).getCell(1).value).toBe('Nihil: tidak ada pengaduan yang cocok dengan filter ini.');

  // Batal while the finished file is on its way (held here for two seconds): nothing is saved.
  await page.getByLabel('Cari').fill('');
  await page.route('**/api/exports.file', async (route) => {
    await new Promise((r) => setTimeout(r, 2_000));
    await route.continue();
  });
  const saved: string[] = [];
  page.on('download', (d) => void saved.push(d.suggestedFilename()));
  await page.getByRole('button', { name: 'Unduh Excel' }).click();
  const building = page.getByRole('dialog', { name: 'Menyusun berkas Excel' });
  await expect(building.getByText('Berkas siap; unduhan dimulai.')).toBeVisible();
  await building.getByRole('button', { name: 'Batal' }).click();
  await expect(building).toHaveCount(0);
  await page.waitForTimeout(3_000);
  expect(saved).toEqual([]);
});

test('the Camat reads the buku rekap, prints it landscape and takes the SP4N-LAPOR! report', async ({ page, web }) => {
  await seedComplaints(web.url);
  await login(page, web.url, 'camat');
  // The start page settles on its tab (rewriting the address) before the menu is used.
  await expect(page.getByRole('tab', { name: /Semua pengaduan kantor/, selected: true })).toBeVisible();
  await page.getByRole('link', { name: 'Buku rekap' }).click();
  await expect(page.getByRole('heading', { name: 'Buku rekap pengaduan', level: 2 })).toBeVisible();
  const channel = page.getByRole('table', { name: 'Menurut Kanal' });
  await expect(channel.getByRole('row').filter({ hasText: 'SP4N-LAPOR!' }).getByRole('cell').nth(1)).toHaveText('1');
  await expect(channel.getByRole('row').filter({ hasText: 'Jumlah' }).getByRole('cell').nth(1)).toHaveText('2');
  // None finished: the totals' share on time reads "–" as a row's does; a step's number has no total.
  await expect(channel.getByRole('row').filter({ hasText: 'Jumlah' }).getByRole('cell').nth(4)).toHaveText('–');
  const steps = page.getByRole('table', { name: 'Langkah Standar Pelayanan' }).getByRole('row').filter({ hasText: 'Jumlah' }).getByRole('cell');
  await expect(steps.nth(0)).toHaveText('');
  const summary = page.getByRole('table', { name: 'Ringkasan per bulan' });
  await expect(summary.getByRole('row').filter({ hasText: 'Jumlah' }).getByRole('cell').nth(1)).toHaveText('2');
  // A narrow heading wraps at its spaces, never inside "Rata-rata": its hyphen is a non-breaking one on screen.
  await expect(summary.getByRole('columnheader', { name: 'Rata\u2011rata lama (jam kerja)' })).toBeVisible();

  // The block the Camat signs is on paper only.
  const signOff = page.getByTestId('pengesahan-laporan');
  await expect(signOff).toBeHidden();

  // Printed: no menu or buttons, the office's paper turned to landscape, and under the last
  // table the place and day and the Camat's block to sign by hand.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Unduh CSV tabel Menurut Kanal' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Navigasi utama' })).toBeHidden();
  await expect(signOff).toBeVisible();
  // It opens with the office's kop surat, as its letters do, not the screen's plain name.
  const kop = page.getByRole('main').locator('.print-only').first();
  await expect(kop).toBeVisible();
  await expect(kop).toContainText('KECAMATAN KEJAYAN');
  await expect(kop).toContainText('Telepon');
  await expect(signOff).toContainText(/^Kejayan, \d{1,2} [A-Z][a-z]+ \d{4}CAMAT KEJAYAN,Ahmad Fauzi, S\.STP\., M\.Si\.Penata \(III\/c\)NIP 19800101 200501 1 001$/);
  await expect(page.getByRole('region', { name: 'Langkah Standar Pelayanan' }).getByTestId('pengesahan-laporan')).toBeVisible();
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const box = /MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
  expect(box).not.toBeNull();
  expect(Number(box![1])).toBeGreaterThan(Number(box![2]));
  // From the second sheet on, each page is headed with the office and the period; every page is numbered.
  const rules = (await page.evaluate("[...document.querySelectorAll('style')].map((s) => s.textContent).find((t) => t.includes('@top-left'))")) as string;
  expect(rules).toContain('Buku Rekap Pengaduan — ');
  expect(rules).toContain('"Halaman " counter(page) " dari " counter(pages)');
  await page.emulateMedia({ media: 'screen' });
  await expect(kop).toBeHidden();

  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh CSV tabel Menurut Kanal' }).click()]);
  const text = readFileSync((await csv.path())!, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  expect(text).toContain('"SP4N-LAPOR!";"1"');

  const [lapor] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Laporan SP4N-LAPOR! (Excel)' }).click()]);
  const wb = await readXlsx((await lapor.path())!);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['Rekap', 'Daftar Pengaduan']);
  const list = wb.getWorksheet('Daftar Pengaduan')!;
  const ids: unknown[] = [];
  list.eachRow((row, n) => n > 4 && void ids.push(row.getCell(3).value));
  expect(ids).toContain('0098765432');

  // The whole year: its address says so, and the month's SP4N-LAPOR! report waits for a month.
  await page.getByRole('textbox', { name: 'Bulan' }).click();
  await page.getByRole('option', { name: 'Setahun penuh' }).click();
  await expect(page.getByRole('heading', { name: /^Buku Rekap Pengaduan — Tahun \d{4}$/, level: 3 })).toBeVisible();
  expect(new URL(page.url()).searchParams.get('bulan')).toBe('setahun');
  await expect(page.getByRole('button', { name: 'Laporan SP4N-LAPOR! (Excel)' })).toBeDisabled();
});

// "Cetak" prints the report as it stands when it is pressed: the page was opened before
// the Sekcam was appointed Plh. for the day, and the printed block names him all the same.
test('Cetak reads the report again first, so the block to sign names who signs at that moment', async ({ page, web }) => {
  const { admin } = await seedOffice(web.url);
  await login(page, web.url, 'sekcam');
  await page.getByRole('link', { name: 'Buku rekap' }).click();
  const block = page.getByTestId('pengesahan-laporan');
  await expect(block).toContainText('CAMAT KEJAYAN,Ahmad Fauzi, S.STP., M.Si.');

  const sekcamId = (await admin.call('users.list', {})).find((x) => x.username === 'sekcam')!.id;
  const today = localDate(new Date().toISOString(), OFFICE_PRESETS.find((p) => p.id === 'kejayan')!.office.timeZone);
  await admin.call('officials.add', { userId: sekcamId, kind: 'plh', from: today, to: today });
  // The print dialog counted, not opened.
  await page.evaluate('window.printed = 0; window.print = () => window.printed++');
  await page.getByRole('button', { name: 'Cetak' }).click();
  await expect.poll(() => page.evaluate('window.printed')).toBe(1);
  await expect(block).toContainText('Plh. CAMAT KEJAYANSEKRETARIS KECAMATAN,Drs. Agus Salim');
});

test('a month not begun, opened by its address, has nothing to print or hand in', async ({ page, web }) => {
  await seedOffice(web.url);
  await login(page, web.url, 'camat');
  const next = Number(localDate(new Date(), 'Asia/Jakarta').slice(0, 4)) + 1;
  await page.goto(`${web.url}/rekap?tahun=${next}&bulan=1`);
  // Said once, without the holiday warning for a year of which nothing was counted.
  await expect(page.getByText(/^Periode ini belum berjalan \(hari ini \d{1,2} \S+ \d{4}\)\.$/)).toBeVisible();
  await expect(page.getByText('Kalender kantor tidak memuat hari libur')).toHaveCount(0);
  for (const name of ['Cetak', 'Unduh Excel', 'Laporan SP4N-LAPOR! (Excel)']) await expect(page.getByRole('button', { name, exact: true })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Unduh CSV tabel Menurut Kanal' })).toBeDisabled();
});
