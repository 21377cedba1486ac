import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallInput, CallName } from '../../shared/contract';
import { OFFICE_PRESETS } from '../../shared/standards/presets';
import { DB_FILE } from '../../main/core';
import { checkComplaints, complaintStateHash } from '../../main/core/complaints/events';
import { carrier, createUser, makeCore, ok, sampleComplaint, setupOffice, type TestCore } from '../support/core';
import { signaturePng } from './paper';

// Every history row of a complaint comes with its audit row, and that row carries the
// hash of the complaint's record as the change left it: a record edited outside the
// app no longer matches.

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

async function office(presetId: string, startIso: string) {
  t = makeCore(startIso, { sweepEveryMs: 0 });
  const { core, clock } = t;
  const admin = await setupOffice(core, presetId);
  const ids: Record<string, number> = {};
  for (const u of USERS) {
    const created = await createUser(core, admin, {
      username: u.username,
      password: PASSWORD,
      user: { name: u.name, nip: '198001012005011001', jabatan: u.name, pangkat: '', role: u.role, seksi: u.role === 'kasi' ? 'Seksi Pelayanan' : '', active: true },
    });
    ids[u.username] = created.id;
  }
  const act = async <K extends CallName>(who: Who, atIso: string, name: K, input: CallInput<K>) => {
    clock.set(atIso);
    const s = carrier();
    await ok(core, s, 'auth.login', { username: who, password: PASSWORD });
    return ok(core, s, name, input);
  };
  const record = async (atIso: string, kelengkapan?: string[]) => {
    const preset = OFFICE_PRESETS.find((p) => p.id === presetId)!;
    return (await act('staf', atIso, 'complaints.create', sampleComplaint({ kelengkapan: kelengkapan ?? preset.standard.kelengkapanChecklist }))).id;
  };
  await act('camat', startIso, 'auth.setSignature', { image: signaturePng() });
  return { core, db: core.db, ids, act, record };
}

interface Linked {
  eventId: number;
  complaintId: number;
  eventAt: string;
  auditComplaint: number | null;
  auditAt: string | null;
  auditEntity: string | null;
  state: string | null;
  links: number;
}

// Each history row beside the audit rows that name it.
const linked = (db: TestCore['core']['db']) =>
  db
    .prepare(
      `SELECT e.id AS eventId, e.complaint_id AS complaintId, e.at AS eventAt, a.entity_id AS auditComplaint, a.at AS auditAt,
              a.entity AS auditEntity, json_extract(a.data, '$.state') AS state,
              (SELECT count(*) FROM audit_log x WHERE json_extract(x.data, '$.event') = e.id) AS links
       FROM complaint_events e LEFT JOIN audit_log a ON json_extract(a.data, '$.event') = e.id ORDER BY e.id`,
    )
    .all() as Linked[];

const expectEveryEventAudited = (db: TestCore['core']['db']) => {
  const rows = linked(db);
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) {
    expect(r).toMatchObject({ auditEntity: 'complaint', auditComplaint: r.complaintId, auditAt: r.eventAt, links: 1, state: expect.stringMatching(/^[0-9a-f]{64}$/) });
  }
  return rows;
};

// The newest audit row of a complaint that carries a state.
const lastState = (db: TestCore['core']['db'], id: number) =>
  db
    .prepare(
      "SELECT action, actor_id AS actorId, json_extract(data, '$.state') AS state FROM audit_log WHERE entity = 'complaint' AND entity_id = ? AND json_extract(data, '$.state') IS NOT NULL ORDER BY id DESC LIMIT 1",
    )
    .get(id) as { action: string; actorId: number | null; state: string };

