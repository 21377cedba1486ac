import { CATEGORY_LABEL, COMPLAINT_KIND_LABEL, kindNoun, roleLabel, type Category, type ComplaintKind, SIFAT, SIFAT_LABEL, type Sifat } from '../../../../shared/domain';
import { controlCardBox, type ControlCardView } from '../../../../shared/documents/controlCard';
import { DISPOSITION_FIELD_BOXES, DISPOSITION_NOTE_BOX, type DispositionSheetView } from '../../../../shared/documents/dispositionSheet';
import { CUT_MARK_FULL_TEXT, fitText } from '../../../../shared/documents/textFit';
import type { LetterView } from '../../../../shared/documents/letter';
import type { ReceiptView } from '../../../../shared/documents/receipt';
import type { ComplaintDetail } from '../../../../shared/schemas/complaint';
import { DELIVERY_CHANNEL_LABEL, HANDED_OVER, type DeliveryChannel } from '../../../../shared/schemas/documents';
import { INSTRUCTIONS, INSTRUCTION_LABEL, type Instruction } from '../../../../shared/schemas/workflow';
import { formatDuration, formatTanggal, formatTanggalWaktu } from '../../../../shared/time/format';
import { displayDue } from '../../../../shared/time/workingTime';
import { getComplaint } from '../../complaints/repo';
import type { SessionUser } from '../../context';
import type { Db } from '../../db/open';
import { rowToUser, type UserRow } from '../../users/rows';
import { officeCalendar } from '../../workflow/standard';
import { complaintFacts, docContext, type ComplaintFacts } from '../facts';
import { nipLine } from '../../../../shared/text/numbers';
import { buildReceiptView, placeName } from '../receipt';
import { classificationCode } from '../settings';
import { stmt } from '../../db/statements';
import { fromLine, incomingOf, incomingReference } from './incoming';

// The forms an office fills by hand today, built from what Tanggap already knows:
// tanda terima (at intake), kartu kendali (at intake, again after disposition), lembar
// disposisi (each disposition, or blank), tanda terima penyampaian (each delivery).

// Whoever issues the tanda terima sees the reporter in full: it is handed to the reporter.
const RECORDER: SessionUser = { id: 0, username: '', name: '', nip: '', jabatan: '', pangkat: '', role: 'staf', seksi: '', active: true };

export function receiptView(db: Db, complaintId: number, read?: ComplaintDetail, c: ComplaintFacts = complaintFacts(db, complaintId)): ReceiptView {
  // As the officer who recorded it read it, but for an anonymous reporter: that officer
  // sees who it is, the receipt does not.
  const complaint = read && !read.reporter.anonymous ? read : getComplaint(db, complaintId, RECORDER);
  const officer = stmt(db, 'SELECT u.* FROM users u JOIN complaints c ON c.received_by = u.id WHERE c.id = ?').get(complaintId) as UserRow;
  const { due_at } = stmt(db, 'SELECT due_at FROM complaints WHERE id = ?').get(complaintId) as { due_at: string | null };
  const { office, settings } = docContext(db);
  return buildReceiptView({
    complaint,
    office,
    officer: rowToUser(officer),
    checklist: c.standard.kelengkapanChecklist,
    kelengkapanPlace: settings.kelengkapanPlace,
    deadline: {
      total: formatDuration(c.standard.total),
      start: c.standard.clockStartsWhen,
      due: due_at && displayDue(due_at, officeCalendar(db)),
    },
  });
}

interface DispositionRow {
  to_name: string;
  to_jabatan: string;
  to_seksi: string;
  from_name: string;
  from_role: string;
  from_jabatan: string;
  on_behalf: number;
  sifat: Sifat;
  instructions: string;
  note: string;
  created_at: string;
}

function dispositionsOf(db: Db, ids: number[]): DispositionRow[] {
  if (ids.length === 0) return [];
  return stmt(db,
      `SELECT t.name AS to_name, t.jabatan AS to_jabatan, t.seksi AS to_seksi, f.name AS from_name, f.role AS from_role, f.jabatan AS from_jabatan,
              d.on_behalf, d.sifat, d.instructions, d.note, d.created_at
       FROM dispositions d JOIN users t ON t.id = d.to_user JOIN users f ON f.id = d.from_user
       WHERE d.id IN (${ids.map(() => '?').join(',')}) ORDER BY d.id`,
    )
    .all(...ids) as DispositionRow[];
}

