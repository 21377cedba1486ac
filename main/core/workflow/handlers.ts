import { validateStandard } from '../../../shared/standards/schema';
import { newCalendarDateIssues } from '../../../shared/time/workingTime';
import { calendarSchema } from '../../../shared/schemas/calendar';
import { parseIcsHolidays } from '../../../shared/time/ics';
import { appendAudit } from '../audit/chain';
import { checkAttachments, saveAttachments } from '../complaints/attachments';
import { recordComplaintEvent } from '../complaints/events';
import type { Ctx, Handlers } from '../context';
import { nowIso, requireUser, write } from '../context';
import { notFound, TanggapError } from '../errors';
import { getOffice, officeWords, writeSetting } from '../office/settings';
import { stmt } from '../db/statements';
import { settingVersion, withRowVersion, writeSettingIfCurrent } from '../versions';
import { INSTRUCTION_LABEL } from '../../../shared/schemas/workflow';
import { SIFAT_LABEL } from '../../../shared/domain';
import { listWords } from '../../../shared/text/words';
import {
  authorize,
  awaitingReturns,
  checkUndo,
  closeWithExit,
  completeStep,
  dispositionStepBefore,
  loadState,
  pause,
  reopenDisposition,
  resume,
  returnRefusal,
  sweep,
  sweepBeforeReading,
  takeOver,
  undoStep,
  withdrawRefusal,
} from './engine';
import { journey, myTasks, officeTasks, taskCounts } from './queue';
import { giveBack, nameOf, type DispositionRow } from './handBack';
import { draftExitLetter, issueDispositionDocuments, reissueControlCard } from '../documents/service';
import { currentStandard, officeCalendar } from './standard';
import { requireComplaint } from '../access';
import { recordClosingSatisfaction } from '../skm/closing';

type WorkflowCalls =
  | 'workflow.journey'
  | 'workflow.advance'
  | 'workflow.takeOver'
  | 'workflow.undoStep'
  | 'workflow.dispose'
  | 'workflow.withdrawDisposition'
  | 'workflow.returnDisposition'
  | 'workflow.followUp'
  | 'workflow.exit'
  | 'workflow.resume'
  | 'workflow.assignees'
  | 'tasks.mine'
  | 'tasks.office'
  | 'tasks.counts'
  | 'standard.get'
  | 'standard.update'
  | 'calendar.get'
  | 'calendar.update'
  | 'calendar.importIcs';

// Runs a change under the write lock (after the sweep, so nobody acts on a step
// that has already been escalated) and answers with the complaint's journey. Nobody
// changes a complaint they may not see.
export function change(ctx: Ctx, id: number, fn: (at: string) => void) {
  const user = requireUser(ctx);
  requireComplaint(ctx.db, user, id);
  write(ctx.db, () => {
    sweep(ctx);
    fn(nowIso(ctx));
  });
  return journey(ctx, user, id);
}

// A disposition is seen through its complaint: who may not see it learns nothing of its state.
function disposition(ctx: Ctx, id: number): DispositionRow {
  const d = stmt(ctx.db, 'SELECT * FROM dispositions WHERE id = ?').get(id) as DispositionRow | undefined;
  if (!d) throw notFound('Disposisi');
  requireComplaint(ctx.db, requireUser(ctx), d.complaint_id);
  return d;
}

// A save refused with every problem found, each under its field, the first said.
const refuseProblems = (problems: { field: string; message: string }[]) => {
  if (problems.length > 0) {
    throw new TanggapError('validation', problems[0]!.message, problems[0]!.field, Object.fromEntries(problems.map((p) => [p.field, p.message])));
  }
};

const refuseIf = (r: ReturnType<typeof withdrawRefusal>) => {
  if (r) throw new TanggapError(r.code, r.message);
};


