import { afterEach, describe, expect, it } from 'vitest';
import { OFFICE_PRESETS } from '../../shared/standards/presets';
import { checkComplaints } from '../../main/core/complaints/events';
import { createUser, makeCore, sampleComplaint, setupOffice, type TestCore, timedCalls } from '../support/core';

// No step completed by accident: someone other than the step's executor completes it
// only by taking it over with a reason; whoever completed a step may undo it until
// anything else happens on the complaint, and the clock comes back exactly as it was.

let t: TestCore | undefined;
afterEach(() => t?.dispose());

const PASSWORD = 'kata-sandi-123';
const USERS = [
  { username: 'staf', role: 'staf', name: 'Dewi Staf' },
  { username: 'kasi1', role: 'kasi', name: 'Agus Kasi Pelayanan' },
  { username: 'kasi2', role: 'kasi', name: 'Sri Kasi Pemerintahan' },
  { username: 'sekcam', role: 'sekcam', name: 'Bambang Sekcam' },
  { username: 'camat', role: 'camat', name: 'Imam Camat' },
] as const;
type Who = (typeof USERS)[number]['username'];

// Kejayan: step 2 the Staf passes the complaint to a Kasi (disposition), step 3 the Kasi
// answers (1 hari), step 4 the Camat.
async function office() {
  t = makeCore('2026-11-23T02:00:00.000Z', { sweepEveryMs: 0 }); // Mon 23 Nov 09.00 WIB
  const { core, clock } = t;
  const admin = await setupOffice(core, 'kejayan');
  const ids: Record<string, number> = {};
  for (const u of USERS) {
    const created = await createUser(core, admin, {
      username: u.username,
      password: PASSWORD,
      user: { name: u.name, nip: '198001012005011001', jabatan: u.name, pangkat: '', role: u.role, seksi: u.role === 'kasi' ? 'Seksi Pelayanan' : '', active: true },
    });
    ids[u.username] = created.id;
  }
  const { act, refuse } = timedCalls<Who>(core, clock, PASSWORD);
  // Received at 09.30 and passed to Kasi Pelayanan at 10.00: step 3 runs.
  const atKasi = async () => {
    const preset = OFFICE_PRESETS.find((p) => p.id === 'kejayan')!;
    const { id } = await act('staf', '2026-11-23T02:30:00.000Z', 'complaints.create', sampleComplaint({ kelengkapan: preset.standard.kelengkapanChecklist }));
    await act('staf', '2026-11-23T03:00:00.000Z', 'workflow.dispose', { id, to: [ids.kasi1!], sifat: 'biasa', instructions: ['proses_lanjut'], note: '' });
    return id;
  };
  return { db: core.db, ids, act, refuse, atKasi };
}

type O = Awaited<ReturnType<typeof office>>;

// The complaint's clock as stored, and what else the step left on the row.
const clockOf = (o: O, id: number) =>
  o.db
    .prepare('SELECT step_no, step_started_at, step_due_at, due_at, clock_started_at, status, acting, acting_alt, escalate_to, escalated, closed_at FROM complaints WHERE id = ?')
    .get(id);

const history = (o: O, id: number) =>
  o.db
    .prepare(
      `SELECT e.action AS words, e.note, a.action FROM complaint_events e
       JOIN audit_log a ON a.entity = 'complaint' AND a.entity_id = e.complaint_id AND json_extract(a.data, '$.event') = e.id
       WHERE e.complaint_id = ? ORDER BY e.id`,
    )
    .all(id) as { words: string; note: string; action: string }[];

