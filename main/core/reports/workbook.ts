import { PassThrough } from 'node:stream';
import type { PaperSize, Workbook, Worksheet } from 'exceljs';

// The one way Tanggap lays out a sheet: title lines (office, period), a bold header row
// that stays frozen while scrolling, set widths, number formats per column, and a bold
// totals row. Every text goes in as a string cell, so a subject typed as "=SUM(A1)" or
// "+62…" is shown as typed and never becomes a formula.

export type ColumnKind = 'text' | 'int' | 'decimal' | 'percent' | 'date';

export interface SheetColumn {
  header: string;
  width: number;
  kind?: ColumnKind;
}

// A date is a calendar day: a Date at midnight UTC of that day (as exceljs reads one back).
export type CellValue = string | number | Date | null;

export interface SheetSpec {
  name: string;
  // Lines above the table: the office's name, the report's title and period.
  title: string[];
  columns: SheetColumn[];
  rows: CellValue[][];
  totals?: CellValue[];
  // A line under the table (where a figure comes from, what a column means).
  note?: string;
  // A long list: Excel's filter buttons on the header row, and no format on the columns
  // (a format is written and compared for every cell; ten thousand rows pay for it).
  list?: boolean;
}

// Dates are Excel's own (a number of days), so its filter groups them by year and month
// and its sort puts them in order; shown in Indonesian ([$-421]): "2 November 2026".
export const DATE_FORMAT = '[$-421]d mmmm yyyy';
const DATE_STYLE = { numFmt: DATE_FORMAT };
// The number Excel keeps for a date, as exceljs writes a Date (days since 30 December 1899).
const excelDay = (d: Date) => 25569 + d.getTime() / 86_400_000;
const NUM_FMT: Record<ColumnKind, string | undefined> = { text: undefined, int: '#,##0', decimal: '#,##0.0', percent: '0.0%', date: DATE_FORMAT };
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } } as const;
const THIN = { style: 'thin', color: { argb: 'FF9AA5B1' } } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
// Excel's default face, named on every styled cell so all cells read alike.
const font = (f: { bold?: boolean; italic?: boolean; size?: number }) => ({ name: 'Calibri', size: 11, ...f });

// Characters XML 1.0 cannot carry would make the whole file unreadable to Excel.
// eslint-disable-next-line no-control-regex
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const safeText = (v: string) => v.replace(XML_ILLEGAL, '');

// The library is loaded the first time a file is built, not when the app starts.
const exceljs = async () => (await import('exceljs')).default;

// A workbook in memory: for the short tables, which may still be touched after their rows are in.
export async function newWorkbook(): Promise<Workbook> {
  const wb = new (await exceljs()).Workbook();
  wb.creator = 'Tanggap';
  return wb;
}

export async function xlsxFile(wb: Workbook, fileName: string) {
  return fileOf(Buffer.from(await wb.xlsx.writeBuffer()), fileName);
}

// The workbook's shared strings (every text cell points into this list), kept the way
// exceljs keeps them but looked up in a Map and written out as each string arrives, so
// that closing the file joins finished XML instead of rendering a hundred thousand
// strings in one block. The file is byte for byte the one exceljs writes.
class SharedStringTable {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();
  // The XML of the newest strings, joined into `written` a thousand at a time: a few
  // hundred long strings stay alive until the file is closed instead of every small one.
  private pending: string[] = [];
  private readonly written: string[] = [];
  private refs = 0;

  get count() {
    return this.values.length;
  }

  get totalRefs() {
    return this.refs;
  }

  getString(index: number) {
    return this.values[index];
  }

  add(text: string): number {
    this.refs++;
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(text, id);
      this.values.push(text);
      this.pending.push(/^\s|\n|\s$/.test(text) ? `<si><t xml:space="preserve">${xmlText(text)}</t></si>` : `<si><t>${xmlText(text)}</t></si>`);
      if (this.pending.length === 1000) {
        this.written.push(this.pending.join(''));
        this.pending = [];
      }
    }
    return id;
  }

  xml(): string {
    const n = this.values.length;
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${n}" uniqueCount="${n}">${this.written.join('')}${this.pending.join('')}</sst>`;
  }
}

