import { describe, expect, it } from 'vitest';
import { yearsWithoutHolidays } from './ClosuresEditor';

describe('yearsWithoutHolidays', () => {
  const nyd = (year: number, kind: 'libur_nasional' | 'cuti_bersama' | 'libur_kantor' = 'libur_nasional') => ({ date: `${year}-01-01`, kind });

  it("asks for this year's national holidays, and from October for next year's too", () => {
    expect(yearsWithoutHolidays('2026-03-10', [])).toEqual(['2026']);
    expect(yearsWithoutHolidays('2026-03-10', [nyd(2026)])).toEqual([]);
    expect(yearsWithoutHolidays('2026-09-30', [nyd(2026)])).toEqual([]);
    expect(yearsWithoutHolidays('2026-10-01', [nyd(2026)])).toEqual(['2027']);
    expect(yearsWithoutHolidays('2026-12-06', [nyd(2026), nyd(2027)])).toEqual([]);
  });

  it('counts national holidays only: an office closure or a cuti bersama alone is not the year recorded', () => {
    expect(yearsWithoutHolidays('2026-12-06', [nyd(2026), nyd(2027, 'libur_kantor'), nyd(2027, 'cuti_bersama')])).toEqual(['2027']);
  });
});
