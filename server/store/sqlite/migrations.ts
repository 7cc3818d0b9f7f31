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
  `,
  // debate and moderation: arguments, reports, moderation state and log, notifications
  `
  CREATE TABLE arguments (
    id TEXT PRIMARY KEY,
    bill_id TEXT NOT NULL,
    target_type TEXT NOT NULL,
    target_id TEXT NOT NULL,
    side TEXT NOT NULL,
    body TEXT NOT NULL,
    author_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    edited_at TEXT,
    deleted_at TEXT,
    deleted_by TEXT
  );
  CREATE INDEX arguments_target ON arguments(target_type, target_id, created_at);
  CREATE INDEX arguments_bill ON arguments(bill_id, created_at);
  CREATE TABLE reports (
    id TEXT PRIMARY KEY,
    target_type TEXT NOT NULL,
    target_id TEXT NOT NULL,
    bill_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    body TEXT,
    at TEXT NOT NULL,
    UNIQUE (user_id, target_type, target_id)
  );
  CREATE INDEX reports_target ON reports(target_type, target_id, at);
  CREATE TABLE moderation_state (
    target_type TEXT NOT NULL,
    target_id TEXT NOT NULL,
    bill_id TEXT NOT NULL,
    hidden INTEGER NOT NULL DEFAULT 0,
    reason TEXT,
    by TEXT,
    at TEXT,
    reports INTEGER NOT NULL DEFAULT 0,
    pending_reports INTEGER NOT NULL DEFAULT 0,
    last_report_at TEXT,
    removed INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (target_type, target_id)
  ) WITHOUT ROWID;
  CREATE INDEX moderation_queue ON moderation_state(pending_reports DESC, last_report_at DESC) WHERE pending_reports > 0 AND removed = 0;
  CREATE TABLE moderation_actions (
    id TEXT PRIMARY KEY,
    target_type TEXT NOT NULL,
    target_id TEXT NOT NULL,
    bill_id TEXT NOT NULL,
    action TEXT NOT NULL,
    reason TEXT NOT NULL,
    by TEXT NOT NULL,
    at TEXT NOT NULL
  );
  CREATE INDEX moderation_actions_at ON moderation_actions(at DESC, id DESC);
  CREATE TABLE notifications (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    target_type TEXT NOT NULL,
    target_id TEXT NOT NULL,
    bill_id TEXT NOT NULL,
    action TEXT NOT NULL,
    reason TEXT NOT NULL,
    at TEXT NOT NULL
  );
  CREATE INDEX notifications_user ON notifications(user_id, at DESC, id DESC);
  `,
  // amendments: the proposed text with its base, diff and wording; decisions in order per bill
  `
  CREATE TABLE amendments (
    id TEXT PRIMARY KEY,
    bill_id TEXT NOT NULL REFERENCES bills(id),
    article_id TEXT NOT NULL REFERENCES articles(id),
    author_id TEXT NOT NULL,
    base_revision INTEGER NOT NULL,
    base_alineas TEXT NOT NULL,
    base_hash TEXT NOT NULL,
    alineas TEXT NOT NULL,
    explanation TEXT NOT NULL,
    status TEXT NOT NULL,
    diff TEXT NOT NULL,
    wording_fr TEXT NOT NULL,
    wording_en TEXT NOT NULL,
    decided_by TEXT,
    decided_at TEXT,
    response TEXT,
    decided_seq INTEGER,
    shuffle INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX amendments_article ON amendments(article_id, created_at);
  CREATE INDEX amendments_author ON amendments(author_id, article_id, created_at);
  CREATE UNIQUE INDEX amendments_decided ON amendments(bill_id, decided_seq) WHERE decided_seq IS NOT NULL;
  `,
  // synthesis and exports: keyset pages of a bill's arguments and amendments in (created_at, id) order
  // (a bill's votes page on votes_bill, which in this WITHOUT ROWID table also holds the primary key)
  `
  CREATE INDEX arguments_bill_keyset ON arguments(bill_id, created_at, id);
  CREATE INDEX amendments_bill ON amendments(bill_id, created_at, id);
  `,
  // participants of a bill (users who ever voted on it), kept by triggers so that reading the
  // count never scans the votes (a COUNT(DISTINCT) took seconds at 20 million votes)
  `
  CREATE TABLE bill_voters (
    bill_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    PRIMARY KEY (bill_id, user_id)
  ) WITHOUT ROWID;
  CREATE TABLE bill_stats (
    bill_id TEXT PRIMARY KEY,
    voters INTEGER NOT NULL DEFAULT 0
  ) WITHOUT ROWID;
  INSERT INTO bill_voters (bill_id, user_id) SELECT DISTINCT bill_id, user_id FROM votes;
  INSERT INTO bill_stats (bill_id, voters) SELECT bill_id, count(*) FROM bill_voters GROUP BY bill_id;
  CREATE TRIGGER votes_participant AFTER INSERT ON votes BEGIN
    INSERT OR IGNORE INTO bill_voters (bill_id, user_id) VALUES (NEW.bill_id, NEW.user_id);
  END;
  CREATE TRIGGER bill_voters_count AFTER INSERT ON bill_voters BEGIN
    INSERT INTO bill_stats (bill_id, voters) VALUES (NEW.bill_id, 1)
      ON CONFLICT(bill_id) DO UPDATE SET voters = voters + 1;
  END;
  `,
  `
  -- harden-http: API token names; display-name look-alike keys (filled by the store, see users.ts)
  ALTER TABLE credentials ADD COLUMN name TEXT;
  ALTER TABLE users ADD COLUMN name_key TEXT;
  CREATE INDEX users_name_key ON users(name_key);
  -- council: citizens' councils, their volunteers, agenda, members' arguments and votes, opinions
  CREATE TABLE councils (
    bill_id TEXT PRIMARY KEY REFERENCES bills(id),
    status TEXT NOT NULL,
    version INTEGER NOT NULL,
    volunteers_count INTEGER NOT NULL DEFAULT 0,
    data TEXT NOT NULL
  );
  CREATE TABLE council_volunteers (
    bill_id TEXT NOT NULL REFERENCES councils(bill_id),
    user_id TEXT NOT NULL,
    answers TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (bill_id, user_id)
  ) WITHOUT ROWID;
  CREATE TABLE council_agenda (
    id TEXT PRIMARY KEY,
    bill_id TEXT NOT NULL,
    target_type TEXT NOT NULL,
    target_id TEXT NOT NULL,
    title TEXT NOT NULL,
    article_id TEXT,
    note TEXT NOT NULL,
    added_by TEXT NOT NULL,
    added_at TEXT NOT NULL,
    seq INTEGER NOT NULL
  );
  CREATE UNIQUE INDEX council_agenda_target ON council_agenda(bill_id, target_type, target_id);
  CREATE TABLE council_arguments (
    id TEXT PRIMARY KEY,
    bill_id TEXT NOT NULL,
    item_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    side TEXT NOT NULL,
    body TEXT NOT NULL,
    at TEXT NOT NULL
  );
  CREATE INDEX council_arguments_bill ON council_arguments(bill_id, at, id);
  CREATE TABLE council_votes (
    item_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    bill_id TEXT NOT NULL,
    value TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (item_id, user_id)
  ) WITHOUT ROWID;
  CREATE INDEX council_votes_bill ON council_votes(bill_id);
  CREATE TABLE council_opinions (
    item_id TEXT PRIMARY KEY,
    bill_id TEXT NOT NULL,
    target_type TEXT NOT NULL,
    target_id TEXT NOT NULL,
    text TEXT NOT NULL,
    vote TEXT NOT NULL,
    by TEXT NOT NULL,
    at TEXT NOT NULL
  );
  CREATE INDEX council_opinions_bill ON council_opinions(bill_id, at);
  `,
  `
  -- wording: the house style of a bill's dispositifs (assemblee | senat)
  ALTER TABLE bills ADD COLUMN wording_style TEXT NOT NULL DEFAULT 'assemblee';
  -- addarticle: additional articles (kind, anchor side, heading), numbers per bill, official origin and applies
  ALTER TABLE amendments ADD COLUMN kind TEXT NOT NULL DEFAULT 'article';
  ALTER TABLE amendments ADD COLUMN anchor_side TEXT;
  ALTER TABLE amendments ADD COLUMN heading TEXT;
  ALTER TABLE amendments ADD COLUMN number INTEGER;
  ALTER TABLE amendments ADD COLUMN origin TEXT;
  ALTER TABLE amendments ADD COLUMN applies INTEGER NOT NULL DEFAULT 1;
  ALTER TABLE amendments ADD COLUMN applies_reason TEXT;
  UPDATE amendments SET number = (SELECT count(*) FROM amendments b WHERE b.bill_id = amendments.bill_id
    AND (b.created_at < amendments.created_at OR (b.created_at = amendments.created_at AND b.id <= amendments.id)));
  CREATE UNIQUE INDEX amendments_number ON amendments(bill_id, number);
  -- identity: verified addresses, locale and notification mode, OIDC link, erasure; bill requirements;
  -- single-use account tokens; the mail queue; follows; notifications read and mailed
  ALTER TABLE users ADD COLUMN email_verified INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE users ADD COLUMN locale TEXT NOT NULL DEFAULT 'fr';
  ALTER TABLE users ADD COLUMN notify TEXT NOT NULL DEFAULT 'immediate';
  ALTER TABLE users ADD COLUMN oidc_sub TEXT;
  ALTER TABLE users ADD COLUMN deleted_at TEXT;
  CREATE UNIQUE INDEX users_oidc_sub ON users(oidc_sub) WHERE oidc_sub IS NOT NULL;
  ALTER TABLE bills ADD COLUMN requirements TEXT NOT NULL DEFAULT '[]';
  CREATE TABLE account_tokens (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    user_id TEXT NOT NULL,
    email TEXT,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
  );
  CREATE INDEX account_tokens_user ON account_tokens(user_id);
  CREATE TABLE mails (
    id TEXT PRIMARY KEY,
    to_addr TEXT NOT NULL,
    user_id TEXT,
    subject TEXT NOT NULL,
    text TEXT NOT NULL,
    html TEXT NOT NULL,
    headers TEXT NOT NULL,
    created_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    sent_at TEXT,
    failed_at TEXT,
    last_error TEXT
  );
  CREATE INDEX mails_due ON mails(next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;
  CREATE TABLE follows (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    target_type TEXT NOT NULL,
    target_id TEXT NOT NULL,
    bill_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (user_id, target_type, target_id)
  );
  CREATE INDEX follows_target ON follows(target_type, target_id);
  CREATE INDEX follows_user ON follows(user_id, created_at DESC, id DESC);
  ALTER TABLE notifications ADD COLUMN data TEXT;
  ALTER TABLE notifications ADD COLUMN read_at TEXT;
  ALTER TABLE notifications ADD COLUMN mailed_at TEXT;
  CREATE INDEX arguments_author ON arguments(author_id, created_at DESC, id DESC);
  CREATE INDEX reports_user_at ON reports(user_id, at DESC, id DESC);
  ALTER TABLE moderation_state ADD COLUMN pending_verified INTEGER NOT NULL DEFAULT 0;
  `,
  `
  -- moderation: the moderator's own words (shown to the author and in the log) beside the category
  ALTER TABLE moderation_actions ADD COLUMN note TEXT;
  `,
  `
  -- rev: each vote records the bill revision it was cast on; article counters per revision
  -- Existing votes: the revision that was current when they were last cast (the latest one
  -- published at or before the vote's time; 1 when none), so only bills with several
  -- revisions need a look-up.
  ALTER TABLE votes ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
  UPDATE votes SET revision = coalesce((SELECT max(r.number) FROM revisions r
      WHERE r.bill_id = votes.bill_id AND r.published_at <= votes.at), 1)
    WHERE bill_id IN (SELECT bill_id FROM revisions WHERE number > 1);
  CREATE TABLE revision_tallies (
    target_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    n_for INTEGER NOT NULL DEFAULT 0,
    n_mixed INTEGER NOT NULL DEFAULT 0,
    n_against INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (target_id, revision)
  ) WITHOUT ROWID;
  INSERT INTO revision_tallies (target_id, revision, n_for, n_mixed, n_against)
    SELECT target_id, revision, sum(value = 'for'), sum(value = 'mixed'), sum(value = 'against')
    FROM votes WHERE target_type = 'article' GROUP BY target_id, revision;
  `,
  `
  -- errors: the moderation log keeps an excerpt of the content acted on
  ALTER TABLE moderation_actions ADD COLUMN excerpt TEXT;
  `,
  `
  -- perf: digest claims, one row per period of notification digests (the node that sends it), so several nodes send one
  CREATE TABLE digest_claims (period TEXT PRIMARY KEY, node TEXT NOT NULL, at TEXT NOT NULL);
  `
]

/**
 * Brings a database to the latest schema version; returns the version reached.
 * Each step reads the version inside its own IMMEDIATE transaction, so nodes
 * starting together on one file apply each migration once (the others wait,
 * then see it done).
 */
export function migrate (db: Database.Database): number {
  const step = db.transaction((): boolean => {
    const v = db.pragma('user_version', { simple: true }) as number
    if (v >= MIGRATIONS.length) return false
    db.exec(MIGRATIONS[v])
    db.pragma(`user_version = ${v + 1}`)
    return true
  })
  while (step.immediate()) { /* next migration */ }
  return MIGRATIONS.length
}
