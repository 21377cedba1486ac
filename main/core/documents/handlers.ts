import type { CallOutput } from '../../../shared/contract';
import { extname } from 'node:path';
import type { DocumentContent } from '../../../shared/documents/issued';
import { ATTACHMENT_TYPES, roleLabel } from '../../../shared/domain';
import { listWords } from '../../../shared/text/words';
import { DOCUMENT_KIND_LABEL } from '../../../shared/documents/kinds';
import { standInOf } from '../../../shared/documents/standIn';
import { documentSettingsInputSchema, SIGNATURE_NOT_IMAGE } from '../../../shared/schemas/documents';
import { formatTanggal, formatTanggalWaktu } from '../../../shared/time/format';
import { fromLocal } from '../../../shared/time/workingTime';
import { appendAudit } from '../audit/chain';
import { confirmPassword } from '../auth/handlers';
import { checkAttachments, readAttachment, saveAttachments, type StoredFile } from '../complaints/attachments';
import { recordComplaintEvent } from '../complaints/events';
import { recordRahasiaPaper } from '../complaints/identityViews';
import type { Ctx, Handlers } from '../context';
import { nowIso, requireUser, write } from '../context';
import { notFound, TanggapError } from '../errors';
import { getOffice } from '../office/settings';
import { settingVersion, withRowVersion, writeSettingIfCurrent } from '../versions';
import { authorize, completeStep } from '../workflow/engine';
import { change } from '../workflow/handlers';
import { docContext } from './facts';
import { deliveryReceiptView, dispositionSheetView } from './kinds/forms';
import { imageSize } from './imageSize';
import { KINDS, renderDocx } from './registry';
import {
  currentDraft,
  answerForDelivery,
  draftForSigner,
  draftForSignerNow,
  contentOf,
  documentActions,
  docxOf,
  draftAnswer,
  getDoc,
  normaliseCode,
  paraf,
  printedPaper,
  printForWetSigning,
  requireAction,
  returnDocument,
  revise,
  signDocument,
  signerWords,
  signerWordsOf,
  registerNoOf,
  signingAs,
  toIssued,
  signableDrafts,
  scansAwaited,
} from './service';
import { documentSettings } from './settings';
import { draftById, draftOf, insertDocument, printedPaperOf, sha256, wetPaperOf, wetPrintByDocx, type DocRow, type WetPaperRow } from './store';
import { activeHead, requireSignsForHead, signerUser, signsForHead, userName } from './signer';
import { requireComplaint, requireDocument } from '../access';
import { recordClosingSatisfaction } from '../skm/closing';
import { pluck, stmt } from '../db/statements';

type DocumentCalls = Extract<keyof Handlers, `documents.${string}` | `officials.${string}` | 'auth.signature' | 'auth.setSignature'>;

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

// A document is read and changed by whoever may see its complaint, and by whoever may
// sign it now or signed it (a Kasi acting for the head of office, see requireDocument).
// `see`: whether the user sees its complaint (true for a document without one).
function openDoc(ctx: Ctx, id: number): { row: DocRow; see: boolean } {
  const row = getDoc(ctx.db, id);
  const user = requireUser(ctx);
  // Asked only of a user who does not see the complaint.
  const signs = () => row.signer_id === user.id || documentActions(ctx.db, user, row, nowIso(ctx), false).includes('sign');
  return { row, see: requireDocument(ctx.db, user, row.complaint_id, signs) };
}
const docFor = (ctx: Ctx, id: number): DocRow => openDoc(ctx, id).row;

// A file's name without its extension: "Surat-tanggapan-000.8.3.4-1-Kec-Pgt-2026". `number`:
// the row's, or that of the draft's paper printed to be signed by hand.
const fileBaseOf = (row: DocRow, registerNo: string, number = row.number) =>
  `${DOCUMENT_KIND_LABEL[row.kind].replaceAll(' ', '-')}-${(number || registerNo || String(row.id)).replace(/[^\w.-]+/g, '-')}${row.version > 1 ? `-v${row.version}` : ''}`;

