import { CATEGORIES, CHANNEL_CODES, STATUSES, type Category, type ChannelCode, type Status } from '../../../shared/domain';
import type { ComplaintQuery } from '../../../shared/schemas/complaint';
import { DATE_OF, isMonthKey, isReportYear, KEADAAN, sortFields, stepDoneOf, type Keadaan, type SortField, type StepDone } from '../../../shared/registerQuery';
import { readPrivate, writePrivate } from '../../lib/privateStore';

// The register's filters live in the address bar (?tahun=2026&status=…), so
// back/forward, reload and a copied link all show the same page of the book. Values
// that are not valid (an edited link) are dropped rather than sent to the core. The
// search text is often a reporter's name or NIK, so it stays out of the address: it is
// kept in the tab's session storage instead.

export const PAGE_SIZE = 50;

export type SortDir = 'asc' | 'desc';

// Which date the year and month filter: when received (the book's order) or when closed.
export type DateOf = (typeof DATE_OF)[number];

export interface RegisterFilters {
  year?: number;
  // Month and date kind only count with a year.
  month?: number;
  dateOf: DateOf;
  // The seksi the complaint was disposed to, as the dashboard and the recap name it.
  seksi?: string;
  // Disposed to no seksi yet.
  noSeksi?: boolean;
  // Open now, or late now against the standard (the dashboard's figures).
  keadaan?: Keadaan;
  // With keadaan 'terlambat': late at the end of this month ('YYYY-MM'), the dashboard's trend.
  akhirBulan?: string;
  // Completed a step of the standard in a span of months (the dashboard's slowest steps).
  langkah?: StepDone;
  status?: Status;
  channel?: ChannelCode;
  category?: Category;
  q: string;
  sort: SortField;
  dir: SortDir;
  offset: number;
}

const PARAM = {
  year: 'tahun',
  month: 'bulan',
  dateOf: 'tanggal',
  seksi: 'seksi',
  noSeksi: 'belum-didisposisi',
  keadaan: 'keadaan',
  akhirBulan: 'akhir-bulan',
  langkah: 'langkah',
  status: 'status',
  channel: 'kanal',
  category: 'kategori',
  sort: 'urut',
  dir: 'arah',
  offset: 'mulai',
} as const satisfies Record<Exclude<keyof RegisterFilters, 'q'>, string>;

// The step filter's other parts, beside PARAM.langkah (its number).
const STEP_PARAM = { dari: 'langkah-dari', sampai: 'langkah-sampai', terlambat: 'langkah-terlambat', versi: 'langkah-versi' } as const;

function readStep(p: URLSearchParams): StepDone | undefined {
  if (!p.has(PARAM.langkah)) return undefined;
  return stepDoneOf(Number(p.get(PARAM.langkah)), p.get(STEP_PARAM.dari), p.get(STEP_PARAM.sampai), p.get(STEP_PARAM.terlambat) === '1', p.get(STEP_PARAM.versi));
}

const SEARCH_KEY = 'register-cari';
export const readSearch = () => (readPrivate(SEARCH_KEY) ?? '').slice(0, 100);
export const writeSearch = (q: string) => writePrivate(SEARCH_KEY, q.trim() || null);

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined =>
  v !== null && (list as readonly string[]).includes(v) ? (v as T) : undefined;

// The order a column sorts in when first clicked: newest numbers first, names A–Z.
export const FIRST_DIR: Record<SortField, SortDir> = { registerNo: 'desc', receivedAt: 'desc', reporterName: 'asc', status: 'asc' };

export function readFilters(p: URLSearchParams, q: string): RegisterFilters {
  const year = Number(p.get(PARAM.year));
  const offset = Number(p.get(PARAM.offset));
  const month = Number(p.get(PARAM.month));
  const sort = oneOf(sortFields, p.get(PARAM.sort)) ?? 'registerNo';
  const seksi = (p.get(PARAM.seksi) ?? '').trim().slice(0, 80);
  const keadaan = oneOf(KEADAAN, p.get(PARAM.keadaan));
  const akhirBulan = p.get(PARAM.akhirBulan) ?? '';
  const yearOk = isReportYear(year);
  return {
    year: yearOk ? year : undefined,
    month: yearOk && Number.isInteger(month) && month >= 1 && month <= 12 ? month : undefined,
    dateOf: (yearOk && oneOf(DATE_OF, p.get(PARAM.dateOf))) || 'diterima',
    seksi: seksi || undefined,
    noSeksi: !seksi && p.get(PARAM.noSeksi) === '1' ? true : undefined,
    keadaan,
    akhirBulan: keadaan === 'terlambat' && isMonthKey(akhirBulan) ? akhirBulan : undefined,
    langkah: readStep(p),
    status: oneOf(STATUSES, p.get(PARAM.status)),
    channel: oneOf(CHANNEL_CODES, p.get(PARAM.channel)),
    category: oneOf(CATEGORIES, p.get(PARAM.category)),
    q,
    sort,
    dir: oneOf(['asc', 'desc'] as const, p.get(PARAM.dir)) ?? FIRST_DIR[sort],
    offset: Number.isInteger(offset) && offset > 0 ? offset - (offset % PAGE_SIZE) : 0,
  };
}

