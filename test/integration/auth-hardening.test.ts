import { afterEach, describe, expect, it, vi } from 'vitest';

import { LOGIN_MAX_FAILURES, SESSION_MAX_HOURS } from '../../shared/domain';
import { OFFICE_PRESETS } from '../../shared/standards/presets';
import { hashPassword } from '../../main/core/auth/passwords';
import { LOGIN_LIMIT } from '../../main/core/auth/rateLimit';
import { createHttpServer, type HttpServer } from '../../main/http/server';
import { inject } from '../support/inject';
import { ADMIN, addUser, carrier, createUser, fail, makeCore, ok, setupOffice, type TestCore } from '../support/core';

// Counts argon2 hashing, to show a set-up office refuses setup.complete before any.
vi.mock('../../main/core/auth/passwords', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../main/core/auth/passwords')>();
  return { ...real, hashPassword: vi.fn(real.hashPassword) };
});

let t: TestCore;
let app: HttpServer | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
  t?.dispose();
});

const auditRows = () =>
  t.core.db.prepare('SELECT action, actor_id AS actorId, entity_id AS entityId, data FROM audit_log ORDER BY id').all() as {
    action: string;
    actorId: number | null;
    entityId: number | null;
    data: string;
  }[];
const reasons = () => auditRows().filter((r) => r.action === 'login.failed').map((r) => (JSON.parse(r.data) as { reason: string }).reason);
const wrong = (username = 'admin') => fail(t.core, carrier(), 'auth.login', { username, password: 'salah-salah' });

