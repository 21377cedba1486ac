import { CHANNEL_LABEL, SIFAT_LABEL, kindNoun, type ComplaintKind } from '../../../../shared/domain';
import { stmt } from '../../db/statements';
import type { LetterBlock, LetterView, VerificationView } from '../../../../shared/documents/letter';
import type { DocumentKind } from '../../../../shared/documents/kinds';
import { DOCUMENT_KIND_LABEL } from '../../../../shared/documents/kinds';
import {
  PLACEHOLDERS,
  SATISFACTION_LABEL,
  type DraftContent,
  type Outcome,
  type Placeholder,
  type TemplateKey,
} from '../../../../shared/schemas/documents';
import { nipLine } from '../../../../shared/text/numbers';
import { formatTanggal, formatTanggalWaktu, tanggalTerbilang } from '../../../../shared/time/format';
import { addWorkingTime, displayDue } from '../../../../shared/time/workingTime';
import type { Db } from '../../db/open';
import { officeCalendar } from '../../workflow/standard';
import { brief, complaintFacts, docContext, salutationName, type ComplaintFacts, type DocContext } from '../facts';
import { placeName } from '../receipt';
import { expectedSigner, signatureView, type Capacity, type SignerUser } from '../signer';
import { TanggapError } from '../../errors';
import { channelProse, fillTemplate } from '../../../../shared/documents/channelProse';
import { letterStandIn, RECORD_STAND_IN } from '../../../../shared/documents/standIn';
import { inSentence } from '../../../../shared/text/words';
import { WITHHELD, channelPhrase, identityWithheld, incomingOf, reporterName, withholdIdentity, type Incoming } from './incoming';

// The letters and records that go through draft, paraf and signature (surat tanggapan,
// berita acara, surat penerusan, pemberitahuan kelengkapan) and the laporan tindak
// lanjut, all laid out by one LetterView. A draft is built from its DraftContent (what
// the drafter wrote from the template); signing rebuilds it once more with the signer,
// the number and the verification line, and freezes it.

export const LETTER_KINDS = ['surat_tanggapan', 'berita_acara', 'laporan_tindak_lanjut', 'surat_penerusan', 'pemberitahuan_kelengkapan'] as const satisfies readonly DocumentKind[];
export type LetterKind = (typeof LETTER_KINDS)[number];

export interface LetterParams {
  outcome?: Outcome;
  reason?: string;
  /** Surat penerusan: the instansi the complaint is forwarded to. */
  forwardTo?: string;
  /** Pemberitahuan kelengkapan: the items missing and the last day to bring them. */
  missing?: string[];
  deadline?: string;
}

export interface Signing {
  user: Pick<SignerUser, 'name' | 'nip' | 'jabatan' | 'pangkat' | 'signature_image'>;
  capacity: Capacity;
  at: string;
  number: string;
  verification: VerificationView | null;
}

const DRAFT_NUMBER = '…/…/…/…';
const LAYOUT: Record<LetterKind, LetterView['layout']> = {
  surat_tanggapan: 'surat',
  surat_penerusan: 'surat',
  pemberitahuan_kelengkapan: 'surat',
  berita_acara: 'naskah',
  laporan_tindak_lanjut: 'naskah',
};
// What the berita acara calls the matter it settles: a konsultasi, an aspirasi or a
// request for information is not something "diadukan".
const MATTER_HEADING: Record<ComplaintKind, string> = {
  pengaduan: 'Hal yang diadukan',
  aspirasi: 'Aspirasi yang disampaikan',
  permintaan_informasi: 'Informasi yang diminta',
  konsultasi: 'Hal yang dikonsultasikan',
};
const TITLE: Partial<Record<LetterKind, string>> = {
  berita_acara: 'BERITA ACARA HASIL PENYELESAIAN PENGADUAN',
  laporan_tindak_lanjut: 'LAPORAN TINDAK LANJUT PENANGANAN PENGADUAN',
};

