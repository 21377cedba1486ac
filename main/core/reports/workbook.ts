import { PassThrough } from 'node:stream';
import type { PaperSize, Workbook, Worksheet } from 'exceljs';
import type { OfficePaper as Paper } from '../../../shared/documents/kinds';
import type { ReportSignOff } from '../../../shared/reports/signOff';

// The one way Tanggap lays out a sheet: title lines (office, period), a bold header row
// that stays frozen while scrolling, set widths, number formats per column, long texts
// wrapped in rows made tall enough for them, and a bold totals row. Every text goes in as a string cell, so a subject typed as "=SUM(A1)" or
// "+62…" is shown as typed and never becomes a formula.

export type ColumnKind = 'text' | 'int' | 'decimal' | 'percent' | 'date';

export interface SheetColumn {
  header: string;
  width: number;
  kind?: ColumnKind;
  // Text that may be longer than the column is wide (a subject, a description, an address):
  // wrapped in its cell, and its row made as tall as the text needs (rowHeight).
  wrap?: boolean;
}

// A date is a calendar day: a Date at midnight UTC of that day (as exceljs reads one back).
export type CellValue = string | number | Date | null;

export interface SheetSpec {
  name: string;
  // The office's paper, as its documents print on.
  paper: Paper;
  // Lines above the table: the office's name, the report's title and period.
  title: string[];
  columns: SheetColumn[];
  rows: CellValue[][];
  totals?: CellValue[];
  // A line under the table (where a figure comes from, what a column means).
  note?: string;
  // A report's end, under the note: the place and date and the block to sign (addSignOff).
  signOff?: ReportSignOff;
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
// Excel's default face and size, those of every cell without a font of its own; named on
// every styled cell so all cells read alike.
const BODY_SIZE = 11;
const font = (f: { bold?: boolean; italic?: boolean; size?: number }) => ({ name: 'Calibri', size: BODY_SIZE, ...f });
// A table's cells read from the top of their row, beside the first line of a wrapped text.
const TOP = { vertical: 'top' } as const;
const WRAP_TOP = { vertical: 'top', wrapText: true } as const;

// Wrapped text. Neither Excel nor LibreOffice grows a row to fit it on opening, so the row's
// height is set here, from an estimate of the lines the text takes (wrappedLines) and of
// their height (wrappedHeight). Over rather than under: a line too many leaves a blank line
// at the foot of the row, one too few hides the end of the text.

// Calibri's advance widths in 1/1000 em, printable ASCII (U+0020 to U+007E): Excel's face
// for every cell. Carlito, which LibreOffice uses in its place, has the same widths by design.
const CALIBRI = [
  226, 326, 401, 498, 507, 715, 682, 221, 303, 303, 498, 498, 250, 306, 252, 386, 507, 507, 507, 507, 507, 507, 507, 507, 507, 507, 268, 268, 498, 498, 498,
  463, 894, 579, 544, 533, 615, 488, 459, 631, 623, 252, 319, 520, 420, 855, 646, 662, 517, 673, 543, 459, 487, 642, 567, 890, 519, 487, 468, 307, 386, 307,
  498, 498, 291, 479, 525, 423, 525, 498, 305, 471, 525, 229, 239, 455, 229, 799, 525, 527, 525, 525, 349, 391, 335, 525, 452, 715, 433, 453, 395, 314, 460,
  314, 498,
];
// Latin letters with accents (é, ñ, ş …, U+00C0 to U+017F) as wide as the widest of them
// but Æ, Œ and Ŵ; those, and any other character (a dash, quotes, a letter of Latin Extended-B
// or of another script), as wide as Calibri's widest letter (Ǆ, 1,083), so that none is
// under-counted.
const CALIBRI_LATIN = 680;
const CALIBRI_WIDE_LATIN = new Set([0xc6, 0xe6, 0x152, 0x153, 0x174, 0x175]);
const CALIBRI_OTHER = 1100;
const charWidth = (c: number) =>
  c >= 0x20 && c <= 0x7e ? CALIBRI[c - 0x20]! : c >= 0xc0 && c <= 0x17f && !CALIBRI_WIDE_LATIN.has(c) ? CALIBRI_LATIN : CALIBRI_OTHER;
// Lines are reckoned filled to this share of their room: Excel draws each glyph at a whole
// pixel, which makes a line up to some 2% wider than its widths add up to.
const SAFETY = 0.97;

// How many lines `text` takes in a cell (or merged cells) `width` units wide at `size` pt:
// a width unit is 7 px, of which 10 px of the cell are kept for its margins; a character
// as wide as Calibri draws it at `size` pt (96 px to the inch); lines broken between
// words (at a space or a tab, and after a hyphen: "anak-anak") and at the text's own line
// breaks.
function wrappedLines(text: string, width: number, size: number): number {
  // The room and the widths in 1/1000 em.
  const room = Math.max(1, (((width * 7 - 10) * SAFETY) / ((size * 96) / 72)) * 1000);
  if (text.length * CALIBRI_OTHER <= room && !text.includes('\n')) return 1;
  // Read a character at a time (a year's register measures millions): `used` is the
  // width of the current line, spaces after its words included, `word` that of the word
  // (or the part of it up to a hyphen) being read, placed on the line when a space, a
  // hyphen, a line break or the end closes it.
  let lines = 1;
  let used = 0;
  let word = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 10;
    const space = c === 32 || c === 9;
    if (!space && c !== 10 && c !== 45) {
      word += charWidth(c);
      continue;
    }
    if (c === 45) word += charWidth(c);
    if (word > 0) {
      if (used > 0 && used + word > room) {
        lines++;
        used = 0;
      }
      // A word longer than a line goes on over the next ones.
      for (; word > room; word -= room) lines++;
      used += word;
      word = 0;
    }
    if (space) used += CALIBRI[0]!;
    else if (c === 10 && i < text.length) {
      lines++;
      used = 0;
    }
  }
  return lines;
}

