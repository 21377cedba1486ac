// `npm run restore -- --data <dir> --from <backup.sqlite>`: restores a backup while the
// app is closed (also into a fresh install). The current data is backed up first.
import { parseArgs, defaultDataDir } from '../args';
import { restoreOffline } from '../core/backup/offline';
import { TanggapError } from '../core/errors';

async function main() {
  const argv = process.argv.slice(2);
  const at = argv.findIndex((a) => a === '--from' || a.startsWith('--from='));
  const inline = at >= 0 && argv[at]!.includes('=');
  const from = at < 0 ? undefined : inline ? argv[at]!.slice('--from='.length) : argv[at + 1];
  const usage = 'npm run restore -- --data <folder data> --from <berkas cadangan .sqlite>';
  if (!from) {
    console.error(`Sebutkan berkas cadangan: ${usage}`);
    process.exit(2);
  }
  let args;
  try {
    // Strict: a mistyped --data would restore into the default folder instead.
    args = parseArgs(argv.filter((_, i) => i !== at && (inline || i !== at + 1)), { strict: true });
  } catch (err) {
    console.error(`${(err as Error).message} Pakai: ${usage}`);
    process.exit(2);
  }
  const dataDir = args.dataDir ?? defaultDataDir(args.demo);
  console.log(`Tutup aplikasi Tanggap di komputer ini sebelum memulihkan. Folder data: ${dataDir}`);
  try {
    const r = await restoreOffline(dataDir, from);
    if (r.safetyBackup) console.log(`Data sebelumnya dicadangkan ke ${r.safetyFolder}/${r.safetyBackup}.`);
    console.log(`Pemulihan selesai: ${r.complaints} pengaduan. Semua pengguna perlu masuk lagi.`);
  } catch (err) {
    console.error(err instanceof TanggapError ? err.message : `Pemulihan gagal: ${(err as Error).message}`);
    process.exit(1);
  }
}
void main();
