import { AlignmentType, type Paragraph, type Table } from 'docx';
import type { ReceiptView } from '../../../shared/documents/receipt';
import { SIZE, borderlessTable, boxed, cm, contentWidth, kopSurat, labelValueTable, letterDocument, para, signatureColumns, spacer, toBuffer } from './docx-kit';

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
  const lampiran = v.attachments.length ? v.attachments.map((a, i) => item(`${i + 1}.\t${a}`)) : [item('-')];
  const checklistWidth = Math.round(width * 0.6);

  const children: (Paragraph | Table)[] = [
    ...kopSurat(v.kop, width),
    para(v.title, { alignment: AlignmentType.CENTER, run: { bold: true, underline: {}, size: SIZE.title } }),
    para(`Nomor: ${v.registerNo}`, { alignment: AlignmentType.CENTER, spacing: { after: 160 } }),
    labelValueTable(v.rows, { width, labelWidth: cm(4.6), spacingAfter: 0 }),
    heading('Uraian singkat:'),
    para(v.description || '-', { alignment: AlignmentType.JUSTIFIED, run: { size: small } }),
    // Checklist and attachments side by side: the receipt must stay on one sheet.
    borderlessTable(
      [[[heading('Kelengkapan berkas:'), ...kelengkapan], [heading('Lampiran:'), ...lampiran]]],
      [checklistWidth, width - checklistWidth],
      { cellPadding: { left: 0, right: cm(0.3) } },
    ),
    spacer(160),
    boxed([para(v.notice, { alignment: AlignmentType.LEFT, run: { italics: true, size: SIZE.note } })], width),
    spacer(200),
    signatureColumns(
      [
        { caption: [v.reporterSigner.caption], name: v.reporterSigner.name, space: 3 },
        { caption: [v.placeDate, v.signer.caption], name: v.signer.name, after: [v.signer.nip], space: 3 },
      ],
      width,
      { size: small },
    ),
  ];
  return toBuffer(letterDocument({ title: `${v.title} ${v.registerNo}`, children }));
}