describe('login attempts', () => {
  it('locks the account when 60 wrong passwords arrive at once, checking at most the limit', async () => {
    t = makeCore();
    await setupOffice(t.core);
    const refusals = await Promise.all(Array.from({ length: 60 }, () => wrong()));
    expect(new Set(refusals.map((e) => e.code))).toEqual(new Set(['unauthenticated']));
    expect(reasons().filter((r) => r === 'wrong_password')).toHaveLength(LOGIN_MAX_FAILURES);
    expect(reasons().filter((r) => r === 'locked')).toHaveLength(60 - LOGIN_MAX_FAILURES);
    expect(auditRows().filter((r) => r.action === 'login.locked')).toHaveLength(1);
    // Locked: even the right password is refused until the lock ends.
    expect((await fail(t.core, carrier(), 'auth.login', ADMIN)).code).toBe('unauthenticated');
    t.clock.advanceMinutes(16);
    expect((await ok(t.core, carrier(), 'auth.login', ADMIN)).role).toBe('admin');
  });

  it('counts a wrong password asked again of someone signed in toward the same lock, and the lock ends their session', async () => {
    t = makeCore();
    const admin = await setupOffice(t.core);
    const camat = await addUser(t.core, admin, 'camat', 'camat');
    const change = (oldPassword: string) => t.core.call('auth.changePassword', { oldPassword, newPassword: 'sandi-baru-sekali' }, camat);
    // Two wrong, then the right one: the count starts again (as after a good login).
    for (let i = 0; i < 2; i++) expect(await change('bukan-sandinya')).toMatchObject({ ok: false, error: { code: 'validation', field: 'oldPassword' } });
    expect((await change('kata-sandi-123')).ok).toBe(true);
    for (let i = 1; i < LOGIN_MAX_FAILURES; i++) {
      expect(await t.core.call('auth.changePassword', { oldPassword: 'tebak-tebak', newPassword: 'sandi-lain-lagi' }, camat)).toMatchObject({ ok: false, error: { field: 'oldPassword' } });
    }
    const locked = await fail(t.core, camat, 'auth.changePassword', { oldPassword: 'tebak-lagi', newPassword: 'sandi-lain-lagi' });
    expect(locked.code).toBe('unauthenticated');
    expect(locked.message).toMatch(/akun dikunci sementara dan Anda dikeluarkan/);
    expect(camat.token).toBeNull();
    // Locked for everyone, the right password included, until the lock ends.
    expect((await fail(t.core, carrier(), 'auth.login', { username: 'camat', password: 'sandi-baru-sekali' })).code).toBe('unauthenticated');
    const rows = auditRows().filter((r) => r.action === 'password.confirm_failed' || r.action === 'login.locked');
    // The attempt that reaches the limit locks before its password is checked.
    const failed = (n: number) => Array<string>(n).fill('password.confirm_failed');
    expect(rows.map((r) => r.action)).toEqual([...failed(1 + LOGIN_MAX_FAILURES), 'login.locked', ...failed(1)]);
    expect(JSON.parse(rows[0]!.data)).toEqual({ reason: 'wrong_password', during: 'change_password' });
    t.clock.advanceMinutes(16);
    expect((await ok(t.core, carrier(), 'auth.login', { username: 'camat', password: 'sandi-baru-sekali' })).username).toBe('camat');
  });

  it("keeps the sessions of someone whose account others locked at the login page, and says so when they confirm", async () => {
    t = makeCore();
    const admin = await setupOffice(t.core);
    const camat = await addUser(t.core, admin, 'camat', 'camat');
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) await wrong('camat');
    const refused = await fail(t.core, camat, 'auth.changePassword', { oldPassword: 'kata-sandi-123', newPassword: 'sandi-baru-sekali' });
    expect(refused).toMatchObject({ code: 'locked', message: expect.stringMatching(/^Akun Anda sedang dikunci sementara .* Coba lagi setelah 15 menit/) });
    expect((await ok(t.core, camat, 'auth.me', {}))?.username).toBe('camat');
    t.clock.advanceMinutes(16);
    expect((await t.core.call('auth.changePassword', { oldPassword: 'kata-sandi-123', newPassword: 'sandi-baru-sekali' }, camat)).ok).toBe(true);
  });

  it('shows the Admin a locked account until when, and the Admin unlocks it with its password unchanged', async () => {
    t = makeCore('2026-11-24T02:00:00.000Z');
    const admin = await setupOffice(t.core);
    const camat = await addUser(t.core, admin, 'camat', 'camat');
    const listed = async () => (await ok(t.core, admin, 'users.list', {})).find((u) => u.username === 'camat')!;
    expect((await listed()).lockedUntil).toBeNull();
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) await wrong('camat');
    // 15 minutes after the last wrong password.
    expect((await listed()).lockedUntil).toBe('2026-11-24T02:15:00.000Z');
    expect((await fail(t.core, camat, 'users.unlock', { id: (await listed()).id })).code).toBe('forbidden');
    expect(await ok(t.core, admin, 'users.unlock', { id: (await listed()).id })).toEqual({ ok: true });
    expect((await listed()).lockedUntil).toBeNull();
    expect((await t.core.call('auth.login', { username: 'camat', password: 'kata-sandi-123' }, carrier())).ok).toBe(true);
    expect(auditRows().filter((r) => r.action === 'user.unlocked').map((r) => r.entityId)).toEqual([(await listed()).id]);
    // A lock that has run out is not shown.
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) await wrong('camat');
    t.clock.advanceMinutes(16);
    expect((await listed()).lockedUntil).toBeNull();
  });

  it('checks at most the limit of 20 wrong confirmations sent at once, and the rest find the account locked', async () => {
    t = makeCore();
    const admin = await setupOffice(t.core);
    const sekcam = await addUser(t.core, admin, 'sekcam', 'sekcam');
    const tries = await Promise.all(
      Array.from({ length: 20 }, (_, i) => t.core.call('auth.changePassword', { oldPassword: `tebakan-${i}`, newPassword: 'sandi-baru-sekali' }, sekcam)),
    );
    expect(tries.every((r) => !r.ok)).toBe(true);
    const confirmed = auditRows().filter((r) => r.action === 'password.confirm_failed').map((r) => (JSON.parse(r.data) as { reason: string }).reason);
    expect(confirmed.filter((r) => r === 'wrong_password')).toHaveLength(LOGIN_MAX_FAILURES);
    expect(confirmed.filter((r) => r === 'locked')).toHaveLength(20 - LOGIN_MAX_FAILURES);
  });

  it('locks longer each time the limit is reached again without a successful login', async () => {
    t = makeCore();
    await setupOffice(t.core);
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) await wrong();
    t.clock.advanceMinutes(16);
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) await wrong();
    t.clock.advanceMinutes(16);
    expect((await fail(t.core, carrier(), 'auth.login', ADMIN)).code).toBe('unauthenticated');
    t.clock.advanceMinutes(15);
    await ok(t.core, carrier(), 'auth.login', ADMIN);
    const locks = auditRows().filter((r) => r.action === 'login.locked').map((r) => JSON.parse(r.data) as { minutes: number });
    expect(locks.map((l) => l.minutes)).toEqual([15, 30]);
  });

  it('answers an unknown user, a wrong password, a locked and a deactivated account alike, and audits which it was', async () => {
    t = makeCore();
    const admin = await setupOffice(t.core);
    await addUser(t.core, admin, 'staf1', 'staf');
    const staf = (await ok(t.core, admin, 'users.list', {})).find((u) => u.username === 'staf1')!;
    await ok(t.core, admin, 'users.update', { id: staf.id, rowVersion: staf.rowVersion, user: { ...staf, active: false } });

    const unknown = await wrong('tidak.ada');
    const badPassword = await wrong();
    for (let i = 1; i < LOGIN_MAX_FAILURES; i++) await wrong();
    const locked = await fail(t.core, carrier(), 'auth.login', ADMIN);
    const inactive = await fail(t.core, carrier(), 'auth.login', { username: 'staf1', password: 'kata-sandi-123' });

    for (const e of [badPassword, locked, inactive]) expect(e).toEqual(unknown);
    expect(unknown.code).toBe('unauthenticated');
    expect(unknown.message).toMatch(/^Nama pengguna atau kata sandi salah, atau akun sedang dikunci atau dinonaktifkan\. .*Admin kantor membuka kunci akun \(menu Pengguna\), mengaktifkannya kembali/);
    expect(reasons()).toEqual(['unknown_user', ...Array<string>(LOGIN_MAX_FAILURES).fill('wrong_password'), 'locked', 'inactive']);
    const unknownRow = auditRows().find((r) => r.action === 'login.failed')!;
    expect(unknownRow).toMatchObject({ actorId: null, entityId: null });
    expect(JSON.stringify(auditRows())).not.toMatch(/salah-salah|tidak\.ada|kata-sandi/);
  });
});

