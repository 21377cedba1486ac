import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN, addUser, carrier, fail, makeCore, ok, sampleComplaint, setupOffice, type TestCore } from '../support/core';
import { OFFICE_PRESETS } from '../../shared/standards/presets';

let t: TestCore;
afterEach(() => t?.dispose());

// A 1×1 PNG, real bytes.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('setup', () => {
  it('starts empty, sets up once, then refuses a second setup', async () => {
    t = makeCore();
    const s = carrier();
    expect(await ok(t.core, s, 'setup.status', {})).toEqual({ needsSetup: true, officeName: '' });
    const presets = await ok(t.core, s, 'setup.presets', {});
    expect(presets.map((p) => p.id)).toEqual([...OFFICE_PRESETS.map((p) => p.id), 'blank']);
    const admin = await setupOffice(t.core);
    expect(admin.token).toBeTruthy();
    expect(await ok(t.core, s, 'setup.status', {})).toMatchObject({ needsSetup: false, officeName: 'Kecamatan Kejayan' });
    const again = await fail(t.core, carrier(), 'setup.complete', {
      presetId: 'blank',
      office: { ...OFFICE_PRESETS[0]!.office },
      admin: { username: 'kedua', password: 'kata-sandi-123', user: { name: 'X', jabatan: 'Y', role: 'admin' } },
    });
    expect(again.code).toBe('conflict');
  });

  it('rejects bad input with a field and an Indonesian message, and stores nothing', async () => {
    t = makeCore();
    const office = { ...OFFICE_PRESETS[0]!.office, email: 'bukan-email', postalCode: '12' };
    const err = await fail(t.core, carrier(), 'setup.complete', {
      presetId: 'kejayan',
      office,
      admin: { username: 'ad', password: 'pendek', user: { name: '', jabatan: 'Admin', role: 'admin' } },
    });
    expect(err.code).toBe('validation');
    expect(err.fields).toMatchObject({
      'office.email': expect.stringContaining('email'),
      'office.postalCode': 'Kode pos harus 5 angka.',
      'admin.username': expect.stringContaining('3–32 karakter'),
      'admin.password': 'Kata sandi minimal 8 karakter.',
      'admin.user.name': 'Nama lengkap wajib diisi.',
    });
    expect(await ok(t.core, carrier(), 'setup.status', {})).toMatchObject({ needsSetup: true });
  });
});

describe('login and sessions', () => {
  it('locks the account after five wrong passwords and unlocks after 15 minutes', async () => {
    t = makeCore();
    await setupOffice(t.core);
    const s = carrier();
    for (let i = 0; i < 4; i++) {
      expect((await fail(t.core, s, 'auth.login', { username: 'admin', password: 'salah-salah' })).code).toBe('unauthenticated');
    }
    const locked = await fail(t.core, s, 'auth.login', { username: 'admin', password: 'salah-salah' });
    expect(locked.code).toBe('unauthenticated');
    const stillLocked = await fail(t.core, s, 'auth.login', ADMIN);
    expect(stillLocked.message).toMatch(/dikunci/);
    t.clock.advanceMinutes(16);
    expect((await ok(t.core, s, 'auth.login', ADMIN)).role).toBe('admin');
  });

  it('ends the session after 30 idle minutes but not while in use', async () => {
    t = makeCore();
    const admin = await setupOffice(t.core);
    t.clock.advanceMinutes(25);
    expect(await ok(t.core, admin, 'users.list', {})).toHaveLength(1);
    t.clock.advanceMinutes(25);
    expect(await ok(t.core, admin, 'users.list', {})).toHaveLength(1);
    t.clock.advanceMinutes(31);
    const err = await fail(t.core, admin, 'users.list', {});
    expect(err.code).toBe('unauthenticated');
    expect(err.message).toMatch(/30 menit/);
    expect(admin.token).toBeNull();
  });

  it("ends an idle session though the screen keeps refreshing on its own (quiet calls)", async () => {
    t = makeCore();
    const admin = await setupOffice(t.core);
    const screen = { get token() { return admin.token; }, setToken: (token: string | null) => admin.setToken(token), quiet: true };
    // The menu's refresh every minute for 29 minutes, nobody at the PC.
    for (let minute = 1; minute <= 29; minute++) {
      t.clock.advanceMinutes(1);
      expect(await ok(t.core, screen, 'users.list', {})).toHaveLength(1);
    }
    t.clock.advanceMinutes(2);
    const err = await fail(t.core, screen, 'users.list', {});
    expect(err.code).toBe('unauthenticated');
    expect(err.message).toMatch(/tidak ada aktivitas selama 30 menit/);
    expect(admin.token).toBeNull();
  });

  it('checks the role in the core for every call', async () => {
    t = makeCore();
    const admin = await setupOffice(t.core);
    const kasi = await addUser(t.core, admin, 'kasi.pelayanan', 'kasi');
    expect((await fail(t.core, kasi, 'complaints.create', sampleComplaint())).code).toBe('forbidden');
    expect((await fail(t.core, admin, 'complaints.list', {})).code).toBe('forbidden');
    expect((await fail(t.core, carrier(), 'complaints.list', {})).code).toBe('unauthenticated');
    expect((await fail(t.core, kasi, 'users.create', {})).code).toBe('forbidden');
    expect((await fail(t.core, kasi, 'no.such.call', {})).code).toBe('unknown_call');
  });
});

