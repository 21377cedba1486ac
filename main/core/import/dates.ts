import { addDaysYmd } from '../../../shared/time/workingTime';
import type { Cell } from './table';

// Reads the dates old registers hold, as text or as Excel dates: "3 Agustus 2025",
// "3 Agt 2025", "Senin, 3 Agustus 2025", "03/08/2025" and "3-8-2025" (day first, as
// Indonesian offices write), "2025-08-03", Excel date cells and date serials, each with
// an optional time ("09.30", "09:30"). Only reading happens here; turning a local date
// and time into an instant is the clock module's (fromLocal).

export interface LocalDateTime {
  ymd: string;
  // "HH:MM" when the cell says, else null.
  time: string | null;
}

const MONTH_WORDS: Record<string, number> = {
  januari: 1, jan: 1, january: 1,
  februari: 2, pebruari: 2, feb: 2, peb: 2, february: 2,
  maret: 3, mar: 3, march: 3,
  april: 4, apr: 4,
  mei: 5, may: 5,
  juni: 6, jun: 6, june: 6,
  juli: 7, jul: 7, july: 7,
  agustus: 8, agt: 8, ags: 8, agu: 8, agst: 8, aug: 8, august: 8, agus: 8,
  september: 9, sep: 9, sept: 9,
  oktober: 10, okt: 10, oct: 10, october: 10,
  november: 11, nov: 11, nop: 11, nopember: 11,
  desember: 12, des: 12, dec: 12, december: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

// Written as a date, but a day the calendar lacks: 31 Juni, 29 Februari of a common year.
const NO_SUCH_DAY = 'tidak ada';
type Reading = LocalDateTime | typeof NO_SUCH_DAY | null;

function ymdOf(y: number, m: number, d: number): string | null {
  if (y < 100) y += 2000;
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const ymd = `${y}-${pad(m)}-${pad(d)}`;
  // 31 Juni and 29 Februari of a common year come back as another day.
  return addDaysYmd(ymd, 0) === ymd ? ymd : NO_SUCH_DAY;
}

const at = (ymd: string | null, time: string | null): Reading => (ymd === null || ymd === NO_SUCH_DAY ? ymd : { ymd, time });

// The time written after a cell's date ("09.30", "pukul 09.30 WIB", "14:05"): "HH:MM",
// null where none is written, or undefined where one is written that is not a time of day
// (25.61, 24:00): such a cell is not read, rather than read as another time or none.
function timeAfter(rest: string): string | null | undefined {
  const m = /^[\s,]*(?:pukul|jam)?\s*(\d{1,2})[.:](\d{2})(?:[.:]\d{2})?(?:\s*(?:wib|wita|wit))?\s*$/i.exec(rest);
  if (!m) return null;
  return Number(m[1]) <= 23 && Number(m[2]) <= 59 ? `${pad(Number(m[1]))}:${m[2]}` : undefined;
}
// A cell's date with the time written after it; the cell unread where that is not a time.
function withTimeAfter(ymd: string | null, rest: string): Reading {
  const time = timeAfter(rest);
  return time === undefined ? null : at(ymd, time);
}

// Excel counts days from 30 December 1899 (its 1900 leap-year error included).
const EXCEL_EPOCH = '1899-12-30';
function fromSerial(serial: number): LocalDateTime | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 80_000) return null;
  const days = Math.floor(serial);
  const minutes = Math.round((serial - days) * 1440);
  return { ymd: addDaysYmd(EXCEL_EPOCH, days), time: minutes > 0 && minutes < 1440 ? `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}` : null };
}

export function readDate(cell: Cell): LocalDateTime | null {
  const r = reading(cell);
  return r === NO_SUCH_DAY ? null : r;
}

/** A cell readDate gives nothing for, written as a date of a day the calendar lacks (31/02/2025). */
export const isMissingDay = (cell: Cell): boolean => reading(cell) === NO_SUCH_DAY;

function reading(cell: Cell): Reading {
  if (cell === null) return null;
  // exceljs gives an Excel date as the wall-clock reading in UTC.
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return null;
    const iso = cell.toISOString();
    const time = iso.slice(11, 16);
    return { ymd: iso.slice(0, 10), time: time === '00:00' ? null : time };
  }
  if (typeof cell === 'number') return fromSerial(cell);
  const text = cell.trim().replace(/\s+/g, ' ');
  if (text === '') return null;
  // ISO: 2025-08-03, 2025-08-03T09:30, 2025/08/03
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ](\d{1,2})[:.](\d{2}))?/.exec(text);
  if (m) return withTimeAfter(ymdOf(Number(m[1]), Number(m[2]), Number(m[3])), m[4] ? `${m[4]}:${m[5]}` : text.slice(m[0].length));
  // Day first with numbers: 03/08/2025, 3-8-2025, 3.8.2025, 03/08/25
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})(?=$|[\s,T])/.exec(text);
  if (m) return withTimeAfter(ymdOf(Number(m[3]), Number(m[2]), Number(m[1])), text.slice(m[0].length).replace(/^T/, ' '));
  // Words: [Senin,] 3 Agustus 2025, 3 Agt. 2025, 3-Agu-2025
  m = /^(?:[a-z']+,?\s+)?(\d{1,2})[\s-]+([a-z]+)\.?[\s-]+(\d{2}|\d{4})(?=$|[\s,])/i.exec(text);
  if (m) {
    const month = MONTH_WORDS[m[2]!.toLowerCase()];
    return withTimeAfter(month ? ymdOf(Number(m[3]), month, Number(m[1])) : null, text.slice(m[0].length));
  }
  // A serial saved as text by a CSV export: 45872
  if (/^\d{5}(\.\d+)?$/.test(text)) return fromSerial(Number(text));
  return null;
}
