import { describe, expect, it } from 'vitest';
import { parseIcsHolidays } from './ics';

const ics = (...events: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Tanggap//test//ID', ...events, 'END:VCALENDAR', ''].join('\r\n');
const event = (...lines: string[]) => ['BEGIN:VEVENT', ...lines, 'END:VEVENT'].join('\r\n');

describe('parseIcsHolidays', () => {
  it('reads all-day events, one closure per date', () => {
    const { closures, errors } = parseIcsHolidays(
      ics(
        event('UID:1', 'DTSTART;VALUE=DATE:20260817', 'DTEND;VALUE=DATE:20260818', 'SUMMARY:Hari Kemerdekaan Republik Indonesia'),
        event('UID:2', 'DTSTART;VALUE=DATE:20261225', 'SUMMARY:Hari Raya Natal'),
      ),
      'Asia/Jakarta',
    );
    expect(errors).toEqual([]);
    expect(closures).toEqual([
      { date: '2026-08-17', name: 'Hari Kemerdekaan Republik Indonesia', kind: 'libur_nasional' },
      { date: '2026-12-25', name: 'Hari Raya Natal', kind: 'libur_nasional' },
    ]);
  });

  it('a multi-day event covers every date up to DTEND, which is exclusive', () => {
    // Idulfitri and cuti bersama 20–24 Mar 2026: DTEND 25 Mar.
    const { closures } = parseIcsHolidays(
      ics(event('DTSTART;VALUE=DATE:20260320', 'DTEND;VALUE=DATE:20260325', 'SUMMARY:Idulfitri 1447 H dan cuti bersama')),
      'Asia/Jakarta',
      'cuti_bersama',
    );
    expect(closures.map((c) => c.date)).toEqual(['2026-03-20', '2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24']);
    expect(closures.every((c) => c.kind === 'cuti_bersama' && c.name === 'Idulfitri 1447 H dan cuti bersama')).toBe(true);
  });

  it('unfolds continuation lines and unescapes text', () => {
    const folded = 'SUMMARY:Tahun Baru Imlek 2577 Kongzili\\, cuti \r\n bersama\\; libur';
    const { closures, errors } = parseIcsHolidays(ics(event('DTSTART;VALUE=DATE:20260216', folded)), 'Asia/Jakarta');
    expect(errors).toEqual([]);
    expect(closures).toEqual([{ date: '2026-02-16', name: 'Tahun Baru Imlek 2577 Kongzili, cuti bersama; libur', kind: 'libur_nasional' }]);
    // LF-only files and a tab as the fold character work too.
    const lf = parseIcsHolidays(['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'DTSTART;VALUE=DATE:2026', '\t0601', 'SUMMARY:Hari Lahir Pancasila', 'END:VEVENT', 'END:VCALENDAR'].join('\n'), 'Asia/Jakarta');
    expect(lf.closures).toEqual([{ date: '2026-06-01', name: 'Hari Lahir Pancasila', kind: 'libur_nasional' }]);
  });

  it('a timed event counts its start date (DTEND not shifted back)', () => {
    const { closures } = parseIcsHolidays(ics(event('DTSTART:20260501T000000', 'DTEND:20260501T235900', 'SUMMARY:Hari Buruh')), 'Asia/Jakarta');
    expect(closures.map((c) => c.date)).toEqual(['2026-05-01']);
  });

  it('a UTC time is read in the office time zone; floating times and dates keep their written date', () => {
    const dates = (tz: 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura', ...lines: string[]) =>
      parseIcsHolidays(ics(event(...lines, 'SUMMARY:Hari Buruh')), tz).closures.map((c) => c.date);
    // 17:00Z on 30 April is 00:00 on 1 May in WIB.
    expect(dates('Asia/Jakarta', 'DTSTART:20260430T170000Z')).toEqual(['2026-05-01']);
    // 16:30Z is 23:30 WIB (still 30 April) but 00:30 WITA and 01:30 WIT (1 May).
    expect(dates('Asia/Jakarta', 'DTSTART:20260430T163000Z')).toEqual(['2026-04-30']);
    expect(dates('Asia/Makassar', 'DTSTART:20260430T163000Z')).toEqual(['2026-05-01']);
    expect(dates('Asia/Jayapura', 'DTSTART:20260430T163000Z')).toEqual(['2026-05-01']);
    // A whole local day exported in UTC: the end at local midnight is exclusive.
    expect(dates('Asia/Jakarta', 'DTSTART:20260430T170000Z', 'DTEND:20260501T170000Z')).toEqual(['2026-05-01']);
    expect(dates('Asia/Jayapura', 'DTSTART:20260430T150000Z', 'DTEND:20260502T150000Z')).toEqual(['2026-05-01', '2026-05-02']);
    // Floating times and DATE values are not shifted, whatever the zone.
    expect(dates('Asia/Jayapura', 'DTSTART:20260501T230000')).toEqual(['2026-05-01']);
    expect(dates('Asia/Jayapura', 'DTSTART;VALUE=DATE:20260501', 'DTEND;VALUE=DATE:20260502')).toEqual(['2026-05-01']);
  });

  it('reports a malformed event and keeps the others', () => {
    const { closures, errors } = parseIcsHolidays(
      ics(event('DTSTART;VALUE=DATE:kemarin', 'SUMMARY:Libur rusak'), event('SUMMARY:Tanpa tanggal'), event('DTSTART;VALUE=DATE:20260527', 'SUMMARY:Iduladha 1447 H')),
      'Asia/Jakarta',
    );
    expect(closures).toEqual([{ date: '2026-05-27', name: 'Iduladha 1447 H', kind: 'libur_nasional' }]);
    expect(errors).toEqual([
      'Acara "Libur rusak" tidak memiliki tanggal mulai yang dapat dibaca; dilewati.',
      'Acara "Tanpa tanggal" tidak memiliki tanggal mulai yang dapat dibaca; dilewati.',
    ]);
  });

  it('reads a day that is not in the calendar (month 13, 31 November, 9999-99-99) as unreadable', () => {
    const { closures, errors } = parseIcsHolidays(
      ics(
        event('DTSTART;VALUE=DATE:20261301', 'SUMMARY:Bulan 13'),
        event('DTSTART:20261131T080000', 'SUMMARY:31 November'),
        event('DTSTART:99999999', 'SUMMARY:Ngawur'),
        event('DTSTART;VALUE=DATE:20261225', 'DTEND;VALUE=DATE:20261299', 'SUMMARY:Natal'),
      ),
      'Asia/Jakarta',
    );
    // An unreadable end: the start day alone.
    expect(closures).toEqual([{ date: '2026-12-25', name: 'Natal', kind: 'libur_nasional' }]);
    expect(errors).toEqual(['Bulan 13', '31 November', 'Ngawur'].map((n) => `Acara "${n}" tidak memiliki tanggal mulai yang dapat dibaca; dilewati.`));
  });

  it('a file without events is not a calendar', () => {
    expect(parseIcsHolidays('Tanggal,Nama\n2026-01-01,Tahun Baru', 'Asia/Jakarta')).toEqual({ closures: [], errors: ['Berkas ini tidak memuat acara kalender (iCal). Unduh ulang berkas .ics dari kalender hari libur, misalnya ekspor Google Kalender, lalu pilih lagi.'] });
  });
});

describe('parseIcsHolidays outside the office years', () => {
  it('skips an event before 2000 or after 2100 and says so, keeping the others', () => {
    const { closures, errors } = parseIcsHolidays(
      ics(event('UID:1', 'DTSTART;VALUE=DATE:19000101', 'SUMMARY:Tahun Baru 1900'), event('UID:2', 'DTSTART;VALUE=DATE:20270101', 'SUMMARY:Tahun Baru 2027')),
      'Asia/Jakarta',
    );
    expect(closures).toEqual([{ date: '2027-01-01', name: 'Tahun Baru 2027', kind: 'libur_nasional' }]);
    expect(errors).toEqual(['Acara "Tahun Baru 1900" (1900-01-01): 1 hari di luar tahun 2000–2100, dilewati.']);
  });
});

describe('parseIcsHolidays across the edge of the office years', () => {
  it('keeps the days of an event within them and names those left out', () => {
    const { closures, errors } = parseIcsHolidays(ics(event('UID:1', 'DTSTART;VALUE=DATE:21001231', 'DTEND;VALUE=DATE:21010103', 'SUMMARY:Libur akhir abad')), 'Asia/Jakarta');
    expect(closures.map((c) => c.date)).toEqual(['2100-12-31']);
    expect(errors).toEqual(['Acara "Libur akhir abad" (2100-12-31): 2 hari di luar tahun 2000–2100, dilewati.']);
  });
});
