import { createHash } from 'node:crypto';
import { readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';

import { contract, type CallName } from '../../shared/contract';
import { attachmentDir, ORPHAN_AGE_MS, sweepOrphanAttachments } from '../../main/core/complaints/attachments';
import { BODY_LIMIT, createHttpServer, LARGE_BODY_LIMITS, type HttpServer } from '../../main/http/server';
import { inject } from '../support/inject';
import { addUser, makeCore, ok, sampleComplaint, setupOffice, type TestCore } from '../support/core';

const png = (fileName: string, seed: string, bytes = 64) => {
  const data = Buffer.alloc(bytes, seed);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(data);
  return { fileName, mime: 'image/png', dataBase64: data.toString('base64') };
};
const files = (t: TestCore) => readdirSync(attachmentDir(t.dir)).sort();
const HOUR = ORPHAN_AGE_MS;

let t: TestCore;
let app: HttpServer | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
  t?.dispose();
});

// An office with a complaint disposed to kasi1 (who opened it); kasi2 has none.
async function office() {
  t = makeCore(undefined, { sweepEveryMs: 0 });
  const admin = await setupOffice(t.core);
  const staf = await addUser(t.core, admin, 'staf', 'staf');
  const kasi1 = await addUser(t.core, admin, 'kasi1', 'kasi');
  const kasi2 = await addUser(t.core, admin, 'kasi2', 'kasi');
  const made = await ok(t.core, staf, 'complaints.create', sampleComplaint({ attachments: [png('foto.png', 'a')] }));
  const kasi1Id = (t.core.db.prepare("SELECT id FROM users WHERE username = 'kasi1'").get() as { id: number }).id;
  await ok(t.core, staf, 'workflow.dispose', { id: made.id, to: [kasi1Id], sifat: 'biasa', instructions: ['proses_lanjut'] });
  await ok(t.core, kasi1, 'workflow.journey', { id: made.id });
  return { id: made.id, staf, kasi1, kasi2 };
}

describe('uploads in the core', () => {
  it('writes no file for a refused follow-up, nor for one whose second file is bad', async () => {
    const o = await office();
    const before = files(t);
    const refused = await t.core.call('workflow.followUp', { id: o.id, kind: 'tindakan', text: 'Sudah dicek.', attachments: [png('bukti.png', 'b')] }, o.kasi2);
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const bad = { fileName: 'palsu.pdf', mime: 'application/pdf', dataBase64: Buffer.from('MZ bukan pdf').toString('base64') };
    const badSecond = await t.core.call('workflow.followUp', { id: o.id, kind: 'tindakan', text: 'Sudah dicek.', attachments: [png('bukti.png', 'b'), bad] }, o.kasi1);
    expect(badSecond).toMatchObject({ ok: false, error: { code: 'validation', field: 'attachments.1' } });
    expect(files(t)).toEqual(before);
    await ok(t.core, o.kasi1, 'workflow.followUp', { id: o.id, kind: 'tindakan', text: 'Sudah dicek.', attachments: [png('bukti.png', 'b')] });
    expect(files(t)).toHaveLength(before.length + 1);
  });

  it('keeps the declared name from lying about the content', async () => {
    const o = await office();
    const made = await ok(t.core, o.staf, 'complaints.create', sampleComplaint({ attachments: [png('surat.exe', 'c'), png('FOTO.PNG', 'd')] }));
    expect(made.attachments.map((a) => a.fileName)).toEqual(['surat.exe.png', 'FOTO.PNG']);
    expect(files(t).every((f) => f.endsWith('.png'))).toBe(true);
  });

  it('sweeps unreferenced files and leftover .tmp files once they are an hour old, never a referenced one', async () => {
    const o = await office();
    const referenced = files(t);
    // A save whose transaction fails after its file was written.
    t.core.db.exec("CREATE TEMP TRIGGER gagal BEFORE INSERT ON follow_ups BEGIN SELECT RAISE(ABORT, 'disk penuh'); END");
    const failed = await t.core.call('workflow.followUp', { id: o.id, kind: 'tindakan', text: 'Sudah dicek.', attachments: [png('bukti.png', 'e')] }, o.kasi1);
    expect(failed.ok).toBe(false);
    t.core.db.exec('DROP TRIGGER gagal');
    const orphan = files(t).find((f) => !referenced.includes(f))!;
    expect(orphan).toMatch(/^[0-9a-f]{64}\.png$/);
    const dir = attachmentDir(t.dir);
    writeFileSync(join(dir, `${orphan}.123.tmp`), 'setengah');
    const now = new Date();
    // Fresh files may belong to a save in flight: kept.
    expect(sweepOrphanAttachments(t.core.db, t.dir, now)).toBe(0);
    const old = new Date(now.getTime() - HOUR - 1000);
    for (const f of files(t)) utimesSync(join(dir, f), old, old);
    expect(sweepOrphanAttachments(t.core.db, t.dir, now)).toBe(2);
    expect(files(t)).toEqual(referenced);
    // The referenced ones still read back.
    const detail = await ok(t.core, o.staf, 'complaints.get', { id: o.id });
    expect((await ok(t.core, o.staf, 'complaints.attachment', { id: detail.attachments[0]!.id })).dataBase64).toBe(png('foto.png', 'a').dataBase64);
  });

  it('makes an old orphan fresh again when a new upload reuses it, so the sweep spares it', async () => {
    const o = await office();
    const dir = attachmentDir(t.dir);
    const upload = png('bukti.png', 'f');
    const name = `${createHash('sha256').update(Buffer.from(upload.dataBase64, 'base64')).digest('hex')}.png`;
    writeFileSync(join(dir, name), Buffer.from(upload.dataBase64, 'base64'));
    const old = new Date(Date.now() - 2 * HOUR);
    utimesSync(join(dir, name), old, old);
    t.core.db.exec("CREATE TEMP TRIGGER gagal BEFORE INSERT ON follow_ups BEGIN SELECT RAISE(ABORT, 'disk penuh'); END");
    expect((await t.core.call('workflow.followUp', { id: o.id, kind: 'tindakan', text: 'Sudah dicek.', attachments: [upload] }, o.kasi1))).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(sweepOrphanAttachments(t.core.db, t.dir, new Date())).toBe(0);
    expect(files(t)).toContain(name);
  });
});

