import { afterEach, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../../shared/contract';
import { createCore, type Core } from '../../main/core';
import type { SessionCarrier } from '../../main/core/context';
import { addUser, carrier, createUser, fail, makeCore, ok, sampleComplaint, setupOffice, silentLog, type TestCore } from '../support/core';
import { paperOffice, PASSWORD } from './paper';

// Several PCs on one host: two Staf recording at the same moment, and two people
// editing the same record, where the second save must not silently undo the first.

const cleanup: (() => void)[] = [];
afterEach(() => {
  while (cleanup.length) cleanup.pop()!();
});

const seqsOf = (numbers: string[]) => numbers.map((n) => Number(n.split('/')[0])).sort((a, b) => a - b);

async function recordMany(core: Core, s: SessionCarrier, who: string, count: number) {
  const numbers: string[] = [];
  for (let i = 0; i < count; i++) numbers.push((await ok(core, s, 'complaints.create', sampleComplaint({ subject: `${who} mencatat pengaduan ${i}` }))).registerNo);
  return numbers;
}

describe('two Staf recording at once', () => {
  it('gives consecutive, distinct numbers to two sessions of one host recording at the same time, and loses none', async () => {
    const t = makeCore(new Date().toISOString());
    cleanup.push(t.dispose);
    const admin = await setupOffice(t.core);
    const [a, b] = [await addUser(t.core, admin, 'staf.a', 'staf'), await addUser(t.core, admin, 'staf.b', 'staf')];
    const [fromA, fromB] = await Promise.all([recordMany(t.core, a, 'A', 25), recordMany(t.core, b, 'B', 25)]);
    expect(seqsOf([...fromA, ...fromB])).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const list = await ok(t.core, a, 'complaints.list', { limit: 100 });
    expect(list.total).toBe(50);
    expect(new Set(list.rows.map((r) => r.registerNo))).toEqual(new Set([...fromA, ...fromB]));
  }, 60_000);

  it('gives consecutive, distinct numbers across two connections on the same database file writing at once', async () => {
    const t = makeCore(new Date().toISOString());
    cleanup.push(t.dispose);
    const admin = await setupOffice(t.core);
    await addUser(t.core, admin, 'staf.a', 'staf');
    await addUser(t.core, admin, 'staf.b', 'staf');
    // A second core with its own SQLite connection on the same folder, as a second process would have.
    const second = createCore({ dataDir: t.dir, now: t.clock.now, log: silentLog });
    cleanup.unshift(() => second.close());
    const [a, b] = [carrier(), carrier()];
    await ok(t.core, a, 'auth.login', { username: 'staf.a', password: 'kata-sandi-123' });
    await ok(second, b, 'auth.login', { username: 'staf.b', password: 'kata-sandi-123' });
    const [fromA, fromB] = await Promise.all([recordMany(t.core, a, 'A', 25), recordMany(second, b, 'B', 25)]);
    expect(seqsOf([...fromA, ...fromB])).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect((await ok(second, b, 'complaints.list', { limit: 100 })).total).toBe(50);
  }, 60_000);
});

// Each record two Admins may edit: how to read it, and a change each of them makes.
interface Editable<G extends CallName, U extends CallName> {
  name: string;
  get: G;
  update: U;
  read(o: TwoAdmins): Promise<CallOutput<G>>;
  change(current: CallOutput<G>, which: 1 | 2): CallInput<U>;
  // The part of the stored record the change sets, and what each change sets it to.
  changed(current: CallOutput<G>): unknown;
  value(which: 1 | 2): unknown;
}

interface TwoAdmins {
  t: TestCore;
  first: SessionCarrier;
  second: SessionCarrier;
  budiId: number;
}

async function twoAdmins(): Promise<TwoAdmins> {
  const t = makeCore('2026-11-29T07:05:00.000Z');
  cleanup.push(t.dispose);
  const first = await setupOffice(t.core);
  const second = carrier();
  const budi = await createUser(
    t.core,
    first,
    { username: 'budi', password: 'kata-sandi-123', user: { name: 'Budi Santoso', nip: '', jabatan: 'Pengelola Sistem', pangkat: '', role: 'admin', seksi: '', active: true } },
    second,
  );
  return { t, first, second, budiId: budi.id };
}

const EDITABLE = [
  {
    name: 'profil kantor',
    get: 'office.get',
    update: 'office.update',
    read: (o: TwoAdmins) => ok(o.t.core, o.first, 'office.get', {}),
    change: (c: CallOutput<'office.get'>, which: 1 | 2) => ({ ...c, phone: which === 1 ? '0343-111111' : '0343-222222' }),
    changed: (c: CallOutput<'office.get'>) => c.phone,
    value: (which: 1 | 2) => (which === 1 ? '0343-111111' : '0343-222222'),
  } satisfies Editable<'office.get', 'office.update'>,
  {
    name: 'standar pelayanan',
    get: 'standard.get',
    update: 'standard.update',
    read: (o: TwoAdmins) => ok(o.t.core, o.first, 'standard.get', {}),
    change: (c: CallOutput<'standard.get'>, which: 1 | 2) => ({ ...c, fee: which === 1 ? 'Gratis (diubah pertama)' : 'Gratis (diubah kedua)' }),
    changed: (c: CallOutput<'standard.get'>) => c.fee,
    value: (which: 1 | 2) => (which === 1 ? 'Gratis (diubah pertama)' : 'Gratis (diubah kedua)'),
  } satisfies Editable<'standard.get', 'standard.update'>,
  {
    name: 'kalender kerja',
    get: 'calendar.get',
    update: 'calendar.update',
    read: (o: TwoAdmins) => ok(o.t.core, o.first, 'calendar.get', {}),
    change: (c: CallOutput<'calendar.get'>, which: 1 | 2) => ({
      ...c,
      closures: [...c.closures.filter((x) => x.date !== '2026-12-24'), { date: '2026-12-24', kind: 'cuti_bersama' as const, name: which === 1 ? 'Cuti bersama A' : 'Cuti bersama B' }],
    }),
    changed: (c: CallOutput<'calendar.get'>) => c.closures.find((x) => x.date === '2026-12-24')?.name,
    value: (which: 1 | 2) => (which === 1 ? 'Cuti bersama A' : 'Cuti bersama B'),
  } satisfies Editable<'calendar.get', 'calendar.update'>,
  {
    name: 'pengaturan dokumen',
    get: 'documents.settings',
    update: 'documents.updateSettings',
    read: (o: TwoAdmins) => ok(o.t.core, o.first, 'documents.settings', {}),
    change: (c: CallOutput<'documents.settings'>, which: 1 | 2) => ({ ...c, paper: which === 1 ? ('A4' as const) : ('F4' as const) }),
    changed: (c: CallOutput<'documents.settings'>) => c.paper,
    value: (which: 1 | 2) => (which === 1 ? 'A4' : 'F4'),
  } satisfies Editable<'documents.settings', 'documents.updateSettings'>,
  {
    name: 'pengaturan cadangan',
    get: 'backup.status',
    update: 'backup.updateSettings',
    read: (o: TwoAdmins) => ok(o.t.core, o.first, 'backup.status', {}),
    change: (c: CallOutput<'backup.status'>, which: 1 | 2) => ({ ...c.settings, keep: which === 1 ? 4 : 9 }),
    changed: (c: CallOutput<'backup.status'>) => c.settings.keep,
    value: (which: 1 | 2) => (which === 1 ? 4 : 9),
  } satisfies Editable<'backup.status', 'backup.updateSettings'>,
] as const;

const STALE = /^Data ini sudah diubah oleh Budi Santoso pada 29 November 2026 pukul 14\.05 WIB\. Muat ulang untuk melihat perubahannya, lalu ulangi isian Anda\.$/;

describe('two people editing the same record', () => {
  for (const e of EDITABLE) {
    it(`${e.name}: the second save from the same starting point is refused with who and when, and the first stays`, async () => {
      const o = await twoAdmins();
      const { core } = o.t;
      const call = (s: SessionCarrier, input: unknown) => core.call(e.update, input, s);
      // Both open the form: the same data and version.
      const seenByFirst = await e.read(o);
      const seenByBudi = await e.read(o);
      // Budi saves first.
      const saved = await call(o.second, e.change(seenByBudi as never, 1));
      expect(saved.ok).toBe(true);
      // The other Admin saves what they typed, over the version they started from.
      const refused = await fail(core, o.first, e.update, e.change(seenByFirst as never, 2));
      expect(refused).toMatchObject({ code: 'conflict', field: 'rowVersion' });
      expect(refused.message).toMatch(STALE);
      const now = await e.read(o);
      expect(e.changed(now as never)).toBe(e.value(1));
      // After loading the newer data, the same change goes through.
      const retried = await call(o.first, e.change(now as never, 2));
      expect(retried.ok).toBe(true);
      expect(e.changed((await e.read(o)) as never)).toBe(e.value(2));
      // A client that names no version (an older app) cannot overwrite either.
      const { rowVersion: _, ...noVersion } = e.change(now as never, 1) as Record<string, unknown>;
      expect((await fail(core, o.first, e.update, noVersion)).code).toBe('validation');
    });
  }

  it('pengguna: the second save of the same user is refused with who and when, and the first stays', async () => {
    const o = await twoAdmins();
    const { core } = o.t;
    await addUser(core, o.first, 'staf1', 'staf', 'Dewi Lestari');
    const find = async () => (await ok(core, o.first, 'users.list', {})).find((u) => u.username === 'staf1')!;
    const seenByFirst = await find();
    const seenByBudi = await find();
    await ok(core, o.second, 'users.update', { id: seenByBudi.id, rowVersion: seenByBudi.rowVersion, user: { ...seenByBudi, jabatan: 'Pengadministrasi Umum' } });
    const refused = await fail(core, o.first, 'users.update', { id: seenByFirst.id, rowVersion: seenByFirst.rowVersion, user: { ...seenByFirst, pangkat: 'Penata Muda (III/a)' } });
    expect(refused).toMatchObject({ code: 'conflict', field: 'rowVersion' });
    expect(refused.message).toMatch(STALE);
    expect(await find()).toMatchObject({ jabatan: 'Pengadministrasi Umum', pangkat: 'Penata (III/c)' });
    // The user's own password change is no edit of these fields: it does not refuse the Admin's form.
    const fresh = await find();
    await ok(core, o.first, 'users.resetPassword', { id: fresh.id, password: 'atur-ulang-456' });
    await ok(core, o.first, 'users.update', { id: fresh.id, rowVersion: fresh.rowVersion, user: { ...fresh, pangkat: 'Penata Muda (III/a)' } });
    expect(await find()).toMatchObject({ jabatan: 'Pengadministrasi Umum', pangkat: 'Penata Muda (III/a)' });
    // A refusal names the last edit of the fields and its time, not a later password reset.
    const stale = await find();
    await ok(core, o.second, 'users.update', { id: stale.id, rowVersion: stale.rowVersion, user: { ...stale, jabatan: 'Pengelola Pengaduan' } });
    o.t.clock.advanceMinutes(20);
    await ok(core, o.first, 'users.resetPassword', { id: stale.id, password: 'atur-ulang-789' });
    const late = await fail(core, o.first, 'users.update', { id: stale.id, rowVersion: stale.rowVersion, user: { ...stale, pangkat: 'Penata (III/c)' } });
    expect(late.message).toMatch(STALE);
  });

  it('says it was the same person when the earlier save came from their other window', async () => {
    const o = await twoAdmins();
    const { core } = o.t;
    const office = await ok(core, o.second, 'office.get', {});
    await ok(core, o.second, 'office.update', { ...office, phone: '0343-333333' });
    const refused = await fail(core, o.second, 'office.update', { ...office, phone: '0343-444444' });
    expect(refused.message).toBe(
      'Data ini sudah Anda ubah di jendela atau komputer lain pada 29 November 2026 pukul 14.05 WIB. Muat ulang untuk melihat perubahannya, lalu ulangi isian Anda.',
    );
  });
});

describe('two people editing the same draft', () => {
  const content = (body: string) => ({ hal: 'Penerusan pengaduan masyarakat', sifat: 'biasa' as const, lampiran: '-', body: [body], tembusan: [], satisfaction: null });

  it('refuses the second revision of the same version, names who made the first, and keeps it', async () => {
    let t: TestCore | undefined;
    const o = await paperOffice('kejayan', '2026-11-29T07:05:00.000Z', (core) => (t = core));
    cleanup.push(t!.dispose);
    const id = await o.record();
    await o.act('camat', 'workflow.exit', { id, exit: 'bukan_kewenangan', note: 'Urusan air bersih.', forwardTo: 'Perumda Air Minum Kab. Pasuruan' });
    const v1 = (await o.docs(id)).find((d) => d.kind === 'surat_penerusan')!;
    // The Staf and the Sekcam both open version 1.
    const seenByStaf = await o.act('staf', 'documents.get', { id: v1.id });
    const seenBySekcam = await o.act('sekcam', 'documents.get', { id: v1.id });
    o.later(3);
    const v2 = await o.act('sekcam', 'documents.revise', { id: v1.id, rowVersion: seenBySekcam.rowVersion, content: content('Teks dari Sekcam.') });
    expect(v2.version).toBe(2);
    o.later(2);
    const refused = await o.refuse('staf', 'documents.revise', { id: v1.id, rowVersion: seenByStaf.rowVersion, content: content('Teks dari Staf.') });
    expect(refused).toMatchObject({ code: 'conflict', field: 'rowVersion' });
    expect(refused.message).toBe(
      'Data ini sudah diubah oleh Bambang Hartono, S.Sos. pada 29 November 2026 pukul 14.08 WIB. Muat ulang untuk melihat perubahannya, lalu ulangi isian Anda.',
    );
    const letters = (await o.docs(id)).filter((d) => d.kind === 'surat_penerusan');
    expect(letters.map((d) => [d.version, d.status])).toEqual([
      [1, 'diganti'],
      [2, 'draf'],
    ]);
    expect((await o.act('staf', 'documents.get', { id: v2.id })).draft?.body).toEqual(['Teks dari Sekcam.']);

    // A return changes the draft too: a revision started before it is refused, one after goes through.
    const seenBeforeReturn = await o.act('staf', 'documents.get', { id: v2.id });
    o.later(5);
    const returned = await o.act('camat', 'documents.return', { id: v2.id, reason: 'Sebutkan alamat Perumda.' });
    const afterReturn = await o.refuse('staf', 'documents.revise', { id: v2.id, rowVersion: seenBeforeReturn.rowVersion, content: content('Teks lama.') });
    expect(afterReturn.message).toMatch(/^Data ini sudah diubah oleh Drs\. Imam Santoso, M\.Si\. pada 29 November 2026 pukul 14\.15 WIB\./);
    const v3 = await o.act('staf', 'documents.revise', { id: v2.id, rowVersion: returned.rowVersion, content: content('Teks dengan alamat Perumda.') });
    expect(v3.version).toBe(3);
  });

  it('refuses a second correction of the same signed letter begun from the same screen', async () => {
    let t: TestCore | undefined;
    const o = await paperOffice('kejayan', '2026-11-29T07:05:00.000Z', (core) => (t = core));
    cleanup.push(t!.dispose);
    const id = await o.record();
    await o.act('camat', 'workflow.exit', { id, exit: 'bukan_kewenangan', note: 'Urusan air bersih.', forwardTo: 'Perumda Air Minum Kab. Pasuruan' });
    const v1 = (await o.docs(id)).find((d) => d.kind === 'surat_penerusan')!;
    const signed = await o.act('camat', 'documents.sign', { id: v1.id, password: PASSWORD });
    await o.act('staf', 'documents.revise', { id: v1.id, rowVersion: signed.rowVersion, content: content('Koreksi pertama.') });
    const second = await o.refuse('sekcam', 'documents.revise', { id: v1.id, rowVersion: signed.rowVersion, content: content('Koreksi kedua.') });
    expect(second).toMatchObject({ code: 'conflict', field: 'rowVersion' });
    expect(second.message).toMatch(/^Data ini sudah diubah oleh Dewi Lestari pada 29 November 2026/);
  });
});
