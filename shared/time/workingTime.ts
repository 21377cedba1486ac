import { tzOffset } from '@date-fns/tz';
import type { Closure } from './closure';
import { HOLIDAYS_2025 } from './holidays2025';
import { HOLIDAYS_2026 } from './holidays2026';

// THE module that does date arithmetic. Instants are ISO strings in
// UTC; every local question (which day, which hour, is the office open) is asked
// in the office's IANA time zone through @date-fns/tz, never with a hand-written
// offset. Pure, no Node: the renderer uses it too.

export type { Closure };
export type TimeZoneId = 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura';
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7; // 1 = Senin … 7 = Minggu
export type DaySchedule = { open: string; close: string; breaks: { start: string; end: string }[] } | null;
export type WeekSchedule = Record<Weekday, DaySchedule>;
export interface SpecialSchedule {
  from: string;
  to: string;
  name: string;
  week: WeekSchedule;
}
export interface OfficeCalendar {
  timeZone: TimeZoneId;
  week: WeekSchedule;
  special: SpecialSchedule[];
  closures: Closure[];
}
export type DurationUnit = 'menit_kerja' | 'jam_kerja' | 'hari_kerja' | 'hari_kalender';
export interface Duration {
  amount: number;
  unit: DurationUnit;
}
// The clock stopped, e.g. waiting for the reporter to complete the file; to = null: still stopped.
export interface Pause {
  from: string;
  to: string | null;
}

type Instant = string | Date | number;
const MINUTE = 60_000;
const MAX_DAYS = 800;
const STILL_STOPPED = 'Waktu masih berhenti (menunggu kelengkapan berkas); batas waktu belum dapat dihitung.';

export const WEEKDAY_NAMES: Record<Weekday, string> = { 1: 'Senin', 2: 'Selasa', 3: 'Rabu', 4: 'Kamis', 5: 'Jumat', 6: 'Sabtu', 7: 'Minggu' };

const day = (open: string, close: string, breakStart: string, breakEnd: string): DaySchedule => ({
  open,
  close,
  breaks: [{ start: breakStart, end: breakEnd }],
});

// Perpres 21/2023: five days, 37.5 hours a week.
export function defaultWeek(): WeekSchedule {
  const monThu = () => day('07:30', '16:00', '12:00', '13:00');
  return { 1: monThu(), 2: monThu(), 3: monThu(), 4: monThu(), 5: day('07:30', '16:30', '11:30', '13:00'), 6: null, 7: null };
}

// Ramadan: 32.5 hours a week from 08.00 (Mon–Thu 08.00–15.00 with 30 minutes'
// break = 6.5 h; Fri 08.00–15.30 with an hour for Jumatan = 6.5 h).
export function ramadanWeek(): WeekSchedule {
  const monThu = () => day('08:00', '15:00', '12:00', '12:30');
  return { 1: monThu(), 2: monThu(), 3: monThu(), 4: monThu(), 5: day('08:00', '15:30', '11:30', '12:30'), 6: null, 7: null };
}

export function defaultCalendar(tz: TimeZoneId): OfficeCalendar {
  return {
    timeZone: tz,
    week: defaultWeek(),
    // Ramadan 1446 H and 1447 H, as announced for 2025 and 2026 (admin adjusts).
    special: [
      { from: '2025-03-01', to: '2025-03-30', name: 'Ramadan 1446 H', week: ramadanWeek() },
      { from: '2026-02-19', to: '2026-03-19', name: 'Ramadan 1447 H', week: ramadanWeek() },
    ],
    closures: [...HOLIDAYS_2025, ...HOLIDAYS_2026].map((h) => ({ ...h })),
  };
}

// Whether the calendar holds the national holidays of `year`: an office closure or a cuti
// bersama alone is not the year recorded.
export const holidaysRecorded = (closures: readonly Pick<Closure, 'date' | 'kind'>[], year: number) =>
  closures.some((c) => c.kind === 'libur_nasional' && c.date.startsWith(`${year}-`));

