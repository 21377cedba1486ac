// `npm run web`, first half: builds the renderer only when its sources changed since the
// build in dist/renderer, so starting the web app is not a 10-second wait each time.
// The sources' hash is stored beside the build; anything that can change the output
// (renderer/, shared/, the build config, the locked package versions) is in it.
// The server's bundle (dist/main, main/build/bundle.mjs) is remade the same way.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleMainIfChanged, sourceHash } from './bundle.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// Same default and variable as renderer/vite.config.ts and main/http/cli.ts.
const outDir = process.env.TANGGAP_RENDERER_DIR ?? join(root, 'dist', 'renderer');
const stampFile = join(outDir, '.source-hash');
const INPUTS = ['renderer', 'shared', 'main/build/precompress.ts', 'main/build/landing.ts', 'package-lock.json', 'tsconfig.json', 'tsconfig.web.json'];

const hash = sourceHash(INPUTS);
const built = existsSync(join(outDir, 'index.html')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === hash;
if (built) {
  console.log('Tampilan sudah terbangun dan tidak berubah; langsung dijalankan.');
} else {
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', join(root, 'renderer', 'vite.config.ts')], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stampFile, `${hash}\n`);
}

if (await bundleMainIfChanged()) console.log('Server dibundel ulang (dist/main).');
