import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from './args';

describe('parseArgs', () => {
  it('reads the known arguments, with a value after them or after =', () => {
    expect(parseArgs(['--data', 'x', '--port=0', '--host', '0.0.0.0', '--tls', '--demo'])).toMatchObject({
      dataDir: join(process.cwd(), 'x'),
      port: 0,
      host: '0.0.0.0',
      tls: true,
      demo: true,
    });
    expect(() => parseArgs(['--port', '70000'])).toThrow('Argumen --port harus angka 0–65535.');
    expect(() => parseArgs(['--data'])).toThrow('Argumen --data membutuhkan nilai.');
  });

  it('passes over other arguments (Electron and Chromium switches), or refuses them when strict', () => {
    expect(parseArgs(['.', '--no-sandbox', '--port', '5181']).port).toBe(5181);
    expect(() => parseArgs(['--prot', '5181'], { strict: true })).toThrow('Argumen tidak dikenal: --prot. Lihat --help untuk argumen yang dikenal.');
    expect(() => parseArgs(['--data', 'x', 'lagi'], { strict: true })).toThrow('Argumen tidak dikenal: lagi.');
  });
});

describe('npm run web', () => {
  const web = (...argv: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'http', 'cli.ts'), ...argv], { encoding: 'utf8' });

  it('prints its arguments for --help and starts nothing', () => {
    const run = web('--help');
    expect(run.status, run.stderr).toBe(0);
    for (const flag of ['--data <folder>', '--demo', '--host <alamat>', '--port <nomor>', '--tls']) expect(run.stdout).toContain(flag);
    expect(run.stdout).not.toContain('berjalan di');
  });

  it('refuses a mistyped argument instead of starting on the default port and folder', () => {
    const run = web('--prot', '5181');
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('Argumen tidak dikenal: --prot. Lihat --help untuk argumen yang dikenal.');
    expect(run.stdout).toBe('');
  });
});