// What a drafted letter says was done: the answers its handlers proposed (usulan jawaban),
// written for the reporter, when there are any; else every action and clarification they
// recorded, for the drafter to shape. Not the notes of a Kasi who gave his disposition back
// (none of his stands): the complaint was not his to handle.
function followUpTexts(db: Db, complaintId: number): string[] {
  const rows = stmt(db,
    `SELECT f.kind, f.text FROM follow_ups f
     WHERE f.complaint_id = ? AND f.kind IN ('tindakan', 'usulan_jawaban', 'klarifikasi')
       AND NOT (EXISTS (SELECT 1 FROM dispositions d WHERE d.complaint_id = f.complaint_id AND d.to_user = f.by_user)
                AND NOT EXISTS (SELECT 1 FROM dispositions d WHERE d.complaint_id = f.complaint_id AND d.to_user = f.by_user AND d.state IN ('aktif', 'selesai')))
     ORDER BY f.id`,
  ).all(complaintId) as { kind: string; text: string }[];
  const proposed = rows.filter((r) => r.kind === 'usulan_jawaban');
  return (proposed.length > 0 ? proposed : rows).map((r) => r.text);
}

// The complaint's uraian in a letter (the surat penerusan forwards it to the agency, which
// should not have to call back for it): whole up to two thousand characters, a letter's
// page or so; beyond that cut at a word, the drafter adding what the agency needs.
const URAIAN_MAX = 2000;

function placeholderValues(db: Db, kind: LetterKind, c: ComplaintFacts, inc: Incoming, ctx: DocContext, p: LetterParams): Record<Placeholder, string> {
  const followUps = followUpTexts(db, c.id);
  // A letter to another agency names the reporter only where the reporter may be named.
  const toAgency = kind === 'surat_penerusan';
  const withheld = toAgency && identityWithheld(c, inc);
  return {
    nama_pelapor: !toAgency ? salutationName(c) : c.anonymous ? 'pelapor anonim' : withheld ? WITHHELD : c.reporterName,
    jenis: kindNoun(c.kind),
    nomor_register: c.registerNo,
    tanggal_diterima: formatTanggal(c.receivedAt, ctx.office.timeZone),
    // The subject as typed starts a heading; in the letter's sentences it reads inside one.
    perihal: inSentence(c.subject),
    uraian: withheld ? withholdIdentity(brief(c.description, URAIAN_MAX), c, inc) : brief(c.description, URAIAN_MAX),
    // Prose, not the channel's label: "secara langsung di loket pelayanan", "melalui surat
    // nomor …" (but not the number of a letter whose sender the agency may not know: it
    // names its sender as well as a signature does).
    kanal: withheld ? channelProse(c.channel) : channelPhrase(c, inc, ctx.office.timeZone),
    tindak_lanjut: followUps.length ? followUps.join('\n\n') : letterStandIn(c.kind),
    alasan: p.reason?.trim() || '-',
    instansi_tujuan: p.forwardTo?.trim() || '-',
    // A list in a sentence the template ends: an item's own full stop (a note written as
    // a sentence stands in for the list when every checklist item was ticked) is dropped.
    kelengkapan_kurang: (p.missing ?? []).map((item) => item.trim().replace(/[\s.;,]+$/, '')).join('; ') || '-',
    // The instant the file is withdrawn, as the screens show it: at an opening, the closing
    // before ("16 Desember 2026 pukul 16.00 WIB"), so no day printed is a day too late.
    batas_kelengkapan: p.deadline ? formatTanggalWaktu(displayDue(p.deadline, officeCalendar(db)), ctx.office.timeZone) : '-',
    tempat_kelengkapan: ctx.settings.kelengkapanPlace,
    nama_kantor: ctx.office.name,
    sebutan_pimpinan: ctx.office.headTitle,
  };
}

