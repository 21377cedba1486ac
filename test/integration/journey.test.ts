import { afterEach, describe, expect, it } from 'vitest';
import type { Journey } from '../../shared/schemas/workflow';
import { OFFICE_PRESETS } from '../../shared/standards/presets';
import { addDaysYmd } from '../../shared/time/workingTime';
import { ADMIN, carrier, createUser, fail, makeCore, ok, sampleComplaint, setupOffice, type TestCore, timedCalls } from '../support/core';
import { record, hookStatements } from '../bench/twin';
import { signaturePng } from './paper';
import { writeSetting } from '../../main/core/office/settings';

hookStatements();

// Each of the five published standards, from intake to the end, through the real
// core on a real SQLite file with an injected clock. Due times are worked out by
// hand from the office calendar (Perpres 21/2023 hours, 2026 holidays).

let t: TestCore | undefined;
afterEach(() => t?.dispose());

const PASSWORD = 'kata-sandi-123';
const USERS = [
  { username: 'staf', role: 'staf', name: 'Dewi Staf', nip: '199003142015032002' },
  { username: 'kasi1', role: 'kasi', name: 'Agus Kasi Pelayanan', nip: '198205172009011003' },
  { username: 'kasi2', role: 'kasi', name: 'Sri Kasi Pemerintahan', nip: '198507222010012004' },
  { username: 'sekcam', role: 'sekcam', name: 'Bambang Sekcam', nip: '197608111998031005' },
  { username: 'camat', role: 'camat', name: 'Imam Camat', nip: '197104051993031006' },
] as const;
type Who = (typeof USERS)[number]['username'];

// An office on the given preset, with one user per role, at a given instant.
async function office(presetId: string, startIso: string, sweepEveryMs = 0) {
  t = makeCore(startIso, { sweepEveryMs });
  const core = t.core;
  const clock = t.clock;
  const admin = await setupOffice(core, presetId);
  const ids: Record<string, number> = {};
  for (const u of USERS) {
    const created = await createUser(core, admin, {
      username: u.username,
      password: PASSWORD,
      user: { name: u.name, nip: u.nip, jabatan: u.name, pangkat: '', role: u.role, seksi: u.role === 'kasi' ? 'Seksi Pelayanan' : '', active: true },
    });
    ids[u.username] = created.id;
  }
  const { as, act, refuse } = timedCalls<Who>(core, clock, PASSWORD);
  const record = async (atIso: string, kelengkapan?: string[]) => {
    const preset = OFFICE_PRESETS.find((p) => p.id === presetId)!;
    const c = await act('staf', atIso, 'complaints.create', sampleComplaint({ kelengkapan: kelengkapan ?? preset.standard.kelengkapanChecklist }));
    return c.id;
  };
  await act('camat', startIso, 'auth.setSignature', { image: signaturePng() });
  // The delivery record of the penyampaian step: deliveredAt is local office time.
  const deliver = (who: Who, atIso: string, id: number, deliveredAt: string) =>
    act(who, atIso, 'documents.deliver', { complaintId: id, channel: 'langsung', deliveredAt, recipient: 'Siti Aminah', note: '', proof: [] });
  return { core, clock, ids, act, refuse, record, as, deliver };
}

const dues = (j: Journey) => j.steps.map((s) => s.dueAt);
const step = (j: Journey, no: number) => j.steps[no - 1]!;

