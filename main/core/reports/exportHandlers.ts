import { randomUUID } from 'node:crypto';
import { CATEGORY_LABEL, CHANNEL_LABEL, NO_SEKSI_LABEL, STATUS_LABEL } from '../../../shared/domain';
import { KEADAAN_LABEL, keadaanLabel, langkahLabel } from '../../../shared/registerQuery';
import { REGISTER_EXPORT_MAX, RECAP_TABLE_LABEL, type RegisterExportInput } from '../../../shared/reports/exports';
import { MONTHS } from '../../../shared/time/format';
import { localDate } from '../../../shared/time/workingTime';
import { appendAudit } from '../audit/chain';
import { nowIso, requireUser, write, type Ctx, type Handlers, type SessionUser } from '../context';
import { TanggapError } from '../errors';
import { searchesWords } from '../complaints/repo';
import { getOffice } from '../office/settings';
import { documentSettings } from '../documents/settings';
import { officeCalendar } from '../workflow/standard';
import { laporWorkbook, recapCsv, recapWorkbook, registerIds, registerWorkbook, slug, type FileOut, type Progress } from './exports';
// The recap in every file is the one 'reports.recap' answers: a file says what the screen says.
import { recap } from './recap';

type ExportCalls = 'reports.recapXlsx' | 'reports.recapCsv' | 'reports.laporXlsx' | 'complaints.exportXlsx' | 'exports.status' | 'exports.cancel' | 'exports.file';

// Each download leaves a line in the audit chain: what was taken, how many rows, and
// whether the reporter's identity went with it (UU PDP). Never the search words: they
// may be a reporter's name or NIK.
export function recordExport(ctx: Ctx, user: SessionUser, action: string, data: Record<string, unknown>) {
  write(ctx.db, () => appendAudit(ctx.db, { at: nowIso(ctx), actorId: user.id, action, entity: 'report', entityId: null, data }));
}

// A filter's words inside the title's sentence: "Langkah 2 …" → "langkah 2 …".
const inSentence = (words: string) => words.charAt(0).toLowerCase() + words.slice(1);

// A register book runs from its first number. Sorted by number or by the day received, the
// file lists the complaints by number from the first, whichever way the screen shows them,
// so that its "No." counts as the book's does (a complaint recorded later with an earlier
// day received keeps its place by number); sorted by name or status, as the screen lists them.
const bookOrder = (f: RegisterExportInput): RegisterExportInput =>
  f.sort === undefined || f.sort === 'registerNo' || f.sort === 'receivedAt' ? { ...f, sort: 'registerNo', dir: 'asc' } : f;

function describeFilter(f: RegisterExportInput): string {
  const dateOf = f.dateOf === 'selesai' ? 'selesai' : 'diterima';
  return [
    f.year !== undefined ? `${dateOf} ${f.month !== undefined ? `${MONTHS[f.month - 1]} ` : 'tahun '}${f.year}` : 'semua tahun',
    f.status ? `status ${STATUS_LABEL[f.status]}` : '',
    f.channel ? `kanal ${CHANNEL_LABEL[f.channel]}` : '',
    f.category ? `kategori ${CATEGORY_LABEL[f.category]}` : '',
    f.seksi ? f.seksi : '',
    f.tanpaSeksi ? NO_SEKSI_LABEL.toLowerCase() : '',
    f.keadaan === 'terlambat' && f.akhirBulan ? inSentence(keadaanLabel(f.keadaan, f.akhirBulan)) : f.keadaan ? `${KEADAAN_LABEL[f.keadaan].toLowerCase()} saat diunduh` : '',
    f.langkah ? inSentence(langkahLabel(f.langkah)) : '',
    searchesWords(f.q) ? 'dengan kata kunci' : '',
  ]
    .filter(Boolean)
    .join(', ');
}

// ---- Register export jobs ----------------------------------------------------------
//
// A year's register takes a moment to build, so the call starts a job and answers with
// its id; the screen polls its progress and fetches the file once ready. A job belongs
// to the session that started it, is dropped when its file is fetched, when the same
// session starts another or cancels it, or after JOB_TTL_MS; a build still running
// stops at its next chunk once its job is dropped. At most BUILDS_AT_ONCE build at a
// time in the whole office: each holds up to REGISTER_EXPORT_MAX rows in memory and
// shares the host's CPU with every other call.

interface Job {
  owner: string;
  userId: number;
  createdAt: number;
  progress: Progress;
  file: FileOut | null;
  failed: unknown;
  filter: string;
  personalData: boolean;
  stop: AbortController;
}

const JOB_TTL_MS = 15 * 60_000;
const BUILDS_AT_ONCE = 2;
const jobs = new Map<string, Job>();
// Every build still running, its job dropped or not (a dropped one stops at its next chunk).
const running = new Set<Job>();

function drop(id: string) {
  jobs.get(id)?.stop.abort();
  jobs.delete(id);
}

function sweep(now: number) {
  for (const [id, job] of jobs) if (now - job.createdAt > JOB_TTL_MS) drop(id);
}

// The builds going on to the end (not stopped) of sessions other than this one.
const buildingBesides = (session: string) => [...running].filter((j) => !j.stop.signal.aborted && j.owner !== session).length;