// As exceljs escapes text: the five XML entities, and DEL and the control characters
// XML cannot carry left out.
// eslint-disable-next-line no-control-regex
const XML_ESCAPED = /[<>&'"\u007F\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;
const ENTITY: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' };
const xmlText = (text: string) => text.replace(XML_ESCAPED, (ch) => ENTITY[ch] ?? '');

// The streamed workbook's parts the table replaces: its string list, and the step of
// closing that writes the list into the file.
interface WriterParts {
  sharedStrings: unknown;
  zip: { append(data: string, options: { name: string }): unknown };
  addSharedStrings(): Promise<void>;
}

function useSharedStringTable(wb: Workbook): void {
  const w = wb as unknown as Partial<WriterParts>;
  if (!w.sharedStrings || typeof w.addSharedStrings !== 'function' || typeof w.zip?.append !== 'function') return;
  const table = new SharedStringTable();
  const zip = w.zip;
  w.sharedStrings = table;
  w.addSharedStrings = async () => {
    if (table.count) zip.append(table.xml(), { name: '/xl/sharedStrings.xml' });
  };
}

export interface StreamedWorkbook {
  wb: Workbook;
  // Commits what is left and gives the file's bytes.
  bytes(): Promise<Buffer>;
}

// A workbook written while it is filled, for the long lists: each committed row becomes
// XML at once and is compressed by zlib off the main thread, so ten thousand rows are
// written in chunks with other calls running in between, never in one long block.
export async function newStreamedWorkbook(): Promise<StreamedWorkbook> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  // zlib level 1: most of the size saving for a fraction of the time.
  const wb = new (await exceljs()).stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true, zip: { zlib: { level: 1 } } } as never);
  wb.creator = 'Tanggap';
  useSharedStringTable(wb);
  return {
    wb,
    bytes: async () => {
      await wb.commit();
      await ended;
      return Buffer.concat(chunks);
    },
  };
}

// Sheet names: at most 31 characters, none of : \ / ? * [ ].
const sheetName = (name: string) => name.replace(/[:\\/?*[\]]/g, '-').slice(0, 31);

const cellValue = (v: CellValue) => (typeof v === 'string' ? safeText(v) : v);

