import { basename, join } from 'node:path';
import { defaultDataDir, parseArgs } from '../args';
import { startHost } from '../host/host';

const HELP = `Tanggap untuk peramban: npm run web -- [argumen]  (atau node dist/main/http/cli.js [argumen])
  --data <folder>   folder basis data dan lampiran (bawaan: ${defaultDataDir(false)})
  --demo            kantor contoh berisi pengguna dan pengaduan (kata sandi semua pengguna: tanggap123)
  --host <alamat>   alamat yang didengarkan (bawaan 127.0.0.1; selain PC ini hanya dengan --tls)
  --port <nomor>    port (bawaan 5180; 0 = port bebas mana pun)
  --tls             HTTPS dengan sertifikat di folder data, untuk PC lain di kantor
  --help            bantuan ini`;

// `npm run web`: the same app for a browser, served on 127.0.0.1 unless --host says
// otherwise; off the PC itself only over TLS (--tls).
async function main() {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(HELP);
    return;
  }
  let args;
  try {
    args = parseArgs(argv, { strict: true });
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${HELP}`);
    process.exit(2);
  }
  const dataDir = args.dataDir ?? defaultDataDir(args.demo);
  // TANGGAP_RENDERER_DIR: a renderer built elsewhere (see renderer/vite.config.ts). Else
  // dist/renderer, beside this file's bundle in dist/main/http, or from main/http (tsx).
  const up = join(__dirname, '..', '..');
  const rendererDir = process.env.TANGGAP_RENDERER_DIR ?? (basename(up) === 'dist' ? join(up, 'renderer') : join(up, 'dist', 'renderer'));
  const host = await startHost({ dataDir, rendererDir, demo: args.demo, local: { host: args.host, port: args.port, tls: args.tls } });
  // Before the address is printed: whoever reads it may stop the server at once.
  const stop = async () => {
    await host.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  const [first, ...more] = host.localUrls;
  console.log(`Tanggap berjalan di ${first}  (data: ${dataDir})`);
  for (const url of more) console.log(`                 juga di ${url}`);
  if (host.localFingerprint) {
    console.log(`Sidik jari sertifikat (cocokkan di komputer lain saat pertama tersambung):\n  ${host.localFingerprint}`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
