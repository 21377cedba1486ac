import { ATTACHMENT_TYPES, CATEGORY_LABEL, CHANNEL_LABEL, COMPLAINT_KIND_LABEL, kindNoun } from '../../../shared/domain';
import { nipLine } from '../../../shared/text/numbers';
import { capitalise } from '../../../shared/text/words';
import { attachmentsLine, type ReceiptView } from '../../../shared/documents/receipt';
import { kopOf } from '../../../shared/documents/common';
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
  /** Where a reporter completes missing kelengkapan (the documents' settings). */
  kelengkapanPlace: string;
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

export function buildReceiptView({ complaint: c, office, officer, checklist, kelengkapanPlace, deadline }: ReceiptInput): ReceiptView {
  const tz = office.timeZone;
  const label = COMPLAINT_KIND_LABEL[c.kind];
  const kind = kindNoun(c.kind);
  const anonymous = c.reporter.anonymous;
  // Never trust the detail to be masked already: a receipt printed by someone who may not
  // see the identity says so instead of showing it.
  const personal = (v: string) => (c.personalDataMasked ? MASKED : v.trim() || '-');
  const kelengkapan = checklist.map((item) => ({ item, checked: c.kelengkapan.includes(item) }));
  const missing = kelengkapan.some((k) => !k.checked) ? kelengkapanPlace : null;
  const view: ReceiptView = {
    kop: kopOf(office),
    title: `TANDA TERIMA ${label.toUpperCase()}`,
    registerNo: c.registerNo,
    // The number stands under the title ("Nomor: …") and in the notice that asks to quote it.
    rows: [
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
            // The promise in writing: the reporter asked to stay unnamed outside the office.
            ...(c.reporter.confidential ? [{ label: 'Identitas pelapor', value: 'Dirahasiakan atas permintaan pelapor' }] : []),
          ]),
      { label: 'Perihal', value: c.subject },
      ...(deadline ? [{ label: 'Batas penyelesaian', value: deadlineText(deadline, kind, tz) }] : []),
    ],
    description: '',
    kelengkapan,
    // File names are often the reporter's own ("ktp-siti.pdf"); an anonymous receipt lists only the kind.
    attachments: c.attachments.map((a, i) => (anonymous ? `Berkas ${i + 1} (${ATTACHMENT_TYPES[a.mime] ?? 'berkas'})` : shortName(a.fileName))),
    notice: noticeText(kind, c.registerNo, anonymous, missing, deadline),
    placeDate: `${placeName(office)}, ${formatTanggal(c.receivedAt, tz)}`,
    signer: { caption: 'Petugas Penerima,', name: officer.name, nip: nipLine(officer.nip) },
    // Only a reporter at the counter can sign; one who phoned, wrote or left no name cannot.
    reporterSigner: c.channel === 'langsung' && !anonymous ? { caption: 'Pelapor,', name: c.reporter.name } : null,
  };
  return { ...view, description: shorten(c.description, descriptionRoom(view)) };
}

// The receipt is one sheet of A4 (the letter margins, 11 pt text). What the sheet holds is
// counted in lines across the page: everything but the uraian first, by its length in
// characters over what a line holds where it stands; the uraian gets the lines left, at
// most DESCRIPTION_MAX characters. (Measured on the DOCX as LibreOffice lays it out,
// with a margin for Word's wider wrapping.)
const SHEET_LINES = 55;
const LINE = 80; // characters across the page
const VALUE = 46; // in a row's value, right of its label
const SIGNATURE = 30; // in a signature's half of the page, bold
const NOTICE = 92; // in the boxed notice, 9.5 pt
// The title, the number, the headings, the gaps, the notice's box and the signatures'
// captions and space.
const FIXED_LINES = 17;
const DESCRIPTION_MIN = 80;
const linesOf = (text: string, perLine: number) => Math.max(1, Math.ceil(text.length / perLine));
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** How many characters of the uraian the receipt has room for on its one sheet. */
export function descriptionRoom(v: ReceiptView): number {
  const kop = v.kop.lines.length + 1 + (v.kop.contact ? 1 : 0);
  const used =
    FIXED_LINES +
    kop +
    sum(v.rows.map((r) => linesOf(r.value, VALUE))) +
    sum((v.kelengkapan.length ? v.kelengkapan.map((k) => k.item) : ['-']).map((item) => linesOf(item, LINE - 4))) +
    linesOf(`Lampiran: ${attachmentsLine(v.attachments)}`, LINE) +
    linesOf(v.notice, NOTICE) +
    Math.max(v.reporterSigner ? linesOf(v.reporterSigner.name, SIGNATURE) : 0, linesOf(v.signer.name, SIGNATURE));
  return Math.min(DESCRIPTION_MAX, Math.max(DESCRIPTION_MIN, (SHEET_LINES - used) * LINE));
}

