import { appendAudit } from '../audit/chain';
import { nowIso, write, type Ctx } from '../context';
import { pluck } from '../db/statements';

/** An anonim or rahasia reporter's identity shown to someone: a row in the audit chain (UU PDP). */
export function recordIdentityView(ctx: Ctx, actorId: number, complaintId: number, reason: string): void {
  write(ctx.db, () => appendAudit(ctx.db, { at: nowIso(ctx), actorId, action: 'personal_data.viewed', entity: 'complaint', entityId: complaintId, data: { reason } }));
}

/**
 * A paper of a rahasia complaint opened or downloaded: its tanda terima, letters, forms
 * and records name the reporter (an anonim one's never do), so each opening is recorded
 * as the complaint's page is.
 */
export function recordRahasiaPaper(ctx: Ctx, actorId: number, complaintId: number, reason: string): void {
  if (pluck(ctx.db, 'SELECT confidential = 1 AND anonymous = 0 FROM complaints WHERE id = ?').get(complaintId) === 1) {
    recordIdentityView(ctx, actorId, complaintId, reason);
  }
}
