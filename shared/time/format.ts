import { localDate, localTime, weekdayOf, WEEKDAY_NAMES, type Duration, type TimeZoneId } from './workingTime';

// Dates, times and durations as Indonesian letters and screens write them
// ("23 November 2026", "pukul 09.30 WIB", "dua puluh tiga").

export const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
// 'YYYY-MM' → "Oktober 2026".
export const monthLabel = (key: string) => `${MONTHS[Number(key.slice(5, 7)) - 1]} ${key.slice(0, 4)}`;
// A report's period: "Oktober 2026", or "Tahun 2026" for the whole year.
export const periodLabel = (year: number, month?: number | null) => (month ? `${MONTHS[month - 1]} ${year}` : `Tahun ${year}`);

const ZONE: Record<TimeZoneId, string> = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };
export const zoneAbbrev = (tz: TimeZoneId) => ZONE[tz];

const ymdOf = (x: string | Date, tz: TimeZoneId) => (typeof x === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(x) ? x : localDate(x, tz));

export function formatTanggal(x: string | Date, tz: TimeZoneId): string {
  const [y, m, d] = ymdOf(x, tz).split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

export function formatHariTanggal(x: string | Date, tz: TimeZoneId): string {
  return `${WEEKDAY_NAMES[weekdayOf(ymdOf(x, tz))]}, ${formatTanggal(x, tz)}`;
}

export function formatJam(x: string | Date, tz: TimeZoneId): string {
  return `${localTime(x, tz).replace(':', '.')} ${ZONE[tz]}`;
}

export function formatTanggalWaktu(x: string | Date, tz: TimeZoneId): string {
  return `${formatTanggal(x, tz)} pukul ${formatJam(x, tz)}`;
}

// Short form for tables: "23/11/2026 09.30".
export function formatSingkat(x: string | Date, tz: TimeZoneId): string {
  const [y, m, d] = localDate(x, tz).split('-');
  return `${d}/${m}/${y} ${localTime(x, tz).replace(':', '.')}`;
}

// Working minutes as words: "2 jam 5 menit", "45 menit".
export function formatDurasi(minutes: number): string {
  const m = Math.abs(Math.round(minutes));
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (h === 0) return `${rest} menit`;
  return rest === 0 ? `${h} jam` : `${h} jam ${rest} menit`;
}

const UNIT_WORDS: Record<Duration['unit'], string> = { menit_kerja: 'menit', jam_kerja: 'jam', hari_kerja: 'hari kerja', hari_kalender: 'hari' };
export const formatDuration = (d: Duration) => `${d.amount} ${UNIT_WORDS[d.unit]}`;

const ONES = ['', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan', 'sepuluh', 'sebelas'];

export function terbilang(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999_999_999_999) throw new RangeError(`terbilang: ${n} di luar jangkauan`);
  if (n === 0) return 'nol';
  return words(n).replace(/\s+/g, ' ').trim();
}

function words(n: number): string {
  if (n < 12) return ONES[n]!;
  if (n < 20) return `${words(n - 10)} belas`;
  if (n < 100) return `${words(Math.floor(n / 10))} puluh ${words(n % 10)}`;
  if (n < 200) return `seratus ${words(n - 100)}`;
  if (n < 1000) return `${words(Math.floor(n / 100))} ratus ${words(n % 100)}`;
  if (n < 2000) return `seribu ${words(n - 1000)}`;
  if (n < 1_000_000) return `${words(Math.floor(n / 1000))} ribu ${words(n % 1000)}`;
  if (n < 1_000_000_000) return `${words(Math.floor(n / 1_000_000))} juta ${words(n % 1_000_000)}`;
  return `${words(Math.floor(n / 1_000_000_000))} miliar ${words(n % 1_000_000_000)}`;
}

// "Pada hari ini Senin tanggal dua puluh tiga bulan November tahun dua ribu dua puluh enam".
export function tanggalTerbilang(x: string | Date, tz: TimeZoneId) {
  const date = ymdOf(x, tz);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return { hari: WEEKDAY_NAMES[weekdayOf(date)], tanggal: terbilang(d), bulan: MONTHS[m - 1]!, tahun: terbilang(y) };
}
