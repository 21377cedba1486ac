import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeightRule,
  ImageRun,
  LineRuleType,
  PageNumber,
  PageOrientation,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
  type IParagraphOptions,
  type IRunOptions,
  type ISectionPropertiesOptions,
} from 'docx';
import { LETTER_MARGINS_MM, PAGE_MM } from '../../../shared/documents/kinds';
import { imageSize } from './imageSize';

// Building blocks shared by every letter the office prints (tanda terima, berita acara,
// surat tanggapan, lembar disposisi): Tata Naskah Dinas habits in one place, so all
// documents look like they came from the same office.

export const FONT = 'Arial';
/**
 * Author and "last modified by" in Word's File › Info: the program that wrote the file
 * (docx would write its English placeholder "Un-named").
 */
const AUTHOR = 'Tanggap';
/** Every document is in Indonesian: the default language of its text, so Word checks spelling as Indonesian. */
const LANGUAGE = 'id-ID';
/** Font sizes in half-points, as `docx` expects them. */
export const SIZE = { body: 24, table: 22, small: 20, note: 19, kopAddress: 20, kopFirst: 28, kopName: 32, title: 26 } as const;

export type Paper = 'A4' | 'F4' | 'HALF_F4';
/** 1 cm in twips (1 440 per inch). */
export const cm = (n: number) => Math.round((n * 1440) / 2.54);
const mm = (n: number) => cm(n / 10);
export const PAPER: Record<Paper, { width: number; height: number }> = {
  A4: { width: mm(PAGE_MM.A4.width), height: mm(PAGE_MM.A4.height) },
  F4: { width: mm(PAGE_MM.F4.width), height: mm(PAGE_MM.F4.height) },
  // Lembar disposisi is printed on half a folio sheet.
  HALF_F4: { width: mm(PAGE_MM.HALF_F4.width), height: mm(PAGE_MM.HALF_F4.height) },
};

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}
/** Margins given in mm (shared/documents/kinds.ts), in twips. */
export const marginsOf = (m: Margins): Margins => ({ top: mm(m.top), right: mm(m.right), bottom: mm(m.bottom), left: mm(m.left) });
export const LETTER_MARGINS: Margins = marginsOf(LETTER_MARGINS_MM);

export function pageProps(paper: Paper = 'A4', margins: Margins = LETTER_MARGINS): ISectionPropertiesOptions {
  const size = PAPER[paper];
  // A sheet wider than tall (half folio) must say landscape, or printers feed it the wrong way;
  // docx takes the portrait size and turns it.
  const landscape = size.width > size.height;
  return {
    page: {
      size: landscape
        ? { width: size.height, height: size.width, orientation: PageOrientation.LANDSCAPE }
        : { width: size.width, height: size.height },
      margin: { ...margins, header: cm(1), footer: cm(1) },
    },
  };
}

/** Width of the text area in twips: what a full-width table may use. */
export const contentWidth = (paper: Paper = 'A4', margins: Margins = LETTER_MARGINS) =>
  PAPER[paper].width - margins.left - margins.right;

