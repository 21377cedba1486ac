import { join } from 'node:path';
import type { SafeStorage } from 'electron';
import { fileVault, KEY_FILE, type KeyVault } from '../core/audit/key';

export type SafeStorageApi = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>;

// The audit seal key, encrypted by the operating system for this user (DPAPI on
// Windows, Keychain on macOS, the keyring on Linux): copying the data folder to another
// computer or account does not copy a usable key. Without OS encryption (a Linux
// desktop with no keyring) it falls back to a file only this user may read.
export function safeStorageVault(safeStorage: SafeStorageApi, dataDir: string): KeyVault {
  if (!safeStorage.isEncryptionAvailable()) return fileVault(join(dataDir, KEY_FILE));
  return fileVault(
    join(dataDir, `${KEY_FILE}.terenkripsi`),
    (secret) => safeStorage.encryptString(secret.toString('hex')),
    (stored) => Buffer.from(safeStorage.decryptString(stored), 'hex'),
  );
}
