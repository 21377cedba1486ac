import { createHash } from 'node:crypto';
import { serviceStandardSchema, type ServiceStandard } from '../../../shared/standards/schema';
import { BLANK_STANDARD } from '../../../shared/standards/presets';
import { calendarSchema } from '../../../shared/schemas/calendar';
import { defaultCalendar, type OfficeCalendar } from '../../../shared/time/workingTime';
import type { Db } from '../db/open';
import { getOffice, readSetting } from '../office/settings';

// The office's current Standar Pelayanan (settings) and the frozen versions that
// running complaints keep: a standard changed today applies to complaints received
// from now on, never to those already under way.

export function currentStandard(db: Db): ServiceStandard {
  const raw = readSetting(db, 'standard');
  return raw === undefined ? BLANK_STANDARD : serviceStandardSchema.parse(raw);
}

// The id of the stored version equal to the current standard, adding one if it changed.
export function currentVersionId(db: Db, at: string, by: number | null): number {
  const data = JSON.stringify(currentStandard(db));
  const sha = createHash('sha256').update(data).digest('hex');
  const row = db.prepare('SELECT id FROM standard_versions WHERE sha256 = ?').get(sha) as { id: number } | undefined;
  if (row) return row.id;
  const info = db
    .prepare('INSERT INTO standard_versions (data, sha256, created_at, created_by) VALUES (?, ?, ?, ?)')
    .run(data, sha, at, by);
  return Number(info.lastInsertRowid);
}

const versions = new WeakMap<Db, Map<number, ServiceStandard>>();

// Versions never change once written, so each is parsed once per database.
export function standardVersion(db: Db, id: number): ServiceStandard {
  let cache = versions.get(db);
  if (!cache) versions.set(db, (cache = new Map()));
  let s = cache.get(id);
  if (!s) {
    const row = db.prepare('SELECT data FROM standard_versions WHERE id = ?').get(id) as { data: string };
    s = serviceStandardSchema.parse(JSON.parse(row.data));
    cache.set(id, s);
  }
  return s;
}

// The office calendar, always in the office's own time zone.
// The same calendar object while its setting and the time zone stay unchanged: the
// working-time module caches each day's hours per calendar object, and lists ask for
// the calendar on every call. Callers only read it.
const calendars = new WeakMap<Db, { key: string; cal: OfficeCalendar }>();

export function officeCalendar(db: Db): OfficeCalendar {
  const tz = getOffice(db).timeZone;
  const text = (db.prepare("SELECT value FROM settings WHERE key = 'calendar'").pluck().get() as string | undefined) ?? '';
  const key = `${tz}\n${text}`;
  const hit = calendars.get(db);
  if (hit?.key === key) return hit.cal;
  const cal = { ...(text ? calendarSchema.parse(JSON.parse(text)) : defaultCalendar(tz)), timeZone: tz };
  calendars.set(db, { key, cal });
  return cal;
}