/** A document in Arial 12 with no space after paragraphs; spacing is set where it is wanted. */
export function letterDocument(opts: {
  title: string;
  children: (Paragraph | Table)[];
  paper?: Paper;
  margins?: Margins;
  /** Repeated at the top of every page (a draft's watermark). */
  header?: Paragraph[];
  /** Repeated at the foot of every page (the verification QR). */
  footer?: (Paragraph | Table)[];
  /** A letter's pages after the first numbered at the top centre, "- 2 -", as official letters are. */
  pageNumbers?: boolean;
}): Document {
  const pageNo = opts.pageNumbers ? [para([{ children: ['- ', PageNumber.CURRENT, ' -'] }], { alignment: AlignmentType.CENTER })] : [];
  // A header or footer, like a cell, must end with a paragraph; a 1 pt one adds no height.
  const headerOf = (children: Paragraph[]) => new Header({ children: children.length ? children : [spacer(0)] });
  const footerOf = (children: (Paragraph | Table)[]) => new Footer({ children: [...children, spacer(0)] });
  // With numbers, the first page has a header and footer of its own (titlePage): the same, less the number.
  const headers = opts.pageNumbers ? { default: headerOf([...pageNo, ...(opts.header ?? [])]), first: headerOf(opts.header ?? []) } : opts.header && { default: headerOf(opts.header) };
  const footers = opts.footer && { default: footerOf(opts.footer), ...(opts.pageNumbers && { first: footerOf(opts.footer) }) };
  return new Document({
    creator: AUTHOR,
    lastModifiedBy: AUTHOR,
    title: opts.title,
    styles: {
      default: {
        document: {
          run: { font: FONT, size: SIZE.body, language: { value: LANGUAGE } },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
    },
    sections: [
      {
        properties: { ...pageProps(opts.paper, opts.margins), titlePage: opts.pageNumbers === true },
        ...(headers && { headers }),
        ...(footers && { footers }),
        children: opts.children,
      },
    ],
  });
}

export const toBuffer = (doc: Document): Promise<Buffer> => Packer.toBuffer(doc);

// ---------------------------------------------------------------------------------------
// Paragraphs

type ParaOptions = Omit<IParagraphOptions, 'text' | 'children'>;

/** One paragraph of plain runs; `run` applies to every run of the text. */
export function para(content: string | IRunOptions[], opts: ParaOptions & { run?: IRunOptions } = {}): Paragraph {
  const { run, ...rest } = opts;
  const runs = typeof content === 'string' ? [{ text: content }] : content;
  // The paragraph mark takes the run size too, so an empty paragraph is as tall as its text would be.
  return new Paragraph({ ...rest, run: run?.size ? { size: run.size } : undefined, children: runs.map((r) => new TextRun({ ...run, ...r })) });
}

/** An empty line of the given size, for the space where a signature goes. */
export const blankLine = (size: number = SIZE.body) => new Paragraph({ run: { size }, children: [new TextRun({ text: '', size })] });

/** A gap of `twips` between blocks (a table cannot carry spacing of its own). */
export const spacer = (twips: number, keepNext = false) =>
  new Paragraph({ spacing: { before: twips }, keepNext, run: { size: 2 }, children: [new TextRun({ text: '', size: 2 })] });

// ---------------------------------------------------------------------------------------
// Tables

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
export const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const NO_CELL_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE };
const THIN: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
export const BOX_BORDERS = { top: THIN, bottom: THIN, left: THIN, right: THIN };

export type CellContent = Paragraph | Table | (Paragraph | Table)[];

/**
 * A fixed-layout table without lines: the grid that letters use to place things side by
 * side (label/value, two signatures, logo beside the kop). `widths` in twips.
 */
export function borderlessTable(
  rows: CellContent[][],
  widths: number[],
  opts: {
    cantSplit?: boolean;
    cellPadding?: { left: number; right: number; top?: number; bottom?: number };
    /** Distance from the left margin, in twips. */
    indent?: number;
  } = {},
): Table {
  const padding = opts.cellPadding ?? { left: 0, right: cm(0.1) };
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    ...(opts.indent ? { indent: { size: opts.indent, type: WidthType.DXA } } : {}),
    borders: NO_BORDERS,
    rows: rows.map(
      (cells) =>
        new TableRow({
          cantSplit: opts.cantSplit ?? true,
          children: cells.map(
            (content, i) =>
              new TableCell({
                width: { size: widths[i] ?? 0, type: WidthType.DXA },
                borders: NO_CELL_BORDERS,
                margins: { top: padding.top ?? 0, bottom: padding.bottom ?? 0, left: padding.left, right: padding.right },
                verticalAlign: VerticalAlignTable.TOP,
                children: cellChildren(content),
              }),
          ),
        }),
    ),
  });
}

