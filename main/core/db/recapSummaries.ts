// Migration 11: the buku rekap's summary tables, kept by triggers in the same statement
// (hence the same transaction) as every change to a complaint or one of its steps (and,
// since migration 40, its pauses), so the recap and the Camat's dashboard read a few
// hundred summary rows instead of the register.
//
// Months are the office's local months. The zone's offset comes from the office profile
// (settings 'office', timeZone); Indonesian zones have no daylight saving, so WIB, WITA
// and WIT are fixed shifts of 7, 8 and 9 hours. When the office changes its zone the
// summaries are rebuilt from the rows, by a trigger on the setting.
//
// Each complaint contributes, in the dimensions channel, category, kind, seksi ('' until
// disposed), stage (its status now) and outcome ('diproses' while open, 'selesai' for
// selesai/diarsipkan, else the exit):
//   - in the month it was received: received +1, open +1;
//   - in the month it was closed: finished +1, on time +1 when closed by its due (or when
//     its clock never started), open -1, puas / tidak puas, its working minutes; one
//     imported from the old register with no due (its times were never kept) is neither
//     on time nor late: untimed +1;
//   - late +1 in the month of its due when it was neither closed nor waiting for the
//     reporter by then, and late -1 in the month it stopped being late: closed after its
//     due, or paused since (while it waits the clock stands still, so a file waiting at a
//     month's end is not late then; a resume moves its due by the working time the pause
//     took before it). A due the pause did not move stays, and the pause, once ended (a
//     row of pauses with its end), if it ended after that due, is late -1 in the month
//     the due or the pause began, whichever came later, and late +1 in the month it
//     ended: the month ends it waited through stay not late once it runs on or is
//     withdrawn. (A pause that moved the due ends before the new due, so it adds nothing.)
// So a month's open and late at its end are the running sums of those deltas. The counts
// are a function of each complaint's row and its ended pauses, so a change to either
// table applies the difference it makes, the other table as it stands.
// Working minutes of closed complaints are also counted in a histogram (recap_minutes,
// per month and per year; dimension '' is the whole office) for the medians: buckets of
// half an hour below eight working hours, two hours below forty, eight hours beyond, each
// with the sum of its minutes (a median stands for the mean of its bucket).
// A completed step counts in the month of its completion (recap_steps), under its number and
// (since migration 41) the standard version it was done under.
//
// The same expressions serve the triggers (over the OLD and NEW row, reading no other
// table but the complaint's ended pauses, or a pause's complaint) and the rebuild (over
// every row). An update subtracts the old row's contributions and adds the new row's in
// one statement, writing only the counters that changed.

// The office's shift, kept in a one-row table: reading it from the profile would parse
// its JSON (logo included) in every trigger.
const SHIFT = `(SELECT shift FROM recap_zone)`;
const shiftOf = (officeJson: string) =>
  `CASE json_extract(${officeJson}, '$.timeZone') WHEN 'Asia/Makassar' THEN '+8 hours' WHEN 'Asia/Jayapura' THEN '+9 hours' ELSE '+7 hours' END`;

const monthAt = (instant: string) => `strftime('%Y-%m', ${instant}, ${SHIFT})`;
const monthOf = (x: string, column: string) => monthAt(`${x}.${column}`);
const DIMS = ['channel', 'category', 'kind', 'seksi', 'stage', 'outcome'];
const dimsTable = (dims: string[]) => `(${dims.map((d, i) => `SELECT '${d}'${i === 0 ? ' AS dim' : ''}`).join(' UNION ALL ')}) d`;
const keyOf = (x: string) =>
  `CASE d.dim WHEN '' THEN '' WHEN 'channel' THEN ${x}.channel WHEN 'category' THEN ${x}.category WHEN 'kind' THEN ${x}.kind WHEN 'seksi' THEN ${x}.seksi
    WHEN 'stage' THEN ${x}.status WHEN 'outcome' THEN CASE WHEN ${x}.closed_at IS NULL THEN 'diproses' WHEN ${x}.status IN ('selesai', 'diarsipkan') THEN 'selesai' ELSE ${x}.status END END`;