// The years whose national holidays are not recorded yet, on the office's day `today`: this
// year, and from October (the government sets the next year's before then) the next, into
// which the dues of the year's last weeks run. A due counted across a year without them
// counts its holidays as working days.
export function yearsWithoutHolidays(today: string, closures: readonly Pick<Closure, 'date' | 'kind'>[]): string[] {
  const year = Number(today.slice(0, 4));
  const wanted = Number(today.slice(5, 7)) >= 10 ? [year, year + 1] : [year];
  return wanted.filter((y) => !holidaysRecorded(closures, y)).map(String);
}

const toMs = (x: Instant) => (typeof x === 'string' ? Date.parse(x) : typeof x === 'number' ? x : x.getTime());
const iso = (ms: number) => new Date(ms).toISOString();
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

// The zone's offset from UTC in minutes at an instant. The three zones have kept UTC+7
// (WIB), +8 (WITA) and +9 (WIT) without daylight saving since 1964 at the latest, and
// Keppres 41/1987 set today's three zones from 1 January 1988; from then on the offset is
// read from this table (a test holds it against the zone data). An earlier instant asks
// the zone data through @date-fns/tz, which builds Intl parts at about 10 µs a time: asked
// for every instant, working time over a few years would take tens of milliseconds.
const ZONE_MINUTES: Readonly<Record<TimeZoneId, number>> = { 'Asia/Jakarta': 7 * 60, 'Asia/Makassar': 8 * 60, 'Asia/Jayapura': 9 * 60 };
const ZONES_FIXED_FROM = Date.UTC(1987, 11, 31, 15);
/** How many hours two of today's zones lie apart (WIB and WIT: 2). */
export const hoursBetweenZones = (a: TimeZoneId, b: TimeZoneId) => Math.abs(ZONE_MINUTES[a] - ZONE_MINUTES[b]) / 60;
function offsetAt(ms: number, tz: TimeZoneId): number {
  const fixed = ZONE_MINUTES[tz];
  return fixed !== undefined && ms >= ZONES_FIXED_FROM ? fixed : tzOffset(tz, new Date(ms));
}

// The local wall-clock reading of an instant as a Date whose UTC fields are that reading.
const wallClock = (instant: Instant, tz: TimeZoneId) => {
  const ms = toMs(instant);
  return new Date(ms + offsetAt(ms, tz) * 60_000);
};

export function localDate(instant: Instant, tz: TimeZoneId): string {
  return wallClock(instant, tz).toISOString().slice(0, 10);
}

export function localTime(instant: Instant, tz: TimeZoneId): string {
  return wallClock(instant, tz).toISOString().slice(11, 16);
}

export function yearOf(instant: Instant, tz: TimeZoneId): number {
  return wallClock(instant, tz).getUTCFullYear();
}

export function fromLocal(date: string, time: string, tz: TimeZoneId): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, Number(time.slice(0, 2)), Number(time.slice(3, 5)));
  // The offset at the wall reading read as UTC is the zone's offset unless a change lies
  // between the two; asking again at the first guess settles it.
  const guess = wall - offsetAt(wall, tz) * 60_000;
  return iso(wall - offsetAt(guess, tz) * 60_000);
}

