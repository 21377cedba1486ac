import { CATEGORY_LABEL, CHANNEL_CODES, CHANNEL_LABEL, COMPLAINT_KIND_LABEL, NO_SEKSI_LABEL, STATUS_LABEL, type Category, type ChannelCode, type ComplaintKind, type Status } from '../../../shared/domain';
import { recapGrids, RECAP_TABLE_LABEL, type GridCell, type RecapTableKey, type RegisterExportInput } from '../../../shared/reports/exports';
import { holidaysNote, RECAP_NOTE, recapStanding, type Recap } from '../../../shared/reports/recap';
import { SATISFACTION_LABEL, type Satisfaction } from '../../../shared/schemas/documents';
import type { OfficePaper } from '../../../shared/documents/kinds';
import { documentSettings } from '../documents/settings';
import { MONTHS } from '../../../shared/time/format';
import { addDaysYmd, localDate, scheduleFor, type OfficeCalendar } from '../../../shared/time/workingTime';
import { identitySql } from '../access';
import { csvText } from '../audit/listHandlers';
import { registerIdsOf } from '../complaints/repo';
import type { SessionUser } from '../context';
import type { Db } from '../db/open';
import { rawRows } from '../db/statements';
import { TanggapError } from '../errors';
import { addListRows, addNote, addRows, addSignOff, addTableSheet, commitList, fileOf, newStreamedWorkbook, newWorkbook, startSheet, xlsxFile, type CellValue, type SheetColumn } from './workbook';

// The files the office takes out of Tanggap: the buku rekap (XLSX, one sheet per table,
// or one table as CSV), the register for a filter (XLSX), and the monthly report to
// SP4N-LAPOR! and the Inspektorat (XLSX).

export interface FileOut {
  fileName: string;
  mime: string;
  dataBase64: string;
}

export const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

// ---- Buku rekap ------------------------------------------------------------------

// The office, the report and its period, and for a period not over, as of when it counts.
function recapTitle(recap: Recap, what: string): string[] {
  const standing = recapStanding(recap);
  return [recap.officeName, `${what} — ${recap.periodLabel}`, ...(standing ? [standing] : [])];
}

export async function recapWorkbook(recap: Recap, paper: OfficePaper): Promise<FileOut> {
  const wb = await newWorkbook();
  for (const g of recapGrids(recap)) {
    addTableSheet(wb, {
      name: RECAP_TABLE_LABEL[g.key],
      paper,
      title: recapTitle(recap, `Buku Rekap Pengaduan: ${g.title}`),
      columns: g.columns,
      rows: g.rows,
      totals: g.totals,
      note: RECAP_NOTE,
      signOff: recap.signOff,
    });
  }
  return xlsxFile(wb, `buku-rekap-${slug(recap.periodLabel)}.xlsx`);
}

// Numbers as the Indonesian Excel reads them: decimal comma, percentages with their sign.
function csvCell(v: GridCell, kind: string): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (kind === 'percent') return `${(v * 100).toFixed(1).replace('.', ',')}%`;
  return kind === 'decimal' ? v.toFixed(1).replace('.', ',') : String(v);
}

export function recapCsv(recap: Recap, table: RecapTableKey): FileOut {
  const g = recapGrids(recap).find((x) => x.key === table)!;
  const cells = (row: GridCell[]) => row.map((v, i) => csvCell(v, g.columns[i]!.kind));
  const text = csvText([...recapTitle(recap, `Buku Rekap Pengaduan: ${g.title}`).map((t) => [t]), [], g.columns.map((c) => c.header), ...g.rows.map(cells), cells(g.totals)]);
  return {
    fileName: `buku-rekap-${slug(RECAP_TABLE_LABEL[table])}-${slug(recap.periodLabel)}.csv`,
    mime: 'text/csv;charset=utf-8',
    dataBase64: Buffer.from(text, 'utf8').toString('base64'),
  };
}

// ---- The complaints behind a register export or the LAPOR list -------------------

