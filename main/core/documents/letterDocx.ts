import {
  AlignmentType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { TextWatermark } from 'docx/watermarks';
import { LETTER_CM, type LetterBlock, type LetterView, type VerificationView } from '../../../shared/documents/letter';
import type { SignatureView } from '../../../shared/documents/common';
import {
  BOX_BORDERS,
  FONT,
  NO_BORDERS,
  SIZE,
  blankLine,
  borderlessTable,
  cm,
  contentWidth,
  imageRun,
  kopSurat,
  labelValueTable,
  letterDocument,
  para,
  signatureBlock,
  signatureColumns,
  spacer,
  toBuffer,
  type SignatureLines,
} from './docx-kit';

// Letters ('surat') and records ('naskah') from a LetterView, laid out as Tata Naskah Dinas
// writes them. The print view renders the same view, so paper and screen agree.

/** First-line indent of body paragraphs; rows and lists start there too. */
const INDENT = cm(LETTER_CM.indent);
/** Where the addressee's name starts after "Yth.". */
const YTH = cm(1.1);
/** Room for a signature, and a little more where the office stamp goes over it. */
const SIGN_SPACE = cm(2.2);
const STAMP_SPACE = cm(2.7);
const SPECIMEN_CM = 2;
const QR_CM = 2.2;
const BODY_SPACING = { after: 120, line: 276 };
/**
 * The label column of a record's rows (berita acara, laporan, tanda terima penyampaian):
 * wide enough for "Disampaikan melalui" on one line in Arial 12 with the cell's padding,
 * as the print view (LetterPaper.tsx) sets it.
 */
const ROW_LABEL = cm(LETTER_CM.rowLabel);

export async function letterDocx(v: LetterView): Promise<Buffer> {
  const width = contentWidth(v.paper);
  const children: (Paragraph | Table)[] = [
    ...kopSurat(v.kop, width),
    ...(v.layout === 'surat' ? suratHead(v, width) : naskahHead(v)),
    // The body's last paragraph goes over with the signature: no page holds a signature alone.
    ...v.blocks.flatMap((b, i) => block(b, width, i === v.blocks.length - 1)),
    spacer(240, true),
    ...signedOff(v, width),
  ];
  return toBuffer(
    letterDocument({
      title: [v.title, v.number].filter(Boolean).join(' '),
      children,
      paper: v.paper,
      header: v.watermark ? watermark(v.watermark) : undefined,
      // In the footer the QR is at the foot of every page, and takes no room from the body.
      footer: v.verification ? [verificationBox(v.verification, width)] : undefined,
      pageNumbers: true,
    }),
  );
}

/** Place and date on the right, Nomor / Sifat / Lampiran / Hal, then "Yth." and the addressee. */
function suratHead(v: LetterView, width: number): (Paragraph | Table)[] {
  return [
    para(v.placeDate, { alignment: AlignmentType.RIGHT, spacing: { after: 120 } }),
    labelValueTable(v.meta, { width, labelWidth: cm(LETTER_CM.metaLabel), size: SIZE.body, spacingAfter: 0 }),
    spacer(360),
    ...addressee(v.addressee),
    spacer(360),
  ];
}

/**
 * "Yth. Sdr. Siti Aminah", then the other lines under the name and the place under "di"
 * a little further in. Leading spaces in the view are dropped so the indents line up.
 */
function addressee(lines: string[]): Paragraph[] {
  let afterDi = false;
  return lines.map((raw, i) => {
    const line = raw.trim();
    const left = YTH + (afterDi ? cm(0.6) : 0);
    if (line.toLowerCase() === 'di') afterDi = true;
    if (i > 0) return para(line, { indent: { left } });
    return para(`Yth.\t${line}`, { indent: { left: YTH, hanging: YTH }, tabStops: [{ type: TabStopType.LEFT, position: YTH }] });
  });
}

function naskahHead(v: LetterView): Paragraph[] {
  return [
    para(v.title, { alignment: AlignmentType.CENTER, run: { bold: true, underline: {}, size: SIZE.title } }),
    para(`Nomor: ${v.number}`, { alignment: AlignmentType.CENTER, spacing: { after: 360 } }),
  ];
}

function block(b: LetterBlock, width: number, last = false): (Paragraph | Table)[] {
  switch (b.type) {
    case 'paragraph':
      return [para(b.text, { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: INDENT }, spacing: BODY_SPACING, keepNext: last })];
    case 'heading':
      return [para(b.text, { run: { bold: true }, keepNext: true, spacing: { before: 120, after: 60 } })];
    case 'rows':
      return [
        labelValueTable(b.rows, { width: width - INDENT, indent: INDENT, labelWidth: ROW_LABEL, size: SIZE.body, spacingAfter: 40 }),
        spacer(120),
      ];
    case 'list':
      // The number hangs at the paragraph indent; wrapped lines stay under the text.
      return b.items.map((item, i) =>
        para(`${i + 1}.\t${item}`, {
          alignment: AlignmentType.JUSTIFIED,
          indent: { left: INDENT + cm(0.7), hanging: cm(0.7) },
          tabStops: [{ type: TabStopType.LEFT, position: INDENT + cm(0.7) }],
          spacing: { after: i === b.items.length - 1 ? BODY_SPACING.after : 40, line: BODY_SPACING.line },
          keepNext: last && i === b.items.length - 1,
        }),
      );
  }
}

