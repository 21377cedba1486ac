import { createPrivateKey, generateKeyPairSync, randomBytes, sign, X509Certificate } from 'node:crypto';
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { isIPv4 } from 'node:net';
import { join } from 'node:path';
import { restrictFile, writeFileDurable } from '../core/db/durable';
import { fingerprintOfDer } from './fingerprint';

// The LAN server's own certificate, made on first use and kept in the data folder so the
// fingerprint other PCs pinned stays the same across restarts. The key is readable only by
// the user running Tanggap.
export const TLS_KEY_FILE = 'server-kantor-kunci.pem';
export const TLS_CERT_FILE = 'server-kantor-sertifikat.pem';

// Long enough that no office meets its end: an expired certificate would cut every
// client PC off at once, and the clients pin the fingerprint rather than trust a CA.
const VALID_YEARS = 20;

export interface TlsIdentity {
  key: string;
  cert: string;
  fingerprint: string;
  // Names and addresses the certificate was made for (its subjectAltName).
  names: string[];
}

// Node creates keys and signatures but not certificates: the few DER structures of one
// self-signed X.509 v3 certificate are written here (RFC 5280), and Node's own parser
// reads the result back before it is kept.
const der = (tag: number, body: Buffer): Buffer => {
  const n = body.length;
  const len =
    n < 0x80 ? Buffer.from([n]) : n < 0x100 ? Buffer.from([0x81, n]) : n < 0x10000 ? Buffer.from([0x82, n >> 8, n & 0xff]) : Buffer.from([0x83, n >> 16, (n >> 8) & 0xff, n & 0xff]);
  return Buffer.concat([Buffer.from([tag]), len, body]);
};
const seq = (...items: Buffer[]) => der(0x30, Buffer.concat(items));
const set = (...items: Buffer[]) => der(0x31, Buffer.concat(items));
const explicit = (n: number, inner: Buffer) => der(0xa0 + n, inner);
const octets = (b: Buffer) => der(0x04, b);
const bits = (b: Buffer) => der(0x03, Buffer.concat([Buffer.from([0]), b]));
const utf8 = (s: string) => der(0x0c, Buffer.from(s, 'utf8'));
const bool = (v: boolean) => der(0x01, Buffer.from([v ? 0xff : 0]));

function oid(dotted: string): Buffer {
  const [a, b, ...rest] = dotted.split('.').map(Number);
  const out = [a! * 40 + b!];
  for (const v of rest) {
    const groups = [v & 0x7f];
    for (let x = v >>> 7; x > 0; x >>>= 7) groups.unshift((x & 0x7f) | 0x80);
    out.push(...groups);
  }
  return der(0x06, Buffer.from(out));
}

function integer(b: Buffer): Buffer {
  let i = 0;
  while (i < b.length - 1 && b[i] === 0 && (b[i + 1]! & 0x80) === 0) i++;
  const body = b.subarray(i);
  return der(0x02, body[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), body]) : body);
}

// UTCTime until 2049, GeneralizedTime from 2050 on (RFC 5280 4.1.2.5).
function time(d: Date): Buffer {
  const iso = d.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return d.getUTCFullYear() < 2050 ? der(0x17, Buffer.from(`${iso.slice(2)}Z`)) : der(0x18, Buffer.from(`${iso}Z`));
}

const OID = {
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  subjectAltName: '2.5.29.17',
  serverAuth: '1.3.6.1.5.5.7.3.1',
};

const extension = (id: string, critical: boolean, value: Buffer) => seq(oid(id), ...(critical ? [bool(true)] : []), octets(value));

function altName(name: string): Buffer {
  if (isIPv4(name)) return der(0x87, Buffer.from(name.split('.').map(Number)));
  return der(0x82, Buffer.from(name, 'ascii'));
}

