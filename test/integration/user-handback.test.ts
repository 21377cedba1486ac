import { afterEach, describe, expect, it } from 'vitest';
import type { TestCore } from '../support/core';
import { paperOffice, type Office } from './paper';

// A Kasi who leaves (mutasi) or changes role: the dispositions still his to work on go
// back to whoever disposed them, as if he had returned them, so none stalls behind an
// account nobody can sign in to. Through the real core on a real SQLite file.

let t: TestCore | undefined;
afterEach(() => t?.dispose());
// Tue 24 Nov 2026 09.00 WIB, Pegantenan: step 4 is the Camat's disposition, 5 and 6 the Kasi's.
const office = () => paperOffice('pegantenan', '2026-11-24T02:00:00.000Z', (core) => (t = core));

async function disposed(o: Office, to: ('kasi1' | 'kasi2')[]) {
  const id = await o.record();
  await o.act('sekcam', 'workflow.advance', { id });
  await o.act('staf', 'workflow.advance', { id });
  o.later(5);
  await o.act('camat', 'workflow.dispose', { id, to: to.map((k) => o.ids[k]!), sifat: 'biasa', instructions: ['proses_lanjut'] });
  return id;
}

async function switchOff(o: Office, who: 'kasi1' | 'kasi2', change: { active?: boolean; role?: 'staf' } = { active: false }) {
  const u = (await o.act('admin', 'users.list', {})).find((x) => x.username === who)!;
  o.later(5);
  await o.act('admin', 'users.update', { id: u.id, rowVersion: u.rowVersion, user: { name: u.name, nip: u.nip, jabatan: u.jabatan, pangkat: u.pangkat, role: u.role, seksi: u.seksi, active: u.active, ...change } });
}

describe('a Kasi whose account is switched off', () => {
  it('gives his only disposition back: the complaint returns to the Camat to dispose again', async () => {
    const o = await office();
    const id = await disposed(o, ['kasi1']);
    expect((await o.journey(id)).current?.stepNo).toBe(5);
    // The Admin's list says what the switch would hand back, so the dialog asks first.
    const open = async () => Object.fromEntries((await o.act('admin', 'users.list', {})).map((u) => [u.username, u.openDispositions]));
    expect(await open()).toMatchObject({ kasi1: 1, kasi2: 0, camat: 0 });
    await switchOff(o, 'kasi1');
    expect(await open()).toMatchObject({ kasi1: 0 });

    const j = await o.journey(id, 'camat');
    expect(j.current?.stepNo).toBe(4);
    expect(j.dispositions).toEqual([expect.objectContaining({ toId: o.ids.kasi1, state: 'dikembalikan', returnReason: expect.stringContaining('Akun Agus Salim dinonaktifkan') })]);
    expect(j.actions).toContain('dispose');
    expect((await o.act('camat', 'tasks.mine', {})).map((x) => x.complaintId)).toContain(id);
    const events = (await o.act('camat', 'complaints.get', { id })).events;
    expect(events.at(-1)).toMatchObject({ actorName: expect.any(String), note: expect.stringContaining('perlu didisposisikan kepada Kasi lain') });
    expect(events.map((e) => e.action).at(-1)).toContain('Disposisi kepada Agus Salim dikembalikan kepada pemberi disposisi karena akunnya tidak lagi aktif sebagai Kasi');

    // Sent to the other Kasi, it runs on.
    await o.act('camat', 'workflow.dispose', { id, to: [o.ids.kasi2!], sifat: 'biasa', instructions: ['proses_lanjut'] });
    expect((await o.journey(id, 'kasi2')).current?.stepNo).toBe(5);
  });

  it('gives back only his part when another Kasi works on the same complaint, also when he only changes role', async () => {
    const o = await office();
    const id = await disposed(o, ['kasi1', 'kasi2']);
    await switchOff(o, 'kasi2', { role: 'staf' });
    const j = await o.journey(id, 'camat');
    expect(j.current?.stepNo).toBe(5);
    expect(j.dispositions.map((d) => [d.toId, d.state])).toEqual([
      [o.ids.kasi1, 'aktif'],
      [o.ids.kasi2, 'dikembalikan'],
    ]);
    // The Camat is asked to send that part elsewhere.
    expect(j.actions).toContain('dispose');
  });

  it('leaves a disposition whose work has moved on to others', async () => {
    const o = await office();
    const id = await disposed(o, ['kasi1']);
    await o.act('kasi1', 'workflow.followUp', { id, kind: 'tindakan', text: 'Jalan sudah ditambal.', attachments: [] });
    await o.act('kasi1', 'workflow.advance', { id });
    await o.act('kasi1', 'workflow.advance', { id });
    expect((await o.journey(id)).current?.stepNo).toBe(7);
    await switchOff(o, 'kasi1');
    const j = await o.journey(id, 'camat');
    expect(j.current?.stepNo).toBe(7);
    expect(j.dispositions.map((d) => d.state)).toEqual(['aktif']);
  });
});
