import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallInput } from '../../shared/contract';
import { OFFICE_PRESETS } from '../../shared/standards/presets';
import { DB_FILE } from '../../main/core';
import { createUser, makeCore, sampleComplaint, setupOffice, type TestCore, timedCalls } from '../support/core';

// A part one Kasi returned while another Kasi's disposition ran waits for its disposer only
// while the step runs: when the step is completed first, the part lapses, and the history
// and the audit trail say so. Through the real core on a real SQLite file (Kec. Pegantenan:
// step 4 disposisi by the Camat, step 5 tindak lanjut by the Kasi, step 6 the Kasi again).

let t: TestCore | undefined;
afterEach(() => t?.dispose());

const PASSWORD = 'kata-sandi-123';
const USERS = [
  { username: 'staf', role: 'staf', name: 'Dewi Staf', seksi: '' },
  { username: 'agus', role: 'kasi', name: 'Agus Kasi Pelayanan', seksi: 'Seksi Pelayanan' },
  { username: 'sri', role: 'kasi', name: 'Sri Kasi Pemerintahan', seksi: 'Seksi Pemerintahan' },
  { username: 'budi', role: 'kasi', name: 'Budi Kasi Kesejahteraan Sosial', seksi: 'Seksi Kesejahteraan Sosial' },
  { username: 'sekcam', role: 'sekcam', name: 'Bambang Sekcam', seksi: '' },
  { username: 'camat', role: 'camat', name: 'Imam Camat', seksi: '' },
] as const;
type Who = (typeof USERS)[number]['username'];

// Tue 1 Dec 2026 08.00 WIB.
const START = '2026-12-01T01:00:00.000Z';
const DISPOSE: Pick<CallInput<'workflow.dispose'>, 'sifat' | 'instructions' | 'note'> = { sifat: 'segera', instructions: ['proses_lanjut'], note: '' };
const REASON = 'Urusan kesehatan ada di Seksi Kesejahteraan Sosial.';
const LAPSED = 'Bagian yang dikembalikan Sri Kasi Pemerintahan tidak didisposisikan ulang sebelum langkah 5 selesai; bagian itu tidak lagi menunggu disposisi Imam Camat';
const isLapse = (words: string) => words.startsWith('Bagian yang dikembalikan');

async function office() {
  t = makeCore(START, { sweepEveryMs: 0 });
  const { core, clock } = t;
  const admin = await setupOffice(core, 'pegantenan');
  const ids = {} as Record<Who, number>;
  for (const u of USERS) {
    const created = await createUser(core, admin, {
      username: u.username,
      password: PASSWORD,
      user: { name: u.name, nip: '198001012005011001', jabatan: u.role === 'kasi' ? u.name : u.role, pangkat: '', role: u.role, seksi: u.seksi, active: true },
    });
    ids[u.username] = created.id;
  }
  const { act } = timedCalls<Who>(core, clock, PASSWORD);
  // Brought to step 5: verified, recorded, and disposed by the Camat to Agus and Sri; Sri
  // returns hers (Tue 1 Dec 09.20 WIB) while Agus's runs on.
  const preset = OFFICE_PRESETS.find((p) => p.id === 'pegantenan')!;
  const { id } = await act('staf', START, 'complaints.create', sampleComplaint({ kelengkapan: preset.standard.kelengkapanChecklist }));
  await act('sekcam', '2026-12-01T01:30:00.000Z', 'workflow.advance', { id });
  await act('staf', '2026-12-01T01:40:00.000Z', 'workflow.advance', { id });
  const disposed = await act('camat', '2026-12-01T02:00:00.000Z', 'workflow.dispose', { id, to: [ids.agus, ids.sri], ...DISPOSE });
  const sri = disposed.dispositions.find((d) => d.toName === 'Sri Kasi Pemerintahan')!;
  const returned = await act('sri', '2026-12-01T02:20:00.000Z', 'workflow.returnDisposition', { dispositionId: sri.id, reason: REASON });
  expect(returned.dispositions.map((d) => d.returnAwaits)).toEqual([false, true]);
  await act('agus', '2026-12-01T02:30:00.000Z', 'workflow.followUp', { id, kind: 'tindakan', text: 'Peninjauan ke lokasi sudah dilakukan.', attachments: [] });
  const history = async () => (await act('camat', clock.now().toISOString(), 'complaints.get', { id })).events;
  // The complaint's audit rows, as the trail stores them.
  const audit = () => {
    const db = new Database(join(t!.dir, DB_FILE), { readonly: true });
    try {
      return (db.prepare("SELECT action, data FROM audit_log WHERE entity = 'complaint' AND entity_id = ? ORDER BY id").all(id) as { action: string; data: string }[]).map(
        (r) => ({ action: r.action, data: JSON.parse(r.data) as Record<string, unknown> }),
      );
    } finally {
      db.close();
    }
  };
  // The audit trail's verdict: every row chained, every complaint as its last event recorded it.
  const verify = () => act('camat', clock.now().toISOString(), 'audit.verify', {});
  return { core, clock, ids, act, id, sri, history, audit, verify };
}

