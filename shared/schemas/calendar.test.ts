import { describe, expect, it } from 'vitest';
import { defaultCalendar, newCalendarDateIssues } from '../time/workingTime';
import { calendarSchema } from './calendar';

describe('calendarSchema', () => {
  it('names the field whose text is too long, with its limit', () => {
    const cal = defaultCalendar('Asia/Jakarta');
    cal.closures.push({ date: '2026-12-31', name: 'x'.repeat(121), kind: 'libur_kantor' });
    cal.special[0]!.name = 'y'.repeat(81);
    const issues = calendarSchema.safeParse(cal).error?.issues.map((i) => i.message);
    expect(issues).toEqual(['Nama jadwal khusus paling panjang 80 karakter.', 'Nama hari libur paling panjang 120 karakter.']);
  });

  it('on a save, refuses a special schedule from or to a day the calendar lacks, and dates outside 2000–2100 it did not hold', () => {
    const stored = defaultCalendar('Asia/Jakarta');
    // One stored before these rules: it stays readable, and a save that keeps it is not refused for it.
    stored.closures.push({ date: '1999-12-31', name: 'Libur lama', kind: 'libur_kantor' });
    expect(calendarSchema.safeParse(stored).success).toBe(true);
    expect(newCalendarDateIssues(stored, stored)).toEqual([]);
    const cal = structuredClone(stored);
    cal.special[0]!.to = '2025-02-30';
    cal.special[1]!.from = '1926-02-19';
    cal.closures.push({ date: '9999-12-31', name: 'Salah ketik', kind: 'libur_kantor' });
    expect(newCalendarDateIssues(cal, stored)).toEqual([
      { field: 'special.0.to', message: 'Tanggal akhir jadwal "Ramadan 1446 H" (2025-02-30) tidak ada di kalender.' },
      { field: 'special.1.from', message: 'Tanggal mulai jadwal "Ramadan 1447 H" (1926-02-19) di luar tahun 2000–2100.' },
      { field: `closures.${cal.closures.length - 1}.date`, message: 'Tanggal libur 9999-12-31 di luar tahun 2000–2100.' },
    ]);
  });
});
