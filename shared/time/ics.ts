import { addDaysYmd, type Closure } from './workingTime';

// Holidays from an iCalendar file (e.g. a published national-holiday calendar):
// every VEVENT becomes one closure per date it covers (DTEND is exclusive).
export function parseIcsHolidays(text: string, kind: Closure['kind'] = 'libur_nasional'): { closures: Closure[]; errors: string[] } {
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
      const start = dateOf(event.DTSTART);
      const summary = (event.SUMMARY ?? '').replace(/\\([,;\\])/g, '$1').replace(/\\n/gi, ' ').trim() || 'Hari libur';
      if (!start) {
        errors.push(`Acara "${summary}" tidak memiliki tanggal mulai yang dapat dibaca; dilewati.`);
      } else {
        const end = dateOf(event.DTEND);
        const last = end && end > start && event.DTSTART?.length === 8 ? addDaysYmd(end, -1) : (end ?? start);
        for (let d = start, i = 0; d <= last && i < 60; d = addDaysYmd(d, 1), i++) closures.push({ date: d, name: summary, kind });
      }
      event = null;
    } else if (event) {
      const m = /^([A-Z-]+)(?:;[^:]*)?:(.*)$/.exec(line);
      if (m) event[m[1]!] = m[2]!.trim();
    }
  }
  if (events === 0) errors.push('Berkas bukan kalender iCal: tidak ada VEVENT.');
  return { closures, errors };
}

function dateOf(value: string | undefined): string | null {
  const m = value ? /^(\d{4})(\d{2})(\d{2})/.exec(value) : null;
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}
