import type { Handlers } from '../context';
import { nowIso, requireUser, write } from '../context';
import { notFound, TanggapError } from '../errors';
import { COMPLAINT_KIND_LABEL } from '../../../shared/domain';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import { recordIdentityView, recordRahasiaPaper } from './identityViews';
import { currentStandard } from '../workflow/standard';
import { withLateness } from '../workflow/queue';
import { issueIntakeDocuments, docxOf } from '../documents/service';
import { latestOf, contentOf } from '../documents/store';
import type { ReceiptView } from '../../../shared/documents/receipt';
import { checkAttachments, readAttachment, saveAttachments } from './attachments';
import { getComplaint, insertComplaint, listComplaints } from './repo';
import { similarComplaints } from './similar';
import { intakeRules } from './intakeRules';
import { complaintAccess, requireAttachment, requireComplaint } from '../access';
import { officeWords } from '../office/settings';

type ComplaintCalls =
  | 'complaints.create'
  | 'complaints.list'
  | 'complaints.get'
  | 'complaints.kelengkapanChecklist'
  | 'complaints.receipt'
  | 'complaints.receiptDocx'
  | 'complaints.attachment'
  | 'complaints.personalData'
  | 'complaints.similar'
  | 'complaints.intakeRules';

// The tanda terima as issued at intake. A complaint registered before documents were
// stored (or by a bulk import) gets its tanda terima issued on first request. A rahasia
// reporter's name, address and phone are on it: each opening is audited as the
// complaint's page is (an anonim one's receipt carries no identity).
function receiptRow(ctx: Parameters<Handlers['complaints.receipt']>[0], id: number, how: string) {
  const user = requireUser(ctx);
  requireComplaint(ctx.db, user, id);
  recordRahasiaPaper(ctx, user.id, id, how);
  const existing = latestOf(ctx.db, id, 'tanda_terima');
  if (existing) return existing;
  write(ctx.db, () => {
    if (!latestOf(ctx.db, id, 'tanda_terima')) issueIntakeDocuments(ctx.db, id, user.id, nowIso(ctx));
  });
  return latestOf(ctx.db, id, 'tanda_terima')!;
}


const receiptViewOf = (row: Parameters<typeof contentOf>[0]) => (contentOf(row) as { view: ReceiptView }).view;

const kelengkapanChecklist = (db: Db) => currentStandard(db).kelengkapanChecklist;