interface ComplaintOut {
  id: number;
  register_no: string;
  received_at: string;
  kind: ComplaintKind;
  channel: ChannelCode;
  category: Category;
  reporter_name: string;
  reporter_address: string;
  reporter_nik: string;
  reporter_phone: string;
  anonymous: number;
  confidential: number;
  subject: string;
  description: string;
  status: Status;
  closed_at: string | null;
  due_at: string | null;
  lapor_tracking_id: string;
  satisfaction: Satisfaction | null;
  seksi: string;
  identity: number;
}

// The register's own list (its filters, order and row rule) gives the ids, so the export
// holds exactly what the register shows for the same filter.
export function registerIds(db: Db, viewer: SessionUser, filter: RegisterExportInput, max: number, now: string): number[] {
  const { total, ids } = registerIdsOf(db, filter, viewer, max, now);
  if (!ids) {
    throw new TanggapError(
      'too_large',
      `Ada ${total.toLocaleString('id-ID')} pengaduan yang cocok; satu unduhan paling banyak ${max.toLocaleString('id-ID')}. Persempit dengan tahun, bulan atau filter lain.`,
    );
  }
  return ids;
}

// The seksi is the recap's: the one of the Kasi the complaint was last disposed to.
// Rows come as arrays (a year's register is tens of thousands of rows, and arrays are
// read about twice as fast as objects) and are named here in the SELECT's order.
// `identity` is worked out only for a file with the reporter's columns: for a Kasi it
// costs two lookups over every disposition per statement, and their file has none.
function complaintsById(db: Db, viewer: SessionUser, ids: number[], withIdentity: boolean): ComplaintOut[] {
  const identity = withIdentity ? identitySql(viewer) : { sql: '0', params: [] };
  const rows = rawRows(
    db,
    `SELECT c.id, c.register_no, c.received_at, c.kind, c.channel, c.category, c.reporter_name, c.reporter_address, c.reporter_nik,
         c.reporter_phone, c.anonymous, c.confidential, c.subject, c.description, c.status, c.closed_at, c.due_at, c.lapor_tracking_id,
         c.satisfaction, c.seksi, ${identity.sql} AS identity
       FROM complaints c WHERE c.id IN (SELECT value FROM json_each(?))`,
  ).all(...identity.params, JSON.stringify(ids)) as unknown[][];
  const byId = new Map<number, ComplaintOut>();
  for (const r of rows) {
    byId.set(r[0] as number, {
      id: r[0] as number,
      register_no: r[1] as string,
      received_at: r[2] as string,
      kind: r[3] as ComplaintKind,
      channel: r[4] as ChannelCode,
      category: r[5] as Category,
      reporter_name: r[6] as string,
      reporter_address: r[7] as string,
      reporter_nik: r[8] as string,
      reporter_phone: r[9] as string,
      anonymous: r[10] as number,
      confidential: r[11] as number,
      subject: r[12] as string,
      description: r[13] as string,
      status: r[14] as Status,
      closed_at: r[15] as string | null,
      due_at: r[16] as string | null,
      lapor_tracking_id: r[17] as string,
      satisfaction: r[18] as Satisfaction | null,
      seksi: r[19] as string,
      identity: r[20] as number,
    });
  }
  return ids.map((id) => byId.get(id)).filter((r): r is ComplaintOut => r !== undefined);
}

// Dates of many rows, each worked out once. The office's zones (WIB, WITA, WIT) are
// whole hours from UTC, so an instant's local date is the same throughout its UTC hour.
function rowDates(cal: OfficeCalendar) {
  const tz = cal.timeZone;
  const byHour = new Map<string, string>();
  const ymd = (iso: string) => {
    const key = iso.endsWith('Z') ? iso.slice(0, 13) : iso;
    let d = byHour.get(key);
    if (d === undefined) byHour.set(key, (d = localDate(iso, tz)));
    return d;
  };
  // The local day, as the workbook writes dates (midnight UTC of that day).
  const days = new Map<string, Date>();
  const tanggal = (iso: string) => {
    const d = ymd(iso);
    let day = days.get(d);
    if (day === undefined) days.set(d, (day = new Date(`${d}T00:00:00.000Z`)));
    return day;
  };
  // Working days counted from an arbitrary first date, grown either way as rows ask.
  const working = (date: string) => (scheduleFor(date, cal) !== null ? 1 : 0);
  const upTo = new Map<string, number>();
  let first = '';
  let last = '';
  const count = (date: string): number => {
    if (first === '') upTo.set((first = last = date), 0);
    while (date < first) {
      const before = addDaysYmd(first, -1);
      upTo.set(before, upTo.get(first)! - working(first));
      first = before;
    }
    while (date > last) {
      const after = addDaysYmd(last, 1);
      upTo.set(after, upTo.get(last)! + working(after));
      last = after;
    }
    return upTo.get(date)!;
  };
  // Working days after the day of receipt up to the day of closing (0: closed the day it came).
  const lama = (receivedAt: string, closedAt: string) => count(ymd(closedAt)) - count(ymd(receivedAt));
  return { ymd, tanggal, lama };
}

