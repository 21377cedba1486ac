import { officeWordsOf, roleLabel, type OfficeWords, type Role } from '../../../shared/domain';
import { storedOfficeSchema, type OfficeProfile } from '../../../shared/schemas/office';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import { TanggapError } from '../errors';

// Settings are read many times per call (the office's time zone, the standard, the
// numbering pattern…), and checking them against their schemas costs more than the
// read. Each setting's checked value is kept per connection together with the stored
// text it came from: a read is one primary-key lookup, and the value is checked again
// only when the text differs — whoever changed it (this app, a rolled-back transaction,
// a restore), the next read sees the change. Callers only read what they get.
const checked = new WeakMap<Db, Map<string, { text: string | undefined; check: (raw: unknown) => unknown; value: unknown }>>();

const storedText = (db: Db, key: string) =>
  (stmt(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value;

// The setting's stored JSON (undefined when unset) as `check` accepts it, checked once per change.
export function settingOf<T>(db: Db, key: string, check: (raw: unknown) => T): T {
  const text = storedText(db, key);
  let byKey = checked.get(db);
  if (!byKey) checked.set(db, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit && hit.text === text && hit.check === check) return hit.value as T;
  const value = check(text === undefined ? undefined : JSON.parse(text));
  byKey.set(key, { text, check, value });
  return value;
}

export function readSetting(db: Db, key: string): unknown {
  const text = storedText(db, key);
  return text === undefined ? undefined : JSON.parse(text);
}

// Raises the setting's row_version, so a form opened before this write is refused on
// save (main/core/versions.ts); `by` names who changed it for that refusal's message.
export function writeSetting(db: Db, key: string, value: unknown, by: { id: number; at: string } | null = null): void {
  stmt(
    db,
    `INSERT INTO settings (key, value, updated_by, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET value = excluded.value, row_version = row_version + 1, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  ).run(key, JSON.stringify(value), by?.id ?? null, by?.at ?? null);
}

const checkOffice = (raw: unknown): OfficeProfile | null => (raw === undefined ? null : storedOfficeSchema.parse(raw));

export function findOffice(db: Db): OfficeProfile | null {
  return settingOf(db, 'office', checkOffice);
}

export function getOffice(db: Db): OfficeProfile {
  const office = findOffice(db);
  if (!office) throw new TanggapError('conflict', 'Profil kantor belum diisi. Selesaikan halaman penyiapan terlebih dahulu.');
  return office;
}

/** The head of office, the secretary and every role as the core's messages and a complaint's history name them. */
export function officeWords(db: Db): OfficeWords & { role: (r: Role) => string } {
  const office = findOffice(db);
  const level = office?.level ?? 'kecamatan';
  return { ...officeWordsOf(office), role: (r) => roleLabel(r, level) };
}