// Until when a complaint can be late: its pause's start while it waits (a closed one
// waits no more), else its closing; null while it runs on.
const stopOf = (x: string) => `coalesce(${x}.paused_at, ${x}.closed_at)`;
const lateFrom = (x: string) => `${x}.due_at IS NOT NULL AND (${stopOf(x)} IS NULL OR ${stopOf(x)} > ${x}.due_at)`;
const source = (from: string | null, dims: string) => (from ? `${from}, ${dims}` : dims);

// The counters and the complaint's columns they read, as the database has them: migration
// 11 made them before complaints were imported (and runs on a database of that time); the
// untimed counter of imported complaints came with migration 39, the ended pauses that
// reach past the due with migration 40.
interface Shape {
  counts: string[];
  columns: string[];
  imported: boolean;
  pauses: boolean;
  // recap_steps keyed by the complaint's standard version too (migration 41).
  stepVersions: boolean;
}
const V11: Shape = {
  counts: ['received', 'finished', 'on_time', 'open_delta', 'late_delta', 'puas', 'tidak_puas', 'minutes_sum', 'minutes_n'],
  columns: ['received_at', 'closed_at', 'due_at', 'paused_at', 'status', 'satisfaction', 'work_minutes', 'channel', 'category', 'kind', 'seksi'],
  imported: false,
  pauses: false,
  stepVersions: false,
};
const V39: Shape = { counts: [...V11.counts, 'untimed'], columns: [...V11.columns, 'import_batch'], imported: true, pauses: false, stepVersions: false };
const V40: Shape = { ...V39, pauses: true };
const CURRENT: Shape = { ...V40, stepVersions: true };

// One counter row per dimension of complaint row `x`, in `month`, from `tables` (which
// include the dimensions' table d) where `where` holds; counters not in `values` are 0.
const armOf = (x: string, shape: Shape) => (month: string, values: Partial<Record<string, string>>, tables: string, where: string | null) =>
  `SELECT ${month} AS month, d.dim AS dim, ${keyOf(x)} AS key, ${shape.counts.map((c) => `${values[c] ?? '0'} AS ${c}`).join(', ')}
     FROM ${tables}${where ? ` WHERE ${where}` : ''}`;

// Pause `p` of complaint row `x`, once ended, when it ended after x's due (which it did
// not move, then): x waited, not late, from its due or the pause's start, whichever came
// later, to the pause's end.
const endedPastDue = (x: string, p: string) => `${p}.to_at > ${x}.due_at`;
const pauseArms = (x: string, p: string, tables: string, where: string, shape: Shape) => {
  const arm = armOf(x, shape);
  return [arm(monthAt(`max(${p}.from_at, ${x}.due_at)`), { late_delta: '-1' }, tables, where), arm(monthAt(`${p}.to_at`), { late_delta: '1' }, tables, where)];
};

// The counter rows of complaint row `x` (OLD, NEW, or the alias of `from` for every row).
function countRows(x: string, from: string | null, shape: Shape): string {
  const dims = source(from, dimsTable(DIMS));
  const arm = (month: string, values: Partial<Record<string, string>>, where: string | null) => armOf(x, shape)(month, values, dims, where);
  const closed = `${x}.closed_at IS NOT NULL`;
  const untimed = `(${x}.due_at IS NULL AND ${x}.import_batch IS NOT NULL)`;
  const onTime = shape.imported
    ? `CASE WHEN ${x}.due_at IS NULL THEN ${x}.import_batch IS NULL ELSE ${x}.closed_at <= ${x}.due_at END`
    : `(${x}.due_at IS NULL OR ${x}.closed_at <= ${x}.due_at)`;
  return [
    arm(monthOf(x, 'received_at'), { received: '1', open_delta: '1' }, null),
    arm(
      monthOf(x, 'closed_at'),
      {
        finished: '1',
        on_time: onTime,
        open_delta: '-1',
        puas: `coalesce(${x}.satisfaction = 'puas', 0)`,
        tidak_puas: `coalesce(${x}.satisfaction = 'tidak_puas', 0)`,
        minutes_sum: `coalesce(${x}.work_minutes, 0)`,
        minutes_n: `${x}.work_minutes IS NOT NULL`,
        ...(shape.imported ? { untimed } : {}),
      },
      closed,
    ),
    arm(monthOf(x, 'due_at'), { late_delta: '1' }, lateFrom(x)),
    arm(monthAt(stopOf(x)), { late_delta: '-1' }, `${lateFrom(x)} AND ${stopOf(x)} IS NOT NULL`),
    // Its pauses first (CROSS JOIN keeps that order): a complaint with none, as most are,
    // costs one look in their index rather than one for each dimension.
    ...(shape.pauses ? pauseArms(x, 'p', `${source(from, 'pauses p')} CROSS JOIN ${dimsTable(DIMS)}`, `p.complaint_id = ${x}.id AND ${endedPastDue(x, 'p')}`, shape) : []),
  ].join('\n  UNION ALL ');
}

