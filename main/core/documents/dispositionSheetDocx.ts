import { AlignmentType, type IRunOptions, type Paragraph, type Table, TabStopType } from 'docx';
import { DISPOSITION_LABEL_MM, DISPOSITION_NOTE_BOX, recipientsPt, sheetTitle, type DispositionSheetView } from '../../../shared/documents/dispositionSheet';
import { DISPOSITION_MARGINS_MM } from '../../../shared/documents/kinds';
import {
  KOP_COMPACT,
  checkBox,
  cm,
  contentWidth,
  gridTable,
  kopSurat,
  letterDocument,
  para,
  toBuffer,
  marginsOf,
} from './docx-kit';

// The lembar disposisi on half a folio sheet, ruled like the printed form offices keep in
// a pad: a blank sheet (no values, no ticks) still prints every line and box. The note
// arrives cut to its box (DISPOSITION_NOTE_BOX), so its row keeps its height and the
// sheet its one page.

const MARGINS = marginsOf(DISPOSITION_MARGINS_MM);
/** Half-points: 10 pt, small enough for the whole form on one half-folio page. */
const TEXT = 20;
/** What a blank sheet prints where the name and date are written by hand. */
const DOTS = '……………………………';

export async function dispositionSheetDocx(v: DispositionSheetView, stamp: string | null = null): Promise<Buffer> {
  const width = contentWidth('HALF_F4', MARGINS);
  const label = cm(DISPOSITION_LABEL_MM / 10);
  const value = Math.floor((width - 2 * label) / 2);
  const grid = [label, value, label, width - 2 * label - value];

  const text = (s: string, bold = false) => para(s, { run: { size: TEXT, bold } });
  const field = (name: string, val: string) => [{ children: text(name) }, { children: text(val) }];
  // Ticked or not, each box on its own line with the label clear of the box.
  const checklist = (items: DispositionSheetView['recipients'], size = TEXT) =>
    items.map((b) => para(`${checkBox(b.checked)}\t${b.label}`, { run: { size }, indent: { left: cm(0.55), hanging: cm(0.55) } }));

  const rows = [
    { cells: [...field('Surat dari', v.suratDari), ...field('Diterima tanggal', v.diterimaTanggal)], height: cm(0.75) },
    { cells: [...field('Nomor surat', v.nomorSurat), ...field('Nomor agenda', v.nomorAgenda)], height: cm(0.75) },
    {
      cells: [...field('Tanggal surat', v.tanggalSurat), { children: text('Sifat') }, { children: sifatBoxes(v.sifat, grid[3]!) }],
      height: cm(0.75),
    },
    { cells: [{ children: text('Perihal') }, { children: text(v.perihal), span: 3 }], height: cm(1.1) },
    {
      cells: [
        { children: [text('Diteruskan kepada:', true), ...checklist(v.recipients, recipientsPt(v.recipients.length) * 2)], span: 2 },
        { children: [text('Dengan hormat harap:', true), ...checklist(v.instructions)], span: 2 },
      ],
      height: cm(3),
    },
    {
      cells: [
        { children: [text('Catatan:', true), text(v.catatan)], span: 3 },
        { children: disposer(v) },
      ],
      height: cm(DISPOSITION_NOTE_BOX.heightMm / 10),
    },
  ];

  const children: (Paragraph | Table)[] = [
    ...kopSurat(v.kop, width, KOP_COMPACT),
    para(sheetTitle(stamp), { alignment: AlignmentType.CENTER, spacing: { after: 100 }, run: { bold: true, size: 24 } }),
    gridTable(rows, grid, { padding: cm(0.15) }),
  ];
  return toBuffer(letterDocument({ title: ['Lembar Disposisi', v.nomorAgenda].filter(Boolean).join(' '), children, paper: 'HALF_F4', margins: MARGINS }));
}

/** The sifat boxes two to a line, so four fit the value cell in two lines. */
function sifatBoxes(boxes: DispositionSheetView['sifat'], cellWidth: number): Paragraph[] {
  const half = Math.floor((cellWidth - cm(0.3)) / 2);
  const lines: Paragraph[] = [];
  for (let i = 0; i < boxes.length; i += 2) {
    const pair = boxes.slice(i, i + 2).map((b) => `${checkBox(b.checked)} ${b.label}`);
    lines.push(para(pair.join('\t'), { run: { size: TEXT }, tabStops: [{ type: TabStopType.LEFT, position: half }] }));
  }
  return lines;
}

/** Caption, room for the paraf, the name and the date; dotted where a blank sheet is filled by hand. */
function disposer(v: DispositionSheetView): Paragraph[] {
  const centre = (s: string, run: IRunOptions = {}) =>
    para(s, { alignment: AlignmentType.CENTER, run: { size: TEXT, ...run } });
  return [
    ...v.disposerCaption.map((line) => centre(line)),
    para('', { spacing: { before: cm(1.4) }, run: { size: TEXT } }),
    v.disposerName ? centre(v.disposerName, { bold: true, underline: {} }) : centre(`(${DOTS})`),
    centre(`Tanggal: ${v.date || DOTS}`),
  ];
}
