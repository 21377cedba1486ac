import { DEFAULT_BACKDATE_DAYS } from '../../../shared/schemas/complaint';
import type { Db } from '../db/open';
import { readSetting } from '../office/settings';

export const BACKDATE_SETTING = 'intake.backdateDays';

// How far back an officer may date a receipt: the office's setting, else the default.
export function intakeRules(db: Db): { backdateDays: number } {
  const v = readSetting(db, BACKDATE_SETTING);
  return { backdateDays: typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 365 ? v : DEFAULT_BACKDATE_DAYS };
}
