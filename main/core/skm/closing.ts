import { CLOSING_SATISFACTION_LABEL, type ClosingSatisfaction } from '../../../shared/schemas/skm';
import { recordComplaintEvent } from '../complaints/events';
import type { SessionUser } from '../context';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import { TanggapError } from '../errors';
import type { Loaded } from '../workflow/engine';

// Puas / tidak puas as data when a complaint closes: the action that completes the
// standard's last step may carry the reporter's statement. A signed berita acara says it
// already and stays the record. Called in the action's transaction before the step is
// completed, so the statement's event precedes the closing one (and undoing the closing
// step still works).
export function recordClosingSatisfaction(db: Db, l: Loaded, choice: ClosingSatisfaction | undefined, by: SessionUser, at: string): void {
  if (!choice) return;
  if (!l.step || l.standard.steps[l.step.no] !== undefined) {
    throw new TanggapError('validation', 'Pernyataan puas atau tidak puas dicatat pada langkah terakhir, saat pengaduan selesai. Kosongkan pilihan itu untuk langkah ini.', 'satisfaction');
  }
  if (l.c.satisfaction !== null) return;
  if (choice !== 'tidak_ditanyakan') stmt(db, 'UPDATE complaints SET satisfaction = ? WHERE id = ?').run(choice, l.c.id);
  recordComplaintEvent(db, {
    complaintId: l.c.id,
    at,
    actorId: by.id,
    words: choice === 'tidak_ditanyakan' ? 'Kepuasan pelapor tidak ditanyakan' : `Pernyataan pelapor: ${CLOSING_SATISFACTION_LABEL[choice].toLowerCase()}`,
    action: 'complaint.satisfaction_recorded',
    data: { satisfaction: choice },
  });
}
