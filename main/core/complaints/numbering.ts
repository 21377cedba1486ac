import type { Db } from '../db/open';

// Next number of a yearly sequence. Must run inside the caller's write transaction,
// so the number and the row it numbers commit together: no gaps, no duplicates.
export function nextNumber(db: Db, name: string, year: number): number {
  const row = db
    .prepare(
      `INSERT INTO counters (name, year, value) VALUES (?, ?, 1)
       ON CONFLICT(name, year) DO UPDATE SET value = value + 1
       RETURNING value`,
    )
    .get(name, year) as { value: number };
  return row.value;
}

export const formatRegisterNo = (seq: number, year: number) => `${String(seq).padStart(4, '0')}/PGD/${year}`;