// A cell must end with a paragraph, or Word calls the file damaged.
function cellChildren(content: CellContent): (Paragraph | Table)[] {
  const list = Array.isArray(content) ? content : [content];
  if (list.length === 0 || list[list.length - 1] instanceof Table) return [...list, new Paragraph({})];
  return list;
}

/** A single framed cell across the given width: notices, boxed remarks. */
export function boxed(children: Paragraph[], width: number): Table {
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [width],
    layout: TableLayoutType.FIXED,
    borders: { ...BOX_BORDERS, insideHorizontal: NONE, insideVertical: NONE },
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            width: { size: width, type: WidthType.DXA },
            borders: BOX_BORDERS,
            margins: { top: cm(0.1), bottom: cm(0.1), left: cm(0.2), right: cm(0.2) },
            children,
          }),
        ],
      }),
    ],
  });
}

export interface GridCell {
  children: CellContent;
  /** How many grid columns the cell covers; 1 when absent. */
  span?: number;
}

export interface GridRow {
  cells: GridCell[];
  /** Row height in twips: at least this, or exactly this when `exact` (the content is cut, the page stays one). */
  height?: number;
  exact?: boolean;
}

/**
 * A ruled paper form (lembar disposisi, kartu kendali): every cell framed, fixed column
 * widths, cells may span several columns of the grid so the form's lines stay straight.
 */
export function gridTable(
  rows: GridRow[],
  widths: number[],
  /** `padding` left and right of a cell's text; `paddingY` above and below it, half of `padding` when absent. */
  opts: { padding?: number; paddingY?: number; border?: IBorderOptions } = {},
): Table {
  const pad = opts.padding ?? cm(0.12);
  const padY = opts.paddingY ?? pad / 2;
  const line = opts.border ?? THIN;
  const cellBorders = { top: line, bottom: line, left: line, right: line };
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { ...cellBorders, insideHorizontal: line, insideVertical: line },
    rows: rows.map((row) => {
      let column = 0;
      return new TableRow({
        cantSplit: true,
        ...(row.height ? { height: { value: row.height, rule: row.exact ? HeightRule.EXACT : HeightRule.ATLEAST } } : {}),
        children: row.cells.map((cell) => {
          const span = cell.span ?? 1;
          const width = widths.slice(column, column + span).reduce((a, b) => a + b, 0);
          column += span;
          return new TableCell({
            width: { size: width, type: WidthType.DXA },
            ...(span > 1 ? { columnSpan: span } : {}),
            borders: cellBorders,
            margins: { top: padY, bottom: padY, left: pad, right: pad },
            verticalAlign: VerticalAlignTable.TOP,
            children: cellChildren(cell.children),
          });
        }),
      });
    }),
  });
}

/** The box printed before a checklist item, ticked or not. */
export const checkBox = (checked: boolean) => (checked ? '☑' : '☐');

export interface LabelValue {
  label: string;
  value: string;
}

/**
 * "Label : value" rows as letters write them (Nomor, Hal, Nama, Alamat …). The colon has
 * its own narrow column so a value that wraps stays aligned under itself.
 */
export function labelValueTable(
  rows: LabelValue[],
  opts: { width: number; labelWidth?: number; size?: number; spacingAfter?: number; indent?: number },
): Table {
  const labelWidth = opts.labelWidth ?? cm(4.5);
  const colon = cm(0.4);
  const size = opts.size ?? SIZE.table;
  const p = (text: string) => para(text, { run: { size }, spacing: { after: opts.spacingAfter ?? 20 } });
  return borderlessTable(
    // A row without a label continues the one above, without a colon (as LetterPaper).
    rows.map((r) => [p(r.label), p(r.label ? ':' : ''), p(r.value)]),
    [labelWidth, colon, opts.width - labelWidth - colon],
    { indent: opts.indent },
  );
}

// ---------------------------------------------------------------------------------------
// Kop surat

