// The SQLite schema as numbered migrations. PRAGMA user_version holds the number of the last one
// applied; opening a store applies the missing ones in order, each in its own transaction, and
// refuses a file written by a newer trawl. Never edit a migration that has shipped: add one.
//
// `reports.extraction` keeps the whole extraction as JSON (what readers get back); the item
// tables repeat its items row by row with their spans so that plain SQL can query them.
// Items are numbered per report (`n`, their position in the extraction); multi-span items
// (transfers, events, inconsistencies) list their spans in `spans`.

export const MIGRATIONS: readonly string[] = [
  // 1: reports, items, spans, full-text search
  `
  CREATE TABLE reports (
    key INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    hash TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    title TEXT,
    outlet TEXT,
    published TEXT,
    published_estimated INTEGER NOT NULL CHECK (published_estimated IN (0, 1)),
    text TEXT NOT NULL,
    extraction TEXT NOT NULL CHECK (json_valid(extraction)),
    ingested_at TEXT NOT NULL
  );
  CREATE INDEX reports_published ON reports (published);

  CREATE TABLE actors (
    report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    aliases TEXT NOT NULL CHECK (json_valid(aliases)),
    role TEXT,
    affiliation TEXT,
    country TEXT,
    rule TEXT NOT NULL,
    PRIMARY KEY (report_id, actor_id)
  ) WITHOUT ROWID;
  CREATE INDEX actors_name ON actors (name);

  CREATE TABLE mentions (
    report_id TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    rule TEXT NOT NULL,
    FOREIGN KEY (report_id, actor_id) REFERENCES actors (report_id, actor_id) ON DELETE CASCADE
  );
  CREATE INDEX mentions_actor ON mentions (report_id, actor_id);

  CREATE TABLE transfers (
    report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    from_actor TEXT NOT NULL,
    to_actor TEXT NOT NULL,
    category TEXT NOT NULL,
    item TEXT NOT NULL,
    quantity TEXT CHECK (quantity IS NULL OR json_valid(quantity)),
    quantity_value REAL,
    quantity_min REAL,
    quantity_max REAL,
    quantity_unit TEXT,
    since TEXT,
    until TEXT,
    status TEXT NOT NULL,
    source TEXT,
    source_text TEXT,
    rule TEXT NOT NULL,
    PRIMARY KEY (report_id, n)
  ) WITHOUT ROWID;
  CREATE INDEX transfers_flow ON transfers (from_actor, to_actor, category);

  CREATE TABLE events (
    report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    type TEXT NOT NULL,
    actors TEXT NOT NULL CHECK (json_valid(actors)),
    date TEXT,
    place TEXT,
    rule TEXT NOT NULL,
    PRIMARY KEY (report_id, n)
  ) WITHOUT ROWID;

  CREATE TABLE attributions (
    report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    kind TEXT NOT NULL,
    source TEXT,
    source_text TEXT,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    speaker_start INTEGER,
    speaker_end INTEGER,
    cue_start INTEGER,
    cue_end INTEGER,
    rule TEXT NOT NULL,
    PRIMARY KEY (report_id, n)
  ) WITHOUT ROWID;

  CREATE TABLE quantities (
    report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    text TEXT NOT NULL,
    value REAL,
    min REAL,
    max REAL,
    unit TEXT,
    approx INTEGER NOT NULL,
    vague INTEGER NOT NULL,
    per TEXT,
    item TEXT,
    change_factor REAL,
    change_approx INTEGER,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    rule TEXT NOT NULL,
    PRIMARY KEY (report_id, n)
  ) WITHOUT ROWID;

  CREATE TABLE times (
    report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    text TEXT NOT NULL,
    value TEXT,
    type TEXT NOT NULL,
    estimated INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    rule TEXT NOT NULL,
    PRIMARY KEY (report_id, n)
  ) WITHOUT ROWID;

  CREATE TABLE places (
    report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (report_id, n)
  ) WITHOUT ROWID;

  CREATE TABLE inconsistencies (
    report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    kind TEXT NOT NULL,
    reason TEXT NOT NULL,
    rule TEXT NOT NULL,
    PRIMARY KEY (report_id, n)
  ) WITHOUT ROWID;

  -- spans of transfers, events and inconsistencies: item_kind names the table, item_n its row
  CREATE TABLE spans (
    report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    item_kind TEXT NOT NULL CHECK (item_kind IN ('transfer', 'event', 'inconsistency')),
    item_n INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
  );
  CREATE INDEX spans_item ON spans (report_id, item_kind, item_n);

  -- full-text search over title and text; an external-content index kept in step by triggers
  CREATE VIRTUAL TABLE report_search USING fts5 (
    title, text, content = 'reports', content_rowid = 'key', tokenize = 'unicode61 remove_diacritics 2'
  );
  CREATE TRIGGER reports_search_insert AFTER INSERT ON reports BEGIN
    INSERT INTO report_search (rowid, title, text) VALUES (new.key, new.title, new.text);
  END;
  CREATE TRIGGER reports_search_delete AFTER DELETE ON reports BEGIN
    INSERT INTO report_search (report_search, rowid, title, text) VALUES ('delete', old.key, old.title, old.text);
  END;
  CREATE TRIGGER reports_search_update AFTER UPDATE ON reports BEGIN
    INSERT INTO report_search (report_search, rowid, title, text) VALUES ('delete', old.key, old.title, old.text);
    INSERT INTO report_search (rowid, title, text) VALUES (new.key, new.title, new.text);
  END;
  `,
];