// Every box of the card has a fixed height: each value is cut here, at a word, to what its
// box holds (shared/documents/controlCard.ts), with "…" where it is cut, so the DOCX and the
// print view show the same words and nothing runs over the next card. The note, the one
// value typed at length, says where the rest is.
function fitCard(v: ControlCardView): ControlCardView {
  const fit = (field: Exclude<keyof ControlCardView, 'paper' | 'office' | 'copies'>) => fitText(v[field], controlCardBox(field, v.paper));
  return {
    ...v,
    indeks: fit('indeks'),
    kode: fit('kode'),
    nomorUrut: fit('nomorUrut'),
    isiRingkas: fit('isiRingkas'),
    lampiran: fit('lampiran'),
    dari: fit('dari'),
    kepada: fit('kepada'),
    tanggalNomorSurat: fit('tanggalNomorSurat'),
    pengolah: fit('pengolah'),
    paraf: fit('paraf'),
    tanggal: fit('tanggal'),
    catatan: fitText(v.catatan, controlCardBox('catatan', v.paper), CUT_MARK_FULL_TEXT),
  };
}

// A Kasi or a seksi in the short form offices write on their forms: "Kasi Pelayanan Umum",
// "Kasubbag Umum"; a seksi without its "Seksi" ("Pelayanan Umum").
const shortUnit = (name: string) =>
  name
    .replace(/^Kepala\s+Seksi\b/i, 'Kasi')
    .replace(/^Kepala\s+Sub\s*bagian\b/i, 'Kasubbag')
    .replace(/^Seksi\s+/i, '')
    .replace(/^Sub\s*bagian\s+/i, 'Subbag ');

// Several Kasi or seksi on one line of a card, each in its short form, so the card's narrow
// box names each one; a single one keeps its full name.
function unitsLine(names: string[]): string {
  const unique = [...new Set(names)];
  return unique.length < 2 ? unique.join('') : unique.map(shortUnit).join(', ');
}

export function controlCardView(db: Db, complaintId: number, dispositionIds: number[] = [], c: ComplaintFacts = complaintFacts(db, complaintId)): ControlCardView {
  const { office, settings } = docContext(db);
  const tz = office.timeZone;
  const ref = incomingReference(c, incomingOf(db, complaintId), tz);
  const ds = dispositionsOf(db, dispositionIds);
  const first = ds[0];
  return fitCard({
    paper: settings.paper,
    office: office.name.toUpperCase(),
    copies: settings.controlCardCopies,
    indeks: `${COMPLAINT_KIND_LABEL[c.kind as ComplaintKind]} / ${CATEGORY_LABEL[c.category as Category]}`,
    kode: classificationCode(settings),
    // Beside Pengolah and Paraf: the day the item was handed to the pengolah, i.e. the
    // disposition; empty on the card issued at intake, written by hand if need be.
    tanggal: first ? formatTanggal(first.created_at, tz) : '',
    nomorUrut: c.registerNo,
    isiRingkas: c.subject,
    lampiran: c.attachmentCount ? `${c.attachmentCount} berkas` : '-',
    dari: fromLine(c),
    kepada: unitsLine(ds.map((d) => d.to_jabatan || d.to_name)),
    // As the lembar disposisi's Tanggal surat and Nomor surat (incomingReference).
    tanggalNomorSurat: `${ref.date} / ${ref.no}`,
    pengolah: unitsLine(ds.map((d) => d.to_seksi || d.to_jabatan)),
    paraf: '',
    catatan: first ? `${SIFAT_LABEL[first.sifat]}. ${first.note}`.trim() : '',
  });
}

// Each Kasi in the short form (the half sheet holds an office's ten seksi and subbagian, one line each).
function recipientsBoxes(db: Db, chosenNames: string[], secretary: string): { label: string; checked: boolean }[] {
  const kasi = stmt(db, "SELECT name, jabatan FROM users WHERE role = 'kasi' AND active = 1 ORDER BY seksi, name").all() as { name: string; jabatan: string }[];
  const chosen = new Set(chosenNames.map(shortUnit));
  const labels = [secretary, ...new Set(kasi.map((k) => shortUnit(k.jabatan || k.name)))];
  for (const c of chosen) if (!labels.includes(c)) labels.push(c);
  return labels.map((label) => ({ label, checked: chosen.has(label) }));
}

