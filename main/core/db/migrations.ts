// Numbered migrations, applied in order at start-up inside one transaction each.
// PRAGMA user_version holds the number of the last one applied.
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'foundation',
    sql: `
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  password_hash TEXT NOT NULL,
  name TEXT NOT NULL,
  nip TEXT NOT NULL DEFAULT '',
  jabatan TEXT NOT NULL DEFAULT '',
  pangkat TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL CHECK (role IN ('staf','kasi','sekcam','camat','admin')),
  seksi TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL
) STRICT;

CREATE TABLE counters (
  name TEXT NOT NULL,
  year INTEGER NOT NULL,
  value INTEGER NOT NULL,
  PRIMARY KEY (name, year)
) STRICT;

CREATE TABLE complaints (
  id INTEGER PRIMARY KEY,
  register_no TEXT NOT NULL UNIQUE,
  year INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  received_at TEXT NOT NULL,
  kind TEXT NOT NULL,
  channel TEXT NOT NULL,
  category TEXT NOT NULL,
  reporter_name TEXT NOT NULL,
  reporter_address TEXT NOT NULL DEFAULT '',
  reporter_nik TEXT NOT NULL DEFAULT '',
  reporter_phone TEXT NOT NULL DEFAULT '',
  reporter_email TEXT NOT NULL DEFAULT '',
  anonymous INTEGER NOT NULL DEFAULT 0,
  confidential INTEGER NOT NULL DEFAULT 0,
  subject TEXT NOT NULL,
  description TEXT NOT NULL,
  loss TEXT NOT NULL DEFAULT '',
  expectation TEXT NOT NULL DEFAULT '',
  incident_place TEXT NOT NULL DEFAULT '',
  incident_date TEXT NOT NULL DEFAULT '',
  lapor_tracking_id TEXT NOT NULL DEFAULT '',
  kelengkapan TEXT NOT NULL DEFAULT '[]',
  status TEXT NOT NULL,
  received_by INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (year, seq)
) STRICT;
CREATE INDEX complaints_year_seq ON complaints(year, seq);
CREATE INDEX complaints_received ON complaints(received_at);
CREATE INDEX complaints_status_year ON complaints(status, year, seq);
CREATE INDEX complaints_channel_year ON complaints(channel, year, seq);
CREATE INDEX complaints_category_year ON complaints(category, year, seq);
CREATE INDEX complaints_reporter ON complaints(reporter_name);

CREATE VIRTUAL TABLE complaints_fts USING fts5(
  register_no, reporter_name, subject, description,
  content='complaints', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER complaints_fts_ai AFTER INSERT ON complaints BEGIN
  INSERT INTO complaints_fts(rowid, register_no, reporter_name, subject, description)
  VALUES (new.id, new.register_no, CASE WHEN new.anonymous THEN '' ELSE new.reporter_name END, new.subject, new.description);
END;
CREATE TRIGGER complaints_fts_ad AFTER DELETE ON complaints BEGIN
  INSERT INTO complaints_fts(complaints_fts, rowid, register_no, reporter_name, subject, description)
  VALUES ('delete', old.id, old.register_no, CASE WHEN old.anonymous THEN '' ELSE old.reporter_name END, old.subject, old.description);
END;
CREATE TRIGGER complaints_fts_au AFTER UPDATE OF register_no, reporter_name, anonymous, subject, description ON complaints BEGIN
  INSERT INTO complaints_fts(complaints_fts, rowid, register_no, reporter_name, subject, description)
  VALUES ('delete', old.id, old.register_no, CASE WHEN old.anonymous THEN '' ELSE old.reporter_name END, old.subject, old.description);
  INSERT INTO complaints_fts(rowid, register_no, reporter_name, subject, description)
  VALUES (new.id, new.register_no, CASE WHEN new.anonymous THEN '' ELSE new.reporter_name END, new.subject, new.description);
END;

CREATE TABLE attachments (
  id INTEGER PRIMARY KEY,
  complaint_id INTEGER NOT NULL REFERENCES complaints(id),
  file_name TEXT NOT NULL,
  mime TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  stored_name TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX attachments_complaint ON attachments(complaint_id);

CREATE TABLE complaint_events (
  id INTEGER PRIMARY KEY,
  complaint_id INTEGER NOT NULL REFERENCES complaints(id),
  at TEXT NOT NULL,
  actor_id INTEGER REFERENCES users(id),
  action TEXT NOT NULL,
  status TEXT,
  note TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX complaint_events_complaint ON complaint_events(complaint_id, id);
`,
  },
  {
    version: 2,
    name: 'audit trail',
    sql: `
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor_id INTEGER,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id INTEGER,
  data TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE
) STRICT;
CREATE INDEX audit_entity ON audit_log(entity, entity_id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'Jejak audit tidak boleh diubah.'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'Jejak audit tidak boleh dihapus.'); END;
`,
  },
];