// The counter rows pause row `p` (OLD or NEW) adds, with its complaint as it stands.
const pauseRows = (p: string, shape: Shape) =>
  pauseArms('c', p, `complaints c, ${dimsTable(DIMS)}`, `c.id = ${p}.complaint_id AND ${endedPastDue('c', p)}`, shape).join('\n  UNION ALL ');

const bucketOf = (x: string) =>
  `CASE WHEN ${x}.work_minutes < 480 THEN ${x}.work_minutes - ${x}.work_minutes % 30 WHEN ${x}.work_minutes < 2400 THEN ${x}.work_minutes - ${x}.work_minutes % 120
    ELSE ${x}.work_minutes - ${x}.work_minutes % 480 END`;

// The histogram rows of complaint row `x`: its month and its year, the office and each dimension.
function minuteRows(x: string, from: string | null): string {
  return [7, 4]
    .map(
      (len) => `SELECT substr(${monthOf(x, 'closed_at')}, 1, ${len}) AS period, d.dim AS dim, ${keyOf(x)} AS key, ${bucketOf(x)} AS bucket, 1 AS n, ${x}.work_minutes AS minutes
     FROM ${source(from, dimsTable(['', ...DIMS]))} WHERE ${x}.closed_at IS NOT NULL AND ${x}.work_minutes IS NOT NULL`,
    )
    .join('\n  UNION ALL ');
}

const STEPS = ['done', 'on_time', 'minutes_sum', 'limit_sum', 'minutes_n'];

// The standard version step row `x` was done under: its complaint's (0 for none). A step's
// number means the step of that version, and a later version may number its steps anew.
const versionOfStep = (x: string) => `(SELECT coalesce(c.standard_version_id, 0) FROM complaints c WHERE c.id = ${x}.complaint_id)`;

// The step row `x`, once completed: its working minutes count when both are known. version:
// the expression of its standard version, null before migration 41 (not kept); where: a
// further condition on x.
function stepRows(x: string, from: string | null, version: string | null, where = ''): string {
  const timed = `${x}.work_minutes IS NOT NULL AND ${x}.limit_minutes IS NOT NULL`;
  return `SELECT ${monthOf(x, 'completed_at')} AS month, ${version === null ? '' : `${version} AS version_id, `}${x}.step_no AS step_no, 1 AS done, ${x}.completed_at <= ${x}.due_at AS on_time,
    CASE WHEN ${timed} THEN ${x}.work_minutes ELSE 0 END AS minutes_sum, CASE WHEN ${timed} THEN ${x}.limit_minutes ELSE 0 END AS limit_sum,
    ${timed} AS minutes_n${from ? ` FROM ${from}` : ''} WHERE ${x}.completed_at IS NOT NULL${where}`;
}

type Part = [sign: 1 | -1, rows: string];

