import fc from 'fast-check';
import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { HOLIDAYS_2026 } from './holidays2026';
import {
  addCalendarDays,
  addDaysYmd,
  addWorkingTime,
  defaultCalendar,
  holidaysRecorded,
  yearsWithoutHolidays,
  defaultWeek,
  displayDue,
  isWorkingMinute,
  fromLocal,
  localDate,
  localTime,
  nextDayOpening,
  nextMidnight,
  nextOpening,
  remainingWorkingMinutes,
  scheduleFor,
  validateCalendar,
  workingDaysAhead,
  workingDaysBehind,
  workingMinutesBetween,
  type Duration,
  type OfficeCalendar,
  type Pause,
  type TimeZoneId,
  type WeekSchedule,
} from './workingTime';

// What the clock promises, as checked here:
// - menit_kerja / jam_kerja count working minutes (office hours minus breaks, closures
//   and pauses). A start outside hours counts from the next opening. A positive count is
//   due at the END of its last working minute: the minute just before the due is a working
//   minute, so a count that ends at 12.00 or at closing time is due at 12.00 or closing
//   time, never at the next opening. A zero count is due at its start.
// - hari_kerja: the same local time on the N-th following working day, counted from the
//   next opening, clamped into that day's hours (a time in a break moves to the end of the
//   break, a time after that day's closing moves to its closing).
// - hari_kalender: the same local time N calendar days after the next opening; a due on a
//   closed day moves to the next working day at that clock time, and any due is clamped
//   into its day's hours as hari_kerja is. Pauses push it by their wall-clock time first.
// - displayDue: a due at a day's opening is shown as the previous working day's closing.
// - Pauses stop the clock: working minutes inside a pause do not count.

const M = 60_000;
const ZONES: TimeZoneId[] = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'];
const CALS = Object.fromEntries(ZONES.map((z) => [z, defaultCalendar(z)])) as Record<TimeZoneId, OfficeCalendar>;
const menit = (amount: number): Duration => ({ amount, unit: 'menit_kerja' });
const jam = (amount: number): Duration => ({ amount, unit: 'jam_kerja' });
const hariKerja = (amount: number): Duration => ({ amount, unit: 'hari_kerja' });
const hari = (amount: number): Duration => ({ amount, unit: 'hari_kalender' });
const plus = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * M).toISOString();

// Minute-aligned instants over 2026 and its edges (holidays, cuti bersama, Ramadan).
const instantArb = fc
  .integer({ min: Date.parse('2025-12-20T00:00:00Z') / M, max: Date.parse('2027-01-10T00:00:00Z') / M })
  .map((m) => new Date(m * M).toISOString());
const zoneArb = fc.constantFrom(...ZONES);
const RUNS = { numRuns: 200 };

// Open every minute of every day: hari kalender is plain wall-clock time there.
const allDay = () => ({ open: '00:00', close: '24:00', breaks: [] });
const ALWAYS_OPEN: OfficeCalendar = {
  timeZone: 'Asia/Makassar',
  week: { 1: allDay(), 2: allDay(), 3: allDay(), 4: allDay(), 5: allDay(), 6: allDay(), 7: allDay() },
  special: [],
  closures: [],
};

// Every working day with the same hours: hari_kerja is exactly additive there.
function uniformCalendar(tz: TimeZoneId): OfficeCalendar {
  const d = () => ({ open: '07:30', close: '16:00', breaks: [{ start: '12:00', end: '13:00' }] });
  return { timeZone: tz, week: { 1: d(), 2: d(), 3: d(), 4: d(), 5: d(), 6: null, 7: null }, special: [], closures: HOLIDAYS_2026.map((h) => ({ ...h })) };
}

