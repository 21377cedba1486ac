import { createHash } from 'node:crypto';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES } from '../../../shared/domain';
import type { AttachmentUpload } from '../../../shared/schemas/complaint';
import { TanggapError } from '../errors';
import { fsyncDir, restrictDir, writeFileDurable } from '../db/durable';

export interface StoredFile {
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  storedName: string;
}

const EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'application/pdf': 'pdf' };

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

// Files are named by their SHA-256 and written (and fsynced) before the database row
// commits, so a save that fails or a power cut leaves at most an unreferenced file,
// never a row without one.
export function storeAttachments(dataDir: string, uploads: AttachmentUpload[]): StoredFile[] {
  const decoded = uploads.map((u, i) => {
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
    return { u, bytes };
  });
  const dir = attachmentDir(dataDir);
  if (!existsSync(dir)) {
    restrictDir(dir);
    fsyncDir(dataDir);
  }
  return decoded.map(({ u, bytes }) => {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const storedName = `${sha256}.${EXT[u.mime]}`;
    const path = join(dir, storedName);
    if (!existsSync(path)) writeFileDurable(path, bytes);
    return { fileName: u.fileName, mime: u.mime, size: bytes.length, sha256, storedName };
  });
}

export function readAttachment(dataDir: string, storedName: string, sha256: string): Buffer {
  const bytes = readFileSync(join(attachmentDir(dataDir), storedName));
  if (createHash('sha256').update(bytes).digest('hex') !== sha256) {
    throw new TanggapError('conflict', 'Berkas lampiran di folder data sudah berubah atau rusak; pulihkan dari cadangan.');
  }
  return bytes;
}
