import type { Handlers } from '../context';
import { requireUser, write } from '../context';
import { notFound } from '../errors';
import { getOffice, readSetting } from '../office/settings';
import { buildReceiptView, receiptDocx } from '../documents/receipt';
import { readAttachment, storeAttachments } from './attachments';
import { getComplaint, insertComplaint, listComplaints } from './repo';
import { rowToUser, type UserRow } from '../users/rows';

type ComplaintCalls =
  | 'complaints.create'
  | 'complaints.list'
  | 'complaints.get'
  | 'complaints.kelengkapanChecklist'
  | 'complaints.receipt'
  | 'complaints.receiptDocx'
  | 'complaints.attachment';

function receiptFor(ctx: Parameters<Handlers['complaints.receipt']>[0], id: number) {
  const viewer = requireUser(ctx);
  const complaint = getComplaint(ctx.db, id, viewer);
  const officerRow = ctx.db
    .prepare('SELECT u.* FROM users u JOIN complaints c ON c.received_by = u.id WHERE c.id = ?')
    .get(id) as UserRow;
  return buildReceiptView({
    complaint,
    office: getOffice(ctx.db),
    officer: rowToUser(officerRow),
    checklist: kelengkapanChecklist(ctx.db),
  });
}

function kelengkapanChecklist(db: Parameters<typeof readSetting>[0]): string[] {
  const standard = readSetting(db, 'standard') as { kelengkapanChecklist?: string[] } | undefined;
  return standard?.kelengkapanChecklist ?? [];
}

export const complaintHandlers: Pick<Handlers, ComplaintCalls> = {
  'complaints.create': (ctx, input) => {
    const user = requireUser(ctx);
    const files = storeAttachments(ctx.dataDir, input.attachments);
    const id = write(ctx.db, () => insertComplaint(ctx, user, input, files));
    ctx.log.info(`pengaduan #${id} dicatat oleh pengguna #${user.id}`);
    return getComplaint(ctx.db, id, user);
  },
  'complaints.list': (ctx, query) => listComplaints(ctx.db, query),
  'complaints.get': (ctx, { id }) => getComplaint(ctx.db, id, requireUser(ctx)),
  'complaints.kelengkapanChecklist': (ctx) => kelengkapanChecklist(ctx.db),
  'complaints.receipt': (ctx, { id }) => receiptFor(ctx, id),
  'complaints.receiptDocx': async (ctx, { id }) => {
    const view = receiptFor(ctx, id);
    const bytes = await receiptDocx(view);
    return {
      fileName: `Tanda-Terima-${view.registerNo.replaceAll('/', '-')}.docx`,
      mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      dataBase64: bytes.toString('base64'),
    };
  },
  'complaints.attachment': (ctx, { id }) => {
    requireUser(ctx);
    const row = ctx.db
      .prepare('SELECT file_name, mime, sha256, stored_name FROM attachments WHERE id = ?')
      .get(id) as { file_name: string; mime: string; sha256: string; stored_name: string } | undefined;
    if (!row) throw notFound('Lampiran');
    return {
      fileName: row.file_name,
      mime: row.mime,
      dataBase64: readAttachment(ctx.dataDir, row.stored_name, row.sha256).toString('base64'),
    };
  },
};