describe('Kejayan: 3 hari, Kasi 1 hari else to the Camat (escalation)', () => {
  it('crosses a weekend, escalates the late Kasi step to the Camat and finishes', async () => {
    // Fri 27 Nov 2026 16:10 WIB.
    const o = await office('kejayan', '2026-11-27T09:10:00.000Z');
    const id = await o.record('2026-11-27T09:10:00.000Z');
    let j = await o.act('staf', '2026-11-27T09:10:00.000Z', 'workflow.journey', { id });
    expect(j.status).toBe('diterima');
    expect(step(j, 1)).toMatchObject({ completedAt: '2026-11-27T09:10:00.000Z', onTime: true });
    // Step 2, 30 menit kerja: 20 minutes until Friday's 16.30 closing, 10 on Monday → Mon 30 Nov 07.40 WIB.
    expect(step(j, 2).dueAt).toBe('2026-11-30T00:40:00.000Z');
    // Total 3 hari (calendar): Mon 30 Nov 16.10 WIB is after Monday's 16.00 closing → 16.00.
    expect(j.dueAt).toBe('2026-11-30T09:00:00.000Z');
    // The tanda terima states that instant, worded by the standard's start rule (at receipt).
    const receipt = await o.act('staf', '2026-11-27T09:10:00.000Z', 'complaints.receipt', { id });
    expect(receipt.rows.find((r) => r.label === 'Batas penyelesaian')?.value).toBe('Senin, 30 November 2026 pukul 16.00 WIB (3 hari sejak pengaduan diterima)');
    expect(receipt.notice).not.toContain('sejak berkas lengkap');
    expect(j.actions).toEqual(expect.arrayContaining(['dispose', 'exit:tidak_lengkap', 'exit:dicabut']));

    // The staf can't "advance" a disposition step, and a Kasi can't touch it at all.
    expect((await o.refuse('staf', '2026-11-30T00:30:00.000Z', 'workflow.advance', { id })).message).toMatch(/disposisi/);
    expect((await o.refuse('kasi1', '2026-11-30T00:30:00.000Z', 'workflow.dispose', { id, to: [o.ids.kasi1!], sifat: 'segera', instructions: ['proses_lanjut'] })).message).toMatch(/tidak didisposisikan kepada Anda/);

    // Mon 07.35 WIB: passed to Kasi Pelayanan. Step 3 (1 hari) → Tue 1 Dec 07.35 WIB, escalates to the Camat.
    j = await o.act('staf', '2026-11-30T00:35:00.000Z', 'workflow.dispose', { id, to: [o.ids.kasi1!], sifat: 'segera', instructions: ['tanggapan_saran', 'proses_lanjut'], note: 'Mohon ditindaklanjuti.' });
    expect(j.status).toBe('didisposisi');
    expect(step(j, 2).onTime).toBe(true);
    expect(step(j, 3).dueAt).toBe('2026-12-01T00:35:00.000Z');
    const kasiQueue = await o.act('kasi1', '2026-11-30T01:00:00.000Z', 'tasks.mine', {});
    expect(kasiQueue).toEqual([expect.objectContaining({ complaintId: id, stepNo: 3, dueAt: '2026-12-01T00:35:00.000Z', risk: 'aman', escalated: false })]);
    expect(kasiQueue[0]!.disposition).toMatchObject({ sifat: 'segera', opened: false });
    expect(await o.act('kasi2', '2026-11-30T01:00:00.000Z', 'tasks.mine', {})).toEqual([]);
    expect(await o.act('camat', '2026-11-30T01:00:00.000Z', 'tasks.mine', {})).toEqual([]);

    // Tue 08.00 WIB: the Kasi did not answer within the day; the Camat's queue has it, escalated.
    const camatQueue = await o.act('camat', '2026-12-01T01:00:00.000Z', 'tasks.mine', {});
    expect(camatQueue).toEqual([expect.objectContaining({ complaintId: id, stepNo: 3, escalated: true, risk: 'terlambat', executor: 'camat' })]);
    // Escalated, the step is the Camat's too, and still the Kasi's to complete: opening it late,
    // he may still hand the disposition back. Once the Camat completes it, the Kasi no longer may.
    const late = (await o.act('kasi1', '2026-12-01T01:10:00.000Z', 'workflow.journey', { id })).dispositions[0]!;
    expect(late.mayReturn).toBe(true);
    j = await o.act('camat', '2026-12-01T01:30:00.000Z', 'workflow.advance', { id, note: 'Sudah dikoordinasikan dengan desa.' });
    expect(step(j, 3)).toMatchObject({ escalated: true, onTime: false, completedByName: 'Imam Camat' });
    expect((await o.act('kasi1', '2026-12-01T01:35:00.000Z', 'workflow.journey', { id })).dispositions[0]!.mayReturn).toBe(false);
    // Step 4, Camat 1 hari → Wed 2 Dec 08.30 WIB.
    expect(step(j, 4).dueAt).toBe('2026-12-02T01:30:00.000Z');
    j = await o.act('camat', '2026-12-01T03:00:00.000Z', 'workflow.advance', { id });
    // Step 5, 1 jam kerja from 10.00 → 11.00; step 6 likewise.
    expect(step(j, 5).dueAt).toBe('2026-12-01T04:00:00.000Z');
    // Step 5 completes with the laporan tindak lanjut drafted, step 6 with the delivery record.
    expect((await o.act('staf', '2026-12-01T03:30:00.000Z', 'workflow.journey', { id })).actions).toContain('draft');
    await o.act('staf', '2026-12-01T03:30:00.000Z', 'documents.draft', { complaintId: id, kind: 'laporan_tindak_lanjut' });
    j = await o.act('staf', '2026-12-01T03:30:00.000Z', 'workflow.advance', { id });
    expect(step(j, 6).dueAt).toBe('2026-12-01T04:30:00.000Z');
    expect(j.actions).toContain('deliver');
    j = await o.deliver('staf', '2026-12-01T04:00:00.000Z', id, '2026-12-01T11:00');
    expect(j).toMatchObject({ status: 'selesai', closedAt: '2026-12-01T04:00:00.000Z', current: null, actions: [] });
    expect(j.dispositions[0]).toMatchObject({ state: 'selesai', toName: 'Agus Kasi Pelayanan' });
    expect((await o.refuse('staf', '2026-12-01T04:10:00.000Z', 'workflow.advance', { id })).message).toMatch(/sudah selesai/);

    const verify = await o.act('camat', '2026-12-01T04:10:00.000Z', 'audit.verify', {});
    expect(verify).toMatchObject({ ok: true, firstBroken: null });
    const actions = (o.core.db.prepare('SELECT action FROM audit_log WHERE entity_id = ? ORDER BY id').all(id) as { action: string }[]).map((r) => r.action);
    expect(actions).toEqual([
      'complaint.received',
      'disposition.created',
      'complaint.step_completed',
      'complaint.escalated',
      'disposition.opened',
      'complaint.step_completed',
      'complaint.step_completed',
      'document.drafted',
      'complaint.step_completed',
      'complaint.delivered',
      'complaint.step_completed',
    ]);
  });
});