/**
 * One signature on the right half, or two side by side (reporter left, Camat right). A
 * record ('naskah') dates itself above the right-hand signature; a letter did so at the top.
 */
function signatures(v: LetterView, width: number): Table {
  // Both columns get the same space so the names line up.
  const space = Math.max(...v.signatures.map((s) => (s.stamp ? STAMP_SPACE : SIGN_SPACE)));
  const last = v.signatures.length - 1;
  const blocks = v.signatures.map((s, i) =>
    signatureLines(s, space, v.layout === 'naskah' && i === last && v.placeDate ? [v.placeDate, ...s.caption] : s.caption),
  );
  if (blocks.length === 2) return signatureColumns(blocks, width);
  const column = Math.round(width * 0.55);
  return borderlessTable([[blankLine(), signatureBlock(blocks[0]!)]], [width - column, column]);
}

function signatureLines(s: SignatureView, spaceHeight: number, caption: string[]): SignatureLines {
  const specimen = imageRun(s.image, { heightCm: SPECIMEN_CM, maxAspect: 3, name: 'Tanda tangan', description: `Tanda tangan ${s.name}` });
  return { caption, name: s.name, after: s.after, emphasiseName: s.official, spaceHeight, specimen: specimen?.run };
}

/**
 * The signatures, and the tembusan under them in one row that does not split: the copies'
 * list never stands alone on a page of its own (Word and LibreOffice both keep such a row
 * whole, where neither keeps a table with the paragraph after it alike).
 */
function signedOff(v: LetterView, width: number): (Paragraph | Table)[] {
  if (v.tembusan.length === 0) return [signatures(v, width)];
  return [borderlessTable([[[signatures(v, width), ...tembusan(v.tembusan)]]], [width], { cellPadding: { left: 0, right: 0 } })];
}

function tembusan(items: string[]): Paragraph[] {
  const size = SIZE.table;
  return [
    para('Tembusan:', { run: { size }, keepNext: true, spacing: { before: 360 } }),
    ...items.map((item, i) =>
      para(`${i + 1}.\t${item}`, {
        run: { size },
        keepNext: i < items.length - 1,
        indent: { left: cm(0.6), hanging: cm(0.6) },
        tabStops: [{ type: TabStopType.LEFT, position: cm(0.6) }],
      }),
    ),
  ];
}

/** The QR beside the sentence and the code, in a thin frame, so anyone can check the paper. */
function verificationBox(ver: VerificationView, width: number): Table {
  const qr = imageRun(ver.qr, { heightCm: QR_CM, maxAspect: 1, name: 'Kode QR', description: `Kode QR verifikasi ${ver.code}` });
  const qrWidth = cm(QR_CM + 0.4);
  const padding = { top: cm(0.1), bottom: cm(0.1), left: cm(0.2), right: cm(0.2) };
  // One frame round both cells: no line between the QR and its text.
  const cell = (w: number, side: 'left' | 'right', children: Paragraph[]) =>
    new TableCell({
      width: { size: w, type: WidthType.DXA },
      borders: { ...BOX_BORDERS, [side === 'left' ? 'right' : 'left']: NO_BORDERS.left },
      margins: padding,
      verticalAlign: VerticalAlignTable.CENTER,
      children,
    });
  const small = SIZE.note;
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [qrWidth, width - qrWidth],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          cell(qrWidth, 'left', [new Paragraph({ children: qr ? [qr.run] : [] })]),
          cell(width - qrWidth, 'right', [
            para(ver.text, { run: { size: small }, spacing: { after: 60 } }),
            para([{ text: 'Kode periksa: ' }, { text: ver.code, bold: true }], { run: { size: small } }),
          ]),
        ],
      }),
    ],
  });
}

/**
 * A draft says so on every page: a large grey line in the header, which every viewer
 * shows, and the word across the page behind the text as Word draws its own watermark.
 */
function watermark(text: string): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new TextWatermark({ text, font: FONT, bold: true, color: 'C8C8C8', opacity: 0.5 }),
        new TextRun({ text: `${text} — belum ditandatangani`, font: FONT, bold: true, size: 32, color: '8C8C8C' }),
      ],
    }),
  ];
}