// A self-signed ECDSA P-256 certificate for a server known by these host names and IPv4 addresses.
export function createCertificate(commonName: string, names: readonly string[], now = new Date()): { key: string; cert: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const algorithm = seq(oid(OID.ecdsaWithSha256));
  const subject = seq(set(seq(oid(OID.organization), utf8('Tanggap'))), set(seq(oid(OID.commonName), utf8(commonName))));
  const serial = randomBytes(16);
  serial[0] = (serial[0]! & 0x7f) | 0x01;
  const notBefore = new Date(now.getTime() - 24 * 3600_000);
  const notAfter = new Date(now);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + VALID_YEARS);
  const extensions = seq(
    extension(OID.basicConstraints, true, seq()),
    // digitalSignature only (ECDSA signs the handshake): the first bit of a one-byte string.
    extension(OID.keyUsage, true, der(0x03, Buffer.from([7, 0x80]))),
    extension(OID.extKeyUsage, false, seq(oid(OID.serverAuth))),
    extension(OID.subjectAltName, false, seq(...names.map(altName))),
  );
  const tbs = seq(
    explicit(0, integer(Buffer.from([2]))),
    integer(serial),
    algorithm,
    subject,
    seq(time(notBefore), time(notAfter)),
    subject,
    publicKey.export({ type: 'spki', format: 'der' }),
    explicit(3, extensions),
  );
  const signature = sign('sha256', tbs, { key: privateKey, dsaEncoding: 'der' });
  const body = seq(tbs, algorithm, bits(signature)).toString('base64');
  const cert = `-----BEGIN CERTIFICATE-----\n${body.replace(/.{1,64}/g, '$&\n')}-----END CERTIFICATE-----\n`;
  // Node's parser and the signature check: a malformed certificate never reaches the disk.
  if (!new X509Certificate(cert).verify(publicKey)) throw new Error('sertifikat yang dibuat tidak lolos pemeriksaan');
  return { key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), cert };
}

const namesOf = (cert: X509Certificate) =>
  (cert.subjectAltName ?? '')
    .split(', ')
    .map((entry) => entry.replace(/^(DNS|IP Address):/, ''))
    .filter(Boolean);

// The kept pair as text, or null when there is none yet; with one of the two files gone
// the pair is broken (empty texts). A pair that exists but cannot be read (another
// program holds it, permissions) throws: making a new one would change the fingerprint
// every paired PC knows the server by.
function readPair(dataDir: string): { key: string; cert: string } | null {
  const keyFile = join(dataDir, TLS_KEY_FILE);
  const certFile = join(dataDir, TLS_CERT_FILE);
  const present = [keyFile, certFile].filter((file) => existsSync(file)).length;
  if (present === 0) return null;
  if (present === 1) return { key: '', cert: '' };
  try {
    return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') };
  } catch (err) {
    throw new Error(
      `Sertifikat server kantor di folder data tidak dapat dibaca (${(err as { code?: string }).code ?? String(err)}). ` +
        'Pastikan berkas server-kantor-kunci.pem dan server-kantor-sertifikat.pem ada dan dapat dibaca Tanggap, lalu nyalakan lagi. ' +
        'Sertifikat baru sengaja tidak dibuat agar komputer lain tetap mengenali server ini.',
      { cause: err },
    );
  }
}

// The pair as a certificate, or null when it is broken (not a certificate, or not this key's).
function parsePair(pair: { key: string; cert: string }): TlsIdentity | null {
  try {
    const x509 = new X509Certificate(pair.cert);
    if (!x509.checkPrivateKey(createPrivateKey(pair.key))) return null;
    return { ...pair, fingerprint: fingerprintOfDer(x509.raw), names: namesOf(x509) };
  } catch {
    return null;
  }
}

// The certificate kept in dataDir, for showing; null when there is none or it cannot be used.
export function peekIdentity(dataDir: string): TlsIdentity | null {
  try {
    const pair = readPair(dataDir);
    return pair && parsePair(pair);
  } catch {
    return null;
  }
}

// The certificate kept in dataDir, made now (for `names`) when there is none yet. An
// existing one is kept even if the PC's addresses changed since: the other PCs recognise
// the server by its fingerprint, which must not change under them. A broken pair (one
// file missing, damaged, or a key that does not match) is moved aside, never deleted,
// and a new one made; one that cannot be read throws (readPair).
export function loadOrCreateIdentity(dataDir: string, commonName: string, names: readonly string[]): TlsIdentity & { created: boolean } {
  const pair = readPair(dataDir);
  const kept = pair && parsePair(pair);
  if (kept) {
    restrictFile(join(dataDir, TLS_KEY_FILE));
    return { ...kept, created: false };
  }
  if (pair) {
    const aside = `.rusak-${Date.now()}`;
    for (const file of [TLS_KEY_FILE, TLS_CERT_FILE]) {
      if (existsSync(join(dataDir, file))) renameSync(join(dataDir, file), join(dataDir, `${file}${aside}`));
    }
  }
  const keyFile = join(dataDir, TLS_KEY_FILE);
  const made = createCertificate(commonName, names);
  writeFileDurable(keyFile, Buffer.from(made.key));
  restrictFile(keyFile);
  writeFileDurable(join(dataDir, TLS_CERT_FILE), Buffer.from(made.cert));
  const x509 = new X509Certificate(made.cert);
  return { ...made, fingerprint: fingerprintOfDer(x509.raw), names: namesOf(x509), created: true };
}