describe('background sweep', () => {
  it('escalates an overdue Kasi step without anyone opening a queue', async () => {
    const o = await office('kejayan', '2026-11-23T02:00:00.000Z', 20);
    const id = await o.record('2026-11-23T02:00:00.000Z');
    await o.act('staf', '2026-11-23T02:10:00.000Z', 'workflow.dispose', { id, to: [o.ids.kasi1!], sifat: 'biasa', instructions: ['proses_lanjut'] });
    const escalated = () => (o.core.db.prepare('SELECT escalated, acting FROM complaints WHERE id = ?').get(id) as { escalated: number; acting: string });
    await new Promise((r) => setTimeout(r, 100));
    expect(escalated()).toEqual({ escalated: 0, acting: 'kasi' });
    o.clock.set('2026-11-24T02:11:00.000Z'); // a day and a minute later
    await expect.poll(escalated, { timeout: 2000 }).toEqual({ escalated: 1, acting: 'camat' });
  });
});

describe('Pegantenan: 12 steps, 12 hari kerja', () => {
  it('runs every step with its executor, across HUT RI and Maulid Nabi', async () => {
    // Fri 14 Aug 2026 09.00 WIB; Mon 17 Aug (HUT RI) and Tue 25 Aug (Maulid Nabi) are holidays.
    const o = await office('pegantenan', '2026-08-14T02:00:00.000Z');
    const id = await o.record('2026-08-14T02:00:00.000Z');
    let j = await o.act('sekcam', '2026-08-14T02:00:00.000Z', 'workflow.journey', { id });
    // 12 hari kerja: 18–21, 24, 26–28, 31 Aug, 1–3 Sep → Thu 3 Sep 09.00 WIB.
    expect(j.dueAt).toBe('2026-09-03T02:00:00.000Z');
    // Step 2, Sekcam 3 hari kerja over HUT RI: Tue 18, Wed 19, Thu 20 Aug 09.00.
    expect(step(j, 2)).toMatchObject({ executor: 'sekcam', dueAt: '2026-08-20T02:00:00.000Z' });
    expect((await o.refuse('staf', '2026-08-18T03:00:00.000Z', 'workflow.advance', { id })).message).toMatch(/Sekretaris Kecamatan/);

    const go = async (who: Who, atIso: string) => (j = await o.act(who, atIso, 'workflow.advance', { id }));
    await go('sekcam', '2026-08-18T03:00:00.000Z'); // Tue 18 Aug 10.00
    expect(step(j, 3).dueAt).toBe('2026-08-18T03:15:00.000Z');
    await go('staf', '2026-08-18T03:10:00.000Z');
    expect(step(j, 4)).toMatchObject({ executor: 'camat', dueAt: '2026-08-20T03:10:00.000Z' });
    j = await o.act('camat', '2026-08-19T01:00:00.000Z', 'workflow.dispose', { id, to: [o.ids.kasi2!], sifat: 'biasa', instructions: ['proses_lanjut'] });
    expect(step(j, 5)).toMatchObject({ executor: 'kasi', dueAt: '2026-08-21T01:00:00.000Z' });
    // Only the Kasi it was disposed to may open it, let alone act on it.
    expect(await o.refuse('kasi1', '2026-08-20T07:00:00.000Z', 'workflow.advance', { id })).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/tidak didisposisikan kepada Anda/) });
    j = await o.act('kasi2', '2026-08-20T06:50:00.000Z', 'workflow.followUp', { id, kind: 'klarifikasi', text: 'Klarifikasi ke kantor desa: jalan masuk usulan Musrenbang 2027.' });
    expect(j.followUps).toEqual([expect.objectContaining({ kind: 'klarifikasi', byName: 'Sri Kasi Pemerintahan' })]);
    await go('kasi2', '2026-08-20T07:00:00.000Z'); // Thu 20 Aug 14.00
    expect(step(j, 6).dueAt).toBe('2026-08-20T07:15:00.000Z');
    await go('kasi2', '2026-08-20T07:05:00.000Z');
    expect(step(j, 7)).toMatchObject({ executor: 'staf', dueAt: '2026-08-20T07:20:00.000Z' });
    // Step 7 (the last penyusunan step) completes through the drafted surat tanggapan.
    const look = async (who: Who, atIso: string) => (j = await o.act(who, atIso, 'workflow.journey', { id }));
    expect((await look('staf', '2026-08-20T07:10:00.000Z')).actions).toContain('draft');
    expect((await o.refuse('staf', '2026-08-20T07:10:00.000Z', 'workflow.advance', { id })).message).toMatch(/draf/);
    const draft = await o.act('staf', '2026-08-20T07:10:00.000Z', 'documents.draft', { complaintId: id, kind: 'surat_tanggapan', outcome: 'ditindaklanjuti' });
    await go('staf', '2026-08-20T07:10:00.000Z');
    // Step 8, Sekcam/Kasi 2 hari kerja: Fri 21, Mon 24 Aug 14.10.
    expect(step(j, 8).dueAt).toBe('2026-08-24T07:10:00.000Z');
    // Steps 8 and 9 complete with each executor's paraf on the draft.
    expect((await look('sekcam', '2026-08-21T02:00:00.000Z')).actions).toContain('paraf');
    await o.act('sekcam', '2026-08-21T02:00:00.000Z', 'documents.paraf', { id: draft.id });
    await look('sekcam', '2026-08-21T02:00:00.000Z');
    expect(step(j, 9).dueAt).toBe('2026-08-21T02:15:00.000Z');
    expect((await look('staf', '2026-08-21T02:05:00.000Z')).actions).toContain('paraf');
    await o.act('staf', '2026-08-21T02:05:00.000Z', 'documents.paraf', { id: draft.id });
    // Step 10, Camat 2 hari kerja over Maulid Nabi: Mon 24, Wed 26 Aug 09.05.
    await look('camat', '2026-08-21T02:05:00.000Z');
    expect(step(j, 10)).toMatchObject({ executor: 'camat', dueAt: '2026-08-26T02:05:00.000Z' });
    expect(j.actions).toContain('sign');
    const signed = await o.act('camat', '2026-08-24T03:00:00.000Z', 'documents.sign', { id: draft.id, password: PASSWORD });
    expect(signed).toMatchObject({ status: 'ditandatangani', signedAt: '2026-08-24T03:00:00.000Z', number: '000.8.3.4/1/Kec-Pgt/2026' });
    await look('staf', '2026-08-24T03:00:00.000Z');
    expect(step(j, 11).dueAt).toBe('2026-08-24T03:15:00.000Z');
    expect(j.actions).toContain('archive');
    j = await o.act('staf', '2026-08-24T03:05:00.000Z', 'documents.archive', { complaintId: id, location: 'Ordner Pengaduan 2026' });
    expect(step(j, 12).dueAt).toBe('2026-08-24T03:20:00.000Z');
    expect(j.actions).toContain('deliver');
    j = await o.deliver('staf', '2026-08-24T03:10:00.000Z', id, '2026-08-24T10:10');
    expect(j.status).toBe('selesai');
    expect(j.steps.every((s) => s.onTime === true)).toBe(true);
    expect(j.closedAt! <= j.dueAt!).toBe(true);
  });
});