// Excel's highest row, in points; a longer text is cut there.
const MAX_ROW_HEIGHT = 409;

// The height of a row whose longest wrapped text takes `lines` lines at `size` pt, a line as
// tall as Excel's own row at that size (12 pt at 9 pt, 15 pt at 11 pt): none (the default
// row) for one line.
function wrappedHeight(lines: number, size: number): number | undefined {
  return lines > 1 ? Math.min(MAX_ROW_HEIGHT, lines * Math.ceil((size * 4) / 3) + 3) : undefined;
}

// The height of a table's row of `values`, from the texts of its wrapped columns.
function rowHeight(columns: SheetColumn[], values: CellValue[]): number | undefined {
  let lines = 1;
  for (let i = 0; i < columns.length; i++) {
    const v = values[i];
    if (columns[i]!.wrap && typeof v === 'string') lines = Math.max(lines, wrappedLines(v, columns[i]!.width, BODY_SIZE));
  }
  return wrappedHeight(lines, BODY_SIZE);
}

// A bold line is some 3% wider than a plain one (wrappedLines): reckoned 5%, over rather
// than under.
const BOLD_WIDTH = 1.05;
const HEADER_LINES = 3;

// The header row's height: three lines (45 pt), or more when a header needs them, so that no
// header is cut off at the foot of its row.
function headerHeight(columns: SheetColumn[]): number {
  const lines = Math.max(...columns.map((c) => wrappedLines(c.header, c.width / BOLD_WIDTH, BODY_SIZE)));
  return lines <= HEADER_LINES ? 45 : wrappedHeight(lines, BODY_SIZE)!;
}

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

// An empty text is no cell at all, as Excel leaves a cell nothing was typed in (COUNTA and
// Ctrl+arrow pass over it).
const cellValue = (v: CellValue) => (typeof v !== 'string' ? v : safeText(v) || null);

