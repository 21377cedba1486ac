import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallInput, CallName } from '../../shared/contract';
import type { ClientEvent } from '../../shared/events';
import { clientEventSchema } from '../../shared/schemas/events';
import type { Core } from '../../main/core';
import { recordComplaintEvent } from '../../main/core/complaints/events';
import { write, type SessionCarrier } from '../../main/core/context';
import { QUEUES_CHANGED_EVERY_MS } from '../../main/core/events';
import { riskOf } from '../../main/core/workflow/queue';
import { officeCalendar } from '../../main/core/workflow/standard';
import { createHttpServer, MAX_EVENT_STREAMS, SESSION_COOKIE } from '../../main/http/server';
import { carrier, createUser, makeCore, ok, sampleComplaint, setupOffice, type TestCore } from '../support/core';
import { paperOffice, pegantenanToSigning } from './paper';

// Live events through the real core on a real SQLite file: who hears what, only after
// the commit, once per deadline state, nothing after logout; and the SSE stream over HTTP.

let t: TestCore | undefined;
const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0)) await c();
  t?.dispose();
  t = undefined;
});

const PASSWORD = 'kata-sandi-123';
const USERS = [
  { username: 'staf', role: 'staf', name: 'Dewi Staf' },
  { username: 'kasi1', role: 'kasi', name: 'Agus Kasi Pelayanan', seksi: 'Seksi Pelayanan' },
  { username: 'kasi2', role: 'kasi', name: 'Sri Kasi Pemerintahan', seksi: 'Seksi Pemerintahan' },
  { username: 'sekcam', role: 'sekcam', name: 'Bambang Sekcam' },
  { username: 'camat', role: 'camat', name: 'Imam Camat' },
] as const;
type Who = (typeof USERS)[number]['username'];

const settle = (ms = QUEUES_CHANGED_EVERY_MS + 150) => new Promise((r) => setTimeout(r, ms));

// Kejayan: step 2 is the Staf's disposition, step 3 the Kasi's day (escalated to the Camat when late).
async function office(start: string, sweepEveryMs = 0) {
  t = makeCore(start, { sweepEveryMs });
  const { core, clock } = t;
  const admin = await setupOffice(core, 'kejayan');
  const ids = {} as Record<Who, number>;
  for (const u of USERS) {
    const seksi = 'seksi' in u ? u.seksi : '';
    ids[u.username] = (await createUser(core, admin, { username: u.username, password: PASSWORD, user: { name: u.name, nip: '', jabatan: u.name, pangkat: '', role: u.role, seksi, active: true } })).id;
  }
  const login = (who: Who) => signIn(core, who);
  const watch = async (who: Who, s?: SessionCarrier) => watching(core, s ?? (await login(who)));
  const act = async <K extends CallName>(who: Who, name: K, input: CallInput<K>) => ok(core, await login(who), name, input);
  return { core, clock, ids, login, watch, act };
}

async function signIn(core: Core, username: string) {
  const s = carrier();
  await ok(core, s, 'auth.login', { username, password: PASSWORD });
  return s;
}

// A watcher per person: what their session hears, and whether the watch has ended.
function watching(core: Core, session: SessionCarrier) {
  const heard: ClientEvent[] = [];
  const w = { session, heard, ended: false, stop: () => {} };
  w.stop = core.watch(session, (e) => heard.push(clientEventSchema.parse(e)), () => (w.ended = true));
  closers.push(() => w.stop());
  return w;
}

const about = (heard: ClientEvent[], complaintId: number) => heard.filter((e) => e.complaintId === complaintId);
const kinds = (heard: ClientEvent[]) => heard.map((e) => e.kind);

