import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Result } from '../../shared/contract';
import { consoleLogger, type CoreDeps, type Logger, type SessionCarrier } from './context';
import { openDatabase, type Db } from './db/open';
import { dispatch } from './dispatch';
import { handlers } from './handlers';

export interface CoreOptions {
  dataDir: string;
  now?: () => Date;
  log?: Logger;
  nativeBinding?: string;
}

export interface Core {
  deps: CoreDeps;
  db: Db;
  call(name: unknown, input: unknown, session: SessionCarrier): Promise<Result<unknown>>;
  close(): void;
}

export const DB_FILE = 'tanggap.sqlite';

// The core as both transports (and tests, bench, CLI) use it: one database in
// dataDir, the handlers, and the dispatch gate.
export function createCore(options: CoreOptions): Core {
  mkdirSync(options.dataDir, { recursive: true });
  const db = openDatabase(join(options.dataDir, DB_FILE), { nativeBinding: options.nativeBinding });
  const deps: CoreDeps = { db, dataDir: options.dataDir, now: options.now ?? (() => new Date()), log: options.log ?? consoleLogger };
  return {
    deps,
    db,
    call: (name, input, session) => dispatch(deps, handlers, name, input, session),
    close: () => db.close(),
  };
}