const SECRET = '(rahasia)';
const onTime = (c: ComplaintOut) => (c.closed_at === null || c.due_at === null ? '' : c.closed_at <= c.due_at ? 'Ya' : 'Tidak');

// ---- Register export -------------------------------------------------------------

// The columns offices keep in their register book. The reporter's identity only for
// roles that see every complaint (a Kasi's file has no such columns at all), and in a
// row only when access allows it for that complaint and it is neither anonim nor rahasia.
// Uraian likewise only for roles that see every complaint; a rahasia complaint's text
// never leaves as "(rahasia)".
interface RegisterSheet {
  columns: SheetColumn[];
  // Whether the file has the reporter's columns.
  personal: boolean;
  toCells(c: ComplaintOut): CellValue[];
}

function registerSheet(viewer: SessionUser, cal: OfficeCalendar): RegisterSheet {
  const full = viewer.role !== 'kasi';
  const { tanggal, lama } = rowDates(cal);
  const col = (header: string, width: number, kind: SheetColumn['kind'] = 'text'): SheetColumn => ({ header, width, kind });
  // The columns whose text may be longer than they are wide: what the reporter or the office
  // wrote, and labels longer than their column (the category "Infrastruktur (jalan, jembatan,
  // drainase)", the channel "Website/Formulir Daring").
  const wrapped = (header: string, width: number): SheetColumn => ({ header, width, kind: 'text', wrap: true });
  const personal = full ? [wrapped('Nama pelapor', 22), wrapped('Alamat', 30), col('NIK', 19), col('No. HP', 15)] : [];
  // Widths that print the full register two A4 pages wide at about 8 pt (listPrintScale):
  // No. to No. HP on one page, No., No. Register and Perihal to ID LAPOR! on the next. Perihal
  // takes a typical subject on a line or two; Uraian, far longer, on as many lines as it needs,
  // the wider of the two (the taller text sets its row's height). A Kasi's file, without
  // Uraian, gives Perihal its width.
  const columns = [
    col('No.', 6, 'int'),
    col('No. Register', 17),
    col('Tanggal diterima', 17, 'date'),
    col('Jenis', 20),
    wrapped('Kanal', 16),
    wrapped('Kategori', 35),
    ...personal,
    ...(full ? [wrapped('Perihal', 34), wrapped('Uraian', 46)] : [wrapped('Perihal', 46)]),
    // The office names its seksi.
    wrapped('Seksi', 20),
    col('Status', 16),
    col('Tanggal selesai', 17, 'date'),
    // From the day of receipt, waiting for the kelengkapan and any pause included; whether
    // it was on time is the standard's clock's, which leaves those out.
    col('Lama sejak diterima (hari kerja)', 12, 'int'),
    col('Tepat waktu', 10),
    col('Kepuasan', 10),
    col('ID LAPOR!', 12),
  ];
  let no = 0;
  const toCells = (c: ComplaintOut): CellValue[] => {
    const secret = c.confidential === 1;
    const shown = c.identity === 1 && !secret && c.anonymous === 0;
    const name = c.anonymous ? 'Anonim' : secret ? SECRET : shown ? c.reporter_name : '';
    const identityCells = full ? [name, shown ? c.reporter_address : '', shown ? c.reporter_nik : '', shown ? c.reporter_phone : ''] : [];
    return [
      ++no,
      c.register_no,
      tanggal(c.received_at),
      COMPLAINT_KIND_LABEL[c.kind],
      CHANNEL_LABEL[c.channel],
      CATEGORY_LABEL[c.category],
      ...identityCells,
      secret ? SECRET : c.subject,
      ...(full ? [secret ? SECRET : c.description] : []),
      // As the buku rekap names it.
      c.seksi || NO_SEKSI_LABEL,
      STATUS_LABEL[c.status],
      c.closed_at ? tanggal(c.closed_at) : null,
      c.closed_at ? lama(c.received_at, c.closed_at) : null,
      onTime(c),
      c.satisfaction ? SATISFACTION_LABEL[c.satisfaction] : '',
      c.lapor_tracking_id,
    ];
  };
  return { columns, personal: full, toCells };
}