// The specimen goes on every letter its owner signs: a picture that can be read (the
// schema has checked that its bytes are the PNG or JPEG it says), of a size a signature can be.
function requireSpecimenImage(image: string): void {
  const size = imageSize(Buffer.from(image.slice(image.indexOf(',') + 1), 'base64'));
  if (!size || size.width < 1 || size.height < 1 || size.width > 4000 || size.height > 4000) {
    throw new TanggapError('validation', SIGNATURE_NOT_IMAGE, 'image');
  }
}

const issued = (ctx: Ctx, id: number) => toIssued(ctx.db, requireUser(ctx), getDoc(ctx.db, id), nowIso(ctx));

// Periksa dokumen of a DOCX printed to be signed by hand and not (or not yet) recorded as
// signed: the last print of a draft still to be signed is that draft's paper; one printed
// before it, or of a draft since replaced, returned, signed otherwise or left, is void.
function verifyPrint(ctx: Ctx, print: WetPaperRow): CallOutput<'documents.verify'> {
  const user = requireUser(ctx);
  const row = getDoc(ctx.db, print.document_id);
  const doc = toIssued(ctx.db, user, row, nowIso(ctx));
  const current = printedPaper(ctx.db, row)?.id === print.id;
  const signer = signerWordsOf(ctx.db, print.signer_id!, print.capacity ?? '');
  const printed = formatTanggalWaktu(print.printed_at!, getOffice(ctx.db).timeZone);
  return {
    found: true,
    message: current
      ? `Berkas ini naskah ${doc.title.toLowerCase()} nomor ${print.number} yang dicetak pada ${printed} untuk ditandatangani basah oleh ${signer}. Hasil pindai lembar yang ditandatangani belum diunggah, jadi belum tercatat ditandatangani.`
      : `Berkas ini naskah ${doc.title.toLowerCase()} nomor ${print.number} yang dicetak pada ${printed} untuk ditandatangani basah oleh ${signer}, tetapi lembar itu tidak berlaku lagi: naskahnya dicetak ulang, diubah atau dikembalikan, ditandatangani dengan cara lain, atau pengaduannya ditutup tanpa surat itu.`,
    document: {
      kind: row.kind,
      title: doc.title,
      number: print.number,
      registerNo: doc.registerNo,
      signedAt: null,
      signerName: '',
      status: current ? 'draf' : 'diganti',
      superseded: !current,
    },
  };
}

function actingRows(ctx: Ctx) {
  return (
    ctx.db
      .prepare(
        `SELECT a.id, a.user_id AS userId, u.name, u.jabatan, a.kind, a.from_date AS "from", a.to_date AS "to"
         FROM acting_officials a JOIN users u ON u.id = a.user_id ORDER BY a.from_date DESC, a.id DESC`,
      )
      .all() as { id: number; userId: number; name: string; jabatan: string; kind: 'plt' | 'plh'; from: string; to: string }[]
  );
}

