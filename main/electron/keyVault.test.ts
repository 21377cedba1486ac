import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openAuditKey } from '../core/audit/key';
import { safeStorageVault, type SafeStorageApi } from './keyVault';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

// Stands in for the OS: "encrypts" by reversing the bytes behind a marker, and fails
// to decrypt anything it did not write (as DPAPI does under another account).
function fakeSafeStorage(available = true): SafeStorageApi {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (text) => Buffer.concat([Buffer.from('OS:'), Buffer.from(text).reverse()]),
    decryptString: (b) => {
      if (b.subarray(0, 3).toString() !== 'OS:') throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(b.subarray(3)).reverse().toString();
    },
  };
}

describe('audit seal key in the desktop app', () => {
  it('keeps the key encrypted by the operating system and reads the same key back', () => {
    dir = mkdtempSync(join(tmpdir(), 'tanggap-kunci-'));
    const first = openAuditKey(safeStorageVault(fakeSafeStorage(), dir));
    expect(first.fresh).toBe(true);
    const stored = readFileSync(join(dir, 'kunci-segel-audit.terenkripsi'));
    expect(stored.subarray(0, 3).toString()).toBe('OS:');
    expect(stored.toString()).not.toContain(first.key.secret.toString('hex'));
    const again = openAuditKey(safeStorageVault(fakeSafeStorage(), dir));
    expect(again).toMatchObject({ fresh: false, key: { id: first.key.id } });
  });

  it('moves a key it cannot decrypt aside and makes a new one instead of failing to start', () => {
    dir = mkdtempSync(join(tmpdir(), 'tanggap-kunci-'));
    const first = openAuditKey(safeStorageVault(fakeSafeStorage(), dir));
    const broken: SafeStorageApi = { ...fakeSafeStorage(), decryptString: () => { throw new Error('cannot decrypt'); } };
    const second = openAuditKey(safeStorageVault(broken, dir));
    expect(second.fresh).toBe(true);
    expect(second.key.id).not.toBe(first.key.id);
    expect(readdirSync(dir).filter((f) => f.includes('tidak-terbaca'))).toHaveLength(1);
  });

  it('falls back to a file only the user may read when the OS offers no encryption', () => {
    dir = mkdtempSync(join(tmpdir(), 'tanggap-kunci-'));
    const { key } = openAuditKey(safeStorageVault(fakeSafeStorage(false), dir));
    expect(readFileSync(join(dir, 'kunci-segel-audit'), 'utf8')).toBe(key.secret.toString('hex'));
  });
});