// Printing. Excel's "Narrow" margins: a wide table keeps most of the page, and the header
// and footer lines still fit above and below it.
const MARGINS = { left: 0.25, right: 0.25, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
// A4 landscape (297 mm) less the side margins, in points, 1 % kept free for rounding;
// exceljs knows no F4 paper, and an A4 layout prints on F4 too.
const PRINT_WIDTH_PT = ((297 / 25.4 - MARGINS.left - MARGINS.right) * 72 * 99) / 100;
// A column of width 1 printed at 100 %: 5.25 pt in Excel (a Calibri 11 digit, 7 px), 5.55 pt
// in LibreOffice, which does not round the digit to whole pixels. The wider one, so that
// columns planned onto a page fit there in both.
const WIDTH_PT = 5.55;
// 72 % of 11 pt, about 8 pt: the smallest text still read easily on paper.
const MIN_PRINT_SCALE = 72;

// How many pages wide the columns print at `scale` %, filled as Excel fills them (whole
// columns, each page after the first opening with the `repeated` first columns again).
function pagesWide(widths: number[], repeated: number, scale: number): number {
  const room = PRINT_WIDTH_PT / ((WIDTH_PT * scale) / 100);
  const repeatedWidth = widths.slice(0, repeated).reduce((a, b) => a + b, 0);
  let pages = 1;
  let used = 0;
  for (const w of widths) {
    if (used + w > room && used > repeatedWidth) {
      pages++;
      used = repeatedWidth;
    }
    used += w;
  }
  return pages;
}

// A long list prints at full width over as few pages as text of about 8 pt allows, and
// as large as that number of pages allows.
function listPrintScale(widths: number[], repeated: number): number {
  const fewest = pagesWide(widths, repeated, MIN_PRINT_SCALE);
  let scale = 100;
  while (scale > MIN_PRINT_SCALE && pagesWide(widths, repeated, scale) > fewest) scale--;
  return scale;
}

// Text in a page header: & starts a code there, so a literal & is doubled, and Excel takes
// at most 255 characters for the whole header.
const headerText = (text: string) => {
  const escaped = safeText(text).replace(/&/g, '&&').slice(0, 110);
  // Not cut between the two characters of a doubled &.
  return /(?:^|[^&])(?:&&)*&$/.test(escaped) ? escaped.slice(0, -1) : escaped;
};
const PAGE_FOOTER = '&CHalaman &P dari &N';

// exceljs's streamed sheet writes no <printOptions>, so a list's gridlines would not
// print: the element goes in just before the margins, where the schema puts it.
function printGridLines(ws: Worksheet): void {
  const w = ws as unknown as { _writePageMargins?: () => void; stream?: { write(text: string): unknown } };
  const margins = w._writePageMargins;
  if (typeof margins !== 'function' || typeof w.stream?.write !== 'function') return;
  w._writePageMargins = () => {
    w.stream!.write('<printOptions gridLines="1"/>');
    margins.call(ws);
  };
}

export function startSheet(wb: Workbook, spec: Omit<SheetSpec, 'rows' | 'totals' | 'note'>): Worksheet {
  const headerRowNo = spec.title.length + 2;
  const first = `A${headerRowNo + 1}`;
  const [office = '', ...what] = spec.title;
  const ws = wb.addWorksheet(sheetName(spec.name), {
    // Landscape, the header row printed again at the top of every page, every page numbered.
    // A table as wide as one page. A long list (closed by commitList) over as many pages wide
    // as its text needs (listPrintScale), the office and report named at the top of every
    // page, its gridlines printed since its cells have no borders, and its first two columns
    // (No., No. Register) again at the left of the pages its further columns go to; the pages
    // of the same rows follow each other, so each printed row can be laid beside its other half.
    pageSetup: {
      paperSize: 9 as PaperSize,
      orientation: 'landscape',
      margins: MARGINS,
      printTitlesRow: `${headerRowNo}:${headerRowNo}`,
      ...(spec.list
        ? { showGridLines: true, printTitlesColumn: 'A:B', pageOrder: 'overThenDown', fitToPage: false, scale: listPrintScale(spec.columns.map((c) => c.width), 2) }
        : { fitToPage: true, fitToWidth: 1, fitToHeight: 0 }),
    },
    headerFooter: spec.list ? { oddHeader: `&L&"-,Bold"${headerText(office)}&R&"-,Bold"${headerText(what.join(' — '))}`, oddFooter: PAGE_FOOTER } : { oddFooter: PAGE_FOOTER },
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerRowNo, topLeftCell: first, activeCell: first }],
  });
  if (spec.list) printGridLines(ws);
  ws.columns = spec.columns.map((c) => {
    if (spec.list) return { width: c.width };
    const numFmt = NUM_FMT[c.kind ?? 'text'];
    // No wrapping: neither Excel nor LibreOffice grows a row to fit wrapped text on opening.
    return { width: c.width, style: numFmt ? { numFmt } : { alignment: { vertical: 'top' } } };
  });
  spec.title.forEach((line, i) => {
    const row = ws.getRow(i + 1);
    const cell = row.getCell(1);
    cell.value = safeText(line);
    cell.font = font({ bold: true, size: i === 0 ? 13 : 11 });
    cell.alignment = {};
    row.commit();
  });
  ws.getRow(spec.title.length + 1).commit();
  const header = ws.getRow(headerRowNo);
  spec.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = font({ bold: true });
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  // Three lines of header text.
  header.height = 45;
  header.commit();
  if (spec.list) ws.autoFilter = { from: { row: headerRowNo, column: 1 }, to: { row: headerRowNo, column: spec.columns.length } };
  return ws;
}

// Closes a long list's sheet. It prints from its header row to its last row: its title
// lines are the page header instead, so that every page, those of its further columns
// too, opens with the table rather than with the title cut off after No. Register.
export function commitList(ws: Worksheet): void {
  const nextRow = (ws as unknown as { _nextRow?: number })._nextRow;
  const last = typeof nextRow === 'number' ? nextRow - 1 : ws.rowCount;
  const headerRowNo = (ws.views[0] as { ySplit?: number } | undefined)?.ySplit ?? 1;
  // Written as $A$4:$S$152: exceljs puts a $ before each end's column only.
  ws.pageSetup.printArea = `A$${headerRowNo}:${columnLetter(ws.columns.length)}$${Math.max(last, headerRowNo)}`;
  ws.commit();
}

// Rows of a short table: bordered, the totals row bold.
export function addRows(ws: Worksheet, columns: SheetColumn[], rows: CellValue[][], bold = false): void {
  for (const values of rows) {
    const row = ws.addRow(values.map(cellValue));
    for (let i = 1; i <= columns.length; i++) {
      const cell = row.getCell(i);
      cell.border = BORDER;
      if (bold) cell.font = font({ bold: true });
    }
    row.commit();
  }
}

