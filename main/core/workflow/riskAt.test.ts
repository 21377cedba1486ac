import { describe, expect, it } from 'vitest';
import { addWorkingTime, defaultCalendar, type OfficeCalendar, type Pause } from '../../../shared/time/workingTime';
import { riskAt, riskOf } from './queue';

// riskAt keeps each clock's state with the span over which it holds; asked again and
// again as time passes (and, in tests, as a clock is set back), it must give exactly what
// riskOf computes afresh at every instant.
describe('riskAt', () => {
  const MINUTE = 60_000;
  // Clocks of 2 working hours, 3 working days and 14 calendar days, from a Monday morning
  // in Ramadan hours, one with a finished pause of a day and a half.
  const start = '2026-03-02T01:30:00.000Z';
  const pause: Pause[] = [{ from: '2026-03-03T02:00:00.000Z', to: '2026-03-04T06:00:00.000Z' }];
  const clocks = (cal: OfficeCalendar) => [
    { due: addWorkingTime(start, { amount: 2, unit: 'jam_kerja' }, cal), pauses: [] as Pause[] },
    { due: addWorkingTime(start, { amount: 3, unit: 'hari_kerja' }, cal), pauses: [] as Pause[] },
    { due: addWorkingTime(start, { amount: 3, unit: 'hari_kerja' }, cal, pause), pauses: pause },
    { due: addWorkingTime(start, { amount: 14, unit: 'hari_kalender' }, cal), pauses: [] as Pause[] },
  ];

  it('agrees with riskOf minute by minute, across each boundary, forwards and back', () => {
    const cal = defaultCalendar('Asia/Jakarta');
    for (const { due, pauses } of clocks(cal)) {
      const from = Date.parse(start);
      const to = Date.parse(due) + 30 * MINUTE;
      const seen = new Set<string>();
      // Forwards in steps of 7 minutes (over nights and the pause), then back in 13.
      for (const [a, b, step] of [
        [from, to, 7 * MINUTE],
        [to, from, -13 * MINUTE],
      ] as const) {
        for (let t = a; step > 0 ? t <= b : t >= b; t += step) {
          const now = new Date(t).toISOString();
          const want = riskOf(now, start, due, cal, pauses).risk;
          expect(riskAt(now, start, due, cal, pauses), `${now} (due ${due})`).toBe(want);
          seen.add(want);
        }
      }
      // Each clock passed through all three states, so every boundary was crossed.
      expect([...seen].sort()).toEqual(['aman', 'berisiko', 'terlambat']);
    }
  });

  it('answers again on a changed calendar', () => {
    const cal: OfficeCalendar = { ...defaultCalendar('Asia/Jakarta'), closures: [] };
    const due = addWorkingTime(start, { amount: 3, unit: 'hari_kerja' }, cal);
    // Wednesday 08:00 WIB: well over a quarter of three working days left.
    const now = '2026-03-04T01:00:00.000Z';
    expect(riskAt(now, start, due, cal, [])).toBe('aman');
    // The office closes Wednesday and Thursday: a new calendar object, as a save gives;
    // the same due now leaves less than a quarter of a shorter whole.
    const closed: OfficeCalendar = {
      ...cal,
      closures: [
        { date: '2026-03-04', name: 'Libur kantor', kind: 'libur_kantor' },
        { date: '2026-03-05', name: 'Libur kantor', kind: 'libur_kantor' },
      ],
    };
    expect(riskAt(now, start, due, closed, [])).toBe(riskOf(now, start, due, closed, []).risk);
    expect(riskOf(now, start, due, closed, []).risk).not.toBe('aman');
  });
});