describe('users', () => {
  it('manages users and keeps at least one admin', async () => {
    t = makeCore();
    const admin = await setupOffice(t.core);
    await addUser(t.core, admin, 'staf1', 'staf');
    const dup = await fail(t.core, admin, 'users.create', {
      username: 'STAF1',
      password: 'kata-sandi-123',
      user: { name: 'Lain', jabatan: 'Staf', role: 'staf' },
    });
    expect(dup).toMatchObject({ code: 'conflict', field: 'username' });
    const noSeksi = await fail(t.core, admin, 'users.create', {
      username: 'kasi2',
      password: 'kata-sandi-123',
      user: { name: 'Kasi', jabatan: 'Kasi', role: 'kasi', seksi: '' },
    });
    expect(noSeksi.fields?.['user.seksi']).toMatch(/seksi/);
    const [me] = (await ok(t.core, admin, 'users.list', {})).filter((u) => u.role === 'admin');
    const demote = await fail(t.core, admin, 'users.update', { id: me!.id, rowVersion: me!.rowVersion, user: { ...me!, role: 'staf' } });
    expect(demote).toMatchObject({ code: 'conflict', field: 'role' });
    // Switched off, the refusal stands at the switch.
    const off = await fail(t.core, admin, 'users.update', { id: me!.id, rowVersion: me!.rowVersion, user: { ...me!, active: false } });
    expect(off).toMatchObject({ code: 'conflict', field: 'active', message: 'Akun ini satu-satunya Admin aktif; tidak dapat dinonaktifkan. Jadikan pengguna lain Admin terlebih dahulu.' });
  });

  it('deactivating a user ends their session', async () => {
    t = makeCore();
    const admin = await setupOffice(t.core);
    const staf = await addUser(t.core, admin, 'staf1', 'staf');
    const user = (await ok(t.core, admin, 'users.list', {})).find((u) => u.username === 'staf1')!;
    await ok(t.core, admin, 'users.update', { id: user.id, rowVersion: user.rowVersion, user: { ...user, active: false } });
    expect((await fail(t.core, staf, 'complaints.list', {})).code).toBe('unauthenticated');
    expect((await fail(t.core, carrier(), 'auth.login', { username: 'staf1', password: 'kata-sandi-123' })).code).toBe('unauthenticated');
  });
});

