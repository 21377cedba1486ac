import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CERT_ACCEPT, CERT_REJECT, createCertificateVerifier, probeHost, readClientConfig, writeClientConfig } from '../../main/electron/client';
import { TLS_CERT_FILE, TLS_KEY_FILE } from '../../main/host/certificate';
import { startHost, type Host } from '../../main/host/host';
import { carrier, ok, setupOffice, silentLog } from '../support/core';

let dir: string;
let host: Host | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
  rmSync(dir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const start = () => startHost({ dataDir: dir, rendererDir: join(dir, 'no-renderer'), demo: false, local: null, log: silentLog, lanLoopback: true });

const verdict = (pinned: { url: string; fingerprint: string }, certPem: string) =>
  new Promise<number>((resolve) => createCertificateVerifier(() => pinned, () => undefined)({ hostname: '127.0.0.1', certificate: { data: certPem } }, resolve));

// The desktop app of another PC against a real Tanggap host with its LAN server on.
describe('pairing with the office server', () => {
  it('finds the host, pins the fingerprint its Server kantor page shows, and refuses the host once its certificate is replaced', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tanggap-pairing-'));
    const userData = join(dir, 'klien');
    host = await start();
    const admin = await setupOffice(host.core);
    const office = await ok(host.core, carrier(), 'setup.status', {});
    const port = await freePort();
    const lan = await ok(host.core, admin, 'server.update', { enabled: true, address: '127.0.0.1', port });
    expect(lan.running).toBe(true);

    const probed = await probeHost(`https://127.0.0.1:${port}`);
    expect(probed).toEqual({ ok: true, value: { url: `https://127.0.0.1:${port}`, fingerprint: lan.fingerprint, officeName: office.officeName } });
    if (!probed.ok) return;
    writeClientConfig(userData, { url: probed.value.url, fingerprint: probed.value.fingerprint });
    const pinned = readClientConfig(userData).config!;
    expect(await verdict(pinned, readFileSync(join(dir, TLS_CERT_FILE), 'utf8'))).toBe(CERT_ACCEPT);

    // The server PC reinstalled: a new certificate. The pairing refuses it; a new probe shows it.
    await host.close();
    rmSync(join(dir, TLS_CERT_FILE));
    rmSync(join(dir, TLS_KEY_FILE));
    host = await start();
    const renewed = await probeHost(`https://127.0.0.1:${port}`);
    expect(renewed.ok && renewed.value.fingerprint).not.toBe(pinned.fingerprint);
    expect(await verdict(pinned, readFileSync(join(dir, TLS_CERT_FILE), 'utf8'))).toBe(CERT_REJECT);
  });
});