export const complaintHandlers: Pick<Handlers, ComplaintCalls> = {
  'complaints.create': (ctx, input) => {
    const user = requireUser(ctx);
    const standard = currentStandard(ctx.db);
    const served = standard.complaintKinds;
    // The kelengkapan ticked are items of the standard's checklist, each once.
    const unknown = input.kelengkapan.find((k, i) => !standard.kelengkapanChecklist.includes(k) || input.kelengkapan.indexOf(k) !== i);
    if (unknown !== undefined) {
      throw new TanggapError('validation', `Butir kelengkapan "${unknown.slice(0, 80)}" tidak ada (lagi) di daftar Standar Pelayanan, atau tercentang dua kali: hapus centangnya, lalu simpan lagi.`, 'kelengkapan');
    }
    if (!served.includes(input.kind)) {
      throw new TanggapError(
        'validation',
        `Jenis ${COMPLAINT_KIND_LABEL[input.kind]} tidak dilayani menurut Standar Pelayanan kantor ini; pilih ${served.map((k) => COMPLAINT_KIND_LABEL[k]).join(', ')}.`,
        'kind',
      );
    }
    // The complaint to link to must be one this officer may open.
    if (input.linkTo !== undefined) requireComplaint(ctx.db, user, input.linkTo);
    const checked = checkAttachments(input.attachments);
    const recorded = write(ctx.db, () => {
      const id = insertComplaint(ctx, user, input, saveAttachments(ctx.dataDir, checked));
      // Read once, for the answer and the tanda terima (the documents are not part of it).
      const recorded = getComplaint(ctx.db, id, user);
      issueIntakeDocuments(ctx.db, id, user.id, nowIso(ctx), recorded);
      return recorded;
    });
    ctx.log.info(`pengaduan #${recorded.id} dicatat oleh pengguna #${user.id}`);
    return recorded;
  },
  'complaints.list': (ctx, query) => {
    const list = listComplaints(ctx.db, query, requireUser(ctx), nowIso(ctx));
    return { ...list, rows: withLateness(ctx, list.rows) };
  },
  'complaints.get': (ctx, { id }) => {
    const user = requireUser(ctx);
    const access = requireComplaint(ctx.db, user, id);
    const detail = getComplaint(ctx.db, id, user, access);
    // An anonim or rahasia identity shown to a handler leaves a row in the audit chain (UU PDP).
    if (access.identity && (detail.reporter.anonymous || detail.reporter.confidential)) recordIdentityView(ctx, user.id, id, 'Membuka rincian pengaduan');
    return detail;
  },
  'complaints.kelengkapanChecklist': (ctx) => kelengkapanChecklist(ctx.db),
  'complaints.similar': (ctx, query) => similarComplaints(ctx.db, requireUser(ctx), query),
  'complaints.intakeRules': (ctx) => intakeRules(ctx.db),
  'complaints.receipt': (ctx, { id }) => receiptViewOf(receiptRow(ctx, id, 'Membuka tanda terima')),
  'complaints.receiptDocx': async (ctx, { id }) => {
    const row = receiptRow(ctx, id, 'Mengunduh tanda terima (DOCX)');
    const view = receiptViewOf(row);
    const bytes = await docxOf(ctx.db, row);
    return {
      fileName: `Tanda-Terima-${view.registerNo.replaceAll('/', '-')}.docx`,
      mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      dataBase64: bytes.toString('base64'),
    };
  },
  // Only those who may see the identity get it; each opening, with its reason, leaves a
  // row in the audit chain (UU PDP).
  'complaints.personalData': (ctx, { id, reason }) => {
    const user = requireUser(ctx);
    if (!requireComplaint(ctx.db, user, id).identity) {
      throw new TanggapError('forbidden', `Identitas pelapor pengaduan ini hanya dapat dilihat oleh ${officeWords(ctx.db).head} dan petugas yang menerimanya.`);
    }
    const row = stmt(ctx.db, 'SELECT reporter_name, reporter_address, reporter_nik, reporter_phone, reporter_email, anonymous, confidential FROM complaints WHERE id = ?').get(id) as
      | { reporter_name: string; reporter_address: string; reporter_nik: string; reporter_phone: string; reporter_email: string; anonymous: number; confidential: number }
      | undefined;
    if (!row) throw notFound('Pengaduan');
    recordIdentityView(ctx, user.id, id, reason);
    return {
      name: row.reporter_name,
      address: row.reporter_address,
      nik: row.reporter_nik,
      phone: row.reporter_phone,
      email: row.reporter_email,
      anonymous: row.anonymous === 1,
      confidential: row.confidential === 1,
    };
  },
  'complaints.attachment': (ctx, { id }) => {
    const user = requireUser(ctx);
    const complaintId = requireAttachment(ctx.db, user, id);
    const row = stmt(ctx.db, 'SELECT file_name, mime, sha256, stored_name FROM attachments WHERE id = ?').get(id) as { file_name: string; mime: string; sha256: string; stored_name: string };
    return {
      // The file's own name may be the reporter's ("ktp-siti.pdf").
      fileName: complaintAccess(ctx.db, user, complaintId).identity ? row.file_name : `Lampiran-${id}.${row.stored_name.split('.').pop()}`,
      mime: row.mime,
      dataBase64: readAttachment(ctx.dataDir, row.stored_name, row.sha256).toString('base64'),
    };
  },
};