// Printing. Excel's "Narrow" margins: a wide table keeps most of the page, and the header
// and footer lines still fit above and below it.
const MARGINS = { left: 0.25, right: 0.25, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
// Excel's paper codes: A4, and for F4 (215 × 330 mm) Folio (8.5 × 13 in), which Excel
// offers for it; each with its short and long side.
const PAPER: Record<Paper, { size: PaperSize; shortMm: number; longMm: number }> = {
  A4: { size: 9 as PaperSize, shortMm: 210, longMm: 297 },
  F4: { size: 14 as PaperSize, shortMm: 215, longMm: 330 },
};
type Orientation = 'portrait' | 'landscape';
// The paper's width across the page less the side margins, and its height less the top and
// bottom ones, in points, 1 % kept free for rounding.
const printWidthPt = (paper: Paper, turned: Orientation = 'landscape') =>
  (((turned === 'landscape' ? PAPER[paper].longMm : PAPER[paper].shortMm) / 25.4 - MARGINS.left - MARGINS.right) * 72 * 99) / 100;
const printHeightPt = (paper: Paper, turned: Orientation) =>
  (((turned === 'landscape' ? PAPER[paper].shortMm : PAPER[paper].longMm) / 25.4 - MARGINS.top - MARGINS.bottom) * 72 * 99) / 100;
// A column of width 1 printed at 100 %: 5.25 pt in Excel (a Calibri 11 digit, 7 px), 5.55 pt
// in LibreOffice, which does not round the digit to whole pixels. Columns are planned onto
// a page with the wider, so that they fit there in both; a page's rows with the narrower
// (planPages), whose larger scale fits fewer rows on the page than either prints.
const EXCEL_WIDTH_PT = 5.25;
const WIDTH_PT = 5.55;
// 72 % of 11 pt, about 8 pt: the smallest text still read easily on paper.
const MIN_PRINT_SCALE = 72;

// How many pages wide the columns print at `scale` %, filled as Excel fills them (whole
// columns, each page after the first opening with the `repeated` first columns again).
function pagesWide(widths: number[], repeated: number, scale: number, paper: Paper): number {
  const room = printWidthPt(paper) / ((WIDTH_PT * scale) / 100);
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
function listPrintScale(widths: number[], repeated: number, paper: Paper): number {
  const fewest = pagesWide(widths, repeated, MIN_PRINT_SCALE, paper);
  let scale = 100;
  while (scale > MIN_PRINT_SCALE && pagesWide(widths, repeated, scale, paper) > fewest) scale--;
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
  const [office = '', what = ''] = spec.title;
  const pageHeader = `&L&"-,Bold"${headerText(office)}&R&"-,Bold"${headerText(what)}`;
  // A table upright when it fits across the paper so at full size, else turned.
  const widths = spec.columns.map((c) => c.width);
  const orientation: Orientation = !spec.list && widths.reduce((a, b) => a + b, 0) * WIDTH_PT <= printWidthPt(spec.paper, 'portrait') ? 'portrait' : 'landscape';
  const ws = wb.addWorksheet(sheetName(spec.name), {
    // The header row printed again at the top of every page, every page numbered. A table
    // as wide as one page, upright when it fits. A long list (closed by commitList), turned,
    // over as many pages wide as its text needs (listPrintScale), the office and report
    // named at the top of every page, its gridlines printed since its cells have no borders,
    // and its first two columns (No., No. Register) again at the left of the pages its
    // further columns go to; the pages of the same rows follow each other, so each printed
    // row can be laid beside its other half.
    pageSetup: {
      paperSize: PAPER[spec.paper].size,
      orientation,
      margins: MARGINS,
      printTitlesRow: `${headerRowNo}:${headerRowNo}`,
      ...(spec.list
        ? { showGridLines: true, printTitlesColumn: 'A:B', pageOrder: 'overThenDown', fitToPage: false, scale: listPrintScale(widths, 2, spec.paper) }
        : { fitToPage: true, fitToWidth: 1, fitToHeight: 0 }),
    },
    // The office and the report at the top of every page, so that a loose sheet says whose
    // it is; a table's first page has its title lines instead.
    headerFooter: spec.list ? { oddHeader: pageHeader, oddFooter: PAGE_FOOTER } : { differentFirst: true, firstFooter: PAGE_FOOTER, oddHeader: pageHeader, oddFooter: PAGE_FOOTER },
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerRowNo, topLeftCell: first, activeCell: first }],
  });
  if (spec.list) printGridLines(ws);
  ws.columns = spec.columns.map((c) => {
    if (spec.list) return { width: c.width };
    const numFmt = NUM_FMT[c.kind ?? 'text'];
    // Every cell from its row's top, as the rows made taller for a wrapped text read.
    const alignment = c.wrap ? WRAP_TOP : TOP;
    return { width: c.width, style: numFmt ? { numFmt, alignment } : { alignment } };
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
  // Three lines of header text, or as many as the longest header takes in its column.
  header.height = headerHeight(spec.columns);
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

// Rows of a short table: bordered, the totals row bold, each as tall as its wrapped texts
// need (its cells take wrapping and alignment from their columns, startSheet).
export function addRows(ws: Worksheet, columns: SheetColumn[], rows: CellValue[][], bold = false): void {
  for (const values of rows) {
    const row = ws.addRow(values.map(cellValue));
    for (let i = 1; i <= columns.length; i++) {
      const cell = row.getCell(i);
      cell.border = BORDER;
      if (bold) cell.font = font({ bold: true });
    }
    const height = rowHeight(columns, values);
    if (height) row.height = height;
    row.commit();
    tableEnds.set(ws, row.number);
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

// The styles of a long list's cells. A list with wrapped columns reads each row from its
// top, every filled cell aligned so; one without keeps exceljs's default style (none).
// Each style its own object: exceljs gives an object it has seen the id it gave it before.
interface ListStyle {
  numFmt?: string;
  alignment?: typeof TOP | typeof WRAP_TOP;
}
const LIST_STYLES: Record<'plain' | 'top', Record<'text' | 'wrapped' | 'date', ListStyle | null>> = {
  plain: { text: null, wrapped: null, date: DATE_STYLE },
  top: { text: { alignment: TOP }, wrapped: { alignment: WRAP_TOP }, date: { numFmt: DATE_FORMAT, alignment: TOP } },
};

// Rows of a long list, as plain values, each as tall as the texts of its wrapped columns
// need. On a streamed sheet whose earlier rows are all committed, the rows' XML is written
// straight to the sheet, exactly as exceljs writes it (text through the shared strings,
// numbers as they are, a date as its number in the date format's style, an empty cell left
// out); otherwise through exceljs's own rows.
export function addListRows(ws: Worksheet, columns: SheetColumn[], rows: CellValue[][]): void {
  const styles = LIST_STYLES[columns.some((c) => c.wrap) ? 'top' : 'plain'];
  const styleOf = (v: CellValue, i: number) => (v instanceof Date ? styles.date : columns[i]?.wrap ? styles.wrapped : styles.text);
  const parts = streamedParts(ws);
  if (!parts) {
    for (const values of rows) {
      const cells = values.map(cellValue);
      const row = ws.addRow(cells);
      cells.forEach((v, i) => {
        const style = v === null || v === undefined ? null : styleOf(v, i);
        if (style?.numFmt) row.getCell(i + 1).numFmt = style.numFmt;
        if (style?.alignment) row.getCell(i + 1).alignment = style.alignment;
      });
      const height = rowHeight(columns, values);
      if (height) row.height = height;
      row.commit();
    }
    return;
  }
  const strings = parts._workbook.sharedStrings;
  // Each style's s="…" attribute, added to the workbook's styles the first time it is used.
  const ids = new Map<ListStyle | null, string>([[null, '']]);
  const styleAttr = (style: ListStyle | null) => {
    let id = ids.get(style);
    if (id === undefined) ids.set(style, (id = ` s="${parts._workbook.styles.addStyleModel(style!)}"`));
    return id;
  };
  let xml = '';
  let r = parts._rowZero;
  for (const values of rows) {
    let cells = '';
    let filled = false;
    for (let i = 0; i < values.length; i++) {
      const v = cellValue(values[i]!);
      if (v === null || v === undefined) continue;
      filled = true;
      const at = `${columnLetter(i + 1)}${r}`;
      const s = styleAttr(styleOf(v, i));
      if (typeof v === 'string') cells += `<c r="${at}"${s} t="s"><v>${strings.add(v)}</v></c>`;
      else if (v instanceof Date) cells += `<c r="${at}"${s}><v>${excelDay(v)}</v></c>`;
      else cells += `<c r="${at}"${s}><v>${v}</v></c>`;
    }
    if (filled) {
      const height = rowHeight(columns, values);
      xml += `<row r="${r}"${height ? ` ht="${height}" customHeight="1"` : ''} spans="1:${values.length}" x14ac:dyDescent="0.25">${cells}</row>`;
    }
    r++;
  }
  parts._rowZero = r;
  if (xml) parts.stream.write(xml);
}

// A note under the table, wrapped across the table's width: left in one cell, its text
// would run on past the last column, and printed fit to width that shrinks the table to
// make room for it. Its row is made tall enough for it (wrappedLines).
export function addNote(ws: Worksheet, note: string): void {
  const text = safeText(note);
  const widths = (ws.columns ?? []).map((c) => c.width ?? 9);
  ws.addRow([]).commit();
  const row = ws.addRow([text]);
  if (widths.length > 1) ws.mergeCells(row.number, 1, row.number, widths.length);
  const cell = row.getCell(1);
  const size = 9;
  cell.font = font({ italic: true, size });
  cell.alignment = WRAP_TOP;
  const height = wrappedHeight(wrappedLines(text, widths.reduce((a, b) => a + b, 0), size), size);
  if (height) row.height = height;
  row.commit();
}

// Where a table's last row is (the last row addRows wrote), for addSignOff.
const tableEnds = new WeakMap<Worksheet, number>();

// The height of a report sheet's row that has none of its own: Excel's 15 pt for Calibri
// 11, and 18 pt for the title's first line (13 pt). Set on every such row of a sheet that
// ends with a block to sign, so that Excel and LibreOffice, whatever the fonts or the
// screen, print the rows exactly as tall as its pages are planned (planPages).
const ROW_PT = 15;
const TITLE_PT = 18;
// Rows of the table that go on the page of the block to sign, so that it is never alone.
const CARRIED_ROWS = 4;

// The paper and orientation a table sheet prints on as one page wide (startSheet); null for
// a long list, which prints at a scale of its own.
interface Page {
  paper: Paper;
  turned: Orientation;
}
function pageOf(ws: Worksheet): Page | null {
  const { paperSize, orientation, fitToPage } = ws.pageSetup;
  const paper = (Object.keys(PAPER) as Paper[]).find((p) => PAPER[p].size === paperSize);
  return paper && fitToPage ? { paper, turned: orientation === 'portrait' ? 'portrait' : 'landscape' } : null;
}

// Plans the pages of a table that a block `blockPt` tall closes, as Excel prints
// the sheet (startSheet: fit to the page's width, the header row again at the top of every
// page after the first), and ends each page with a manual break where the plan ends it, so
// that Excel and LibreOffice alike print those pages: every row's height is set, and the
// plan takes the scale a little larger than either prints it, so a planned page always fits.
// The block's page holds the table's last CARRIED_ROWS rows (or more): when the plan's last
// page would not hold the block, or would hold fewer of the table's rows, the page before
// it ends before those rows.
function planPages(ws: Worksheet, { paper, turned }: Page, widths: number[], blockPt: number): void {
  const last = ws.rowCount;
  for (let r = 1; r <= last; r++) {
    const row = ws.getRow(r);
    row.height ??= r === 1 ? TITLE_PT : ROW_PT;
  }
  const scale = Math.min(1, printWidthPt(paper, turned) / (widths.reduce((a, b) => a + b, 0) * EXCEL_WIDTH_PT));
  const room = printHeightPt(paper, turned) / scale;
  const headerRowNo = (ws.views[0] as { ySplit?: number } | undefined)?.ySplit ?? 1;
  const heightOf = (r: number) => ws.getRow(r).height;
  // The first row of each page, filling pages with rows 1 to `to`, and the height used on
  // the last of them.
  const pagesOf = (to: number) => {
    const starts = [1];
    let used = 0;
    for (let r = 1; r <= to; r++) {
      if (used > 0 && used + heightOf(r) > room) {
        starts.push(r);
        used = heightOf(headerRowNo);
      }
      used += heightOf(r);
    }
    return { starts, used };
  };
  const plan = pagesOf(last);
  let starts = plan.starts;
  const carried = (tableEnds.get(ws) ?? headerRowNo) - CARRIED_ROWS + 1;
  if (plan.used + blockPt > room || (starts.length > 1 && starts.at(-1)! > carried)) {
    // Too few of the table's rows to carry (a table of a handful of rows): printed as it falls.
    if (carried <= headerRowNo + 1) return;
    starts = [...pagesOf(carried - 1).starts, carried];
  }
  for (const start of starts.slice(1)) ws.getRow(start - 1).addPageBreak();
}

// The block to sign, at least this wide (about 40 characters), on the right of the page.
const SIGN_OFF_WIDTH = 40;
// Rows of room to sign in (15 pt each, about 2 cm with the stamp beside it).
const SIGN_OFF_SPACE = 4;
// The narrowest empty column worth adding for the block (addSignOff).
const MIN_SPARE_WIDTH = 4;

// A report's end under its table, as a letter ends: the place and date, the signer's
// caption, room to sign by hand, the name (bold and underlined for an official) and the
// lines under it, each line centred across the sheet's last columns (the table's, and an
// empty one to the page's right edge where the table is narrower than the page), as many
// as make the block SIGN_OFF_WIDTH wide and each line fit on one line (all of them when
// they are narrower; a line longer than that wraps in a taller row). Its table's pages are
// planned so that it prints whole, with rows of the table (planPages).
export function addSignOff(ws: Worksheet, { placeDate, signature: s }: ReportSignOff): void {
  const widths = (ws.columns ?? []).map((c) => c.width ?? 9);
  const page = pageOf(ws);
  // A table narrower than the page gets an empty column to the page's right edge, for the
  // block to stand on the right of the page as a letter's does, not in the table's middle.
  const spare = page ? Math.floor(printWidthPt(page.paper, page.turned) / WIDTH_PT - widths.reduce((a, b) => a + b, 0)) : 0;
  if (spare >= MIN_SPARE_WIDTH) {
    ws.getColumn(widths.length + 1).width = spare;
    widths.push(spare);
  }
  const last = Math.max(widths.length, 1);
  const lines: ({ text: string; official?: boolean } | null)[] = [
    null,
    ...[placeDate, ...s.caption].map((text) => ({ text })),
    ...Array<null>(SIGN_OFF_SPACE).fill(null),
    { text: s.name, official: s.official },
    ...s.after.map((text) => ({ text })),
  ];
  const oneLine = (width: number) => lines.every((l) => !l || wrappedLines(safeText(l.text), l.official ? width / BOLD_WIDTH : width, BODY_SIZE) === 1);
  let from = last;
  let room = widths[last - 1] ?? 9;
  while (from > 1 && (room < SIGN_OFF_WIDTH || !oneLine(room))) room += widths[--from - 1]!;
  const heights = lines.map((l) => (l ? wrappedHeight(wrappedLines(safeText(l.text), l.official ? room / BOLD_WIDTH : room, BODY_SIZE), BODY_SIZE) : undefined));
  if (page) planPages(ws, page, widths, heights.reduce<number>((sum, h) => sum + (h ?? ROW_PT), 0));
  lines.forEach((l, i) => {
    const row = ws.addRow([]);
    if (l) {
      if (from < last) ws.mergeCells(row.number, from, row.number, last);
      const cell = row.getCell(from);
      cell.value = safeText(l.text);
      cell.font = { ...font({ bold: l.official }), ...(l.official ? { underline: true } : {}) };
      cell.alignment = { horizontal: 'center', vertical: 'bottom', wrapText: heights[i] !== undefined };
    }
    row.height = heights[i] ?? ROW_PT;
    row.commit();
  });
}

// A whole table sheet in one go, for the small tables of the recap.
export function addTableSheet(wb: Workbook, spec: SheetSpec): Worksheet {
  const ws = startSheet(wb, spec);
  addRows(ws, spec.columns, spec.rows);
  if (spec.totals) addRows(ws, spec.columns, [spec.totals], true);
  if (spec.note) addNote(ws, spec.note);
  if (spec.signOff) addSignOff(ws, spec.signOff);
  return ws;
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const fileOf = (bytes: Buffer, fileName: string) => ({ fileName, mime: XLSX_MIME, dataBase64: bytes.toString('base64') });
