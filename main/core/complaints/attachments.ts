import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES } from '../../../shared/domain';
import type { AttachmentUpload } from '../../../shared/schemas/complaint';
import { TanggapError } from '../errors';
import { fsyncDir, restrictDir, writeFileDurable } from '../db/durable';
import type { Db } from '../db/open';

export interface StoredFile {
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  storedName: string;
}

// The first extension is the one files of that type are stored and offered under.
const EXT: Record<string, readonly string[]> = {
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/webp': ['webp'],
  'application/pdf': ['pdf'],
};

// The declared type must match the file's first bytes: a renamed .exe is refused.
function matchesMagic(mime: string, b: Buffer): boolean {
  switch (mime) {
    case 'image/jpeg':
      return b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
    case 'image/png':
      return b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    case 'image/webp':
      return b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP';
    case 'application/pdf':
      return b.subarray(0, 5).toString('latin1') === '%PDF-';
    default:
      return false;
  }
}

export const attachmentDir = (dataDir: string) => join(dataDir, 'lampiran');

// An upload decoded and checked, not yet on disk.
export interface CheckedFile extends StoredFile {
  bytes: Buffer;
}

// The declared name cannot lie about the content either: "foto.exe" holding a JPEG is
// kept as "foto.exe.jpg", so a downloaded copy opens as what it is.
function nameFor(fileName: string, mime: string): string {
  const exts = EXT[mime]!;
  const dot = fileName.lastIndexOf('.');
  return dot > 0 && exts.includes(fileName.slice(dot + 1).toLowerCase()) ? fileName : `${fileName}.${exts[0]}`;
}

// Decodes and checks every upload without writing anything, so a handler can refuse
// the call (role, state, a bad second file) before the first byte reaches the disk.
export function checkAttachments(uploads: AttachmentUpload[]): CheckedFile[] {
  return uploads.map((u, i) => {
    const bytes = Buffer.from(u.dataBase64, 'base64');
    const field = `attachments.${i}`;
    if (bytes.length > ATTACHMENT_MAX_BYTES) {
      throw new TanggapError('too_large', `Berkas "${u.fileName}" lebih besar dari ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB.`, field);
    }
    if (!matchesMagic(u.mime, bytes)) {
      throw new TanggapError(
        'validation',
        `Isi berkas "${u.fileName}" bukan ${ATTACHMENT_TYPES[u.mime] ?? 'jenis yang didukung'} yang sah; pindai atau simpan ulang berkasnya.`,
        field,
      );
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return { fileName: nameFor(u.fileName, u.mime), mime: u.mime, size: bytes.length, sha256, storedName: `${sha256}.${EXT[u.mime]![0]}`, bytes };
  });
}

// Called inside the transaction that inserts the rows, after its checks. Files are
// named by their SHA-256 and written (and fsynced) before the row commits, so a save
// that fails or a power cut leaves at most an unreferenced file (sweepOrphanAttachments
// removes it later), never a row without one.
export function saveAttachments(dataDir: string, files: CheckedFile[]): StoredFile[] {
  if (files.length === 0) return [];
  const dir = attachmentDir(dataDir);
  if (!existsSync(dir)) {
    restrictDir(dir);
    fsyncDir(dataDir);
  }
  return files.map(({ bytes, ...file }) => {
    const path = join(dir, file.storedName);
    // An existing copy may be an old orphan: made fresh again so the sweep spares it.
    if (existsSync(path)) utimesSync(path, new Date(), new Date());
    else writeFileDurable(path, bytes);
    return file;
  });
}

// An unreferenced file younger than this may belong to a save still in flight.
export const ORPHAN_AGE_MS = 60 * 60 * 1000;

// Removes files in lampiran/ that no attachment row names (left by a save whose
// transaction failed after the write, or a crash mid-write: *.tmp) once they are older
// than ORPHAN_AGE_MS. Returns how many went.
export function sweepOrphanAttachments(db: Db, dataDir: string, now: Date): number {
  const dir = attachmentDir(dataDir);
  if (!existsSync(dir)) return 0;
  const referenced = new Set(db.prepare('SELECT DISTINCT stored_name FROM attachments').pluck().all() as string[]);
  let removed = 0;
  for (const name of readdirSync(dir)) {
    if (referenced.has(name)) continue;
    const path = join(dir, name);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat?.isFile() || now.getTime() - stat.mtimeMs < ORPHAN_AGE_MS) continue;
    rmSync(path, { force: true });
    removed++;
  }
  if (removed) fsyncDir(dir);
  return removed;
}

export function readAttachment(dataDir: string, storedName: string, sha256: string): Buffer {
  const bytes = readFileSync(join(attachmentDir(dataDir), storedName));
  if (createHash('sha256').update(bytes).digest('hex') !== sha256) {
    throw new TanggapError('conflict', 'Berkas lampiran di folder data sudah berubah atau rusak; pulihkan dari cadangan.');
  }
  return bytes;
}
