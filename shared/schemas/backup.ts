import * as z from 'zod';
import { withVersion } from './common';
import { withoutInvisible } from './common';

// Backup file names the core writes: tanggap-2026-11-29T1605.sqlite (office time),
// with -2, -3 … when two are taken in the same minute, and -sebelum-pembaruan-skema-10
// for the copy taken before an update migrated schema 10. Restore accepts only these
// names from the backup folder, never a path from the client.
export const BACKUP_FILE_PATTERN = /^tanggap-\d{4}-\d{2}-\d{2}T\d{4}(-\d+)?(-sebelum-pembaruan-skema-\d+)?\.sqlite$/;

export const backupSettingsSchema = z.object({
  folder: z.string().overwrite(withoutInvisible).trim().max(500, { error: 'Lokasi folder paling panjang 500 karakter.' }),
  keep: z
    .number({ error: 'Isi jumlah cadangan yang disimpan.' })
    .int({ error: 'Jumlah cadangan harus bilangan bulat.' })
    .min(1, { error: 'Simpan paling sedikit 1 cadangan.' })
    .max(365, { error: 'Simpan paling banyak 365 cadangan.' }),
  daily: z.boolean(),
});
export type BackupSettings = z.infer<typeof backupSettingsSchema>;

export const BACKUP_REASONS = ['manual', 'harian', 'sebelum_pemulihan', 'sebelum_pembaruan'] as const;
export const BACKUP_REASON_LABEL: Record<(typeof BACKUP_REASONS)[number], string> = {
  manual: 'Manual',
  harian: 'Otomatis harian',
  sebelum_pemulihan: 'Sebelum pemulihan',
  sebelum_pembaruan: 'Sebelum pembaruan aplikasi',
};

export const backupEntrySchema = z.object({
  file: z.string(),
  takenAt: z.string(),
  size: z.number().int(),
  // Only set once the copy opened read-only passed integrity_check, the audit chain
  // and a known schema version; an unverified file never replaces the data.
  verified: z.boolean(),
  userVersion: z.number().int(),
  complaints: z.number().int(),
  reason: z.enum(BACKUP_REASONS),
});
export type BackupEntry = z.infer<typeof backupEntrySchema>;

export const backupStatusSchema = z.object({
  settings: withVersion(backupSettingsSchema),
  running: z.boolean(),
  last: backupEntrySchema.nullable(),
  lastError: z.string().nullable(),
  backups: z.array(backupEntrySchema),
  // The folder set is not there (yet): the first backup makes it, where its disk is plugged in.
  folderMissing: z.boolean(),
});
export type BackupStatus = z.infer<typeof backupStatusSchema>;

export const restoreInputSchema = z.object({
  file: z.string().regex(BACKUP_FILE_PATTERN, { error: 'Pilih cadangan dari daftar di folder cadangan.' }),
});

export const restoreResultSchema = z.object({
  restoredFrom: z.string(),
  safetyBackup: z.string().nullable(),
  complaints: z.number().int(),
});

// The setup screen of a fresh install: the folder is typed there (the office has no
// backup settings yet) and read on the computer that runs Tanggap.
export const setupFolderSchema = z.object({
  folder: z
    .string()
    .trim()
    .min(1, { error: 'Tulis lokasi folder cadangan, misalnya E:\\Cadangan Tanggap atau /media/flashdisk/tanggap.' })
    .max(500, { error: 'Lokasi folder paling panjang 500 karakter.' }),
});

export const setupRestoreInputSchema = setupFolderSchema.extend(restoreInputSchema.shape);