describe('working time: properties', () => {
  it('adding a then b working minutes (or hours) equals adding a + b', () => {
    fc.assert(
      fc.property(zoneArb, instantArb, fc.nat(2000), fc.nat(2000), (tz, s, a, b) => {
        const cal = CALS[tz];
        expect(addWorkingTime(addWorkingTime(s, menit(a), cal), menit(b), cal)).toBe(addWorkingTime(s, menit(a + b), cal));
      }),
      RUNS,
    );
    fc.assert(
      fc.property(zoneArb, instantArb, fc.nat(40), fc.nat(40), fc.nat(300), (tz, s, a, b, m) => {
        const cal = CALS[tz];
        expect(addWorkingTime(addWorkingTime(s, jam(a), cal), jam(b), cal)).toBe(addWorkingTime(s, jam(a + b), cal));
        expect(addWorkingTime(addWorkingTime(s, jam(a), cal), menit(m), cal)).toBe(addWorkingTime(s, menit(60 * a + m), cal));
      }),
      RUNS,
    );
  });

  it('adding a then b hari kerja equals adding a + b when every working day has the same hours', () => {
    fc.assert(
      fc.property(zoneArb, instantArb, fc.nat(15), fc.nat(15), (tz, s, a, b) => {
        const cal = uniformCalendar(tz);
        expect(addWorkingTime(addWorkingTime(s, hariKerja(a), cal), hariKerja(b), cal)).toBe(addWorkingTime(s, hariKerja(a + b), cal));
      }),
      RUNS,
    );
  });

  it('with Friday and Ramadan hours, a then b hari kerja is never earlier than a + b (clamping only moves forward)', () => {
    fc.assert(
      fc.property(zoneArb, instantArb, fc.nat(15), fc.nat(15), (tz, s, a, b) => {
        const cal = CALS[tz];
        const stepwise = addWorkingTime(addWorkingTime(s, hariKerja(a), cal), hariKerja(b), cal);
        expect(stepwise >= addWorkingTime(s, hariKerja(a + b), cal)).toBe(true);
      }),
      RUNS,
    );
    // Where they differ: Thursday 11.45 + 1 hari kerja is Friday 11.45, inside Friday's
    // 11.30–13.00 break, so 13.00; one more is Monday 13.00. Two at once: Monday 11.45.
    const cal = CALS['Asia/Jakarta'];
    const thu = '2026-11-19T04:45:00.000Z'; // Kamis 19 Nov 2026 11.45 WIB
    expect(addWorkingTime(thu, hariKerja(1), cal)).toBe('2026-11-20T06:00:00.000Z'); // Jumat 13.00 WIB
    expect(addWorkingTime(addWorkingTime(thu, hariKerja(1), cal), hariKerja(1), cal)).toBe('2026-11-23T06:00:00.000Z'); // Senin 13.00 WIB
    expect(addWorkingTime(thu, hariKerja(2), cal)).toBe('2026-11-23T04:45:00.000Z'); // Senin 11.45 WIB
  });

  it('a hari kalender due is always a working minute or a closing instant', () => {
    fc.assert(
      fc.property(zoneArb, instantArb, fc.nat(400), (tz, s, n) => {
        const cal = CALS[tz];
        const due = addWorkingTime(s, hari(n), cal);
        expect(isWorkingMinute(due, cal) || isWorkingMinute(plus(due, -1), cal)).toBe(true);
      }),
      RUNS,
    );
  });

  it('a hari kalender due lies on the first working day from the plain calendar due, at its clock time clamped', () => {
    fc.assert(
      fc.property(zoneArb, instantArb, fc.nat(400), (tz, s, n) => {
        const cal = CALS[tz];
        const plain = addCalendarDays(nextOpening(s, cal), n, tz);
        const due = addWorkingTime(s, hari(n), cal);
        let day = localDate(plain, tz);
        while (scheduleFor(day, cal) === null) day = addDaysYmd(day, 1);
        expect(localDate(due, tz)).toBe(day);
        // Clamping never moves across working time: on the plain due's own day it gains or loses none.
        if (day === localDate(plain, tz)) expect(Math.abs(workingMinutesBetween(plain, due, cal))).toBe(0);
        // Starting outside hours is starting at the next opening.
        expect(addWorkingTime(nextOpening(s, cal), hari(n), cal)).toBe(due);
      }),
      RUNS,
    );
  });

  it('a due is displayed at or before itself, with no working minute in between', () => {
    const unitArb = fc.constantFrom<Duration['unit']>('menit_kerja', 'jam_kerja', 'hari_kerja', 'hari_kalender');
    fc.assert(
      fc.property(zoneArb, instantArb, fc.nat(40), unitArb, (tz, s, a, unit) => {
        const cal = CALS[tz];
        const due = addWorkingTime(s, { amount: unit === 'menit_kerja' ? a * 37 : a, unit }, cal);
        const shown = displayDue(due, cal);
        expect(shown <= due).toBe(true);
        expect(workingMinutesBetween(shown, due, cal)).toBe(0);
        if (shown !== due) expect(nextOpening(shown, cal)).toBe(due);
      }),
      RUNS,
    );
  });

  it('a positive minute or hour count is due at the end of a working minute, and never later than needed', () => {
    fc.assert(
      fc.property(zoneArb, instantArb, fc.integer({ min: 1, max: 3000 }), (tz, s, d) => {
        const cal = CALS[tz];
        const due = addWorkingTime(s, menit(d), cal);
        expect(isWorkingMinute(plus(due, -1), cal)).toBe(true);
        expect(workingMinutesBetween(s, plus(due, -1), cal)).toBe(d - 1);
        const dueH = addWorkingTime(s, jam(Math.ceil(d / 60)), cal);
        expect(isWorkingMinute(plus(dueH, -1), cal)).toBe(true);
      }),
      RUNS,
    );
  });

  it('working minutes between the start and the due time of d minutes are d', () => {
    fc.assert(
      fc.property(zoneArb, instantArb, fc.nat(5000), (tz, s, d) => {
        const cal = CALS[tz];
        const due = addWorkingTime(s, menit(d), cal);
        expect(workingMinutesBetween(s, due, cal)).toBe(d);
        expect(remainingWorkingMinutes(s, due, cal)).toBe(d);
        expect(workingMinutesBetween(due, s, cal)).toBe(d === 0 ? 0 : -d);
      }),
      RUNS,
    );
  });

  it('the clock starts at the next opening: a start outside hours gives the same due as that opening', () => {
    fc.assert(
      fc.property(zoneArb, instantArb, fc.nat(3000), fc.nat(10), (tz, s, d, n) => {
        const cal = CALS[tz];
        const open = nextOpening(s, cal);
        expect(open >= s).toBe(true);
        expect(isWorkingMinute(open, cal)).toBe(true);
        expect(workingMinutesBetween(s, open, cal)).toBe(0);
        if (d > 0) expect(addWorkingTime(s, menit(d), cal)).toBe(addWorkingTime(open, menit(d), cal));
        expect(addWorkingTime(s, hariKerja(n), cal)).toBe(addWorkingTime(open, hariKerja(n), cal));
      }),
      RUNS,
    );
  });

  it('is monotonic: a later start never gives an earlier due, nor does a longer duration', () => {
    const unitArb = fc.constantFrom<Duration['unit']>('menit_kerja', 'jam_kerja', 'hari_kerja', 'hari_kalender');
    fc.assert(
      fc.property(zoneArb, instantArb, fc.nat(20_000), unitArb, fc.nat(40), fc.nat(40), (tz, s1, gapMin, unit, a, extra) => {
        const cal = CALS[tz];
        const s2 = plus(s1, gapMin);
        const amount = unit === 'menit_kerja' ? a * 37 : a;
        // Not for hari kalender: a due on a closed day keeps its clock time on the next working
        // day, so Wednesday 15.00 + 3 hari (Saturday → Monday 15.00) is due after Friday 08.00 + 3 hari.
        if (unit !== 'hari_kalender') expect(addWorkingTime(s2, { amount, unit }, cal) >= addWorkingTime(s1, { amount, unit }, cal)).toBe(true);
        expect(addWorkingTime(s1, { amount: amount + extra, unit }, cal) >= addWorkingTime(s1, { amount, unit }, cal)).toBe(true);
      }),
      RUNS,
    );
  });

  it('a pause inside the count moves the due by the working minutes of the pause', () => {
    const cal = CALS['Asia/Jakarta'];
    fc.assert(
      fc.property(
        instantArb,
        fc.integer({ min: 1, max: 4000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (s, d, x, y) => {
          const due = addWorkingTime(s, menit(d), cal);
          // A pause [from, to] with s <= from <= to <= due.
          const span = (Date.parse(due) - Date.parse(s)) / M;
          const [lo, hi] = x < y ? [x, y] : [y, x];
          const pause: Pause = { from: plus(s, Math.floor(lo * span)), to: plus(s, Math.floor(hi * span)) };
          const lost = workingMinutesBetween(pause.from, pause.to!, cal);
          expect(addWorkingTime(s, menit(d), cal, [pause])).toBe(addWorkingTime(due, menit(lost), cal));
          expect(workingMinutesBetween(s, addWorkingTime(s, menit(d), cal, [pause]), cal, [pause])).toBe(d);
        },
      ),
      RUNS,
    );
  });

  it('a pause inside a hari kerja count moves the due by the working minutes of the pause', () => {
    const cal = CALS['Asia/Jakarta'];
    fc.assert(
      fc.property(instantArb, fc.integer({ min: 1, max: 14 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (s, n, x, y) => {
        const due = addWorkingTime(s, hariKerja(n), cal);
        const span = (Date.parse(due) - Date.parse(s)) / M;
        const [lo, hi] = x < y ? [x, y] : [y, x];
        const pause: Pause = { from: plus(s, Math.floor(lo * span)), to: plus(s, Math.floor(hi * span)) };
        const lost = workingMinutesBetween(pause.from, pause.to!, cal);
        expect(addWorkingTime(s, hariKerja(n), cal, [pause])).toBe(lost > 0 ? addWorkingTime(due, menit(lost), cal) : due);
      }),
      RUNS,
    );
  });

  it('whatever the pauses, the clock runs for exactly the working time of the duration', () => {
    const cal = CALS['Asia/Makassar'];
    const pausesArb = fc.array(
      fc.tuple(instantArb, fc.integer({ min: 1, max: 30 * 24 * 60 })).map(([from, len]): Pause => ({ from, to: plus(from, len) })),
      { maxLength: 3 },
    );
    fc.assert(
      fc.property(instantArb, fc.nat(5000), fc.integer({ min: 1, max: 14 }), pausesArb, (s, d, n, pauses) => {
        expect(workingMinutesBetween(s, addWorkingTime(s, menit(d), cal, pauses), cal, pauses)).toBe(d);
        // hari kerja: as many unpaused working minutes as the plain count has working minutes.
        const plain = workingMinutesBetween(s, addWorkingTime(s, hariKerja(n), cal), cal);
        expect(workingMinutesBetween(s, addWorkingTime(s, hariKerja(n), cal, pauses), cal, pauses)).toBe(plain);
        // hari kalender: the due lands on a working minute or a closing instant …
        const dueReal = addWorkingTime(s, hari(n), cal, pauses);
        expect(isWorkingMinute(dueReal, cal) || isWorkingMinute(plus(dueReal, -1), cal)).toBe(true);
        // … and, where the office never closes (nothing to clamp), after n days of wall-clock time outside the pauses.
        const due = Date.parse(addWorkingTime(s, hari(n), ALWAYS_OPEN, pauses));
        const cut = pauses.map((p) => [Math.max(Date.parse(p.from), Date.parse(s)), Math.min(Date.parse(p.to!), due)] as const).filter(([a, b]) => b > a);
        const merged: [number, number][] = [];
        for (const [a, b] of [...cut].sort((x, y) => x[0] - y[0])) {
          const last = merged[merged.length - 1];
          if (last && a <= last[1]) last[1] = Math.max(last[1], b);
          else merged.push([a, b]);
        }
        const running = due - Date.parse(s) - merged.reduce((sum, [a, b]) => sum + (b - a), 0);
        expect(running).toBe(n * 24 * 60 * M);
      }),
      RUNS,
    );
  });
});

describe('working time: worked examples on 2026 dates (WIB = UTC+7, WITA = UTC+8, WIT = UTC+9)', () => {
  const wib = CALS['Asia/Jakarta'];

  it('across a weekend: Friday 15.00 + 2 jam kerja is Monday 08.00', () => {
    // Fri 20 Nov 15.00–16.30 = 90 min; the other 30 from Mon 23 Nov 07.30.
    expect(addWorkingTime('2026-11-20T08:00:00.000Z', jam(2), wib)).toBe('2026-11-23T01:00:00.000Z'); // Senin 23 Nov 08.00 WIB
    expect(remainingWorkingMinutes('2026-11-20T08:00:00.000Z', '2026-11-23T01:00:00.000Z', wib)).toBe(120);
    // Overdue by an hour on Monday 09.00.
    expect(remainingWorkingMinutes('2026-11-23T02:00:00.000Z', '2026-11-23T01:00:00.000Z', wib)).toBe(-60);
  });

  it("Friday's break is 11.30–13.00, Monday's 12.00–13.00", () => {
    // Fri 20 Nov 11.00 + 1 jam: 11.00–11.30, then 13.00–13.30.
    expect(addWorkingTime('2026-11-20T04:00:00.000Z', jam(1), wib)).toBe('2026-11-20T06:30:00.000Z'); // Jumat 13.30 WIB
    // Mon 23 Nov 11.00 + 1 jam: exactly 12.00, due at the start of the break.
    expect(addWorkingTime('2026-11-23T04:00:00.000Z', jam(1), wib)).toBe('2026-11-23T05:00:00.000Z'); // Senin 12.00 WIB
    // Mon 23 Nov 11.00 + 61 menit: 13.01.
    expect(addWorkingTime('2026-11-23T04:00:00.000Z', menit(61), wib)).toBe('2026-11-23T06:01:00.000Z'); // Senin 13.01 WIB
    // Fri 20 Nov 15.30 + 60 menit ends at closing 16.30 exactly.
    expect(addWorkingTime('2026-11-20T08:30:00.000Z', menit(60), wib)).toBe('2026-11-20T09:30:00.000Z'); // Jumat 16.30 WIB
    expect(isWorkingMinute('2026-11-20T04:29:00.000Z', wib)).toBe(true); // Jumat 11.29
    expect(isWorkingMinute('2026-11-20T04:30:00.000Z', wib)).toBe(false); // Jumat 11.30
    expect(isWorkingMinute('2026-11-23T04:30:00.000Z', wib)).toBe(true); // Senin 11.30
    expect(isWorkingMinute('2026-11-23T05:00:00.000Z', wib)).toBe(false); // Senin 12.00
    expect(isWorkingMinute('2026-11-23T08:59:00.000Z', wib)).toBe(true); // Senin 15.59
    expect(isWorkingMinute('2026-11-23T09:00:00.000Z', wib)).toBe(false); // Senin 16.00
    expect(isWorkingMinute('2026-11-20T09:15:00.000Z', wib)).toBe(true); // Jumat 16.15
  });

  it('a whole week has 37.5 working hours (Perpres 21/2023)', () => {
    // Mon 23 Nov 00.00 – Mon 30 Nov 00.00 WIB.
    expect(workingMinutesBetween('2026-11-22T17:00:00.000Z', '2026-11-29T17:00:00.000Z', wib)).toBe(37.5 * 60);
  });

  it('across a national holiday: 17 Aug 2026 (Monday) is skipped', () => {
    // Fri 14 Aug 15.30 + 2 jam: 15.30–16.30 = 60; Sat, Sun, Mon 17 Aug closed; Tue 18 Aug 07.30 + 60.
    expect(addWorkingTime('2026-08-14T08:30:00.000Z', jam(2), wib)).toBe('2026-08-18T01:30:00.000Z'); // Selasa 18 Agu 08.30 WIB
    // Thu 13 Aug 10.00 + 3 hari kerja: Fri 14 (1), Tue 18 (2), Wed 19 (3).
    expect(addWorkingTime('2026-08-13T03:00:00.000Z', hariKerja(3), wib)).toBe('2026-08-19T03:00:00.000Z'); // Rabu 19 Agu 10.00 WIB
    expect(scheduleFor('2026-08-17', wib)).toBeNull();
  });

  it('across cuti bersama and Natal: Thursday 24 and Friday 25 Dec 2026 are closed', () => {
    // Wed 23 Dec 15.00 + 2 jam: 15.00–16.00 = 60; Thu 24 (cuti bersama), Fri 25 (Natal), weekend; Mon 28 Dec 07.30 + 60.
    expect(addWorkingTime('2026-12-23T08:00:00.000Z', jam(2), wib)).toBe('2026-12-28T01:30:00.000Z'); // Senin 28 Des 08.30 WIB
    // Wed 23 Dec 10.00 + 1 hari kerja: Mon 28 Dec 10.00.
    expect(addWorkingTime('2026-12-23T03:00:00.000Z', hariKerja(1), wib)).toBe('2026-12-28T03:00:00.000Z'); // Senin 28 Des 10.00 WIB
    expect(scheduleFor('2026-12-24', wib)).toBeNull();
    expect(scheduleFor('2026-12-25', wib)).toBeNull();
  });

  it('a complaint that arrives outside hours starts its clock at the next opening', () => {
    // Saturday 21 Nov 10.00 → Monday 23 Nov 07.30.
    expect(nextOpening('2026-11-21T03:00:00.000Z', wib)).toBe('2026-11-23T00:30:00.000Z'); // Senin 07.30 WIB
    expect(addWorkingTime('2026-11-21T03:00:00.000Z', menit(30), wib)).toBe('2026-11-23T01:00:00.000Z'); // Senin 08.00 WIB
    expect(addWorkingTime('2026-11-21T03:00:00.000Z', hariKerja(1), wib)).toBe('2026-11-24T00:30:00.000Z'); // Selasa 07.30 WIB
    // Tuesday 24 Nov 06.00 → 07.30; + 30 menit = 08.00.
    expect(nextOpening('2026-11-23T23:00:00.000Z', wib)).toBe('2026-11-24T00:30:00.000Z'); // Selasa 07.30 WIB
    expect(addWorkingTime('2026-11-23T23:00:00.000Z', menit(30), wib)).toBe('2026-11-24T01:00:00.000Z'); // Selasa 08.00 WIB
    // In the break (Tue 12.15) → 13.00; after Friday's closing (17.00) → Monday 07.30.
    expect(nextOpening('2026-11-24T05:15:00.000Z', wib)).toBe('2026-11-24T06:00:00.000Z'); // Selasa 13.00 WIB
    expect(nextOpening('2026-11-20T10:00:00.000Z', wib)).toBe('2026-11-23T00:30:00.000Z'); // Senin 07.30 WIB
    // At opening, nothing moves.
    expect(nextOpening('2026-11-24T00:30:00.000Z', wib)).toBe('2026-11-24T00:30:00.000Z');
  });

  it("WITA: Waru's 245 menit kerja from Friday 14.00 are due Monday 09.05", () => {
    const wita = CALS['Asia/Makassar'];
    // Fri 20 Nov 14.00–16.30 WITA = 150; 95 more from Mon 23 Nov 07.30 WITA.
    expect(addWorkingTime('2026-11-20T06:00:00.000Z', menit(245), wita)).toBe('2026-11-23T01:05:00.000Z'); // Senin 09.05 WITA
    // The same instant is 13.00 WIB in Jakarta: 3.5 h on Friday, then 35 min on Monday from 07.30 WIB.
    expect(addWorkingTime('2026-11-20T06:00:00.000Z', menit(245), wib)).toBe('2026-11-23T01:05:00.000Z'); // Senin 08.05 WIB
  });

  it('WIT: Thursday 15.00 + 3 jam kerja is Friday 09.30', () => {
    const wit = CALS['Asia/Jayapura'];
    // Thu 19 Nov 15.00–16.00 WIT = 60; Fri 20 Nov 07.30 + 120 = 09.30 WIT.
    expect(addWorkingTime('2026-11-19T06:00:00.000Z', jam(3), wit)).toBe('2026-11-20T00:30:00.000Z'); // Jumat 09.30 WIT
    expect(nextOpening('2026-11-20T22:00:00.000Z', wit)).toBe('2026-11-22T22:30:00.000Z'); // Sabtu 07.00 WIT → Senin 07.30 WIT
  });

  it('hari kerja: 3 from a Thursday, and clamping into the due day', () => {
    // Thu 19 Nov 10.00: Fri 20 (1), Mon 23 (2), Tue 24 (3) at 10.00.
    expect(addWorkingTime('2026-11-19T03:00:00.000Z', hariKerja(3), wib)).toBe('2026-11-24T03:00:00.000Z'); // Selasa 24 Nov 10.00 WIB
    // Fri 20 Nov 16.15 + 1: Mon 16.15 is after Monday's closing → 16.00.
    expect(addWorkingTime('2026-11-20T09:15:00.000Z', hariKerja(1), wib)).toBe('2026-11-23T09:00:00.000Z'); // Senin 16.00 WIB
    // Mon 23 Nov 12.30 (break) starts at 13.00; + 4 → Fri 27 Nov 13.00.
    expect(addWorkingTime('2026-11-23T05:30:00.000Z', hariKerja(4), wib)).toBe('2026-11-27T06:00:00.000Z'); // Jumat 13.00 WIB
    // Zero hari kerja: at the start.
    expect(addWorkingTime('2026-11-19T03:00:00.000Z', hariKerja(0), wib)).toBe('2026-11-19T03:00:00.000Z');
  });

  it('hari kalender count every day, holidays included', () => {
    // Wed 23 Dec 2026 10.00 + 14 hari → Wed 6 Jan 2027 10.00.
    expect(addWorkingTime('2026-12-23T03:00:00.000Z', hari(14), wib)).toBe('2027-01-06T03:00:00.000Z'); // Rabu 6 Jan 2027 10.00 WIB
    // 23.30 WIB is already the next local day in UTC terms: 31 Dec 23.30 + 1 = 1 Jan 2027 23.30.
    expect(addCalendarDays('2026-12-31T16:30:00.000Z', 1, 'Asia/Jakarta')).toBe('2027-01-01T16:30:00.000Z');
    // A pause of two days moves a calendar-day due by two days.
    const pause: Pause = { from: '2026-12-24T03:00:00.000Z', to: '2026-12-26T03:00:00.000Z' };
    expect(addWorkingTime('2026-12-23T03:00:00.000Z', hari(10), wib, [pause])).toBe('2027-01-04T03:00:00.000Z');
    // A pause from 24 Dec to 10 Jan lasts past the plain due (2 Jan): one day ran before it, nine are left after it.
    const long: Pause = { from: '2026-12-24T03:00:00.000Z', to: '2027-01-10T03:00:00.000Z' };
    expect(addWorkingTime('2026-12-23T03:00:00.000Z', hari(10), wib, [long])).toBe('2027-01-19T03:00:00.000Z'); // Selasa 19 Jan 2027 10.00 WIB
  });

  it("Kejayan's 3 hari from Saturday 28 Nov 20.00 start Monday 07.30 and are due Thursday 3 Dec 07.30, shown as Wednesday 16.00", () => {
    // Before this rule the days ran from the arrival: due Tuesday 1 Dec 20.00.
    const sat = '2026-11-28T13:00:00.000Z'; // Sabtu 20.00 WIB
    const due = addWorkingTime(sat, hari(3), wib);
    expect(due).toBe('2026-12-03T00:30:00.000Z'); // Kamis 3 Des 07.30 WIB
    // No working minute lies between Wednesday's closing and Thursday's opening.
    expect(displayDue(due, wib)).toBe('2026-12-02T09:00:00.000Z'); // Rabu 2 Des 16.00 WIB
    // The same arrival in a WITA office: Monday 07.30 WITA → Thursday 07.30 WITA.
    const wita = CALS['Asia/Makassar'];
    expect(addWorkingTime('2026-11-28T12:00:00.000Z', hari(3), wita)).toBe('2026-12-02T23:30:00.000Z'); // Kamis 3 Des 07.30 WITA
  });

  it('hari kalender due on a Saturday moves to Monday at the same clock time: Wed 25 Nov 10.00 + 3 → Mon 30 Nov 10.00', () => {
    expect(addWorkingTime('2026-11-25T03:00:00.000Z', hari(3), wib)).toBe('2026-11-30T03:00:00.000Z'); // Senin 10.00 WIB
  });

  it("hari kalender due after closing is clamped to closing: Fri 27 Nov 16.15 + 3 → Mon 16.15 → Mon 30 Nov 16.00", () => {
    // Friday is open to 16.30, Monday only to 16.00.
    expect(addWorkingTime('2026-11-27T09:15:00.000Z', hari(3), wib)).toBe('2026-11-30T09:00:00.000Z'); // Senin 16.00 WIB
  });

  it("hari kalender due inside Friday's break (11.30–13.00) moves to its end: Tue 24 Nov 11.45 + 3 → Fri 27 Nov 13.00", () => {
    expect(addWorkingTime('2026-11-24T04:45:00.000Z', hari(3), wib)).toBe('2026-11-27T06:00:00.000Z'); // Jumat 13.00 WIB
  });

  it('hari kalender due on a holiday or cuti bersama moves to the next working day at the same clock time', () => {
    // Fri 14 Aug 10.00 + 3 → Mon 17 Aug (Hari Kemerdekaan) → Tue 18 Aug 10.00.
    expect(addWorkingTime('2026-08-14T03:00:00.000Z', hari(3), wib)).toBe('2026-08-18T03:00:00.000Z'); // Selasa 10.00 WIB
    // Mon 21 Dec 09.00 + 3 → Thu 24 Dec (cuti bersama), Fri 25 (Natal), weekend → Mon 28 Dec 09.00.
    expect(addWorkingTime('2026-12-21T02:00:00.000Z', hari(3), wib)).toBe('2026-12-28T02:00:00.000Z'); // Senin 09.00 WIB
  });

  it('hari kalender due before a Ramadan opening moves to 08.00: Wed 18 Feb 07.45 + 1 → Thu 19 Feb 08.00', () => {
    expect(addWorkingTime('2026-02-18T00:45:00.000Z', hari(1), wib)).toBe('2026-02-19T01:00:00.000Z'); // Kamis 08.00 WIB
  });

  it('hari kalender with a pause: the pause shifts first, then the due is put onto a working day and hour', () => {
    // Mon 23 Nov 10.00 + 3 = Thu 26 Nov 10.00. Paused Tue 24 10.00 → Thu 26 18.00 (56 hours):
    // Thu 10.00 + 56 h = Sat 28 Nov 18.00 → Monday 18.00 → after closing → Mon 30 Nov 16.00.
    const pause: Pause = { from: '2026-11-24T03:00:00.000Z', to: '2026-11-26T11:00:00.000Z' };
    expect(addWorkingTime('2026-11-23T03:00:00.000Z', hari(3), wib, [pause])).toBe('2026-11-30T09:00:00.000Z'); // Senin 16.00 WIB
  });

  it('displayDue: only a due at the opening of a working day reads as the previous closing', () => {
    // The issue's example: due Wed 2 Dec 07.30 is shown as Tue 1 Dec 16.00.
    expect(displayDue('2026-12-02T00:30:00.000Z', wib)).toBe('2026-12-01T09:00:00.000Z');
    // Monday's opening → Friday's closing 16.30; Tuesday after a Monday holiday → the Friday before.
    expect(displayDue('2026-11-30T00:30:00.000Z', wib)).toBe('2026-11-27T09:30:00.000Z');
    expect(displayDue('2026-08-18T00:30:00.000Z', wib)).toBe('2026-08-14T09:30:00.000Z');
    // The first Ramadan day opens at 08.00; the day before closed at 16.00.
    expect(displayDue('2026-02-19T01:00:00.000Z', wib)).toBe('2026-02-18T09:00:00.000Z');
    // The end of a break, a time inside hours, and a closing stay as they are.
    for (const due of ['2026-11-30T06:00:00.000Z', '2026-11-30T03:00:00.000Z', '2026-11-30T09:00:00.000Z']) expect(displayDue(due, wib)).toBe(due);
  });

  it('workingDaysBehind counts the working days begun since the day the due is shown on', () => {
    const behind = (due: string, now: string) => workingDaysBehind(due, now, wib);
    const monClose = '2026-11-30T09:00:00.000Z'; // Senin 30 Nov 16.00 WIB
    // Its own day, and Tuesday before the office opens: hours, not days.
    expect(behind(monClose, '2026-11-30T09:30:00.000Z')).toBe(0);
    expect(behind(monClose, '2026-12-01T00:29:00.000Z')).toBe(0); // Selasa 07.29
    // Tuesday from its opening, then Wednesday.
    expect(behind(monClose, '2026-12-01T00:30:00.000Z')).toBe(1); // Selasa 07.30
    expect(behind(monClose, '2026-12-02T03:00:00.000Z')).toBe(2); // Rabu 10.00
    // A due at Thursday's opening is shown as Wednesday 16.00: Thursday 08.00 is 1 day behind.
    expect(behind('2026-12-03T00:30:00.000Z', '2026-12-03T01:00:00.000Z')).toBe(1);
    // The weekend is not counted: Friday's due on Monday is 1 day behind.
    expect(behind('2026-11-27T09:30:00.000Z', '2026-11-30T02:00:00.000Z')).toBe(1);
    // Nor are holidays and cuti bersama: due Wed 23 Dec; 24 (cuti bersama), 25 (Natal), the
    // weekend pass; Monday 28 Dec is the first day behind, Wednesday 30 Dec the third.
    expect(behind('2026-12-23T09:00:00.000Z', '2026-12-27T05:00:00.000Z')).toBe(0);
    expect(behind('2026-12-23T09:00:00.000Z', '2026-12-28T02:00:00.000Z')).toBe(1);
    expect(behind('2026-12-23T09:00:00.000Z', '2026-12-30T02:00:00.000Z')).toBe(3);
    // Not yet due: nothing behind.
    expect(behind(monClose, '2026-11-30T02:00:00.000Z')).toBe(0);
  });

  it('workingDaysBehind equals the working days counted one by one, holidays, Ramadan and every zone included', () => {
    fc.assert(
      fc.property(instantArb, instantArb, zoneArb, (due, now, tz) => {
        const cal = CALS[tz];
        const today = localDate(now, tz);
        let days = 0;
        for (let d = addDaysYmd(localDate(displayDue(due, cal), tz), 1); d <= today; d = addDaysYmd(d, 1)) {
          const s = scheduleFor(d, cal);
          if (s && (d < today || Date.parse(fromLocal(d, s.open, tz)) <= Date.parse(now))) days++;
        }
        expect(workingDaysBehind(due, now, cal)).toBe(days);
      }),
      RUNS,
    );
  });

  it('nextDayOpening is the next instant the days behind may change, and they count one more there after the due\'s own day', () => {
    // Saturday 28 Nov 10.00, Monday 30 Nov 07.00 and 10.00 WIB: the next opening is Monday's, Monday's, Tuesday's.
    expect(new Date(nextDayOpening('2026-11-28T03:00:00.000Z', wib)).toISOString()).toBe('2026-11-30T00:30:00.000Z');
    expect(new Date(nextDayOpening('2026-11-30T00:00:00.000Z', wib)).toISOString()).toBe('2026-11-30T00:30:00.000Z');
    expect(new Date(nextDayOpening('2026-11-30T03:00:00.000Z', wib)).toISOString()).toBe('2026-12-01T00:30:00.000Z');
    // Wednesday 23 Dec after closing: Thursday 24 (cuti bersama), Natal and the weekend pass.
    expect(new Date(nextDayOpening('2026-12-23T10:00:00.000Z', wib)).toISOString()).toBe('2026-12-28T00:30:00.000Z');
    // A due at Tuesday's opening, shown Monday 16.00: that opening is the first day behind.
    expect(workingDaysBehind('2026-12-01T00:30:00.000Z', nextDayOpening('2026-11-30T03:00:00.000Z', wib), wib)).toBe(1);
    fc.assert(
      fc.property(instantArb, instantArb, zoneArb, (due, now, tz) => {
        const cal = CALS[tz];
        const next = nextDayOpening(now, cal);
        expect(next).toBeGreaterThan(Date.parse(now));
        const days = workingDaysBehind(due, now, cal);
        expect(workingDaysBehind(due, next - 1, cal)).toBe(days);
        // The day that opens there is one more behind if it comes after the day the due is
        // shown on (a due at an opening is shown the working day before: it counts there).
        const counted = localDate(next, tz) > localDate(displayDue(due, cal), tz);
        expect(workingDaysBehind(due, next, cal)).toBe(counted ? days + 1 : days);
      }),
      RUNS,
    );
  });

  it('workingDaysAhead counts the working days after today up to the day the due is shown on', () => {
    const ahead = (now: string, due: string) => workingDaysAhead(now, due, wib);
    const wedClose = '2026-12-02T09:00:00.000Z'; // Rabu 2 Des 16.00 WIB
    // All Monday (before opening, in hours, after closing) 2; all Tuesday 1; Wednesday 0.
    for (const now of ['2026-11-29T17:00:00.000Z', '2026-11-30T03:00:00.000Z', '2026-11-30T16:59:00.000Z']) expect(ahead(now, wedClose)).toBe(2);
    expect(ahead('2026-11-30T17:00:00.000Z', wedClose)).toBe(1); // Selasa 00.00
    expect(ahead('2026-12-01T09:30:00.000Z', wedClose)).toBe(1);
    expect(ahead('2026-12-01T17:00:00.000Z', wedClose)).toBe(0); // Rabu 00.00
    // From the weekend: Monday to Wednesday.
    expect(ahead('2026-11-28T03:00:00.000Z', wedClose)).toBe(3);
    // A due at Thursday's opening is shown as Wednesday 16.00: as Wednesday's.
    expect(ahead('2026-11-30T03:00:00.000Z', '2026-12-03T00:30:00.000Z')).toBe(2);
    // Holidays and cuti bersama are not counted: from Wed 23 Dec to Mon 28 Dec is 1.
    expect(ahead('2026-12-23T03:00:00.000Z', '2026-12-28T09:00:00.000Z')).toBe(1);
    // Past due: none.
    expect(ahead('2026-12-03T03:00:00.000Z', wedClose)).toBe(0);
  });

  it('workingDaysAhead equals the working days counted one by one, and changes only at the office’s midnight', () => {
    fc.assert(
      fc.property(instantArb, instantArb, zoneArb, (now, due, tz) => {
        const cal = CALS[tz];
        const shownOn = localDate(displayDue(due, cal), tz);
        let days = 0;
        for (let d = addDaysYmd(localDate(now, tz), 1); d <= shownOn; d = addDaysYmd(d, 1)) if (scheduleFor(d, cal)) days++;
        const found = workingDaysAhead(now, due, cal);
        expect(found).toBe(days);
        const midnight = nextMidnight(now, tz);
        expect(localTime(midnight, tz)).toBe('00:00');
        expect(localDate(midnight, tz)).toBe(addDaysYmd(localDate(now, tz), 1));
        expect(workingDaysAhead(midnight - 1, due, cal)).toBe(found);
      }),
      RUNS,
    );
  });

  it('while a pause is still open there is no due time yet, whatever the unit', () => {
    const open: Pause[] = [{ from: '2026-12-24T03:00:00.000Z', to: null }];
    for (const d of [hari(10), hariKerja(3), jam(20), menit(600)]) {
      expect(() => addWorkingTime('2026-12-23T03:00:00.000Z', d, wib, open)).toThrow(/Waktu masih berhenti/);
    }
    // A count that ends before the pause begins has its due.
    expect(addWorkingTime('2026-12-22T03:00:00.000Z', hariKerja(1), wib, open)).toBe('2026-12-23T03:00:00.000Z');
    expect(addWorkingTime('2026-12-22T03:00:00.000Z', jam(2), wib, open)).toBe('2026-12-22T05:00:00.000Z');
  });

  it('Ramadan 1447 H (19 Feb – 19 Mar 2026): from 08.00, Mon–Thu to 15.00, Fri to 15.30', () => {
    expect(scheduleFor('2026-02-19', wib)).toEqual({ open: '08:00', close: '15:00', breaks: [{ start: '12:00', end: '12:30' }] });
    expect(scheduleFor('2026-02-20', wib)).toEqual({ open: '08:00', close: '15:30', breaks: [{ start: '11:30', end: '12:30' }] });
    expect(scheduleFor('2026-02-18', wib)).toEqual(defaultWeek()[3]);
    // Thu 19 Feb 14.00 + 2 jam: 14.00–15.00 = 60; Fri 20 Feb 08.00 + 60.
    expect(addWorkingTime('2026-02-19T07:00:00.000Z', jam(2), wib)).toBe('2026-02-20T02:00:00.000Z'); // Jumat 09.00 WIB
    // Fri 20 Feb 11.00 + 1 jam: 11.00–11.30, break to 12.30, then 30 more.
    expect(addWorkingTime('2026-02-20T04:00:00.000Z', jam(1), wib)).toBe('2026-02-20T06:00:00.000Z'); // Jumat 13.00 WIB
    // Wed 18 Feb 15.30 (normal hours) + 60 menit: 15.30–16.00, then Thu 19 Feb from 08.00.
    expect(addWorkingTime('2026-02-18T08:30:00.000Z', menit(60), wib)).toBe('2026-02-19T01:30:00.000Z'); // Kamis 08.30 WIB
    // 07.45 on a Ramadan day is before opening.
    expect(nextOpening('2026-02-23T00:45:00.000Z', wib)).toBe('2026-02-23T01:00:00.000Z'); // Senin 08.00 WIB
    // Tue 17 Mar 14.30 + 2 jam: 30 min to 15.00; 18–24 Mar closed (cuti bersama, Nyepi, Idulfitri); Wed 25 Mar 07.30 + 90 in normal hours.
    expect(addWorkingTime('2026-03-17T07:30:00.000Z', jam(2), wib)).toBe('2026-03-25T02:00:00.000Z'); // Rabu 25 Mar 09.00 WIB
    // A Ramadan week (Mon 23 – Fri 27 Feb) is 32.5 hours.
    expect(workingMinutesBetween('2026-02-22T17:00:00.000Z', '2026-02-27T17:00:00.000Z', wib)).toBe(32.5 * 60);
  });

  it('a closure added by the office moves the due', () => {
    const cal = defaultCalendar('Asia/Jakarta');
    cal.closures.push({ date: '2026-11-23', name: 'Rapat kerja kecamatan', kind: 'libur_kantor' });
    // Fri 20 Nov 15.00 + 2 jam: 90 on Friday, Monday closed, 30 on Tue 24 Nov from 07.30.
    expect(addWorkingTime('2026-11-20T08:00:00.000Z', jam(2), cal)).toBe('2026-11-24T01:00:00.000Z'); // Selasa 08.00 WIB
    expect(addWorkingTime('2026-11-20T08:00:00.000Z', hariKerja(1), cal)).toBe('2026-11-24T08:00:00.000Z'); // Selasa 15.00 WIB
    expect(isWorkingMinute('2026-11-23T02:00:00.000Z', cal)).toBe(false);
  });

  it('a pause that runs past the plain due: the rest of the count runs after it', () => {
    // Mon 23 Nov 08.00 + 3 hari kerja = Thu 26 Nov 08.00 without a pause.
    const start = '2026-11-23T01:00:00.000Z';
    expect(addWorkingTime(start, hariKerja(3), wib)).toBe('2026-11-26T01:00:00.000Z');
    // Stopped Tue 24 08.00 until Mon 30 Nov 08.00: one day ran before (Mon 08.00 → Tue 08.00),
    // two days are left after the file is complete → Wed 2 Dec 08.00.
    const pause: Pause = { from: '2026-11-24T01:00:00.000Z', to: '2026-11-30T01:00:00.000Z' };
    expect(addWorkingTime(start, hariKerja(3), wib, [pause])).toBe('2026-12-02T01:00:00.000Z'); // Rabu 2 Des 08.00 WIB
    // Minutes: 8 jam from Mon 08.00 with the same pause: 7.5 h ran before (to Tue 08.00 is 450 min), 30 min after.
    expect(addWorkingTime(start, jam(8), wib, [pause])).toBe('2026-11-30T01:30:00.000Z'); // Senin 30 Nov 08.30 WIB
    // A pause wholly inside the count: Tue 24 Nov 10.00–11.00 adds one working hour.
    const short: Pause = { from: '2026-11-24T03:00:00.000Z', to: '2026-11-24T04:00:00.000Z' };
    expect(addWorkingTime(start, hariKerja(3), wib, [short])).toBe('2026-11-26T02:00:00.000Z'); // Kamis 26 Nov 09.00 WIB
  });
});

describe('validateCalendar', () => {
  const withWeek = (change: (w: WeekSchedule) => void): OfficeCalendar => {
    const cal = defaultCalendar('Asia/Jakarta');
    change(cal.week);
    return cal;
  };

  it('accepts the default calendar in every zone', () => {
    for (const tz of ZONES) expect(validateCalendar(defaultCalendar(tz))).toEqual([]);
  });

  it('a day that closes before it opens', () => {
    const issues = validateCalendar(withWeek((w) => (w[1] = { open: '16:00', close: '07:30', breaks: [] })));
    expect(issues).toEqual([{ field: 'week.1.close', message: 'Jam tutup hari Senin harus setelah jam buka.' }]);
  });

  it('a break outside the hours, a break that ends before it starts, overlapping breaks', () => {
    expect(validateCalendar(withWeek((w) => (w[5] = { open: '07:30', close: '16:30', breaks: [{ start: '17:00', end: '18:00' }] })))).toEqual([
      { field: 'week.5.breaks.0', message: 'Istirahat hari Jumat harus di dalam jam kerja.' },
    ]);
    expect(validateCalendar(withWeek((w) => (w[2] = { open: '07:30', close: '16:00', breaks: [{ start: '13:00', end: '12:00' }] })))).toEqual([
      { field: 'week.2.breaks.0', message: 'Akhir istirahat hari Selasa harus setelah mulainya.' },
    ]);
    const overlap = validateCalendar(
      withWeek(
        (w) =>
          (w[3] = {
            open: '07:30',
            close: '16:00',
            breaks: [
              { start: '12:00', end: '13:00' },
              { start: '12:30', end: '13:30' },
            ],
          }),
      ),
    );
    expect(overlap).toEqual([{ field: 'week.3.breaks.1', message: 'Jam istirahat hari Rabu saling tumpang tindih.' }]);
  });

  it('a week without working days, a special schedule that ends before it starts, bad and repeated closures', () => {
    const cal = defaultCalendar('Asia/Makassar');
    cal.week = { 1: null, 2: null, 3: null, 4: null, 5: null, 6: null, 7: null };
    // The 2026 Ramadan schedule (the last).
    const r = cal.special.length - 1;
    const ramadan = cal.special[r]!;
    ramadan.to = '2026-02-01';
    ramadan.week[4] = { open: '15:00', close: '08:00', breaks: [] };
    cal.closures.push({ date: '2026-02-30', name: 'Salah', kind: 'libur_kantor' }, { date: '2026-08-17', name: 'Lagi', kind: 'libur_kantor' });
    const n = cal.closures.length;
    expect(validateCalendar(cal)).toEqual([
      { field: 'week', message: 'Minimal satu hari kerja dalam seminggu.' },
      { field: `special.${r}.to`, message: 'Tanggal akhir jadwal "Ramadan 1447 H" harus setelah tanggal mulainya.' },
      { field: `special.${r}.week.4.close`, message: 'Jam tutup hari Kamis (Ramadan 1447 H) harus setelah jam buka.' },
      { field: `closures.${n - 2}.date`, message: 'Tanggal libur 2026-02-30 tidak ada di kalender.' },
      { field: `closures.${n - 1}.date`, message: 'Tanggal 2026-08-17 tercantum dua kali di daftar hari libur.' },
    ]);
    // A schedule not named yet (its name is refused by the schema) is not quoted as "".
    ramadan.name = ' ';
    expect(validateCalendar(cal).filter((i) => i.field.startsWith('special'))).toEqual([
      { field: `special.${r}.to`, message: 'Tanggal akhir jadwal khusus harus setelah tanggal mulainya.' },
      { field: `special.${r}.week.4.close`, message: 'Jam tutup hari Kamis harus setelah jam buka.' },
    ]);
  });
});

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
    expect(holidaysRecorded([nyd(2025, 'cuti_bersama')], 2025)).toBe(false);
    expect(holidaysRecorded([nyd(2025)], 2025)).toBe(true);
  });
});

describe('local readings', () => {
  it('agree with @date-fns/tz at every instant, and a local reading maps back to its instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1987, 11, 31, 15), max: Date.UTC(2100, 0, 1) }), zoneArb, (ms, tz) => {
        const d = new TZDate(ms, tz);
        const pad = (n: number) => String(n).padStart(2, '0');
        expect(localDate(ms, tz)).toBe(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`);
        expect(localTime(ms, tz)).toBe(`${pad(d.getHours())}:${pad(d.getMinutes())}`);
        const minute = ms - (ms % 60_000);
        expect(fromLocal(localDate(ms, tz), localTime(ms, tz), tz)).toBe(new Date(minute).toISOString());
      }),
      { numRuns: 2000 },
    );
  });

  it('before 1988 come from the zone data: Jakarta was UTC+7.30 in 1960', () => {
    expect(localTime('1960-06-01T00:00:00.000Z', 'Asia/Jakarta')).toBe('07:30');
    expect(localTime('1988-06-01T00:00:00.000Z', 'Asia/Jakarta')).toBe('07:00');
  });
});
