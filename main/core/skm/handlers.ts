import { isFinished, STATUS_LABEL, type Status } from '../../../shared/domain';
import { skmPeriodLabel } from '../../../shared/skm';
import { formatTanggal } from '../../../shared/time/format';
import { fromLocal, localDate, type TimeZoneId } from '../../../shared/time/workingTime';
import { appendAudit } from '../audit/chain';
import { verifyPassword } from '../auth/passwords';
import { createSession, endSession } from '../auth/sessions';
import { requireComplaint } from '../access';
import type { Handlers } from '../context';
import { nowIso, requireUser, write } from '../context';
import { stmt } from '../db/statements';
import { documentSettings } from '../documents/settings';
import { TanggapError } from '../errors';
import { findOffice, getOffice } from '../office/settings';
import { recordExport } from '../reports/exportHandlers';
import { skmWorkbook } from './export';
import { checkExitLock, checkKioskPace, closeKiosk, countFailedExit, findKiosk, openKiosk, requireKiosk } from './kiosk';
import { insertResponse, skmSummary } from './responses';

type SkmCalls = 'skm.submit' | 'skm.summary' | 'skm.exportXlsx' | 'skm.kioskStart' | 'skm.kioskState' | 'skm.kioskSubmit' | 'skm.kioskExit';

// When a questionnaire the Staf enters was answered: now, or the start of the day a paper
// questionnaire was filled in, a day gone by within the last year (its month is the IKM's).
function answeredAt(filledOn: string, now: string, tz: TimeZoneId): string {
  const today = localDate(now, tz);
  if (filledOn === '' || filledOn === today) return now;
  if (filledOn > today) throw new TanggapError('validation', 'Tanggal pengisian tidak boleh sesudah hari ini.', 'filledOn');
  if (filledOn < `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`) throw new TanggapError('validation', 'Tanggal pengisian paling lama satu tahun sebelum hari ini; periksa tanggalnya.', 'filledOn');
  return fromLocal(filledOn, '00:00', tz);
}

