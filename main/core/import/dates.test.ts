import { describe, expect, it } from 'vitest';
import { isMissingDay, readDate } from './dates';

describe('readDate: dates as old registers hold them', () => {
  it.each([
    ['3 Agustus 2025', '2025-08-03', null],
    ['03/08/2025', '2025-08-03', null],
    ['3-8-2025', '2025-08-03', null],
    ['3.8.25', '2025-08-03', null],
    ['2025-08-03', '2025-08-03', null],
    ['2025-08-03T09:30:00', '2025-08-03', '09:30'],
    ['3 Agt 2025', '2025-08-03', null],
    ['3 Ags. 2025', '2025-08-03', null],
    ['17 Okt 2025', '2025-10-17', null],
    ['24 Des 2025', '2025-12-24', null],
    ['1 Mei 2025', '2025-05-01', null],
    ['5 Pebruari 2024', '2024-02-05', null],
    ['12 Nop 2024', '2024-11-12', null],
    ['Senin, 3 Agustus 2026 pukul 09.30 WIB', '2026-08-03', '09:30'],
    ['03/08/2025 14:05', '2025-08-03', '14:05'],
    ['45872', '2025-08-03', null],
  ])('%s', (text, ymd, time) => {
    expect(readDate(text)).toEqual({ ymd, time });
  });

  it('reads no date from a cell whose time is not one, rather than another time or none', () => {
    for (const text of ['05/11/2026 25:61', '05/11/2026 24.00', '2025-08-03T25:61', '3 Agt 2025 pukul 09.75 WIB']) expect(readDate(text)).toBeNull();
    expect(readDate('05/11/2026 23.59')).toEqual({ ymd: '2026-11-05', time: '23:59' });
  });

  it('reads a time only after the date: a day.month.year date is never taken for one', () => {
    expect(readDate('24.08.25')).toEqual({ ymd: '2025-08-24', time: null });
    expect(readDate('31.12.25')).toEqual({ ymd: '2025-12-31', time: null });
    expect(readDate('03.08.25')).toEqual({ ymd: '2025-08-03', time: null });
    expect(readDate('03/08/25 09.30')).toEqual({ ymd: '2025-08-03', time: '09:30' });
    expect(readDate('3 Agustus 2025, 09.30')).toEqual({ ymd: '2025-08-03', time: '09:30' });
    expect(readDate('3 Agustus 2026 jam 9.30')).toEqual({ ymd: '2026-08-03', time: '09:30' });
    expect(readDate('2025-08-03T09:30:00Z')).toEqual({ ymd: '2025-08-03', time: '09:30' });
    expect(readDate('3 Agt 2025 09.30 WITA')).toEqual({ ymd: '2025-08-03', time: '09:30' });
  });

  it('reads Excel date cells and serials (with their time of day)', () => {
    expect(readDate(new Date(Date.UTC(2025, 7, 3)))).toEqual({ ymd: '2025-08-03', time: null });
    expect(readDate(new Date(Date.UTC(2025, 7, 3, 9, 30)))).toEqual({ ymd: '2025-08-03', time: '09:30' });
    expect(readDate(45872)).toEqual({ ymd: '2025-08-03', time: null });
    expect(readDate(45872.5)).toEqual({ ymd: '2025-08-03', time: '12:00' });
  });

  it.each(['31/02/2025', '29 Februari 2025', '3 Agustusan 2025', 'besok', '13/13/2025', '', '-', '0'])('refuses %j', (text) => {
    expect(readDate(text)).toBeNull();
  });

  it('tells a day the calendar lacks from a way of writing not known', () => {
    for (const text of ['31/02/2025', '29 Februari 2025', '2025-06-31', '31 Juni 2025 09.00']) expect(isMissingDay(text)).toBe(true);
    for (const text of ['3 Agustusan 2025', 'besok', '13/13/2025', '32/01/2025', '', '03/08/2025']) expect(isMissingDay(text)).toBe(false);
  });
});
