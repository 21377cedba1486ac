import { officeProfileSchema, type OfficeProfile } from '../../../shared/schemas/office';
import type { Db } from '../db/open';
import { TanggapError } from '../errors';

export function readSetting(db: Db, key: string): unknown {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? JSON.parse(row.value) : undefined;
}

export function writeSetting(db: Db, key: string, value: unknown): void {
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, JSON.stringify(value));
}

export function findOffice(db: Db): OfficeProfile | null {
  const raw = readSetting(db, 'office');
  return raw === undefined ? null : officeProfileSchema.parse(raw);
}

export function getOffice(db: Db): OfficeProfile {
  const office = findOffice(db);
  if (!office) throw new TanggapError('conflict', 'Profil kantor belum diisi. Selesaikan halaman penyiapan terlebih dahulu.');
  return office;
}
