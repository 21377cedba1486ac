import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCalendar, workingMinutesBetween, type Pause } from './workingTime';

// workingMinutesBetween sums whole days from cached running totals when there are
// no pauses; a pause far in the past forces the plain day-by-day walk. Both must agree,
// whatever order the questions come in (the cache grows forwards and backwards).
const farPause: Pause[] = [{ from: '1990-01-01T00:00:00.000Z', to: '1990-01-02T00:00:00.000Z' }];
const instant = fc.integer({ min: Date.parse('2025-06-01T00:00:00Z'), max: Date.parse('2027-06-01T00:00:00Z') }).map((ms) => new Date(ms - (ms % 60_000)).toISOString());

describe('working minutes over long spans', () => {
  it('running totals give the same answer as walking day by day', () => {
    const shared = defaultCalendar('Asia/Makassar');
    fc.assert(
      fc.property(instant, instant, (a, b) => {
        expect(workingMinutesBetween(a, b, shared)).toBe(workingMinutesBetween(a, b, shared, farPause));
        expect(workingMinutesBetween(a, b, defaultCalendar('Asia/Makassar'))).toBe(workingMinutesBetween(a, b, shared, farPause));
      }),
      { numRuns: 300 },
    );
  });

  it('counts a whole 2026 week with Idulfitri as its working hours', () => {
    const cal = defaultCalendar('Asia/Jakarta');
    // Mon 16 – Sun 22 Mar 2026: Mon–Tue Ramadan hours (6.5 h each), Wed 18 – Fri 20 closed (cuti bersama, Nyepi, cuti bersama).
    expect(workingMinutesBetween('2026-03-15T17:00:00.000Z', '2026-03-22T17:00:00.000Z', cal)).toBe(2 * 390);
  });
});
