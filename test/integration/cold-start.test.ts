import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');

// What a fresh process loads before its first request, as `npm run web` and the Electron
// app start: the core, the demo seed and the HTTP server, in a Node of their own (this
// test's own module cache would not tell).
function packagesLoadedAtStart(): string[] {
  const script = `
    require('./main/core/index.ts');
    require('./main/core/demo/seed.ts');
    require('./main/http/server.ts');
    const names = new Set();
    for (const file of Object.keys(require.cache)) {
      const m = /node_modules[\\\\/]((?:@[^\\\\/]+[\\\\/])?[^\\\\/]+)/.exec(file);
      if (m) names.add(m[1].replace('\\\\', '/'));
    }
    console.log(JSON.stringify([...names]));
  `;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: root, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as string[];
}

describe('cold start', () => {
  it('loads the DOCX, XLSX and QR libraries only when a file is made, not at start', () => {
    const loaded = packagesLoadedAtStart();
    // The check sees packages at all: the server and the database are there.
    expect(loaded).toEqual(expect.arrayContaining(['fastify', 'better-sqlite3']));
    expect(loaded).not.toContain('docx');
    expect(loaded).not.toContain('exceljs');
    expect(loaded).not.toContain('qrcode');
  }, 60_000);
});
