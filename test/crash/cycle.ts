import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createCore, DB_FILE } from '../../main/core';
import { verifyAudit } from '../../main/core/audit/chain';
import { attachmentDir } from '../../main/core/complaints/attachments';
import { addUser, sealKeyOf, setupOffice, silentLog } from '../support/core';

const WRITER = join(__dirname, 'writer.ts');

export async function prepareOffice(dataDir: string): Promise<void> {
  const core = createCore({ dataDir, log: silentLog, sweepEveryMs: 0, backupCheckEveryMs: 0 });
  try {
    const admin = await setupOffice(core);
    await addUser(core, admin, 'staf1', 'staf');
  } finally {
    core.close();
  }
}

// Starts the writer, waits for its first acknowledged complaint, then SIGKILLs it
// killAfterMs later. Returns every register number it acknowledged.
export function crashCycle(dataDir: string, killAfterMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let armed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!armed && out.includes('\n')) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`Penulis berhenti sendiri sebelum dimatikan: ${err.slice(0, 500)}`));
      // A line cut mid-write by the kill was never acknowledged.
      else resolve(out.split('\n').slice(0, -1));
    });
  });
}

export interface AfterCrash {
  integrity: string;
  auditOk: boolean;
  complaints: number;
  missing: string[];
  brokenAttachments: number;
}

// What a crash may not break: SQLite's integrity, the audit chain, any acknowledged
// complaint, any attachment a row refers to.
export function checkAfterCrash(dataDir: string, acknowledged: readonly string[]): AfterCrash {
  const db = new Database(join(dataDir, DB_FILE));
  try {
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    const numbers = new Set((db.prepare('SELECT register_no FROM complaints').all() as { register_no: string }[]).map((r) => r.register_no));
    let brokenAttachments = 0;
    for (const a of db.prepare('SELECT stored_name, sha256 FROM attachments').iterate() as IterableIterator<{ stored_name: string; sha256: string }>) {
      try {
        const sha = createHash('sha256').update(readFileSync(join(attachmentDir(dataDir), a.stored_name))).digest('hex');
        if (sha !== a.sha256) brokenAttachments++;
      } catch {
        brokenAttachments++;
      }
    }
    return { integrity, auditOk: verifyAudit(db, sealKeyOf(dataDir)).ok, complaints: numbers.size, missing: acknowledged.filter((n) => !numbers.has(n)), brokenAttachments };
  } finally {
    db.close();
  }
}