describe('Taking over a step', () => {
  it('lets the Camat complete the Kasi’s step only by taking it over with a reason, recorded', async () => {
    const o = await office();
    const id = await o.atKasi();
    let j = await o.act('camat', '2026-11-23T03:30:00.000Z', 'workflow.journey', { id });
    expect(j.actions).toContain('takeOver');
    expect(j.actions).not.toContain('advance');
    expect(j.waitingFor).toEqual({ who: 'Agus Kasi Pelayanan', why: 'Langkah 3 (tindak lanjut) dikerjakan oleh Kasi yang menerima disposisi.' });

    // The plain completion is refused with what to do instead; a take-over needs its reason.
    const plain = await o.refuse('camat', '2026-11-23T03:30:00.000Z', 'workflow.advance', { id, note: '' });
    expect(plain).toMatchObject({ code: 'conflict', message: expect.stringMatching(/ambil alih langkah ini dan tuliskan alasannya/) });
    const noReason = await o.refuse('camat', '2026-11-23T03:30:00.000Z', 'workflow.takeOver', { id, reason: '' });
    expect(noReason).toMatchObject({ code: 'validation', fields: { reason: expect.stringMatching(/alasan/i) } });

    j = await o.act('camat', '2026-11-23T03:30:00.000Z', 'workflow.takeOver', { id, reason: 'Kasi cuti, warga menunggu jawaban hari ini.' });
    expect(j.current?.stepNo).toBe(4);
    expect(j.steps[2]).toMatchObject({ completedByName: 'Imam Camat', note: 'Diambil alih: Kasi cuti, warga menunggu jawaban hari ini.' });
    expect(history(o, id).at(-1)).toEqual({
      words: 'Langkah 3 diambil alih dan diselesaikan: Memberikan solusi dan tanggapan pengaduan dari pemohon, jika belum ada solusi dan tanggapan, bisa diteruskan ke Camat',
      note: 'Kasi cuti, warga menunggu jawaban hari ini.',
      action: 'complaint.taken_over',
    });
    // Step 4 is the Camat's own: completed the normal way, no take-over.
    expect(j.actions).toContain('advance');
    expect(j.waitingFor).toBeNull();
    expect(checkComplaints(o.db).changed).toEqual([]);
  });

  it('lets the executor complete normally and refuses a take-over by them', async () => {
    const o = await office();
    const id = await o.atKasi();
    let j = await o.act('kasi1', '2026-11-23T04:00:00.000Z', 'workflow.journey', { id });
    expect(j.actions).toContain('advance');
    expect(j.actions).not.toContain('takeOver');
    expect(j.waitingFor).toBeNull();
    expect((await o.refuse('kasi1', '2026-11-23T04:00:00.000Z', 'workflow.takeOver', { id, reason: 'Coba ambil alih' })).message).toMatch(/Anda pelaksana langkah 3/);
    j = await o.act('kasi1', '2026-11-23T04:00:00.000Z', 'workflow.advance', { id, note: 'Sudah dikoordinasikan dengan desa.' });
    expect(j.current?.stepNo).toBe(4);
    expect(history(o, id).at(-1)?.action).toBe('complaint.step_completed');
  });

  it('refuses a Kasi the complaint was not disposed to', async () => {
    const o = await office();
    const id = await o.atKasi();
    for (const [name, input] of [
      ['workflow.takeOver', { id, reason: 'Saya yang menangani' }],
      ['workflow.undoStep', { id }],
    ] as const) {
      expect(await o.refuse('kasi2', '2026-11-23T04:00:00.000Z', name, input)).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/tidak didisposisikan kepada Anda/) });
    }
  });

  it('tells the Sekcam on Kejayan step 2 who disposes and why', async () => {
    const o = await office();
    const preset = OFFICE_PRESETS.find((p) => p.id === 'kejayan')!;
    const { id } = await o.act('staf', '2026-11-23T02:30:00.000Z', 'complaints.create', sampleComplaint({ kelengkapan: preset.standard.kelengkapanChecklist }));
    const j = await o.act('sekcam', '2026-11-23T02:40:00.000Z', 'workflow.journey', { id });
    expect(j.actions).not.toContain('dispose');
    expect(j.waitingFor).toEqual({ who: 'Staf (Petugas Pengaduan)', why: 'Menurut Standar Pelayanan, langkah 2 (disposisi) dikerjakan oleh Staf (Petugas Pengaduan).' });
  });
});