describe('complaint history and the audit chain', () => {
  it('audits every event of a full paper trail and finds a record edited with SQL', async () => {
    // Pegantenan: disposition, opening, follow-up, draft, return, revision, paraf, signing, archive, delivery.
    const o = await office('pegantenan', '2026-08-14T02:00:00.000Z');
    const id = await o.record('2026-08-14T02:00:00.000Z');
    const go = (who: Who, atIso: string) => o.act(who, atIso, 'workflow.advance', { id });
    await go('sekcam', '2026-08-18T03:00:00.000Z');
    await go('staf', '2026-08-18T03:10:00.000Z');
    await o.act('camat', '2026-08-19T01:00:00.000Z', 'workflow.dispose', { id, to: [o.ids.kasi2!], sifat: 'biasa', instructions: ['proses_lanjut'] });
    await o.act('kasi2', '2026-08-20T06:40:00.000Z', 'workflow.journey', { id });
    await o.act('kasi2', '2026-08-20T06:50:00.000Z', 'workflow.followUp', { id, kind: 'klarifikasi', text: 'Klarifikasi ke kantor desa.', attachments: [] });
    await go('kasi2', '2026-08-20T07:00:00.000Z');
    await go('kasi2', '2026-08-20T07:05:00.000Z');
    const draft = await o.act('staf', '2026-08-20T07:10:00.000Z', 'documents.draft', { complaintId: id, kind: 'surat_tanggapan', outcome: 'ditindaklanjuti' });
    await go('staf', '2026-08-20T07:10:00.000Z');
    const returned = await o.act('sekcam', '2026-08-21T01:00:00.000Z', 'documents.return', { id: draft.id, reason: 'Tambahkan tanggal penambalan.' });
    const v2 = await o.act('staf', '2026-08-21T01:30:00.000Z', 'documents.revise', {
      id: draft.id,
      rowVersion: returned.rowVersion,
      content: { hal: 'Tanggapan atas pengaduan jalan rusak', sifat: 'biasa', lampiran: '-', body: ['Jalan telah ditambal.'], tembusan: [], satisfaction: null },
    });
    // The return took it back to step 7, the Staf's drafting, which he completes again.
    await go('staf', '2026-08-21T01:35:00.000Z');
    await o.act('sekcam', '2026-08-21T02:00:00.000Z', 'documents.paraf', { id: v2.id });
    await o.act('staf', '2026-08-21T02:05:00.000Z', 'documents.paraf', { id: v2.id });
    await o.act('camat', '2026-08-24T03:00:00.000Z', 'documents.sign', { id: v2.id, password: PASSWORD });
    await o.act('staf', '2026-08-24T03:05:00.000Z', 'documents.archive', { complaintId: id, location: 'Ordner Pengaduan 2026' });
    const j = await o.act('staf', '2026-08-24T03:10:00.000Z', 'documents.deliver', {
      complaintId: id,
      channel: 'langsung',
      deliveredAt: '2026-08-24T10:10',
      recipient: 'Siti Aminah',
      note: '',
      proof: [],
    });
    expect(j.status).toBe('selesai');
    const other = await o.record('2026-08-24T04:00:00.000Z');

    const rows = expectEveryEventAudited(o.db);
    const actions = (
      o.db.prepare("SELECT action FROM audit_log WHERE json_extract(data, '$.event') IS NOT NULL AND entity_id = ? ORDER BY id").all(id) as { action: string }[]
    ).map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining(['complaint.received', 'disposition.created', 'disposition.opened', 'complaint.follow_up', 'document.drafted', 'document.returned', 'document.revised', 'document.paraf', 'document.signed', 'complaint.archived']),
    );
    expect(rows.filter((r) => r.complaintId === id)).toHaveLength(actions.length);
    // The state of the last event is the record as it stands.
    expect(lastState(o.db, id).state).toBe(complaintStateHash(o.db, id));
    expect(checkComplaints(o.db)).toEqual({ checked: 2, changed: [] });

    const registerNo = (cid: number) => (o.db.prepare('SELECT register_no AS r FROM complaints WHERE id = ?').get(cid) as { r: string }).r;
    o.db.prepare("UPDATE complaints SET subject = 'Diubah di luar aplikasi' WHERE id = ?").run(id);
    expect(checkComplaints(o.db)).toEqual({ checked: 2, changed: [{ id, registerNo: registerNo(id) }] });
    o.db.prepare("UPDATE complaints SET status = 'selesai' WHERE id = ?").run(other);
    expect(checkComplaints(o.db).changed.map((c) => c.id)).toEqual([id, other]);
    // Put back as it was, the record matches again.
    o.db.prepare("UPDATE complaints SET status = 'diterima' WHERE id = ?").run(other);
    expect(checkComplaints(o.db).changed.map((c) => c.id)).toEqual([id]);

    // A complaint slipped into the table without the app has no audit row at all.
    const forged = Number(
      o.db
        .prepare(
          `INSERT INTO complaints (register_no, year, seq, received_at, kind, channel, category, reporter_name, subject, description, status, received_by, created_at, updated_at)
           VALUES ('999/PGD/2026', 2026, 999, '2026-08-24T05:00:00.000Z', 'pengaduan', 'langsung', 'lainnya', 'X', 'Palsu', 'Palsu', 'selesai', ?, '2026-08-24T05:00:00.000Z', '2026-08-24T05:00:00.000Z')`,
        )
        .run(o.ids.staf!).lastInsertRowid,
    );
    expect(checkComplaints(o.db)).toEqual({ checked: 3, changed: [{ id, registerNo: registerNo(id) }, { id: forged, registerNo: '999/PGD/2026' }] });
  });

  it('keeps reporting a record edited outside the app after the next event starts from it', async () => {
    const o = await office('kejayan', '2026-11-24T02:00:00.000Z');
    const id = await o.record('2026-11-24T02:30:00.000Z');
    // Another program, on its own connection, changes the record.
    const raw = new Database(join(t!.dir, DB_FILE));
    raw.prepare("UPDATE complaints SET subject = 'Diubah di luar aplikasi' WHERE id = ?").run(id);
    raw.close();
    await o.act('camat', '2026-11-24T03:00:00.000Z', 'workflow.dispose', { id, to: [o.ids.kasi1!], sifat: 'biasa', instructions: ['proses_lanjut'] });
    expect(lastState(o.db, id).state).toBe(complaintStateHash(o.db, id));
    const found = o.db.prepare("SELECT actor_id AS actorId FROM audit_log WHERE action = 'complaint.changed_outside' AND entity_id = ?").all(id);
    expect(found).toEqual([{ actorId: null }]);
    expect(checkComplaints(o.db).changed.map((c) => c.id)).toEqual([id]);
  });

  it('records the state through pauses, returns, withdrawals, exits, escalation and automatic withdrawal', async () => {
    const o = await office('kejayan', '2026-11-23T02:00:00.000Z'); // Mon 23 Nov 09.00 WIB
    // Paused, a letter drafted for the reporter, resumed.
    const paused = await o.record('2026-11-23T02:00:00.000Z', []);
    await o.act('staf', '2026-11-23T02:01:00.000Z', 'workflow.exit', { id: paused, exit: 'tidak_lengkap', note: 'KTP belum dilampirkan.' });
    await o.act('staf', '2026-11-23T02:02:00.000Z', 'workflow.resume', { id: paused, note: 'KTP diserahkan.' });
    // Disposed, opened and returned; disposed and withdrawn; disposed again and left to escalate.
    const late = await o.record('2026-11-23T02:00:00.000Z');
    let j = await o.act('staf', '2026-11-23T02:05:00.000Z', 'workflow.dispose', { id: late, to: [o.ids.kasi1!], sifat: 'biasa', instructions: ['proses_lanjut'] });
    await o.act('kasi1', '2026-11-23T02:06:00.000Z', 'workflow.journey', { id: late });
    await o.act('kasi1', '2026-11-23T02:07:00.000Z', 'workflow.returnDisposition', { dispositionId: j.dispositions[0]!.id, reason: 'Bukan bidang kami.' });
    j = await o.act('staf', '2026-11-23T02:08:00.000Z', 'workflow.dispose', { id: late, to: [o.ids.kasi2!], sifat: 'biasa', instructions: ['proses_lanjut'] });
    await o.act('staf', '2026-11-23T02:09:00.000Z', 'workflow.withdrawDisposition', { dispositionId: j.dispositions[1]!.id });
    await o.act('staf', '2026-11-23T02:10:00.000Z', 'workflow.dispose', { id: late, to: [o.ids.kasi1!], sifat: 'biasa', instructions: ['proses_lanjut'] });
    // Forwarded elsewhere (with its letter), and one left incomplete for the sweep to withdraw.
    const forwarded = await o.record('2026-11-23T03:00:00.000Z');
    await o.act('camat', '2026-11-23T03:01:00.000Z', 'workflow.exit', { id: forwarded, exit: 'bukan_kewenangan', note: 'Urusan air bersih.', forwardTo: 'Perumda Air Minum' });
    const abandoned = await o.record('2026-11-23T03:00:00.000Z', []);
    await o.act('staf', '2026-11-23T03:05:00.000Z', 'workflow.exit', { id: abandoned, exit: 'tidak_lengkap', note: 'Surat pengaduan belum ada.' });
    expect(checkComplaints(o.db)).toEqual({ checked: 4, changed: [] });

    // A day later the sweep escalates the Kasi's step.
    await o.act('staf', '2026-11-24T02:11:00.000Z', 'tasks.mine', {});
    expect(lastState(o.db, late)).toMatchObject({ action: 'complaint.escalated', actorId: null, state: complaintStateHash(o.db, late) });
    // 10 hari kerja later it withdraws the file never completed.
    await o.act('staf', '2026-12-07T03:06:00.000Z', 'tasks.mine', {});
    expect((o.db.prepare('SELECT status FROM complaints WHERE id = ?').get(abandoned) as { status: string }).status).toBe('dicabut');
    expect(lastState(o.db, abandoned)).toMatchObject({ action: 'complaint.dicabut', actorId: null, state: complaintStateHash(o.db, abandoned) });

    const rows = expectEveryEventAudited(o.db);
    expect(new Set(rows.map((r) => r.complaintId))).toEqual(new Set([paused, late, forwarded, abandoned]));
    expect(checkComplaints(o.db)).toEqual({ checked: 4, changed: [] });
    o.db.prepare("UPDATE complaints SET escalated = 0, acting = 'kasi' WHERE id = ?").run(late);
    expect(checkComplaints(o.db).changed.map((c) => c.id)).toEqual([late]);
  });
});