export interface Kop {
  lines: string[];
  address: string;
  contact: string;
  /** PNG or JPEG data URL, or '' for none. */
  logo: string;
}

/** Twips per character of Arial 10 on average: enough to decide where a kop line breaks. */
const TWIPS_PER_CHAR_10PT = 100;

export interface KopStyle {
  logoCm: number;
  /** Half-points: the first line, the office name (the last line), address and contact. */
  first: number;
  name: number;
  address: number;
  /** Small forms leave the telephone/email line out to save height. */
  contact: boolean;
  /** Space after the double rule, in twips. */
  after: number;
}

/** The kop of a letter: logo 2.2 cm, first line 14 pt, the office name 16 pt. */
export const KOP_LETTER: KopStyle = { logoCm: 2.2, first: SIZE.kopFirst, name: SIZE.kopName, address: SIZE.kopAddress, contact: true, after: 120 };
/** The kop of a small form (lembar disposisi): the same lines at about two thirds the size. */
export const KOP_COMPACT: KopStyle = { logoCm: 1.4, first: 20, name: 24, address: 16, contact: false, after: 60 };

/**
 * Kop surat: the logo on the left, the office lines centred on the page (bold, the office
 * name largest), address and contact small, then the double rule.
 */
export function kopSurat(kop: Kop, width: number, style: KopStyle = KOP_LETTER): (Paragraph | Table)[] {
  const logo = logoRun(kop.logo, style.logoCm);
  // The right column mirrors the logo column so the text is centred on the page.
  const side = logo ? logo.widthTwips + cm(0.3) : 0;
  const textWidth = width - 2 * side;
  const big = kop.lines.length === 1 ? [style.name] : kop.lines.map((_, i) => (i === 0 ? style.first : style.name));
  const centre = (text: string, run: IRunOptions) => para(text, { alignment: AlignmentType.CENTER, run });
  const perLine = Math.floor((textWidth / TWIPS_PER_CHAR_10PT) * (20 / style.address));
  const text: Paragraph[] = [
    ...kop.lines.map((line, i) => centre(line.toUpperCase(), { bold: true, size: big[i] })),
    ...(kop.address ? [centre(kop.address, { size: style.address })] : []),
    ...(style.contact ? packSegments(kop.contact, perLine).map((line) => centre(line, { size: style.address })) : []),
  ];
  const rule = new Paragraph({
    spacing: { after: style.after },
    border: { bottom: { style: BorderStyle.DOUBLE, size: 12, color: '000000', space: 1 } },
    run: { size: 8 },
    children: [new TextRun({ text: '', size: 8 })],
  });
  if (!logo) return [...text, rule];
  const logoCell = new Paragraph({ alignment: AlignmentType.LEFT, children: [logo.run] });
  return [
    borderlessTable([[logoCell, text, blankLine(style.address)]], [side, textWidth, side], { cellPadding: { left: 0, right: 0 } }),
    rule,
  ];
}

/**
 * "Telepon … · Email … · Laman …" broken between its parts, never inside one, so a
 * long contact line wraps as two tidy centred lines instead of leaving a dangling "·".
 */
export function packSegments(line: string, maxChars: number, separator = ' · '): string[] {
  if (line === '') return [];
  const lines: string[] = [];
  for (const part of line.split(separator)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + separator.length + part.length <= maxChars) lines[lines.length - 1] = last + separator + part;
    else lines.push(part);
  }
  return lines;
}

/** The logo as an inline image `heightCm` tall, keeping its proportions; null when absent or unreadable. */
export const logoRun = (dataUrl: string, heightCm: number) =>
  // A very wide logo is capped at twice its height.
  imageRun(dataUrl, { heightCm, maxAspect: 2, name: 'Logo', description: 'Logo instansi' });

/**
 * A PNG or JPEG data URL as an inline image `heightCm` tall, keeping its proportions up to
 * `maxAspect` times as wide as tall; null when absent or unreadable.
 */