describe('sessions', () => {
  it(`ends a session ${SESSION_MAX_HOURS} hours after login even while in use`, async () => {
    t = makeCore();
    const admin = await setupOffice(t.core);
    for (let m = 0; m < SESSION_MAX_HOURS * 60 - 20; m += 20) {
      t.clock.advanceMinutes(20);
      await ok(t.core, admin, 'users.list', {});
    }
    t.clock.advanceMinutes(21);
    const ended = await fail(t.core, admin, 'users.list', {});
    expect(ended.code).toBe('unauthenticated');
    expect(ended.message).toMatch(/12 jam sejak masuk\. Silakan masuk lagi/);
    expect(admin.token).toBeNull();
  });

  it('tells someone whose sessions the Admin or a password change ended why, at their next call', async () => {
    t = makeCore();
    const admin = await setupOffice(t.core);
    const kasi = await addUser(t.core, admin, 'kasi', 'kasi');
    const other = carrier();
    await ok(t.core, other, 'auth.login', { username: 'kasi', password: 'kata-sandi-123' });
    const id = (await ok(t.core, admin, 'users.list', {})).find((u) => u.username === 'kasi')!.id;
    // The Kasi changes his password at one PC: the other PC's session ends, and says why.
    await ok(t.core, kasi, 'auth.changePassword', { oldPassword: 'kata-sandi-123', newPassword: 'sandi-baru-sekali' });
    expect(await fail(t.core, other, 'complaints.list', {})).toMatchObject({ code: 'unauthenticated', message: expect.stringMatching(/^Sesi Anda diakhiri karena kata sandi akun ini diganti\./) });
    // The Admin resets it: his session ends too, the Admin named.
    await ok(t.core, admin, 'users.resetPassword', { id, password: 'atur-ulang-123' });
    expect(await fail(t.core, kasi, 'complaints.list', {})).toMatchObject({ code: 'unauthenticated', message: expect.stringMatching(/^Sesi Anda diakhiri karena Admin kantor mengubah akun Anda/) });
    // A token never seen is just asked to sign in.
    expect((await fail(t.core, { token: 'tidak-dikenal', setToken: () => {} }, 'complaints.list', {})).message).toBe('Silakan masuk terlebih dahulu.');
  });
});

