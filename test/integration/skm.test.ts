import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../main/core/db/migrations';
import type { CallName } from '../../shared/contract';
import type { SkmSubmitInput } from '../../shared/schemas/skm';
import { carrier, fail, ok, type TestCore } from '../support/core';
import { PASSWORD, paperOffice, type Office } from './paper';

// The SKM through the real core on a real SQLite file: questionnaires entered by the
// Staf and at the kiosk, the IKM per month against figures worked out by hand, the kiosk
// token that can do nothing else, its password-guarded exit, the XLSX read back, and
// puas / tidak puas recorded when a complaint closes.

let t: TestCore | undefined;
afterEach(() => t?.dispose());
// Tue 24 Nov 2026, 09.00 WIB.
const office = () => paperOffice('kejayan', '2026-11-24T02:00:00.000Z', (core) => (t = core));

const PROFILE = { gender: 'P', education: 'sma', occupation: 'wirausaha', age: 41 } as const;
const answers = (s: number[]) => Object.fromEntries(s.map((v, i) => [`u${i + 1}`, v])) as SkmSubmitInput['answers'];
const form = (s: number[], registerNo = ''): SkmSubmitInput => ({ answers: answers(s), profile: PROFILE, registerNo });

// November (three by the Staf), then December (one by the Staf, two at the kiosk).
const NOV = [
  [4, 3, 3, 4, 3, 3, 4, 3, 3],
  [3, 3, 2, 4, 3, 3, 3, 3, 2],
  [4, 4, 3, 4, 4, 3, 4, 3, 3],
];
const DEC_STAF = [3, 3, 3, 4, 3, 4, 4, 2, 3];
const KIOSK = [
  [4, 4, 4, 4, 4, 4, 4, 4, 4],
  [1, 1, 1, 1, 1, 1, 1, 1, 1],
];

/** Kejayan from intake to delivery, the last step: the reporter's statement goes with it. */
async function toDelivery(o: Office, id: number) {
  await o.act('staf', 'workflow.dispose', { id, to: [o.ids.kasi1!], sifat: 'biasa', instructions: ['proses_lanjut'] });
  await o.act('kasi1', 'workflow.advance', { id });
  await o.act('camat', 'workflow.advance', { id });
  await o.act('staf', 'documents.draft', { complaintId: id, kind: 'laporan_tindak_lanjut', outcome: 'ditindaklanjuti' });
  const j = await o.act('staf', 'workflow.advance', { id });
  expect(j.current?.stepNo).toBe(j.steps.length);
}
const delivery = (id: number) => ({ complaintId: id, channel: 'langsung' as const, deliveredAt: '2026-11-24T09:00', recipient: 'Siti Aminah' });