describe('BKPSDM Kab. Pasuruan: 3 hari kerja', () => {
  it('lets the Sekretaris dispose on behalf of the head, returns and re-disposes', async () => {
    // Thu 17 Dec 2026 14.00 WIB.
    const o = await office('bkpsdm_pasuruan', '2026-12-17T07:00:00.000Z');
    const id = await o.record('2026-12-17T07:00:00.000Z');
    let j = await o.act('staf', '2026-12-17T07:00:00.000Z', 'workflow.journey', { id });
    // Fri 18, Mon 21, Tue 22 Dec 14.00 WIB.
    expect(j.dueAt).toBe('2026-12-22T07:00:00.000Z');
    expect(step(j, 2).dueAt).toBe('2026-12-17T07:45:00.000Z');
    j = await o.act('staf', '2026-12-17T07:30:00.000Z', 'workflow.advance', { id });
    expect(step(j, 3).dueAt).toBe('2026-12-17T08:30:00.000Z');
    j = await o.act('staf', '2026-12-17T08:00:00.000Z', 'workflow.advance', { id });
    // Step 4, 4 jam kerja from Thu 15.00: one hour on Thursday, three from Fri 07.30 → Fri 18 Dec 10.30.
    expect(step(j, 4).dueAt).toBe('2026-12-18T03:30:00.000Z');
    // A badan has no Camat: its messages and history name its head by its own title.
    const head = 'Kepala BKPSDM Kabupaten Pasuruan';
    expect((await o.act('staf', '2026-12-17T08:05:00.000Z', 'workflow.journey', { id })).waitingFor?.who).toBe(`${head} atau Sekretaris`);
    expect((await o.refuse('staf', '2026-12-17T08:05:00.000Z', 'workflow.exit', { id, exit: 'ditolak', note: 'Bukan pengaduan.', forwardTo: '' })).message).toBe(
      `Hanya ${head} atau Sekretaris yang dapat menolak pengaduan atau meneruskannya ke instansi lain.`,
    );
    expect((await o.refuse('kasi1', '2026-12-17T08:05:00.000Z', 'complaints.get', { id })).message).toContain(`Mintalah disposisi kepada ${head} atau Sekretaris bila perlu.`);
    expect((await o.refuse('kasi1', '2026-12-17T08:05:00.000Z', 'workflow.exit', { id, exit: 'ditolak', note: 'Bukan pengaduan.', forwardTo: '' })).message).toBe('Peran Kepala Bidang/Subbagian tidak berwenang untuk tindakan ini.');
    j = await o.act('sekcam', '2026-12-18T02:00:00.000Z', 'workflow.dispose', { id, to: [o.ids.kasi1!], sifat: 'sangat_segera', instructions: ['koordinasi'] });
    expect(j.dispositions[0]).toMatchObject({ onBehalf: true, fromName: 'Bambang Sekcam', state: 'aktif', openedAt: null });
    const history = (await o.act('sekcam', '2026-12-18T02:00:00.000Z', 'complaints.get', { id })).events;
    expect(history.map((e) => e.action)).toContain(`Didisposisikan a.n. ${head} kepada Agus Kasi Pelayanan (Sangat Segera; Koordinasikan/konfirmasikan)`);
    // The Kasi opens it (which marks it read) and returns it: it is not in his field.
    j = await o.act('kasi1', '2026-12-18T02:30:00.000Z', 'workflow.journey', { id });
    expect(j.dispositions[0]!.openedAt).toBe('2026-12-18T02:30:00.000Z');
    expect((await o.refuse('sekcam', '2026-12-18T02:40:00.000Z', 'workflow.withdrawDisposition', { dispositionId: j.dispositions[0]!.id })).message).toMatch(/sudah dibuka/);
    expect((await o.refuse('kasi1', '2026-12-18T02:40:00.000Z', 'workflow.returnDisposition', { dispositionId: j.dispositions[0]!.id, reason: '' })).field).toBe('reason');
    j = await o.act('kasi1', '2026-12-18T02:45:00.000Z', 'workflow.returnDisposition', { dispositionId: j.dispositions[0]!.id, reason: 'Bukan bidang kami; menyangkut mutasi pegawai.' });
    expect(j.status).toBe('diverifikasi');
    expect(j.current).toMatchObject({ stepNo: 4, executor: 'camat' });
    expect(step(j, 4).dueAt).toBe('2026-12-18T08:15:00.000Z'); // 4 jam kerja again from Fri 09.45, over the Friday break 11.30–13.00 → 15.15
    // Disposed again to the other Kasi; withdrawn before he opens it; disposed a third time.
    j = await o.act('sekcam', '2026-12-18T03:00:00.000Z', 'workflow.dispose', { id, to: [o.ids.kasi2!], sifat: 'segera', instructions: ['proses_lanjut'] });
    const second = j.dispositions[1]!;
    j = await o.act('sekcam', '2026-12-18T03:05:00.000Z', 'workflow.withdrawDisposition', { dispositionId: second.id });
    expect(j.dispositions.map((d) => d.state)).toEqual(['dikembalikan', 'ditarik']);
    expect(await o.act('kasi2', '2026-12-18T03:06:00.000Z', 'tasks.mine', {})).toEqual([]);
    // From a list opened before, he is told why the complaint no longer opens.
    expect((await o.refuse('kasi2', '2026-12-18T03:06:00.000Z', 'complaints.get', { id })).message).toBe(
      'Disposisi pengaduan ini kepada Anda sudah ditarik oleh Bambang Sekcam pada 18 Desember 2026 pukul 10.05 WIB, sehingga pengaduan ini tidak lagi dapat Anda buka.',
    );
    j = await o.act('camat', '2026-12-18T03:10:00.000Z', 'workflow.dispose', { id, to: [o.ids.kasi2!], sifat: 'segera', instructions: ['proses_lanjut'] });
    // Step 5, Kasi 2 hari kerja from Fri 10.10 → Tue 22 Dec 10.10.
    expect(step(j, 5).dueAt).toBe('2026-12-22T03:10:00.000Z');
    // Step 5 (penyampaian) completes with the delivery record, step 6 (arsip) with where the file is kept.
    expect((await o.act('kasi2', '2026-12-21T06:00:00.000Z', 'workflow.journey', { id })).actions).toContain('deliver');
    j = await o.deliver('kasi2', '2026-12-21T06:00:00.000Z', id, '2026-12-21T13:00');
    expect(step(j, 6)).toMatchObject({ executor: 'tim_pengelola', dueAt: '2026-12-21T07:00:00.000Z' });
    expect(j.actions).toContain('archive');
    j = await o.act('staf', '2026-12-21T06:30:00.000Z', 'documents.archive', { complaintId: id, location: 'Ordner Pengaduan 2026' });
    expect(j.status).toBe('diarsipkan');
    expect(j.closedAt! <= j.dueAt!).toBe(true);
  });
});

