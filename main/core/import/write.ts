import { fromLocal, yearOf } from '../../../shared/time/workingTime';
import { formatTanggal } from '../../../shared/time/format';
import type { ImportSource } from '../../../shared/schemas/import';
import type { CoreDeps, SessionUser } from '../context';
import type { Db } from '../db/open';
import { pluck, stmt } from '../db/statements';
import { recordComplaintEvent } from '../complaints/events';
import { formatRegisterNo, nextNumber } from '../complaints/numbering';
import { laporTrackingHolder, takeRegisterNumber } from '../complaints/repo';
import { getOffice } from '../office/settings';
import { startJourney } from '../workflow/engine';
import { currentVersionId } from '../workflow/standard';
import type { PreparedComplaint } from './rows';

// Writes checked rows as complaints. Every function here runs inside the caller's write
// transaction.

/** The register number of the complaint already holding this import key or LAPOR! ID, or null. */
export function takenBy(db: Db, key: string, laporId: string): string | null {
  const byKey = key ? (pluck(db, 'SELECT register_no FROM complaints WHERE import_key = ?').get(key) as string | undefined) : undefined;
  if (byKey !== undefined) return byKey;
  return laporTrackingHolder(db, laporId);
}

export function startBatch(db: Db, by: SessionUser, at: string, b: { source: ImportSource; fileName: string; sha256: string; sheet: string; total: number }): number {
  const info = stmt(db, 'INSERT INTO imports (source, file_name, file_sha256, sheet, started_at, imported_by, rows_total) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    b.source,
    b.fileName,
    b.sha256,
    b.sheet,
    at,
    by.id,
    b.total,
  );
  return Number(info.lastInsertRowid);
}

export function finishBatch(db: Db, batch: number, at: string, imported: number, skipped: number): void {
  stmt(db, 'UPDATE imports SET finished_at = ?, rows_imported = ?, rows_skipped = ? WHERE id = ?').run(at, imported, skipped, batch);
}

// The old number as written, with its year added when it has none ("45" → "45/2025":
// registers often restart at 1 each year); marked "(lama)" when the running counter
// could give the same text (the office's pattern at that number and date) or an app
// complaint holds it, so the two never meet.
function keptNumber(db: Db, written: string, year: number, receivedAt: string): string {
  const registerNo = written.includes(String(year)) ? written : `${written}/${year}`;
  const clash = (no: string) => pluck(db, 'SELECT 1 FROM complaints WHERE register_no = ?').get(no) !== undefined;
  // Any run of digits may be the {urut} of the office's pattern ("REG/2025/0045").
  const counterGives = [...registerNo.matchAll(/\d+/g)].some(([urut]) => Number(urut) > 0 && formatRegisterNo(db, Number(urut), receivedAt) === registerNo);
  if (!counterGives && !clash(registerNo)) return registerNo;
  let marked = `${registerNo} (lama)`;
  for (let n = 2; clash(marked); n++) marked = `${registerNo} (lama ${n})`;
  return marked;
}

/** Inserts one checked row; returns whether it was left open (with a running journey). */
export function importComplaint(deps: CoreDeps, by: SessionUser, batch: number, at: string, c: PreparedComplaint, rowNo: number, fileLabel: string): boolean {
  const { db } = deps;
  const tz = getOffice(db).timeZone;
  const receivedAt = fromLocal(c.received.ymd, c.received.time ?? '00:00', tz);
  const year = yearOf(receivedAt, tz);
  let registerNo: string;
  let seq: number;
  if (c.registerNo) {
    registerNo = keptNumber(db, c.registerNo, year, receivedAt);
    // Below zero: the running counter's numbers (1, 2, …) are never taken.
    seq = -nextNumber(db, 'register_import', year);
  } else {
    // A LAPOR! report without an old number enters the register now, numbered as intake does.
    ({ seq, registerNo } = takeRegisterNumber(db, year, receivedAt));
  }
  let closedAt: string | null = null;
  if (c.closed) {
    closedAt = fromLocal(c.closed.ymd, c.closed.time ?? '00:00', tz);
    if (closedAt < receivedAt) closedAt = receivedAt;
  }
  const info = stmt(
    db,
    `INSERT INTO complaints (register_no, year, seq, received_at, kind, channel, category,
      reporter_name, reporter_address, reporter_nik, reporter_phone, anonymous,
      subject, description, incident_place, incident_date, lapor_tracking_id, seksi,
      status, received_by, created_at, updated_at, imported_at, import_batch, import_key)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'diterima', ?, ?, ?, ?, ?, ?)`,
  ).run(
    registerNo,
    year,
    seq,
    receivedAt,
    c.kind,
    c.channel,
    c.category,
    c.reporterName || 'Anonim',
    c.address,
    c.nik,
    c.phone,
    c.anonymous ? 1 : 0,
    c.subject,
    c.description,
    c.incidentPlace,
    c.incidentDate,
    c.laporId,
    c.seksi,
    by.id,
    at,
    at,
    at,
    batch,
    c.key || null,
  );
  const id = Number(info.lastInsertRowid);
  const source = `Diimpor dari ${fileLabel}, baris ${rowNo}.`;
  const note = [source, c.history].filter(Boolean).join(' ');
  if (c.status === null) {
    // Still open: the journey of the office's standard starts now, as at intake.
    startJourney(deps, id, at, by, []);
    const status = pluck(db, 'SELECT status FROM complaints WHERE id = ?').get(id) as string;
    recordComplaintEvent(db, {
      complaintId: id,
      at,
      actorId: by.id,
      words: `Pengaduan dari register lama (diterima ${formatTanggal(c.received.ymd, tz)}) diimpor; penanganan dilanjutkan menurut Standar Pelayanan mulai saat impor`,
      status,
      note,
      action: 'complaint.imported',
      data: { registerNo, batch, row: rowNo, open: true },
    });
    return true;
  }
  stmt(db, 'UPDATE complaints SET standard_version_id = ?, status = ?, closed_at = ?, step_no = NULL, acting = NULL WHERE id = ?').run(
    currentVersionId(db, at, by.id),
    c.status,
    closedAt,
    id,
  );
  recordComplaintEvent(db, {
    complaintId: id,
    at,
    actorId: by.id,
    words: `Pengaduan dari register lama diimpor: diterima ${formatTanggal(c.received.ymd, tz)}, ditutup ${formatTanggal(c.closed!.ymd, tz)}`,
    status: c.status,
    note,
    action: 'complaint.imported',
    data: { registerNo, batch, row: rowNo, open: false, status: c.status },
  });
  return false;
}