// "melalui {kanal}" takes the phrase with its own preposition (shared/documents/channelProse.ts).
const fillPlaceholders = (text: string, values: Record<Placeholder, string>) =>
  fillTemplate(text, (name) => (Object.prototype.hasOwnProperty.call(PLACEHOLDERS, name) ? values[name as Placeholder] : undefined));

const splitParagraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter((p) => p !== '');

function templateKey(kind: LetterKind, outcome: Outcome): TemplateKey | null {
  if (kind === 'surat_tanggapan') return `tanggapan_${outcome}`;
  if (kind === 'surat_penerusan') return 'penerusan';
  if (kind === 'pemberitahuan_kelengkapan') return 'kelengkapan';
  return null;
}

// The default penerusan template (and those saved from it) asks the agency to answer the
// reporter with a copy to the office: impossible for an anonymous reporter, and for a
// rahasia one it would need the identity the office keeps back.
const ANSWER_TO_REPORTER = /disampaikan\s+(?:langsung\s+)?kepada\s+pelapor(?:\s+dengan\s+tembusan\s+kepada\s+kami)?/gi;

const answerThrough = (c: ComplaintFacts) => (c.anonymous ? 'disampaikan kepada kami' : 'disampaikan kepada kami untuk kami teruskan kepada pelapor');

/**
 * The body of a surat penerusan whose reporter is not named: the answer comes back through
 * the office, and a sentence before the closing says why the letter names no reporter.
 */
function answerThroughOffice(body: string[], c: ComplaintFacts): string[] {
  const through = answerThrough(c);
  let rewritten = false;
  const out = body.map((p) =>
    p.replace(ANSWER_TO_REPORTER, () => {
      rewritten = true;
      return through;
    }),
  );
  const why = c.anonymous
    ? `${kindNoun(c.kind, true)} tersebut disampaikan tanpa identitas pelapor.`
    : 'Atas permintaan pelapor, identitas pelapor kami rahasiakan dan tidak kami cantumkan dalam surat ini.';
  const ask = rewritten ? '' : c.anonymous ? ' Hasil tindak lanjutnya mohon disampaikan kepada kami.' : ' Hasil tindak lanjutnya mohon disampaikan kepada kami untuk kami teruskan kepada pelapor.';
  const at = Math.max(0, out.length - 1);
  return [...out.slice(0, at), why + ask, ...out.slice(at)];
}

/** The first draft of a letter: the office's template filled from the complaint, or the record's own frame. */
export function initialDraft(db: Db, kind: LetterKind, complaintId: number, p: LetterParams, satisfaction: DraftContent['satisfaction']): DraftContent {
  const c = complaintFacts(db, complaintId);
  const inc = incomingOf(db, complaintId);
  const ctx = docContext(db);
  const values = placeholderValues(db, kind, c, inc, ctx, p);
  const key = templateKey(kind, p.outcome ?? 'ditindaklanjuti');
  if (key) {
    const t = ctx.settings.templates[key];
    const body = splitParagraphs(fillPlaceholders(t.body, values));
    const tembusan = t.tembusan.map((x) => fillPlaceholders(x, values));
    if (kind === 'surat_penerusan') {
      // The reporter gets a copy only where the agency may know who they are; a rahasia
      // reporter's complaint goes sealed there too.
      const withheld = identityWithheld(c, inc);
      return {
        hal: fillPlaceholders(t.hal, values),
        sifat: inc.confidential ? 'rahasia' : 'biasa',
        // The complaint's files go with it (copies attached by the office), unless they could
        // name a reporter the agency may not know: the drafter decides those.
        lampiran: c.attachmentCount > 0 && !withheld ? `${c.attachmentCount} berkas` : '-',
        body: withheld ? answerThroughOffice(body, c) : body,
        tembusan: withheld ? tembusan : [...tembusan, `${addressed(c.reporterName)} (pelapor)`],
        satisfaction: null,
      };
    }
    // A letter to a rahasia reporter carries their name and address: it goes sealed
    // (sifat Rahasia) and to them alone, without the template's copies; the drafter may
    // still add one knowingly.
    return {
      hal: fillPlaceholders(t.hal, values),
      sifat: inc.confidential ? 'rahasia' : 'biasa',
      lampiran: '-',
      body,
      tembusan: inc.confidential ? [] : tembusan,
      satisfaction: null,
    };
  }
  // Berita acara and laporan: the drafter writes what was done; the follow-ups start it.
  const done = followUpTexts(db, complaintId);
  return {
    hal: kind === 'berita_acara' ? 'Hasil penyelesaian pengaduan' : 'Laporan tindak lanjut pengaduan',
    sifat: 'biasa',
    lampiran: '-',
    body: done.length ? done : [RECORD_STAND_IN],
    tembusan: [],
    satisfaction: kind === 'berita_acara' ? satisfaction : null,
  };
}

