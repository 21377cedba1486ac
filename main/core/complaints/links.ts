import type { Db } from '../db/open';
import { pluck, stmt } from '../db/statements';
import { recordComplaintEvent } from './events';

// A complaint linked at intake to an earlier one it may duplicate. The link is stored once
// and shown on both pages; each complaint's history says so.

export interface LinkedComplaint {
  id: number;
  registerNo: string;
  subject: string;
}

export function linkComplaints(db: Db, actorId: number, newId: number, earlierId: number, at: string): void {
  stmt(db, 'INSERT OR IGNORE INTO complaint_links (complaint_id, linked_id, created_at, created_by) VALUES (?, ?, ?, ?)').run(newId, earlierId, at, actorId);
  const no = pluck(db, 'SELECT register_no FROM complaints WHERE id = ?');
  const newNo = no.get(newId) as string;
  const earlierNo = no.get(earlierId) as string;
  recordComplaintEvent(db, {
    complaintId: newId,
    at,
    actorId,
    words: `Ditautkan ke pengaduan ${earlierNo} (kemungkinan pengaduan yang sama)`,
    action: 'complaint.linked',
    data: { linked: earlierId, registerNo: earlierNo },
  });
  recordComplaintEvent(db, {
    complaintId: earlierId,
    at,
    actorId,
    words: `Pengaduan ${newNo} ditautkan ke pengaduan ini (kemungkinan pengaduan yang sama)`,
    action: 'complaint.linked',
    data: { linked: newId, registerNo: newNo },
  });
}

export function linksOf(db: Db, id: number): LinkedComplaint[] {
  return stmt(
    db,
    `SELECT c.id, c.register_no AS registerNo, c.subject FROM complaint_links l
     JOIN complaints c ON c.id = CASE WHEN l.complaint_id = ? THEN l.linked_id ELSE l.complaint_id END
     WHERE l.complaint_id = ? OR l.linked_id = ? ORDER BY c.id`,
  ).all(id, id, id) as LinkedComplaint[];
}