export interface Progress {
  done: number;
  total: number;
}

const CHUNK = 250;
const stopped = (stop: AbortSignal) => {
  if (stop.aborted) throw new TanggapError('conflict', 'Unduhan dibatalkan.');
};
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

// Builds in chunks and lets other calls run between them; `progress` follows the rows.
// Stops (rejects) at the next chunk once `stop` is aborted.
export async function registerWorkbook(
  db: Db,
  viewer: SessionUser,
  cal: OfficeCalendar,
  ids: number[],
  heading: { officeName: string; title: string; fileName: string },
  progress: Progress,
  stop: AbortSignal,
): Promise<FileOut> {
  const { wb, bytes } = await newStreamedWorkbook();
  const sheet = registerSheet(viewer, cal);
  const ws = startSheet(wb, { name: 'Register', paper: documentSettings(db).paper, title: [heading.officeName, heading.title], columns: sheet.columns, list: true });
  for (let i = 0; i < ids.length; i += CHUNK) {
    stopped(stop);
    addListRows(ws, sheet.columns, complaintsById(db, viewer, ids.slice(i, i + CHUNK), sheet.personal).map(sheet.toCells));
    progress.done = Math.min(ids.length, i + CHUNK);
    await yieldToLoop();
  }
  // A sheet of headers only would look like a failed download.
  if (ids.length === 0) addNote(ws, 'Nihil: tidak ada pengaduan yang cocok dengan filter ini.');
  // Also between the last chunk and the zipping, the longest single part.
  stopped(stop);
  commitList(ws);
  return fileOf(await bytes(), heading.fileName);
}

// ---- Monthly report to SP4N-LAPOR! and the Inspektorat ---------------------------
//
// No national layout is published, so this one is Tanggap's, in two sheets:
//
// "Rekap" — Uraian | Jumlah:
//   1. Diterima melalui <each channel>, SP4N-LAPOR! included, every channel listed even at 0
//   2. Jumlah diterima
//   3. Selesai ditangani (closed in the month, any outcome)
//   4. Selesai tepat waktu (within the standard's total time)
//   5. Masih dalam proses pada akhir bulan, and of those melewati batas waktu
//   6. Pelapor menyatakan puas / tidak puas (statement recorded at closing)
//
// "Daftar Pengaduan" — the complaints received in the month:
//   No. | No. Register | ID Pelacakan LAPOR! (text, as SP4N-LAPOR! issued it) | Tanggal diterima |
//   Kanal | Judul (subject; "(rahasia)" for a confidential complaint) | Kategori |
//   Klasifikasi (pengaduan, aspirasi, permintaan informasi, konsultasi) | Status tindak lanjut |
//   Tanggal selesai | Lama penyelesaian (hari kerja after the day of receipt)
// No reporter's data in either sheet.

const LAPOR_LIST_COLUMNS: SheetColumn[] = [
  { header: 'No.', width: 6, kind: 'int' },
  { header: 'No. Register', width: 17 },
  { header: 'ID Pelacakan LAPOR!', width: 12 },
  { header: 'Tanggal diterima', width: 17, kind: 'date' },
  // As the register's (registerSheet).
  { header: 'Kanal', width: 16, wrap: true },
  { header: 'Judul', width: 44, wrap: true },
  { header: 'Kategori', width: 30, wrap: true },
  { header: 'Klasifikasi', width: 20 },
  { header: 'Status tindak lanjut', width: 18 },
  { header: 'Tanggal selesai', width: 17, kind: 'date' },
  { header: 'Lama penyelesaian (hari kerja)', width: 13, kind: 'int' },
];

const IN_PROCESS = 'Dalam proses';