// Calendar arithmetic on local dates (YYYY-MM-DD), independent of any zone.
export function addDaysYmd(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

// A day written YYYY-MM-DD that the calendar has (not 31 November).
export const isYmd = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && addDaysYmd(v, 0) === v;
// The years an office's dates are kept for: the register and its reports, its calendar,
// its acting officials, an old register taken over.
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;
export const OFFICE_YEARS = `tahun ${FIRST_YEAR}–${LAST_YEAR}`;
export const inOfficeYears = (ymd: string) => ymd >= `${FIRST_YEAR}-01-01` && ymd <= `${LAST_YEAR}-12-31`;
// A local date and time to the minute, "2026-11-30T10:15" (the delivery form joins its date
// and time so): a day the calendar has, and a time of 00:00–23:59.
export const isLocalMinute = (v: string) => /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/.test(v) && isYmd(v.slice(0, 10));

export function weekdayOf(date: string): Weekday {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const w = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return (w === 0 ? 7 : w) as Weekday;
}

export function addCalendarDays(instant: Instant, days: number, tz: TimeZoneId): string {
  return fromLocal(addDaysYmd(localDate(instant, tz), days), localTime(instant, tz), tz);
}

export function scheduleFor(date: string, cal: OfficeCalendar): DaySchedule {
  if (cal.closures.some((c) => c.date === date)) return null;
  const special = cal.special.find((s) => s.from <= date && date <= s.to);
  return (special ?? cal).week[weekdayOf(date)];
}

// Per calendar object, the intervals of each date already worked out: queues ask
// about the same days for hundreds of complaints.
const intervalCache = new WeakMap<OfficeCalendar, Map<string, [number, number][]>>();

// The working intervals [start, end) of one local date, in epoch ms.
function dayIntervals(date: string, cal: OfficeCalendar): [number, number][] {
  let cache = intervalCache.get(cal);
  if (!cache) intervalCache.set(cal, (cache = new Map()));
  let ivs = cache.get(date);
  if (!ivs) cache.set(date, (ivs = computeDayIntervals(date, cal)));
  return ivs;
}

function computeDayIntervals(date: string, cal: OfficeCalendar): [number, number][] {
  const s = scheduleFor(date, cal);
  if (!s) return [];
  const base = Date.parse(fromLocal(date, '00:00', cal.timeZone));
  const at = (hhmm: string) => base + minutesOf(hhmm) * MINUTE;
  const out: [number, number][] = [];
  let cursor = at(s.open);
  for (const b of [...s.breaks].sort((x, y) => x.start.localeCompare(y.start))) {
    if (at(b.start) > cursor) out.push([cursor, at(b.start)]);
    cursor = Math.max(cursor, at(b.end));
  }
  if (at(s.close) > cursor) out.push([cursor, at(s.close)]);
  return out;
}

function pauseIntervals(pauses: Pause[] | undefined): [number, number][] {
  return (pauses ?? []).map((p) => [toMs(p.from), p.to === null ? Infinity : toMs(p.to)]);
}

// Working intervals of a date minus the pauses.
function openIntervals(date: string, cal: OfficeCalendar, pauses: [number, number][]): [number, number][] {
  let ivs = dayIntervals(date, cal);
  for (const [pa, pb] of pauses) {
    ivs = ivs.flatMap(([a, b]): [number, number][] => {
      if (pb <= a || pa >= b) return [[a, b]];
      const parts: [number, number][] = [];
      if (pa > a) parts.push([a, pa]);
      if (pb < b) parts.push([pb, b]);
      return parts;
    });
  }
  return ivs;
}

export function isWorkingMinute(instant: Instant, cal: OfficeCalendar): boolean {
  const t = toMs(instant);
  return dayIntervals(localDate(t, cal.timeZone), cal).some(([a, b]) => a <= t && t < b);
}

export function nextOpening(instant: Instant, cal: OfficeCalendar, pauses?: Pause[]): string {
  const t = toMs(instant);
  const ps = pauseIntervals(pauses);
  let date = localDate(t, cal.timeZone);
  for (let i = 0; i < MAX_DAYS; i++, date = addDaysYmd(date, 1)) {
    for (const [a, b] of openIntervals(date, cal, ps)) {
      if (b > t) return iso(Math.max(a, t));
    }
  }
  throw new Error('Kalender kantor tidak memiliki jam kerja dalam 800 hari ke depan; periksa hari kerja dan hari libur.');
}

function addWorkingMinutes(startMs: number, minutes: number, cal: OfficeCalendar, ps: [number, number][]): number {
  if (minutes <= 0) return startMs;
  let left = minutes * MINUTE;
  let date = localDate(startMs, cal.timeZone);
  // A pause still open (to = null) stops the clock for good: no due time yet.
  const stoppedFrom = Math.min(Infinity, ...ps.filter(([, b]) => b === Infinity).map(([a]) => a));
  for (let i = 0; i < MAX_DAYS; i++, date = addDaysYmd(date, 1)) {
    if (stoppedFrom < Infinity && Date.parse(fromLocal(date, '00:00', cal.timeZone)) >= stoppedFrom) throw new Error(STILL_STOPPED);
    for (const [a, b] of openIntervals(date, cal, ps)) {
      if (b <= startMs) continue;
      const s = Math.max(a, startMs);
      if (left <= b - s) return s + left;
      left -= b - s;
    }
  }
  throw new Error('Batas waktu melewati 800 hari; periksa kalender kantor.');
}

function isWorkingDay(date: string, cal: OfficeCalendar): boolean {
  return scheduleFor(date, cal) !== null;
}

// N working days: the same local time on the N-th following working day, clamped
// into that day's hours (never inside a break, never after closing).
function addWorkingDays(startMs: number, days: number, cal: OfficeCalendar): number {
  const tz = cal.timeZone;
  const start = toMs(nextOpening(startMs, cal));
  let date = localDate(start, tz);
  for (let n = 0, i = 0; n < days; i++) {
    if (i > MAX_DAYS) throw new Error('Batas waktu melewati 800 hari; periksa kalender kantor.');
    date = addDaysYmd(date, 1);
    if (isWorkingDay(date, cal)) n++;
  }
  return clampIntoDay(date, localTime(start, tz), cal);
}

// A local time on a working day, clamped into its hours: before opening → opening, in a
// break → the break's end, after closing → closing.
function clampIntoDay(date: string, time: string, cal: OfficeCalendar): number {
  const target = Date.parse(fromLocal(date, time, cal.timeZone));
  const ivs = dayIntervals(date, cal);
  for (const [a, b] of ivs) {
    if (target <= a) return a;
    if (target <= b) return target;
  }
  return ivs[ivs.length - 1]![1];
}

// A calendar-day due that falls on a closed day moves to the next working day at the same
// clock time; on any working day it is clamped into the hours as hari kerja is. After
// closing it stays on its own day (closing and the next opening are the same working instant).
function onWorkingDay(due: number, cal: OfficeCalendar): number {
  let date = localDate(due, cal.timeZone);
  for (let i = 0; !isWorkingDay(date, cal); i++, date = addDaysYmd(date, 1)) {
    if (i > MAX_DAYS) throw new Error('Batas waktu melewati 800 hari; periksa kalender kantor.');
  }
  return clampIntoDay(date, localTime(due, cal.timeZone), cal);
}

export function workingMinutesBetween(a: Instant, b: Instant, cal: OfficeCalendar, pauses?: Pause[]): number {
  const ta = toMs(a);
  const tb = toMs(b);
  if (!Number.isFinite(ta) || !Number.isFinite(tb)) throw new RangeError('Invalid time value');
  // `0 -` and not a unary minus: a backwards span with no working time is 0, never -0.
  if (tb < ta) return 0 - Math.round(workingMs(tb, ta, cal, pauses) / MINUTE);
  return Math.round(workingMs(ta, tb, cal, pauses) / MINUTE);
}

// The working ms from ta to tb (ta <= tb), less those inside the pauses.
function workingMs(ta: number, tb: number, cal: OfficeCalendar, pauses: Pause[] | undefined): number {
  const table = dayTable(cal, dayOf(ta, cal.timeZone), dayOf(tb, cal.timeZone));
  let total = workedBefore(table, cal, tb) - workedBefore(table, cal, ta);
  // The clock stands still in a pause: the working time inside each (merged, clipped to
  // the span) is taken off.
  if (pauses?.length) {
    for (const [pa, pb] of mergedPauses(pauses)) {
      const from = Math.max(pa, ta);
      const to = Math.min(pb, tb);
      if (to > from) total -= workedBefore(table, cal, to) - workedBefore(table, cal, from);
    }
  }
  return total;
}

// How long workingMinutesBetween(t, due) keeps its value at `now` as t moves on from now:
// the first instant (ms) at which it may differ, never later than it does. Lists keep the
// minutes they showed until then. The count is rounded to the nearest minute, so it moves
// once the working time passed since `now` goes beyond what separates it from the next
// half minute; outside office hours nothing passes. A pause not over at `now` gives now + 1.
export function minutesSteadyUntil(now: number, due: number, cal: OfficeCalendar, pauses?: Pause[]): number {
  if (pauses?.some((p) => p.to === null || toMs(p.to) > now || toMs(p.from) > now)) return now + 1;
  let slack: number;
  if (now <= due) {
    // m = round(left / MINUTE) holds while left >= (m - 0.5) × MINUTE; an m of 0 holds past
    // the due too, while the time over it is under half a minute.
    const left = workingMs(now, due, cal, pauses);
    const m = Math.round(left / MINUTE);
    slack = m === 0 ? left + MINUTE / 2 - 1 : left - (m - 0.5) * MINUTE;
  } else {
    // Over: round(over / MINUTE) = k holds while over < (k + 0.5) × MINUTE (whole ms).
    const over = workingMs(due, now, cal, pauses);
    slack = (Math.round(over / MINUTE) + 0.5) * MINUTE - over - 1;
  }
  return workingPassedUntil(now, slack, cal);
}

const LOOK_AHEAD_DAYS = 31;

// An instant up to which at most `slack` working ms pass after `from`: the end of that much
// working time, or the end of the working interval it starts in, whichever comes first;
// from + 1 if no interval opens within LOOK_AHEAD_DAYS.
function workingPassedUntil(from: number, slack: number, cal: OfficeCalendar): number {
  const first = dayOf(from, cal.timeZone);
  const t = dayTable(cal, first, first + LOOK_AHEAD_DAYS);
  for (let i = first - t.base; i <= first - t.base + LOOK_AHEAD_DAYS; i++) {
    for (const [x, y] of t.ivs[i]!) {
      if (y > from) return Math.min(Math.max(x, from) + slack + 1, y);
    }
  }
  return from + 1;
}

const DAY_MS = 86_400_000;
const dateOfNumber = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
// The local date of an instant as a day number (days since 1970-01-01), as localDate reads it.
const dayOf = (ms: number, tz: TimeZoneId) => Math.floor((ms + offsetAt(ms, tz) * MINUTE) / DAY_MS);

// Per calendar object, each local day's working intervals and running totals over a range
// of days: cum[i] = working ms of the days base … base+i-1, open[i] = how many of those
// days are working days. The working time before any instant of the range is then one
// addition, and the working days between two days one subtraction, so a queue asks them
// for hundreds of complaints (some open for months) at constant cost.
interface DayTable {
  base: number;
  ivs: [number, number][][];
  cum: number[];
  open: number[];
}
const dayTables = new WeakMap<OfficeCalendar, DayTable>();
// Grown by at least this many days at a time, so a table grows a few times, not every day.
const TABLE_SLACK = 62;

function dayTable(cal: OfficeCalendar, from: number, to: number): DayTable {
  let t = dayTables.get(cal);
  if (t && from >= t.base && to < t.base + t.ivs.length) return t;
  if (!t || from < t.base) {
    // Earlier days are needed: start again from the earlier base, keeping the later end.
    const end = t ? Math.max(to, t.base + t.ivs.length - 1) : to;
    t = { base: from - TABLE_SLACK, ivs: [], cum: [0], open: [0] };
    dayTables.set(cal, t);
    extendTable(t, cal, end + TABLE_SLACK);
  } else extendTable(t, cal, to + TABLE_SLACK);
  return t;
}

function extendTable(t: DayTable, cal: OfficeCalendar, last: number): void {
  for (let n = t.base + t.ivs.length; n <= last; n++) {
    const ivs = dayIntervals(dateOfNumber(n), cal);
    t.ivs.push(ivs);
    t.cum.push(t.cum[t.cum.length - 1]! + ivs.reduce((sum, [x, y]) => sum + (y - x), 0));
    t.open.push(t.open[t.open.length - 1]! + (ivs.length > 0 ? 1 : 0));
  }
}

// Working ms from the table's first day up to the instant t (t's day within the table).
function workedBefore(t: DayTable, cal: OfficeCalendar, ms: number): number {
  const i = dayOf(ms, cal.timeZone) - t.base;
  let sum = t.cum[i]!;
  for (const [x, y] of t.ivs[i]!) {
    if (ms <= x) break;
    sum += Math.min(y, ms) - x;
  }
  return sum;
}

// Pauses as disjoint [from, to) spans in order (an open pause runs for ever); a pause that
// ends before it starts stops nothing.
function mergedPauses(pauses: Pause[]): [number, number][] {
  const spans = pauseIntervals(pauses)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [a, b] of spans) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

export function remainingWorkingMinutes(now: Instant, due: Instant, cal: OfficeCalendar, pauses?: Pause[]): number {
  return workingMinutesBetween(now, due, cal, pauses);
}

// The due instant of a duration started at `start`. Every unit starts at the next opening
// when `start` is outside hours. Working minutes and hours count inside office hours (a
// count that ends at closing time is due at closing time); hari kalender count wall-clock
// days, then land on a working day and hour. Pauses stop the clock.
// Per calendar object, dues already worked out without pauses (the automatic withdrawal of
// every paused file is asked on each queue call).
const dues = new WeakMap<OfficeCalendar, Map<string, string>>();
const DUES_KEPT = 20_000;

export function addWorkingTime(start: Instant, duration: Duration, cal: OfficeCalendar, pauses?: Pause[]): string {
  if (pauses?.length) return dueOf(start, duration, cal, pauses);
  let kept = dues.get(cal);
  if (!kept) dues.set(cal, (kept = new Map()));
  const key = `${toMs(start)}|${duration.amount}|${duration.unit}`;
  let due = kept.get(key);
  if (due === undefined) {
    due = dueOf(start, duration, cal);
    if (kept.size >= DUES_KEPT) kept.clear();
    kept.set(key, due);
  }
  return due;
}

function dueOf(start: Instant, duration: Duration, cal: OfficeCalendar, pauses?: Pause[]): string {
  const t = toMs(start);
  const ps = pauseIntervals(pauses);
  switch (duration.unit) {
    case 'menit_kerja':
      return iso(addWorkingMinutes(t, duration.amount, cal, ps));
    case 'jam_kerja':
      return iso(addWorkingMinutes(t, duration.amount * 60, cal, ps));
    case 'hari_kerja': {
      const due = addWorkingDays(t, duration.amount, cal);
      if (!ps.length) return iso(due);
      // A pause stops the clock: the working minutes of the plain count run again with
      // the pauses skipped, so a pause that lasts past the plain due (the reporter
      // completes the file late) leaves the rest of the count to run after it.
      const minutes = workingMinutesBetween(t, due, cal);
      const lost = minutes - workingMinutesBetween(t, due, cal, pauses);
      return iso(lost > 0 ? addWorkingMinutes(t, minutes, cal, ps) : due);
    }
    case 'hari_kalender': {
      // Like hari kerja, the days start at the next opening. Order: the pauses shift the
      // plain calendar due first (by paused wall-clock time), then the result is put onto a
      // working day and hour; shifting a clamped due could land it on a closed day again.
      const open = toMs(nextOpening(t, cal));
      return iso(onWorkingDay(skipPauses(open, Date.parse(addCalendarDays(open, duration.amount, cal.timeZone)), ps), cal));
    }
  }
}

// Calendar time from t to due with the clock stopped during the pauses: each pause that
// begins before the (moving) due pushes it back by its part after t, including a part
// that lasts past the plain due.
function skipPauses(t: number, due: number, ps: [number, number][]): number {
  let left = due - t;
  let cursor = t;
  for (const [a, b] of [...ps].sort((x, y) => x[0] - y[0])) {
    if (b <= cursor) continue;
    if (a >= cursor + left) break;
    if (b === Infinity) throw new Error(STILL_STOPPED);
    left -= Math.max(0, a - cursor);
    cursor = b;
  }
  return cursor + left;
}

// The instant to show people for a due. A due at a day's opening reads as that morning,
// yet no working minute lies between the previous closing and it: "2 Desember 07.30"
// is shown as "1 Desember 16.00", the end of the last working period before it.
export function displayDue(due: Instant, cal: OfficeCalendar): string {
  const t = toMs(due);
  let date = localDate(t, cal.timeZone);
  if (dayIntervals(date, cal)[0]?.[0] !== t) return iso(t);
  for (let i = 0; i < MAX_DAYS; i++) {
    date = addDaysYmd(date, -1);
    const last = dayIntervals(date, cal).at(-1);
    if (last) return iso(last[1]);
  }
  return iso(t);
}

// How many working days a due is behind at `now`, as an office counts them: the working
// days after the day the due is shown on (displayDue) up to today, today counted once the
// office has opened. A due shown for Monday is 1 day behind on Tuesday morning and 2 on
// Wednesday; 0 on its own day, when the lateness is hours and minutes.
// The days come from the calendar's day table, as the working minutes do.
export function workingDaysBehind(due: Instant, now: Instant, cal: OfficeCalendar): number {
  const d = toMs(due);
  const t = toMs(now);
  const dueDay = dayOf(d, cal.timeZone);
  const today = dayOf(t, cal.timeZone);
  if (dueDay > today) return 0;
  const table = dayTable(cal, dueDay, today);
  const ivs = (n: number) => table.ivs[n - table.base]!;
  // A due at its day's opening is shown on the last working day before it, so its own day
  // is the first behind (the days between are closed and count nothing).
  const from = ivs(dueDay)[0]?.[0] === d ? dueDay : dueDay + 1;
  if (from > today) return 0;
  // The working days from `from` to yesterday from the running count, then today once open.
  const opening = ivs(today)[0]?.[0];
  return table.open[today - table.base]! - table.open[from - table.base]! + (opening !== undefined && opening <= t ? 1 : 0);
}

// The first opening of a working day after `now`: the instant at which workingDaysBehind
// may count one more (ms); now + 1 if no day opens within LOOK_AHEAD_DAYS.
export function nextDayOpening(now: Instant, cal: OfficeCalendar): number {
  const t = toMs(now);
  const first = dayOf(t, cal.timeZone);
  const table = dayTable(cal, first, first + LOOK_AHEAD_DAYS);
  for (let n = first; n <= first + LOOK_AHEAD_DAYS; n++) {
    const opening = table.ivs[n - table.base]![0]?.[0];
    if (opening !== undefined && opening > t) return opening;
  }
  return t + 1;
}

// How many working days lie ahead of a due at `now`, as an office counts them: the working
// days after today up to the day the due is shown on (displayDue). A due on Wednesday is 2
// days ahead all Monday and 1 all Tuesday; 0 on its own day, when the time left is hours
// and minutes. It changes only as a new day begins (nextMidnight). The days come from the
// calendar's day table, as the working minutes do.
export function workingDaysAhead(now: Instant, due: Instant, cal: OfficeCalendar): number {
  const t = toMs(now);
  const d = toMs(due);
  const today = dayOf(t, cal.timeZone);
  const dueDay = dayOf(d, cal.timeZone);
  if (dueDay <= today) return 0;
  const table = dayTable(cal, today, dueDay);
  // A due at its day's opening is shown on the last working day before it.
  const shownOn = table.ivs[dueDay - table.base]![0]?.[0] === d ? dueDay - 1 : dueDay;
  // The working days from tomorrow to that day, from the running count.
  return table.open[shownOn + 1 - table.base]! - table.open[today + 1 - table.base]!;
}

// The instant (ms) the office's next day begins after `now`: its local midnight.
export function nextMidnight(now: Instant, tz: TimeZoneId): number {
  const t = toMs(now);
  return (dayOf(t, tz) + 1) * DAY_MS - offsetAt(t, tz) * MINUTE;
}

// A special schedule as messages name it: jadwal "Ramadan 1447 H", or jadwal khusus unnamed.
const scheduleWords = (name: string) => `jadwal${name.trim() ? ` "${name.trim()}"` : ' khusus'}`;

// What is wrong with the dates a save brings into the calendar (those it did not hold
// before): a special schedule from or to a day the calendar lacks, or a date outside the
// office years. Asked of saves only: a calendar stored before these rules reads as it was.
export function newCalendarDateIssues(cal: OfficeCalendar, stored: OfficeCalendar | null): { field: string; message: string }[] {
  const issues: { field: string; message: string }[] = [];
  const held = new Set([...(stored?.closures ?? []).map((c) => c.date), ...(stored?.special ?? []).flatMap((s) => [s.from, s.to])]);
  cal.special.forEach((s, i) => {
    const schedule = scheduleWords(s.name);
    for (const [end, word] of [['from', 'mulai'], ['to', 'akhir']] as const) {
      if (held.has(s[end])) continue;
      if (!isYmd(s[end])) issues.push({ field: `special.${i}.${end}`, message: `Tanggal ${word} ${schedule} (${s[end]}) tidak ada di kalender.` });
      else if (!inOfficeYears(s[end])) issues.push({ field: `special.${i}.${end}`, message: `Tanggal ${word} ${schedule} (${s[end]}) di luar ${OFFICE_YEARS}.` });
    }
  });
  cal.closures.forEach((c, i) => {
    if (!held.has(c.date) && isYmd(c.date) && !inOfficeYears(c.date)) issues.push({ field: `closures.${i}.date`, message: `Tanggal libur ${c.date} di luar ${OFFICE_YEARS}.` });
  });
  return issues;
}

// What is wrong with a calendar, in words the admin can act on.
export function validateCalendar(cal: OfficeCalendar): { field: string; message: string }[] {
  const issues: { field: string; message: string }[] = [];
  const checkWeek = (week: WeekSchedule, prefix: string, label: string) => {
    let open = 0;
    for (const wd of [1, 2, 3, 4, 5, 6, 7] as Weekday[]) {
      const d = week[wd];
      if (!d) continue;
      open++;
      const field = `${prefix}.${wd}`;
      const o = minutesOf(d.open);
      const c = minutesOf(d.close);
      if (c <= o) issues.push({ field: `${field}.close`, message: `Jam tutup hari ${WEEKDAY_NAMES[wd]}${label} harus setelah jam buka.` });
      const breaks = [...d.breaks].sort((x, y) => x.start.localeCompare(y.start));
      breaks.forEach((b, i) => {
        if (minutesOf(b.end) <= minutesOf(b.start)) {
          issues.push({ field: `${field}.breaks.${i}`, message: `Akhir istirahat hari ${WEEKDAY_NAMES[wd]}${label} harus setelah mulainya.` });
        } else if (minutesOf(b.start) < o || minutesOf(b.end) > c) {
          issues.push({ field: `${field}.breaks.${i}`, message: `Istirahat hari ${WEEKDAY_NAMES[wd]}${label} harus di dalam jam kerja.` });
        }
        const prev = breaks[i - 1];
        if (prev && minutesOf(b.start) < minutesOf(prev.end)) {
          issues.push({ field: `${field}.breaks.${i}`, message: `Jam istirahat hari ${WEEKDAY_NAMES[wd]}${label} saling tumpang tindih.` });
        }
      });
    }
    if (open === 0) issues.push({ field: prefix, message: `Minimal satu hari kerja dalam seminggu${label}.` });
  };
  checkWeek(cal.week, 'week', '');
  cal.special.forEach((s, i) => {
    // A schedule not yet named is refused for its name too; its other messages go without it.
    const name = s.name.trim();
    if (s.to < s.from) issues.push({ field: `special.${i}.to`, message: `Tanggal akhir ${scheduleWords(name)} harus setelah tanggal mulainya.` });
    checkWeek(s.week, `special.${i}.week`, name ? ` (${name})` : '');
  });
  const seen = new Set<string>();
  cal.closures.forEach((c, i) => {
    if (!isYmd(c.date)) issues.push({ field: `closures.${i}.date`, message: `Tanggal libur ${c.date} tidak ada di kalender.` });
    else if (seen.has(c.date)) issues.push({ field: `closures.${i}.date`, message: `Tanggal ${c.date} tercantum dua kali di daftar hari libur.` });
    seen.add(c.date);
  });
  return issues;
}