describe('Wonoasih: 1 hari kerja from the moment the file is complete', () => {
  it('waits for the reporter with the clock stopped, then starts the total when complete', async () => {
    // Tue 24 Nov 2026 10.00 WIB, file incomplete.
    const o = await office('wonoasih', '2026-11-24T03:00:00.000Z');
    const id = await o.record('2026-11-24T03:00:00.000Z', []);
    let j = await o.act('staf', '2026-11-24T03:00:00.000Z', 'workflow.journey', { id });
    expect(j.dueAt).toBeNull();
    // No date yet on the tanda terima: only the standard's span and its start rule.
    const receipt = await o.act('staf', '2026-11-24T03:00:00.000Z', 'complaints.receipt', { id });
    expect(receipt.rows.find((r) => r.label === 'Batas penyelesaian')?.value).toBe('1 hari kerja sejak berkas lengkap');
    expect(step(j, 2).dueAt).toBe('2026-11-24T03:15:00.000Z');
    j = await o.act('staf', '2026-11-24T03:05:00.000Z', 'workflow.exit', { id, exit: 'tidak_lengkap', note: 'Pelapor diminta melampirkan surat pengaduan.' });
    expect(j).toMatchObject({ status: 'tidak_lengkap', paused: true, current: null, actions: ['resume', 'exit:dicabut'] });
    expect((await o.refuse('staf', '2026-11-24T03:06:00.000Z', 'workflow.advance', { id })).message).toMatch(/menunggu kelengkapan/);
    expect(await o.act('staf', '2026-11-24T03:06:00.000Z', 'tasks.mine', {})).toEqual([expect.objectContaining({ complaintId: id, paused: true })]);
    // Thu 26 Nov 09.00 the reporter brings it: step 2 had used 5 of its 15 minutes → due 09.10.
    j = await o.act('staf', '2026-11-26T02:00:00.000Z', 'workflow.resume', { id, note: 'Surat pengaduan diserahkan.' });
    expect(j.status).toBe('diterima');
    expect(step(j, 2).dueAt).toBe('2026-11-26T02:10:00.000Z');
    j = await o.act('staf', '2026-11-26T02:10:00.000Z', 'workflow.advance', { id });
    // Complete at Thu 09.10: 1 hari kerja → Fri 27 Nov 09.10 WIB.
    expect(j.clockStartedAt).toBe('2026-11-26T02:10:00.000Z');
    expect(j.dueAt).toBe('2026-11-27T02:10:00.000Z');
    j = await o.act('staf', '2026-11-26T02:20:00.000Z', 'workflow.advance', { id });
    expect(step(j, 4).dueAt).toBe('2026-11-26T02:35:00.000Z');
    j = await o.act('staf', '2026-11-26T02:30:00.000Z', 'workflow.dispose', { id, to: [o.ids.kasi1!], sifat: 'biasa', instructions: ['tanggapan_saran'] });
    // Step 5, 180 menit kerja from 09.30 over the 12.00–13.00 break → 13.30.
    expect(step(j, 5).dueAt).toBe('2026-11-26T06:30:00.000Z');
    j = await o.act('kasi1', '2026-11-26T06:00:00.000Z', 'workflow.advance', { id });
    // Step 6, 180 menit kerja from 13.00 ends exactly at Thursday's 16.00 closing.
    expect(step(j, 6).dueAt).toBe('2026-11-26T09:00:00.000Z');
    // Step 6 (penyampaian, the Camat) completes with the delivery record, step 7 with the archive.
    expect((await o.act('camat', '2026-11-26T08:00:00.000Z', 'workflow.journey', { id })).actions).toContain('deliver');
    j = await o.deliver('camat', '2026-11-26T08:00:00.000Z', id, '2026-11-26T15:00');
    expect(step(j, 7).dueAt).toBe('2026-11-26T08:15:00.000Z');
    j = await o.act('staf', '2026-11-26T08:10:00.000Z', 'documents.archive', { complaintId: id, location: 'Ordner Pengaduan 2026' });
    expect(j.status).toBe('diarsipkan');
    expect(dues(j).every((d) => d !== null)).toBe(true);
  });
});

