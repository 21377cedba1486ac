import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
} from 'docx';
import { CONTROL_CARD, controlCardNote, type ControlCardView } from '../../../shared/documents/controlCard';
import { NO_BORDERS, PAPER, cm, gridTable, letterDocument, para, toBuffer, type GridRow, type Margins } from './docx-kit';

// The kartu kendali: up to three copies of a 15 cm wide card stacked on one portrait sheet,
// each framed by a dashed cut line. Every row has a fixed height; the builder has already
// cut each value to what its box holds (shared/documents/controlCard.ts), with "…", so
// nothing is clipped unseen, and the fixed heights keep a card, and the sheet, to its size.

const CARD_WIDTH = cm(CONTROL_CARD.widthMm / 10);
/** A4 (29.7 cm) cannot hold three 10 cm cards with any margin; F4 (33 cm) can. */
const CARD_HEIGHT = { A4: cm(CONTROL_CARD.heightMm.A4 / 10), F4: cm(CONTROL_CARD.heightMm.F4 / 10) } as const;
/** The column left of the cards that carries the scissors. */
const SCISSORS = cm(0.6);
const PADDING = cm(CONTROL_CARD.paddingMm / 10);
/** Half-points. */
const VALUE = CONTROL_CARD.valuePt * 2;
const LABEL = CONTROL_CARD.labelPt * 2;
const CUT: IBorderOptions = { style: BorderStyle.DASHED, size: 6, color: '555555' };

export async function controlCardDocx(v: ControlCardView): Promise<Buffer> {
  const paper = PAPER[v.paper];
  const height = CARD_HEIGHT[v.paper];
  const side = Math.floor((paper.width - CARD_WIDTH) / 2);
  // What is left of the sheet is split above and below, the bottom a little less: it also
  // holds the empty paragraph Word requires after the table.
  const spare = paper.height - 3 * height;
  const margins: Margins = { top: Math.floor(spare / 2), bottom: Math.floor(spare / 2) - cm(0.2), left: side - SCISSORS, right: side };

  const sheet = new Table({
    width: { size: SCISSORS + CARD_WIDTH, type: WidthType.DXA },
    columnWidths: [SCISSORS, CARD_WIDTH],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: v.copies.map(
      (copy) =>
        new TableRow({
          cantSplit: true,
          height: { value: height, rule: HeightRule.EXACT },
          children: [
            new TableCell({
              width: { size: SCISSORS, type: WidthType.DXA },
              borders: NO_BORDERS,
              verticalAlign: VerticalAlignTable.BOTTOM,
              children: [para('✂', { run: { size: 20, color: '555555' } })],
            }),
            new TableCell({
              width: { size: CARD_WIDTH, type: WidthType.DXA },
              borders: { top: CUT, bottom: CUT, left: CUT, right: CUT },
              margins: { top: PADDING, bottom: PADDING, left: PADDING, right: PADDING },
              children: card(v, copy, height - 2 * PADDING),
            }),
          ],
        }),
    ),
  });
  // Exactly 1 pt tall: an empty paragraph of ordinary height would not fit and start a second page.
  const end = new Paragraph({ spacing: { line: 20, lineRule: LineRuleType.EXACT }, children: [new TextRun({ text: '', size: 2 })] });
  return toBuffer(letterDocument({ title: `Kartu Kendali ${v.nomorUrut}`.trim(), children: [sheet, end], paper: v.paper, margins }));
}

/** One card: the copy's label, the office, the title and the ruled fields. */
function card(v: ControlCardView, copy: string, inner: number): (Paragraph | Table)[] {
  const width = CARD_WIDTH - 2 * PADDING;
  // Six columns, so each row shares the width by what its values need: an indeks or a
  // seksi name is long, a code or a paraf short.
  const sixth = Math.floor(width / 6);
  const grid = [...Array<number>(5).fill(sixth), width - 5 * sixth];
  const field = (label: string, value: string, span: number) => ({
    span,
    children: [para(label, { run: { size: LABEL, color: '404040' } }), para(value, { run: { size: VALUE } })],
  });
  const row = (h: number, ...cells: ReturnType<typeof field>[]): GridRow => ({ cells, height: cm(h), exact: true });
  const head = cm(1.35);
  const rows: GridRow[] = [
    row(1.2, field('Indeks', v.indeks, 3), field('Kode', v.kode, 1), field('Nomor urut', v.nomorUrut, 2)),
    row(1.2, field('Isi ringkas', v.isiRingkas, 6)),
    row(0.75, field('Lampiran', v.lampiran, 6)),
    row(1.2, field('Dari', v.dari, 3), field('Kepada', v.kepada, 3)),
    row(0.75, field('Tanggal/Nomor surat', v.tanggalNomorSurat, 6)),
    row(1, field('Pengolah', v.pengolah, 3), field('Paraf', v.paraf, 1), field('Tanggal', v.tanggal, 2)),
  ];
  const used = rows.reduce((sum, r) => sum + (r.height ?? 0), 0);
  rows.push({ cells: [field('Catatan', controlCardNote(v, copy), 6)], height: inner - head - used - cm(0.15), exact: true });
  return [
    para(copy, { alignment: AlignmentType.RIGHT, run: { size: LABEL, italics: true } }),
    para(v.office, { alignment: AlignmentType.CENTER, run: { size: VALUE, bold: true } }),
    para('KARTU KENDALI', { alignment: AlignmentType.CENTER, spacing: { after: 80 }, run: { size: 24, bold: true } }),
    // 0.4 mm above and below, as the print view: a 7.5 mm row then holds its label and one
    // line of value whole (with 0.6 mm the value's descenders were cut off).
    gridTable(rows, grid, { padding: cm(CONTROL_CARD.cellPaddingMm / 10), paddingY: cm(CONTROL_CARD.cellPaddingYMm / 10) }),
  ];
}