// Only what differs from the default goes into the address, so a plain /register stays plain.
export function writeFilters(f: RegisterFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.year !== undefined) p.set(PARAM.year, String(f.year));
  if (f.year !== undefined && f.month !== undefined) p.set(PARAM.month, String(f.month));
  if (f.year !== undefined && f.dateOf !== 'diterima') p.set(PARAM.dateOf, f.dateOf);
  if (f.seksi) p.set(PARAM.seksi, f.seksi);
  else if (f.noSeksi) p.set(PARAM.noSeksi, '1');
  if (f.keadaan) p.set(PARAM.keadaan, f.keadaan);
  if (f.keadaan === 'terlambat' && f.akhirBulan) p.set(PARAM.akhirBulan, f.akhirBulan);
  if (f.langkah) {
    p.set(PARAM.langkah, String(f.langkah.no));
    p.set(STEP_PARAM.dari, f.langkah.dari);
    p.set(STEP_PARAM.sampai, f.langkah.sampai);
    if (f.langkah.terlambat) p.set(STEP_PARAM.terlambat, '1');
    if (f.langkah.versi) p.set(STEP_PARAM.versi, f.langkah.versi.join(','));
  }
  if (f.status) p.set(PARAM.status, f.status);
  if (f.channel) p.set(PARAM.channel, f.channel);
  if (f.category) p.set(PARAM.category, f.category);
  if (f.sort !== 'registerNo') p.set(PARAM.sort, f.sort);
  if (f.dir !== FIRST_DIR[f.sort]) p.set(PARAM.dir, f.dir);
  if (f.offset > 0) p.set(PARAM.offset, String(f.offset));
  return p;
}

export function toQuery(f: RegisterFilters): ComplaintQuery {
  const q: ComplaintQuery = { sort: f.sort, dir: f.dir, offset: f.offset, limit: PAGE_SIZE };
  if (f.year !== undefined) q.year = f.year;
  if (f.year !== undefined && f.month !== undefined) q.month = f.month;
  if (f.year !== undefined && f.dateOf !== 'diterima') q.dateOf = f.dateOf;
  if (f.seksi) q.seksi = f.seksi;
  else if (f.noSeksi) q.tanpaSeksi = true;
  if (f.keadaan) q.keadaan = f.keadaan;
  if (f.keadaan === 'terlambat' && f.akhirBulan) q.akhirBulan = f.akhirBulan;
  if (f.langkah) q.langkah = f.langkah;
  if (f.status) q.status = f.status;
  if (f.channel) q.channel = f.channel;
  if (f.category) q.category = f.category;
  if (f.q.trim()) q.q = f.q.trim();
  return q;
}

export const hasFilters = (f: RegisterFilters) =>
  f.year !== undefined || !!f.seksi || !!f.noSeksi || !!f.keadaan || !!f.langkah || !!f.status || !!f.channel || !!f.category || f.q.trim() !== '';

// Every filter off, the search, order and page as they are.
export const NO_FILTERS = {
  year: undefined,
  month: undefined,
  dateOf: 'diterima',
  seksi: undefined,
  noSeksi: undefined,
  keadaan: undefined,
  akhirBulan: undefined,
  langkah: undefined,
  status: undefined,
  channel: undefined,
  category: undefined,
} as const satisfies Partial<RegisterFilters>;

// A link into the register narrowed to some complaints (the dashboard's numbers), in the
// same address form the register itself writes.
export function registerPath(f: Partial<Omit<RegisterFilters, 'q' | 'sort' | 'dir' | 'offset'>>): string {
  const p = writeFilters({ ...NO_FILTERS, ...f, q: '', sort: 'registerNo', dir: FIRST_DIR.registerNo, offset: 0 });
  const search = p.toString();
  return search ? `/register?${search}` : '/register';
}
