import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkAfterCrash, crashCycle, prepareOffice } from '../crash/cycle';

const dir = mkdtempSync(join(tmpdir(), 'tanggap-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('mati mendadak (SIGKILL) saat mencatat pengaduan', () => {
  it('keeps every acknowledged complaint, the audit chain and SQLite intact', { timeout: 30_000 }, async () => {
    await prepareOffice(dir);
    const acknowledged: string[] = [];
    for (const killAfterMs of [0, 37, 90 + Math.floor(Math.random() * 150)]) {
      acknowledged.push(...(await crashCycle(dir, killAfterMs)));
      const after = checkAfterCrash(dir, acknowledged);
      expect(after).toMatchObject({ integrity: 'ok', auditOk: true, missing: [], brokenAttachments: 0 });
      expect(after.complaints).toBeGreaterThanOrEqual(acknowledged.length);
    }
  });
});
