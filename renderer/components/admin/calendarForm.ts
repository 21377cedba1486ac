import type { FieldErrors, Resolver } from 'react-hook-form';
import { toNestErrors } from '@hookform/resolvers';
import { calendarSchema } from '../../../shared/schemas/calendar';
import type { TimeZoneId } from '../../../shared/domain';
import type { Closure, DaySchedule, OfficeCalendar, WeekSchedule, Weekday } from '../../../shared/time/workingTime';

// The calendar as the screen edits it: a closed day keeps its hours (unticking
// "Masuk" and ticking it again gives them back); `toCalendar` makes it null again.

export interface DayForm {
  on: boolean;
  open: string;
  close: string;
  breaks: { start: string; end: string }[];
}
type WeekForm = Record<Weekday, DayForm>;
interface SpecialForm {
  name: string;
  from: string;
  to: string;
  week: WeekForm;
}
export interface CalendarForm {
  timeZone: TimeZoneId;
  week: WeekForm;
  special: SpecialForm[];
  closures: Closure[];
}

export const WEEKDAYS: Weekday[] = [1, 2, 3, 4, 5, 6, 7];

export const CLOSURE_KIND_COLOR: Record<Closure['kind'], string> = { libur_nasional: 'red', cuti_bersama: 'orange', libur_kantor: 'grape' };

const dayForm = (d: DaySchedule): DayForm =>
  d ? { on: true, open: d.open, close: d.close, breaks: d.breaks.map((b) => ({ ...b })) } : { on: false, open: '07:30', close: '16:00', breaks: [] };

export const weekForm = (w: WeekSchedule): WeekForm =>
  Object.fromEntries(WEEKDAYS.map((wd) => [wd, dayForm(w[wd])])) as WeekForm;

const weekOf = (w: WeekForm): WeekSchedule =>
  Object.fromEntries(WEEKDAYS.map((wd) => [wd, w[wd].on ? { open: w[wd].open, close: w[wd].close, breaks: w[wd].breaks } : null])) as WeekSchedule;

const byDate = (a: Closure, b: Closure) => a.date.localeCompare(b.date);

export function fromCalendar(c: OfficeCalendar): CalendarForm {
  return {
    timeZone: c.timeZone,
    week: weekForm(c.week),
    special: c.special.map((s) => ({ name: s.name, from: s.from, to: s.to, week: weekForm(s.week) })),
    closures: [...c.closures].sort(byDate).map((x) => ({ ...x })),
  };
}

function toCalendar(f: CalendarForm): OfficeCalendar {
  return {
    timeZone: f.timeZone,
    week: weekOf(f.week),
    special: f.special.map((s) => ({ name: s.name, from: s.from, to: s.to, week: weekOf(s.week) })),
    closures: f.closures,
  };
}

// The core's own check (shape and meaning: close after open, breaks inside hours,
// no date twice); its paths are the form's paths.
export const calendarResolver: Resolver<CalendarForm, unknown, OfficeCalendar> = async (values, _context, options) => {
  const r = calendarSchema.safeParse(toCalendar(values));
  if (r.success) return { values: r.data, errors: {} };
  const flat: FieldErrors = {};
  for (const issue of r.error.issues) {
    const name = issue.path.map(String).join('.') || 'root';
    flat[name] ??= { type: 'validation', message: issue.message };
  }
  return { values: {}, errors: toNestErrors(flat, options) };
};