describe('complaint intake', () => {
  it('numbers complaints per year in the office time zone, without gaps', async () => {
    t = makeCore('2026-11-24T02:00:00.000Z');
    const admin = await setupOffice(t.core);
    const staf = await addUser(t.core, admin, 'staf1', 'staf', 'Budi Santoso');
    const a = await ok(t.core, staf, 'complaints.create', sampleComplaint());
    const b = await ok(t.core, staf, 'complaints.create', sampleComplaint({ subject: 'Lampu PJU mati' }));
    expect([a.registerNo, b.registerNo]).toEqual(['0001/PGD/2026', '0002/PGD/2026']);
    expect(a).toMatchObject({ status: 'diterima', receivedByName: 'Budi Santoso', receivedAt: '2026-11-24T02:00:00.000Z' });
    expect(a.events).toEqual([expect.objectContaining({ actorName: 'Budi Santoso', status: 'diterima' })]);
    // 31 Dec 2026 17:30 UTC is already 1 Jan 2027 00:30 WIB: a new year, a new sequence.
    t.clock.set('2026-12-31T17:30:00.000Z');
    await ok(t.core, staf, 'auth.login', { username: 'staf1', password: 'kata-sandi-123' });
    const c = await ok(t.core, staf, 'complaints.create', sampleComplaint());
    expect(c.registerNo).toBe('0001/PGD/2027');
  });

  it('stores attachments with their SHA-256 and refuses a file whose bytes lie about its type', async () => {
    t = makeCore();
    const admin = await setupOffice(t.core);
    const staf = await addUser(t.core, admin, 'staf1', 'staf');
    const created = await ok(t.core, staf, 'complaints.create', sampleComplaint({
      attachments: [{ fileName: 'foto jalan.png', mime: 'image/png', dataBase64: PNG.toString('base64') }],
    }));
    const [att] = created.attachments;
    expect(att).toMatchObject({ fileName: 'foto jalan.png', size: PNG.length });
    expect(readFileSync(join(t.dir, 'lampiran', `${att!.sha256}.png`))).toEqual(PNG);
    const back = await ok(t.core, staf, 'complaints.attachment', { id: att!.id });
    expect(Buffer.from(back.dataBase64, 'base64')).toEqual(PNG);

    const fake = await fail(t.core, staf, 'complaints.create', sampleComplaint({
      attachments: [{ fileName: 'virus.pdf', mime: 'application/pdf', dataBase64: Buffer.from('MZ not a pdf').toString('base64') }],
    }));
    expect(fake).toMatchObject({ code: 'validation', field: 'attachments.0' });
    const wrongType = await fail(t.core, staf, 'complaints.create', sampleComplaint({
      attachments: [{ fileName: 'surat.docx', mime: 'application/msword', dataBase64: 'AAAA' }],
    }));
    expect(wrongType.message).toMatch(/JPG\/PNG\/WEBP\) atau PDF/);
    const big = await fail(t.core, staf, 'complaints.create', sampleComplaint({
      attachments: [{ fileName: 'besar.pdf', mime: 'application/pdf', dataBase64: 'A'.repeat(7 * 1024 * 1024) }],
    }));
    expect(big.message).toMatch(/lebih besar dari 5 MB/);
    // Nothing of the refused saves reached the register or the counter.
    const next = await ok(t.core, staf, 'complaints.create', sampleComplaint());
    expect(next.registerNo).toBe('0002/PGD/2026');
  });

  it('requires a name unless the reporter is anonymous, and hides anonymous names', async () => {
    t = makeCore();
    const admin = await setupOffice(t.core);
    const staf = await addUser(t.core, admin, 'staf1', 'staf');
    const err = await fail(t.core, staf, 'complaints.create', sampleComplaint({ reporter: { name: '' } }));
    expect(err.fields?.['reporter.name']).toMatch(/Anonim/);
    const anon = await ok(t.core, staf, 'complaints.create', sampleComplaint({
      reporter: { name: 'Joko Rahasia', anonymous: true },
      subject: 'Pungutan liar surat pengantar',
    }));
    const list = await ok(t.core, staf, 'complaints.list', { q: 'pungutan' });
    expect(list.rows.map((r) => r.reporterName)).toEqual(['Anonim']);
    expect((await ok(t.core, staf, 'complaints.list', { q: 'Joko' })).total).toBe(0);
    expect((await ok(t.core, staf, 'complaints.get', { id: anon.id })).reporter.name).toBe('Joko Rahasia');
  });

  it("refuses a kind of complaint the office's standard does not serve, and records nothing", async () => {
    t = makeCore();
    const admin = await setupOffice(t.core); // Kejayan: pengaduan, aspirasi, permintaan informasi
    const staf = await addUser(t.core, admin, 'staf1', 'staf');
    const err = await fail(t.core, staf, 'complaints.create', sampleComplaint({ kind: 'konsultasi' }));
    expect(err.code).toBe('validation');
    expect(err.field).toBe('kind');
    expect(err.message).toMatch(/Konsultasi tidak dilayani/);
    expect((await ok(t.core, staf, 'complaints.list', {})).total).toBe(0);
  });

  it('keeps a complaint from a Kasi it is not disposed to, and shows it to him once disposed', async () => {
    t = makeCore();
    const admin = await setupOffice(t.core);
    const staf = await addUser(t.core, admin, 'staf1', 'staf');
    const kasi = await addUser(t.core, admin, 'kasi1', 'kasi');
    const c = await ok(t.core, staf, 'complaints.create', sampleComplaint());
    expect((await fail(t.core, kasi, 'complaints.get', { id: c.id })).code).toBe('forbidden');
    // No free unmasking: the identity is only for those who may see it.
    expect((await fail(t.core, kasi, 'complaints.personalData', { id: c.id, reason: 'Konfirmasi lapangan ke alamat pelapor' })).code).toBe('forbidden');
    expect((await ok(t.core, kasi, 'complaints.list', {})).rows[0]!.reporterName).not.toContain('Siti');
    expect((await ok(t.core, staf, 'complaints.get', { id: c.id })).reporter.nik).toBe('3514015506800002');
    const kasiId = (t.core.db.prepare("SELECT id FROM users WHERE username = 'kasi1'").get() as { id: number }).id;
    await ok(t.core, staf, 'workflow.dispose', { id: c.id, to: [kasiId], sifat: 'biasa', instructions: ['proses_lanjut'] });
    expect(await ok(t.core, kasi, 'complaints.get', { id: c.id })).toMatchObject({ personalDataMasked: false, reporter: { phone: '081234567890' } });
    // Opening the identity through the audited call needs a reason and is written to the audit chain.
    expect((await fail(t.core, kasi, 'complaints.personalData', { id: c.id, reason: '' })).field).toBe('reason');
    const opened = await ok(t.core, kasi, 'complaints.personalData', { id: c.id, reason: 'Konfirmasi lapangan ke alamat pelapor' });
    expect(opened.phone).toBe('081234567890');
    const row = t.core.db.prepare("SELECT actor_id, data FROM audit_log WHERE action = 'personal_data.viewed'").get() as { actor_id: number; data: string };
    expect(JSON.parse(row.data)).toEqual({ reason: 'Konfirmasi lapangan ke alamat pelapor' });
    expect(JSON.stringify(row)).not.toContain('0812');
  });
});

