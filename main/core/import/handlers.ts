import { createHash, randomUUID } from 'node:crypto';
import { IMPORT_FIELD_LABEL, IMPORT_MAX_ROWS, IMPORT_PREVIEW_ROWS, type ImportField, type ImportMapping, type ImportPreview, type ImportReport, type ImportSource } from '../../../shared/schemas/import';
import { localDate } from '../../../shared/time/workingTime';
import { appendAudit } from '../audit/chain';
import { nowIso, requireUser, write, type Ctx, type Handlers, type SessionUser } from '../context';
import { TanggapError } from '../errors';
import { getOffice } from '../office/settings';
import { checkRows, findHeaderRow, headersOf, sourceOf, suggestMapping, type CheckedRow } from './rows';
import { readTable } from './table';
import { finishBatch, importComplaint, startBatch, takenBy } from './write';

type ImportCalls = 'import.preview' | 'import.start' | 'import.status';

// "Impor register lama": the Admin (or a Staf) uploads the old register or an
// SP4N-LAPOR! export, sees what each row becomes, and confirms. Nothing is written by
// the preview; the run writes in transactions of CHUNK rows, so the screen can show
// progress and other PCs are not held up, and a second run of the same file skips what
// the first imported.

const CHUNK = 100;
const JOB_TTL_MS = 30 * 60_000;

interface Job {
  owner: string;
  userId: number;
  createdAt: number;
  done: number;
  total: number;
  report: ImportReport | null;
  failed: unknown;
}
const jobs = new Map<string, Job>();

function sweep(now: number) {
  for (const [id, job] of jobs) if (now - job.createdAt > JOB_TTL_MS && (job.report || job.failed !== null)) jobs.delete(id);
}

function refuseWhileRunning(user: SessionUser) {
  for (const job of jobs.values()) {
    if (job.userId === user.id && !job.report && job.failed === null) throw new TanggapError('conflict', 'Impor sebelumnya masih berjalan; tunggu sampai selesai.');
  }
}

function mayImport(user: SessionUser) {
  if (user.role !== 'admin' && user.role !== 'staf') throw new TanggapError('forbidden', 'Impor register lama hanya dapat dilakukan oleh Admin atau Staf pengaduan.');
}

interface Checked {
  sheets: string[];
  sheet: string;
  headerRow: number;
  headers: string[];
  source: ImportSource;
  mapping: ImportMapping;
  rows: CheckedRow[];
}

async function check(ctx: Ctx, input: { file: { fileName: string; dataBase64: string }; sheet?: string | undefined; source?: ImportSource | undefined; mapping?: ImportMapping | undefined }): Promise<Checked> {
  const bytes = Buffer.from(input.file.dataBase64, 'base64');
  const table = await readTable(input.file.fileName, bytes);
  const sheet = input.sheet && table.sheets.includes(input.sheet) ? input.sheet : table.sheets[0]!;
  if (input.sheet && !table.sheets.includes(input.sheet)) throw new TanggapError('validation', `Lembar "${input.sheet}" tidak ada di berkas ini; pilih salah satu: ${table.sheets.join(', ')}.`, 'sheet');
  const cells = table.rowsOf(sheet);
  const headerRow = findHeaderRow(cells);
  const headers = headersOf(cells, headerRow);
  const mapping = input.mapping ?? suggestMapping(headers);
  for (const [field, col] of Object.entries(mapping)) {
    if (col !== null && col !== undefined && col >= headers.length) throw new TanggapError('validation', `Kolom pilihan untuk ${IMPORT_FIELD_LABEL[field as ImportField] ?? field} tidak ada di lembar ini; pilih ulang pemetaan kolom.`, `mapping.${field}`);
  }
  const source = input.source ?? sourceOf(mapping);
  const dataRows = cells.length - headerRow - 1;
  if (dataRows > IMPORT_MAX_ROWS) {
    throw new TanggapError('validation', `Lembar ini berisi ${dataRows.toLocaleString('id-ID')} baris; paling banyak ${IMPORT_MAX_ROWS.toLocaleString('id-ID')} sekali impor. Pecah per tahun lalu impor satu per satu.`, 'file');
  }
  const today = localDate(ctx.now(), getOffice(ctx.db).timeZone);
  const rows = checkRows(cells, headerRow, mapping, { source, today, taken: (key, laporId) => takenBy(ctx.db, key, laporId) });
  return { sheets: table.sheets, sheet, headerRow: headerRow + 1, headers, source, mapping, rows };
}

const reasonOf = (r: CheckedRow) => r.view.reasons.join(' ');

