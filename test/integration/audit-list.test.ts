import { afterEach, describe, expect, it } from 'vitest';
import { addUser, carrier, fail, makeCore, ok, sampleComplaint, setupOffice, type TestCore } from '../support/core';

let t: TestCore;
afterEach(() => t?.dispose());

const csvOf = (file: { dataBase64: string }) => Buffer.from(file.dataBase64, 'base64').toString('utf8');

// Kejayan keeps WIB (UTC+7). Two complaints on either side of local midnight, a
// disposition, a personal-data view with a formula-looking reason, and a staff member
// whose name starts with "=".
async function office() {
  t = makeCore('2026-11-24T16:45:00.000Z'); // 24 Nov 23.45 WIB
  const admin = await setupOffice(t.core);
  const staf = await addUser(t.core, admin, 'staf1', 'staf', 'Dewi Lestari');
  await addUser(t.core, admin, 'rumus', 'staf', '=HYPERLINK("http://x")');
  const camat = await addUser(t.core, admin, 'camat1', 'camat', 'Ahmad Fauzi');
  const kasi = await addUser(t.core, admin, 'kasi1', 'kasi', 'Bambang');
  const sekcam = await addUser(t.core, admin, 'sekcam1', 'sekcam', 'Agus');
  const first = await ok(t.core, staf, 'complaints.create', sampleComplaint());
  t.clock.set('2026-11-24T17:05:00.000Z'); // 25 Nov 00.05 WIB
  const second = await ok(t.core, staf, 'complaints.create', sampleComplaint({ subject: 'Lampu jalan padam' }));
  await ok(t.core, staf, 'complaints.personalData', { id: second.id, reason: '=cmd|calc; perlu menghubungi pelapor' });
  const users = await ok(t.core, admin, 'users.list', {});
  const id = (username: string) => users.find((u) => u.username === username)!.id;
  return { admin, staf, camat, kasi, sekcam, first, second, id };
}

describe('audit.list', () => {
  it('filters by person, register number, local date and kind, newest first', async () => {
    const o = await office();
    const all = await ok(t.core, o.admin, 'audit.list', { offset: 0, limit: 200 });
    expect(all.total).toBe(all.rows.length);
    expect(all.rows.map((r) => r.id)).toEqual([...all.rows.map((r) => r.id)].sort((a, b) => b - a));
    expect(all.actors.map((a) => a.name)).toContain('Dewi Lestari');

    const byStaf = await ok(t.core, o.admin, 'audit.list', { actorId: o.id('staf1'), offset: 0, limit: 50 });
    expect(byStaf.rows.every((r) => r.actorName === 'Dewi Lestari' && r.actorRole === 'staf')).toBe(true);
    expect(byStaf.rows.filter((r) => r.action === 'complaint.received')).toHaveLength(2);

    const bySecond = await ok(t.core, o.admin, 'audit.list', { registerNo: ` ${o.second.registerNo.toLowerCase()} `, offset: 0, limit: 50 });
    expect(bySecond.rows.map((r) => r.label)).toEqual(['Data pribadi pelapor dibuka', 'Pengaduan diterima']);
    expect(bySecond.rows.every((r) => r.target === `Pengaduan ${o.second.registerNo}`)).toBe(true);
    expect(bySecond.rows[0]!.detail).toBe('Alasan: =cmd|calc; perlu menghubungi pelapor');

    // 24 November in WIB ends at 17.00 UTC: the first complaint is on the 24th, the second on the 25th.
    const on24 = await ok(t.core, o.admin, 'audit.list', { from: '2026-11-24', to: '2026-11-24', category: 'pengaduan', offset: 0, limit: 50 });
    expect(on24.rows.map((r) => r.target)).toEqual([`Pengaduan ${o.first.registerNo}`]);
    const on25 = await ok(t.core, o.admin, 'audit.list', { from: '2026-11-25', category: 'pengaduan', offset: 0, limit: 50 });
    expect(on25.rows.map((r) => r.target)).toEqual([`Pengaduan ${o.second.registerNo}`]);

    const users = await ok(t.core, o.admin, 'audit.list', { category: 'pengguna', offset: 0, limit: 50 });
    expect(users.rows.filter((r) => r.action === 'user.created').map((r) => r.target)).toContain('Pengguna kasi1');
    expect(users.rows.every((r) => r.action.startsWith('user.'))).toBe(true);
    const logins = await ok(t.core, o.admin, 'audit.list', { category: 'masuk', offset: 0, limit: 200 });
    expect(logins.rows.length).toBeGreaterThan(0);
    expect(logins.rows.every((r) => /^(login\.|logout|password\.)/.test(r.action))).toBe(true);

    // No complaint text and no reporter data anywhere in the rows.
    const text = JSON.stringify(all.rows);
    for (const secret of ['Siti Aminah', '3514015506800002', '081234567890', 'Dusun Krajan', 'Jalan desa rusak', 'Lampu jalan']) expect(text).not.toContain(secret);
  });

  it('pages with a stable total and says when a register number does not exist', async () => {
    const o = await office();
    const total = (await ok(t.core, o.admin, 'audit.list', { offset: 0, limit: 1 })).total;
    const page1 = await ok(t.core, o.admin, 'audit.list', { offset: 0, limit: 5 });
    const page2 = await ok(t.core, o.admin, 'audit.list', { offset: 5, limit: 5 });
    expect(page1.total).toBe(total);
    expect(page2.total).toBe(total);
    expect(page1.rows).toHaveLength(5);
    expect(page2.rows[0]!.id).toBe(page1.rows[4]!.id - 1);
    const last = await ok(t.core, o.admin, 'audit.list', { offset: total - 2, limit: 200 });
    expect(last.rows.map((r) => r.id)).toEqual([2, 1]);

    expect(await fail(t.core, o.admin, 'audit.list', { registerNo: '9999/PGD/2026', offset: 0, limit: 10 })).toMatchObject({
      code: 'validation',
      message: expect.stringContaining('9999/PGD/2026 tidak ditemukan'),
    });
    expect(await fail(t.core, o.admin, 'audit.list', { offset: 0, limit: 201 })).toMatchObject({ code: 'validation' });
    expect(await fail(t.core, o.admin, 'audit.list', { from: '2026-11-25', to: '2026-11-24', offset: 0, limit: 10 })).toMatchObject({
      code: 'validation',
      message: expect.stringContaining('"Dari"'),
    });
  });

  it('is open to the Admin and the Camat only', async () => {
    const o = await office();
    await ok(t.core, o.camat, 'audit.list', { offset: 0, limit: 10 });
    for (const s of [o.staf, o.kasi, o.sekcam]) {
      expect(await fail(t.core, s, 'audit.list', { offset: 0, limit: 10 })).toMatchObject({ code: 'forbidden' });
      expect(await fail(t.core, s, 'audit.export', {})).toMatchObject({ code: 'forbidden' });
    }
    expect(await fail(t.core, carrier(), 'audit.list', { offset: 0, limit: 10 })).toMatchObject({ code: 'unauthenticated' });
  });
});

