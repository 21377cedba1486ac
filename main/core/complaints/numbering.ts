import { fillNumberPattern, REGISTER_URUT_DIGITS } from '../../../shared/documents/numbering';
import { localDate } from '../../../shared/time/workingTime';
import type { Db } from '../db/open';
import { documentSettings } from '../documents/settings';
import { getOffice } from '../office/settings';
import { stmt } from '../db/statements';

// Next number of a yearly sequence. Must run inside the caller's write transaction,
// so the number and the row it numbers commit together: no gaps, no duplicates.
export function nextNumber(db: Db, name: string, year: number): number {
  const row = stmt(db,
      `INSERT INTO counters (name, year, value) VALUES (?, ?, 1)
       ON CONFLICT(name, year) DO UPDATE SET value = value + 1
       RETURNING value`,
    )
    .get(name, year) as { value: number };
  return row.value;
}

// The register number from the office's pattern as it stands when the complaint is
// received; numbers already given are stored and never rewritten.
export function formatRegisterNo(db: Db, seq: number, receivedAt: string): string {
  const office = getOffice(db);
  const day = localDate(receivedAt, office.timeZone);
  const parts = { urut: seq, unit: office.unitCode, year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)) };
  return fillNumberPattern(documentSettings(db).registerPattern, parts, REGISTER_URUT_DIGITS);
}
