import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIRST_READS } from '../../main/http/firstAnswers';
import { createHttpServer, SESSION_COOKIE, type HttpServer } from '../../main/http/server';
import { inject } from '../support/inject';
import { addUser, carrier, makeCore, ok, sampleComplaint, setupOffice, type TestCore } from '../support/core';

// The register's page as a signed-in user opens it carries the answers to its first reads
// (main/http/firstAnswers.ts), which renderer/boot.js takes up instead of asking.

const HEAD = '<!doctype html><html lang="id"><head><script defer src="/assets/boot-Ab12.js"></script><script type="module" src="/assets/index-Cd34.js"></script></head><body><div id="root"></div>';
const PAGE = `${HEAD}</body></html>`;
const BLOCK = /<script type="application\/json" id="tanggap-jawaban">([^<]*)<\/script>/;
// A subject that would end a script element, or open a comment in it, if written as it is.
const SUBJECT = 'Jalan rusak </script><script>alert(1)</script> <!-- &amp;';

let t: TestCore;
let app: HttpServer;
let dir: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tanggap-renderer-'));
  writeFileSync(join(dir, 'index.html'), PAGE);
  t = makeCore();
  app = await createHttpServer(t.core, { rendererDir: dir });
});
afterEach(async () => {
  await app.close();
  t.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const cookieOf = (token: string | null) => `${SESSION_COOKIE}=${encodeURIComponent(token ?? '')}`;
const open = (url: string, cookie?: string) => inject(app, { method: 'GET', url, headers: cookie ? { cookie } : {} });
const post = async (name: string, body: string, cookie: string) =>
  JSON.parse((await inject(app, { method: 'POST', url: `/api/${name}`, headers: { cookie, 'content-type': 'application/json', 'x-tanggap': '1' }, payload: body })).payload) as unknown;

async function signedIn(role: 'staf' | 'admin' = 'staf') {
  const admin = await setupOffice(t.core);
  const staf = await addUser(t.core, admin, 'staf', 'staf', 'Budi Staf');
  await ok(t.core, staf, 'complaints.create', sampleComplaint({ subject: SUBJECT }));
  await ok(t.core, staf, 'complaints.create', sampleComplaint({ subject: 'Lampu jalan mati' }));
  return cookieOf((role === 'admin' ? admin : staf).token);
}

describe("the register's page with its first answers", () => {
  it('carries, for someone signed in, each first read answered as its call would answer it, after the page and before </body>', async () => {
    const cookie = await signedIn();
    const page = await open('/register', cookie);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    // This user's answers as of now: never kept by the browser, nor sent as a stored page.
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['etag']).toBeUndefined();
    expect(page.payload.startsWith(HEAD)).toBe(true);
    expect(page.payload.endsWith('</body></html>')).toBe(true);

    const block = BLOCK.exec(page.payload);
    expect(block).not.toBeNull();
    // No "<" inside the block: nothing a complaint says can end it.
    expect(page.payload.match(/<\/script>/g)).toHaveLength(3);
    const answers = JSON.parse(block![1]!) as { name: string; body: string; answer: { ok: boolean; value: unknown } }[];
    expect(answers.map((a) => [a.name, a.body])).toEqual(FIRST_READS.map((r) => [r.name, r.body]));
    for (const a of answers) expect(a.answer, a.name).toEqual(await post(a.name, a.body, cookie));
    const list = answers.find((a) => a.name === 'complaints.list')!.answer.value as { rows: { subject: string }[] };
    expect(list.rows.map((r) => r.subject)).toEqual(['Lampu jalan mati', SUBJECT]);
    expect((answers[0]!.answer.value as { username: string }).username).toBe('staf');
  });

  it("gives a role the register is not for its refusal in the page, as the call would, and the other answers", async () => {
    const cookie = await signedIn('admin');
    const answers = JSON.parse(BLOCK.exec((await open('/register', cookie)).payload)![1]!) as { name: string; answer: { ok: boolean; error?: { code: string } } }[];
    expect(answers.map((a) => [a.name, a.answer.ok])).toEqual([
      ['auth.me', true],
      ['office.get', true],
      ['complaints.list', false],
    ]);
    expect(answers[2]!.answer.error!.code).toBe('forbidden');
  });

  it('is the plain page for no session, an ended or unknown one, a password still to replace, filters in the address, or another address', async () => {
    const cookie = await signedIn();
    const admin = carrier();
    await ok(t.core, admin, 'auth.login', { username: 'admin', password: 'rahasia-admin-1' });
    // An account the Admin has just made: its password must be replaced before anything else.
    await ok(t.core, admin, 'users.create', {
      username: 'baru',
      password: 'sandi-dari-admin-1',
      user: { name: 'Pegawai Baru', nip: '', jabatan: 'Staf', pangkat: '', role: 'staf', seksi: '', active: true },
    });
    const fresh = carrier();
    await ok(t.core, fresh, 'auth.login', { username: 'baru', password: 'sandi-dari-admin-1' });
    const ended = carrier();
    await ok(t.core, ended, 'auth.login', { username: 'admin', password: 'rahasia-admin-1' });
    await ok(t.core, ended, 'auth.logout', {});

    const cases: [string, string | undefined][] = [
      ['/register', undefined],
      ['/register', cookieOf('bukan-token')],
      ['/register', cookieOf(fresh.token)],
      ['/register?status=selesai', cookie],
      ['/tugas', cookie],
      ['/', cookie],
    ];
    for (const [url, c] of cases) {
      const page = await open(url, c);
      expect(page.statusCode, url).toBe(200);
      expect(page.payload, url).toBe(PAGE);
      expect(page.headers['cache-control'], url).toBe('no-cache');
    }

    // A session that went idle is the plain page too.
    t.clock.advanceMinutes(31);
    expect((await open('/register', cookie)).payload).toBe(PAGE);
  });

  it("asks for the register's first page exactly as the register asks for it unfiltered", async () => {
    const { readFilters, toQuery } = (await import(join(__dirname, '..', '..', 'renderer', 'components', 'register', 'query.ts'))) as {
      readFilters(p: URLSearchParams, q: string): unknown;
      toQuery(f: unknown): unknown;
    };
    expect(FIRST_READS.find((r) => r.name === 'complaints.list')!.body).toBe(JSON.stringify(toQuery(readFilters(new URLSearchParams(), ''))));
  });
});