function insertFiles(ctx: Ctx, complaintId: number, files: StoredFile[], column: 'delivery_id' | 'document_id', ownerId: number, at: string): number[] {
  const add = ctx.db.prepare(
    `INSERT INTO attachments (complaint_id, ${column}, file_name, mime, size, sha256, stored_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return files.map((f) => Number(add.run(complaintId, ownerId, f.fileName, f.mime, f.size, f.sha256, f.storedName, at).lastInsertRowid));
}

export const documentHandlers: Pick<Handlers, DocumentCalls> = {
  'documents.list': (ctx, { complaintId }) => {
    const user = requireUser(ctx);
    const { see } = requireComplaint(ctx.db, user, complaintId);
    const at = nowIso(ctx);
    const rows = ctx.db.prepare('SELECT * FROM issued_documents WHERE complaint_id = ? ORDER BY id').all(complaintId) as DocRow[];
    return rows.map((r) => toIssued(ctx.db, user, r, at, see));
  },
  'documents.get': (ctx, { id }) => {
    const { row, see } = openDoc(ctx, id);
    const user = requireUser(ctx);
    if (row.complaint_id !== null) recordRahasiaPaper(ctx, user.id, row.complaint_id, `Membuka ${DOCUMENT_KIND_LABEL[row.kind].toLowerCase()}`);
    // The version replaced is of the same document: only its draft is read (not its DOCX).
    const previousDraft = row.supersedes_id === null ? null : draftById(ctx.db, row.supersedes_id);
    const complaintOpen = row.complaint_id !== null && see;
    const at = nowIso(ctx);
    const doc = toIssued(ctx.db, user, row, at, see);
    const signing = signingAs(ctx.db, user, row, doc.actions, at);
    // A draft printed to be signed by hand reads as the paper printed (toIssued has said
    // whether it stands); else, to whoever may sign it, with the block his signature gives it.
    const paper = doc.wetPaper?.printed ? printedPaperOf(ctx.db, row) : null;
    const content = paper ? (JSON.parse(paper.view) as DocumentContent) : (draftForSigner(ctx.db, user, row, signing, at) ?? contentOf(row));
    return { ...doc, content, draft: draftOf(row), previousDraft, complaintOpen, signingAs: signing };
  },
  'documents.docx': async (ctx, { id }) => {
    const row = docFor(ctx, id);
    if (row.complaint_id !== null) recordRahasiaPaper(ctx, requireUser(ctx).id, row.complaint_id, `Mengunduh ${DOCUMENT_KIND_LABEL[row.kind].toLowerCase()} (DOCX)`);
    const paper = printedPaper(ctx.db, row);
    // A draft reads to whoever may sign it with his own block (documents.get): so does its DOCX.
    const mine = paper ? null : draftForSignerNow(ctx.db, requireUser(ctx), row, nowIso(ctx));
    const bytes = paper ? paper.docx : mine ? await renderDocx(mine) : await docxOf(ctx.db, row);
    return { fileName: `${fileBaseOf(row, registerNoOf(ctx.db, row), paper?.number)}.docx`, mime: DOCX_MIME, dataBase64: bytes.toString('base64') };
  },
  'documents.scan': (ctx, { id }) => {
    const row = docFor(ctx, id);
    if (row.scan_attachment_id === null) throw notFound('Hasil pindai dokumen');
    const a = ctx.db.prepare('SELECT file_name, mime, sha256, stored_name FROM attachments WHERE id = ?').get(row.scan_attachment_id) as {
      file_name: string;
      mime: string;
      sha256: string;
      stored_name: string;
    };
    // Named after the letter it is the signed copy of, as its DOCX is, with its checked type.
    const ext = ATTACHMENT_TYPES[a.mime]?.toLowerCase() ?? extname(a.file_name).slice(1).toLowerCase();
    const fileName = `${fileBaseOf(row, registerNoOf(ctx.db, row))}-pindai.${ext}`;
    return { fileName, mime: a.mime, dataBase64: readAttachment(ctx.dataDir, a.stored_name, a.sha256).toString('base64') };
  },

  'documents.draft': (ctx, { complaintId, kind, outcome, reason, satisfaction }) => {
    const user = requireUser(ctx);
    let id = 0;
    change(ctx, complaintId, (at) => {
      authorize(ctx.db, user, complaintId, 'draft');
      id = draftAnswer(ctx, user, complaintId, kind, outcome, reason, satisfaction, at);
    });
    return issued(ctx, id);
  },
  'documents.revise': (ctx, { id, rowVersion, content }) => {
    const user = requireUser(ctx);
    docFor(ctx, id);
    const newId = write(ctx.db, () => revise(ctx, user, currentDraft(ctx.db, id, rowVersion, user.id), content, nowIso(ctx)));
    return issued(ctx, newId);
  },
  'documents.paraf': (ctx, { id }) => {
    const user = requireUser(ctx);
    const row = docFor(ctx, id);
    if (row.complaint_id === null) throw new TanggapError('conflict', 'Dokumen ini tidak diparaf.');
    change(ctx, row.complaint_id, (at) => paraf(ctx, user, getDoc(ctx.db, id), at));
    return issued(ctx, id);
  },
  'documents.return': (ctx, { id, reason }) => {
    const user = requireUser(ctx);
    const row = docFor(ctx, id);
    write(ctx.db, () => returnDocument(ctx, user, getDoc(ctx.db, id), reason, nowIso(ctx)));
    return issued(ctx, row.id);
  },
  'documents.sign': async (ctx, { id, password }) => {
    const user = requireUser(ctx);
    requireSignsForHead(ctx.db, user, nowIso(ctx));
    docFor(ctx, id);
    await confirmPassword(ctx, user, password, 'sign', new TanggapError('validation', 'Kata sandi salah; dokumen belum ditandatangani. Ketik ulang kata sandi Anda.', 'password'));
    await signDocument(ctx, user, id, { onScreen: true });
    return issued(ctx, id);
  },
  'documents.printWet': async (ctx, { id, signerId }) => {
    const user = requireUser(ctx);
    const row = docFor(ctx, id);
    if (row.complaint_id === null) throw new TanggapError('conflict', 'Dokumen ini tidak ditandatangani.');
    await printForWetSigning(ctx, user, id, signerId);
    return issued(ctx, id);
  },
  'documents.signWet': async (ctx, { id, printedAt, scan }) => {
    const user = requireUser(ctx);
    const row = docFor(ctx, id);
    if (row.complaint_id === null) throw new TanggapError('conflict', 'Dokumen ini tidak ditandatangani.');
    // Refused before the scan is written; signDocument checks again under the lock and
    // only then writes it.
    requireAction(ctx.db, user, row, 'sign_wet', nowIso(ctx));
    const checked = checkAttachments([scan]);
    await signDocument(ctx, user, id, {
      onScreen: false,
      printedAt,
      scan: (docId, at) => insertFiles(ctx, row.complaint_id!, saveAttachments(ctx.dataDir, checked), 'document_id', docId, at)[0]!,
    });
    return issued(ctx, id);
  },
  'documents.signatureQueue': (ctx) => {
    const user = requireUser(ctx);
    const at = nowIso(ctx);
    requireSignsForHead(ctx.db, user, at);
    const printedFor = (paper: WetPaperRow | undefined) =>
      paper?.printed_at && paper.signer_id !== null ? { number: paper.number, signer: signerWordsOf(ctx.db, paper.signer_id, paper.capacity ?? '') } : null;
    const parafNames = pluck(ctx.db, 'SELECT u.name FROM document_parafs p JOIN users u ON u.id = p.user_id WHERE p.document_id = ? ORDER BY p.id');
    return signableDrafts(ctx.db, user, at)
      .map((r) => ({
        id: r.id,
        complaintId: r.complaint_id,
        registerNo: r.c_register ?? '',
        subject: r.c_subject ?? '',
        kind: r.kind,
        title: DOCUMENT_KIND_LABEL[r.kind],
        version: r.version,
        createdAt: r.created_at,
        parafNames: parafNames.all(r.id) as string[],
        // The queue holds drafts still to be signed: the paper of one, when printed, stands.
        wetPaper: printedFor(wetPaperOf(ctx.db, r.id)),
        standIn: standInOf(draftById(ctx.db, r.id)?.body ?? []),
      }));
  },
  'documents.scansAwaited': (ctx) => {
    const user = requireUser(ctx);
    const at = nowIso(ctx);
    const inQueue = new Set(signsForHead(ctx.db, user, at) ? signableDrafts(ctx.db, user, at).map((d) => d.id) : []);
    return scansAwaited(ctx.db, user, at, inQueue).map((r) => ({
      id: r.id,
      complaintId: r.complaint_id!,
      registerNo: r.c_register ?? '',
      subject: r.c_subject ?? '',
      title: DOCUMENT_KIND_LABEL[r.kind],
      number: r.p_number,
      signer: signerWordsOf(ctx.db, r.p_signer, r.p_capacity),
      printedAt: r.p_printed_at,
      printedByName: r.p_printed_by === null ? '' : userName(ctx.db, r.p_printed_by),
    }));
  },
  'documents.verify': (ctx, { code, docxBase64 }) => {
    const user = requireUser(ctx);
    const hash = code ? '' : sha256(Buffer.from(docxBase64, 'base64'));
    const row = code
      ? (ctx.db.prepare('SELECT * FROM issued_documents WHERE verify_code = ?').get(normaliseCode(code)) as DocRow | undefined)
      : (ctx.db.prepare('SELECT * FROM issued_documents WHERE docx_sha256 = ?').get(hash) as DocRow | undefined);
    // A sheet printed to be signed by hand and not (or not yet) recorded as signed.
    const print = !row && hash ? wetPrintByDocx(ctx.db, hash) : undefined;
    if (print) return verifyPrint(ctx, print);
    if (!row) {
      return {
        found: false,
        message: code
          ? 'Kode ini tidak cocok dengan dokumen mana pun yang ditandatangani di kantor ini. Periksa lagi kode yang diketik.'
          : 'Berkas ini tidak sama dengan dokumen mana pun yang diterbitkan kantor ini: isinya berbeda atau sudah diubah setelah diunduh.',
        document: null,
      };
    }
    const doc = toIssued(ctx.db, user, row, nowIso(ctx));
    const superseded = row.superseded_by !== null;
    const signed = row.status === 'ditandatangani' || row.status === 'ditandatangani_basah' || (superseded && row.signed_at !== null);
    return {
      found: true,
      message: !signed
        ? row.status === 'final'
          ? // A form (tanda terima, kartu kendali, lembar disposisi…) is never signed in the app.
            `Berkas ini sama persis dengan ${doc.title.toLowerCase()} yang diterbitkan kantor ini. Dokumen ini tidak ditandatangani di aplikasi: tanda tangan atau parafnya dibubuhkan dengan tangan pada lembar cetaknya.`
          : `Berkas ini sama dengan ${doc.title.toLowerCase()} yang diterbitkan kantor ini, tetapi belum ditandatangani.`
        : superseded
          ? `${code ? 'Kode ini milik dokumen yang ditandatangani di aplikasi' : 'Dokumen ini asli'}, tetapi sudah diganti dengan versi koreksi. Gunakan versi terbaru.`
          : code
            ? // A code names the document, not the paper in hand: the reader compares the two.
              'Kode ini milik dokumen yang ditandatangani di aplikasi, dengan nomor dan penandatangan di bawah. Cocokkan dengan surat yang Anda pegang; untuk memastikan isinya tidak diubah, periksa berkas DOCX-nya.'
            : row.status === 'ditandatangani_basah'
              ? 'Dokumen ini asli: berkasnya sama persis dengan naskah yang dicetak untuk ditandatangani basah dan dicatat di aplikasi. Tanda tangan aslinya ada pada lembar cetak itu; hasil pindainya tersimpan di kantor.'
              : 'Dokumen ini asli: berkasnya sama persis dengan yang ditandatangani di aplikasi.',
      document: {
        kind: row.kind,
        title: doc.title,
        number: row.number,
        registerNo: doc.registerNo,
        signedAt: row.signed_at,
        signerName: signerWords(ctx.db, doc.signerName, row.signer_capacity),
        status: row.status,
        superseded,
      },
    };
  },
  'documents.blankDispositionSheet': async (ctx) => {
    requireUser(ctx);
    const view = dispositionSheetView(ctx.db, null, []);
    const bytes = await renderDocx({ family: 'disposition', view });
    return { view, file: { fileName: 'Lembar-Disposisi-kosong.docx', mime: DOCX_MIME, dataBase64: bytes.toString('base64') } };
  },

  'documents.deliver': (ctx, { complaintId, channel, deliveredAt, recipient, note, proof, satisfaction }) => {
    const user = requireUser(ctx);
    const tz = getOffice(ctx.db).timeZone;
    const at = fromLocal(deliveredAt.slice(0, 10), deliveredAt.slice(11, 16), tz);
    if (at > nowIso(ctx)) throw new TanggapError('validation', 'Waktu penyampaian tidak boleh setelah sekarang.', 'deliveredAt');
    // Refused before any proof is written; checked again under the lock, and only then written.
    requireComplaint(ctx.db, user, complaintId);
    const receivedAt = pluck(ctx.db, 'SELECT received_at FROM complaints WHERE id = ?').get(complaintId) as string;
    // To the minute, as the delivery is written: one recorded the minute it came in is not before it.
    if (at.slice(0, 16) < receivedAt.slice(0, 16)) {
      throw new TanggapError('validation', `Waktu penyampaian tidak boleh sebelum pengaduan diterima (${formatTanggalWaktu(receivedAt, tz)}). Periksa tanggalnya.`, 'deliveredAt');
    }
    authorize(ctx.db, user, complaintId, 'deliver');
    const checked = checkAttachments(proof);
    return change(ctx, complaintId, (now) => {
      const l = authorize(ctx.db, user, complaintId, 'deliver');
      recordClosingSatisfaction(ctx.db, l, satisfaction, user, now);
      const answer = answerForDelivery(ctx.db, l);
      // Nor before the answer was first signed, to the minute: of whichever version (one
      // corrected and signed again before the delivery is recorded went out as first
      // signed), and on screen (a signature by hand is recorded when its scan is, which may
      // come after the paper went out).
      // (A version signed on screen has its verification code, whatever its status since.)
      const first = answer
        ? (stmt(ctx.db, 'SELECT signed_at, verify_code IS NOT NULL AS on_screen FROM issued_documents WHERE complaint_id = ? AND kind = ? AND signed_at IS NOT NULL ORDER BY signed_at LIMIT 1').get(
            complaintId,
            answer.kind,
          ) as { signed_at: string; on_screen: number } | undefined)
        : undefined;
      if (answer && first?.on_screen && at.slice(0, 16) < first.signed_at.slice(0, 16)) {
        const signed = formatTanggalWaktu(first.signed_at, tz);
        throw new TanggapError('validation', `Waktu penyampaian tidak boleh sebelum ${DOCUMENT_KIND_LABEL[answer.kind].toLowerCase()} ditandatangani (${signed}). Periksa tanggalnya.`, 'deliveredAt');
      }
      const files = saveAttachments(ctx.dataDir, checked);
      const info = ctx.db
        .prepare('INSERT INTO deliveries (complaint_id, document_id, channel, delivered_at, recipient, note, by_user, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(complaintId, answer?.id ?? null, channel, at, recipient, note, user.id, now);
      const deliveryId = Number(info.lastInsertRowid);
      insertFiles(ctx, complaintId, files, 'delivery_id', deliveryId, now);
      const by = signerUser(ctx.db, user.id);
      const view = deliveryReceiptView(ctx.db, complaintId, {
        channel,
        deliveredAt: at,
        recipient,
        note,
        documentTitle: answer ? DOCUMENT_KIND_LABEL[answer.kind] : '',
        documentNumber: answer?.number ?? '',
        by,
      });
      insertDocument(ctx.db, {
        complaintId,
        kind: 'tanda_terima_penyampaian',
        status: 'final',
        page: KINDS.tanda_terima_penyampaian.page(docContext(ctx.db).settings),
        content: { family: 'letter', view },
        params: { deliveryId },
        createdBy: user.id,
        at: now,
      });
      appendAudit(ctx.db, { at: now, actorId: user.id, action: 'complaint.delivered', entity: 'complaint', entityId: complaintId, data: { deliveryId, channel, files: files.length } });
      // The step ends when the answer reached the reporter, as the delivery says, not when it
      // was recorded (often the next morning): the standard's clocks and the buku rekap count
      // to then. Never before the step began (a letter handed over before its signing was
      // recorded in Tanggap).
      const started = l.c.step_started_at;
      completeStep(ctx, l, user, started && at < started ? started : at, `Disampaikan kepada ${recipient}`);
    });
  },
  'documents.archive': (ctx, { complaintId, location, satisfaction }) => {
    const user = requireUser(ctx);
    return change(ctx, complaintId, (at) => {
      const l = authorize(ctx.db, user, complaintId, 'archive');
      recordClosingSatisfaction(ctx.db, l, satisfaction, user, at);
      ctx.db.prepare('UPDATE complaints SET archive_location = ? WHERE id = ?').run(location, complaintId);
      recordComplaintEvent(ctx.db, { complaintId, at, actorId: user.id, words: `Berkas diarsipkan di ${location}`, action: 'complaint.archived' });
      completeStep(ctx, l, user, at, `Arsip: ${location}`);
    });
  },

  'documents.settings': (ctx) => withRowVersion(documentSettings(ctx.db), settingVersion(ctx.db, 'documents')),
  'documents.updateSettings': (ctx, { rowVersion, ...settings }) => {
    const user = requireUser(ctx);
    const next = write(ctx.db, () => {
      const at = nowIso(ctx);
      const v = writeSettingIfCurrent(ctx.db, 'documents', documentSettingsInputSchema.parse(settings), rowVersion, user.id, at);
      appendAudit(ctx.db, { at, actorId: user.id, action: 'documents.settings_updated', entity: 'settings', entityId: null });
      return v;
    });
    return withRowVersion(documentSettings(ctx.db), next);
  },

  'officials.list': (ctx) => actingRows(ctx),
  'officials.add': (ctx, { userId, kind, from, to }) => {
    const user = requireUser(ctx);
    const target = ctx.db.prepare('SELECT role, active FROM users WHERE id = ?').get(userId) as { role: string; active: number } | undefined;
    if (!target || !target.active || !['sekcam', 'kasi', 'camat'].includes(target.role)) {
      const { level } = getOffice(ctx.db);
      const roles = listWords((['sekcam', 'kasi', 'camat'] as const).map((r) => roleLabel(r, level)), 'atau');
      throw new TanggapError('validation', `Pilih pengguna aktif dengan peran ${roles} sebagai Plt./Plh.`, 'userId');
    }
    // A Plt./Plh. stands in for the head who holds the office: never that head.
    if (activeHead(ctx.db)?.user.id === userId) {
      const { headTitle, level } = getOffice(ctx.db);
      throw new TanggapError('validation', `Pengguna ini ${headTitle} yang sedang menjabat; Plt./Plh. ditunjuk untuk menggantikannya. Pilih ${roleLabel('sekcam', level)} atau ${roleLabel('kasi', level)}.`, 'userId');
    }
    write(ctx.db, () => {
      const at = nowIso(ctx);
      // One acting head at a time: the signature block cannot say two.
      const overlap = ctx.db
        .prepare('SELECT u.name, a.from_date, a.to_date FROM acting_officials a JOIN users u ON u.id = a.user_id WHERE a.from_date <= ? AND a.to_date >= ? LIMIT 1')
        .get(to, from) as { name: string; from_date: string; to_date: string } | undefined;
      if (overlap) {
        throw new TanggapError(
          'conflict',
          `Periode ini bertumpuk dengan ${overlap.name} (${[overlap.from_date, overlap.to_date].map((d) => formatTanggal(d, getOffice(ctx.db).timeZone)).join(' s.d. ')}). Hanya satu Plt./Plh. dalam satu waktu: hapus catatan itu dulu, lalu tambahkan lagi dengan periode yang benar.`,
          'from',
        );
      }
      ctx.db.prepare('INSERT INTO acting_officials (user_id, kind, from_date, to_date, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(userId, kind, from, to, user.id, at);
      appendAudit(ctx.db, { at, actorId: user.id, action: 'officials.added', entity: 'user', entityId: userId, data: { kind, from, to } });
    });
    return actingRows(ctx);
  },
  'officials.remove': (ctx, { id }) => {
    const user = requireUser(ctx);
    write(ctx.db, () => {
      const info = ctx.db.prepare('DELETE FROM acting_officials WHERE id = ?').run(id);
      if (info.changes === 0) throw notFound('Catatan Plt./Plh.');
      appendAudit(ctx.db, { at: nowIso(ctx), actorId: user.id, action: 'officials.removed', entity: 'acting_official', entityId: id });
    });
    return actingRows(ctx);
  },
  'auth.signature': (ctx) => ({ image: signerUser(ctx.db, requireUser(ctx).id).signature_image }),
  'auth.setSignature': (ctx, { image }) => {
    const user = requireUser(ctx);
    if (image !== '') requireSpecimenImage(image);
    write(ctx.db, () => {
      ctx.db.prepare('UPDATE users SET signature_image = ? WHERE id = ?').run(image, user.id);
      appendAudit(ctx.db, { at: nowIso(ctx), actorId: user.id, action: 'user.signature_updated', entity: 'user', entityId: user.id, data: { sha256: image ? sha256(image) : '' } });
    });
    return { image };
  },
};
