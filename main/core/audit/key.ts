import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { restrictFile, writeFileDurable } from '../db/durable';
import type { Db } from '../db/open';

// The secret that seals audit rows and checkpoints. It never enters the database: anyone
// who can edit the database file can recompute plain hashes, but not these seals.
export interface AuditKey {
  // A public fingerprint stored with each sealed row, so a row sealed on another
  // computer (a restored backup) is recognised as such instead of as a forgery.
  id: string;
  secret: Buffer;
}

// Where the secret is kept: a 0600 file for `npm run web` and the tests, an
// OS-encrypted file (Electron safeStorage) in the desktop app.
export interface KeyVault {
  // null when there is no key yet. A key that can no longer be read is moved aside
  // (never overwritten: it may still check old rows once recovered) and gives null too.
  load(): Buffer | null;
  save(secret: Buffer): void;
}

export const KEY_FILE = 'kunci-segel-audit';

// Keeps the secret in a file only the user may read, in the form `encode` gives it.
export function fileVault(
  path: string,
  encode: (secret: Buffer) => Buffer = (s) => Buffer.from(s.toString('hex')),
  decode: (stored: Buffer) => Buffer = (b) => Buffer.from(b.toString('utf8').trim(), 'hex'),
): KeyVault {
  return {
    load() {
      if (!existsSync(path)) return null;
      let secret: Buffer | null;
      try {
        secret = decode(readFileSync(path));
      } catch {
        secret = null;
      }
      if (secret?.length === 32) return secret;
      renameSync(path, `${path}.tidak-terbaca-${Date.now()}`);
      return null;
    },
    save(secret) {
      writeFileDurable(path, encode(secret));
      restrictFile(path);
    },
  };
}

export const dataDirVault = (dataDir: string) => fileVault(join(dataDir, KEY_FILE));

export const seal = (key: AuditKey, text: string) => createHmac('sha256', key.secret).update(text).digest('hex');

export function auditKey(secret: Buffer): AuditKey {
  return { id: createHmac('sha256', secret).update('tanggap-audit-key-id').digest('hex').slice(0, 16), secret };
}

// Loads the key, or makes one when the vault has none (first start, or a vault that
// could no longer be read). `fresh` tells the caller to pin the rows written before.
export function openAuditKey(vault: KeyVault): { key: AuditKey; fresh: boolean } {
  const secret = vault.load();
  if (secret) return { key: auditKey(secret), fresh: false };
  const made = randomBytes(32);
  vault.save(made);
  return { key: auditKey(made), fresh: true };
}

const bound = new WeakMap<Db, AuditKey>();

// Every connection that writes audit rows is given the key once, right after opening.
export function bindAuditKey(db: Db, key: AuditKey): void {
  bound.set(db, key);
}

export function keyOf(db: Db): AuditKey {
  const key = bound.get(db);
  if (!key) throw new Error('Kunci segel jejak audit belum dimuat untuk basis data ini.');
  return key;
}
