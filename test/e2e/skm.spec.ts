import { test, expect } from './fixtures';
import { ApiClient, login, PASSWORD, sampleComplaint, seedOffice } from './support';
import { OFFICE_PRESETS } from '../../shared/standards/presets';
import { SKM_ELEMENT_TEXT, SKM_ELEMENTS } from '../../shared/skm';
import { MONTHS } from '../../shared/time/format';

// The SKM kiosk: the Staf opens it on the office PC, a reporter answers the nine
// questions and the profile with large buttons, sees "Terima kasih", and the screen
// starts over; the page can reach nothing else; the Staf leaves with the password and
// the IKM page shows the response.
const SCORES = [4, 3, 3, 4, 3, 3, 4, 3, 3];

test('a reporter answers at the kiosk and the IKM page counts it', async ({ page, web }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await seedOffice(web.url);
  await login(page, web.url, 'staf');
  await page.getByRole('link', { name: 'Survei kepuasan (IKM)' }).click();
  await expect(page.getByRole('heading', { name: 'Survei kepuasan masyarakat', level: 2 })).toBeVisible();
  await expect(page.getByTestId('ikm-respondents')).toHaveText('0');
  await expect(page.getByText('Isi lewat “Isi kuesioner” atau “Mode kios SKM” di atas.')).toBeVisible();

  await page.getByRole('button', { name: 'Mode kios SKM' }).click();
  await page.getByRole('button', { name: 'Buka mode kios' }).click();
  await expect(page.getByText(`Pertanyaan 1 dari ${SKM_ELEMENTS.length}`)).toBeVisible();
  // Nothing of the app around it, and a reload stays on the kiosk.
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /menu akun/ })).toHaveCount(0);
  await page.reload();
  await expect(page.getByText(`Pertanyaan 1 dari ${SKM_ELEMENTS.length}`)).toBeVisible();
  // The page's token opens no call but the kiosk's own.
  const status = await page.evaluate(async () => {
    const ask = (name: string) => fetch(`/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-tanggap': '1' }, body: '{}' }).then((r) => r.status);
    return { list: await ask('complaints.list'), summary: await ask('skm.summary'), office: await ask('office.get') };
  });
  expect(status).toEqual({ list: 401, summary: 401, office: 401 });

  for (const [i, e] of SKM_ELEMENTS.entries()) {
    await expect(page.getByRole('heading', { name: SKM_ELEMENT_TEXT[e].question })).toBeVisible();
    await page.getByRole('radiogroup', { name: SKM_ELEMENT_TEXT[e].name }).getByRole('radio', { name: SKM_ELEMENT_TEXT[e].answers[SCORES[i]! - 1], exact: true }).click();
  }
  await expect(page.getByRole('heading', { name: 'Tentang Anda' })).toBeVisible();
  // The whole profile and its send button on an office screen of 1366 × 768, unscrolled.
  await page.setViewportSize({ width: 1366, height: 768 });
  await expect(page.getByRole('button', { name: 'Kirim penilaian' })).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: test.info().outputPath('kios-tentang-anda.png') });
  await page.getByRole('button', { name: 'Kirim penilaian' }).click();
  await expect(page.getByRole('alert')).toContainText('jenis kelamin');
  // What is missing said, and the button still in sight.
  await expect(page.getByRole('button', { name: 'Kirim penilaian' })).toBeInViewport({ ratio: 1 });
  await page.getByRole('radio', { name: 'Perempuan' }).click();
  await expect(page.getByRole('radio', { name: 'Perempuan' })).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByRole('radio', { name: 'Laki-laki' })).toHaveAttribute('aria-checked', 'false');
  await page.getByRole('radio', { name: 'SMA/SMK' }).click();
  await page.getByRole('radio', { name: 'Wirausaha' }).click();
  await page.getByLabel('Usia (tahun)').fill('41');
  await page.getByRole('button', { name: 'Kirim penilaian' }).click();
  await expect(page.getByRole('heading', { name: 'Terima kasih' })).toBeVisible();
  // The next person starts afresh.
  await expect(page.getByText(`Pertanyaan 1 dari ${SKM_ELEMENTS.length}`)).toBeVisible({ timeout: 15_000 });

  await page.getByRole('button', { name: 'Petugas: keluar mode kios' }).click();
  await page.getByLabel('Kata sandi petugas').fill('bukan-sandinya');
  await page.getByRole('button', { name: 'Keluar', exact: true }).click();
  await expect(page.getByText('Kata sandi Dewi Lestari salah')).toBeVisible();
  await page.getByLabel('Kata sandi petugas').fill(PASSWORD);
  await page.getByRole('button', { name: 'Keluar', exact: true }).click();

  // Back on the IKM page as the Staf: one respondent, Σ 30 × 0.111 × 25 = 83.25 (B).
  await expect(page.getByRole('heading', { name: 'Survei kepuasan masyarakat', level: 2 })).toBeVisible();
  await expect(page.getByTestId('ikm-respondents')).toHaveText('1');
  await expect(page.getByTestId('ikm-value')).toHaveText('83,25');
  await expect(page.getByText('B · Baik')).toBeVisible();
  await expect(page.getByText('1 di antaranya dari mode kios')).toBeVisible();
  // Who answered, as the kiosk asked it.
  await expect(page.getByRole('table', { name: 'Responden menurut jenis kelamin' }).getByRole('row', { name: 'Perempuan' })).toHaveText(/Perempuan\s*1\s*100,0/);
  await expect(page.getByRole('table', { name: 'Responden menurut usia' }).getByRole('row', { name: '35–44 tahun' })).toHaveText(/35–44 tahun\s*1\s*100,0/);

  // The triwulan of this month (in the office's zone), with its three months.
  const month = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Jakarta', month: 'numeric' }).format(new Date()));
  const quarter = Math.ceil(month / 3);
  const roman = ['I', 'II', 'III', 'IV'][quarter - 1]!;
  const span = `${MONTHS[quarter * 3 - 3]}–${MONTHS[quarter * 3 - 1]}`;
  await page.getByRole('textbox', { name: 'Periode' }).click();
  await page.getByRole('option', { name: `Triwulan ${roman} (${span})` }).click();
  await expect(page).toHaveURL(new RegExp(`bulan=tw${quarter}$`));
  await expect(page.getByRole('heading', { name: new RegExp(`^Indeks Kepuasan Masyarakat — Triwulan ${roman} \\d{4} \\(${span}\\)$`), level: 3 })).toBeVisible();
  await expect(page.getByTestId('ikm-value')).toHaveText('83,25');
  const rows = page.getByRole('table', { name: 'IKM per bulan' }).getByRole('row');
  // The heading's row, the quarter's months (this one has the response), then the quarter's total.
  await expect(rows).toHaveCount(5);
  await expect(rows.nth(month - (quarter - 1) * 3)).toHaveText(new RegExp(`^${MONTHS[month - 1]}1\\s*83,25`));
  await expect(rows.nth(4)).toHaveText(new RegExp(`^Triwulan ${roman}1\\s*83,25B · Baik$`));

  // Printed on upright paper: the office and the period above the figures, no menu,
  // buttons or period filter; a year with its months.
  await page.getByRole('textbox', { name: 'Periode' }).click();
  await page.getByRole('option', { name: 'Setahun penuh' }).click();
  await expect(page.getByRole('heading', { name: /^Indeks Kepuasan Masyarakat — Tahun \d{4}$/, level: 3 })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Cetak' })).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Periode' })).toBeHidden();
  await expect(page.getByRole('table', { name: 'IKM per bulan' })).toBeVisible();
  // Under the respondents' profile, the Camat's block to sign by hand.
  await expect(page.getByRole('region', { name: 'Profil responden' }).getByTestId('pengesahan-laporan')).toContainText(/CAMAT KEJAYAN,Ahmad Fauzi, S\.STP\., M\.Si\./);
  const box = /MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec((await page.pdf({ preferCSSPageSize: true })).toString('latin1'));
  expect(Number(box![1])).toBeLessThan(Number(box![2]));
});

// Closing: the delivery that ends the complaint asks the reporter's statement and keeps it;
// the finished complaint then takes its SKM questionnaire.
// In a browser every tab shares the sign-in: the kiosk takes the other tabs too, so no
// complaint stays on a screen the public faces; a sign-in in another tab ends the kiosk,
// and the kiosk's tab, at its next start over, says so and asks for a password.
test('the kiosk takes every tab of the browser, and a sign-in elsewhere ends it without opening the app in its tab', async ({ page, web }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await seedOffice(web.url);
  const staf = new ApiClient(web.url);
  await staf.call('auth.login', { username: 'staf', password: PASSWORD });
  const checklist = OFFICE_PRESETS.find((p) => p.id === 'kejayan')!.standard.kelengkapanChecklist;
  const c = await staf.call('complaints.create', sampleComplaint({ kelengkapan: checklist }));
  await login(page, web.url, 'staf');
  await page.goto(`${web.url}/pengaduan/${c.id}`);
  await expect(page.getByText('Siti Aminah').first()).toBeVisible();
  // And a third tab with a new complaint half typed: its edits are dropped too.
  const intake = await page.context().newPage();
  await intake.goto(`${web.url}/pengaduan/baru`);
  await intake.getByLabel('Nama pelapor').fill('Yuliana Rahmawati');

  const kiosk = await page.context().newPage();
  await kiosk.setViewportSize({ width: 1366, height: 900 });
  await kiosk.goto(`${web.url}/skm`);
  await kiosk.getByRole('button', { name: 'Mode kios SKM' }).click();
  await kiosk.getByRole('button', { name: 'Buka mode kios' }).click();
  await expect(kiosk.getByText(`Pertanyaan 1 dari ${SKM_ELEMENTS.length}`)).toBeVisible();
  // The complaint's tab is the kiosk now: nothing of the reporter left on it.
  await expect(page.getByText(`Pertanyaan 1 dari ${SKM_ELEMENTS.length}`)).toBeVisible();
  await expect(page.getByText('Siti Aminah')).toHaveCount(0);
  await expect(page.getByText(c.registerNo)).toHaveCount(0);
  await expect(intake.getByText(`Pertanyaan 1 dari ${SKM_ELEMENTS.length}`)).toBeVisible();
  await expect(intake.getByLabel('Nama pelapor')).toHaveCount(0);

  // Someone signs in on this browser (as a tab's login would), then a reporter begins in the
  // kiosk's tab: the end shows at the first answer, not after the ninth and the profile.
  const signIn = await page.request.post(`${web.url}/api/auth.login`, { headers: { 'x-tanggap': '1' }, data: { username: 'kasi', password: PASSWORD } });
  expect((await signIn.json()) as { ok: boolean }).toMatchObject({ ok: true });
  const [first] = SKM_ELEMENTS;
  await kiosk.getByRole('radiogroup', { name: SKM_ELEMENT_TEXT[first].name }).getByRole('radio', { name: SKM_ELEMENT_TEXT[first].answers[SCORES[0]! - 1], exact: true }).click();
  await expect(kiosk.getByText('Mode kios sudah berakhir')).toBeVisible();
  // Its tab does not open the Kasi's screens: a password first.
  await kiosk.getByRole('button', { name: 'Ke halaman masuk' }).click();
  await expect(kiosk.getByRole('button', { name: 'Masuk' })).toBeVisible();
  await expect(kiosk.getByRole('button', { name: 'Menu akun' })).toHaveCount(0);
  await kiosk.reload();
  await expect(kiosk.getByRole('button', { name: 'Masuk' })).toBeVisible();
  await kiosk.getByLabel('Nama pengguna').fill('staf');
  await kiosk.getByLabel('Kata sandi').fill(PASSWORD);
  await kiosk.getByRole('button', { name: 'Masuk' }).click();
  await expect(kiosk.getByRole('button', { name: 'Menu akun' })).toBeVisible();
});

test('the Staf records "tidak puas" with the delivery that closes the complaint', async ({ page, web }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  const office = await seedOffice(web.url);
  const as = async (username: string) => {
    const client = new ApiClient(web.url);
    await client.call('auth.login', { username, password: PASSWORD });
    return client;
  };
  const [staf, kasi, camat] = [await as('staf'), await as('kasi'), await as('camat')];
  const kasiId = (await office.admin.call('users.list', {})).find((u) => u.username === 'kasi')!.id;
  const c = await staf.call('complaints.create', {
    kind: 'pengaduan',
    channel: 'langsung',
    category: 'infrastruktur',
    reporter: { name: 'Siti Aminah', address: 'Dusun Krajan RT 02 RW 01', nik: '3514015203850002', phone: '081234567890', email: '', anonymous: false, confidential: false },
    subject: 'Jalan desa rusak di Dusun Krajan',
    description: 'Jalan makadam sepanjang 300 meter berlubang dan tergenang setiap hujan sehingga anak sekolah sulit lewat.',
    expectation: 'Jalan segera diperbaiki.',
    incidentPlace: 'Dusun Krajan',
    incidentDate: '2026-11-20',
  });
  await staf.call('workflow.dispose', { id: c.id, to: [kasiId], sifat: 'biasa', instructions: ['proses_lanjut'] });
  await kasi.call('workflow.advance', { id: c.id });
  await camat.call('workflow.advance', { id: c.id });
  await staf.call('documents.draft', { complaintId: c.id, kind: 'laporan_tindak_lanjut', outcome: 'ditindaklanjuti' });
  await staf.call('workflow.advance', { id: c.id });

  await login(page, web.url, 'staf');
  await page.goto(`${web.url}/pengaduan/${c.id}`);
  const form = page.getByRole('form', { name: 'Catat penyampaian' });
  // The time as letters and the intake form write it, with a dot; a wrong one is told in the same words.
  const time = form.getByRole('textbox', { name: 'Jam' });
  await expect(time).toHaveValue(/^\d{2}\.\d{2}$/);
  const now = await time.inputValue();
  await time.fill('25.00');
  await expect(form.getByText('Tulis jam sebagai JJ.MM (24 jam), contoh 14.30.')).toBeVisible();
  await time.fill(now);
  // One press shows everything left to fill in: the schema's fields and the reporter's statement together.
  await form.getByRole('button', { name: 'Catat penyampaian' }).click();
  await expect(form.getByText('Pilih cara penyampaian.')).toBeVisible();
  await expect(form.getByText('Pilih pernyataan pelapor: puas, tidak puas, atau tidak ditanyakan.')).toBeVisible();
  // Sent by WhatsApp, the box asks to whom; handed over, who received it.
  await form.getByRole('textbox', { name: 'Cara penyampaian' }).click();
  await page.getByRole('option', { name: 'WhatsApp' }).click();
  await expect(form.getByRole('textbox', { name: 'Disampaikan kepada' })).toBeVisible();
  await form.getByRole('textbox', { name: 'Cara penyampaian' }).click();
  await page.getByRole('option', { name: 'Diserahkan langsung' }).click();
  await expect(form.getByRole('textbox', { name: 'Nama penerima' })).toBeVisible();
  await form.getByRole('button', { name: 'Catat penyampaian' }).click();
  await expect(form.getByText('Pilih pernyataan pelapor: puas, tidak puas, atau tidak ditanyakan.')).toBeVisible();
  await form.getByRole('radio', { name: 'Tidak puas' }).check();
  await form.getByRole('button', { name: 'Catat penyampaian' }).click();
  await expect(page.getByText('Penyampaian kepada pelapor tercatat.')).toBeVisible();
  await expect(page.getByText('Pernyataan pelapor: tidak puas').first()).toBeVisible();
  expect((await staf.call('workflow.journey', { id: c.id })).satisfaction).toBe('tidak_puas');

  // The finished complaint offers its questionnaire, tied to its register number.
  const card = page.getByRole('region', { name: 'Survei kepuasan (SKM)' });
  await expect(card.getByText('Belum ada kuesioner untuk pengaduan ini.', { exact: false })).toBeVisible();
  await card.getByRole('button', { name: 'Isi kuesioner' }).click();
  const dialog = page.getByRole('dialog', { name: 'Isi kuesioner survei kepuasan' });
  const number = dialog.getByRole('textbox', { name: /Nomor register pengaduan/ });
  await expect(number).toHaveValue(c.registerNo);
  await expect(number).toHaveAttribute('readonly', '');
  for (const [i, e] of SKM_ELEMENTS.entries()) {
    await dialog.getByRole('radiogroup', { name: `${i + 1}. ${SKM_ELEMENT_TEXT[e].question}` }).getByRole('radio', { name: SKM_ELEMENT_TEXT[e].answers[1] }).check();
  }
  await dialog.getByRole('textbox', { name: 'Jenis kelamin' }).click();
  await page.getByRole('option', { name: 'Perempuan' }).click();
  await dialog.getByRole('textbox', { name: 'Usia (tahun)' }).fill('41');
  await dialog.getByRole('textbox', { name: 'Pendidikan terakhir' }).click();
  await page.getByRole('option', { name: 'SMA/SMK' }).click();
  // Esc or a click beside the window drops nothing typed from the paper without asking.
  await dialog.getByRole('textbox', { name: 'Usia (tahun)' }).press('Escape');
  await expect(dialog.getByText('Tutup tanpa menyimpan? Jawaban yang sudah diisi akan hilang.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Lanjut mengisi' }).click();
  await page.mouse.click(5, 5);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Usia (tahun)' })).toHaveValue('41');
  await dialog.getByRole('button', { name: 'Simpan kuesioner' }).click();
  await expect(dialog).toBeHidden();
  await expect(card.getByText(/^Kuesioner diisi /)).toBeVisible();
  await expect(card.getByRole('button', { name: 'Isi kuesioner' })).toHaveCount(0);
  expect((await staf.call('workflow.journey', { id: c.id })).skmAt).not.toBeNull();
});

test('the Staf types in a paper questionnaire filled in last month, and it counts in that month', async ({ page, web }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await seedOffice(web.url);
  await login(page, web.url, 'staf');
  // The last day of last month in the office's zone (WIB), as the form takes a date.
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit' }).format(new Date()).split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m - 1, 0));
  const [year, month, day] = [last.getUTCFullYear(), last.getUTCMonth() + 1, last.getUTCDate()];

  await page.getByRole('link', { name: 'Survei kepuasan (IKM)' }).click();
  await page.getByRole('button', { name: 'Isi kuesioner' }).click();
  const dialog = page.getByRole('dialog', { name: 'Isi kuesioner survei kepuasan' });
  // Saved empty: the first question left unanswered is brought to the keyboard.
  await dialog.getByRole('button', { name: 'Simpan kuesioner' }).click();
  const first = SKM_ELEMENT_TEXT[SKM_ELEMENTS[0]];
  await expect(dialog.getByRole('radiogroup', { name: `1. ${first.question}` }).getByRole('radio', { name: first.answers[0], exact: true })).toBeFocused();
  for (const [i, e] of SKM_ELEMENTS.entries()) {
    await dialog.getByRole('radiogroup', { name: `${i + 1}. ${SKM_ELEMENT_TEXT[e].question}` }).getByRole('radio', { name: SKM_ELEMENT_TEXT[e].answers[SCORES[i]! - 1], exact: true }).check();
  }
  await dialog.getByRole('textbox', { name: 'Jenis kelamin' }).click();
  await page.getByRole('option', { name: 'Perempuan' }).click();
  await dialog.getByRole('textbox', { name: 'Usia (tahun)' }).fill('41');
  await dialog.getByRole('textbox', { name: 'Pendidikan terakhir' }).click();
  await page.getByRole('option', { name: 'SMA/SMK' }).click();
  // A day to come is refused under the field; the day it was filled in is taken.
  const date = dialog.getByRole('textbox', { name: 'Tanggal pengisian kuesioner' });
  await date.fill(`01/01/${y + 1}`);
  await dialog.getByRole('button', { name: 'Simpan kuesioner' }).click();
  await expect(dialog.getByText('Tanggal pengisian tidak boleh sesudah hari ini.')).toBeVisible();
  await date.fill(`${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`);
  await expect(dialog.getByText('Tanggal pengisian tidak boleh sesudah hari ini.')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('kuesioner-kertas.png'), fullPage: true });
  await dialog.getByRole('button', { name: 'Simpan kuesioner' }).click();
  await expect(page.getByText('Kuesioner survei kepuasan tersimpan.')).toBeVisible();

  const staf = new ApiClient(web.url);
  await staf.call('auth.login', { username: 'staf', password: PASSWORD });
  expect((await staf.call('skm.summary', { year, month })).total.respondents).toBe(1);
  expect((await staf.call('skm.summary', { year: y, month: m })).total.respondents).toBe(0);
  // This month, still without answers, points to the month that has them.
  const respondents = page.getByTestId('ikm-respondents');
  await expect(respondents).toHaveText('0');
  const label = `${MONTHS[month - 1]} ${year}`;
  await expect(page.getByText(`Kuesioner terakhir: ${label}, 1 responden.`)).toBeVisible();
  await page.getByRole('link', { name: `Lihat ${label}` }).click();
  await expect(page).toHaveURL(new RegExp(`/skm\\?tahun=${year}&bulan=${month}$`));
  await expect(respondents).toHaveText('1');
  await expect(page.getByText('Kuesioner terakhir:')).toHaveCount(0);
});

// A period in the address that the page does not know (typed, or a link from an older
// version) is named above the report, beside the period shown instead, until one is chosen.
test('a period in the address the report does not know is named, and this month shown', async ({ page, web }) => {
  await seedOffice(web.url);
  await login(page, web.url, 'staf');
  const month = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Jakarta', month: 'numeric' }).format(new Date()));
  const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(new Date()));
  const thisMonth = `${MONTHS[month - 1]} ${year}`;
  const notice = page.getByRole('alert').filter({ hasText: 'Periode di alamat halaman tidak dikenal' });

  await page.goto(`${web.url}/skm?tahun=2026&bulan=s3`);
  await expect(page.getByRole('heading', { name: `Indeks Kepuasan Masyarakat — ${MONTHS[month - 1]} 2026`, level: 3 })).toBeVisible();
  await expect(notice).toContainText(`Alamat halaman ini meminta bulan=s3, yang bukan periode laporan ini. Yang ditampilkan: ${MONTHS[month - 1]} 2026.`);
  // A semester is no period of the Buku rekap, nor a year of letters.
  await page.goto(`${web.url}/rekap?tahun=dua&bulan=s1`);
  await expect(page.getByRole('heading', { name: `Buku Rekap Pengaduan — ${thisMonth}`, level: 3 })).toBeVisible();
  await expect(notice).toContainText(`meminta tahun=dua dan bulan=s1, yang bukan periode laporan ini (laporan ini per bulan atau setahun). Yang ditampilkan: ${thisMonth}.`);
  await page.getByRole('textbox', { name: 'Bulan' }).click();
  await page.getByRole('option', { name: 'Setahun penuh' }).click();
  await expect(page.getByRole('heading', { name: `Buku Rekap Pengaduan — Tahun ${year}`, level: 3 })).toBeVisible();
  await expect(notice).toHaveCount(0);
  // A period it knows asks nothing.
  await page.goto(`${web.url}/skm?tahun=2026&bulan=s1`);
  await expect(page.getByRole('heading', { name: 'Indeks Kepuasan Masyarakat — Semester I 2026 (Januari–Juni)', level: 3 })).toBeVisible();
  await expect(notice).toHaveCount(0);
  // A period that has ended says nothing of its standing; this year says it counts up to today.
  const running = page.getByText(/^Periode ini masih berjalan: dihitung dari kuesioner sampai \d{1,2} \S+ \d{4}\.$/);
  await expect(running).toHaveCount(0);
  await page.goto(`${web.url}/skm?tahun=${year}&bulan=setahun`);
  await expect(page.getByRole('heading', { name: `Indeks Kepuasan Masyarakat — Tahun ${year}`, level: 3 })).toBeVisible();
  await expect(running).toBeVisible();
});
