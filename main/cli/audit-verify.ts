// `npm run audit:verify -- --data <dir>`: walks the audit chain of an office database
// and exits 1 at the first broken row.
import { join } from 'node:path';
import { defaultDataDir, parseArgs } from '../args';
import { openDatabase } from '../core/db/open';
import { DB_FILE } from '../core';
import { verifyAudit } from '../core/audit/chain';

const args = parseArgs(process.argv.slice(2));
const db = openDatabase(join(args.dataDir ?? defaultDataDir(args.demo), DB_FILE));
const verdict = verifyAudit(db);
db.close();
if (verdict.ok) {
  console.log(`Jejak audit utuh: ${verdict.rows} baris diperiksa.`);
} else {
  console.error(`Jejak audit RUSAK di baris ${verdict.firstBroken!.id}: ${verdict.firstBroken!.reason}`);
  process.exit(1);
}
