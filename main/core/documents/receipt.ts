import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { CATEGORY_LABEL, CHANNEL_LABEL, COMPLAINT_KIND_LABEL } from '../../../shared/domain';
import type { ReceiptView } from '../../../shared/documents/receipt';
import type { ComplaintDetail } from '../../../shared/schemas/complaint';
import type { OfficeProfile } from '../../../shared/schemas/office';
import type { User } from '../../../shared/schemas/user';
import { formatTanggal, formatTanggalWaktu } from '../../../shared/time/format';
import { FONT, kopSurat, labelValueTable, pageProps, para, signatureColumns } from './docx-kit';

// The tanda terima handed to the reporter at intake: the same ReceiptView feeds
// this DOCX and the print view in the app.

export function buildReceiptView(input: {
  complaint: ComplaintDetail;
  office: OfficeProfile;
  officer: User;
  checklist: string[];
  standardTotal: string;
}): ReceiptView {
  const { complaint: c, office, officer, checklist, standardTotal } = input;
  const tz = office.timeZone;
  const kind = COMPLAINT_KIND_LABEL[c.kind];
  const anonymous = c.reporter.anonymous;
  const contact = [
    office.phone && `Telepon ${office.phone}`,
    office.email && `Email ${office.email}`,
    office.website && `Laman ${office.website}`,
  ].filter(Boolean);
  const place = office.level === 'kecamatan' ? office.name.replace(/^Kecamatan\s+/i, '') : office.region;
  return {
    kop: {
      lines: office.kopLines,
      address: [office.address, office.postalCode].filter(Boolean).join(' '),
      contact: contact.join(' · '),
      logo: office.logo,
    },
    title: `TANDA TERIMA ${kind.toUpperCase()}`,
    registerNo: c.registerNo,
    rows: [
      { label: 'Nomor register', value: c.registerNo },
      { label: 'Tanggal diterima', value: formatTanggalWaktu(c.receivedAt, tz) },
      { label: 'Jenis', value: kind },
      { label: 'Kanal', value: CHANNEL_LABEL[c.channel] + (c.laporTrackingId ? ` (ID ${c.laporTrackingId})` : '') },
      { label: 'Kategori', value: CATEGORY_LABEL[c.category] },
      { label: 'Nama pelapor', value: anonymous ? 'Anonim (identitas dirahasiakan)' : c.reporter.name },
      ...(anonymous ? [] : [{ label: 'Alamat', value: c.reporter.address }, { label: 'Telepon/WA', value: c.reporter.phone }]),
      { label: 'Perihal', value: c.subject },
    ],
    description: c.description,
    kelengkapan: checklist.map((item) => ({ item, checked: c.kelengkapan.includes(item) })),
    attachments: c.attachments.map((a) => a.fileName),
    notice:
      `Simpan tanda terima ini. Sebutkan nomor register ${c.registerNo} bila menanyakan perkembangan ${kind.toLowerCase()}. ` +
      `Sesuai Standar Pelayanan, ${kind.toLowerCase()} diselesaikan paling lambat ${standardTotal}` +
      (anonymous ? '.' : ' dan tanggapan disampaikan kepada Saudara.'),
    placeDate: `${place}, ${formatTanggal(c.receivedAt, tz)}`,
    signer: { caption: 'Petugas Penerima,', name: officer.name, nip: officer.nip ? `NIP ${officer.nip}` : '' },
    reporterSigner: { caption: 'Pelapor,', name: anonymous ? 'Anonim' : c.reporter.name },
  };
}

export async function receiptDocx(v: ReceiptView): Promise<Buffer> {
  const doc = new Document({
    creator: 'Tanggap',
    title: `${v.title} ${v.registerNo}`,
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    sections: [
      {
        properties: pageProps('A4'),
        children: [
          ...kopSurat(v.kop),
          para(v.title, { bold: true, underline: true, size: 13, align: AlignmentType.CENTER }),
          para(`Nomor: ${v.registerNo}`, { align: AlignmentType.CENTER, after: 240 }),
          labelValueTable(v.rows),
          para('Uraian singkat:', { bold: true, before: 200, size: 11 }),
          para(v.description, { size: 11, after: 120, align: AlignmentType.JUSTIFIED }),
          para('Kelengkapan berkas:', { bold: true, size: 11 }),
          ...(v.kelengkapan.length
            ? v.kelengkapan.map((k) => para(`${k.checked ? '☑' : '☐'}  ${k.item}`, { size: 11, indent: 284 }))
            : [para('-', { size: 11, indent: 284 })]),
          para('Lampiran:', { bold: true, size: 11, before: 120 }),
          ...(v.attachments.length
            ? v.attachments.map((a, i) => para(`${i + 1}. ${a}`, { size: 11, indent: 284 }))
            : [para('-', { size: 11, indent: 284 })]),
          new Paragraph({
              children: [new TextRun({ text: v.notice, font: FONT, size: 20, italics: true })],
              border: {
                top: { style: 'single', size: 4, color: '000000', space: 4 },
                bottom: { style: 'single', size: 4, color: '000000', space: 4 },
                left: { style: 'single', size: 4, color: '000000', space: 4 },
                right: { style: 'single', size: 4, color: '000000', space: 4 },
              },
              spacing: { before: 240, after: 240 },
              alignment: AlignmentType.JUSTIFIED,
            }),
          signatureColumns(
            { caption: ['', v.reporterSigner.caption], name: v.reporterSigner.name, below: [] },
            { caption: [v.placeDate, v.signer.caption], name: v.signer.name, below: [v.signer.nip] },
          ),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
