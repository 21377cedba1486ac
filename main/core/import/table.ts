import type { CellValue as ExcelCellValue, Workbook } from 'exceljs';
import { TanggapError } from '../errors';

// The sheets of an uploaded register as plain cells: text, numbers and Excel dates.
// XLSX through exceljs (loaded only when a file comes), CSV with comma, semicolon or
// tab, a byte-order mark, quoted fields and line breaks inside quotes.

export type Cell = string | number | Date | null;

export interface Table {
  sheets: string[];
  rowsOf(sheet: string): Cell[][];
}

const exceljs = async () => (await import('exceljs')).default;

const isXlsx = (bytes: Buffer) => bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
const isOldXls = (bytes: Buffer) => bytes.length > 8 && bytes.readUInt32BE(0) === 0xd0cf11e0;

export async function readTable(fileName: string, bytes: Buffer): Promise<Table> {
  if (isXlsx(bytes)) return readXlsx(bytes);
  if (isOldXls(bytes) || /\.xls$/i.test(fileName)) {
    throw new TanggapError('validation', 'Berkas .xls (Excel 97–2003) belum dapat dibaca. Buka di Excel lalu "Simpan sebagai" Buku Kerja Excel (.xlsx) atau CSV, kemudian unggah lagi.', 'file');
  }
  const text = decodeText(bytes);
  if (text.includes('\u0000')) {
    throw new TanggapError('validation', 'Berkas ini bukan Excel (.xlsx) atau CSV. Simpan register sebagai .xlsx atau .csv lalu unggah lagi.', 'file');
  }
  const rows = parseCsv(text);
  return { sheets: ['CSV'], rowsOf: () => rows };
}

// UTF-8 with or without BOM; a file saved by an old Excel as Windows-1252 has bytes that
// are not UTF-8, read then as Latin-1 (close enough for Indonesian text).
function decodeText(bytes: Buffer): string {
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const text = utf8.includes('\uFFFD') ? bytes.toString('latin1') : utf8;
  return text.replace(/^\uFEFF/, '');
}

function delimiterOf(text: string): string {
  const firstLines = text.split(/\r?\n/, 5).join('\n');
  const count = (d: string) => {
    let n = 0;
    let quoted = false;
    for (const ch of firstLines) {
      if (ch === '"') quoted = !quoted;
      else if (!quoted && ch === d) n++;
    }
    return n;
  };
  return [';', ',', '\t'].reduce((best, d) => (count(d) > count(best) ? d : best), ',');
}

export function parseCsv(text: string): Cell[][] {
  const d = delimiterOf(text);
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    row.push(field.trim() === '' ? null : field);
    field = '';
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      field = '';
      quoted = true;
    } else if (ch === d) endField();
    else if (ch === '\n' || ch === '\r') {
      endField();
      rows.push(row);
      row = [];
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else field += ch;
    i++;
  }
  if (field !== '' || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}

function cellOf(v: ExcelCellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 'Ya' : 'Tidak';
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v) return cellOf(v.richText.map((r) => r.text).join(''));
    if ('result' in v) return cellOf((v.result ?? null) as ExcelCellValue);
    if ('text' in v) return cellOf(String(v.text));
    if ('error' in v) return null;
  }
  return null;
}

async function readXlsx(bytes: Buffer): Promise<Table> {
  const wb: Workbook = new (await exceljs()).Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new TanggapError('validation', 'Berkas Excel tidak dapat dibaca (rusak atau terkunci kata sandi). Buka di Excel, simpan ulang sebagai .xlsx tanpa kata sandi, lalu unggah lagi.', 'file');
  }
  const sheets = wb.worksheets.filter((ws) => ws.state !== 'hidden' && ws.state !== 'veryHidden');
  if (sheets.length === 0) throw new TanggapError('validation', 'Berkas Excel tidak berisi lembar kerja yang terlihat.', 'file');
  const cache = new Map<string, Cell[][]>();
  return {
    sheets: sheets.map((ws) => ws.name),
    rowsOf(name) {
      const hit = cache.get(name);
      if (hit) return hit;
      const ws = sheets.find((s) => s.name === name);
      if (!ws) throw new TanggapError('validation', `Lembar "${name}" tidak ada di berkas ini; pilih lembar yang tersedia.`, 'sheet');
      const rows: Cell[][] = [];
      ws.eachRow({ includeEmpty: true }, (r, n) => {
        const values = (r.values as ExcelCellValue[]).slice(1).map(cellOf);
        rows[n - 1] = values;
      });
      for (let i = 0; i < rows.length; i++) rows[i] ??= [];
      cache.set(name, rows);
      return rows;
    },
  };
}
