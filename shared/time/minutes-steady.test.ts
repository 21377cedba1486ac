import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCalendar, minutesSteadyUntil, workingMinutesBetween, type Pause, type TimeZoneId } from './workingTime';

// minutesSteadyUntil says until when the working minutes left to a due (or over it) stay as
// they are now. Asked at any instant of the span before it, workingMinutesBetween must give
// the same count; at the span's end, in office hours, the count has moved.
const calendars = Object.fromEntries((['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as TimeZoneId[]).map((tz) => [tz, defaultCalendar(tz)]));
const HOUR = 3_600_000;
const at = (iso: string) => Date.parse(iso);

describe('minutesSteadyUntil', () => {
  it('never ends after the count moves, on any instant, either side of the due, with past pauses', () => {
    const cases = fc.record({
      tz: fc.constantFrom<TimeZoneId>('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'),
      // Any millisecond of 2026: office hours, breaks, weekends, holidays, Ramadan hours.
      now: fc.integer({ min: at('2026-01-01T00:00:00Z'), max: at('2026-12-20T00:00:00Z') }),
      // The due up to four days either side, on any millisecond or on a whole minute.
      dueFrom: fc.integer({ min: -96 * HOUR, max: 96 * HOUR }),
      wholeMinute: fc.boolean(),
      // A pause over before now (some of them after the due), or none.
      pause: fc.option(fc.tuple(fc.integer({ min: 1, max: 120 * HOUR }), fc.integer({ min: 0, max: 48 * HOUR })), { nil: null }),
      probes: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
    });
    fc.assert(
      fc.property(cases, ({ tz, now, dueFrom, wholeMinute, pause, probes }) => {
        const cal = calendars[tz]!;
        const due = wholeMinute ? now + dueFrom - ((now + dueFrom) % 60_000) : now + dueFrom;
        const pauses: Pause[] = pause ? [{ from: new Date(now - pause[0]).toISOString(), to: new Date(now - pause[0] + Math.min(pause[1], pause[0])).toISOString() }] : [];
        const until = minutesSteadyUntil(now, due, cal, pauses);
        expect(until).toBeGreaterThan(now);
        const shown = workingMinutesBetween(now, due, cal, pauses);
        for (const t of [until - 1, ...probes.map((p) => now + Math.floor(p * (until - 1 - now)))]) {
          expect(workingMinutesBetween(t, due, cal, pauses), `${new Date(t).toISOString()} → ${new Date(due).toISOString()}`).toBe(shown);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('in office hours, holds until the next half minute of working time is crossed', () => {
    const cal = calendars['Asia/Jakarta']!;
    // Monday 16 Nov 2026, 10:00 WIB; due 14:00: 3 hours left (the 12:00–13:00 break).
    const now = at('2026-11-16T03:00:00.000Z');
    const due = at('2026-11-16T07:00:00.000Z');
    expect(workingMinutesBetween(now, due, cal)).toBe(180);
    const until = minutesSteadyUntil(now, due, cal);
    expect(until).toBe(now + 30_001);
    expect(workingMinutesBetween(until - 1, due, cal)).toBe(180);
    expect(workingMinutesBetween(until, due, cal)).toBe(179);
    // Past its due: 20 minutes over at 14:20, 21 from 14:20:30.
    const late = at('2026-11-16T07:20:00.000Z');
    expect(workingMinutesBetween(late, due, cal)).toBe(-20);
    const lateUntil = minutesSteadyUntil(late, due, cal);
    expect(lateUntil).toBe(late + 30_000);
    expect(workingMinutesBetween(lateUntil, due, cal)).toBe(-21);
  });

  it('holds over a weekend and a holiday, until the office opens again', () => {
    const cal = calendars['Asia/Jakarta']!;
    // Saturday 23 May 2026, 10:00 WIB; Monday 25 May is an office day, the due on Tuesday.
    const now = at('2026-05-23T03:00:00.000Z');
    const until = minutesSteadyUntil(now, at('2026-05-26T03:00:00.000Z'), cal);
    expect(until).toBeGreaterThan(at('2026-05-25T00:30:00.000Z'));
    // Christmas (Friday) and the weekend after it: nothing passes until Monday 28 Dec.
    const christmas = at('2026-12-25T03:00:00.000Z');
    expect(minutesSteadyUntil(christmas, at('2026-12-29T03:00:00.000Z'), cal)).toBeGreaterThan(at('2026-12-28T00:30:00.000Z'));
  });

  it('ends at once while a pause has not ended', () => {
    const cal = calendars['Asia/Jakarta']!;
    const now = at('2026-11-16T03:00:00.000Z');
    expect(minutesSteadyUntil(now, now + 4 * HOUR, cal, [{ from: '2026-11-13T03:00:00.000Z', to: null }])).toBe(now + 1);
    expect(minutesSteadyUntil(now, now + 4 * HOUR, cal, [{ from: '2026-11-13T03:00:00.000Z', to: '2026-11-17T03:00:00.000Z' }])).toBe(now + 1);
  });
});
