import { join } from 'node:path';
import type { Result } from '../../shared/contract';
import { consoleLogger, write, type CoreDeps, type Logger, type SessionCarrier } from './context';
import { findOffice } from './office/settings';
import { sweep } from './workflow/engine';
import { openDatabase, optimizeDatabase, type Db } from './db/open';
import { mergeTextIndexesSlice } from './db/textIndexes';
import { restrictDir } from './db/durable';
import { createBackupRuntime } from './backup/runtime';
import { upgradeGuard } from './backup/upgrade';
import type { RestoreResult } from './backup/types';
import { dispatch } from './dispatch';
import { pinUnsealedTail } from './audit/chain';
import { watchOutsideEdits } from './complaints/events';
import { sweepOrphanAttachments } from './complaints/attachments';
import { bindAuditKey, dataDirVault, openAuditKey, type KeyVault } from './audit/key';
import { handlers } from './handlers';
import { fillPauseExitDues, fillWorkMinutes } from './reports/backfill';
import { createLiveEvents, watchEvents, type LiveEvents } from './events';
import type { ClientEvent } from '../../shared/events';

export interface CoreOptions {
  dataDir: string;
  now?: () => Date;
  log?: Logger;
  nativeBinding?: string;
  // How often escalations and automatic withdrawals run without anyone asking
  // (queues also run them before they read). 0 turns it off, as tests with a fake clock do.
  sweepEveryMs?: number;
  // How often the daily backup checks whether a day has passed since the last one;
  // 0 turns it off (as for the sweep).
  backupCheckEveryMs?: number;
  // Whether the text indexes are merged in the background (textIndexes.ts); off by
  // default with a fake clock, as the two above.
  mergeTextIndexes?: boolean;
  // Where the audit seal key is kept (default: a 0600 file in dataDir; the desktop app
  // passes one encrypted by the operating system).
  keyVault?: KeyVault;
}

export interface Core {
  deps: CoreDeps;
  // The open database; a restore swaps it, so read it each time.
  readonly db: Db;
  call(name: unknown, input: unknown, session: SessionCarrier): Promise<Result<unknown>>;
  // Replaces the data with a verified backup from the backup folder (current data backed up first).
  restore(file: string): Promise<RestoreResult>;
  // Live events for one session (a window, an SSE stream): only what its user may see,
  // nothing once the session has ended; onEnd ends the watch then (see watchEvents).
  watch(session: SessionCarrier, send: (e: ClientEvent) => void, onEnd?: () => void): () => void;
  close(): void;
}

export const DB_FILE = 'tanggap.sqlite';
const ORPHAN_SWEEP_DELAY_MS = 10_000;
// The text indexes' merging: a slice every few seconds while there is work, else a look
// every quarter of an hour; the first a minute after start, once the first pages are served.
const MERGE_SLICE_EVERY_MS = 5_000;
const MERGE_LOOK_EVERY_MS = 15 * 60_000;
const MERGE_LOOK_FIRST_MS = 60_000;

function runSweep(deps: CoreDeps, live: LiveEvents) {
  try {
    const { escalated, withdrawn } = write(deps.db, () => (findOffice(deps.db) ? sweep(deps) : { escalated: 0, withdrawn: 0 }));
    if (escalated || withdrawn) deps.log.info(`eskalasi: ${escalated}, dicabut otomatis: ${withdrawn}`);
    if (findOffice(deps.db)) live.announceDeadlines();
  } catch (err) {
    deps.log.error('pemeriksaan batas waktu gagal', err);
  }
}

