import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallInput } from '../../shared/contract';
import type { Journey, Task } from '../../shared/schemas/workflow';
import type { ControlCardView } from '../../shared/documents/controlCard';
import { OFFICE_PRESETS } from '../../shared/standards/presets';
import type { ServiceStandard } from '../../shared/standards/schema';
import { readDocx } from '../support/docx';
import { DB_FILE } from '../../main/core';
import { myTasks, RETURNED_ACTIVITY, taskCounts } from '../../main/core/workflow/queue';
import { rowToUser, type UserRow } from '../../main/core/users/rows';
import { ADMIN, carrier, createUser, makeCore, ok, sampleComplaint, setupOffice, type TestCore, timedCalls } from '../support/core';
import { signaturePng } from './paper';

// Review finding: after a PARTIAL return (the Camat disposed to two Kasi, one returned
// hers) the disposer had no task and no way to dispose that part again. Through the real
// core on a real SQLite file (Kec. Pegantenan: step 4 disposisi by the Camat, step 5
// tindak lanjut by the Kasi, step 6 the Kasi again).

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

async function office(edit?: (s: ServiceStandard) => ServiceStandard) {
  t = makeCore(START, { sweepEveryMs: 0 });
  const { core, clock } = t;
  const admin = await setupOffice(core, 'pegantenan');
  if (edit) {
    const standard = await ok(core, admin, 'standard.get', {});
    await ok(core, admin, 'standard.update', { ...standard, ...edit(standard) });
  }
  const ids = {} as Record<Who, number>;
  for (const u of USERS) {
    const created = await createUser(core, admin, {
      username: u.username,
      password: PASSWORD,
      user: { name: u.name, nip: '198001012005011001', jabatan: u.role === 'kasi' ? u.name : u.role, pangkat: '', role: u.role, seksi: u.seksi, active: true },
    });
    ids[u.username] = created.id;
  }
  const { as, act, refuse } = timedCalls<Who>(core, clock, PASSWORD);
  // A complaint brought to step 4 (the Camat's disposition): verified by the Sekcam, recorded
  // by the Staf. `withExitLetter`: found incomplete first and completed again, which leaves its
  // pemberitahuan kelengkapan a draft for the Camat's signature.
  const atDisposition = async (withExitLetter = false) => {
    const preset = OFFICE_PRESETS.find((p) => p.id === 'pegantenan')!;
    const { id } = await act('staf', START, 'complaints.create', sampleComplaint({ kelengkapan: preset.standard.kelengkapanChecklist }));
    if (withExitLetter) {
      await act('sekcam', '2026-12-01T01:10:00.000Z', 'workflow.exit', { id, exit: 'tidak_lengkap', note: 'Fotokopi KTP belum dilampirkan.' });
      await act('staf', '2026-12-01T01:20:00.000Z', 'workflow.resume', { id, note: 'Fotokopi KTP sudah diserahkan.' });
    }
    await act('sekcam', '2026-12-01T01:30:00.000Z', 'workflow.advance', { id });
    await act('staf', '2026-12-01T01:40:00.000Z', 'workflow.advance', { id });
    return id;
  };
  // Each user's Tugas saya and menu numbers as the core answers them, checked against a
  // connection that kept nothing (the queues read again only what changed).
  const queue = async (who: Who, atIso: string): Promise<{ tasks: Task[]; mine: number }> => {
    clock.set(atIso);
    const s = await as(who);
    const tasks = await ok(core, s, 'tasks.mine', {});
    const counts = await ok(core, s, 'tasks.counts', {});
    const fresh = new Database(join(t!.dir, DB_FILE), { readonly: true });
    try {
      const deps = { ...core.deps, db: fresh };
      const user = rowToUser(fresh.prepare('SELECT * FROM users WHERE username = ?').get(who) as UserRow);
      expect(tasks, `Tugas saya ${who}`).toEqual(myTasks(deps, user));
      expect(counts, `angka menu ${who}`).toEqual(taskCounts(deps, user));
    } finally {
      fresh.close();
    }
    expect(counts.mine).toBe(tasks.length);
    return { tasks, mine: counts.mine };
  };
  return { core, clock, ids, act, refuse, atDisposition, queue };
}

// The kartu kendali's "Kepada" line, newest version first.
async function cardKepada(o: Awaited<ReturnType<typeof office>>, id: number): Promise<string[]> {
  const cards = (await o.act('staf', o.clock.now().toISOString(), 'documents.list', { complaintId: id })).filter((d) => d.kind === 'kartu_kendali');
  const views = await Promise.all(cards.map(async (d) => (await o.act('staf', o.clock.now().toISOString(), 'documents.get', { id: d.id })).content.view as ControlCardView));
  return views.map((v) => v.kepada).filter((k) => k !== '').reverse();
}