// Adds each part's rows, times its sign, to `table`, skipping counters left unchanged.
function apply(table: string, keys: string[], values: string[], parts: Part[]): string {
  const signed = parts.map(([sign, rows]) => `SELECT ${keys.join(', ')}, ${values.map((v) => `${sign} * ${v} AS ${v}`).join(', ')} FROM (${rows})`).join('\n  UNION ALL ');
  return `
INSERT INTO ${table} (${keys.join(', ')}, ${values.join(', ')})
  SELECT ${keys.join(', ')}, ${values.map((v) => `sum(${v})`).join(', ')} FROM (${signed}) WHERE true
  GROUP BY ${keys.join(', ')} HAVING ${values.map((v) => `sum(${v}) <> 0`).join(' OR ')}
  ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${values.map((v) => `${v} = ${v} + excluded.${v}`).join(', ')};`;
}

const applyComplaint = (parts: [1 | -1, string, string | null][], shape: Shape) =>
  apply('recap_counts', ['month', 'dim', 'key'], shape.counts, parts.map(([sign, x, from]) => [sign, countRows(x, from, shape)])) +
  apply('recap_minutes', ['period', 'dim', 'key', 'bucket'], ['n', 'minutes'], parts.map(([sign, x, from]) => [sign, minuteRows(x, from)]));
// recap_steps' key: month and step number, and since migration 41 the standard version.
const stepKeys = (versioned: boolean) => (versioned ? ['month', 'version_id', 'step_no'] : ['month', 'step_no']);
const stepsTable = (versioned: boolean) => `CREATE TABLE recap_steps (
${stepKeys(versioned)
  .map((k) => `  ${k} ${k === 'month' ? 'TEXT' : 'INTEGER'} NOT NULL,`)
  .join('\n')}
${STEPS.map((c) => `  ${c} INTEGER NOT NULL DEFAULT 0,`).join('\n')}
  PRIMARY KEY (${stepKeys(versioned).join(', ')})
) STRICT, WITHOUT ROWID;`;

// Step rows `x` (from `from`), each under its own version where versioned.
const applyStep = (parts: [1 | -1, string, string | null][], versioned: boolean) =>
  apply('recap_steps', stepKeys(versioned), STEPS, parts.map(([sign, x, from]) => [sign, stepRows(x, from, versioned ? versionOfStep(x) : null)]));

// Every summary again from the rows: at migration and when the office's zone changes.
const rebuild = (shape: Shape) => `
DELETE FROM recap_counts;
DELETE FROM recap_minutes;
DELETE FROM recap_steps;
${applyComplaint([[1, 'c', 'complaints c']], shape)}
${applyStep([[1, 's', 'complaint_steps s']], shape.stepVersions)}`;

const STEP_COLUMNS = ['step_no', 'due_at', 'completed_at', 'work_minutes', 'limit_minutes'];
const stepTriggers = (columns: string[], versioned: boolean) => `CREATE TRIGGER recap_steps_ai AFTER INSERT ON complaint_steps WHEN NEW.completed_at IS NOT NULL BEGIN ${applyStep([[1, 'NEW', null]], versioned)} END;
CREATE TRIGGER recap_steps_ad AFTER DELETE ON complaint_steps WHEN OLD.completed_at IS NOT NULL BEGIN ${applyStep([[-1, 'OLD', null]], versioned)} END;
CREATE TRIGGER recap_steps_au AFTER UPDATE OF ${columns.join(', ')} ON complaint_steps
WHEN ${columns.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ')} BEGIN ${applyStep([[-1, 'OLD', null], [1, 'NEW', null]], versioned)} END;`;

// A complaint's summaries, kept by these triggers (a complaint just recorded has no pauses yet).
const complaintTriggers = (shape: Shape) => `
CREATE TRIGGER recap_complaints_ai AFTER INSERT ON complaints BEGIN ${applyComplaint([[1, 'NEW', null]], { ...shape, pauses: false })} END;
CREATE TRIGGER recap_complaints_ad AFTER DELETE ON complaints BEGIN ${applyComplaint([[-1, 'OLD', null]], shape)} END;
CREATE TRIGGER recap_complaints_au AFTER UPDATE OF ${shape.columns.join(', ')} ON complaints
WHEN ${shape.columns.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ')} BEGIN ${applyComplaint([[-1, 'OLD', null], [1, 'NEW', null]], shape)} END;`;

