import { AlignmentType, type Paragraph, type Table } from 'docx';
import { attachmentsLine, type ReceiptView } from '../../../shared/documents/receipt';
import { SIZE, boxed, cm, contentWidth, kopSurat, labelValueTable, letterDocument, para, signatureColumns, spacer, toBuffer } from './docx-kit';

// The tanda terima as DOCX, from the view receipt.ts builds.

const CHECKED = '☑';
const UNCHECKED = '☐';

export async function receiptDocx(v: ReceiptView): Promise<Buffer> {
  const width = contentWidth('A4');
  const small = SIZE.table;
  const heading = (text: string) => para(text, { run: { bold: true, size: small }, spacing: { before: 80 } });
  const item = (text: string) =>
    para(text, { run: { size: small }, indent: { left: cm(0.6), hanging: cm(0.6) } });

  const kelengkapan = v.kelengkapan.length
    ? v.kelengkapan.map((k) => item(`${k.checked ? CHECKED : UNCHECKED}\t${k.item}`))
    : [item('-')];

  const children: (Paragraph | Table)[] = [
    ...kopSurat(v.kop, width),
    para(v.title, { alignment: AlignmentType.CENTER, run: { bold: true, underline: {}, size: SIZE.title } }),
    para(`Nomor: ${v.registerNo}`, { alignment: AlignmentType.CENTER, spacing: { after: 160 } }),
    labelValueTable(v.rows, { width, labelWidth: cm(4.6), spacingAfter: 0 }),
    heading('Uraian singkat:'),
    para(v.description || '-', { alignment: AlignmentType.JUSTIFIED, run: { size: small } }),
    heading('Kelengkapan berkas:'),
    ...kelengkapan,
    // The files in one paragraph across the page: a camera's long names take no more lines
    // than they need, so the receipt stays on one sheet.
    para([{ text: 'Lampiran: ', bold: true }, { text: attachmentsLine(v.attachments) }], { run: { size: small }, spacing: { before: 80 } }),
    spacer(160),
    boxed([para(v.notice, { alignment: AlignmentType.LEFT, run: { italics: true, size: SIZE.note } })], width),
    spacer(200),
    // The officer on the right; the reporter on the left where he signs at the counter.
    signatureColumns(
      [
        v.reporterSigner ? { caption: [v.reporterSigner.caption], name: v.reporterSigner.name, space: 3 } : { caption: [], name: '', emphasiseName: false, space: 3 },
        { caption: [v.placeDate, v.signer.caption], name: v.signer.name, after: [v.signer.nip], space: 3 },
      ],
      width,
      { size: small },
    ),
  ];
  return toBuffer(letterDocument({ title: `${v.title} ${v.registerNo}`, children }));
}