describe('Waru: 7 steps, 245 menit kerja, WITA', () => {
  it('starts on a Friday afternoon and finishes on Monday within 245 working minutes', async () => {
    // Fri 27 Nov 2026 15.00 WITA (UTC+8).
    const o = await office('waru', '2026-11-27T07:00:00.000Z');
    const id = await o.record('2026-11-27T07:00:00.000Z');
    let j = await o.act('staf', '2026-11-27T07:00:00.000Z', 'workflow.journey', { id });
    // 90 minutes until Friday's 16.30 closing, 155 from Monday 07.30 → Mon 30 Nov 10.05 WITA.
    expect(j.dueAt).toBe('2026-11-30T02:05:00.000Z');
    expect(step(j, 2)).toMatchObject({ executor: 'tim_pengelola', dueAt: '2026-11-27T07:20:00.000Z', duration: '20 menit' });
    j = await o.act('sekcam', '2026-11-27T07:20:00.000Z', 'workflow.advance', { id });
    expect(step(j, 3)).toMatchObject({ executor: 'kasi', dueAt: '2026-11-27T08:20:00.000Z' });
    j = await o.act('kasi1', '2026-11-27T08:20:00.000Z', 'workflow.advance', { id });
    // Step 4, 120 menit: 10 on Friday, 110 from Monday 07.30 → 09.20 WITA.
    expect(step(j, 4).dueAt).toBe('2026-11-30T01:20:00.000Z');
    const queue = await o.act('kasi2', '2026-11-30T01:00:00.000Z', 'tasks.mine', {});
    expect(queue).toEqual([expect.objectContaining({ stepNo: 4, remainingMinutes: 20, risk: 'berisiko' })]);
    j = await o.act('camat', '2026-11-30T01:20:00.000Z', 'workflow.advance', { id });
    expect(step(j, 5).dueAt).toBe('2026-11-30T01:35:00.000Z');
    // Step 5 completes through the drafted berita acara, step 6 through the Camat's signature.
    expect(j.actions).toContain('draft');
    const draft = await o.act('kasi1', '2026-11-30T01:35:00.000Z', 'documents.draft', { complaintId: id, kind: 'berita_acara', satisfaction: 'puas' });
    j = await o.act('kasi1', '2026-11-30T01:35:00.000Z', 'workflow.advance', { id });
    expect(step(j, 6)).toMatchObject({ executor: 'camat', dueAt: '2026-11-30T01:50:00.000Z' });
    expect((await o.act('camat', '2026-11-30T01:50:00.000Z', 'workflow.journey', { id })).actions).toContain('sign');
    await o.act('camat', '2026-11-30T01:50:00.000Z', 'documents.sign', { id: draft.id, password: PASSWORD });
    j = await o.act('staf', '2026-11-30T01:50:00.000Z', 'workflow.journey', { id });
    expect(step(j, 7).dueAt).toBe('2026-11-30T02:00:00.000Z');
    expect(j.actions).toContain('deliver');
    j = await o.deliver('staf', '2026-11-30T02:00:00.000Z', id, '2026-11-30T10:00');
    expect(j).toMatchObject({ status: 'selesai', closedAt: '2026-11-30T02:00:00.000Z' });
    expect(j.steps.every((s) => s.onTime)).toBe(true);
  });
});