export function imageRun(
  dataUrl: string,
  opts: { heightCm: number; maxAspect: number; name: string; description: string },
): { run: ImageRun; widthTwips: number } | null {
  const m = /^data:image\/(png|jpeg);base64,([A-Za-z0-9+/]+=*)$/.exec(dataUrl);
  if (!m) return null;
  const data = Buffer.from(m[2]!, 'base64');
  const dim = imageSize(data);
  if (!dim || dim.width === 0 || dim.height === 0) return null;
  // Pixels at 96 per inch, as ImageRun measures them.
  const height = Math.round((opts.heightCm / 2.54) * 96);
  const width = Math.min(Math.round((height * dim.width) / dim.height), Math.round(height * opts.maxAspect));
  const run = new ImageRun({
    type: m[1] === 'png' ? 'png' : 'jpg',
    data,
    transformation: { width, height },
    altText: { name: opts.name, description: opts.description, title: opts.name },
  });
  return { run, widthTwips: width * 15 };
}

// ---------------------------------------------------------------------------------------
// Signatures

export interface SignatureLines {
  /** Lines above the space: place and date, "a.n. CAMAT …", the jabatan with its comma. */
  caption: string[];
  name: string;
  /** Lines under the name: pangkat, "NIP …". An empty string keeps the line's height. */
  after?: string[];
  /** Empty lines left for the signature and stamp. */
  space?: number;
  /** Names of officials are bold and underlined; a citizen's name need not be. */
  emphasiseName?: boolean;
  /**
   * Height of the signature space in twips: one line at least that tall instead of `space`
   * blank lines, so a specimen and an empty space take the same room.
   */
  spaceHeight?: number;
  /** The signer's specimen, drawn in that space. */
  specimen?: ImageRun;
}

export function signatureBlock(s: SignatureLines, opts: { size?: number; alignment?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}): Paragraph[] {
  const size = opts.size ?? SIZE.body;
  const alignment = opts.alignment ?? AlignmentType.CENTER;
  const name: IRunOptions = (s.emphasiseName ?? true) ? { bold: true, underline: {} } : {};
  const space: Line[] =
    s.spaceHeight === undefined
      ? Array.from({ length: s.space ?? 4 }, () => ({ text: '' }))
      : [{ text: '', height: s.spaceHeight, image: s.specimen }];
  const lines: Line[] = [
    ...s.caption.map((text) => ({ text })),
    ...space,
    { text: s.name, ...name },
    ...(s.after ?? []).map((text) => ({ text })),
  ];
  // Kept together, but the last line is not kept with whatever follows the block:
  // that would drag a signature at the foot of a page over to the next one.
  return lines.map(
    ({ height, image, ...run }, i) =>
      new Paragraph({
        alignment,
        keepNext: i < lines.length - 1,
        keepLines: true,
        run: { size },
        ...(height ? { spacing: { line: height, lineRule: LineRuleType.AT_LEAST } } : {}),
        children: [image ?? new TextRun({ size, ...run })],
      }),
  );
}

type Line = IRunOptions & { height?: number; image?: ImageRun };

/**
 * Signatures side by side (pelapor left, official right). Shorter captions are padded at
 * the top so the signature spaces and the names line up across the columns.
 */
export function signatureColumns(blocks: SignatureLines[], width: number, opts: { size?: number } = {}): Table {
  const captions = Math.max(...blocks.map((b) => b.caption.length));
  const afters = Math.max(...blocks.map((b) => (b.after ?? []).length));
  const padded = blocks.map((b) => ({
    ...b,
    caption: [...Array<string>(captions - b.caption.length).fill(''), ...b.caption],
    after: [...(b.after ?? []), ...Array<string>(afters - (b.after ?? []).length).fill('')],
  }));
  const col = Math.floor(width / blocks.length);
  return borderlessTable([padded.map((b) => signatureBlock(b, opts))], blocks.map(() => col));
}
