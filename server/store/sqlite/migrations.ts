/**
 * The SQLite schema as an ordered list of migrations. `migrate` applies the
 * ones a database has not seen, in one transaction each, at start.
 */
import type Database from 'better-sqlite3'

/** Each entry is one schema version; never edit a released entry, append a new one. */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    profile_type TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE credentials (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    expires_at TEXT
  );
  CREATE INDEX credentials_user ON credentials(user_id);
  CREATE TABLE bills (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    status TEXT NOT NULL,
    opens_at TEXT,
    closes_at TEXT,
    editors TEXT NOT NULL,
    revision INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE bill_editors (
    bill_id TEXT NOT NULL REFERENCES bills(id),
    user_id TEXT NOT NULL,
    PRIMARY KEY (bill_id, user_id)
  );
  CREATE INDEX bill_editors_user ON bill_editors(user_id);
  CREATE TABLE revisions (
    bill_id TEXT NOT NULL REFERENCES bills(id),
    number INTEGER NOT NULL,
    doc TEXT NOT NULL,
    articles TEXT NOT NULL,
    published_at TEXT NOT NULL,
    published_by TEXT NOT NULL,
    PRIMARY KEY (bill_id, number)
  );
  CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    bill_id TEXT NOT NULL REFERENCES bills(id),
    num TEXT NOT NULL,
    heading TEXT,
    alineas TEXT NOT NULL,
    hash TEXT NOT NULL,
    revision INTEGER NOT NULL,
    position INTEGER NOT NULL,
    removed_in INTEGER
  );
  CREATE INDEX articles_bill ON articles(bill_id, position);
  CREATE TABLE votes (
    user_id TEXT NOT NULL,
    target_type TEXT NOT NULL,
    target_id TEXT NOT NULL,
    bill_id TEXT NOT NULL,
    value TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (user_id, target_type, target_id)
  ) WITHOUT ROWID;
  CREATE INDEX votes_target ON votes(target_type, target_id);
  CREATE INDEX votes_bill ON votes(bill_id);
  CREATE TABLE tallies (
    target_type TEXT NOT NULL,
    target_id TEXT NOT NULL,
    n_for INTEGER NOT NULL DEFAULT 0,
    n_mixed INTEGER NOT NULL DEFAULT 0,
    n_against INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (target_type, target_id)
  ) WITHOUT ROWID;
  CREATE TABLE doc_updates (
    bill_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    update_data BLOB NOT NULL,
    PRIMARY KEY (bill_id, seq)
  ) WITHOUT ROWID;
  `
]

/** Brings a database to the latest schema version; returns the version reached. */
export function migrate (db: Database.Database): number {
  const current = db.pragma('user_version', { simple: true }) as number
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v])
      db.pragma(`user_version = ${v + 1}`)
    })()
  }
  return MIGRATIONS.length
}
