import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

// Windows has no POSIX modes and cannot open a folder to fsync it; there the user
// profile's ACLs already keep other users out.
const POSIX = process.platform !== 'win32';

// Files of the office (database, attachments, backups) are readable only by the
// user running Tanggap: they hold NIK, phone numbers and addresses.
export function restrictFile(path: string): void {
  if (POSIX && existsSync(path)) chmodSync(path, 0o600);
}

export function restrictDir(path: string): void {
  mkdirSync(path, { recursive: true, mode: 0o700 });
  if (POSIX) chmodSync(path, 0o700);
}

// A rename or new file is durable only once its folder's entry is on disk too.
export function fsyncDir(path: string): void {
  if (!POSIX) return;
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

// Writes to a temp name, fsyncs, renames into place and fsyncs the folder: after it
// returns the file survives a power cut, and a crash midway leaves only a .tmp file.
export function writeFileDurable(path: string, bytes: Uint8Array): void {
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  fsyncDir(dirname(path));
}

// Puts a complete database file (a restored backup, a rewritten copy) in place of a
// closed one: the old -wal/-shm belong to the old file and would corrupt the new one,
// so they go before the rename.
export function replaceDatabaseFile(file: string, copy: string): void {
  for (const ext of ['-wal', '-shm']) rmSync(`${file}${ext}`, { force: true });
  renameSync(copy, file);
  fsyncDir(dirname(file));
}
