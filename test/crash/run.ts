// `npm run crashtest`: figures, not a test. Kills a process that records complaints
// with SIGKILL at random moments, CRASH_CYCLES times (100 by default), and checks
// after each that nothing acknowledged is lost and nothing is damaged.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkAfterCrash, crashCycle, prepareOffice } from './cycle';

const CYCLES = Number(process.env.CRASH_CYCLES ?? 100);

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'tanggap-crashtest-'));
  const t0 = performance.now();
  let failures = 0;
  try {
    await prepareOffice(dir);
    const acknowledged: string[] = [];
    for (let i = 1; i <= CYCLES; i++) {
      acknowledged.push(...(await crashCycle(dir, Math.floor(Math.random() * 400))));
      const after = checkAfterCrash(dir, acknowledged);
      const bad = after.integrity !== 'ok' || !after.auditOk || after.missing.length > 0 || after.brokenAttachments > 0;
      if (bad) {
        failures++;
        console.log(`siklus ${i}: RUSAK integrity=${after.integrity} audit=${after.auditOk} hilang=${after.missing.length} lampiran rusak=${after.brokenAttachments}`);
      }
      if (i % 10 === 0) console.log(`siklus ${i}/${CYCLES}: ${acknowledged.length} dikonfirmasi, ${after.complaints} di basis data`);
    }
    const s = ((performance.now() - t0) / 1000).toFixed(1);
    console.log(`${CYCLES} siklus SIGKILL dalam ${s} detik: ${acknowledged.length} pengaduan dikonfirmasi, ${failures} siklus rusak.`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (failures > 0) process.exit(1);
}
void main();