const dispositionTo = (j: Journey, name: string) => j.dispositions.filter((d) => d.toName === name);
const DISPOSE: Pick<CallInput<'workflow.dispose'>, 'sifat' | 'instructions' | 'note'> = { sifat: 'segera', instructions: ['proses_lanjut'], note: '' };

describe('a part returned while the other Kasi works on', () => {
  it('gives the disposer a task, lets them dispose that part to another Kasi, and the other Kasi goes on', async () => {
    const o = await office();
    const id = await o.atDisposition();
    // Tue 1 Dec 09.00 WIB: the Camat disposes to Agus and Sri; step 5 (2 hari kerja) runs to Thu 3 Dec 09.00.
    let j = await o.act('camat', '2026-12-01T02:00:00.000Z', 'workflow.dispose', { id, to: [o.ids.agus, o.ids.sri], ...DISPOSE });
    expect(j.current).toMatchObject({ stepNo: 5, executor: 'kasi', dueAt: '2026-12-03T02:00:00.000Z' });
    const before = await o.queue('camat', '2026-12-01T02:05:00.000Z');
    expect(before.tasks.some((k) => k.complaintId === id)).toBe(false);

    // Sri opens it and returns it: not her seksi.
    const sris = dispositionTo(await o.act('sri', '2026-12-01T02:10:00.000Z', 'workflow.journey', { id }), 'Sri Kasi Pemerintahan')[0]!;
    j = await o.act('sri', '2026-12-01T02:20:00.000Z', 'workflow.returnDisposition', {
      dispositionId: sris.id,
      reason: 'Urusan kesehatan ada di Seksi Kesejahteraan Sosial.',
    });
    // The step runs on for Agus; only Sri's part is returned, and it waits for the Camat.
    expect(j.current).toMatchObject({ stepNo: 5, dueAt: '2026-12-03T02:00:00.000Z' });
    const sheet = (await o.act('camat', '2026-12-01T02:20:00.000Z', 'documents.list', { complaintId: id })).find((d) => d.kind === 'lembar_disposisi')!;
    expect(sheet.notInForce).toBe('Sebagian tidak berlaku: disposisi kepada Sri Kasi Pemerintahan dikembalikan.');
    expect(j.dispositions.map((d) => [d.toName, d.state, d.returnAwaits])).toEqual([
      ['Agus Kasi Pelayanan', 'aktif', false],
      ['Sri Kasi Pemerintahan', 'dikembalikan', true],
    ]);

    // The Camat's journey offers the disposition again, beside taking over the step and following up.
    const camatJ = await o.act('camat', '2026-12-01T02:25:00.000Z', 'workflow.journey', { id });
    expect(camatJ.actions.slice(0, 3)).toEqual(['takeOver', 'dispose', 'followUp']);
    // …and his Tugas saya has the returned part: the disposition step again, on the running step's clock.
    const camatQ = await o.queue('camat', '2026-12-01T02:25:00.000Z');
    expect(camatQ.mine).toBe(before.mine + 1);
    expect(camatQ.tasks.find((k) => k.complaintId === id)).toMatchObject({
      stepNo: 4,
      activity: RETURNED_ACTIVITY,
      executor: 'camat',
      dueAt: '2026-12-03T02:00:00.000Z',
      returned: true,
      disposition: null,
      paused: false,
    });
    // Agus keeps his task; Sri has none; the Sekcam (who did not dispose) has neither task nor action.
    expect((await o.queue('agus', '2026-12-01T02:25:00.000Z')).tasks.find((k) => k.complaintId === id)).toMatchObject({ stepNo: 5, returned: false });
    expect((await o.queue('sri', '2026-12-01T02:25:00.000Z')).tasks).toEqual([]);
    expect((await o.queue('sekcam', '2026-12-01T02:25:00.000Z')).tasks.some((k) => k.complaintId === id)).toBe(false);
    expect((await o.act('sekcam', '2026-12-01T02:25:00.000Z', 'workflow.journey', { id })).actions).not.toContain('dispose');
    const bySekcam = await o.refuse('sekcam', '2026-12-01T02:26:00.000Z', 'workflow.dispose', { id, to: [o.ids.budi], ...DISPOSE });
    expect(bySekcam).toMatchObject({ code: 'forbidden' });
    expect(bySekcam.message).toMatch(/pemberi disposisinya atau Camat/);
    expect((await o.refuse('agus', '2026-12-01T02:26:00.000Z', 'workflow.dispose', { id, to: [o.ids.budi], ...DISPOSE })).code).toBe('forbidden');
    // Not to Agus, who is at work on it already: that part then needs no new disposition.
    const toAgus = await o.refuse('camat', '2026-12-01T02:27:00.000Z', 'workflow.dispose', { id, to: [o.ids.agus], ...DISPOSE });
    expect(toAgus).toMatchObject({ code: 'validation', field: 'to', message: expect.stringMatching(/^Agus Kasi Pelayanan sudah menangani pengaduan ini/) });
    // The kartu kendali in force names who is still at work: Agus, no longer Sri.
    expect(await cardKepada(o, id)).toEqual(['Agus Kasi Pelayanan', 'Agus Kasi Pelayanan, Sri Kasi Pemerintahan']);
    // Agus's work goes on meanwhile.
    await o.act('agus', '2026-12-01T02:30:00.000Z', 'workflow.followUp', { id, kind: 'tindakan', text: 'Peninjauan ke lokasi dijadwalkan besok.', attachments: [] });

    // The Camat disposes the returned part to Budi (Kesejahteraan Sosial): an added disposition.
    j = await o.act('camat', '2026-12-01T03:00:00.000Z', 'workflow.dispose', { id, to: [o.ids.budi], sifat: 'segera', instructions: ['koordinasi'], note: 'Tangani bagian kesehatan.' });
    expect(j.current).toMatchObject({ stepNo: 5, executor: 'kasi', dueAt: '2026-12-03T02:00:00.000Z' });
    expect(j.steps[4]!.startedAt).toBe('2026-12-01T02:00:00.000Z');
    expect((await cardKepada(o, id))[0]).toBe('Agus Kasi Pelayanan, Budi Kasi Kesejahteraan Sosial');
    expect(j.dispositions.map((d) => [d.toName, d.state, d.returnAwaits])).toEqual([
      ['Agus Kasi Pelayanan', 'aktif', false],
      ['Sri Kasi Pemerintahan', 'dikembalikan', false],
      ['Budi Kasi Kesejahteraan Sosial', 'aktif', false],
    ]);
    expect(j.actions).not.toContain('dispose');
    expect((await o.queue('camat', '2026-12-01T03:05:00.000Z')).mine).toBe(before.mine);
    expect((await o.queue('budi', '2026-12-01T03:05:00.000Z')).tasks.find((k) => k.complaintId === id)).toMatchObject({
      stepNo: 5,
      returned: false,
      disposition: expect.objectContaining({ fromName: 'Imam Camat', opened: false }),
    });
    expect((await o.queue('agus', '2026-12-01T03:05:00.000Z')).tasks.some((k) => k.complaintId === id)).toBe(true);
    // Its own lembar disposisi, and the history says what happened.
    const docs = await o.act('camat', '2026-12-01T03:05:00.000Z', 'documents.list', { complaintId: id });
    expect(docs.filter((d) => d.kind === 'lembar_disposisi')).toHaveLength(2);
    const events = (await o.act('camat', '2026-12-01T03:05:00.000Z', 'complaints.get', { id })).events.map((e) => e.action);
    expect(events).toContain('Disposisi dikembalikan kepada Imam Camat; bagian ini menunggu tujuan lain, disposisi yang lain tetap berjalan');
    expect(events.some((e) => e.startsWith('Disposisi tambahan kepada Budi Kasi Kesejahteraan Sosial untuk bagian yang dikembalikan Sri Kasi Pemerintahan'))).toBe(true);

    // Budi finishes the step: the journey moves on to step 6.
    j = await o.act('budi', '2026-12-02T02:00:00.000Z', 'workflow.advance', { id, note: 'Sudah dikoordinasikan dengan Puskesmas.' });
    expect(j.current).toMatchObject({ stepNo: 6 });
  });

  it('gives the part back to the disposer when the added disposition is withdrawn, and keeps the whole return as it was', async () => {
    const o = await office();
    const id = await o.atDisposition();
    let j = await o.act('camat', '2026-12-01T02:00:00.000Z', 'workflow.dispose', { id, to: [o.ids.agus, o.ids.sri], ...DISPOSE });
    const [agus, sri] = j.dispositions;
    await o.act('sri', '2026-12-01T02:20:00.000Z', 'workflow.returnDisposition', { dispositionId: sri!.id, reason: 'Bukan tugas seksi kami.' });
    j = await o.act('camat', '2026-12-01T02:30:00.000Z', 'workflow.dispose', { id, to: [o.ids.budi], ...DISPOSE });
    const budi = j.dispositions.at(-1)!;
    // Withdrawn before Budi opened it: Sri's part waits for the Camat again.
    j = await o.act('camat', '2026-12-01T02:40:00.000Z', 'workflow.withdrawDisposition', { dispositionId: budi.id });
    expect(j.dispositions.map((d) => [d.state, d.returnAwaits])).toEqual([
      ['aktif', false],
      ['dikembalikan', true],
      ['ditarik', false],
    ]);
    expect(j.actions).toContain('dispose');
    expect((await o.queue('camat', '2026-12-01T02:45:00.000Z')).tasks.find((k) => k.complaintId === id)).toMatchObject({ returned: true, stepNo: 4 });

    // Agus returns his too: nothing is active, so the disposition step itself runs again
    // (as before this change), and the Camat's task is that step, not a returned part.
    j = await o.act('agus', '2026-12-01T03:00:00.000Z', 'workflow.returnDisposition', { dispositionId: agus!.id, reason: 'Bukan tugas seksi kami juga.' });
    expect(j.status).toBe('diverifikasi');
    expect(j.current).toMatchObject({ stepNo: 4, executor: 'camat' });
    expect(j.dispositions.every((d) => !d.returnAwaits)).toBe(true);
    const task = (await o.queue('camat', '2026-12-01T03:05:00.000Z')).tasks.find((k) => k.complaintId === id);
    expect(task).toMatchObject({ stepNo: 4, returned: false, activity: 'Melakukan verifikasi substansi, apakah termasuk tupoksi atau tidak' });
    j = await o.act('camat', '2026-12-01T03:10:00.000Z', 'workflow.dispose', { id, to: [o.ids.budi], ...DISPOSE });
    expect(j.current).toMatchObject({ stepNo: 5 });
    expect(j.dispositions.at(-1)).toMatchObject({ toName: 'Budi Kasi Kesejahteraan Sosial', state: 'aktif' });
    // Each lembar disposisi says what of it no longer holds; the one now running, nothing.
    const sheets = (await o.act('camat', '2026-12-01T03:15:00.000Z', 'documents.list', { complaintId: id })).filter((d) => d.kind === 'lembar_disposisi');
    expect(sheets.map((d) => d.notInForce)).toEqual([
      'Tidak berlaku lagi: disposisi kepada Agus Kasi Pelayanan dan Sri Kasi Pemerintahan dikembalikan.',
      'Tidak berlaku lagi: disposisi kepada Budi Kasi Kesejahteraan Sosial ditarik.',
      null,
    ]);
    // Their DOCX say so beside the title, so a copy printed now cannot pass for one in force;
    // the sheet in force, not.
    const titles = [];
    for (const s of sheets) {
      const file = await o.act('camat', '2026-12-01T03:15:00.000Z', 'documents.docx', { id: s.id });
      const docx = readDocx(Buffer.from(file.dataBase64, 'base64'));
      titles.push(docx.paragraphs.find((p) => p.startsWith('LEMBAR DISPOSISI')));
      expect(docx.text).toContain('Budi Kasi Kesejahteraan Sosial');
    }
    expect(titles).toEqual(['LEMBAR DISPOSISI \u00b7 TIDAK BERLAKU LAGI', 'LEMBAR DISPOSISI \u00b7 TIDAK BERLAKU LAGI', 'LEMBAR DISPOSISI']);
  });

  it('goes to the Sekcam who disposed a.n. Camat, and lapses once the step it was returned in is done', async () => {
    const o = await office();
    const id = await o.atDisposition();
    let j = await o.act('sekcam', '2026-12-01T02:00:00.000Z', 'workflow.dispose', { id, to: [o.ids.agus, o.ids.sri], ...DISPOSE });
    expect(j.dispositions[0]).toMatchObject({ onBehalf: true, fromName: 'Bambang Sekcam' });
    await o.act('sri', '2026-12-01T02:20:00.000Z', 'workflow.returnDisposition', { dispositionId: j.dispositions[1]!.id, reason: 'Bukan tugas seksi kami.' });
    expect((await o.queue('sekcam', '2026-12-01T02:25:00.000Z')).tasks.find((k) => k.complaintId === id)).toMatchObject({
      returned: true,
      executor: 'sekcam',
      stepNo: 4,
    });
    // The Camat may dispose it too (he leads the office), but the task is the Sekcam's.
    expect((await o.act('camat', '2026-12-01T02:25:00.000Z', 'workflow.journey', { id })).actions).toContain('dispose');
    expect((await o.queue('camat', '2026-12-01T02:25:00.000Z')).tasks.some((k) => k.complaintId === id)).toBe(false);

    // Agus completes step 5 before anyone sent the part elsewhere: the part lapses with it.
    j = await o.act('agus', '2026-12-01T04:00:00.000Z', 'workflow.advance', { id, note: 'Seluruh pengaduan sudah ditangani seksi kami.' });
    expect(j.current).toMatchObject({ stepNo: 6 });
    expect(j.dispositions.every((d) => !d.returnAwaits)).toBe(true);
    expect((await o.queue('sekcam', '2026-12-01T04:05:00.000Z')).tasks.some((k) => k.complaintId === id)).toBe(false);
    expect((await o.act('sekcam', '2026-12-01T04:05:00.000Z', 'workflow.journey', { id })).actions).not.toContain('dispose');
    expect((await o.refuse('sekcam', '2026-12-01T04:06:00.000Z', 'workflow.dispose', { id, to: [o.ids.budi], ...DISPOSE })).code).toBe('conflict');
  });
});

