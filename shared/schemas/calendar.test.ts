import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '../time/workingTime';
import { calendarSchema } from './calendar';

describe('calendarSchema', () => {
  it('names the field whose text is too long, with its limit', () => {
    const cal = defaultCalendar('Asia/Jakarta');
    cal.closures.push({ date: '2026-12-31', name: 'x'.repeat(121), kind: 'libur_kantor' });
    cal.special[0]!.name = 'y'.repeat(81);
    const issues = calendarSchema.safeParse(cal).error?.issues.map((i) => i.message);
    expect(issues).toEqual(['Nama jadwal khusus paling panjang 80 karakter.', 'Nama hari libur paling panjang 120 karakter.']);
  });

  it('refuses a special schedule or a holiday on a day the calendar does not have', () => {
    const cal = defaultCalendar('Asia/Jakarta');
    cal.special[0]!.to = '2025-02-30';
    cal.closures[0]!.date = '2026-13-01';
    const issues = calendarSchema.safeParse(cal).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual([
      ['special.0.to', 'Tanggal akhir jadwal "Ramadan 1446 H" (2025-02-30) tidak ada di kalender.'],
      ['closures.0.date', 'Tanggal libur 2026-13-01 tidak ada di kalender.'],
    ]);
  });
});
