import { createHash } from 'node:crypto';
import { serviceStandardSchema, type ServiceStandard } from '../../../shared/standards/schema';
import { blankStandard } from '../../../shared/standards/presets';
import { calendarSchema } from '../../../shared/schemas/calendar';
import { defaultCalendar, type OfficeCalendar } from '../../../shared/time/workingTime';
import type { Db } from '../db/open';
import { pluck, stmt } from '../db/statements';
import { getOffice, settingOf } from '../office/settings';

// The office's current Standar Pelayanan (settings) and the frozen versions that
// running complaints keep: a standard changed today applies to complaints received
// from now on, never to those already under way.

const checkStandard = (raw: unknown): ServiceStandard => (raw === undefined ? blankStandard() : serviceStandardSchema.parse(raw));

// Checked once per change of the setting (see settingOf); callers only read it.
export function currentStandard(db: Db): ServiceStandard {
  return settingOf(db, 'standard', checkStandard);
}

// The same standard's stored form and hash, computed once per checked standard object.
const digests = new WeakMap<ServiceStandard, { data: string; sha: string }>();

function digestOf(standard: ServiceStandard): { data: string; sha: string } {
  let d = digests.get(standard);
  if (!d) {
    const data = JSON.stringify(standard);
    digests.set(standard, (d = { data, sha: createHash('sha256').update(data).digest('hex') }));
  }
  return d;
}

// The id of the stored version equal to the current standard, adding one if it changed.
export function currentVersionId(db: Db, at: string, by: number | null): number {
  const { data, sha } = digestOf(currentStandard(db));
  const row = stmt(db, 'SELECT id FROM standard_versions WHERE sha256 = ?').get(sha) as { id: number } | undefined;
  if (row) return row.id;
  const info = stmt(db, 'INSERT INTO standard_versions (data, sha256, created_at, created_by) VALUES (?, ?, ?, ?)').run(data, sha, at, by);
  return Number(info.lastInsertRowid);
}

// Every version's id, oldest first: version n, as the screens number them, is the n-th.
export const versionIds = (db: Db) => pluck(db, 'SELECT id FROM standard_versions ORDER BY id').all() as number[];

const versions = new WeakMap<Db, Map<number, ServiceStandard>>();

// Versions never change once written, so each is parsed once per database.
export function standardVersion(db: Db, id: number): ServiceStandard {
  let cache = versions.get(db);
  if (!cache) versions.set(db, (cache = new Map()));
  let s = cache.get(id);
  if (!s) {
    const row = stmt(db, 'SELECT data FROM standard_versions WHERE id = ?').get(id) as { data: string };
    s = serviceStandardSchema.parse(JSON.parse(row.data));
    cache.set(id, s);
  }
  return s;
}

// The office calendar, always in the office's own time zone.
// The same calendar object while its setting and the time zone stay unchanged: the
// working-time module caches each day's hours per calendar object, and lists ask for
// the calendar on every call. Callers only read it.
const calendars = new WeakMap<Db, { tz: string; stored: unknown; cal: OfficeCalendar }>();
const checkCalendar = (raw: unknown) => (raw === undefined ? null : calendarSchema.parse(raw));

export function officeCalendar(db: Db): OfficeCalendar {
  const tz = getOffice(db).timeZone;
  const stored = settingOf(db, 'calendar', checkCalendar);
  const hit = calendars.get(db);
  if (hit?.tz === tz && hit.stored === stored) return hit.cal;
  const cal = { ...(stored ?? defaultCalendar(tz)), timeZone: tz };
  calendars.set(db, { tz, stored, cal });
  return cal;
}