// The largest JSON body the schema's stated limits allow; a string or list without a
// limit counts as empty or one item (their size is checked by refinements, which the
// base64 test below catches, or is small by nature).
function bound(s: Record<string, unknown> | undefined, defs: Record<string, Record<string, unknown>>): number {
  if (!s) return 0;
  if (typeof s.$ref === 'string') return bound(defs[s.$ref.split('/').pop()!], defs);
  const any = (s.anyOf ?? s.oneOf) as Record<string, unknown>[] | undefined;
  if (any) return Math.max(...any.map((x) => bound(x, defs)));
  switch (s.type) {
    case 'string':
      return (s.maxLength as number | undefined) ?? 0;
    case 'array':
      return ((s.maxItems as number | undefined) ?? 1) * bound(s.items as Record<string, unknown>, defs);
    case 'object':
      return Object.entries((s.properties ?? {}) as Record<string, Record<string, unknown>>).reduce((sum, [k, v]) => sum + k.length + 8 + bound(v, defs), 0);
    default:
      return 30;
  }
}

describe('uploads over HTTP', () => {
  it('gives the large limit exactly to the calls that carry files or whose stated limits exceed the small one', () => {
    const needLarge = (Object.keys(contract) as CallName[]).filter((name) => {
      const schema = z.toJSONSchema(contract[name].input, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
      const big = bound(schema, (schema.$defs ?? {}) as Record<string, Record<string, unknown>>);
      return /base64/i.test(JSON.stringify(schema)) || big > BODY_LIMIT;
    });
    expect(Object.keys(LARGE_BODY_LIMITS).sort()).toEqual(needLarge.sort());
  });

  it('answers a large body on an ordinary call with 413 without reaching the core', async () => {
    await office();
    app = await createHttpServer(t.core);
    const call = vi.spyOn(t.core, 'call');
    for (const name of ['auth.login', 'workflow.exit', 'no.such.call']) {
      const r = await inject(app, { method: 'POST', url: `/api/${name}`, payload: { text: 'A'.repeat(1024 * 1024) }, headers: { 'x-tanggap': '1' } });
      expect(r.statusCode, name).toBe(413);
      expect(r.json()).toEqual({ ok: false, error: { code: 'too_large', message: 'Data yang dikirim terlalu besar untuk perintah ini. Muat ulang halaman lalu coba lagi.' } });
    }
    expect(call).not.toHaveBeenCalled();
  });

  it('refuses an upload without a session (or with the wrong role) before reading its body', async () => {
    await office();
    app = await createHttpServer(t.core);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    // Announces 30 MB, sends a few bytes, and waits: the answer comes without the rest.
    const answer = (cookie = '') =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => {
          socket.write(
            `POST /api/complaints.create HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-Tanggap: 1\r\n${cookie ? `Cookie: ${cookie}\r\n` : ''}Content-Length: ${30 * 1024 * 1024}\r\n\r\n{"attachments":[`,
          );
        });
        const timer = setTimeout(() => {
          socket.destroy();
          reject(new Error('no answer before the body was sent'));
        }, 5000);
        let text = '';
        socket.on('data', (d) => {
          text += d.toString();
          if (!text.includes('}}')) return;
          clearTimeout(timer);
          socket.destroy();
          resolve(text);
        });
        socket.on('error', reject);
      });
    const anonymous = await answer();
    expect(anonymous).toMatch(/^HTTP\/1\.1 401/);
    expect(anonymous).toContain('Silakan masuk terlebih dahulu.');
    const login = await inject(app, { method: 'POST', url: '/api/auth.login', payload: { username: 'kasi1', password: 'kata-sandi-123' }, headers: { 'x-tanggap': '1' } });
    const kasiCookie = String(login.headers['set-cookie']).split(';')[0]!;
    const kasi = await answer(kasiCookie);
    expect(kasi).toMatch(/^HTTP\/1\.1 403/);
    expect(kasi).toContain('tidak berwenang');
  });

  it('takes an upload larger than the small limit from a signed-in Staf, and refuses one over its own limit', async () => {
    await office();
    app = await createHttpServer(t.core);
    const login = await inject(app, { method: 'POST', url: '/api/auth.login', payload: { username: 'staf', password: 'kata-sandi-123' }, headers: { 'x-tanggap': '1' } });
    const headers = { 'x-tanggap': '1', cookie: String(login.headers['set-cookie']).split(';')[0]! };
    const big = png('foto-besar.png', 'g', 2 * 1024 * 1024);
    const created = await inject(app, { method: 'POST', url: '/api/complaints.create', payload: sampleComplaint({ attachments: [big] }), headers });
    expect(created.statusCode).toBe(200);
    expect(created.json().value.attachments).toMatchObject([{ fileName: 'foto-besar.png', size: 2 * 1024 * 1024 }]);
    const tooBig = await inject(app, { method: 'POST', url: '/api/complaints.create', payload: { x: 'A'.repeat(LARGE_BODY_LIMITS['complaints.create']!) }, headers });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.message).toMatch(/^Data yang dikirim terlalu besar\. Lampiran paling besar 5 MB per berkas/);
  });
});
