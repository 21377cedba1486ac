// `npm run audit:verify -- --data <dir>`: checks the audit trail of an office database
// run with `npm run web` (its seal key is the file beside the database) and exits 1 when
// the trail was changed outside the app.
import { join } from 'node:path';
import { defaultDataDir, parseArgs } from '../args';
import { openDatabase } from '../core/db/open';
import { DB_FILE } from '../core';
import { verifyAudit } from '../core/audit/chain';
import { auditKey, dataDirVault } from '../core/audit/key';
import { readBackupSettings, readCheckpointLog } from '../core/backup/store';

const args = parseArgs(process.argv.slice(2));
const dataDir = args.dataDir ?? defaultDataDir(args.demo);
const secret = dataDirVault(dataDir).load();
if (!secret) console.warn('Kunci segel tidak ditemukan di folder data: hanya sambungan antarcatatan yang dapat diperiksa.');
const db = openDatabase(join(dataDir, DB_FILE));
const verdict = verifyAudit(db, secret ? auditKey(secret) : null, readCheckpointLog(readBackupSettings(db).folder));
db.close();
if (verdict.ok) {
  console.log(`Jejak audit utuh: ${verdict.rows} catatan diperiksa, ${verdict.checkpoints.filter((c) => c.state === 'cocok').length} titik periksa cocok.`);
} else {
  console.error(`Jejak audit RUSAK mulai catatan ${verdict.firstBroken!.id}: ${verdict.firstBroken!.reason}`);
  process.exit(1);
}