describe('Undoing a completed step', () => {
  it('restores the step and the clock exactly for the one who completed it, and records it', async () => {
    const o = await office();
    const id = await o.atKasi();
    const before = clockOf(o, id);
    let j = await o.act('kasi1', '2026-11-23T04:00:00.000Z', 'workflow.advance', { id, note: 'Sudah dijawab.' });
    expect(j.undo).toEqual({ stepNo: 3, completedAt: '2026-11-23T04:00:00.000Z' });
    expect(clockOf(o, id)).not.toEqual(before);

    // Somebody else may not undo it, and is not offered to.
    expect((await o.act('camat', '2026-11-23T04:10:00.000Z', 'workflow.journey', { id })).undo).toBeNull();
    expect(await o.refuse('camat', '2026-11-23T04:10:00.000Z', 'workflow.undoStep', { id })).toMatchObject({
      code: 'forbidden',
      message: 'Penyelesaian langkah 3 hanya dapat dibatalkan oleh orang yang menyelesaikannya.',
    });

    // Two hours later the step is back as it was: same start, same due, the same 1 hari.
    j = await o.act('kasi1', '2026-11-23T06:00:00.000Z', 'workflow.undoStep', { id });
    expect(clockOf(o, id)).toEqual(before);
    expect(j.current).toMatchObject({ stepNo: 3, dueAt: '2026-11-24T03:00:00.000Z' });
    expect(j.steps[2]).toMatchObject({ completedAt: null, completedByName: '', note: '' });
    expect(j.steps[3]).toMatchObject({ startedAt: null, dueAt: null });
    expect(j.undo).toBeNull();
    expect(j.actions).toContain('advance');
    expect(history(o, id).slice(-2).map((h) => h.action)).toEqual(['complaint.step_completed', 'complaint.step_undone']);
    expect(history(o, id).at(-1)?.words).toMatch(/^Penyelesaian langkah 3 dibatalkan/);
    expect(checkComplaints(o.db).changed).toEqual([]);
    // What completed before it (the disposition) is not undone from here.
    expect((await o.refuse('kasi1', '2026-11-23T06:05:00.000Z', 'workflow.undoStep', { id })).message).toMatch(/Langkah 2 diselesaikan dengan dokumennya/);
  });

  it('lets the Camat undo his own take-over', async () => {
    const o = await office();
    const id = await o.atKasi();
    const before = clockOf(o, id);
    await o.act('camat', '2026-11-23T03:30:00.000Z', 'workflow.takeOver', { id, reason: 'Kasi sedang dinas luar.' });
    const j = await o.act('camat', '2026-11-23T03:35:00.000Z', 'workflow.undoStep', { id });
    expect(clockOf(o, id)).toEqual(before);
    expect(j.actions).toContain('takeOver');
  });

  it('refuses once the next step has started, saying by whom and when', async () => {
    const o = await office();
    const id = await o.atKasi();
    await o.act('kasi1', '2026-11-23T04:00:00.000Z', 'workflow.advance', { id, note: '' });
    await o.act('camat', '2026-11-23T05:00:00.000Z', 'workflow.followUp', { id, kind: 'klarifikasi', text: 'Sudah saya telepon kepala desa.', attachments: [] });
    expect((await o.act('kasi1', '2026-11-23T05:10:00.000Z', 'workflow.journey', { id })).undo).toBeNull();
    expect(await o.refuse('kasi1', '2026-11-23T05:10:00.000Z', 'workflow.undoStep', { id })).toEqual({
      code: 'conflict',
      message: 'Langkah berikutnya sudah dimulai oleh Imam Camat pada 23 November 2026 pukul 12.00 WIB; tidak dapat dibatalkan.',
    });
  });

  it('does not undo a step completed by its document (here the disposition)', async () => {
    const o = await office();
    const id = await o.atKasi();
    expect((await o.refuse('staf', '2026-11-23T03:05:00.000Z', 'workflow.undoStep', { id })).message).toMatch(/diselesaikan dengan dokumennya/);
  });
});

