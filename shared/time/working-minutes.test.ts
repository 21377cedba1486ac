import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCalendar, isWorkingMinute, workingMinutesBetween, type Pause, type TimeZoneId } from './workingTime';

// workingMinutesBetween reads per-calendar running totals (the working time before an
// instant is one lookup) and takes the pauses off as merged spans. Checked here against
// the plain definition: every minute that is a working minute and lies in no pause.
const MINUTE = 60_000;
const from2026 = Date.parse('2026-01-01T00:00:00Z');
const to2026 = Date.parse('2027-01-01T00:00:00Z');
const minuteIn = (min: number, max: number) => fc.integer({ min: min / MINUTE, max: max / MINUTE }).map((m) => m * MINUTE);
const zone = fc.constantFrom<TimeZoneId>('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura');

const plain = new Map<TimeZoneId, ReturnType<typeof defaultCalendar>>();
function byMinute(a: number, b: number, zoneId: TimeZoneId, pauses: Pause[]): number {
  const cal = plain.get(zoneId) ?? plain.set(zoneId, defaultCalendar(zoneId)).get(zoneId)!;
  const spans = pauses.map((p) => [Date.parse(p.from), p.to === null ? Infinity : Date.parse(p.to)] as const);
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  let n = 0;
  for (let t = lo; t < hi; t += MINUTE) if (isWorkingMinute(t, cal) && !spans.some(([x, y]) => x <= t && t < y)) n++;
  return a <= b ? n : 0 - n;
}

// Up to four days from a start, and pauses (some still open, some overlapping) around it.
const span = minuteIn(from2026, to2026 - 5 * 86_400_000).chain((start) =>
  fc.tuple(
    fc.constant(start),
    minuteIn(start, start + 4 * 86_400_000),
    fc.array(
      fc.tuple(minuteIn(start - 86_400_000, start + 5 * 86_400_000), fc.option(fc.integer({ min: 0, max: 2 * 24 * 60 }), { nil: null })),
      { maxLength: 3 },
    ),
  ),
);
const toPauses = (ps: [number, number | null][]): Pause[] =>
  ps.map(([from, minutes]) => ({ from: new Date(from).toISOString(), to: minutes === null ? null : new Date(from + minutes * MINUTE).toISOString() }));

describe('working minutes between two instants', () => {
  it('equal the working minutes outside every pause, counted one by one', () => {
    // One calendar object for every run, asked in random order: its running totals grow
    // backwards and forwards between questions.
    const shared = new Map<TimeZoneId, ReturnType<typeof defaultCalendar>>();
    fc.assert(
      fc.property(span, zone, fc.boolean(), ([a, b, ps], z, reversed) => {
        const cal = shared.get(z) ?? shared.set(z, defaultCalendar(z)).get(z)!;
        const pauses = toPauses(ps);
        const [x, y] = reversed ? [b, a] : [a, b];
        const expected = byMinute(x, y, z, pauses);
        expect(workingMinutesBetween(new Date(x).toISOString(), new Date(y).toISOString(), cal, pauses)).toBe(expected);
        expect(workingMinutesBetween(x, y, defaultCalendar(z), pauses)).toBe(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('add up over consecutive spans, with pauses, however far apart (months and years)', () => {
    const cal = defaultCalendar('Asia/Jakarta');
    const instant = minuteIn(Date.parse('2022-01-01T00:00:00Z'), Date.parse('2027-12-31T00:00:00Z'));
    fc.assert(
      fc.property(fc.array(instant, { minLength: 3, maxLength: 3 }), fc.array(fc.tuple(instant, fc.option(fc.integer({ min: 1, max: 90 * 24 * 60 }), { nil: null })), { maxLength: 4 }), (xs, ps) => {
        const [a, b, c] = [...xs].sort((p, q) => p - q) as [number, number, number];
        const pauses = toPauses(ps);
        const whole = workingMinutesBetween(a, c, cal, pauses);
        expect(whole).toBe(workingMinutesBetween(a, b, cal, pauses) + workingMinutesBetween(b, c, cal, pauses));
        expect(workingMinutesBetween(c, a, cal, pauses)).toBe(0 - whole);
        // A pause never adds working time, and an open pause from the start stops it all.
        expect(whole).toBeLessThanOrEqual(workingMinutesBetween(a, c, cal));
        expect(workingMinutesBetween(a, c, cal, [{ from: new Date(a).toISOString(), to: null }])).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it('an instant that is no date is refused as before', () => {
    expect(() => workingMinutesBetween('bukan tanggal', '2026-11-20T03:00:00.000Z', defaultCalendar('Asia/Jakarta'))).toThrow(RangeError);
  });
});