describe('who may withdraw or return a disposition, and until when', () => {
  it('lets its sender or the Camat withdraw it until it is opened, and its Kasi return it only while the work is still with the Kasi', async () => {
    const o = await office();
    const id = await o.atDisposition();
    await o.act('sekcam', '2026-12-01T02:00:00.000Z', 'workflow.dispose', { id, to: [o.ids.agus], ...DISPOSE });
    // [mayWithdraw, mayReturn] of the one disposition, as each user's journey offers them.
    const offers = async (who: Who, atIso: string) => {
      const d = (await o.act(who, atIso, 'workflow.journey', { id })).dispositions[0]!;
      return [d.mayWithdraw, d.mayReturn];
    };
    expect(await offers('staf', '2026-12-01T02:05:00.000Z')).toEqual([false, false]);
    expect(await offers('sekcam', '2026-12-01T02:05:00.000Z')).toEqual([true, false]);
    expect(await offers('camat', '2026-12-01T02:05:00.000Z')).toEqual([true, false]);
    // Agus opens it (his journey marks it read): no longer withdrawn, his to return.
    expect(await offers('agus', '2026-12-01T02:10:00.000Z')).toEqual([false, true]);
    expect(await offers('camat', '2026-12-01T02:10:00.000Z')).toEqual([false, false]);
    expect((await o.refuse('sekcam', '2026-12-01T02:10:00.000Z', 'workflow.withdrawDisposition', { dispositionId: (await o.act('camat', '2026-12-01T02:10:00.000Z', 'workflow.journey', { id })).dispositions[0]!.id })).message).toMatch(/sudah dibuka/);

    // Steps 5 and 6 are his: he may return it at either. Step 7 is the Staf's (the letter is
    // drafted): returning it then would undo work handed on.
    let j = await o.act('agus', '2026-12-01T03:00:00.000Z', 'workflow.advance', { id, note: 'Klarifikasi sudah dilakukan.' });
    expect(j.current).toMatchObject({ stepNo: 6, executor: 'kasi' });
    expect(await offers('agus', '2026-12-01T03:05:00.000Z')).toEqual([false, true]);
    j = await o.act('agus', '2026-12-01T03:10:00.000Z', 'workflow.advance', { id });
    expect(j.current).toMatchObject({ stepNo: 7, executor: 'staf' });
    expect(await offers('agus', '2026-12-01T03:15:00.000Z')).toEqual([false, false]);
    const refused = await o.refuse('agus', '2026-12-01T03:15:00.000Z', 'workflow.returnDisposition', { dispositionId: j.dispositions[0]!.id, reason: 'Ternyata bukan urusan seksi kami.' });
    expect(refused.code).toBe('conflict');
    expect(refused.message).toBe(
      'Disposisi hanya dapat dikembalikan sampai langkah 5–6, selama penanganannya masih di tangan Kasi; pengaduan ini sudah sampai langkah 7. Bila ternyata perkaranya bukan urusan seksi Anda, sampaikan kepada Camat.',
    );
    j = await o.act('agus', '2026-12-01T03:15:00.000Z', 'workflow.journey', { id });
    expect(j.current).toMatchObject({ stepNo: 7 });
    expect(j.dispositions.map((d) => d.state)).toEqual(['aktif']);
  });

  it('is no longer returned once the Camat took a step of the Kasi\'s over', async () => {
    const o = await office();
    const id = await o.atDisposition();
    await o.act('camat', '2026-12-01T02:00:00.000Z', 'workflow.dispose', { id, to: [o.ids.agus], ...DISPOSE });
    // Step 5 taken over by the Camat; step 6 is the Kasi's again, but the work has left him.
    let j = await o.act('camat', '2026-12-01T03:00:00.000Z', 'workflow.takeOver', { id, reason: 'Agus sedang dinas luar.' });
    expect(j.current).toMatchObject({ stepNo: 6, executor: 'kasi' });
    j = await o.act('agus', '2026-12-01T03:05:00.000Z', 'workflow.journey', { id });
    expect(j.dispositions[0]).toMatchObject({ state: 'aktif', mayReturn: false });
    expect((await o.refuse('agus', '2026-12-01T03:05:00.000Z', 'workflow.returnDisposition', { dispositionId: j.dispositions[0]!.id, reason: 'Bukan urusan kami.' })).message).toBe(
      'Langkah 5 sudah diselesaikan Imam Camat, bukan oleh Kasi, sehingga disposisi tidak dapat dikembalikan lagi. Bila ternyata perkaranya bukan urusan seksi Anda, sampaikan kepada Camat.',
    );
  });

  it('counts a step of someone else between the disposition and the Kasi\'s steps as before the work reached him', async () => {
    // Pegantenan's standard with a step 5 of the Sekcam's forwarding the file; the Kasi's steps are 6 and 7.
    const o = await office((st) => ({
      ...st,
      steps: st.steps.flatMap((step) =>
        step.no < 5
          ? [step]
          : step.no === 5
            ? [
                // (15 minutes: the standard's days stay within its 12.)
                { ...step, no: 5, activity: 'Meneruskan berkas kepada Kasi', stage: 'tindak_lanjut' as const, executor: 'sekcam' as const, alternates: [], duration: { amount: 15, unit: 'menit_kerja' as const } },
                { ...step, no: 6 },
              ]
            : [{ ...step, no: step.no + 1 }],
      ),
    }));
    const id = await o.atDisposition();
    let j = await o.act('camat', '2026-12-01T02:00:00.000Z', 'workflow.dispose', { id, to: [o.ids.agus], ...DISPOSE });
    expect(j.current).toMatchObject({ stepNo: 5, executor: 'sekcam' });
    const mayReturn = async (atIso: string) => (await o.act('agus', atIso, 'workflow.journey', { id })).dispositions[0]!.mayReturn;
    expect(await mayReturn('2026-12-01T02:05:00.000Z')).toBe(true);
    await o.act('sekcam', '2026-12-01T02:10:00.000Z', 'workflow.advance', { id });
    expect(await mayReturn('2026-12-01T02:15:00.000Z')).toBe(true);
    await o.act('agus', '2026-12-01T02:20:00.000Z', 'workflow.advance', { id });
    j = await o.act('agus', '2026-12-01T02:30:00.000Z', 'workflow.advance', { id });
    expect(j.current).toMatchObject({ stepNo: 8, executor: 'staf' });
    expect((await o.refuse('agus', '2026-12-01T02:35:00.000Z', 'workflow.returnDisposition', { dispositionId: j.dispositions[0]!.id, reason: 'Bukan urusan kami.' })).message).toMatch(
      /^Disposisi hanya dapat dikembalikan sampai langkah 6–7, .*sudah sampai langkah 8\./,
    );
  });
});

