import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ServerResponse } from 'node:http';
import type { CallName } from '../../shared/contract';
import type { Core } from '../core';
import { peekSession } from '../core/auth/sessions';
import { MIME } from './files';

// The register's page for a signed-in user, with the answers to its first reads written
// into it: who is signed in, the office, and the register's first page. Otherwise
// renderer/boot.js asks for them once it has run, and it is read from the browser's cache
// first (some 60–100 ms on a 2-core office PC while the browser starts). Here the server
// works them out while the browser reads the page's files, so the register's early screen
// (renderer/earlyScreen.ts) is drawn as soon as its script runs.
//
// The page is sent in two parts: all of it up to </body> at once; then, once worked out,
// the answers as a JSON data block, which boot.js (a deferred script: it runs once the
// page is parsed, before the app's scripts) takes up instead of asking for them. A data
// block is not run, so the page's CSP holds; every "<" in it is written as \u003c, so no
// text of a complaint can end the block.

// The address whose page carries them (renderer/App.tsx's route of the register).
export const FIRST_ANSWERS_PATH = '/register';
// The block's id, as renderer/boot.js looks for it.
const ANSWERS_BLOCK = 'tanggap-jawaban';

// Each read as boot.js asks for it: the list's body is the register's first page
// unfiltered (renderer/components/register/query.ts, toQuery of no filters), so boot.js
// takes the answer up only for that exact body.
export const FIRST_READS: readonly { name: CallName; body: string }[] = [
  { name: 'auth.me', body: '{}' },
  { name: 'office.get', body: '{}' },
  { name: 'complaints.list', body: JSON.stringify({ sort: 'registerNo', dir: 'desc', offset: 0, limit: 50 }) },
];

// JSON as it may stand inside <script>: "<" escaped, so neither "</script>" nor "<!--" can occur.
const inScript = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

// Sends the page with its first answers and returns true; false, with nothing sent, when
// no one is signed in with this token (or their password must be replaced first).
export async function sendWithFirstAnswers(core: Core, res: ServerResponse, rendererDir: string, token: string | null): Promise<boolean> {
  if (!token || !peekSession(core.deps, token)) return false;
  const page = await readFile(join(rendererDir, 'index.html'), 'utf8');
  const end = page.lastIndexOf('</body>');
  if (end < 0) return false;
  res.statusCode = 200;
  res.setHeader('content-type', MIME['.html']!);
  // Its answers are this user's, as of now.
  res.setHeader('cache-control', 'no-store');
  res.write(page.slice(0, end));
  const answers: { name: CallName; body: string; answer: unknown }[] = [];
  try {
    // The page's own reads: the session is the cookie's, as boot.js's requests would carry
    // it (a session that ended meanwhile is answered as ended; its cookie is cleared by the
    // app's next call).
    const session = { token, setToken: () => undefined };
    for (const read of FIRST_READS) answers.push({ ...read, answer: await core.call(read.name, JSON.parse(read.body), session) });
  } catch (err) {
    // What is missing, boot.js asks for as usual.
    core.deps.log.error('jawaban pertama halaman register gagal', err);
  }
  res.end(`<script type="application/json" id="${ANSWERS_BLOCK}">${inScript(answers)}</script>\n  ${page.slice(end)}`);
  return true;
}
