import { describe, expect, it } from 'vitest';
import { complaintQuerySchema } from './schemas/complaint';
import { isMonthKey, keadaanLabel, langkahLabel, stepDoneOf } from './registerQuery';

// The register reads its filters from the address with these plain checks; the core checks
// the same filters with complaintQuerySchema. Both must take and refuse the same values.
describe("the register's filters without zod", () => {
  const MANY_VERSIONS = Array.from({ length: 51 }, (_, i) => i + 1).join(',');
  const months = ['2026-10', '2026-01', '2100-12', '1999-12', '2026-13', '2026-00', '2026-1', '26-10', '', 'x', null];

  it('a month key as the schema takes it', () => {
    for (const m of months) expect(isMonthKey(m), String(m)).toBe(complaintQuerySchema.shape.akhirBulan.unwrap().safeParse(m).success);
  });

  it('a step filter as the schema takes it, from every mix of good and bad parts', () => {
    let taken = 0;
    for (const no of [1, 2, 99, 0, 100, 1.5, NaN, -3])
      for (const dari of ['2025-12', '2026-03', '2026-13', null])
        for (const sampai of ['2026-03', '2025-12', 'maret', null])
          for (const terlambat of [true, false])
            for (const versi of [null, '1', '2,3', '0', 'x', '', '1,,2', '1.5', MANY_VERSIONS]) {
              const plain = stepDoneOf(no, dari, sampai, terlambat, versi);
              const parsed = complaintQuerySchema.shape.langkah.safeParse({ no, dari, sampai, terlambat: terlambat ? true : undefined, versi: versi?.split(',').map(Number) });
              expect(plain, JSON.stringify({ no, dari, sampai, terlambat, versi })).toEqual(parsed.success ? parsed.data : undefined);
              if (plain) taken++;
            }
    // 3 numbers × (dari ≤ sampai: 3 of the 4 good pairs) × 2 × (no versions, 1, 2 and 3)
    expect(taken).toBe(18 * 3);
  });

  it('says the filters in words', () => {
    expect(keadaanLabel('terlambat', '2026-09')).toBe('Terlambat pada akhir September 2026');
    expect(keadaanLabel('belum_selesai')).toBe('Belum selesai');
    expect(langkahLabel({ no: 2, dari: '2025-12', sampai: '2026-11' })).toBe('Langkah 2 selesai, Desember 2025 – November 2026');
    expect(langkahLabel({ no: 3, dari: '2026-03', sampai: '2026-03', terlambat: true })).toBe('Langkah 3 terlambat, Maret 2026');
    expect(langkahLabel({ no: 3, dari: '2026-03', sampai: '2026-03', versi: [1, 2] })).toBe('Langkah 3 (standar versi 1, 2) selesai, Maret 2026');
  });
});
