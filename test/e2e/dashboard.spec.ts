import Database from 'better-sqlite3';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { ApiClient, PASSWORD, login, seedOffice } from './support';
import type { CallInput } from '../../shared/contract';
import type { ChannelCode } from '../../shared/domain';
import { OFFICE_PRESETS } from '../../shared/standards/presets';
import { MONTHS, monthLabel } from '../../shared/time/format';

// Issue 10: the Camat's dashboard. Every figure shown is the core's, and a number opens
// exactly the complaints behind it. The server runs on the real clock, so two complaints
// are backdated in the database: their standard ran out yesterday.

const kejayan = OFFICE_PRESETS.find((p) => p.id === 'kejayan')!;
const complaint = (subject: string, channel: ChannelCode): CallInput<'complaints.create'> => ({
  kind: 'pengaduan',
  channel,
  category: 'infrastruktur',
  reporter: { name: 'Siti Aminah', address: 'Dusun Krajan RT 02 RW 01, Desa Kejayan', nik: '3514015203850002', phone: '081234567890', email: '' },
  subject,
  description: 'Sudah dua minggu lampu penerangan jalan di depan balai dusun padam sehingga jalan gelap pada malam hari.',
  expectation: 'Lampu segera diperbaiki.',
  incidentPlace: 'Jl. Raya Krajan',
  incidentDate: '2026-11-20',
  kelengkapan: kejayan.standard.kelengkapanChecklist,
});

const n = (x: number) => x.toLocaleString('id-ID');