// A part one Kasi returned while another Kasi's disposition ran waits for its disposer only
// while the step runs: when the step is completed first, the part lapses, and the history
// and the audit trail say so. Through the real core on a real SQLite file (Kec. Pegantenan:
// step 4 disposisi by the Camat, step 5 tindak lanjut by the Kasi, step 6 the Kasi again).
const REASON = 'Urusan kesehatan ada di Seksi Kesejahteraan Sosial.';
const LAPSED = 'Bagian yang dikembalikan Sri Kasi Pemerintahan tidak didisposisikan ulang sebelum langkah 5 selesai; bagian itu tidak lagi menunggu disposisi Imam Camat';
const isLapse = (words: string) => words.startsWith('Bagian yang dikembalikan');

async function lapsing() {
  const o = await office();
  const { clock, ids, act, atDisposition } = o;
  // Brought to step 5: verified, recorded, and disposed by the Camat to Agus and Sri; Sri
  // returns hers (Tue 1 Dec 09.20 WIB) while Agus's runs on.
  const id = await atDisposition();
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
  return { ...o, id, sri, history, audit, verify };
}

describe('a returned part that was not disposed again before the step ended', () => {
  it('is recorded in the history and the audit trail, once, when the other Kasi completes the step', async () => {
    const o = await lapsing();
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
    const o = await lapsing();
    await o.act('camat', '2026-12-01T04:00:00.000Z', 'workflow.takeOver', { id: o.id, reason: 'Agus sedang dinas luar.' });
    await o.act('agus', '2026-12-01T05:00:00.000Z', 'workflow.advance', { id: o.id });
    const events = await o.history();
    expect(events.filter((e) => isLapse(e.action)).map((e) => [e.actorName, e.action])).toEqual([['Imam Camat', LAPSED]]);
    const at = events.findIndex((e) => isLapse(e.action));
    expect(events[at + 1]!.action).toMatch(/^Langkah 5 diambil alih dan diselesaikan: /);
  });

  it('is not recorded when the disposer disposed the part again before the step was completed', async () => {
    const o = await lapsing();
    await o.act('camat', '2026-12-01T03:00:00.000Z', 'workflow.dispose', { id: o.id, to: [o.ids.budi], ...DISPOSE });
    const j = await o.act('agus', '2026-12-01T04:00:00.000Z', 'workflow.advance', { id: o.id });
    expect(j.current).toMatchObject({ stepNo: 6 });
    const events = await o.history();
    expect(events.some((e) => isLapse(e.action))).toBe(false);
    expect(events.some((e) => e.action.startsWith('Disposisi tambahan kepada Budi Kasi Kesejahteraan Sosial untuk bagian yang dikembalikan Sri Kasi Pemerintahan'))).toBe(true);
    expect(o.audit().some((r) => r.action === 'disposition.return_lapsed')).toBe(false);
  });
});