// A name as a letter addresses it: "Sdr. Siti Aminah"; a name that carries its own title
// ("Hj. Siti", "Bapak Sahri", "Dr. …") or names a body ("Ketua RT 05 …", "Karang Taruna …")
// as it is, not "Sdr. Hj. …".
const TITLED = /^(?:(?:Sdr|Sdri|Saudara|Saudari|Bapak|Bpk|Pak|Ibu|Bu|H|Hj|Haji|Hajjah|Dr|Drs|Dra|Ir|Prof|KH|Ny|Nn|Tn)\.?\s|(?:Ketua|Kepala|Pengurus|Kelompok|Karang Taruna|Forum|Paguyuban|Yayasan|Koperasi|Lembaga|Perkumpulan|Takmir|PT|CV|UD|LSM|BPD)\b)/i;
const addressed = (name: string) => (TITLED.test(name.trim()) ? name.trim() : `Sdr. ${name.trim()}`);

function addressee(c: ComplaintFacts, kind: LetterKind, p: LetterParams): string[] {
  if (kind === 'surat_penerusan') return [`${p.forwardTo?.trim() || 'Instansi yang berwenang'}`, 'di', 'Tempat'];
  // Whoever holds the tanda terima with its register number: the letter is handed to them or posted.
  if (c.anonymous) return [`Pelapor ${kindNoun(c.kind)} nomor register ${c.registerNo}`, 'di', 'Tempat'];
  return [addressed(c.reporterName), ...(c.reporterAddress.trim() ? [c.reporterAddress.trim()] : []), 'di', 'Tempat'];
}

