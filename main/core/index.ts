import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Result } from '../../shared/contract';
import { consoleLogger, write, type CoreDeps, type Logger, type SessionCarrier } from './context';
import { findOffice } from './office/settings';
import { sweep } from './workflow/engine';
import { openDatabase, type Db } from './db/open';
import { dispatch } from './dispatch';
import { handlers } from './handlers';

export interface CoreOptions {
  dataDir: string;
  now?: () => Date;
  log?: Logger;
  nativeBinding?: string;
  // How often escalations and automatic withdrawals run without anyone asking
  // (queues also run them before they read). 0 turns it off, as tests with a fake clock do.
  sweepEveryMs?: number;
}

export interface Core {
  deps: CoreDeps;
  db: Db;
  call(name: unknown, input: unknown, session: SessionCarrier): Promise<Result<unknown>>;
  close(): void;
}

export const DB_FILE = 'tanggap.sqlite';

function runSweep(deps: CoreDeps) {
  try {
    const { escalated, withdrawn } = write(deps.db, () => (findOffice(deps.db) ? sweep(deps) : { escalated: 0, withdrawn: 0 }));
    if (escalated || withdrawn) deps.log.info(`eskalasi: ${escalated}, dicabut otomatis: ${withdrawn}`);
  } catch (err) {
    deps.log.error('pemeriksaan batas waktu gagal', err);
  }
}

// The core as both transports (and tests, bench, CLI) use it: one database in
// dataDir, the handlers, and the dispatch gate.
export function createCore(options: CoreOptions): Core {
  mkdirSync(options.dataDir, { recursive: true });
  const db = openDatabase(join(options.dataDir, DB_FILE), { nativeBinding: options.nativeBinding });
  const deps: CoreDeps = { db, dataDir: options.dataDir, now: options.now ?? (() => new Date()), log: options.log ?? consoleLogger };
  const every = options.sweepEveryMs ?? (options.now ? 0 : 60_000);
  const timer = every > 0 ? setInterval(() => runSweep(deps), every) : null;
  timer?.unref();
  return {
    deps,
    db,
    call: (name, input, session) => dispatch(deps, handlers, name, input, session),
    close: () => {
      if (timer) clearInterval(timer);
      db.close();
    },
  };
}