describe('live events in the core', () => {
  it('tells the addressee of a disposition, the disposer of a return, the Camat and the Sekcam of a letter to sign, and nobody of a rolled-back write', async () => {
    // Mon 30 Nov 2026 08.00 WIB.
    const o = await office('2026-11-30T01:00:00.000Z');
    const [kasi1, kasi2, camat, staf, sekcam] = [await o.watch('kasi1'), await o.watch('kasi2'), await o.watch('camat'), await o.watch('staf'), await o.watch('sekcam')];
    const { id, registerNo } = await o.act('staf', 'complaints.create', sampleComplaint());
    await settle();
    expect(kinds(camat.heard)).toContain('queues.changed');
    camat.heard.length = 0;

    o.clock.advanceMinutes(5);
    await o.act('staf', 'workflow.dispose', { id, to: [o.ids.kasi1], sifat: 'segera', instructions: ['proses_lanjut'], note: '' });
    await settle();
    const [news] = about(kasi1.heard, id);
    expect(news).toMatchObject({ kind: 'disposition.new', complaintId: id, registerNo, forMe: true });
    expect(news!.message).toContain(registerNo);
    expect(news!.message).toContain('Dewi Staf');
    // The reporter (name, NIK, phone, address) is never in an event.
    for (const e of [...kasi1.heard, ...camat.heard, ...staf.heard]) expect(JSON.stringify(e)).not.toMatch(/Siti Aminah|3514015506800002|081234567890|Krajan RT/);
    // The other Kasi may not see the complaint: the queues refresh, nothing names it.
    expect(about(kasi2.heard, id)).toEqual([]);
    expect(kinds(kasi2.heard)).toContain('queues.changed');
    expect(kasi2.heard.every((e) => e.complaintId === null && e.registerNo === null && !e.forMe)).toBe(true);
    // The Camat sees every complaint but the disposition is not his.
    expect(kinds(camat.heard)).toEqual(['queues.changed']);
    expect(camat.heard[0]!.forMe).toBe(false);

    // A write that rolls back announces nothing: neither the disposition it recorded nor a queue change.
    await settle();
    const before = kasi2.heard.length + camat.heard.length;
    expect(() =>
      write(o.core.db, () => {
        recordComplaintEvent(o.core.db, { complaintId: id, at: o.clock.now().toISOString(), actorId: o.ids.staf, words: 'uji', action: 'disposition.created', data: { to: [o.ids.kasi2], sifat: 'biasa' } });
        throw new Error('gagal di tengah transaksi');
      }),
    ).toThrow('gagal di tengah transaksi');
    await settle();
    expect(kasi2.heard.length + camat.heard.length).toBe(before);

    // The Kasi returns it: the Staf who disposed hears it, personally.
    o.clock.advanceMinutes(5);
    const j = await o.act('kasi1', 'workflow.journey', { id });
    await o.act('kasi1', 'workflow.returnDisposition', { dispositionId: j.dispositions[0]!.id, reason: 'Bukan tugas seksi kami.' });
    await settle();
    expect(about(staf.heard, id).filter((e) => e.forMe)).toEqual([
      expect.objectContaining({ kind: 'disposition.returned', registerNo, message: expect.stringContaining('Agus Kasi Pelayanan') }),
    ]);

    // Tidak lengkap: the letter to the reporter waits for the Camat's signature.
    o.clock.advanceMinutes(5);
    camat.heard.length = 0;
    await o.act('staf', 'workflow.exit', { id, exit: 'tidak_lengkap', note: 'Fotokopi KTP belum dilampirkan.' });
    await settle();
    expect(camat.heard.filter((e) => e.forMe)).toEqual([
      expect.objectContaining({ kind: 'document.awaitingSignature', complaintId: id, registerNo, message: expect.stringMatching(/menunggu tanda tangan Anda/) }),
    ]);
    // The Sekcam may sign it a.n. the Camat: it is in his signature queue, and he is told too.
    expect(sekcam.heard.filter((e) => e.kind === 'document.awaitingSignature')).toEqual([expect.objectContaining({ complaintId: id, forMe: true })]);
    expect(about(kasi2.heard, id)).toEqual([]);
    expect(staf.heard.filter((e) => e.kind === 'document.awaitingSignature')).toEqual([]);
  });

  it('tells the Kasi at work on a complaint that it was refused elsewhere, and nobody of a refusal before any disposition', async () => {
    // Mon 30 Nov 2026 08.00 WIB.
    const o = await office('2026-11-30T01:00:00.000Z');
    const [kasi1, kasi2, staf] = [await o.watch('kasi1'), await o.watch('kasi2'), await o.watch('staf')];
    const { id, registerNo } = await o.act('staf', 'complaints.create', sampleComplaint());
    const other = await o.act('staf', 'complaints.create', sampleComplaint({ subject: 'Lampu jalan padam di Dusun Krajan' }));
    o.clock.advanceMinutes(5);
    await o.act('staf', 'workflow.dispose', { id, to: [o.ids.kasi1], sifat: 'segera', instructions: ['proses_lanjut'], note: '' });
    await settle();
    kasi1.heard.length = 0;

    o.clock.advanceMinutes(5);
    await o.act('camat', 'workflow.exit', { id, exit: 'ditolak', note: 'Sudah ditangani Dinas PU sebelumnya.', forwardTo: '' });
    await o.act('camat', 'workflow.exit', { id: other.id, exit: 'ditolak', note: 'Bukan pengaduan pelayanan.', forwardTo: '' });
    await settle();
    expect(kasi1.heard.filter((e) => e.forMe)).toEqual([
      expect.objectContaining({ kind: 'complaint.closed', complaintId: id, registerNo, message: `Pengaduan ${registerNo} ditolak oleh Imam Camat; disposisinya kepada Anda selesai.` }),
    ]);
    expect([...kasi2.heard, ...staf.heard].filter((e) => e.forMe)).toEqual([]);
  });

  it('tells a Kasi appointed Plh. Camat for the day of a letter reaching its signing step, as his signature queue holds it, and no other Kasi', async () => {
    // Tue 24 Nov 2026 09.00 WIB, Pegantenan: step 10 is the Camat's signature. Kasi
    // Pemerintahan (kasi2) is Plh. Camat that day; the complaint goes to Kasi Pelayanan (kasi1).
    const o = await paperOffice('pegantenan', '2026-11-24T02:00:00.000Z', (core) => (t = core));
    await o.act('admin', 'officials.add', { userId: o.ids.kasi2!, kind: 'plh', from: '2026-11-24', to: '2026-11-24' });
    const watch = async (who: string) => watching(o.core, await signIn(o.core, who));
    const [acting, kasi1, camat, sekcam] = [await watch('kasi2'), await watch('kasi1'), await watch('camat'), await watch('sekcam')];
    const id = await o.record();
    const { registerNo } = await o.act('staf', 'complaints.get', { id });
    const draft = await pegantenanToSigning(o, id);
    await settle();
    const awaiting = (w: { heard: ClientEvent[] }) => w.heard.filter((e) => e.kind === 'document.awaitingSignature');
    const notice = (complaintId: number | null) => ({ complaintId, registerNo, forMe: true, message: expect.stringMatching(/menunggu tanda tangan Anda/) });
    // He may not open the complaint (disposed to kasi1): his notice leads to no page that would refuse him.
    expect(awaiting(acting)).toEqual([expect.objectContaining(notice(null))]);
    expect(awaiting(camat)).toEqual([expect.objectContaining(notice(id))]);
    expect(awaiting(kasi1)).toEqual([]);
    expect(awaiting(sekcam)).toEqual([]);
    // Exactly those whose signature queue holds the draft.
    expect((await o.act('kasi2', 'documents.signatureQueue', {})).map((q) => q.id)).toEqual([draft.id]);
    expect((await o.act('camat', 'documents.signatureQueue', {})).map((q) => q.id)).toEqual([draft.id]);
    expect(await o.act('sekcam', 'documents.signatureQueue', {})).toEqual([]);
  });

  it('offers a correction of a signed answer to whoever may sign it: the Camat, not the Sekcam, who may not sign it a.n.', async () => {
    const o = await paperOffice('pegantenan', '2026-11-24T02:00:00.000Z', (core) => (t = core));
    const watch = async (who: string) => watching(o.core, await signIn(o.core, who));
    const [camat, sekcam] = [await watch('camat'), await watch('sekcam')];
    const id = await o.record();
    const signed = await o.sign('camat', (await pegantenanToSigning(o, id)).id);
    const v2 = await o.act('staf', 'documents.revise', {
      id: signed.id,
      rowVersion: signed.rowVersion,
      content: { hal: 'Tanggapan atas pengaduan jalan rusak', sifat: 'biasa', lampiran: '-', body: ['Jalan telah ditambal pada 20 November.'], tembusan: [], satisfaction: null },
    });
    await settle();
    const awaiting = (w: { heard: ClientEvent[] }) => w.heard.filter((e) => e.kind === 'document.awaitingSignature').map((e) => e.complaintId);
    // The first version was announced to the Camat; the correction is announced to him again.
    expect(awaiting(camat)).toEqual([id, id]);
    expect(awaiting(sekcam)).toEqual([]);
    expect((await o.act('camat', 'documents.signatureQueue', {})).map((q) => q.id)).toEqual([v2.id]);
    expect(await o.act('sekcam', 'documents.signatureQueue', {})).toEqual([]);
    const seen = await o.act('sekcam', 'documents.get', { id: v2.id });
    expect(seen.actions).not.toContain('sign');
    expect(seen.signingAs).toBeNull();
    expect((await o.act('camat', 'documents.get', { id: v2.id })).signingAs).toMatchObject({ capacity: '', caption: ['CAMAT PEGANTENAN,'] });
  });

  it('tells nothing else of a complaint the user may not open, even addressed to him', async () => {
    const o = await office('2026-11-30T01:00:00.000Z');
    const kasi2 = await o.watch('kasi2');
    const { id, registerNo } = await o.act('staf', 'complaints.create', sampleComplaint());
    await o.act('staf', 'workflow.dispose', { id, to: [o.ids.kasi1], sifat: 'segera', instructions: ['proses_lanjut'], note: '' });
    await settle();
    // kasi2 may not open it (disposed to kasi1): a deadline event addressed to him is
    // dropped; only a letter awaiting his signature (an appointed Plh.) reaches him, unlinked.
    const addressed = (kind: 'step.late' | 'document.awaitingSignature') =>
      o.core.deps.events.emit({ kind, at: '2026-11-30T01:05:00.000Z', complaintId: id, registerNo, message: `Pengaduan ${registerNo}.`, to: [o.ids.kasi2] });
    addressed('step.late');
    addressed('document.awaitingSignature');
    expect(kasi2.heard.filter((e) => e.forMe)).toEqual([expect.objectContaining({ kind: 'document.awaitingSignature', complaintId: null, registerNo })]);
  });

  it('delivers nothing after logout and ends the watch', async () => {
    const o = await office('2026-11-30T01:00:00.000Z');
    const kasi1 = await o.watch('kasi1');
    const { id } = await o.act('staf', 'complaints.create', sampleComplaint());
    await ok(o.core, kasi1.session, 'auth.logout', {});
    await o.act('staf', 'workflow.dispose', { id, to: [o.ids.kasi1], sifat: 'segera', instructions: ['proses_lanjut'], note: '' });
    await settle();
    expect(kasi1.heard.filter((e) => e.forMe)).toEqual([]);
    expect(kasi1.ended).toBe(true);
  });

  it('announces a step at risk and then late once each, to whoever must act', async () => {
    // Mon 30 Nov 2026 07.35 WIB; the background sweep runs every 50 ms on the test clock.
    const o = await office('2026-11-30T00:30:00.000Z', 50);
    const { id } = await o.act('staf', 'complaints.create', sampleComplaint());
    o.clock.set('2026-11-30T00:35:00.000Z');
    await o.act('staf', 'workflow.dispose', { id, to: [o.ids.kasi1], sifat: 'segera', instructions: ['proses_lanjut'], note: '' });
    await settle();
    // Step 3 (1 hari) is due Tue 1 Dec 07.35 WIB. Sessions end after 30 idle minutes on the
    // test clock, so each watcher signs in shortly before the moment it is to hear of.
    const step = o.core.db.prepare('SELECT step_started_at AS startedAt, step_due_at AS dueAt FROM complaints WHERE id = ?').get(id) as { startedAt: string; dueAt: string };
    expect(step.dueAt).toBe('2026-12-01T00:35:00.000Z');
    const cal = officeCalendar(o.core.db);
    let threshold = Date.parse(step.startedAt);
    while (riskOf(new Date(threshold).toISOString(), step.startedAt, step.dueAt, cal, []).risk === 'aman') threshold += 60_000;
    o.clock.set(new Date(threshold - 10 * 60_000).toISOString());
    const [kasi1, kasi2, camat] = [await o.watch('kasi1'), await o.watch('kasi2'), await o.watch('camat')];
    await settle(200);
    expect(kasi1.heard.filter((e) => e.forMe)).toEqual([]);
    o.clock.set(new Date(threshold + 5 * 60_000).toISOString());
    await settle(400);
    const personal = (w: { heard: ClientEvent[] }) => w.heard.filter((e) => e.forMe).map((e) => e.kind);
    expect(personal(kasi1)).toEqual(['step.atRisk']);
    expect(kasi1.heard.find((e) => e.kind === 'step.atRisk')!.message).toMatch(/hampir habis/);
    expect(personal(kasi2)).toEqual([]);
    expect(personal(camat)).toEqual([]);
    o.clock.advanceMinutes(10);
    await settle(300);
    expect(personal(kasi1)).toEqual(['step.atRisk']);

    // Past its due the sweep escalates it to the Camat; both hear it is late, once.
    o.clock.set('2026-12-01T00:25:00.000Z');
    const late1 = await o.watch('kasi1');
    const lateCamat = await o.watch('camat');
    o.clock.set('2026-12-01T00:40:00.000Z');
    await settle(400);
    expect(personal(late1)).toEqual(['step.late']);
    expect(personal(lateCamat)).toEqual(['step.late']);
    o.clock.advanceMinutes(5);
    await settle(300);
    expect(personal(late1)).toEqual(['step.late']);
    expect(lateCamat.heard.find((e) => e.kind === 'step.late')).toMatchObject({ complaintId: id, message: expect.stringMatching(/terlampaui/) });
  });
});