// Two desks on one complaint: a page loaded before the other desk completed the step still
// offers that step. What it sends names the step it shows, and the core acts only on that one.
describe('A page that shows a step since completed elsewhere', () => {
  it('does not complete or take over the step now running instead', async () => {
    const o = await office();
    const id = await o.atKasi();
    // The Camat's page shows step 3 (his to take over); the Kasi completes it meanwhile.
    await o.act('kasi1', '2026-11-23T04:00:00.000Z', 'workflow.advance', { id, step: 3, note: 'Sudah dikoordinasikan.' });
    const stale = 'Langkah 3 yang Anda lihat tidak berjalan lagi: pengaduan ini kini pada langkah 4 (Memberikan solusi dan tanggapan lanjutan pengaduan dari pemohon, jika belum menemukan tanggapan dari Kasi), terakhir diubah oleh Agus Kasi Pelayanan pada 23 November 2026 pukul 11.00 WIB. Periksa keadaannya sekarang sebelum bertindak.';
    expect(await o.refuse('camat', '2026-11-23T04:05:00.000Z', 'workflow.takeOver', { id, step: 3, reason: 'Kasi sedang dinas luar.' })).toEqual({ code: 'conflict', field: 'step', message: stale });
    // Step 4 is the Camat's own: still not completed from a page that showed step 3.
    expect(await o.refuse('camat', '2026-11-23T04:05:00.000Z', 'workflow.advance', { id, step: 3, note: 'Catatan untuk langkah 3' })).toEqual({ code: 'conflict', field: 'step', message: stale });
    let j = await o.act('camat', '2026-11-23T04:06:00.000Z', 'workflow.journey', { id });
    expect(j.current?.stepNo).toBe(4);
    expect(j.steps[3]?.completedAt).toBeNull();
    expect(history(o, id).map((h) => h.note)).not.toContain('Catatan untuk langkah 3');
    // From a page showing step 4, it completes.
    j = await o.act('camat', '2026-11-23T04:10:00.000Z', 'workflow.advance', { id, step: 4, note: '' });
    expect(j.current?.stepNo).toBe(5);
  });

  it('does not close or dispose from a page that shows the step before', async () => {
    const o = await office();
    // The Camat's page shows step 2 (disposition); the Staf disposes meanwhile.
    const id = await o.atKasi();
    const stale = (what: string) => ({
      code: 'conflict',
      field: 'step',
      message: `Langkah 2 yang Anda lihat tidak berjalan lagi: pengaduan ini ${what}, terakhir diubah oleh Dewi Staf pada 23 November 2026 pukul 10.00 WIB. Periksa keadaannya sekarang sebelum bertindak.`,
    });
    const now = 'kini pada langkah 3 (Memberikan solusi dan tanggapan pengaduan dari pemohon, jika belum ada solusi dan tanggapan, bisa diteruskan ke Camat)';
    expect(await o.refuse('camat', '2026-11-23T03:05:00.000Z', 'workflow.exit', { id, step: 2, exit: 'ditolak', note: 'Bukan pengaduan pelayanan.', forwardTo: '' })).toEqual(stale(now));
    expect(await o.refuse('camat', '2026-11-23T03:05:00.000Z', 'workflow.dispose', { id, step: 2, to: [o.ids.kasi2!], sifat: 'segera', instructions: ['proses_lanjut'] })).toEqual(stale(now));
    const j = await o.act('camat', '2026-11-23T03:06:00.000Z', 'workflow.journey', { id });
    expect(j.status).toBe('didisposisi');
    expect(j.dispositions.map((d) => d.toName)).toEqual(['Agus Kasi Pelayanan']);
    // From a page showing step 3, the refusal goes through.
    expect((await o.act('camat', '2026-11-23T03:07:00.000Z', 'workflow.exit', { id, step: 3, exit: 'ditolak', note: 'Bukan pengaduan pelayanan.', forwardTo: '' })).status).toBe('ditolak');
  });

  it('does not undo a later completion than the one the page offered to undo', async () => {
    const o = await office();
    const id = await o.atKasi();
    await o.act('camat', '2026-11-23T03:30:00.000Z', 'workflow.takeOver', { id, step: 3, reason: 'Kasi sedang dinas luar.' });
    // A second tab, still showing "Batalkan penyelesaian langkah 3", while step 4 was completed in the first.
    await o.act('camat', '2026-11-23T03:40:00.000Z', 'workflow.advance', { id, step: 4, note: '' });
    expect(await o.refuse('camat', '2026-11-23T03:45:00.000Z', 'workflow.undoStep', { id, step: 3 })).toEqual({
      code: 'conflict',
      field: 'step',
      message:
        'Penyelesaian langkah 3 tidak dapat dibatalkan lagi: sesudahnya langkah 4 (Memberikan solusi dan tanggapan lanjutan pengaduan dari pemohon, jika belum menemukan tanggapan dari Kasi) sudah diselesaikan. Periksa keadaan pengaduan sekarang.',
    });
    expect((await o.act('camat', '2026-11-23T03:46:00.000Z', 'workflow.journey', { id })).current?.stepNo).toBe(5);
    const j = await o.act('camat', '2026-11-23T03:47:00.000Z', 'workflow.undoStep', { id, step: 4 });
    expect(j.current?.stepNo).toBe(4);
  });
});