export async function laporWorkbook(db: Db, viewer: SessionUser, cal: OfficeCalendar, recap: Recap, ids: number[]): Promise<FileOut> {
  const wb = await newWorkbook();
  const { paper } = documentSettings(db);
  const month = `${MONTHS[(recap.month ?? 1) - 1]} ${recap.year}`;
  const title = (what: string) => [recap.officeName, `${what} — ${month}`];
  const channels = recap.tables.find((t) => t.dimension === 'channel')?.rows ?? [];
  const received = (code: ChannelCode) => channels.find((r) => r.key === code)?.received ?? 0;
  const t = recap.total;
  const standing = [
    recap.asOf
      ? `Status tindak lanjut menurut keadaan per ${recap.asOf}.`
      : `Status tindak lanjut, tanggal selesai dan lama penyelesaian menurut keadaan pada akhir ${month}; pengaduan yang selesai sesudahnya tercatat "${IN_PROCESS}".`,
    holidaysNote(recap) ?? '',
  ].join(' ').trim();
  addTableSheet(wb, {
    paper,
    name: 'Rekap',
    title: title('Laporan Pengelolaan Pengaduan kepada SP4N-LAPOR! dan Inspektorat'),
    columns: [
      { header: 'Uraian', width: 56 },
      { header: 'Jumlah', width: 12, kind: 'int' },
    ],
    rows: [
      ...CHANNEL_CODES.map((c): CellValue[] => [`Diterima melalui ${CHANNEL_LABEL[c]}`, received(c)]),
      ['Jumlah diterima', t.received],
      ['Selesai ditangani', t.finished],
      // Only where the month holds any: most offices never import.
      ...(t.finishedUntimed ? [['   di antaranya tanpa batas waktu (diimpor dari register lama)', t.finishedUntimed]] : []),
      ['Selesai tepat waktu menurut Standar Pelayanan', t.finishedOnTime],
      [recap.asOf ? `Masih dalam proses per ${recap.asOf}` : 'Masih dalam proses pada akhir bulan', t.openAtEnd],
      ['   di antaranya melewati batas waktu', t.lateAtEnd],
      ['Pelapor menyatakan puas', t.puas],
      ['Pelapor menyatakan tidak puas', t.tidakPuas],
    ],
    note:
      'Tanpa data pribadi pelapor. Lembar "Daftar Pengaduan" merinci pengaduan yang diterima pada bulan ini; ' +
      `"Selesai ditangani" juga menghitung pengaduan bulan sebelumnya yang selesai pada bulan ini. ${standing}`,
    signOff: recap.signOff,
  });
  const ws = startSheet(wb, { name: 'Daftar Pengaduan', paper, title: title('Daftar Pengaduan yang Diterima'), columns: LAPOR_LIST_COLUMNS });
  const { ymd, tanggal, lama } = rowDates(cal);
  // The report stands at the month's end (at today while the month runs): a complaint
  // closed after it is still in process there, as the Rekap counts it.
  const monthKey = `${recap.year}-${String(recap.month ?? 1).padStart(2, '0')}`;
  const rows = complaintsById(db, viewer, ids, false).map((c, i): CellValue[] => {
    const closed = c.closed_at !== null && ymd(c.closed_at).slice(0, 7) <= monthKey ? c.closed_at : null;
    return [
      i + 1,
      c.register_no,
      c.lapor_tracking_id,
      tanggal(c.received_at),
      CHANNEL_LABEL[c.channel],
      c.confidential ? SECRET : c.subject,
      CATEGORY_LABEL[c.category],
      COMPLAINT_KIND_LABEL[c.kind],
      closed ? STATUS_LABEL[c.status] : IN_PROCESS,
      closed ? tanggal(closed) : null,
      closed ? lama(c.received_at, closed) : null,
    ];
  });
  addRows(ws, LAPOR_LIST_COLUMNS, rows);
  addNote(ws, rows.length === 0 ? 'Tidak ada pengaduan yang diterima pada bulan ini.' : standing);
  addSignOff(ws, recap.signOff);
  return xlsxFile(wb, `laporan-sp4n-lapor-${recap.year}-${String(recap.month ?? 1).padStart(2, '0')}.xlsx`);
}