function jobOf(ctx: Ctx, jobId: string): Job {
  const user = requireUser(ctx);
  sweep(ctx.now().getTime());
  const job = jobs.get(jobId);
  if (!job || job.owner !== ctx.session.token || job.userId !== user.id) {
    throw new TanggapError('not_found', 'Unduhan ini tidak ditemukan atau sudah kedaluwarsa. Tekan "Unduh Excel" lagi.');
  }
  if (job.failed !== null) {
    drop(jobId);
    if (job.failed instanceof TanggapError) throw job.failed;
    throw new TanggapError('internal', 'Berkas Excel tidak dapat disusun. Coba lagi; bila berulang, hubungi admin.');
  }
  return job;
}

export const exportHandlers: Pick<Handlers, ExportCalls> = {
  'reports.recapXlsx': async (ctx, q) => {
    const user = requireUser(ctx);
    const r = recap(ctx.db, q, ctx.now());
    const file = await recapWorkbook(r, documentSettings(ctx.db).paper);
    recordExport(ctx, user, 'report.recap_exported', { what: `Buku rekap ${r.periodLabel} (Excel)` });
    return file;
  },
  'reports.recapCsv': (ctx, { table, ...q }) => {
    const user = requireUser(ctx);
    const r = recap(ctx.db, q, ctx.now());
    const file = recapCsv(r, table);
    recordExport(ctx, user, 'report.recap_exported', { what: `Buku rekap ${r.periodLabel}, tabel ${RECAP_TABLE_LABEL[table]} (CSV)` });
    return file;
  },
  'reports.laporXlsx': async (ctx, { year, month }) => {
    const user = requireUser(ctx);
    const r = recap(ctx.db, { year, month }, ctx.now());
    if (r.total.openAtEnd === null) {
      throw new TanggapError('validation', `${r.periodLabel} belum berjalan (hari ini ${r.asOf}); laporannya dapat dibuat mulai bulan itu.`, 'month');
    }
    const ids = registerIds(ctx.db, user, { year, month, sort: 'registerNo', dir: 'asc' }, REGISTER_EXPORT_MAX, nowIso(ctx));
    const file = await laporWorkbook(ctx.db, user, officeCalendar(ctx.db), r, ids);
    recordExport(ctx, user, 'report.lapor_exported', { what: `Laporan SP4N-LAPOR! ${r.periodLabel}`, rows: ids.length });
    return file;
  },
  'complaints.exportXlsx': (ctx, filter) => {
    const user = requireUser(ctx);
    const now = ctx.now().getTime();
    sweep(now);
    // Refused before anything of this session's is dropped: a file it has ready stays.
    if (buildingBesides(ctx.session.token ?? '') >= BUILDS_AT_ONCE) {
      throw new TanggapError('rate_limited', 'Komputer kantor sedang menyusun dua berkas Excel lain. Tunggu sebentar (biasanya beberapa detik), lalu tekan "Unduh Excel" lagi.');
    }
    for (const [id, job] of jobs) if (job.owner === ctx.session.token) drop(id);
    const ids = registerIds(ctx.db, user, bookOrder(filter), REGISTER_EXPORT_MAX, nowIso(ctx));
    const office = getOffice(ctx.db);
    const cal = officeCalendar(ctx.db);
    const described = describeFilter(filter);
    const job: Job = {
      owner: ctx.session.token ?? '',
      userId: user.id,
      createdAt: now,
      progress: { done: 0, total: ids.length },
      file: null,
      failed: null,
      filter: described,
      personalData: user.role !== 'kasi',
      stop: new AbortController(),
    };
    const jobId = randomUUID();
    jobs.set(jobId, job);
    // Named by its filter and the day it was made: two downloads of a day keep apart.
    const fileName = `register-pengaduan-${slug(described).slice(0, 80).replace(/-$/, '')}-${localDate(ctx.now(), cal.timeZone)}.xlsx`;
    const heading = { officeName: office.name, title: `Buku Register Pengaduan — ${described}`, fileName };
    running.add(job);
    registerWorkbook(ctx.db, user, cal, ids, heading, job.progress, job.stop.signal)
      .then(
        (file) => void (job.file = file),
        (err: unknown) => {
          job.failed = err;
          if (!(err instanceof TanggapError) && !job.stop.signal.aborted) ctx.log.error('unduhan register gagal', err);
        },
      )
      .finally(() => running.delete(job));
    return { jobId, total: ids.length };
  },
  'exports.status': (ctx, { jobId }) => {
    const job = jobOf(ctx, jobId);
    return { done: job.progress.done, total: job.progress.total, ready: job.file !== null };
  },
  'exports.cancel': (ctx, { jobId }) => {
    requireUser(ctx);
    const job = jobs.get(jobId);
    // Only the session's own job; another's, or one already gone, is left as it is.
    if (job && job.owner === ctx.session.token) drop(jobId);
    return { ok: true as const };
  },
  'exports.file': (ctx, { jobId }) => {
    const user = requireUser(ctx);
    const job = jobOf(ctx, jobId);
    if (!job.file) throw new TanggapError('conflict', 'Berkas Excel masih disusun. Tunggu sampai kemajuannya 100%, lalu unduh.');
    drop(jobId);
    recordExport(ctx, user, 'report.register_exported', { what: `Buku register: ${job.filter}`, rows: job.progress.total, personalData: job.personalData });
    return job.file;
  },
};