/** Where letters are dated: the kecamatan's own name ("Kejayan"), else the kabupaten/kota. */
export function placeName(office: OfficeProfile): string {
  if (office.level === 'kecamatan') {
    const name = office.name.replace(/^(kantor\s+)?(kecamatan|kec\.)\s+/i, '').trim();
    if (name !== '') return name;
  }
  return office.region;
}

// Worded by the standard's own start rule: "Rabu, 2 Desember 2026 pukul 16.00 WIB (3 hari
// sejak pengaduan diterima)"; only the span while a file-complete clock has not started.
function deadlineText(d: ReceiptDeadline, kind: string, tz: OfficeProfile['timeZone']): string {
  const rule = `${d.total.trim()} ${d.start === 'berkas_lengkap' ? 'sejak berkas lengkap' : `sejak ${kind} diterima`}`;
  return d.due ? `${formatHariTanggal(d.due, tz)} pukul ${formatJam(d.due, tz)} (${rule})` : rule;
}

// `completeAt`: where to complete the kelengkapan left unticked, when some is.
function noticeText(kind: string, registerNo: string, anonymous: boolean, completeAt: string | null, deadline?: ReceiptDeadline): string {
  const time = deadline
    ? 'paling lambat pada batas penyelesaian di atas sesuai Standar Pelayanan'
    : 'sesuai jangka waktu dalam Standar Pelayanan';
  const answer = anonymous
    ? 'Karena disampaikan tanpa identitas, tanggapan tidak dikirimkan; perkembangannya dapat ditanyakan dengan nomor register.'
    : 'Tanggapan disampaikan melalui alamat atau nomor kontak yang Saudara berikan.';
  const complete = completeAt ? ` Kelengkapan yang kotaknya masih kosong mohon dilengkapi di ${completeAt}.` : '';
  return (
    `Simpan tanda terima ini dan sebutkan nomor register ${registerNo} ` +
    `setiap menanyakan perkembangan ${kind} Saudara.${complete} ${capitalise(kind)} ditangani ${time}, tanpa dipungut biaya. ${answer}`
  );
}


const MORE = ' … (selengkapnya tercatat dalam register pengaduan)';
// At most `max` characters, the note that says so included.
function shorten(text: string, max: number): string {
  const t = text.trim();
  if (t.length <= max) return t;
  const keep = Math.max(0, max - MORE.length);
  const cut = t.slice(0, keep);
  const space = cut.lastIndexOf(' ');
  return `${(space > keep * 0.8 ? cut.slice(0, space) : cut).trimEnd()}${MORE}`;
}

// A file's name as the receipt lists it, its type kept: "Foto kondisi jalan rusak…pagi.jpg".
const NAME_MAX = 40;
function shortName(name: string): string {
  if (name.length <= NAME_MAX) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 6 ? name.slice(dot) : '';
  return `${name.slice(0, NAME_MAX - ext.length - 5).trimEnd()}…${name.slice(name.length - ext.length - 4)}`;
}