test('Camat membuka dasbor, angkanya sama dengan inti, dan angka terlambat serta kanal membuka pengaduannya', async ({ web, page }) => {
  await seedOffice(web.url, 'kejayan');
  const staf = new ApiClient(web.url);
  await staf.call('auth.login', { username: 'staf', password: PASSWORD });
  const made = [];
  for (const [subject, channel] of [
    ['Lampu penerangan jalan padam di Dusun Krajan', 'langsung'],
    ['Saluran air tersumbat di depan SDN Kejayan 1', 'langsung'],
    ['Jembatan bambu Dusun Sumber rusak', 'whatsapp'],
    ['Pelayanan KTP-el lambat di kantor kecamatan', 'whatsapp'],
    ['Jalan desa berlubang di Dusun Tegal', 'langsung'],
  ] as const) {
    made.push(await staf.call('complaints.create', complaint(subject, channel)));
  }
  const day = 24 * 3600_000;
  const raw = new Database(join(web.dataDir, 'tanggap.sqlite'));
  const backdate = raw.prepare('UPDATE complaints SET clock_started_at = ?, due_at = ? WHERE id = ?');
  for (const c of [made[0]!, made[2]!]) backdate.run(new Date(Date.now() - 5 * day).toISOString(), new Date(Date.now() - day).toISOString(), c.id);
  // And one past its step's due only, yesterday: late for the menu's Terlambat, not by the standard.
  raw.prepare('UPDATE complaints SET step_due_at = ? WHERE id = ?').run(new Date(Date.now() - day).toISOString(), made[1]!.id);
  // One more, received last month and due on its 10th, finished only a minute ago: late at
  // last month's end, not now.
  const today = new Date();
  const lastMonth = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 0)).toISOString().slice(0, 8);
  const old = await staf.call('complaints.create', { ...complaint('Papan nama desa roboh', 'surat'), incidentDate: `${lastMonth}01` });
  raw
    .prepare("UPDATE complaints SET received_at = ?, clock_started_at = received_at, due_at = ?, closed_at = ?, status = 'selesai' WHERE id = ?")
    .run(`${lastMonth}03T02:00:00.000Z`, `${lastMonth}10T02:00:00.000Z`, new Date(Date.now() - 60_000).toISOString(), old.id);
  raw.close();

  // One questionnaire of all 4s this month: 36 × 0.111 × 25 = 99.90 (A).
  const fours = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`u${i + 1}`, 4])) as CallInput<'skm.submit'>['answers'];
  await staf.call('skm.submit', { answers: fours, profile: { gender: 'P', education: 'sma', age: 41 } });

  const camat = new ApiClient(web.url);
  await camat.call('auth.login', { username: 'camat', password: PASSWORD });
  const core = await camat.call('reports.dashboard', {});
  expect(core.ikm).toEqual({ value: 99.9, grade: 'A', respondents: 1 });
  const lateTasks = (await camat.call('tasks.office', { filter: 'standar_terlambat' })).rows;
  expect(core.received).toBe(made.length);
  expect(core.late).toBe(2);
  expect(lateTasks.map((t) => t.registerNo).sort()).toEqual([made[0]!.registerNo, made[2]!.registerNo].sort());

  await page.setViewportSize({ width: 1366, height: 768 });
  await login(page, web.url, 'camat');
  // With nothing of their own waiting, the Camat's Tugas saya opens on the office's list.
  await expect(page.getByRole('tab', { name: /Semua pengaduan kantor/ })).toHaveAttribute('aria-selected', 'true');
  // A month that cannot be picked in the address: this month, and the address says so.
  await page.goto(`${web.url}/dasbor?tahun=2000&bulan=12`);
  await expect(page).toHaveURL(/\/dasbor$/);
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Dasbor' }).click();
  await expect(page).toHaveTitle('Dasbor · Tanggap');
  const main = page.getByRole('main');
  const figure = (name: string) => main.getByRole('link', { name, exact: true });
  await expect(figure(`${n(core.received)} pengaduan diterima ${core.periodLabel}`)).toBeVisible();
  await expect(figure(`${n(core.finished)} pengaduan selesai ${core.periodLabel}`)).toBeVisible();
  await expect(figure(`${n(core.open)} pengaduan belum selesai`)).toBeVisible();
  await expect(figure(`${n(core.atRisk)} pengaduan hampir habis waktunya menurut standar`)).toBeVisible();
  for (const [table, rows] of [
    ['Menurut seksi', core.bySeksi],
    ['Menurut kanal', core.byChannel],
  ] as const) {
    const body = page.getByRole('table', { name: table }).locator('tbody tr');
    await expect(body).toHaveCount(rows.length);
    for (const [i, r] of rows.entries()) {
      await expect(body.nth(i).locator('th, td')).toHaveText([r.label, n(r.received), n(r.open), n(r.late)]);
    }
  }
  const trend = page.getByRole('table', { name: 'Dua belas bulan terakhir' }).locator('tbody tr');
  await expect(trend).toHaveCount(12);
  for (const [i, m] of core.trend.entries()) await expect(trend.nth(i).locator('th, td')).toHaveText([m.label, n(m.received), n(m.finished), m.lateAtEnd === null ? '–' : n(m.lateAtEnd)]);
  const steps = page.getByRole('table', { name: 'Langkah paling lambat' }).locator('tbody tr');
  await expect(steps).toHaveCount(Math.min(5, core.slowestSteps.length));
  const slowest = core.slowestSteps[0];
  if (slowest) {
    await expect(steps.first()).toContainText(slowest.activity);
    // Its limit as the standard writes it, and the average's share of the limit in figures.
    await expect(steps.first()).toContainText(slowest.limit!);
    if (slowest.avgWorkMinutes !== null && slowest.limitMinutes) {
      await expect(steps.first()).toContainText(new Intl.NumberFormat('id-ID', { style: 'percent' }).format(slowest.avgWorkMinutes / slowest.limitMinutes));
    }
  }
  await page.mouse.move(0, 0);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.setViewportSize({ width: 1366, height: 768 });

  // The month's IKM opens the IKM page of that month.
  const ikm = figure(`IKM ${core.periodLabel} 99,90, mutu A (Sangat Baik), 1 responden`);
  await expect(ikm).toHaveText('99,90');
  await expect(main.getByText('mutu A (Sangat Baik), 1 responden', { exact: true })).toBeVisible();
  await ikm.click();
  await expect(page).toHaveURL(new RegExp(`/skm\\?tahun=${core.year}&bulan=${core.month}$`));
  await expect(page.getByRole('heading', { name: `Indeks Kepuasan Masyarakat — ${core.periodLabel}`, level: 3 })).toBeVisible();
  await expect(page.getByTestId('ikm-respondents')).toHaveText('1');
  await page.goBack();

  // The late count lands on exactly the complaints the core calls late by the standard.
  await figure(`${n(core.late)} pengaduan terlambat menurut standar`).click();
  await expect(page).toHaveURL(/\/tugas\?daftar=kantor&saring=standar_terlambat$/);
  const office = page.getByRole('table', { name: 'Semua pengaduan kantor' });
  await expect(office.locator('tbody tr')).toHaveCount(core.late);
  const shown = await office.locator('tbody tr td:first-child').allInnerTexts();
  expect(shown.map((t) => t.trim()).sort()).toEqual(lateTasks.map((t) => t.registerNo).sort());

  // The menu's Terlambat counts the step past its due too: the card names that number beside its own and opens its list.
  await page.goBack();
  const lateAny = (await camat.call('tasks.counts', {})).late;
  expect(lateAny).toBe(core.late + 1);
  await expect(main.getByText('bila batas tiap langkah ikut dihitung (menu Terlambat)')).toBeVisible();
  await figure(`${n(lateAny)} pengaduan terlambat menurut batas langkah atau standar`).click();
  await expect(page).toHaveURL(/\/tugas\?daftar=kantor&saring=terlambat$/);
  await expect(office.locator('tbody tr')).toHaveCount(lateAny);

  // A channel's received count lands on the register of that month and channel.
  await page.goBack();
  const channel = core.byChannel.find((r) => r.key === 'whatsapp')!;
  const listed = await camat.call('complaints.list', { year: core.year, month: core.month, channel: 'whatsapp' });
  expect(listed.rows.map((r) => r.registerNo).sort()).toEqual([made[2]!.registerNo, made[3]!.registerNo].sort());
  await page
    .getByRole('table', { name: 'Menurut kanal' })
    .getByRole('link', { name: `${n(channel.received)} pengaduan diterima ${core.periodLabel}, ${channel.label}`, exact: true })
    .click();
  await expect(page).toHaveURL(new RegExp(`/register\\?tahun=${core.year}&bulan=${core.month}&kanal=whatsapp$`));
  await expect(page.getByRole('combobox', { name: 'Bulan', exact: true }).locator('option:checked')).toHaveText(MONTHS[core.month - 1]!);
  await expect(page.getByRole('combobox', { name: 'Kanal', exact: true }).locator('option:checked')).toHaveText(channel.label);
  const register = page.getByRole('table', { name: 'Buku register pengaduan' });
  // Row by row, leaving out the virtualiser's spacers.
  const registerRows = register.locator('tbody tr:not([aria-hidden])');
  await expect(registerRows).toHaveCount(listed.rows.length);
  const numbers = await registerRows.locator('td:first-child').allInnerTexts();
  expect(numbers.map((t) => t.trim()).sort()).toEqual(listed.rows.map((r) => r.registerNo).sort());

  // A channel's late count lands on the register's late complaints of that channel, of any month.
  await page.goBack();
  const lateChannel = core.byChannel.find((r) => r.key === 'langsung')!;
  expect(lateChannel.late).toBe(1);
  await page
    .getByRole('table', { name: 'Menurut kanal' })
    .getByRole('link', { name: `${n(lateChannel.late)} pengaduan terlambat, ${lateChannel.label}`, exact: true })
    .click();
  await expect(page).toHaveURL(/\/register\?keadaan=terlambat&kanal=langsung$/);
  await expect(registerRows).toHaveCount(1);
  await expect(registerRows.locator('td:first-child')).toHaveText([made[0]!.registerNo]);
  await page.getByRole('button', { name: 'Hapus Terlambat (standar) dari filter' }).click();
  await expect(page).toHaveURL(/\/register\?kanal=langsung$/);
  await expect(registerRows).toHaveCount(3);

  // Last month's "late at the month's end" lands on the complaints late then, the one
  // finished since among them.
  await page.goto(`${web.url}/dasbor`);
  const prev = core.trend[10]!;
  const lateThen = await camat.call('complaints.list', { keadaan: 'terlambat', akhirBulan: prev.key });
  expect(lateThen.total).toBe(prev.lateAtEnd);
  expect(lateThen.rows.map((r) => r.registerNo)).toContain(old.registerNo);
  await page
    .getByRole('table', { name: 'Dua belas bulan terakhir' })
    .getByRole('link', { name: `${n(prev.lateAtEnd!)} pengaduan terlambat pada akhir ${prev.label}`, exact: true })
    .click();
  await expect(page).toHaveURL(new RegExp(`/register\\?keadaan=terlambat&akhir-bulan=${prev.key}$`));
  await expect(registerRows).toHaveCount(lateThen.total);
  // A word searched for in the register is remembered there; the chart, like the links,
  // lands on exactly the complaints behind its point.
  await page.getByLabel('Cari').fill('tidakadayangcocok');
  await expect(page.getByText('Tidak ada pengaduan yang cocok')).toBeVisible();
  // The same from the chart: the line's point for that month, shown under the pointer.
  await page.goBack();
  const trendCard = page.locator('.mantine-Card-root', { has: page.getByRole('heading', { name: 'Dua belas bulan terakhir' }) });
  const plot = trendCard.locator('.recharts-cartesian-grid');
  await plot.scrollIntoViewIfNeeded();
  const box = (await plot.boundingBox())!;
  // The month running has no end yet: its tooltip and the table's note say its late count is of now.
  const tooltip = trendCard.locator('.recharts-tooltip-wrapper');
  const thisMonth = core.trend[11]!;
  await page.mouse.move(box.x + (box.width * 11.5) / 12, box.y + box.height / 2);
  await expect(tooltip).toContainText(`Terlambat saat ini: ${n(thisMonth.lateAtEnd!)}`);
  await expect(page.getByText(`${thisMonth.label} masih berjalan: terlambatnya dihitung sampai saat ini.`)).toBeVisible();
  await page.mouse.move(box.x + (box.width * 10.5) / 12, box.y + box.height / 2);
  await expect(tooltip).toContainText(`Terlambat pada akhir bulan: ${n(prev.lateAtEnd!)}`);
  await page.locator('.recharts-active-dot circle').last().click();
  await expect(page).toHaveURL(new RegExp(`/register\\?keadaan=terlambat&akhir-bulan=${prev.key}$`));
  await expect(page.getByLabel('Cari')).toHaveValue('');
  await expect(registerRows).toHaveCount(lateThen.total);
  expect((await registerRows.locator('td:first-child').allInnerTexts()).map((t) => t.trim()).sort()).toEqual(lateThen.rows.map((r) => r.registerNo).sort());
  await page.mouse.move(0, 0);
  await page.getByRole('button', { name: `Hapus Terlambat pada akhir ${monthLabel(prev.key)} dari filter` }).click();
  await expect(page).toHaveURL(/\/register$/);

  // A step's times done land on the complaints that did it in the trend's twelve months.
  await page.goto(`${web.url}/dasbor`);
  const step = core.slowestSteps.find((x) => x.done > 0)!;
  const span = { dari: core.trend[0]!.key, sampai: core.trend[11]!.key };
  const didStep = await camat.call('complaints.list', { langkah: { no: step.stepNo, ...span } });
  expect(didStep.total).toBe(step.done);
  await page
    .getByRole('table', { name: 'Langkah paling lambat' })
    .getByRole('link', { name: `${n(step.done)} kali langkah ${step.stepNo} dikerjakan dalam dua belas bulan sampai ${core.periodLabel}`, exact: true })
    .click();
  await expect(page).toHaveURL(new RegExp(`/register\\?langkah=${step.stepNo}&langkah-dari=${span.dari}&langkah-sampai=${span.sampai}$`));
  await expect(registerRows).toHaveCount(didStep.total);
  expect((await registerRows.locator('td:first-child').allInnerTexts()).map((t) => t.trim()).sort()).toEqual(didStep.rows.map((r) => r.registerNo).sort());
  await page.mouse.move(0, 0);
  await page.getByRole('button', { name: `Hapus Langkah ${step.stepNo} selesai, ${monthLabel(span.dari)} – ${monthLabel(span.sampai)} dari filter` }).click();
  await expect(page).toHaveURL(/\/register$/);

  // The not-yet-disposed row's count lands on the register of that month with no seksi.
  await page.goto(`${web.url}/dasbor`);
  const undisposed = core.bySeksi.find((r) => r.key === '')!;
  expect(undisposed.received).toBe(made.length);
  await page
    .getByRole('table', { name: 'Menurut seksi' })
    .getByRole('link', { name: `${n(undisposed.received)} pengaduan diterima ${core.periodLabel}, Tanpa disposisi`, exact: true })
    .click();
  await expect(page).toHaveURL(new RegExp(`/register\\?tahun=${core.year}&bulan=${core.month}&belum-didisposisi=1$`));
  await expect(registerRows).toHaveCount(made.length);
  await page.getByRole('button', { name: 'Hapus Tanpa disposisi dari filter' }).click();
  await expect(page).toHaveURL(new RegExp(`/register\\?tahun=${core.year}&bulan=${core.month}$`));

  // A link by closing date and seksi (as the recap's) shows both and lets each go.
  const closed = await camat.call('complaints.list', { year: core.year, month: core.month, dateOf: 'selesai', seksi: 'Seksi Pemerintahan' });
  await page.goto(`${web.url}/register?tahun=${core.year}&bulan=${core.month}&tanggal=selesai&seksi=Seksi+Pemerintahan`);
  await expect(page.getByRole('combobox', { name: 'Tahun dan bulan menurut' }).locator('option:checked')).toHaveText('Tanggal selesai');
  await expect(registerRows).toHaveCount(closed.total);
  await page.getByRole('button', { name: 'Hapus Seksi Pemerintahan dari filter' }).click();
  await expect(page).toHaveURL(new RegExp(`/register\\?tahun=${core.year}&bulan=${core.month}&tanggal=selesai$`));

  // "Hapus filter" clears the month with the rest.
  await page.getByRole('button', { name: 'Hapus filter' }).click();
  await expect(page).toHaveURL(/\/register$/);
  await expect(registerRows).toHaveCount(made.length + 1);
});