function bodyBlocks(
  db: Db,
  kind: LetterKind,
  c: ComplaintFacts,
  ctx: DocContext,
  draft: DraftContent,
  signer: { user: SignerUser | Signing['user']; capacity: Capacity } | null,
  at: string,
): LetterBlock[] {
  const para = (text: string): LetterBlock => ({ type: 'paragraph', text });
  if (kind === 'berita_acara') {
    const d = tanggalTerbilang(at, ctx.office.timeZone);
    const { satisfaction } = draft;
    const notAsked = satisfaction === 'tidak_ditanyakan';
    const statement = notAsked
      ? 'PIHAK KEDUA tidak dapat dimintai pernyataan atas penyelesaian tersebut.'
      : `Atas penyelesaian tersebut, PIHAK KEDUA menyatakan ${satisfaction ? SATISFACTION_LABEL[satisfaction].toUpperCase() : '…'}.`;
    // The head's own title, or the capacity in which another signs for him.
    const headTitle = ctx.office.headTitle;
    const jabatan = !signer || signer.capacity === '' ? headTitle : signer.capacity === 'a.n.' ? `${signer.user.jabatan}, a.n. ${headTitle}` : `${signer.capacity} ${headTitle}`;
    const first = [
      { label: `${notAsked ? '' : '1. '}Nama`, value: signer?.user.name ?? '' },
      { label: `${notAsked ? '' : '    '}Jabatan`, value: jabatan },
      { label: '', value: 'selanjutnya disebut PIHAK PERTAMA;' },
    ];
    const second = [
      { label: `${notAsked ? '' : '2. '}Nama`, value: reporterName(c) },
      { label: `${notAsked ? '' : '    '}Alamat`, value: c.anonymous ? '-' : c.reporterAddress || '-' },
      { label: `${notAsked ? '' : '    '}Nomor register`, value: c.registerNo },
      { label: '', value: 'selanjutnya disebut PIHAK KEDUA (pelapor).' },
    ];
    const opening = `Pada hari ini ${d.hari} tanggal ${d.tanggal} bulan ${d.bulan} tahun ${d.tahun}, bertempat di ${ctx.office.name}, yang bertanda tangan di bawah ini:`;
    return [
      // A reporter who was not asked does not sign: only PIHAK PERTAMA is "yang bertanda
      // tangan di bawah ini", and the reporter is named as the one the complaint came from.
      ...(notAsked
        ? [para(opening), { type: 'rows' as const, rows: first }, para('menerangkan penyelesaian pengaduan yang disampaikan oleh:'), { type: 'rows' as const, rows: second }]
        : [para(opening), { type: 'rows' as const, rows: [...first, ...second] }]),
      { type: 'heading', text: MATTER_HEADING[c.kind] },
      para(`${c.subject}. ${brief(c.description, 700)}`),
      { type: 'heading', text: 'Penyelesaian yang telah dilakukan' },
      ...draft.body.map(para),
      { type: 'heading', text: 'Pernyataan pelapor' },
      para(statement),
      para('Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya.'),
    ];
  }
  if (kind === 'laporan_tindak_lanjut') {
    const rows = db
      .prepare('SELECT f.text, f.at, u.name FROM follow_ups f JOIN users u ON u.id = f.by_user WHERE f.complaint_id = ? ORDER BY f.id')
      .all(c.id) as { text: string; at: string; name: string }[];
    return [
      {
        type: 'rows',
        rows: [
          { label: 'Nomor register', value: c.registerNo },
          { label: 'Tanggal diterima', value: formatTanggal(c.receivedAt, ctx.office.timeZone) },
          { label: 'Pelapor', value: reporterName(c) },
          { label: 'Kanal', value: CHANNEL_LABEL[c.channel] },
          { label: 'Perihal', value: c.subject },
        ],
      },
      { type: 'heading', text: 'Uraian pengaduan' },
      para(brief(c.description, 900)),
      { type: 'heading', text: 'Tindak lanjut yang dilakukan' },
      rows.length
        ? { type: 'list', items: rows.map((r) => `${formatTanggal(r.at, ctx.office.timeZone)}, ${r.name}: ${r.text}`) }
        : para('-'),
      { type: 'heading', text: 'Kesimpulan' },
      ...draft.body.map(para),
    ];
  }
  return draft.body.map(para);
}

export interface LetterSource {
  kind: LetterKind;
  complaintId: number;
  draft: DraftContent;
  params: LetterParams;
  /** Who compiled it (laporan tindak lanjut is signed by its compiler, by hand). */
  compiledBy?: SignerUser | null;
}

/**
 * A letter to another agency about a reporter it may not know never names them nor asks
 * the agency to answer them, whatever the draft says: drafts made before this rule (with
 * "Sdr. … (pelapor)" among the copies) and words typed or quoted from the complaint. A
 * copy addressed to the reporter is left out; the office tells the reporter itself.
 */
function withoutIdentity(d: DraftContent, c: ComplaintFacts, inc: Incoming): DraftContent {
  const hide = (s: string) => withholdIdentity(s, c, inc);
  const body = d.body.map((p) => hide(p).replace(ANSWER_TO_REPORTER, answerThrough(c)));
  return { ...d, hal: hide(d.hal), lampiran: hide(d.lampiran), body, tembusan: d.tembusan.filter((t) => hide(t) === t) };
}

