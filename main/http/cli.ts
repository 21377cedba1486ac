import { join } from 'node:path';
import { defaultDataDir, parseArgs } from '../args';
import { createCore } from '../core';
import { seedDemo } from '../core/demo/seed';
import { createHttpServer } from './server';

// `npm run web`: the same app for a browser, served on 127.0.0.1 unless --host says otherwise.
async function main() {
  const args = parseArgs(process.argv.slice(2));
  const dataDir = args.dataDir ?? defaultDataDir(args.demo);
  const core = createCore({ dataDir });
  if (args.demo) {
    const seeded = await seedDemo(core.deps);
    if (seeded) console.log(`Data demo dibuat: ${seeded.complaints} pengaduan, ${seeded.users} pengguna (kata sandi semua: ${seeded.password}).`);
  }
  // TANGGAP_RENDERER_DIR: a renderer built elsewhere (see renderer/vite.config.ts).
  const rendererDir = process.env.TANGGAP_RENDERER_DIR ?? join(__dirname, '..', '..', 'dist', 'renderer');
  const app = await createHttpServer(core, { rendererDir });
  const address = await app.listen({ host: args.host, port: args.port });
  console.log(`Tanggap berjalan di ${address.replace('[::1]', 'localhost')}  (data: ${dataDir})`);
  const stop = async () => {
    await app.close();
    core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