// An ended pause's part in its complaint's counts, kept by these.
const applyPause = (parts: [1 | -1, string][]) => apply('recap_counts', ['month', 'dim', 'key'], CURRENT.counts, parts.map(([sign, p]) => [sign, pauseRows(p, CURRENT)]));
const PAUSE_COLUMNS = ['complaint_id', 'from_at', 'to_at'];
const pauseTriggers = `
CREATE TRIGGER recap_pauses_ai AFTER INSERT ON pauses WHEN NEW.to_at IS NOT NULL BEGIN ${applyPause([[1, 'NEW']])} END;
CREATE TRIGGER recap_pauses_ad AFTER DELETE ON pauses WHEN OLD.to_at IS NOT NULL BEGIN ${applyPause([[-1, 'OLD']])} END;
CREATE TRIGGER recap_pauses_au AFTER UPDATE OF ${PAUSE_COLUMNS.join(', ')} ON pauses
WHEN ${PAUSE_COLUMNS.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ')} BEGIN ${applyPause([[-1, 'OLD'], [1, 'NEW']])} END;`;

// The zone's triggers rebuild every summary, with the expressions above.
const zoneTriggers = (shape: Shape) => `
CREATE TRIGGER recap_zone_set AFTER INSERT ON settings WHEN NEW.key = 'office' BEGIN
  UPDATE recap_zone SET shift = ${shiftOf('NEW.value')};
  ${rebuild(shape)}
END;
CREATE TRIGGER recap_zone_changed AFTER UPDATE ON settings
WHEN NEW.key = 'office' AND json_extract(NEW.value, '$.timeZone') IS NOT json_extract(OLD.value, '$.timeZone') BEGIN
  UPDATE recap_zone SET shift = ${shiftOf('NEW.value')};
  ${rebuild(shape)}
END;`;

export const RECAP_SUMMARIES_SQL = `
ALTER TABLE complaints ADD COLUMN seksi TEXT NOT NULL DEFAULT '';
-- Working minutes from the clock's start to closing (office hours only, holidays and
-- pauses left out), written by the core when the complaint closes; null while open.
ALTER TABLE complaints ADD COLUMN work_minutes INTEGER;
-- A completed step's working minutes, and those it was allowed (start to due), likewise.
ALTER TABLE complaint_steps ADD COLUMN work_minutes INTEGER;
ALTER TABLE complaint_steps ADD COLUMN limit_minutes INTEGER;

-- The seksi of the first addressee of the complaint's latest disposition.
UPDATE complaints SET seksi = coalesce((
  SELECT u.seksi FROM dispositions d JOIN users u ON u.id = d.to_user
  WHERE d.complaint_id = complaints.id ORDER BY d.created_at DESC, d.id ASC LIMIT 1), '')
WHERE id IN (SELECT complaint_id FROM dispositions);

-- Closed complaints and completed steps whose working minutes the core has yet to count
-- (those closed before this migration): filled in at start, so these stay empty.
CREATE INDEX complaints_minutes_pending ON complaints(id) WHERE closed_at IS NOT NULL AND clock_started_at IS NOT NULL AND work_minutes IS NULL;
CREATE INDEX complaint_steps_minutes_pending ON complaint_steps(id) WHERE completed_at IS NOT NULL AND work_minutes IS NULL;

-- The dashboard's counts of open complaints, from an index of open rows only.
CREATE INDEX complaints_open_standard ON complaints(seksi, channel, status, due_at) WHERE closed_at IS NULL;

CREATE TABLE recap_counts (
  month TEXT NOT NULL,
  dim TEXT NOT NULL,
  key TEXT NOT NULL,
  received INTEGER NOT NULL DEFAULT 0,
  finished INTEGER NOT NULL DEFAULT 0,
  on_time INTEGER NOT NULL DEFAULT 0,
  open_delta INTEGER NOT NULL DEFAULT 0,
  late_delta INTEGER NOT NULL DEFAULT 0,
  puas INTEGER NOT NULL DEFAULT 0,
  tidak_puas INTEGER NOT NULL DEFAULT 0,
  minutes_sum INTEGER NOT NULL DEFAULT 0,
  minutes_n INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (month, dim, key)
) STRICT, WITHOUT ROWID;
CREATE INDEX recap_counts_dim ON recap_counts(dim, month, key, open_delta, late_delta);

-- period 'YYYY-MM' or 'YYYY'; bucket = the lowest minute it holds; minutes = their sum.
CREATE TABLE recap_minutes (
  period TEXT NOT NULL,
  dim TEXT NOT NULL,
  key TEXT NOT NULL,
  bucket INTEGER NOT NULL,
  n INTEGER NOT NULL,
  minutes INTEGER NOT NULL,
  PRIMARY KEY (period, dim, key, bucket)
) STRICT, WITHOUT ROWID;

CREATE TABLE recap_zone (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  shift TEXT NOT NULL
) STRICT;
INSERT INTO recap_zone (id, shift) VALUES (1, coalesce((SELECT ${shiftOf('value')} FROM settings WHERE key = 'office'), '+7 hours'));

${stepsTable(false)}

${rebuild(V11)}

${complaintTriggers(V11)}
${stepTriggers(STEP_COLUMNS, false)}

${zoneTriggers(V11)}`;