/** The LetterView of a draft (signing null) or of the signed letter. */
// `signing`: the letter as signed (numbered, dated then, without DRAF); else the draft, its
// block that of `signer` when given (how it reads to whoever is about to sign it), else of
// whoever is expected to sign it.
export function buildLetterView(db: Db, src: LetterSource, at: string, signing: Signing | null, signer?: { user: SignerUser; capacity: Capacity }): LetterView {
  const c = complaintFacts(db, src.complaintId);
  const inc = incomingOf(db, src.complaintId);
  const draft = src.kind === 'surat_penerusan' && identityWithheld(c, inc) ? withoutIdentity(src.draft, c, inc) : src.draft;
  const ctx = docContext(db);
  const { office } = ctx;
  const when = signing?.at ?? at;
  const placeDate = `${placeName(office)}, ${formatTanggal(when, office.timeZone)}`;
  const layout = LAYOUT[src.kind];
  let signatures: LetterView['signatures'];
  let signerOf: { user: SignerUser | Signing['user']; capacity: Capacity } | null = null;
  if (src.kind === 'laporan_tindak_lanjut') {
    const by = src.compiledBy;
    signatures = [{ caption: ['Petugas Pengaduan,'], name: by?.name ?? '', after: by?.nip ? [nipLine(by.nip)] : [], image: '', official: true, stamp: false }];
  } else {
    const expected = signing ? { user: signing.user, capacity: signing.capacity } : (signer ?? expectedSigner(db, office, at));
    if (!expected) {
      throw new TanggapError('conflict', `Belum ada pengguna ${office.headTitle} yang aktif: minta Admin menambahkannya di Pengaturan › Pengguna, atau mencatat Plt./Plh.`);
    }
    signerOf = expected;
    const head = signatureView(expected.user, office, expected.capacity, { image: signing ? signing.user.signature_image : '', stamp: true });
    // A reporter who was not asked signs nothing: the paper says so, and PIHAK PERTAMA's
    // block stands alone where a letter's single signature stands (the caption keeps
    // "PIHAK PERTAMA," since the body names both parties).
    const reporter: LetterView['signatures'] =
      draft.satisfaction === 'tidak_ditanyakan'
        ? []
        : [{ caption: ['PIHAK KEDUA,', 'Pelapor'], name: c.anonymous ? 'Anonim' : c.reporterName, after: [], image: '', official: false, stamp: false }];
    signatures = src.kind === 'berita_acara' ? [...reporter, { ...head, caption: ['PIHAK PERTAMA,', ...head.caption] }] : [head];
  }
  return {
    layout,
    paper: ctx.settings.paper,
    kop: ctx.kop,
    title: TITLE[src.kind] ?? DOCUMENT_KIND_LABEL[src.kind as DocumentKind].toUpperCase(),
    number: signing?.number || DRAFT_NUMBER,
    placeDate,
    meta:
      layout === 'surat'
        ? [
            { label: 'Nomor', value: signing?.number || DRAFT_NUMBER },
            { label: 'Sifat', value: SIFAT_LABEL[draft.sifat] },
            { label: 'Lampiran', value: draft.lampiran || '-' },
            { label: 'Hal', value: draft.hal },
          ]
        : [],
    addressee: layout === 'surat' ? addressee(c, src.kind, src.params) : [],
    blocks: bodyBlocks(db, src.kind, c, ctx, draft, signerOf, when),
    signatures,
    tembusan: draft.tembusan,
    verification: signing?.verification ?? null,
    watermark: signing || src.kind === 'laporan_tindak_lanjut' ? '' : 'DRAF',
  };
}

/** The last day a paused file may be completed before it is withdrawn. */
export function kelengkapanDeadline(db: Db, pausedAt: string, days: number): string {
  return addWorkingTime(pausedAt, { amount: days, unit: 'hari_kerja' }, officeCalendar(db));
}
