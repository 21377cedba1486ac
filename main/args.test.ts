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
    expect(() => parseArgs(['--prot', '5181'], { strict: true })).toThrow('Argumen tidak dikenal: --prot.');
    expect(() => parseArgs(['--data', 'x', 'lagi'], { strict: true })).toThrow('Argumen tidak dikenal: lagi.');
  });
});

describe('the command lines', () => {
  const run = (file: string, ...argv: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, file), ...argv], { encoding: 'utf8' });
  const web = (...argv: string[]) => run(join('http', 'cli.ts'), ...argv);

  it('npm run web prints its arguments for --help and starts nothing', () => {
    const help = web('--help');
    expect(help.status, help.stderr).toBe(0);
    for (const flag of ['--data <folder>', '--demo', '--host <alamat>', '--port <nomor>', '--tls']) expect(help.stdout).toContain(flag);
    expect(help.stdout).not.toContain('berjalan di');
  });

  it('npm run web refuses a mistyped argument instead of starting on the default port and folder', () => {
    const refused = web('--prot', '5181');
    expect(refused.status).toBe(2);
    // The mistake, then the arguments it knows.
    expect(refused.stderr).toMatch(/^Argumen tidak dikenal: --prot\.\n\nTanggap untuk peramban: .*\n {2}--data <folder>/);
    expect(refused.stdout).toBe('');
  });

  it('npm run restore refuses a mistyped --data before it touches any folder', () => {
    const restore = run(join('cli', 'restore.ts'), '--dta', '/nowhere/tanggap', '--from', '/nowhere/cadangan.sqlite');
    expect(restore.status).toBe(2);
    expect(restore.stderr.trim()).toBe('Argumen tidak dikenal: --dta. Pakai: npm run restore -- --data <folder data> --from <berkas cadangan .sqlite>');
    expect(restore.stdout).toBe('');
  });
});
