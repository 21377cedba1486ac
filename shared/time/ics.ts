import { addDaysYmd, inOfficeYears, localDate, localTime, OFFICE_YEARS, type Closure, type TimeZoneId } from './workingTime';

// Holidays from an iCalendar file (e.g. a published national-holiday calendar):
// every VEVENT becomes one closure per office-local date it covers (DTEND is exclusive).
export function parseIcsHolidays(
  text: string,
  tz: TimeZoneId,
  kind: Closure['kind'] = 'libur_nasional',
): { closures: Closure[]; errors: string[] } {
  // Unfold continuation lines (RFC 5545 §3.1).
  const lines = text.replace(/\r\n/g, '\n').replace(/\n[ \t]/g, '').split('\n');
  const closures: Closure[] = [];
  const errors: string[] = [];
  let event: Record<string, string> | null = null;
  let events = 0;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') {
      event = {};
      events++;
    } else if (line === 'END:VEVENT' && event) {
      const start = localOf(event.DTSTART, tz);
      // A holiday's name is at most 120 characters in the office calendar.
      const summary = (event.SUMMARY ?? '').replace(/\\([,;\\])/g, '$1').replace(/\\n/gi, ' ').trim().slice(0, 120) || 'Hari libur';
      if (!start) {
        errors.push(`Acara "${summary}" tidak memiliki tanggal mulai yang dapat dibaca; dilewati.`);
      } else {
        const end = localOf(event.DTEND, tz);
        // An end at the start of a later day (a DATE, or a time of 00:00) excludes that day.
        const exclusive = end !== null && end.date > start.date && (end.time === null ? start.time === null : end.time === '00:00');
        const candidate = end === null ? start.date : exclusive ? addDaysYmd(end.date, -1) : end.date;
        const last = candidate < start.date ? start.date : candidate;
        let outside = 0;
        for (let d = start.date, i = 0; d <= last && i < 60; d = addDaysYmd(d, 1), i++) {
          if (inOfficeYears(d)) closures.push({ date: d, name: summary, kind });
          else outside++;
        }
        if (outside) errors.push(`Acara "${summary}" (${start.date}): ${outside} hari di luar ${OFFICE_YEARS}, dilewati.`);
      }
      event = null;
    } else if (event) {
      const m = /^([A-Z-]+)(?:;[^:]*)?:(.*)$/.exec(line);
      if (m) event[m[1]!] = m[2]!.trim();
    }
  }
  if (events === 0) errors.push('Berkas ini tidak memuat acara kalender (iCal). Unduh ulang berkas .ics dari kalender hari libur, misalnya ekspor Google Kalender, lalu pilih lagi.');
  return { closures, errors };
}

// A DTSTART/DTEND value as an office-local date (and time, for timed values).
// UTC times ("…Z") are converted to the office's zone; floating times and DATE
// values keep the date as written.
function localOf(value: string | undefined, tz: TimeZoneId): { date: string; time: string | null } | null {
  const m = value ? /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?/.exec(value) : null;
  if (!m) return null;
  const [, y, mo, d, hh, mi, ss, utc] = m;
  const date = `${y}-${mo}-${d}`;
  // Not a day of the calendar (month 13, 31 November): unreadable, as a missing date is.
  if (addDaysYmd(date, 0) !== date) return null;
  if (hh === undefined) return { date, time: null };
  if (!utc) return { date, time: `${hh}:${mi}` };
  const instant = `${y}-${mo}-${d}T${hh}:${mi}:${ss}Z`;
  if (Number.isNaN(Date.parse(instant))) return null;
  return { date: localDate(instant, tz), time: localTime(instant, tz) };
}