describe('first login', () => {
  it('makes a user the Admin created or reset change the password before anything else', async () => {
    t = makeCore();
    const admin = await setupOffice(t.core);
    expect((await ok(t.core, admin, 'auth.me', {}))?.mustChangePassword).toBe(false);
    const created = await ok(t.core, admin, 'users.create', {
      username: 'staf1',
      password: 'dari-admin-123',
      user: { name: 'Budi', nip: '', jabatan: 'Staf', pangkat: '', role: 'staf', seksi: '', active: true },
    });
    const staf = carrier();
    expect((await ok(t.core, staf, 'auth.login', { username: 'staf1', password: 'dari-admin-123' })).mustChangePassword).toBe(true);
    expect((await ok(t.core, staf, 'auth.me', {}))?.mustChangePassword).toBe(true);
    const refused = await fail(t.core, staf, 'complaints.list', {});
    expect(refused).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/Ganti kata sandi terlebih dahulu/) });
    const same = await fail(t.core, staf, 'auth.changePassword', { oldPassword: 'dari-admin-123', newPassword: 'dari-admin-123' });
    expect(same).toMatchObject({ code: 'validation', field: 'newPassword' });
    await ok(t.core, staf, 'auth.changePassword', { oldPassword: 'dari-admin-123', newPassword: 'pilihan-sendiri-1' });
    expect((await ok(t.core, staf, 'auth.me', {}))?.mustChangePassword).toBe(false);
    await ok(t.core, staf, 'complaints.list', {});

    await ok(t.core, admin, 'users.resetPassword', { id: created.id, password: 'atur-ulang-123' });
    const again = carrier();
    expect((await ok(t.core, again, 'auth.login', { username: 'staf1', password: 'atur-ulang-123' })).mustChangePassword).toBe(true);
    expect((await fail(t.core, again, 'complaints.list', {})).code).toBe('forbidden');
    await ok(t.core, again, 'auth.logout', {});
  });
});

describe("the host's clock", () => {
  it('says the time on its own clock in every answer about the session, for the screens of a PC whose clock is wrong', async () => {
    t = makeCore();
    t.clock.set('2026-12-31T16:59:30.000Z');
    const admin = await setupOffice(t.core);
    expect((await ok(t.core, admin, 'auth.me', {}))?.hostTime).toBe('2026-12-31T16:59:30.000Z');
    t.clock.advanceMinutes(1);
    expect((await ok(t.core, admin, 'auth.me', {}))?.hostTime).toBe('2026-12-31T17:00:30.000Z');
    t.clock.advanceMinutes(1);
    const again = carrier();
    expect((await ok(t.core, again, 'auth.login', ADMIN)).hostTime).toBe('2026-12-31T17:01:30.000Z');
  });
});