export const skmHandlers: Pick<Handlers, SkmCalls> = {
  'skm.submit': (ctx, { answers, profile, registerNo, filledOn }) => {
    const user = requireUser(ctx);
    return write(ctx.db, () => {
      const at = nowIso(ctx);
      const tz = getOffice(ctx.db).timeZone;
      const answered = answeredAt(filledOn, at, tz);
      let complaintId: number | null = null;
      if (registerNo) {
        // As printed on the tanda terima, or typed in other letters (the register's index
        // serves the first; the second, a rare slip, reads the numbers through).
        const columns = 'SELECT id, register_no AS registerNo, status, closed_at AS closedAt FROM complaints';
        const row = (stmt(ctx.db, `${columns} WHERE register_no = ?`).get(registerNo) ?? stmt(ctx.db, `${columns} WHERE register_no = ? COLLATE NOCASE`).get(registerNo)) as
          | { id: number; registerNo: string; status: Status; closedAt: string | null }
          | undefined;
        if (!row) throw new TanggapError('not_found', `Pengaduan dengan nomor register "${registerNo}" tidak ada. Periksa nomor pada tanda terima, atau kosongkan isian itu.`, 'registerNo');
        requireComplaint(ctx.db, user, row.id);
        if (!isFinished(row)) {
          const why =
            row.closedAt === null
              ? `Pengaduan ${row.registerNo} belum selesai. Kuesioner untuk satu pengaduan diisi setelah pengaduan itu selesai.`
              : `Pengaduan ${row.registerNo} ditutup dengan status ${STATUS_LABEL[row.status]}, tidak diselesaikan. Kuesioner hanya dikaitkan dengan pengaduan yang selesai ditangani.`;
          throw new TanggapError('conflict', `${why} Untuk mencatat kuesioner tanpa pengaduan, kosongkan nomor register.`, 'registerNo');
        }
        if (localDate(answered, tz) < localDate(row.closedAt!, tz)) {
          throw new TanggapError(
            'validation',
            `Pengaduan ${row.registerNo} selesai pada ${formatTanggal(row.closedAt!, tz)}; kuesioner untuknya diisi pada hari itu atau sesudahnya. Periksa tanggal pengisian.`,
            'filledOn',
          );
        }
        if (stmt(ctx.db, 'SELECT 1 FROM skm_responses WHERE complaint_id = ?').get(row.id)) {
          throw new TanggapError('conflict', `Survei kepuasan untuk pengaduan ${row.registerNo} sudah diisi; satu pengaduan satu survei.`, 'registerNo');
        }
        complaintId = row.id;
      }
      const id = insertResponse(ctx.db, { complaintId, at: answered, source: 'staf', kioskId: null, answers, profile, enteredBy: user.id });
      appendAudit(ctx.db, { at, actorId: user.id, action: 'skm.submitted', entity: 'skm_response', entityId: id, data: { complaintId } });
      return { id };
    });
  },

  'skm.summary': (ctx, query) => {
    requireUser(ctx);
    return skmSummary(ctx.db, query, ctx.now());
  },

  'skm.exportXlsx': async (ctx, query) => {
    const user = requireUser(ctx);
    const summary = skmSummary(ctx.db, query, ctx.now());
    const file = await skmWorkbook(findOffice(ctx.db)?.name ?? '', summary, documentSettings(ctx.db).paper);
    recordExport(ctx, user, 'report.skm_exported', { what: `IKM ${skmPeriodLabel(summary.year, summary.month, summary.part)}, ${summary.total.respondents} responden (Excel)` });
    return file;
  },

  // The Staf's session on this PC ends here; the page holds only the kiosk token after.
  'skm.kioskStart': (ctx) => {
    const user = requireUser(ctx);
    const token = write(ctx.db, () => {
      const at = nowIso(ctx);
      if (ctx.session.token) endSession(ctx, ctx.session.token);
      const kiosk = openKiosk(ctx.db, user.id, at);
      appendAudit(ctx.db, { at, actorId: user.id, action: 'skm.kiosk_started', entity: 'skm_kiosk', entityId: kiosk.id });
      return kiosk.token;
    });
    ctx.session.setToken(token);
    return { ok: true as const };
  },

  'skm.kioskState': (ctx) => {
    const kiosk = findKiosk(ctx, ctx.session.token);
    return { active: kiosk !== null, officeName: findOffice(ctx.db)?.name ?? '', staffName: kiosk?.staffName ?? '' };
  },

  'skm.kioskSubmit': (ctx, { answers, profile }) => {
    write(ctx.db, () => {
      const kiosk = requireKiosk(ctx, ctx.session.token);
      checkKioskPace(ctx.db, kiosk, ctx.now());
      const at = nowIso(ctx);
      const id = insertResponse(ctx.db, { complaintId: null, at, source: 'kiosk', kioskId: kiosk.id, answers, profile, enteredBy: kiosk.userId });
      appendAudit(ctx.db, { at, actorId: null, action: 'skm.submitted', entity: 'skm_response', entityId: id, data: { kiosk: kiosk.id } });
    });
    return { ok: true as const };
  },

  // Only the Staf who opened the kiosk closes it, with their password; they are signed in again.
  'skm.kioskExit': async (ctx, { password }) => {
    const kiosk = requireKiosk(ctx, ctx.session.token);
    checkExitLock(kiosk, ctx.now());
    const ok = await verifyPassword(kiosk.passwordHash, password);
    const token = write(ctx.db, () => {
      const at = nowIso(ctx);
      const fresh = requireKiosk(ctx, ctx.session.token);
      checkExitLock(fresh, ctx.now());
      if (!ok) {
        countFailedExit(ctx.db, fresh, ctx.now());
        appendAudit(ctx.db, { at, actorId: null, action: 'skm.kiosk_exit_refused', entity: 'skm_kiosk', entityId: fresh.id });
        return null;
      }
      closeKiosk(ctx.db, fresh.id, at);
      appendAudit(ctx.db, { at, actorId: fresh.userId, action: 'skm.kiosk_ended', entity: 'skm_kiosk', entityId: fresh.id });
      return createSession(ctx, fresh.userId);
    });
    if (!token) throw new TanggapError('validation', `Kata sandi ${kiosk.staffName} salah. Mode kios tetap berjalan.`, 'password');
    ctx.session.setToken(token);
    return { ok: true as const };
  },
};
