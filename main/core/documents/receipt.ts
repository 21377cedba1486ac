import { ATTACHMENT_TYPES, CATEGORY_LABEL, CHANNEL_LABEL, COMPLAINT_KIND_LABEL, kindNoun } from '../../../shared/domain';
import { capitalise } from '../../../shared/text/words';
import type { ReceiptView } from '../../../shared/documents/receipt';
import type { ComplaintDetail } from '../../../shared/schemas/complaint';
import type { OfficeProfile } from '../../../shared/schemas/office';
import type { User } from '../../../shared/schemas/user';
import type { ClockStart } from '../../../shared/standards/schema';
import { formatHariTanggal, formatJam, formatTanggal, formatTanggalWaktu } from '../../../shared/time/format';

// The tanda terima handed to the reporter at intake. The same ReceiptView feeds its DOCX
// (receiptDocx.ts) and the print view in the app, so paper and screen say the same thing.
// No docx here: the view and these lines are needed on every intake, the DOCX library
// only when a file is rendered (registry.ts loads it then).

export const ANONYMOUS = 'Anonim';
const MASKED = '(disamarkan)';
/** A receipt proves receipt; the full uraian stays in the register. Keeps the page to one sheet. */
export const DESCRIPTION_MAX = 1000;

export interface ReceiptInput {
  complaint: ComplaintDetail;
  office: OfficeProfile;
  officer: User;
  checklist: string[];
  /** The standard's total time; a generic sentence when absent. */
  deadline?: ReceiptDeadline;
}

export interface ReceiptDeadline {
  /** e.g. "3 hari kerja". */
  total: string;
  start: ClockStart;
  /** The instant to print (already as displayDue shows it); null while the clock has not started. */
  due: string | null;
}

export function buildReceiptView({ complaint: c, office, officer, checklist, deadline }: ReceiptInput): ReceiptView {
  const tz = office.timeZone;
  const label = COMPLAINT_KIND_LABEL[c.kind];
  const kind = kindNoun(c.kind);
  const anonymous = c.reporter.anonymous;
  // Never trust the detail to be masked already: a receipt printed by someone who may not
  // see the identity says so instead of showing it.
  const personal = (v: string) => (c.personalDataMasked ? MASKED : v.trim() || '-');
  return {
    kop: kopOf(office),
    title: `TANDA TERIMA ${label.toUpperCase()}`,
    registerNo: c.registerNo,
    rows: [
      { label: 'Nomor register', value: c.registerNo },
      { label: 'Tanggal diterima', value: formatTanggalWaktu(c.receivedAt, tz) },
      { label: 'Kanal', value: CHANNEL_LABEL[c.channel] },
      // A letter is acknowledged by its own number and date, as the agenda book records it.
      ...(c.channel === 'surat'
        ? [
            { label: 'Nomor surat', value: c.letterNo.trim() || '-' },
            { label: 'Tanggal surat', value: c.letterDate ? formatTanggal(c.letterDate, tz) : '-' },
          ]
        : []),
      ...(c.laporTrackingId ? [{ label: 'Nomor tracking LAPOR!', value: c.laporTrackingId }] : []),
      { label: 'Jenis', value: label },
      { label: 'Kategori', value: CATEGORY_LABEL[c.category] },
      { label: 'Nama pelapor', value: anonymous ? ANONYMOUS : c.reporter.name },
      ...(anonymous
        ? []
        : [
            { label: 'Alamat', value: personal(c.reporter.address) },
            { label: 'Nomor telepon', value: personal(c.reporter.phone) },
          ]),
      { label: 'Perihal', value: c.subject },
      ...(deadline ? [{ label: 'Batas penyelesaian', value: deadlineText(deadline, kind, tz) }] : []),
    ],
    description: shorten(c.description, DESCRIPTION_MAX),
    kelengkapan: checklist.map((item) => ({ item, checked: c.kelengkapan.includes(item) })),
    // File names are often the reporter's own ("ktp-siti.pdf"); an anonymous receipt lists only the kind.
    attachments: c.attachments.map((a, i) => (anonymous ? `Berkas ${i + 1} (${ATTACHMENT_TYPES[a.mime] ?? 'berkas'})` : a.fileName)),
    notice: noticeText(kind, c.registerNo, anonymous, deadline),
    placeDate: `${placeName(office)}, ${formatTanggal(c.receivedAt, tz)}`,
    signer: { caption: 'Petugas Penerima,', name: officer.name, nip: nipLine(officer.nip) },
    reporterSigner: { caption: 'Pelapor,', name: anonymous ? ANONYMOUS : c.reporter.name },
  };
}

export function kopOf(office: OfficeProfile): ReceiptView['kop'] {
  const contact = [
    office.phone && `Telepon ${office.phone}`,
    office.email && `Email ${office.email}`,
    office.website && `Laman ${office.website}`,
  ].filter((s) => s !== '');
  return {
    lines: office.kopLines,
    address: office.postalCode ? `${office.address}, Kode Pos ${office.postalCode}` : office.address,
    contact: contact.join(' · '),
    logo: office.logo,
  };
}

/** Where letters are dated: the kecamatan's own name ("Kejayan"), else the kabupaten/kota. */
export function placeName(office: OfficeProfile): string {
  if (office.level === 'kecamatan') {
    const name = office.name.replace(/^(kantor\s+)?(kecamatan|kec\.)\s+/i, '').trim();
    if (name !== '') return name;
  }
  return office.region;
}

/** NIP as Tata Naskah Dinas prints it: "NIP 19710405 199303 1 006"; '' when none. */
export function nipLine(nip: string): string {
  const d = nip.replace(/\D/g, '');
  if (d === '') return '';
  if (d.length !== 18) return `NIP ${d}`;
  return `NIP ${d.slice(0, 8)} ${d.slice(8, 14)} ${d.slice(14, 15)} ${d.slice(15)}`;
}

// Worded by the standard's own start rule: "Rabu, 2 Desember 2026 pukul 16.00 WIB (3 hari
// sejak pengaduan diterima)"; only the span while a file-complete clock has not started.
function deadlineText(d: ReceiptDeadline, kind: string, tz: OfficeProfile['timeZone']): string {
  const rule = `${d.total.trim()} ${d.start === 'berkas_lengkap' ? 'sejak berkas lengkap' : `sejak ${kind} diterima`}`;
  return d.due ? `${formatHariTanggal(d.due, tz)} pukul ${formatJam(d.due, tz)} (${rule})` : rule;
}

function noticeText(kind: string, registerNo: string, anonymous: boolean, deadline?: ReceiptDeadline): string {
  const time = deadline
    ? 'paling lambat pada batas penyelesaian di atas sesuai Standar Pelayanan'
    : 'sesuai jangka waktu dalam Standar Pelayanan';
  const answer = anonymous
    ? 'Karena disampaikan tanpa identitas, tanggapan tidak dikirimkan; perkembangannya dapat ditanyakan dengan nomor register.'
    : 'Tanggapan disampaikan melalui alamat atau nomor kontak yang Saudara berikan.';
  return (
    `Simpan tanda terima ini dan sebutkan nomor register ${registerNo} ` +
    `setiap menanyakan perkembangan ${kind} Saudara. ${capitalise(kind)} ditangani ${time}, tanpa dipungut biaya. ${answer}`
  );
}


function shorten(text: string, max: number): string {
  const t = text.trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.8 ? cut.slice(0, space) : cut).trimEnd()} … (selengkapnya tercatat dalam register pengaduan)`;
}
