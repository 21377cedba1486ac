import { X509Certificate } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCertificate, loadOrCreateIdentity, TLS_CERT_FILE, TLS_KEY_FILE } from './certificate';
import { fingerprintOfDer, fingerprintOfPem } from './fingerprint';

describe('the LAN server certificate', () => {
  it('is a self-signed X.509 v3 certificate for the given names, read back by Node', () => {
    const { cert, key } = createCertificate('kantor-pc', ['kantor-pc', 'localhost', '127.0.0.1', '192.168.10.5'], new Date('2026-11-29T00:00:00Z'));
    const x509 = new X509Certificate(cert);
    expect(x509.subject).toContain('CN=kantor-pc');
    expect(x509.issuer).toBe(x509.subject);
    expect(x509.verify(x509.publicKey)).toBe(true);
    expect(x509.checkHost('kantor-pc')).toBe('kantor-pc');
    expect(x509.checkIP('192.168.10.5')).toBe('192.168.10.5');
    expect(x509.checkIP('192.168.10.6')).toBeUndefined();
    expect(x509.ca).toBe(false);
    expect(x509.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
    expect(new Date(x509.validTo).getUTCFullYear()).toBe(2046);
    expect(key).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  });

  it('writes dates from 2050 on as GeneralizedTime', () => {
    const x509 = new X509Certificate(createCertificate('pc', ['localhost'], new Date('2041-03-01T00:00:00Z')).cert);
    expect(new Date(x509.validTo).toISOString()).toBe('2061-03-01T00:00:00.000Z');
    expect(new Date(x509.validFrom).toISOString()).toBe('2041-02-28T00:00:00.000Z');
  });

  it('gives the fingerprint as uppercase hex pairs, the same from DER and PEM and as Node shows it', () => {
    const { cert } = createCertificate('pc', ['localhost']);
    const x509 = new X509Certificate(cert);
    expect(fingerprintOfDer(x509.raw)).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(fingerprintOfPem(cert)).toBe(x509.fingerprint256);
    expect(fingerprintOfDer(Buffer.from('abc'))).toBe('BA:78:16:BF:8F:01:CF:EA:41:41:40:DE:5D:AE:22:23:B0:03:61:A3:96:17:7A:9C:B4:10:FF:61:F2:00:15:AD');
  });

  it('is made once in the data folder with its key readable only by the user, then reused; a broken pair is made anew', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tanggap-cert-'));
    try {
      const first = loadOrCreateIdentity(dir, 'pc', ['localhost']);
      expect(first.created).toBe(true);
      if (process.platform !== 'win32') expect(statSync(join(dir, TLS_KEY_FILE)).mode & 0o777).toBe(0o600);
      const again = loadOrCreateIdentity(dir, 'pc', ['localhost', '10.0.0.9']);
      expect(again).toMatchObject({ created: false, fingerprint: first.fingerprint, names: ['localhost'] });
      writeFileSync(join(dir, TLS_CERT_FILE), createCertificate('other', ['localhost']).cert);
      const remade = loadOrCreateIdentity(dir, 'pc', ['localhost']);
      expect(remade.created).toBe(true);
      expect(remade.fingerprint).not.toBe(first.fingerprint);
      // The broken pair is moved aside, not deleted.
      expect(readdirSync(dir).filter((f) => f.includes('.rusak-')).sort()).toHaveLength(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never replaces a kept certificate it cannot read: the fingerprint the other PCs know stays', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tanggap-cert-'));
    try {
      const first = loadOrCreateIdentity(dir, 'pc', ['localhost']);
      // A read that fails for any user, root included: the certificate's name is taken by a folder.
      const certFile = join(dir, TLS_CERT_FILE);
      renameSync(certFile, `${certFile}.disimpan`);
      mkdirSync(certFile);
      expect(() => loadOrCreateIdentity(dir, 'pc', ['localhost'])).toThrow(/tidak dapat dibaca/);
      expect(readdirSync(dir).some((f) => f.includes('.rusak-'))).toBe(false);
      rmSync(certFile, { recursive: true });
      renameSync(`${certFile}.disimpan`, certFile);
      expect(loadOrCreateIdentity(dir, 'pc', ['localhost'])).toMatchObject({ created: false, fingerprint: first.fingerprint });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
