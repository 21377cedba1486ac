import { afterEach, describe, expect, it } from 'vitest';
import type { TestCore } from '../support/core';
import { paperOffice, type Office } from './paper';

// The register number and letter numbers follow the patterns the Admin sets on the
// document settings page; {unit} is the kode unit from the office profile.

let t: TestCore | undefined;
afterEach(() => t?.dispose());

const registerNo = async (o: Office, id: number) => (await o.act('staf', 'complaints.get', { id })).registerNo;
const withPatterns = async (o: Office, change: { registerPattern?: string; surat_penerusan?: string }) => {
  const settings = await o.act('admin', 'documents.settings', {});
  return {
    ...settings,
    registerPattern: change.registerPattern ?? settings.registerPattern,
    numberPatterns: { ...settings.numberPatterns, surat_penerusan: change.surat_penerusan ?? settings.numberPatterns.surat_penerusan },
  };
};
const save = async (o: Office, change: Parameters<typeof withPatterns>[1]) => o.act('admin', 'documents.updateSettings', await withPatterns(o, change));
const refuse = async (o: Office, change: Parameters<typeof withPatterns>[1]) => o.refuse('admin', 'documents.updateSettings', await withPatterns(o, change));

describe('register number pattern', () => {
  it('keeps today\'s numbers by default, applies a new pattern to the next complaint only, and stays gapless per year', async () => {
    const o = await paperOffice('kejayan', '2026-11-24T02:00:00.000Z', (core) => (t = core));
    expect((await o.act('admin', 'documents.settings', {})).registerPattern).toBe('{urut}/PGD/{tahun}');
    const first = await o.record();
    expect(await registerNo(o, first)).toBe('0001/PGD/2026');

    const saved = await save(o, { registerPattern: ' {urut}/PGD/{unit}/{bulan_romawi}/{tahun} ' });
    expect(saved.registerPattern).toBe('{urut}/PGD/{unit}/{bulan_romawi}/{tahun}');
    const second = await o.record();
    expect(await registerNo(o, second)).toBe('0002/PGD/Kec-Kjy/XI/2026');
    // The number already given does not change.
    expect(await registerNo(o, first)).toBe('0001/PGD/2026');

    // Search and the audit filter find both the old and the new number as typed.
    const list = (q: string) => o.act('staf', 'complaints.list', { q });
    expect((await list('0002/PGD/Kec-Kjy')).rows.map((r) => r.id)).toEqual([second]);
    expect((await list('0001/PGD/2026')).rows.map((r) => r.id)).toEqual([first]);
    const audit = await o.act('admin', 'audit.list', { registerNo: '0002/pgd/kec-kjy/xi/2026', offset: 0, limit: 10 });
    expect(audit.total).toBeGreaterThan(0);

    // A new year starts again at 0001 under the pattern then in force.
    o.clock.set('2026-12-31T17:30:00.000Z');
    const nextYear = await o.record();
    expect(await registerNo(o, nextYear)).toBe('0001/PGD/Kec-Kjy/I/2027');
    o.clock.set('2027-01-02T02:00:00.000Z');
    expect(await registerNo(o, await o.record())).toBe('0002/PGD/Kec-Kjy/I/2027');
  });

  it('refuses patterns that are unknown or could repeat, with a message that says what to fix', async () => {
    const o = await paperOffice('kejayan', '2026-11-24T02:00:00.000Z', (core) => (t = core));
    const refused = async (registerPattern: string) => {
      const error = await refuse(o, { registerPattern });
      expect(error.code).toBe('validation');
      return error.fields?.registerPattern;
    };
    expect(await refused('{urut}/{kode}/{tahun}')).toBe(
      'Pola nomor register memakai isian yang tidak dikenal: {kode}. Gunakan salah satu dari: {urut}, {unit}, {tahun}, {bulan}, {bulan_romawi}.',
    );
    expect(await refused('PGD/{tahun}')).toContain('harus memuat {urut}');
    expect(await refused('{urut}/PGD')).toContain('harus memuat {tahun}');
    expect(await refused('   ')).toBe('Pola nomor register wajib diisi.');
    expect(await refused(`{urut}/{tahun}/${'X'.repeat(60)}`)).toBe('Pola nomor register paling panjang 60 karakter.');
    // Nothing was saved: the next number is today's.
    expect(await registerNo(o, await o.record())).toBe('0001/PGD/2026');
  });
});

describe('letter numbers', () => {
  it('use the kode unit and the month placeholders', async () => {
    const o = await paperOffice('kejayan', '2026-11-24T02:00:00.000Z', (core) => (t = core));
    expect((await o.act('admin', 'documents.settings', {})).numberPatterns.surat_tanggapan).toBe('000.8.3.4/{urut}/{unit}/{tahun}');
    const bad = await refuse(o, { surat_penerusan: '000.8.3.4/{urut}/{kecamatan}/{tahun}' });
    expect(bad.fields?.['numberPatterns.surat_penerusan']).toContain('tidak dikenal: {kecamatan}');
    await save(o, { surat_penerusan: '000.8.3.4/{urut}/{unit}/{bulan_romawi}/{tahun}' });
    const id = await o.record();
    await o.act('camat', 'workflow.exit', { id, exit: 'bukan_kewenangan', note: 'Urusan instansi lain.', forwardTo: 'Perumda Air Minum Kab. Pasuruan' });
    const letter = (await o.docs(id)).find((d) => d.kind === 'surat_penerusan')!;
    o.later(30);
    expect((await o.sign('camat', letter.id)).number).toBe('000.8.3.4/1/Kec-Kjy/XI/2026');
  });
});