export const importHandlers: Pick<Handlers, ImportCalls> = {
  'import.preview': async (ctx, input) => {
    const user = requireUser(ctx);
    mayImport(user);
    const c = await check(ctx, input);
    const ready = c.rows.filter((r) => r.complaint).length;
    const preview: ImportPreview = {
      sheets: c.sheets,
      sheet: c.sheet,
      headerRow: c.headerRow,
      headers: c.headers,
      source: c.source,
      mapping: c.mapping,
      total: c.rows.length,
      ready,
      skipped: c.rows.length - ready,
      rows: c.rows.slice(0, IMPORT_PREVIEW_ROWS).map((r) => r.view),
      skippedRows: c.rows
        .slice(IMPORT_PREVIEW_ROWS)
        .filter((r) => !r.complaint)
        .slice(0, 500)
        .map((r) => ({ row: r.view.row, reason: reasonOf(r) })),
    };
    return preview;
  },
  'import.start': async (ctx, input) => {
    const user = requireUser(ctx);
    mayImport(user);
    const now = ctx.now().getTime();
    sweep(now);
    refuseWhileRunning(user);
    const c = await check(ctx, input);
    // Again once the file is read: a second click sent meanwhile passed the first check too.
    refuseWhileRunning(user);
    const sha256 = createHash('sha256').update(input.file.dataBase64).digest('hex');
    const at = nowIso(ctx);
    const batch = write(ctx.db, () => startBatch(ctx.db, user, at, { source: c.source, fileName: input.file.fileName, sha256, sheet: c.sheet, total: c.rows.length }));
    const job: Job = { owner: ctx.session.token ?? '', userId: user.id, createdAt: now, done: 0, total: c.rows.length, report: null, failed: null };
    const jobId = randomUUID();
    jobs.set(jobId, job);
    const fileLabel = `berkas "${input.file.fileName}"${c.sheets.length > 1 ? `, lembar "${c.sheet}"` : ''}`;
    const skipped: ImportReport['skipped'] = [];
    let imported = 0;
    let open = 0;
    const step = (from: number) => {
      try {
        const part = c.rows.slice(from, from + CHUNK);
        write(ctx.db, () => {
          for (const r of part) {
            // Checked again inside the lock: another PC may have imported the same row meanwhile.
            const again = r.complaint ? takenBy(ctx.db, r.complaint.key, r.complaint.laporId) : null;
            if (!r.complaint || again !== null) {
              skipped.push({ row: r.view.row, reason: r.complaint ? `Sudah tercatat di aplikasi (${again}); tidak diimpor lagi.` : reasonOf(r) });
              continue;
            }
            if (importComplaint(ctx, user, batch, at, r.complaint, r.view.row, fileLabel)) open++;
            imported++;
          }
        });
        job.done = Math.min(from + CHUNK, c.rows.length);
        if (job.done < c.rows.length) return void setImmediate(step, job.done);
        const finished = nowIso(ctx);
        write(ctx.db, () => {
          finishBatch(ctx.db, batch, finished, imported, skipped.length);
          appendAudit(ctx.db, {
            at: finished,
            actorId: user.id,
            action: 'complaint.import_finished',
            entity: 'import',
            entityId: batch,
            data: { source: c.source, rows: c.rows.length, imported, open, skipped: skipped.length, sha256 },
          });
        });
        ctx.log.info(`impor #${batch}: ${imported} pengaduan diimpor, ${skipped.length} baris dilewati`);
        job.report = { batchId: batch, total: c.rows.length, imported, open, closed: imported - open, skipped };
      } catch (err) {
        job.failed = err;
        ctx.log.error(`impor #${batch} berhenti di baris ke-${from + 1}`, err);
      }
    };
    setImmediate(step, 0);
    return { jobId, total: c.rows.length };
  },
  'import.status': (ctx, { jobId }) => {
    const user = requireUser(ctx);
    const job = jobs.get(jobId);
    if (!job || job.owner !== ctx.session.token || job.userId !== user.id) throw new TanggapError('not_found', 'Proses impor ini tidak ditemukan atau sudah kedaluwarsa; lihat hasilnya di buku register.');
    if (job.failed !== null) {
      jobs.delete(jobId);
      throw new TanggapError(
        'internal',
        `Impor berhenti setelah ${job.done.toLocaleString('id-ID')} dari ${job.total.toLocaleString('id-ID')} baris; yang sudah tersimpan tetap tersimpan. Jalankan impor berkas yang sama lagi: baris yang sudah diimpor akan dilewati.`,
      );
    }
    return { done: job.done, total: job.total, report: job.report };
  },
};