export const workflowHandlers: Pick<Handlers, WorkflowCalls> = {
  'workflow.journey': (ctx, { id }) => {
    const user = requireUser(ctx);
    requireComplaint(ctx.db, user, id);
    // A Kasi opening a disposition addressed to them marks it read: from now on it
    // can no longer be withdrawn.
    write(ctx.db, () => {
      sweep(ctx);
      const at = nowIso(ctx);
      const opened = stmt(ctx.db, "UPDATE dispositions SET opened_at = ? WHERE complaint_id = ? AND to_user = ? AND state = 'aktif' AND opened_at IS NULL")
        .run(at, id, user.id);
      if (opened.changes > 0) {
        recordComplaintEvent(ctx.db, { complaintId: id, at, actorId: user.id, words: 'Disposisi dibuka oleh penerima', action: 'disposition.opened' });
      }
    });
    return journey(ctx, user, id);
  },

  'workflow.advance': (ctx, { id, step, note, satisfaction }) =>
    change(ctx, id, (at) => {
      const user = requireUser(ctx);
      const l = authorize(ctx.db, user, id, 'advance', step);
      recordClosingSatisfaction(ctx.db, l, satisfaction, user, at);
      completeStep(ctx, l, user, at, note);
    }),

  'workflow.takeOver': (ctx, { id, step, reason, satisfaction }) =>
    change(ctx, id, (at) => {
      const user = requireUser(ctx);
      const l = authorize(ctx.db, user, id, 'takeOver', step);
      recordClosingSatisfaction(ctx.db, l, satisfaction, user, at);
      takeOver(ctx, l, user, at, reason);
    }),

  'workflow.undoStep': (ctx, { id, step }) =>
    change(ctx, id, (at) => {
      const user = requireUser(ctx);
      const l = loadState(ctx.db, id);
      const check = checkUndo(ctx.db, l, user, step);
      if (!check.ok) throw new TanggapError(check.code, check.message, check.field);
      undoStep(ctx, l, user, at, check);
    }),

  'workflow.dispose': (ctx, { id, step, to, sifat, instructions, note }) =>
    change(ctx, id, (at) => {
      const user = requireUser(ctx);
      const l = authorize(ctx.db, user, id, 'dispose', step);
      const targets = to.map((uid) => {
        const u = stmt(ctx.db, "SELECT id, name, role, active, seksi FROM users WHERE id = ?").get(uid) as
          | { id: number; name: string; role: string; active: number; seksi: string }
          | undefined;
        if (!u || u.role !== 'kasi' || !u.active) {
          throw new TanggapError('validation', 'Disposisi hanya dapat ditujukan kepada Kasi/Kasubbag yang aktif.', 'to');
        }
        return u;
      });
      // Past the disposition step, a disposition is only ever allowed (rules.mayRedispose)
      // for a part a Kasi returned: it is added beside the one still active, and the step
      // in progress runs on with its own due.
      const added = l.step?.stage !== 'disposisi';
      const dispStep = added ? dispositionStepBefore(l.standard, l.step?.no ?? 0) : l.step;
      const onBehalf = user.role === 'sekcam' && dispStep?.executor === 'camat';
      const returned = added ? awaitingReturns(ctx.db, id) : [];
      if (added) {
        // The returned part goes to someone not at work on the complaint already.
        const busy = targets.filter((t) => l.state.dispositionTo.includes(t.id));
        if (busy.length > 0) {
          throw new TanggapError(
            'validation',
            `${busy.map((t) => t.name).join(', ')} sudah menangani pengaduan ini. Pilih Kasi lain untuk bagian yang dikembalikan; bila bagian itu cukup ditangani ${busy.length > 1 ? 'mereka' : 'Kasi tersebut'}, tidak perlu disposisi baru.`,
            'to',
          );
        }
      }
      const insert = stmt(ctx.db,
        'INSERT INTO dispositions (complaint_id, from_user, on_behalf, to_user, sifat, instructions, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      );
      const dispositionIds = targets.map((t) => Number(insert.run(id, user.id, onBehalf ? 1 : 0, t.id, sifat, JSON.stringify(instructions), note, at).lastInsertRowid));
      // The buku rekap counts the complaint under the seksi of its first addressee.
      if (!added) stmt(ctx.db, 'UPDATE complaints SET seksi = ? WHERE id = ?').run(targets[0]!.seksi, id);
      const words = `${SIFAT_LABEL[sifat]}; ${instructions.map((i) => INSTRUCTION_LABEL[i]).join(', ')}`;
      const names = targets.map((t) => t.name).join(', ');
      const returnedBy = listWords(returned.map((r) => r.returnedBy), 'dan');
      const an = onBehalf ? ` a.n. ${officeWords(ctx.db).head}` : '';
      recordComplaintEvent(ctx.db, {
        complaintId: id,
        at,
        actorId: user.id,
        words: added
          ? `Disposisi tambahan${an} kepada ${names} untuk bagian yang dikembalikan ${returnedBy} (${words})`
          : `Didisposisikan${an} kepada ${names} (${words})`,
        note,
        action: 'disposition.created',
        data: added ? { to, sifat, onBehalf, added: true, returned: returned.map((r) => r.id) } : { to, sifat, onBehalf },
      });
      issueDispositionDocuments(ctx.db, id, dispositionIds, user.id, at);
      if (!added) completeStep(ctx, loadState(ctx.db, id), user, at, note);
    }),

  'workflow.withdrawDisposition': (ctx, { dispositionId }) => {
    const user = requireUser(ctx);
    const d = disposition(ctx, dispositionId);
    return change(ctx, d.complaint_id, (at) => {
      const fresh = disposition(ctx, dispositionId);
      refuseIf(withdrawRefusal(ctx.db, user, fresh));
      stmt(ctx.db, "UPDATE dispositions SET state = 'ditarik', ended_at = ? WHERE id = ?").run(at, dispositionId);
      reopenDisposition(ctx, d.complaint_id, at);
      reissueControlCard(ctx.db, d.complaint_id, user.id, at);
      recordComplaintEvent(ctx.db, {
        complaintId: d.complaint_id,
        at,
        actorId: user.id,
        words: `Disposisi kepada ${nameOf(ctx, fresh.to_user)} ditarik`,
        action: 'disposition.withdrawn',
        data: { dispositionId },
      });
    });
  },

  'workflow.returnDisposition': (ctx, { dispositionId, reason }) => {
    const user = requireUser(ctx);
    const d = disposition(ctx, dispositionId);
    return change(ctx, d.complaint_id, (at) => {
      const fresh = disposition(ctx, dispositionId);
      refuseIf(returnRefusal(ctx.db, user, loadState(ctx.db, d.complaint_id), fresh));
      giveBack(ctx, fresh, user.id, at, reason);
    });
  },

  'workflow.followUp': (ctx, { id, kind, text, attachments }) => {
    const user = requireUser(ctx);
    // Refused before any file is written; checked again under the lock, and only then written.
    requireComplaint(ctx.db, user, id);
    authorize(ctx.db, user, id, 'followUp');
    const checked = checkAttachments(attachments);
    return change(ctx, id, (at) => {
      authorize(ctx.db, user, id, 'followUp');
      const files = saveAttachments(ctx.dataDir, checked);
      const info = stmt(ctx.db, 'INSERT INTO follow_ups (complaint_id, kind, text, by_user, at) VALUES (?, ?, ?, ?, ?)').run(id, kind, text, user.id, at);
      const followUpId = Number(info.lastInsertRowid);
      const addFile = stmt(ctx.db,
        'INSERT INTO attachments (complaint_id, follow_up_id, file_name, mime, size, sha256, stored_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      );
      for (const f of files) addFile.run(id, followUpId, f.fileName, f.mime, f.size, f.sha256, f.storedName, at);
      const words = { klarifikasi: 'Catatan klarifikasi ditambahkan', tindakan: 'Tindakan dicatat', usulan_jawaban: 'Usulan jawaban disusun' };
      recordComplaintEvent(ctx.db, { complaintId: id, at, actorId: user.id, words: words[kind], action: 'complaint.follow_up', data: { kind, files: files.length } });
    });
  },

  'workflow.exit': (ctx, { id, step, exit, note, forwardTo }) =>
    change(ctx, id, (at) => {
      const user = requireUser(ctx);
      const l = authorize(ctx.db, user, id, `exit:${exit}`, step);
      if (exit === 'tidak_lengkap') pause(ctx, l, user, at, note);
      else closeWithExit(ctx, l, user, at, exit, exit === 'bukan_kewenangan' ? `Diteruskan ke ${forwardTo}. ${note}` : note);
      // The reporter is told in writing; the letter waits for the head's signature.
      if (exit === 'tidak_lengkap' || exit === 'bukan_kewenangan') draftExitLetter(ctx.db, l, exit, user, at, forwardTo, note);
    }),

  'workflow.resume': (ctx, { id, note }) =>
    change(ctx, id, (at) => {
      const user = requireUser(ctx);
      resume(ctx, authorize(ctx.db, user, id, 'resume'), user, at, note);
    }),

  'workflow.assignees': (ctx) =>
    stmt(ctx.db, "SELECT id, name, jabatan, seksi FROM users WHERE role = 'kasi' AND active = 1 ORDER BY seksi, name").all() as {
      id: number;
      name: string;
      jabatan: string;
      seksi: string;
    }[],

  'tasks.mine': (ctx) => {
    sweepBeforeReading(ctx);
    return myTasks(ctx, requireUser(ctx));
  },
  'tasks.office': (ctx, query) => {
    sweepBeforeReading(ctx);
    return officeTasks(ctx, query);
  },
  'tasks.counts': (ctx) => {
    sweepBeforeReading(ctx);
    return taskCounts(ctx, requireUser(ctx));
  },

  'standard.get': (ctx) => withRowVersion(currentStandard(ctx.db), settingVersion(ctx.db, 'standard')),
  'standard.update': (ctx, { rowVersion, ...standard }) => {
    refuseProblems(validateStandard(standard));
    const user = requireUser(ctx);
    const next = write(ctx.db, () => {
      const at = nowIso(ctx);
      const v = writeSettingIfCurrent(ctx.db, 'standard', standard, rowVersion, user.id, at);
      appendAudit(ctx.db, { at, actorId: user.id, action: 'standard.updated', entity: 'settings', entityId: null, data: { code: standard.code } });
      return v;
    });
    return withRowVersion(currentStandard(ctx.db), next);
  },

  'calendar.get': (ctx) => withRowVersion(officeCalendar(ctx.db), settingVersion(ctx.db, 'calendar')),
  'calendar.update': (ctx, { rowVersion, ...calendar }) => {
    const user = requireUser(ctx);
    refuseProblems(newCalendarDateIssues(calendar, officeCalendar(ctx.db)));
    const next = write(ctx.db, () => {
      const at = nowIso(ctx);
      const v = writeSettingIfCurrent(ctx.db, 'calendar', calendar, rowVersion, user.id, at);
      appendAudit(ctx.db, { at, actorId: user.id, action: 'calendar.updated', entity: 'settings', entityId: null });
      return v;
    });
    return withRowVersion(officeCalendar(ctx.db), next);
  },
  'calendar.importIcs': (ctx, { text, kind }) => {
    const { closures, errors } = parseIcsHolidays(text, getOffice(ctx.db).timeZone, kind);
    if (closures.length === 0) {
      throw new TanggapError('validation', errors[0] ?? 'Berkas iCal tidak berisi hari libur.', 'text');
    }
    const user = requireUser(ctx);
    return write(ctx.db, () => {
      const cal = officeCalendar(ctx.db);
      const known = new Set(cal.closures.map((c) => c.date));
      const added = closures.filter((c) => !known.has(c.date));
      const parsed = calendarSchema.safeParse({ ...cal, closures: [...cal.closures, ...added].sort((a, b) => a.date.localeCompare(b.date)) });
      if (!parsed.success) {
        // Too many holidays for the calendar (400), or a date the calendar refuses.
        throw new TanggapError('validation', `Hari libur dari berkas ini tidak dapat disimpan: ${parsed.error.issues[0]!.message}`, 'text');
      }
      const next = parsed.data;
      const at = nowIso(ctx);
      writeSetting(ctx.db, 'calendar', next, { id: user.id, at });
      appendAudit(ctx.db, { at, actorId: user.id, action: 'calendar.imported', entity: 'settings', entityId: null, data: { added: added.length } });
      return { added: added.length, skipped: closures.length - added.length, errors };
    });
  },
};