describe('side exits and the standard as data', () => {
  it('withdraws a file the reporter never completes, and closes refused or forwarded complaints', async () => {
    const o = await office('kejayan', '2026-11-23T02:00:00.000Z'); // Mon 23 Nov 09.00 WIB
    const a = await o.record('2026-11-23T02:00:00.000Z', []);
    await o.act('staf', '2026-11-23T02:05:00.000Z', 'workflow.exit', { id: a, exit: 'tidak_lengkap', note: 'KTP belum dilampirkan.' });
    // 10 hari kerja later (Mon 7 Dec 09.05) the sweep withdraws it.
    await o.act('staf', '2026-12-07T02:04:00.000Z', 'tasks.mine', {});
    expect((await o.act('staf', '2026-12-07T02:04:00.000Z', 'workflow.journey', { id: a })).status).toBe('tidak_lengkap');
    await o.act('staf', '2026-12-07T02:06:00.000Z', 'tasks.mine', {});
    const withdrawn = await o.act('staf', '2026-12-07T02:06:00.000Z', 'workflow.journey', { id: a });
    expect(withdrawn).toMatchObject({ status: 'dicabut', exitNote: expect.stringMatching(/10 hari kerja/) });

    const b = await o.record('2026-12-07T03:00:00.000Z');
    expect((await o.refuse('staf', '2026-12-07T03:01:00.000Z', 'workflow.exit', { id: b, exit: 'ditolak', note: 'Tidak jelas' })).code).toBe('forbidden');
    expect((await o.refuse('camat', '2026-12-07T03:01:00.000Z', 'workflow.exit', { id: b, exit: 'bukan_kewenangan', note: 'Urusan PDAM' })).field).toBe('forwardTo');
    const fwd = await o.act('camat', '2026-12-07T03:02:00.000Z', 'workflow.exit', { id: b, exit: 'bukan_kewenangan', note: 'Urusan air bersih.', forwardTo: 'Perumda Air Minum Kab. Pasuruan' });
    expect(fwd).toMatchObject({ status: 'bukan_kewenangan', exitNote: expect.stringContaining('Perumda Air Minum'), closedAt: '2026-12-07T03:02:00.000Z' });
    expect((await o.act('camat', '2026-12-07T03:03:00.000Z', 'tasks.office', {})).rows.map((x) => x.complaintId)).toEqual([]);
  });

  it('records step 1 at intake as completing it does, and a standard of one step finished by it', async () => {
    const o = await office('wonoasih', '2026-11-24T03:00:00.000Z');
    let j = await o.act('staf', '2026-11-24T03:00:00.000Z', 'workflow.journey', { id: await o.record('2026-11-24T03:00:00.000Z', []) });
    expect(j).toMatchObject({ status: 'diterima', clockStartedAt: null, dueAt: null, closedAt: null });
    expect(step(j, 1)).toMatchObject({ startedAt: '2026-11-24T03:00:00.000Z', completedAt: '2026-11-24T03:00:00.000Z', completedByName: 'Dewi Staf', onTime: true });
    expect(step(j, 2)).toMatchObject({ startedAt: '2026-11-24T03:00:00.000Z', completedAt: null, dueAt: '2026-11-24T03:15:00.000Z' });
    expect(j.current?.stepNo).toBe(2);
    // The complaint's row is written once, its journey's columns with it.
    const recorded = await record(o.core.db, () => o.record('2026-11-24T03:30:00.000Z', []));
    expect(recorded.filter((e) => /^\s*(INSERT INTO|UPDATE) complaints\b/.test(e.sql)).map((e) => e.sql.trim().split(' ')[0])).toEqual(['INSERT']);
    // One step: saving the complaint is all the standard asks.
    const admin = carrier();
    await ok(o.core, admin, 'auth.login', ADMIN);
    const standard = await ok(o.core, admin, 'standard.get', {});
    await ok(o.core, admin, 'standard.update', { ...standard, clockStartsWhen: 'diterima', steps: standard.steps.slice(0, 1) });
    j = await o.act('staf', '2026-11-24T04:00:00.000Z', 'workflow.journey', { id: await o.record('2026-11-24T04:00:00.000Z', []) });
    expect(j).toMatchObject({ status: 'selesai', closedAt: '2026-11-24T04:00:00.000Z', current: null, clockStartedAt: '2026-11-24T04:00:00.000Z' });
    expect(j.steps.map((s) => [s.completedAt, s.completedByName])).toEqual([['2026-11-24T04:00:00.000Z', 'Dewi Staf']]);
  });

  it('applies an edited standard to new complaints only', async () => {
    const o = await office('kejayan', '2026-11-23T02:00:00.000Z');
    const first = await o.record('2026-11-23T02:00:00.000Z');
    const admin = carrier();
    await ok(o.core, admin, 'auth.login', ADMIN);
    const standard = await ok(o.core, admin, 'standard.get', {});
    const bad = await fail(o.core, admin, 'standard.update', { ...standard, steps: standard.steps.map((s) => (s.no === 2 ? { ...s, duration: { amount: 0, unit: 'menit_kerja' } } : s)) });
    expect(bad).toMatchObject({ code: 'validation', field: 'steps.1.duration.amount', message: 'Lama waktu harus lebih dari 0.' });
    await ok(o.core, admin, 'standard.update', { ...standard, steps: standard.steps.map((s) => (s.no === 2 ? { ...s, duration: { amount: 60, unit: 'menit_kerja' } } : s)) });
    const second = await o.record('2026-11-23T02:00:00.000Z');
    const j1 = await o.act('staf', '2026-11-23T02:00:00.000Z', 'workflow.journey', { id: first });
    const j2 = await o.act('staf', '2026-11-23T02:00:00.000Z', 'workflow.journey', { id: second });
    expect([step(j1, 2).dueAt, step(j2, 2).dueAt]).toEqual(['2026-11-23T02:30:00.000Z', '2026-11-23T03:00:00.000Z']);
    expect([j1.standardVersion, j2.standardVersion]).toEqual([1, 2]);
  });

  it('uses the office calendar the admin edits and imports', async () => {
    const o = await office('kejayan', '2026-11-23T02:00:00.000Z');
    const admin = carrier();
    await ok(o.core, admin, 'auth.login', ADMIN);
    const ics = ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20261124', 'DTEND;VALUE=DATE:20261125', 'SUMMARY:Hari Jadi Kabupaten', 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');
    expect(await ok(o.core, admin, 'calendar.importIcs', { text: ics, kind: 'libur_kantor' })).toEqual({ added: 1, skipped: 0, errors: [] });
    expect((await fail(o.core, admin, 'calendar.importIcs', { text: 'bukan kalender' })).message).toMatch(/tidak memuat acara kalender/);
    // More holidays than the calendar holds: refused with what to do, the calendar as it was.
    const many = Array.from({ length: 401 }, (_, i) => ['BEGIN:VEVENT', `DTSTART;VALUE=DATE:${addDaysYmd('2030-01-01', i).replaceAll('-', '')}`, 'SUMMARY:Libur', 'END:VEVENT']).flat();
    const full = await fail(o.core, admin, 'calendar.importIcs', { text: ['BEGIN:VCALENDAR', ...many, 'END:VCALENDAR'].join('\r\n') });
    expect(full).toMatchObject({ code: 'validation', message: expect.stringContaining('paling banyak 400 hari libur') });
    expect((await ok(o.core, admin, 'calendar.get', {})).closures.some((c) => c.date === '2030-01-01')).toBe(false);
    // Mon 23 Nov 15.50 WIB + 30 menit: 10 today, Tuesday closed → Wed 25 Nov 07.50.
    const id = await o.record('2026-11-23T08:50:00.000Z');
    const j = await o.act('staf', '2026-11-23T08:50:00.000Z', 'workflow.journey', { id });
    expect(step(j, 2).dueAt).toBe('2026-11-25T00:50:00.000Z');
    await ok(o.core, admin, 'auth.login', ADMIN);
    const cal = await ok(o.core, admin, 'calendar.get', {});
    const broken = { ...cal, week: { ...cal.week, 1: { open: '16:00', close: '07:30', breaks: [] } } };
    expect((await fail(o.core, admin, 'calendar.update', broken)).message).toBe('Jam tutup hari Senin harus setelah jam buka.');
    // A holiday stored before the years were bounded (an old iCal import) is still read, and
    // a save that keeps it goes through; a date the save brings in outside them is refused.
    const { rowVersion: _, ...stored } = cal;
    writeSetting(o.core.db, 'calendar', { ...stored, closures: [...cal.closures, { date: '1999-12-31', name: 'Libur lama', kind: 'libur_kantor' }] });
    const kept = await ok(o.core, admin, 'calendar.get', {});
    expect(kept.closures.some((c) => c.date === '1999-12-31')).toBe(true);
    await o.record('2026-11-23T08:55:00.000Z');
    const saved = await ok(o.core, admin, 'calendar.update', { ...kept, closures: [...kept.closures, { date: '2026-12-31', name: 'Libur kantor', kind: 'libur_kantor' }] });
    expect(saved.closures.map((c) => c.date)).toEqual(expect.arrayContaining(['1999-12-31', '2026-12-31']));
    const typo = await fail(o.core, admin, 'calendar.update', { ...saved, closures: [...saved.closures, { date: '2206-08-17', name: 'Salah ketik', kind: 'libur_kantor' }] });
    expect(typo).toMatchObject({ code: 'validation', message: 'Tanggal libur 2206-08-17 di luar tahun 2000–2100.' });
  });
});