describe('setup', () => {
  it('refuses setup.complete on a set-up office before hashing any password', async () => {
    t = makeCore();
    await setupOffice(t.core);
    const hashed = vi.mocked(hashPassword).mock.calls.length;
    const preset = OFFICE_PRESETS[0]!;
    const err = await fail(t.core, carrier(), 'setup.complete', {
      presetId: preset.id,
      office: { ...preset.office, logo: '' },
      admin: { username: 'penyusup', password: 'rahasia-baru-1', user: { name: 'X', jabatan: 'X', role: 'admin' } },
    });
    expect(err).toMatchObject({ code: 'conflict', message: expect.stringMatching(/sudah disiapkan/) });
    expect(vi.mocked(hashPassword).mock.calls.length).toBe(hashed);
  });
});

describe('audit of security events', () => {
  it('records setup, logins, lockout, logout, user changes and office changes without personal data', async () => {
    t = makeCore();
    const admin = await setupOffice(t.core);
    const created = await createUser(t.core, admin, {
      username: 'staf1',
      password: 'kata-sandi-123',
      user: { name: 'Budi Santoso', nip: '198001012005011001', jabatan: 'Staf', pangkat: '', role: 'staf', seksi: '', active: true },
    });
    const renamed = await ok(t.core, admin, 'users.update', { id: created.id, rowVersion: created.rowVersion, user: { ...created, jabatan: 'Pengadministrasi Umum' } });
    await ok(t.core, admin, 'users.resetPassword', { id: created.id, password: 'atur-ulang-123' });
    await ok(t.core, admin, 'users.update', { id: created.id, rowVersion: renamed.rowVersion, user: { ...renamed, active: false } });
    const office = await ok(t.core, admin, 'office.get', {});
    await ok(t.core, admin, 'office.update', { ...office, phone: '0343-999999' });
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) await wrong();
    expect((await ok(t.core, admin, 'audit.verify', {})).ok).toBe(true);
    await ok(t.core, admin, 'auth.logout', {});

    const rows = auditRows();
    expect(rows.map((r) => r.action)).toEqual([
      'setup.completed',
      'user.created',
      'login.succeeded',
      'password.changed',
      'user.updated',
      'user.password_reset',
      'user.deactivated',
      'office.updated',
      ...Array<string>(LOGIN_MAX_FAILURES - 1).fill('login.failed'),
      'login.locked',
      'login.failed',
      'logout',
    ]);
    expect(JSON.parse(rows.find((r) => r.action === 'user.updated')!.data)).toEqual({ changed: ['jabatan'], role: 'staf', active: true });
    expect(JSON.parse(rows.find((r) => r.action === 'office.updated')!.data)).toEqual({ changed: ['phone'] });
    expect(rows.find((r) => r.action === 'user.created')).toMatchObject({ actorId: 1, entityId: created.id });
    expect(JSON.stringify(rows)).not.toMatch(/Budi|198001012005011001|kata-sandi|atur-ulang|0343|Pengadministrasi|salah-salah/);
  });
});

describe('HTTP login rate limit', () => {
  it(`answers 429 after ${LOGIN_LIMIT.max} login attempts a minute from one address, not from another`, async () => {
    t = makeCore();
    await setupOffice(t.core);
    const server = await createHttpServer(t.core);
    app = server;
    const attempt = (remoteAddress: string) =>
      inject(server, { method: 'POST', url: '/api/auth.login', payload: { username: 'tidak.ada', password: 'x' }, headers: { 'x-tanggap': '1' }, remoteAddress });
    for (let i = 0; i < LOGIN_LIMIT.max; i++) expect((await attempt('10.0.0.7')).statusCode).toBe(401);
    const limited = await attempt('10.0.0.7');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ ok: false, error: { code: 'rate_limited', message: expect.stringMatching(/Tunggu satu menit/) } });
    expect((await attempt('10.0.0.8')).statusCode).toBe(401);
    // Other calls from the limited address still pass.
    expect((await inject(server, { method: 'POST', url: '/api/setup.status', payload: {}, headers: { 'x-tanggap': '1' }, remoteAddress: '10.0.0.7' })).statusCode).toBe(200);
  });
});