export function dispositionSheetView(db: Db, complaintId: number | null, dispositionIds: number[]): DispositionSheetView {
  const { office, kop } = docContext(db);
  const tz = office.timeZone;
  const ds = dispositionsOf(db, dispositionIds);
  const first = ds[0];
  const c = complaintId === null ? null : complaintFacts(db, complaintId);
  const ref = c && incomingReference(c, incomingOf(db, c.id), tz);
  const chosenInstructions = new Set<Instruction>(first ? (JSON.parse(first.instructions) as Instruction[]) : []);
  const caption = !first
    ? [`${office.headTitle},`]
    : first.on_behalf
      ? [`a.n. ${office.headTitle}`, `${first.from_jabatan || roleLabel('sekcam', office.level)},`]
      : first.from_role === 'camat'
        ? [`${office.headTitle},`]
        : [`${first.from_jabatan},`];
  return {
    kop,
    suratDari: c ? fitText(fromLine(c), DISPOSITION_FIELD_BOXES.suratDari) : '',
    nomorSurat: ref ? fitText(ref.no, DISPOSITION_FIELD_BOXES.nomorSurat) : '',
    tanggalSurat: ref ? ref.date : '',
    diterimaTanggal: c ? formatTanggal(c.receivedAt, tz) : '',
    nomorAgenda: c ? c.registerNo : '',
    sifat: SIFAT.map((s) => ({ label: SIFAT_LABEL[s], checked: first?.sifat === s })),
    perihal: c ? fitText(c.subject, DISPOSITION_FIELD_BOXES.perihal) : '',
    recipients: recipientsBoxes(db, ds.map((d) => d.to_jabatan || d.to_name), roleLabel('sekcam', office.level)),
    instructions: INSTRUCTIONS.map((i) => ({ label: INSTRUCTION_LABEL[i], checked: chosenInstructions.has(i) })),
    // Cut to the box, which keeps the half sheet to one page; the rest is in Tanggap.
    catatan: fitText(first?.note ?? '', DISPOSITION_NOTE_BOX, CUT_MARK_FULL_TEXT),
    disposerCaption: caption,
    disposerName: first?.from_name ?? '',
    date: first ? formatTanggal(first.created_at, tz) : '',
  };
}

export interface DeliveryFacts {
  channel: DeliveryChannel;
  deliveredAt: string;
  recipient: string;
  note: string;
  /** The answer's kind of document; '' when none was issued ("Jawaban atas pengaduan"). */
  documentTitle: string;
  documentNumber: string;
  by: { name: string; nip: string };
}

const DELIVERED_HOW: Record<DeliveryChannel, string> = {
  langsung: 'Telah diserahkan dan diterima',
  kurir: 'Telah diserahkan melalui kurir dan diterima',
  pos: 'Telah dikirimkan melalui pos',
  email: 'Telah dikirimkan melalui email',
  whatsapp: 'Telah dikirimkan melalui WhatsApp',
  telepon: 'Telah disampaikan melalui telepon',
  lainnya: 'Telah disampaikan',
};

export function deliveryReceiptView(db: Db, complaintId: number, d: DeliveryFacts): LetterView {
  const c = complaintFacts(db, complaintId);
  const { office, kop, settings } = docContext(db);
  const tz = office.timeZone;
  const title = d.documentTitle || `Jawaban atas ${kindNoun(c.kind)}`;
  // Handed over (at the office or by a courier who brings back the signature), the receiver
  // signs; sent by post, e-mail or WhatsApp or told by telephone, only the officer does, and
  // the paper says it was sent, not received by hand.
  const handed = HANDED_OVER.has(d.channel);
  return {
    layout: 'naskah',
    paper: settings.paper,
    kop,
    title: 'TANDA TERIMA PENYAMPAIAN TANGGAPAN',
    number: c.registerNo,
    placeDate: `${placeName(office)}, ${formatTanggal(d.deliveredAt, tz)}`,
    meta: [],
    addressee: [],
    blocks: [
      { type: 'paragraph', text: `${DELIVERED_HOW[d.channel]} tanggapan atas ${kindNoun(c.kind)} masyarakat dengan keterangan sebagai berikut:` },
      {
        type: 'rows',
        rows: [
          { label: 'Nomor register', value: c.registerNo },
          { label: 'Perihal', value: c.subject },
          { label: 'Dokumen', value: d.documentNumber ? `${title} Nomor ${d.documentNumber}` : title },
          { label: 'Disampaikan melalui', value: DELIVERY_CHANNEL_LABEL[d.channel] },
          { label: 'Tanggal dan jam', value: formatTanggalWaktu(d.deliveredAt, tz) },
          { label: handed ? 'Diterima oleh' : 'Disampaikan kepada', value: d.recipient },
          ...(d.note ? [{ label: 'Keterangan', value: d.note }] : []),
        ],
      },
    ],
    signatures: [
      ...(handed ? [{ caption: ['Yang menerima,'], name: d.recipient, after: [], image: '', official: false, stamp: false }] : []),
      { caption: [handed ? 'Yang menyerahkan,' : 'Yang menyampaikan,'], name: d.by.name, after: [nipLine(d.by.nip)].filter((s) => s !== ''), image: '', official: true, stamp: false },
    ],
    tembusan: [],
    verification: null,
    watermark: '',
  };
}
