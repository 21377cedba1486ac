import type { NextSteps } from '../../../shared/schemas/setup';
import type { Db } from '../db/open';
import { readBackupSettings } from '../backup/store';
import { getOffice, readSetting, writeSetting } from '../office/settings';

const DISMISSED = 'nextStepsDismissed';
// The roles the journey of a complaint passes through; the office works once each has an account.
const WORKING_ROLES = ['staf', 'kasi', 'sekcam', 'camat'] as const;

// Read from the office's own data rather than ticked by hand, so a step done another way
// (a restored backup, an edit made before the card was seen) counts as done too.
export function nextSteps(db: Db): NextSteps {
  const has = (sql: string, ...params: string[]) => db.prepare(sql).get(...params) !== undefined;
  const audited = (...actions: string[]) => has(`SELECT 1 FROM audit_log WHERE action IN (${actions.map(() => '?').join(', ')}) LIMIT 1`, ...actions);
  return {
    dismissed: readSetting(db, DISMISSED) === true,
    done: {
      users: WORKING_ROLES.every((role) => has('SELECT 1 FROM users WHERE role = ? AND active = 1 LIMIT 1', role)),
      standard: audited('standard.updated'),
      calendar: audited('calendar.updated', 'calendar.imported'),
      logo: getOffice(db).logo !== '',
      camatNip: has("SELECT 1 FROM users WHERE role = 'camat' AND active = 1 AND nip <> '' LIMIT 1"),
      backup: readBackupSettings(db).folder !== '',
    },
  };
}

export function dismissNextSteps(db: Db): void {
  writeSetting(db, DISMISSED, true);
}