describe('a returned part that was not disposed again before the step ended', () => {
  it('is recorded in the history and the audit trail, once, when the other Kasi completes the step', async () => {
    const o = await office();
    const j = await o.act('agus', '2026-12-01T04:00:00.000Z', 'workflow.advance', { id: o.id, note: 'Seluruh pengaduan sudah ditangani seksi kami.' });
    expect(j.current).toMatchObject({ stepNo: 6 });
    expect(j.dispositions.every((d) => !d.returnAwaits)).toBe(true);

    const events = await o.history();
    const lapses = events.filter((e) => isLapse(e.action));
    expect(lapses).toEqual([{ at: '2026-12-01T04:00:00.000Z', actorName: 'Agus Kasi Pelayanan', action: LAPSED, status: null, note: `Alasan pengembalian: ${REASON}` }]);
    // Right before the step's own completion, at the same moment.
    const at = events.findIndex((e) => isLapse(e.action));
    expect(events[at + 1]!.action).toMatch(/^Langkah 5 selesai: /);
    const trail = o.audit().filter((r) => r.action === 'disposition.return_lapsed');
    expect(trail).toHaveLength(1);
    expect(trail[0]!.data).toMatchObject({ step: 5, dispositions: [o.sri.id] });
    expect(await o.verify()).toMatchObject({ ok: true, complaints: { changed: [] } });

    // Agus may still undo the completion (nothing was recorded after it): the part waits again…
    let undone = await o.act('agus', '2026-12-01T04:10:00.000Z', 'workflow.undoStep', { id: o.id });
    expect(undone.current).toMatchObject({ stepNo: 5 });
    expect(undone.dispositions.map((d) => d.returnAwaits)).toEqual([false, true]);
    expect((await o.history()).at(-1)!.action).toMatch(/; bagian yang dikembalikan Sri Kasi Pemerintahan kembali menunggu disposisi ulang$/);
    // …and lapses again, recorded again, when the step is completed again.
    undone = await o.act('agus', '2026-12-01T04:20:00.000Z', 'workflow.advance', { id: o.id });
    expect(undone.current).toMatchObject({ stepNo: 6 });
    expect((await o.history()).filter((e) => isLapse(e.action)).map((e) => e.at)).toEqual(['2026-12-01T04:00:00.000Z', '2026-12-01T04:20:00.000Z']);
  });

  it('is recorded when the Camat takes the step over, and not again at the next step', async () => {
    const o = await office();
    await o.act('camat', '2026-12-01T04:00:00.000Z', 'workflow.takeOver', { id: o.id, reason: 'Agus sedang dinas luar.' });
    await o.act('agus', '2026-12-01T05:00:00.000Z', 'workflow.advance', { id: o.id });
    const events = await o.history();
    expect(events.filter((e) => isLapse(e.action)).map((e) => [e.actorName, e.action])).toEqual([['Imam Camat', LAPSED]]);
    const at = events.findIndex((e) => isLapse(e.action));
    expect(events[at + 1]!.action).toMatch(/^Langkah 5 diambil alih dan diselesaikan: /);
  });

  it('is not recorded when the disposer disposed the part again before the step was completed', async () => {
    const o = await office();
    await o.act('camat', '2026-12-01T03:00:00.000Z', 'workflow.dispose', { id: o.id, to: [o.ids.budi], ...DISPOSE });
    const j = await o.act('agus', '2026-12-01T04:00:00.000Z', 'workflow.advance', { id: o.id });
    expect(j.current).toMatchObject({ stepNo: 6 });
    const events = await o.history();
    expect(events.some((e) => isLapse(e.action))).toBe(false);
    expect(events.some((e) => e.action.startsWith('Disposisi tambahan kepada Budi Kasi Kesejahteraan Sosial untuk bagian yang dikembalikan Sri Kasi Pemerintahan'))).toBe(true);
    expect(o.audit().some((r) => r.action === 'disposition.return_lapsed')).toBe(false);
  });
});