describe('register', () => {
  it('filters, sorts, searches and pages', async () => {
    t = makeCore();
    const admin = await setupOffice(t.core);
    const staf = await addUser(t.core, admin, 'staf1', 'staf');
    const subjects = ['Jalan rusak di Desa Ketangirejo', 'Lampu PJU mati', 'Antrean KTP-el lama', 'Sampah menumpuk di pasar', 'Jalan berlubang dekat sekolah'];
    for (const [i, subject] of subjects.entries()) {
      await ok(t.core, staf, 'complaints.create', sampleComplaint({ subject, description: `Uraian: ${subject}.`, channel: i % 2 ? 'whatsapp' : 'langsung', reporter: { name: `Pelapor ${String.fromCharCode(69 - i)}` } }));
    }
    const all = await ok(t.core, staf, 'complaints.list', {});
    expect(all.total).toBe(5);
    expect(all.rows[0]!.registerNo).toBe('0005/PGD/2026');
    expect(all.years).toEqual([2026]);
    const wa = await ok(t.core, staf, 'complaints.list', { channel: 'whatsapp', sort: 'registerNo', dir: 'asc' });
    expect(wa.rows.map((r) => r.subject)).toEqual(['Lampu PJU mati', 'Sampah menumpuk di pasar']);
    const jalan = await ok(t.core, staf, 'complaints.list', { q: 'jal' });
    expect(jalan.rows.map((r) => r.subject).sort()).toEqual(['Jalan berlubang dekat sekolah', 'Jalan rusak di Desa Ketangirejo']);
    expect((await ok(t.core, staf, 'complaints.list', { q: '0003/PGD' })).rows[0]!.subject).toBe('Antrean KTP-el lama');
    expect((await ok(t.core, staf, 'complaints.list', { q: '"); DROP TABLE complaints; --' })).total).toBe(0);
    const page = await ok(t.core, staf, 'complaints.list', { sort: 'reporterName', dir: 'asc', limit: 2, offset: 2 });
    expect(page.rows.map((r) => r.reporterName)).toEqual(['Pelapor C', 'Pelapor D']);
    expect(page.total).toBe(5);
    expect((await fail(t.core, staf, 'complaints.list', { limit: 5000 })).code).toBe('validation');
  });
});