describe('GET /api/events (SSE)', () => {
  it('streams the events of the cookie session, refuses without one and from another site', async () => {
    const o = await office('2026-11-30T01:00:00.000Z');
    const app = await createHttpServer(o.core);
    await app.listen({ host: '127.0.0.1', port: 0 });
    closers.push(() => app.close());
    const port = (app.server.address() as AddressInfo).port;
    const kasi = await o.login('kasi1');

    const get = (headers: Record<string, string>) =>
      new Promise<{ status: number; type: string; chunks: string[]; ended: () => boolean; close: () => void }>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path: '/api/events', headers }, (res) => {
          const chunks: string[] = [];
          let ended = false;
          res.setEncoding('utf8');
          res.on('data', (c: string) => chunks.push(c));
          res.on('end', () => (ended = true));
          resolve({ status: res.statusCode!, type: String(res.headers['content-type']), chunks, ended: () => ended, close: () => req.destroy() });
        });
        req.on('error', reject);
        req.end();
      });

    expect((await get({})).status).toBe(401);
    const cookie = `${SESSION_COOKIE}=${encodeURIComponent(kasi.token!)}`;
    expect((await get({ cookie, origin: 'http://evil.example' })).status).toBe(403);
    expect((await get({ cookie, 'sec-fetch-site': 'cross-site' })).status).toBe(403);

    const stream = await get({ cookie, 'sec-fetch-site': 'same-origin' });
    closers.push(stream.close);
    expect(stream.status).toBe(200);
    expect(stream.type).toMatch(/^text\/event-stream/);
    const { id, registerNo } = await o.act('staf', 'complaints.create', sampleComplaint());
    await o.act('staf', 'workflow.dispose', { id, to: [o.ids.kasi1], sifat: 'segera', instructions: ['proses_lanjut'], note: '' });
    await settle();
    const events = stream.chunks
      .join('')
      .split('\n\n')
      .filter((b) => b.startsWith('data: '))
      .map((b) => clientEventSchema.parse(JSON.parse(b.slice(6))));
    expect(events).toContainEqual(expect.objectContaining({ kind: 'disposition.new', complaintId: id, registerNo, forMe: true }));
    expect(events.map((e) => e.kind)).toContain('queues.changed');

    // A session keeps a few streams at most (tabs); one more is refused.
    const more = [];
    for (let i = 1; i < MAX_EVENT_STREAMS; i++) more.push(await get({ cookie }));
    for (const m of more) closers.push(m.close);
    expect(more.map((m) => m.status)).toEqual(Array(MAX_EVENT_STREAMS - 1).fill(200));
    expect((await get({ cookie })).status).toBe(429);

    // Logout closes the stream.
    expect(stream.ended()).toBe(false);
    await ok(o.core, kasi, 'auth.logout', {});
    await o.act('staf', 'complaints.create', sampleComplaint());
    await settle();
    expect(stream.chunks.join('')).toContain('event: end');
    expect(stream.ended()).toBe(true);
  });
});
