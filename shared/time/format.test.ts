import { describe, expect, it } from 'vitest';
import {
  formatDurasi,
  formatDuration,
  formatHariTanggal,
  formatJam,
  formatSingkat,
  formatTanggal,
  formatTanggalWaktu,
  tanggalTerbilang,
  terbilang,
  zoneAbbrev,
} from './format';

describe('terbilang', () => {
  it.each([
    [0, 'nol'],
    [1, 'satu'],
    [10, 'sepuluh'],
    [11, 'sebelas'],
    [12, 'dua belas'],
    [19, 'sembilan belas'],
    [20, 'dua puluh'],
    [23, 'dua puluh tiga'],
    [100, 'seratus'],
    [111, 'seratus sebelas'],
    [245, 'dua ratus empat puluh lima'],
    [1000, 'seribu'],
    [1001, 'seribu satu'],
    [2026, 'dua ribu dua puluh enam'],
    [11_000, 'sebelas ribu'],
    [100_000, 'seratus ribu'],
    [1_000_000, 'satu juta'],
    [2_500_000, 'dua juta lima ratus ribu'],
    [1_000_000_000, 'satu miliar'],
  ])('%i → %s', (n, words) => {
    expect(terbilang(n)).toBe(words);
  });

  it('refuses what it cannot write', () => {
    expect(() => terbilang(-1)).toThrow(RangeError);
    expect(() => terbilang(1.5)).toThrow(RangeError);
    expect(() => terbilang(1_000_000_000_000)).toThrow(RangeError);
  });
});

describe('tanggalTerbilang', () => {
  it('Senin, 23 November 2026, for a berita acara', () => {
    expect(tanggalTerbilang('2026-11-23', 'Asia/Jakarta')).toEqual({
      hari: 'Senin',
      tanggal: 'dua puluh tiga',
      bulan: 'November',
      tahun: 'dua ribu dua puluh enam',
    });
  });

  it("takes an instant's local date in the office's zone", () => {
    // 2026-11-22T17:30Z is Monday 23 Nov 00.30 WIB but still Sunday 22 Nov in UTC.
    expect(tanggalTerbilang('2026-11-22T17:30:00.000Z', 'Asia/Jakarta').hari).toBe('Senin');
    // 2026-11-22T16:30Z is 23.30 WIB on Sunday, 00.30 WITA on Monday.
    expect(tanggalTerbilang('2026-11-22T16:30:00.000Z', 'Asia/Jakarta')).toMatchObject({ hari: 'Minggu', tanggal: 'dua puluh dua' });
    expect(tanggalTerbilang('2026-11-22T16:30:00.000Z', 'Asia/Makassar')).toMatchObject({ hari: 'Senin', tanggal: 'dua puluh tiga' });
  });
});

describe('formatTanggal and formatTanggalWaktu', () => {
  // 2026-11-23T01:30Z = 08.30 WIB = 09.30 WITA = 10.30 WIT.
  const at = '2026-11-23T01:30:00.000Z';

  it('writes the local date and time with the zone', () => {
    expect(formatTanggal(at, 'Asia/Jakarta')).toBe('23 November 2026');
    expect(formatTanggalWaktu(at, 'Asia/Jakarta')).toBe('23 November 2026 pukul 08.30 WIB');
    expect(formatTanggalWaktu(at, 'Asia/Makassar')).toBe('23 November 2026 pukul 09.30 WITA');
    expect(formatTanggalWaktu(at, 'Asia/Jayapura')).toBe('23 November 2026 pukul 10.30 WIT');
    expect(formatJam(at, 'Asia/Jayapura')).toBe('10.30 WIT');
    expect(zoneAbbrev('Asia/Makassar')).toBe('WITA');
  });

  it('crosses midnight by zone: 31 Dec 2026 16.30 UTC is New Year in WIT and WITA, not in WIB', () => {
    const nye = '2026-12-31T16:30:00.000Z';
    expect(formatTanggalWaktu(nye, 'Asia/Jakarta')).toBe('31 Desember 2026 pukul 23.30 WIB');
    expect(formatTanggalWaktu(nye, 'Asia/Makassar')).toBe('1 Januari 2027 pukul 00.30 WITA');
    expect(formatTanggalWaktu(nye, 'Asia/Jayapura')).toBe('1 Januari 2027 pukul 01.30 WIT');
  });

  it('takes a plain date as it is, and a Date object', () => {
    expect(formatTanggal('2026-08-17', 'Asia/Jayapura')).toBe('17 Agustus 2026');
    expect(formatHariTanggal('2026-08-17', 'Asia/Jakarta')).toBe('Senin, 17 Agustus 2026');
    expect(formatTanggal(new Date('2026-02-19T01:00:00.000Z'), 'Asia/Jakarta')).toBe('19 Februari 2026');
    expect(formatSingkat(at, 'Asia/Makassar')).toBe('23/11/2026 09.30');
  });
});

describe('formatDurasi and formatDuration', () => {
  it.each([
    [0, '0 menit'],
    [45, '45 menit'],
    [60, '1 jam'],
    [125, '2 jam 5 menit'],
    [245, '4 jam 5 menit'],
    [-90, '1 jam 30 menit'],
    [59.6, '1 jam'],
  ])('%d menit → %s', (m, words) => {
    expect(formatDurasi(m)).toBe(words);
  });

  it('names the unit of a standard duration', () => {
    expect(formatDuration({ amount: 245, unit: 'menit_kerja' })).toBe('245 menit');
    expect(formatDuration({ amount: 2, unit: 'jam_kerja' })).toBe('2 jam');
    expect(formatDuration({ amount: 3, unit: 'hari_kerja' })).toBe('3 hari kerja');
    expect(formatDuration({ amount: 14, unit: 'hari_kalender' })).toBe('14 hari');
  });
});