// The dialogs that complete the step with a document (a paraf, a signature) warn of the parts
// it would end, as the core tells with the document (stepLapse), by the rule with which the
// paraf and the signature complete the step (completesStep). A part is returned only while the
// work is still with the Kasi, so it can wait at a paraf step only where the Kasi initials the
// answer himself: here Pegantenan's standard as an office could write it, the Kasi preparing
// the letter (step 7) and initialling it (step 8, the Sekcam its alternate). As published,
// step 8 is the Sekcam's paraf, step 9 the Staf's, step 10 the Camat's signature.
const KASI_INITIALS = (s: ServiceStandard): ServiceStandard => ({
  ...s,
  steps: s.steps.map((step) => (step.no === 7 ? { ...step, executor: 'kasi' } : step.no === 8 ? { ...step, executor: 'kasi', alternates: ['sekcam'] } : step)),
});

describe('a returned part waiting when a paraf or a signature would complete the step', () => {
  // Disposed to Agus and Sri, handled by Agus, the answer drafted (by Agus where he prepares
  // it): step 8, the first paraf.
  async function atParaf({ withExitLetter = false, kasiInitials = false } = {}) {
    const o = await office(kasiInitials ? KASI_INITIALS : undefined);
    const id = await o.atDisposition(withExitLetter);
    const disposed = await o.act('camat', '2026-12-01T02:00:00.000Z', 'workflow.dispose', { id, to: [o.ids.agus, o.ids.sri], ...DISPOSE });
    await o.act('agus', '2026-12-01T02:30:00.000Z', 'workflow.advance', { id });
    await o.act('agus', '2026-12-01T02:40:00.000Z', 'workflow.advance', { id });
    const drafter = kasiInitials ? 'agus' : 'staf';
    const draft = await o.act(drafter, '2026-12-01T02:50:00.000Z', 'documents.draft', { complaintId: id, kind: 'surat_tanggapan', outcome: 'ditindaklanjuti' });
    expect((await o.act(drafter, '2026-12-01T03:00:00.000Z', 'workflow.advance', { id })).current).toMatchObject({ stepNo: 8 });
    const sri = disposed.dispositions.find((d) => d.toName === 'Sri Kasi Pemerintahan')!;
    const returnSri = (atIso: string) => o.act('sri', atIso, 'workflow.returnDisposition', { dispositionId: sri.id, reason: REASON });
    const part = { id: sri.id, toName: 'Sri Kasi Pemerintahan', fromName: 'Imam Camat', returnReason: REASON };
    const lapsedAt = async (atIso: string) => (await o.act('camat', atIso, 'complaints.get', { id })).events.filter((e) => isLapse(e.action)).map((e) => e.action);
    return { ...o, id, draft, sri, returnSri, part, lapsedAt };
  }

  it('comes with the answer at a paraf step to those whose paraf completes it, and lapses with that paraf', async () => {
    const o = await atParaf({ kasiInitials: true });
    await o.returnSri('2026-12-01T03:10:00.000Z');
    const at = '2026-12-01T03:15:00.000Z';
    // Agus, the step's executor, and the Sekcam, its alternate: their paraf completes it; the part is the Camat's to dispose again.
    expect((await o.act('agus', at, 'documents.get', { id: o.draft.id })).stepLapse).toEqual({ stepNo: 8, parts: [o.part], canRedispose: false, by: ['paraf'] });
    expect((await o.act('sekcam', at, 'documents.get', { id: o.draft.id })).stepLapse).toEqual({ stepNo: 8, parts: [o.part], canRedispose: false, by: ['paraf'] });
    // The same in the complaint's list of documents (its page), and for the Camat, who may dispose it first.
    expect((await o.act('sekcam', at, 'documents.list', { complaintId: o.id })).find((d) => d.id === o.draft.id)!.stepLapse).toMatchObject({ stepNo: 8, by: ['paraf'] });
    expect((await o.act('camat', at, 'documents.get', { id: o.draft.id })).stepLapse).toEqual({ stepNo: 8, parts: [o.part], canRedispose: true, by: ['paraf'] });
    // The Staf has nothing to do with this draft here, and no warning.
    expect(await o.act('staf', at, 'documents.get', { id: o.draft.id })).toMatchObject({ actions: [], stepLapse: null });

    await o.act('agus', '2026-12-01T03:20:00.000Z', 'documents.paraf', { id: o.draft.id });
    expect((await o.act('camat', '2026-12-01T03:25:00.000Z', 'workflow.journey', { id: o.id })).current).toMatchObject({ stepNo: 9 });
    expect(await o.lapsedAt('2026-12-01T03:25:00.000Z')).toEqual([LAPSED.replace('langkah 5', 'langkah 8')]);
  });

  it('cannot wait at the signing step: the Kasi\'s part is no longer returned there, and the signature warns of nothing', async () => {
    const o = await atParaf({ withExitLetter: true });
    await o.act('sekcam', '2026-12-01T03:10:00.000Z', 'documents.paraf', { id: o.draft.id });
    await o.act('staf', '2026-12-01T03:20:00.000Z', 'documents.paraf', { id: o.draft.id });
    expect((await o.refuse('sri', '2026-12-01T03:30:00.000Z', 'workflow.returnDisposition', { dispositionId: o.sri.id, reason: REASON })).message).toMatch(
      /^Disposisi hanya dapat dikembalikan sampai langkah 5–6, selama penanganannya masih di tangan Kasi; pengaduan ini sudah sampai langkah 10\./,
    );
    // Budi, to whom nothing was disposed, acts for the Camat today: he may sign the answer, not open its complaint.
    const at = '2026-12-01T03:35:00.000Z';
    o.clock.set(at);
    const admin = carrier();
    await ok(o.core, admin, 'auth.login', ADMIN);
    await ok(o.core, admin, 'officials.add', { userId: o.ids.budi, kind: 'plh', from: '2026-12-01', to: '2026-12-01' });
    expect(await o.act('camat', at, 'documents.get', { id: o.draft.id })).toMatchObject({ stepLapse: null });
    expect(await o.act('staf', at, 'documents.get', { id: o.draft.id })).toMatchObject({ stepLapse: null });
    expect(await o.act('budi', at, 'documents.get', { id: o.draft.id })).toMatchObject({ complaintOpen: false, actions: ['return', 'sign'], stepLapse: null });
    // The pemberitahuan kelengkapan of the earlier pause also waits for the Camat's signature, which completes no step.
    const letter = (await o.act('camat', at, 'documents.list', { complaintId: o.id })).find((d) => d.kind === 'pemberitahuan_kelengkapan')!;
    expect(letter).toMatchObject({ status: 'draf', stepLapse: null });
    expect(letter.actions).toContain('sign');

    await o.act('camat', at, 'auth.setSignature', { image: signaturePng() });
    await o.act('camat', '2026-12-01T03:40:00.000Z', 'documents.sign', { id: letter.id, password: PASSWORD });
    expect((await o.act('camat', '2026-12-01T03:45:00.000Z', 'workflow.journey', { id: o.id })).current).toMatchObject({ stepNo: 10 });
    await o.act('camat', '2026-12-01T03:50:00.000Z', 'documents.sign', { id: o.draft.id, password: PASSWORD });
    expect((await o.act('camat', '2026-12-01T03:55:00.000Z', 'workflow.journey', { id: o.id })).current).toMatchObject({ stepNo: 11 });
    expect(await o.lapsedAt('2026-12-01T03:55:00.000Z')).toEqual([]);
  });
});
