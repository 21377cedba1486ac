// `npm run audit:verify -- --data <dir>`: checks the audit trail of an office database
// run with `npm run web` (its seal key is the file beside the database) and exits 1 when
// the trail, or a complaint's record, was changed outside the app.
import { join } from 'node:path';
import { defaultDataDir, parseArgs } from '../args';
import { openDatabase } from '../core/db/open';
import { DB_FILE } from '../core';
import { auditKey, dataDirVault } from '../core/audit/key';
import { auditVerdict } from '../core/audit/verdict';

let args;
try {
  args = parseArgs(process.argv.slice(2), { strict: true });
} catch (err) {
  console.error(`${(err as Error).message} Pakai: npm run audit:verify -- --data <folder data>`);
  process.exit(2);
}
const dataDir = args.dataDir ?? defaultDataDir(args.demo);
const secret = dataDirVault(dataDir).load();
if (!secret) console.warn('Kunci segel tidak ditemukan di folder data: hanya sambungan antarcatatan yang dapat diperiksa.');
const db = openDatabase(join(dataDir, DB_FILE));
const verdict = auditVerdict(db, secret ? auditKey(secret) : null);
db.close();
const { checked, changed } = verdict.complaints;
if (verdict.firstBroken) console.error(`Jejak audit RUSAK mulai catatan ${verdict.firstBroken.id}: ${verdict.firstBroken.reason}`);
if (changed.length > 0) {
  const shown = changed.slice(0, 20).map((c) => c.registerNo).join(', ');
  console.error(`${changed.length} pengaduan diubah di luar aplikasi: ${shown}${changed.length > 20 ? ', …' : ''}.`);
}
if (verdict.ok) {
  console.log(
    `Jejak audit utuh: ${verdict.rows} catatan diperiksa, ${verdict.checkpoints.filter((c) => c.state === 'cocok').length} titik periksa cocok, ${checked} pengaduan cocok dengan catatannya.`,
  );
} else {
  process.exit(1);
}
