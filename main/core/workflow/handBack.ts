import { recordComplaintEvent } from '../complaints/events';
import type { Ctx, SessionUser } from '../context';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import { reissueControlCard } from '../documents/service';
import { loadState, reopenDisposition, returnRefusal, type DispositionEnd } from './engine';

export interface DispositionRow extends DispositionEnd {
  id: number;
  complaint_id: number;
}

export const nameOf = (ctx: Ctx, id: number) => (stmt(ctx.db, 'SELECT name FROM users WHERE id = ?').get(id) as { name: string }).name;

/**
 * Disposition `d` given back to its disposer, with the reason: where another Kasi's
 * disposition runs on, only this part goes back, as a task to send it elsewhere
 * (engine.RETURN_AWAITS); where none does, the complaint goes back to its disposition step.
 * The kartu kendali is issued again for the dispositions still running.
 */
export function giveBack(ctx: Ctx, d: DispositionRow, byId: number, at: string, reason: string, words?: (partial: boolean) => string): void {
  stmt(ctx.db, "UPDATE dispositions SET state = 'dikembalikan', return_reason = ?, ended_at = ?, opened_at = COALESCE(opened_at, ?) WHERE id = ?").run(reason, at, at, d.id);
  reopenDisposition(ctx, d.complaint_id, at);
  const partial = loadState(ctx.db, d.complaint_id).state.returnedTo.length > 0;
  reissueControlCard(ctx.db, d.complaint_id, byId, at);
  recordComplaintEvent(ctx.db, {
    complaintId: d.complaint_id,
    at,
    actorId: byId,
    words:
      words?.(partial) ??
      (partial
        ? `Disposisi dikembalikan kepada ${nameOf(ctx, d.from_user)}; bagian ini menunggu tujuan lain, disposisi yang lain tetap berjalan`
        : 'Disposisi dikembalikan kepada pemberi disposisi'),
    note: reason,
    action: 'disposition.returned',
    data: { dispositionId: d.id },
  });
}

/**
 * A Kasi whose account is switched off, or given another role, can no longer work on his
 * dispositions: each one he could still return himself (its work still with him) goes
 * back to its disposer, to be sent to another Kasi, as if he had returned it. Those whose
 * work has moved on to others stay as they are. Returns how many went back.
 */
export function handBackDispositionsOf(ctx: Ctx, kasi: SessionUser, byId: number, at: string): number {
  const going = toHandBack(ctx.db, kasi);
  for (const d of going) {
    giveBack(ctx, d, byId, at, `Akun ${kasi.name} dinonaktifkan atau berganti peran; bagian ini perlu didisposisikan kepada Kasi lain.`, (partial) =>
      partial
        ? `Disposisi kepada ${kasi.name} dikembalikan kepada ${nameOf(ctx, d.from_user)} karena akunnya tidak lagi aktif sebagai Kasi; bagian ini menunggu tujuan lain`
        : `Disposisi kepada ${kasi.name} dikembalikan kepada pemberi disposisi karena akunnya tidak lagi aktif sebagai Kasi`,
    );
  }
  return going.length;
}

/** The dispositions to `kasi` that go back when his account is switched off or given another role. */
export function toHandBack(db: Db, kasi: SessionUser): DispositionRow[] {
  const running = stmt(db, "SELECT * FROM dispositions WHERE to_user = ? AND state = 'aktif' ORDER BY id").all(kasi.id) as DispositionRow[];
  return running.filter((d) => !returnRefusal(db, { ...kasi, role: 'kasi' }, loadState(db, d.complaint_id), d));
}
