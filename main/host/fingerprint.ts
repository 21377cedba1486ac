import { createHash, X509Certificate } from 'node:crypto';

// The certificate's fingerprint as people compare it between two screens and as the
// desktop app pins it: SHA-256 of the certificate's DER bytes, uppercase hex pairs
// joined by ':' (the form browsers show and Node's fingerprint256 gives).
export function fingerprintOfDer(der: Buffer): string {
  return createHash('sha256')
    .update(der)
    .digest('hex')
    .toUpperCase()
    .replace(/(..)(?!$)/g, '$1:');
}

// The same fingerprint from the certificate in PEM form (Electron hands certificates over that way).
export function fingerprintOfPem(pem: string): string {
  return fingerprintOfDer(new X509Certificate(pem).raw);
}