// The parts of exceljs's streamed sheet that a long list is written through. Its own
// row writer builds a Cell, a style and a model object per cell and renders them through
// a generic XML builder; for a year's register that is most of the time spent.
interface StreamedSheetParts {
  _rows: unknown[] | null;
  _rowZero: number;
  startedData: boolean;
  useSharedStrings: boolean;
  stream: { write(text: string): unknown };
  _workbook: { sharedStrings: { add(text: string): number }; styles: { addStyleModel(model: object): number } };
}

function streamedParts(ws: Worksheet): StreamedSheetParts | null {
  const p = ws as unknown as Partial<StreamedSheetParts>;
  const ok =
    Array.isArray(p._rows) &&
    p._rows.length === 0 &&
    typeof p._rowZero === 'number' &&
    p.startedData === true &&
    p.useSharedStrings === true &&
    typeof p.stream?.write === 'function' &&
    typeof p._workbook?.sharedStrings?.add === 'function' &&
    typeof p._workbook.styles?.addStyleModel === 'function';
  return ok ? (p as StreamedSheetParts) : null;
}

const letters: string[] = [];
const columnLetter = (col: number): string => {
  let l = letters[col];
  if (l === undefined) {
    l = '';
    for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) l = String.fromCharCode(65 + ((n - 1) % 26)) + l;
    letters[col] = l;
  }
  return l;
};

// Rows of a long list, as plain values. On a streamed sheet whose earlier rows are all
// committed, the rows' XML is written straight to the sheet, exactly as exceljs writes
// it (text through the shared strings, numbers as they are, a date as its number in the
// date format's style, an empty cell left out); otherwise through exceljs's own rows.
export function addListRows(ws: Worksheet, rows: CellValue[][]): void {
  const parts = streamedParts(ws);
  if (!parts) {
    for (const values of rows) {
      const row = ws.addRow(values.map(cellValue));
      values.forEach((v, i) => {
        if (v instanceof Date) row.getCell(i + 1).numFmt = DATE_FORMAT;
      });
      row.commit();
    }
    return;
  }
  const strings = parts._workbook.sharedStrings;
  let dateStyle: number | undefined;
  let xml = '';
  let r = parts._rowZero;
  for (const values of rows) {
    let cells = '';
    let filled = false;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === null || v === undefined) continue;
      filled = true;
      const at = `${columnLetter(i + 1)}${r}`;
      if (typeof v === 'string') cells += `<c r="${at}" t="s"><v>${strings.add(safeText(v))}</v></c>`;
      else if (v instanceof Date) cells += `<c r="${at}" s="${(dateStyle ??= parts._workbook.styles.addStyleModel(DATE_STYLE))}"><v>${excelDay(v)}</v></c>`;
      else cells += `<c r="${at}"><v>${v}</v></c>`;
    }
    if (filled) xml += `<row r="${r}" spans="1:${values.length}" x14ac:dyDescent="0.25">${cells}</row>`;
    r++;
  }
  parts._rowZero = r;
  if (xml) parts.stream.write(xml);
}

// A note under the table, wrapped across the table's width: left in one cell, its text
// would run on past the last column, and printed fit to width that shrinks the table to
// make room for it. Its row is made tall enough, as neither Excel nor LibreOffice grows
// one on opening (9 pt: a line of 12 pt, a character at most about 5.5 of the 7 px that a
// width unit is).
export function addNote(ws: Worksheet, note: string): void {
  const text = safeText(note);
  const widths = (ws.columns ?? []).map((c) => c.width ?? 9);
  ws.addRow([]).commit();
  const row = ws.addRow([text]);
  if (widths.length > 1) ws.mergeCells(row.number, 1, row.number, widths.length);
  const cell = row.getCell(1);
  cell.font = font({ italic: true, size: 9 });
  cell.alignment = { vertical: 'top', wrapText: true };
  const lines = Math.max(1, Math.ceil((text.length * 5.5) / Math.max(1, widths.reduce((a, b) => a + b, 0) * 7 - 10)));
  if (lines > 1) row.height = lines * 12 + 3;
  row.commit();
}

// A whole table sheet in one go, for the small tables of the recap.
export function addTableSheet(wb: Workbook, spec: SheetSpec): Worksheet {
  const ws = startSheet(wb, spec);
  addRows(ws, spec.columns, spec.rows);
  if (spec.totals) addRows(ws, spec.columns, [spec.totals], true);
  if (spec.note) addNote(ws, spec.note);
  return ws;
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const fileOf = (bytes: Buffer, fileName: string) => ({ fileName, mime: XLSX_MIME, dataBase64: bytes.toString('base64') });