// The core as both transports (and tests, bench, CLI) use it: one database in
// dataDir, the handlers, and the dispatch gate.
export function createCore(options: CoreOptions): Core {
  restrictDir(options.dataDir);
  const dbFile = join(options.dataDir, DB_FILE);
  const { key, fresh } = openAuditKey(options.keyVault ?? dataDirVault(options.dataDir));
  const live = createLiveEvents(() => deps, options.log ?? consoleLogger);
  // An update that migrates the database first keeps a verified copy of it.
  const upgrade = upgradeGuard({ dataDir: options.dataDir, key, now: options.now ?? (() => new Date()), log: options.log ?? consoleLogger, nativeBinding: options.nativeBinding });
  const reopen = () => {
    const db = openDatabase(dbFile, { nativeBinding: options.nativeBinding, beforeMigrate: upgrade.beforeMigrate });
    live.bind(db);
    bindAuditKey(db, key);
    upgrade.afterOpen(db);
    watchOutsideEdits(db);
    // Also after a restore, whose backup may predate the working minutes.
    fillWorkMinutes(db);
    fillPauseExitDues(db);
    return db;
  };
  // The backup runtime is set right below: it needs deps itself (and swaps deps.db on restore).
  const deps = { db: reopen(), dataDir: options.dataDir, now: options.now ?? (() => new Date()), log: options.log ?? consoleLogger, events: live.bus } as CoreDeps;
  if (fresh) pinUnsealedTail(deps.db, deps.now().toISOString());
  // Files of uploads whose save failed (or was cut by a crash) are removed soon after
  // start, once the first page is served: listing lampiran/ of a large office takes a
  // while, and only files an hour old go, so an upload meanwhile is safe. The real clock,
  // because the files' own times are real.
  const sweepOrphans = () => {
    try {
      const orphans = sweepOrphanAttachments(deps.db, deps.dataDir, new Date());
      if (orphans) deps.log.info(`${orphans} berkas lampiran tanpa pengaduan dihapus`);
    } catch (err) {
      deps.log.warn(`pembersihan lampiran tanpa pengaduan gagal: ${String(err)}`);
    }
  };
  const orphanTimer = setTimeout(sweepOrphans, ORPHAN_SWEEP_DELAY_MS);
  orphanTimer.unref();
  deps.backup = createBackupRuntime(deps, { dbFile, nativeBinding: options.nativeBinding, reopen });
  const every = options.sweepEveryMs ?? (options.now ? 0 : 60_000);
  const timer = every > 0 ? setInterval(() => runSweep(deps, live), every) : null;
  timer?.unref();
  let mergeTimer: NodeJS.Timeout | null = null;
  const mergeSoon = (ms: number) => {
    mergeTimer = setTimeout(() => {
      let more = false;
      try {
        more = mergeTextIndexesSlice(deps.db);
      } catch (err) {
        deps.log.warn(`penggabungan indeks pencarian ditunda: ${String(err)}`);
      }
      mergeSoon(more ? MERGE_SLICE_EVERY_MS : MERGE_LOOK_EVERY_MS);
    }, ms);
    mergeTimer.unref();
  };
  if (options.mergeTextIndexes ?? !options.now) mergeSoon(MERGE_LOOK_FIRST_MS);
  const backupEvery = options.backupCheckEveryMs ?? (options.now ? 0 : 15 * 60_000);
  const backupTimer = backupEvery > 0 ? setInterval(() => void deps.backup.dailyCheck(), backupEvery) : null;
  backupTimer?.unref();
  return {
    deps,
    get db() {
      return deps.db;
    },
    call: (name, input, session) => dispatch(deps, handlers, name, input, session),
    restore: (file) => deps.backup.restore(file, null),
    watch: (session, send, onEnd) => watchEvents(deps, session, send, onEnd),
    close: () => {
      clearTimeout(orphanTimer);
      if (timer) clearInterval(timer);
      if (backupTimer) clearInterval(backupTimer);
      if (mergeTimer) clearTimeout(mergeTimer);
      // Statistics gathered over the session keep the next start's query plans good.
      try {
        optimizeDatabase(deps.db);
      } catch (err) {
        deps.log.warn(`optimasi basis data saat menutup gagal: ${String(err)}`);
      }
      deps.db.close();
    },
  };
}
