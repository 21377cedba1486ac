import { describe, expect, it } from 'vitest';
import { blankStandard } from '../../../shared/standards/presets';
import { defaultCalendar, type OfficeCalendar } from '../../../shared/time/workingTime';
import { autoWithdrawAt } from './engine';

// The sweep asks for every paused file's withdrawal time before each change; the answer
// is kept per calendar object, so a calendar saved with a new holiday must give a new one.
describe('autoWithdrawAt', () => {
  const standard = { ...blankStandard(), autoWithdrawHariKerja: 3 };
  // Paused on Monday 2 March 2026, 09:00 WIB: three working days later is Thursday 09:00.
  const pausedAt = '2026-03-02T02:00:00.000Z';

  it('counts working days on the calendar it is given, and again on a changed calendar', () => {
    const cal: OfficeCalendar = { ...defaultCalendar('Asia/Jakarta'), closures: [] };
    expect(autoWithdrawAt(pausedAt, standard, cal)).toBe('2026-03-05T02:00:00.000Z');
    expect(autoWithdrawAt(pausedAt, standard, cal)).toBe('2026-03-05T02:00:00.000Z');
    // The office closes on Tuesday: a new calendar object, as the settings give after a save.
    const withHoliday: OfficeCalendar = { ...cal, closures: [{ date: '2026-03-03', name: 'Libur kantor', kind: 'libur_kantor' }] };
    expect(autoWithdrawAt(pausedAt, standard, withHoliday)).toBe('2026-03-06T02:00:00.000Z');
    // The first calendar still answers as before.
    expect(autoWithdrawAt(pausedAt, standard, cal)).toBe('2026-03-05T02:00:00.000Z');
  });

  it('follows the standard’s number of days', () => {
    const cal: OfficeCalendar = { ...defaultCalendar('Asia/Jakarta'), closures: [] };
    expect(autoWithdrawAt(pausedAt, { ...standard, autoWithdrawHariKerja: 1 }, cal)).toBe('2026-03-03T02:00:00.000Z');
    expect(autoWithdrawAt(pausedAt, standard, cal)).toBe('2026-03-05T02:00:00.000Z');
  });
});