// Migration 39: lateness stops at a pause, not only at closing (a file waiting at a past
// month's end was counted late or not by whether it waited now), and a complaint imported
// from the old register with no due is counted untimed, not on time: the triggers that
// carry the expressions are made again and every summary rebuilt.
export const RECAP_LATENESS_SQL = `
ALTER TABLE recap_counts ADD COLUMN untimed INTEGER NOT NULL DEFAULT 0;
DROP TRIGGER recap_complaints_ai;
DROP TRIGGER recap_complaints_ad;
DROP TRIGGER recap_complaints_au;
DROP TRIGGER recap_zone_set;
DROP TRIGGER recap_zone_changed;
${complaintTriggers(V39)}
${zoneTriggers(V39)}
${rebuild(V39)}
`;

// Migration 40: a pause that did not move the due, once ended, leaves the month ends it
// waited through after that due not late (until then such a file counted late from its due
// again once it ran on or was withdrawn, and a past month's figure changed): the
// complaints' triggers read their ended pauses, the pauses get triggers of their own, and
// every summary is rebuilt.
export const RECAP_PAUSES_SQL = `
DROP TRIGGER recap_complaints_ai;
DROP TRIGGER recap_complaints_ad;
DROP TRIGGER recap_complaints_au;
DROP TRIGGER recap_zone_set;
DROP TRIGGER recap_zone_changed;
${complaintTriggers(V40)}
${pauseTriggers}
${zoneTriggers(V40)}
${rebuild(V40)}
`;

// Migration 41: a step done counts under the standard version it was done under, as well
// as its number (the recap named every number after the current standard, so once the
// Admin renumbered the steps a past period's figures stood under another step's name and
// limit). A complaint's steps follow it should its version change.
const movedSteps = (x: 'OLD' | 'NEW') => stepRows('s', 'complaint_steps s', `coalesce(${x}.standard_version_id, 0)`, ' AND s.complaint_id = NEW.id');
const VERSION_MOVED = apply('recap_steps', stepKeys(true), STEPS, [[-1, movedSteps('OLD')], [1, movedSteps('NEW')]]);
export const RECAP_STEP_VERSIONS_SQL = `
DROP TRIGGER recap_steps_ai;
DROP TRIGGER recap_steps_ad;
DROP TRIGGER recap_steps_au;
DROP TRIGGER recap_zone_set;
DROP TRIGGER recap_zone_changed;
DROP TABLE recap_steps;
${stepsTable(true)}
${stepTriggers([...STEP_COLUMNS, 'complaint_id'], true)}
CREATE TRIGGER recap_steps_version AFTER UPDATE OF standard_version_id ON complaints
WHEN OLD.standard_version_id IS NOT NEW.standard_version_id BEGIN ${VERSION_MOVED} END;
${zoneTriggers(CURRENT)}
${applyStep([[1, 's', 'complaint_steps s']], true)}
`;