describe('audit.export', () => {
  it('writes a semicolon CSV with BOM that Excel cannot run, and records the download', async () => {
    const o = await office();
    const expected = (await ok(t.core, o.admin, 'audit.list', { offset: 0, limit: 200 })).total;
    const file = await ok(t.core, o.camat, 'audit.export', {});
    expect(file).toMatchObject({ fileName: 'jejak-audit-2026-11-25.csv', mime: expect.stringContaining('text/csv') });
    const csv = csvOf(file);
    expect(csv.startsWith('\uFEFF"Waktu";"Pengguna";"Peran";"Tindakan";"Sasaran";"Keterangan";"No. baris"\r\n')).toBe(true);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(expected + 1);
    // Office local time, and the created user's name starting with "=" neutralised.
    expect(csv).toContain(`"25-11-2026 00.05";"Dewi Lestari";"Staf (Petugas Pengaduan)";"Pengaduan diterima";"Pengaduan ${o.second.registerNo}"`);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).not.toMatch(/(^|;)"[=+\-@]/m);
    for (const secret of ['Siti Aminah', '3514015506800002', '081234567890', 'Dusun Krajan']) expect(csv).not.toContain(secret);

    const narrowed = csvOf(await ok(t.core, o.admin, 'audit.export', { registerNo: o.first.registerNo.toLowerCase() }));
    expect(narrowed.trimEnd().split('\r\n')).toHaveLength(2);

    const exported = await ok(t.core, o.admin, 'audit.list', { category: 'audit', offset: 0, limit: 10 });
    expect(exported.rows.filter((r) => r.action === 'audit.exported').map((r) => [r.actorName, r.label, r.detail])).toEqual([
      ['Rina Admin', 'Jejak audit diunduh', `1 catatan; nomor ${o.first.registerNo.toLowerCase()}`],
      ['Ahmad Fauzi', 'Jejak audit diunduh', `${expected} catatan`],
    ]);
  });
});