describe('SKM and IKM (PermenPANRB 14/2017)', () => {
  it('counts a paper questionnaire in the month it was filled in, not the month it is typed in', async () => {
    const o = await office();
    const id = await o.record();
    const registerNo = (await o.act('staf', 'complaints.get', { id })).registerNo;
    await toDelivery(o, id);
    await o.act('staf', 'documents.deliver', { ...delivery(id), satisfaction: 'puas' });
    // Typed in on Wed 2 Dec, 08.00 WIB.
    t!.clock.set('2026-12-02T01:00:00.000Z');
    const paper = (filledOn: string, no = '') => ({ ...form(NOV[0]!, no), filledOn });
    // Not a day to come, not more than a year back, not a day missing from the calendar, and
    // for a complaint not before it was finished (Tue 24 Nov).
    expect(await o.refuse('staf', 'skm.submit', paper('2026-12-03'))).toMatchObject({ code: 'validation', field: 'filledOn', message: 'Tanggal pengisian tidak boleh sesudah hari ini.' });
    expect(await o.refuse('staf', 'skm.submit', paper('2025-11-30'))).toMatchObject({ code: 'validation', field: 'filledOn' });
    expect(await o.refuse('staf', 'skm.submit', paper('2026-11-31'))).toMatchObject({ code: 'validation', field: 'filledOn', message: expect.stringContaining('HH/BB/TTTT') });
    expect(await o.refuse('staf', 'skm.submit', paper('2026-11-23', registerNo))).toMatchObject({
      code: 'validation',
      field: 'filledOn',
      message: `Pengaduan ${registerNo} selesai pada 24 November 2026; kuesioner untuknya diisi pada hari itu atau sesudahnya. Periksa tanggal pengisian.`,
    });
    // Filled in on Mon 30 Nov: November's; its complaint's journey shows that day.
    await o.act('staf', 'skm.submit', paper('2026-11-30', registerNo));
    expect((await o.act('camat', 'workflow.journey', { id })).skmAt).toBe('2026-11-29T17:00:00.000Z');
    // Today's, or none given: December's.
    await o.act('staf', 'skm.submit', paper('2026-12-02'));
    await o.act('staf', 'skm.submit', form(NOV[1]!));
    const year = await o.act('camat', 'skm.summary', { year: 2026 });
    expect(year.months.slice(10).map((m) => m.respondents)).toEqual([1, 2]);
  });

  it('stores questionnaires per office month and sums them into the IKM worked out by hand', async () => {
    const o = await office();
    const id = await o.record();
    expect((await o.act('camat', 'skm.summary', { year: 2026 })).latest).toBeNull();
    const registerNo = (await o.act('staf', 'complaints.get', { id })).registerNo;
    // A complaint's questionnaire waits for the complaint to be finished.
    expect(await o.refuse('staf', 'skm.submit', form(NOV[0]!, registerNo))).toMatchObject({ code: 'conflict', field: 'registerNo', message: expect.stringContaining('belum selesai') });
    await toDelivery(o, id);
    await o.act('staf', 'documents.deliver', { ...delivery(id), satisfaction: 'puas' });
    expect((await o.act('camat', 'workflow.journey', { id })).skmAt).toBeNull();
    // The number typed in small letters finds it too.
    await o.act('staf', 'skm.submit', form(NOV[0]!, registerNo.toLowerCase()));
    // The complaint's journey says when its questionnaire was entered.
    expect((await o.act('camat', 'workflow.journey', { id })).skmAt).toBe(t!.core.deps.now().toISOString());
    await o.act('staf', 'skm.submit', form(NOV[1]!));
    await o.act('staf', 'skm.submit', form(NOV[2]!));
    // A month nobody answered in names the last month that has answers.
    expect((await o.act('camat', 'skm.summary', { year: 2026, month: 12 })).latest).toEqual({ year: 2026, month: 11, respondents: 3 });
    // One survey per complaint; an unknown number is named back.
    expect(await o.refuse('staf', 'skm.submit', form(NOV[0]!, registerNo))).toMatchObject({ code: 'conflict', field: 'registerNo' });
    expect(await o.refuse('staf', 'skm.submit', form(NOV[0]!, '9999/PGD/2026'))).toMatchObject({ code: 'not_found', field: 'registerNo' });
    expect(await o.refuse('staf', 'skm.submit', { ...form(NOV[0]!), answers: { ...answers(NOV[0]!), u3: 5 } })).toMatchObject({ code: 'validation', field: 'answers.u3' });
    // 00.30 WIB on 1 December is still 30 November in UTC: it counts for December.
    t!.clock.set('2026-11-30T17:30:00.000Z');
    await o.act('staf', 'skm.submit', { ...form(DEC_STAF), profile: { gender: 'L', education: 's1', occupation: null, age: 25 } });

    // November: Σ per element 11 10 8 12 10 9 11 9 8 = 88 over 3 respondents;
    // Σ NRR = 88/3, IKM = 88/3 × 0.111 × 25 = 81.40 (B).
    const nov = await o.act('camat', 'skm.summary', { year: 2026, month: 11 });
    expect(nov.total).toMatchObject({ month: 11, respondents: 3, ikm: 81.4, grade: 'B' });
    expect(Object.values(nov.total.nrr!).map((x) => +x.toFixed(4))).toEqual([3.6667, 3.3333, 2.6667, 4, 3.3333, 3, 3.6667, 3, 2.6667]);
    // December: one respondent, Σ 29, IKM = 29 × 0.111 × 25 = 80.475 → 80.48 (B).
    expect((await o.act('sekcam', 'skm.summary', { year: 2026, month: 12 })).total).toMatchObject({ respondents: 1, ikm: 80.48, grade: 'B' });
    expect((await o.act('sekcam', 'skm.summary', { year: 2026, month: 10 })).latest).toEqual({ year: 2026, month: 12, respondents: 1 });
    // The year: Σ 117 over 4, IKM = 29.25 × 2.775 = 81.16875 → 81.17.
    const year = await o.act('staf', 'skm.summary', { year: 2026 });
    expect(year.total).toMatchObject({ month: null, respondents: 4, ikm: 81.17, grade: 'B' });
    // A period holding this month names today's date; one that has ended, none.
    expect(year.asOf).toMatch(/^\d{1,2} (November|Desember) 2026$/);
    expect((await o.act('staf', 'skm.summary', { year: 2026, part: 'tw1' })).asOf).toBeNull();
    expect(year.months.map((m) => m.respondents)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 1]);
    expect(year.months[0]).toMatchObject({ nrr: null, ikm: null, grade: null });
    // The profile: November's three (P, SMA, wirausaha, 41) and December's one (L, S1,
    // no occupation, 25, the first age of its band); every answer listed, zeros included.
    const profile = (s: { profile: { title: string; rows: { label: string; n: number }[] }[] }) =>
      Object.fromEntries(s.profile.map((g) => [g.title, Object.fromEntries(g.rows.filter((r) => r.n > 0).map((r) => [r.label, r.n]))]));
    expect(profile(year)).toEqual({
      'Jenis kelamin': { Perempuan: 3, 'Laki-laki': 1 },
      'Pendidikan terakhir': { 'SMA/SMK': 3, 'D4/S1': 1 },
      Pekerjaan: { Wirausaha: 3, 'Tidak diisi': 1 },
      Usia: { '35–44 tahun': 3, '25–34 tahun': 1 },
    });
    expect(profile(nov).Usia).toEqual({ '35–44 tahun': 3 });
    expect(year.profile.map((g) => g.rows.length)).toEqual([2, 7, 7, 5]);

    // The sums kept by the insert equal a count over the responses themselves.
    const db = t!.core.deps.db;
    const kept = db.prepare("SELECT sum(respondents) AS n, sum(s1 + s2 + s3 + s4 + s5 + s6 + s7 + s8 + s9) AS s FROM skm_month_totals").get();
    const counted = db.prepare('SELECT count(*) AS n, sum(u1 + u2 + u3 + u4 + u5 + u6 + u7 + u8 + u9) AS s FROM skm_responses').get();
    expect(kept).toEqual(counted);
    const profileCounts = () => db.prepare("SELECT month, field, value, n FROM skm_month_profile ORDER BY 1, 2, 3").all();
    const ages = db.prepare("SELECT month, 'age' AS field, CAST(age AS TEXT) AS value, count(*) AS n FROM skm_responses GROUP BY 1, 3 ORDER BY 1, 3").all();
    expect(profileCounts().filter((r) => (r as { field: string }).field === 'age')).toEqual(ages);
    // The migration that made the profile counters fills them from the responses already stored.
    const kept36 = profileCounts();
    db.exec('DROP TRIGGER skm_month_profile_ai; DROP TABLE skm_month_profile;');
    db.exec(MIGRATIONS.find((m) => m.version === 36)!.sql);
    expect(profileCounts()).toEqual(kept36);
    expect(() => db.prepare('UPDATE skm_responses SET u1 = 4').run()).toThrow(/tidak boleh diubah/);
    expect(db.prepare("SELECT complaint_id FROM skm_responses WHERE complaint_id IS NOT NULL").pluck().all()).toEqual([id]);

    // Only the Staf enters; the Kasi and the Admin do not read the IKM.
    expect((await o.refuse('camat', 'skm.submit', form(NOV[0]!))).code).toBe('forbidden');
    expect((await o.refuse('kasi1', 'skm.summary', { year: 2026 })).code).toBe('forbidden');
    expect((await o.refuse('admin', 'skm.summary', { year: 2026 })).code).toBe('forbidden');
  });

  it('ties a questionnaire to a complaint handled to its end, archived last included, and to none closed by a side exit', async () => {
    // Wonoasih's standard ends with the archive: its finished complaints read "Diarsipkan".
    const o = await paperOffice('wonoasih', '2026-11-24T02:00:00.000Z', (core) => (t = core));
    // A number with the unit code in mixed letters, typed all in small ones.
    await o.act('admin', 'documents.updateSettings', { ...(await o.act('admin', 'documents.settings', {})), registerPattern: '{urut}/{unit}/{tahun}' });
    const id = await o.record();
    const registerNo = (await o.act('staf', 'complaints.get', { id })).registerNo;
    expect(registerNo).toMatch(/[A-Z]/);
    expect(registerNo).toMatch(/[a-z]/);
    expect(await o.refuse('staf', 'skm.submit', form(NOV[0]!, registerNo.toLowerCase()))).toMatchObject({ code: 'conflict', message: expect.stringContaining(`Pengaduan ${registerNo} belum selesai`) });
    let j = await o.journey(id, 'camat');
    while (!j.actions.includes('deliver')) {
      o.later(5);
      if (j.actions.includes('dispose')) j = await o.act('camat', 'workflow.dispose', { id, to: [o.ids.kasi1!], sifat: 'biasa', instructions: ['proses_lanjut'] });
      else if (j.actions.includes('takeOver')) j = await o.act('camat', 'workflow.takeOver', { id, reason: 'Petugas berhalangan.' });
      else j = await o.act('camat', 'workflow.advance', { id });
    }
    o.later(30);
    await o.act('camat', 'documents.deliver', { complaintId: id, channel: 'whatsapp', deliveredAt: '2026-11-24T09:30', recipient: 'Siti Aminah' });
    j = await o.act('staf', 'documents.archive', { complaintId: id, location: 'Lemari arsip 1', satisfaction: 'puas' });
    expect([j.status, j.closedAt !== null]).toEqual(['diarsipkan', true]);
    await o.act('staf', 'skm.submit', form(NOV[0]!, registerNo.toLowerCase()));
    expect((await o.journey(id)).skmAt).not.toBeNull();

    // Refused, then closed: not finished, and the refusal says so.
    const refused = await o.record();
    await o.act('camat', 'workflow.exit', { id: refused, exit: 'ditolak', note: 'Bukan pengaduan, hanya pertanyaan.', forwardTo: '' });
    const refusedNo = (await o.act('staf', 'complaints.get', { id: refused })).registerNo;
    expect(await o.refuse('staf', 'skm.submit', form(NOV[1]!, refusedNo))).toMatchObject({
      code: 'conflict',
      field: 'registerNo',
      message: expect.stringContaining(`Pengaduan ${refusedNo} ditutup dengan status Ditolak`),
    });
  });

  it('ends the kiosk when someone signs in on its PC, and the audit trail says so', async () => {
    const o = await office();
    const { core } = t!;
    // In a browser every tab shares the cookie: a sign-in in another tab replaces the kiosk's token.
    const pc = carrier();
    await ok(core, pc, 'auth.login', { username: 'staf', password: PASSWORD });
    await ok(core, pc, 'skm.kioskStart', {});
    const kioskToken = pc.token;
    await ok(core, pc, 'auth.login', { username: 'kasi1', password: PASSWORD });
    expect((await ok(core, pc, 'auth.me', {}))?.username).toBe('kasi1');
    // The kiosk's own token no longer submits: the kiosk is closed, not left open behind the sign-in.
    const kiosk = carrier();
    kiosk.token = kioskToken;
    expect((await ok(core, kiosk, 'skm.kioskState', {})).active).toBe(false);
    expect((await fail(core, kiosk, 'skm.kioskSubmit', { answers: answers(KIOSK[0]!), profile: PROFILE })).code).toBe('forbidden');
    expect(core.deps.db.prepare('SELECT count(*) FROM skm_kiosks WHERE ended_at IS NULL').pluck().get()).toBe(0);
    const ended = core.deps.db.prepare("SELECT actor_id, data FROM audit_log WHERE action = 'skm.kiosk_ended'").all() as { actor_id: number; data: string }[];
    expect(ended).toHaveLength(1);
    expect(JSON.parse(ended[0]!.data)).toEqual({ by: 'login' });
    expect(ended[0]!.actor_id).toBe(core.deps.db.prepare("SELECT id FROM users WHERE username = 'kasi1'").pluck().get());
    // Read in the audit trail as what ended it.
    const trail = await o.act('admin', 'audit.list', { category: 'pengaduan', offset: 0, limit: 20 });
    expect(trail.rows.find((r) => r.action === 'skm.kiosk_ended')).toMatchObject({ label: 'Mode kios survei ditutup', detail: 'Karena ada yang masuk ke Tanggap di peramban yang sama' });
  });

  it('runs the kiosk on a token that submits and nothing else, and closes it only with the Staf’s password', async () => {
    const o = await office();
    await o.record();
    t!.clock.set('2026-11-30T17:30:00.000Z');
    await o.act('staf', 'skm.submit', form(DEC_STAF));
    const { core } = t!;
    const pc = carrier();
    await ok(core, pc, 'auth.login', { username: 'staf', password: PASSWORD });
    const staffToken = pc.token;
    await ok(core, pc, 'skm.kioskStart', {});
    expect(pc.token).not.toBe(staffToken);
    // The Staf's session on this PC is gone: its old token opens nothing.
    const stolen = carrier();
    stolen.token = staffToken;
    expect((await fail(core, stolen, 'complaints.list', {})).code).toBe('unauthenticated');

    expect(await ok(core, pc, 'skm.kioskState', {})).toMatchObject({ active: true, staffName: 'Dewi Lestari' });
    expect(await ok(core, pc, 'auth.me', {})).toBeNull();
    const refused: [CallName, unknown][] = [
      ['complaints.list', {}],
      ['complaints.get', { id: 1 }],
      ['skm.summary', { year: 2026 }],
      ['skm.exportXlsx', { year: 2026 }],
      ['skm.submit', form(NOV[0]!)],
      ['skm.kioskStart', {}],
      ['office.get', {}],
      ['tasks.mine', {}],
      ['auth.changePassword', { oldPassword: PASSWORD, newPassword: 'kata-sandi-baru-1' }],
    ];
    for (const [name, input] of refused) expect((await fail(core, pc, name, input)).code, name).toBe('unauthenticated');

    await ok(core, pc, 'skm.kioskSubmit', { answers: answers(KIOSK[0]!), profile: { gender: 'L', education: 's1', age: 30 } });
    // A second questionnaire seconds later is a script, not a person.
    expect((await fail(core, pc, 'skm.kioskSubmit', { answers: answers(KIOSK[1]!), profile: PROFILE })).code).toBe('rate_limited');
    t!.clock.advanceMinutes(2);
    await ok(core, pc, 'skm.kioskSubmit', { answers: answers(KIOSK[1]!), profile: PROFILE });
    // A kiosk submit cannot point at a complaint, and a signed-in session is no kiosk.
    expect((await fail(core, pc, 'skm.kioskSubmit', { answers: answers(KIOSK[1]!), profile: PROFILE, registerNo: 'x' })).code).toBe('validation');
    expect((await o.refuse('staf', 'skm.kioskSubmit', { answers: answers(KIOSK[1]!), profile: PROFILE })).code).toBe('forbidden');
    expect((await o.refuse('camat', 'skm.kioskExit', { password: PASSWORD })).code).toBe('forbidden');

    // Exit: a wrong password keeps the kiosk; five lock the exit, even for the right one.
    expect(await fail(core, pc, 'skm.kioskExit', { password: 'salah' })).toMatchObject({ code: 'validation', field: 'password' });
    expect((await ok(core, pc, 'skm.kioskState', {})).active).toBe(true);
    for (let i = 0; i < 4; i++) await fail(core, pc, 'skm.kioskExit', { password: `salah-${i}` });
    expect(await fail(core, pc, 'skm.kioskExit', { password: PASSWORD })).toMatchObject({ code: 'locked', message: expect.stringContaining('Tunggu 15 menit') });
    t!.clock.advanceMinutes(16);
    // Five more: locked twice as long, as a login is.
    for (let i = 0; i < 5; i++) await fail(core, pc, 'skm.kioskExit', { password: `lagi-${i}` });
    expect(await fail(core, pc, 'skm.kioskExit', { password: PASSWORD })).toMatchObject({ code: 'locked', message: expect.stringContaining('Tunggu 30 menit') });
    t!.clock.advanceMinutes(16);
    expect((await fail(core, pc, 'skm.kioskExit', { password: PASSWORD })).code).toBe('locked');
    t!.clock.advanceMinutes(15);
    await ok(core, pc, 'skm.kioskExit', { password: PASSWORD });
    expect((await ok(core, pc, 'auth.me', {}))?.username).toBe('staf');
    expect((await ok(core, pc, 'skm.kioskState', {})).active).toBe(false);
    expect((await fail(core, pc, 'skm.kioskSubmit', { answers: answers(KIOSK[1]!), profile: PROFILE })).code).toBe('forbidden');

    // December: 29 + 36 + 9 = 74 over 3, IKM = 74/3 × 2.775 = 68.45 (C).
    const dec = await ok(core, pc, 'skm.summary', { year: 2026, month: 12 });
    expect(dec.total).toMatchObject({ respondents: 3, ikm: 68.45, grade: 'C' });
    expect(dec.fromKiosk).toBe(2);
    const actions = core.deps.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'skm.%' ORDER BY id").pluck().all();
    expect(actions).toEqual(['skm.submitted', 'skm.kiosk_started', 'skm.submitted', 'skm.submitted', ...Array(10).fill('skm.kiosk_exit_refused'), 'skm.kiosk_ended']);
  });

  it('exports the IKM per element and per month as XLSX', async () => {
    const o = await office();
    for (const s of NOV) await o.act('staf', 'skm.submit', form(s));
    const file = await o.act('camat', 'skm.exportXlsx', { year: 2026 });
    expect(file.fileName).toBe('IKM-2026.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('IKM')!;
    const rows = ws.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(rows[1]).toEqual(['Indeks Kepuasan Masyarakat (PermenPANRB 14/2017)']);
    expect(rows[2]).toEqual(['Periode: Tahun 2026']);
    // Numbers in the headings are written the Indonesian way, as on the screen.
    expect(rows.find((r) => r[1] === 'Unsur pelayanan')).toEqual(['No', 'Unsur pelayanan', 'NRR per unsur', 'NRR tertimbang (× 0,111)']);
    // Each element as on the screen: its code under No, its name beside it.
    const u1 = rows.find((r) => r[0] === 'U1')!;
    expect(u1[1]).toBe('Persyaratan');
    expect(u1[2]).toBeCloseTo(11 / 3, 10);
    expect(u1[3]).toBeCloseTo((11 / 3) * 0.111, 10);
    expect(rows.find((r) => r[1] === 'IKM unit pelayanan (indeks × 25)')![3]).toBe(81.4);
    expect(rows.find((r) => r[1] === 'Mutu pelayanan')![3]).toBe('B (Baik)');
    expect(rows.find((r) => r[1] === 'Jumlah responden')![3]).toBe(3);
    expect(rows.find((r) => r[1] === 'Di antaranya dari mode kios')![3]).toBe(0);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });

    const wm = wb.getWorksheet('Per bulan')!;
    const months = wm.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    const november = months.find((r) => r[0] === 'November')!;
    expect(november[1]).toBe(3);
    expect(november[11]).toBe(81.4);
    expect(november[12]).toBe('B (Baik)');
    expect(months.find((r) => r[0] === 'Januari')!.slice(1, 2)).toEqual([0]);
    expect(months.find((r) => r[0] === 'Januari')![12]).toBe('Belum ada responden');

    const wp = wb.getWorksheet('Profil responden')!;
    const profile = wp.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(profile.find((r) => r[1] === 'Keterangan')).toEqual(['Profil', 'Keterangan', 'Jumlah responden', 'Persentase']);
    expect(profile.find((r) => r[0] === 'Jenis kelamin')).toEqual(['Jenis kelamin', 'Laki-laki', 0, 0]);
    expect(profile.find((r) => r[1] === 'Perempuan')).toEqual([undefined, 'Perempuan', 3, 1]);
    expect(profile.find((r) => r[1] === '35–44 tahun')![2]).toBe(3);
    // The totals row closes the table (the block to sign follows under it).
    const totals = profile.findIndex((r) => r[0] === 'Jumlah responden');
    expect(profile[totals]).toEqual(['Jumlah responden', undefined, 3]);
    expect(profile[totals - 1]).toEqual([undefined, '55 tahun ke atas', 0, 0]);
    // Like every report the office takes out, the download leaves a line in the audit trail.
    const trail = await o.act('camat', 'audit.list', { category: 'audit', offset: 0, limit: 5 });
    expect(trail.rows.find((r) => r.action === 'report.skm_exported')).toMatchObject({ label: 'Rekap IKM (SKM) diunduh', detail: 'IKM Tahun 2026, 3 responden (Excel)' });
  });

  it('reports the IKM of a triwulan and a semester from their own months, on screen and as XLSX', async () => {
    const o = await office();
    // Paper questionnaires filled in during the year, typed in on 24 November.
    const on = (filledOn: string, s: number[]) => o.act('staf', 'skm.submit', { ...form(s), filledOn });
    await on('2026-02-10', NOV[0]!);
    await on('2026-03-10', NOV[1]!);
    await on('2026-05-10', NOV[2]!);
    await on('2026-08-10', DEC_STAF);

    // Triwulan I: Σ 30 + 26 = 56 over 2, IKM = 28 × 2.775 = 77.70 (B).
    const tw1 = await o.act('camat', 'skm.summary', { year: 2026, part: 'tw1' });
    expect(tw1).toMatchObject({ month: null, part: 'tw1' });
    expect(tw1.total).toMatchObject({ month: null, respondents: 2, ikm: 77.7, grade: 'B' });
    expect(tw1.months.map((m) => [m.month, m.respondents])).toEqual([[1, 0], [2, 1], [3, 1]]);
    // Triwulan II: May alone, Σ 32, IKM = 88.80 (A); Triwulan IV: nobody.
    expect((await o.act('camat', 'skm.summary', { year: 2026, part: 'tw2' })).total).toMatchObject({ respondents: 1, ikm: 88.8, grade: 'A' });
    expect((await o.act('camat', 'skm.summary', { year: 2026, part: 'tw4' })).total).toMatchObject({ respondents: 0, ikm: null, grade: null });
    // Semester I: Σ 88 over 3, IKM = 81.40 (B), not the mean of its triwulan's IKM; Semester II: August's 80.48.
    const s1 = await o.act('sekcam', 'skm.summary', { year: 2026, part: 's1' });
    expect(s1.total).toMatchObject({ respondents: 3, ikm: 81.4, grade: 'B' });
    expect(s1.months.map((m) => m.respondents)).toEqual([0, 1, 1, 0, 1, 0]);
    expect(s1.profile.find((g) => g.title === 'Jenis kelamin')!.rows).toEqual([{ label: 'Laki-laki', n: 0 }, { label: 'Perempuan', n: 3 }]);
    expect((await o.act('staf', 'skm.summary', { year: 2026, part: 's2' })).total).toMatchObject({ respondents: 1, ikm: 80.48 });
    // One period at a time; a part that is none.
    expect(await o.refuse('camat', 'skm.summary', { year: 2026, month: 3, part: 'tw1' })).toMatchObject({ code: 'validation', field: 'part' });
    expect(await o.refuse('camat', 'skm.summary', { year: 2026, part: 'tw5' })).toMatchObject({ code: 'validation', field: 'part', message: 'Pilih triwulan I–IV atau semester I–II.' });

    const file = await o.act('camat', 'skm.exportXlsx', { year: 2026, part: 's1' });
    expect(file.fileName).toBe('IKM-2026-S1.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
    const rows = (name: string) => wb.getWorksheet(name)!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(rows('IKM')[2]).toEqual(['Periode: Semester I 2026 (Januari–Juni)']);
    expect(rows('IKM').find((r) => r[1] === 'IKM unit pelayanan (indeks × 25)')![3]).toBe(81.4);
    const months = rows('Per bulan');
    const first = months.findIndex((r) => r[0] === 'Januari');
    // Its six months, then the semester's total (the block to sign follows).
    const table = months.slice(first, first + 8);
    expect(table.map((r) => r[0])).toEqual(['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Semester I', undefined]);
    expect(table.slice(0, 7).map((r) => r[1])).toEqual([0, 1, 1, 0, 1, 0, 3]);
    expect(table[6]![11]).toBe(81.4);
  });

  it('records puas / tidak puas as data when the last step closes the complaint', async () => {
    const o = await office();
    const first = await o.record();
    await toDelivery(o, first);
    expect(await o.refuse('staf', 'workflow.advance', { id: first, satisfaction: 'puas' })).toMatchObject({ code: 'conflict' });
    let j = await o.act('staf', 'documents.deliver', { ...delivery(first), satisfaction: 'tidak_puas' });
    expect(j.closedAt).not.toBeNull();
    expect(j.satisfaction).toBe('tidak_puas');
    let history = (await o.act('staf', 'complaints.get', { id: first })).events.map((e) => e.action);
    expect(history).toContain('Pernyataan pelapor: tidak puas');

    const second = await o.record();
    await o.act('staf', 'workflow.dispose', { id: second, to: [o.ids.kasi1!], sifat: 'biasa', instructions: ['proses_lanjut'] });
    // Not the last step: the statement belongs to the closing.
    expect(await o.refuse('kasi1', 'workflow.advance', { id: second, satisfaction: 'puas' })).toMatchObject({ code: 'validation', field: 'satisfaction' });
    await o.act('kasi1', 'workflow.advance', { id: second });
    await o.act('camat', 'workflow.advance', { id: second });
    await o.act('staf', 'documents.draft', { complaintId: second, kind: 'laporan_tindak_lanjut', outcome: 'ditindaklanjuti' });
    await o.act('staf', 'workflow.advance', { id: second });
    j = await o.act('staf', 'documents.deliver', { ...delivery(second), satisfaction: 'tidak_ditanyakan' });
    expect(j.closedAt).not.toBeNull();
    expect(j.satisfaction).toBeNull();
    history = (await o.act('staf', 'complaints.get', { id: second })).events.map((e) => e.action);
    expect(history).toContain('Kepuasan pelapor tidak ditanyakan');
    const recorded = t!.core.deps.db
      .prepare("SELECT entity_id AS id, json_extract(data, '$.satisfaction') AS s FROM audit_log WHERE action = 'complaint.satisfaction_recorded' ORDER BY id")
      .all();
    expect(recorded).toEqual([
      { id: first, s: 'tidak_puas' },
      { id: second, s: 'tidak_ditanyakan' },
    ]);
  });
});
