// The PostgreSQL schema as numbered migrations, recorded in schema_migrations. The tables and
// columns are those of the SQLite schema (sqlite-schema.ts) so that the same SQL questions work
// on both; JSON is jsonb, and full-text search is a tsvector column with a GIN index. Item rows
// are expanded from the stored extraction inside the database (pg-store.ts).

export const PG_MIGRATIONS: readonly string[] = [
  // 1: reports, items, spans, full-text search
  `
  CREATE TABLE reports (
    key BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    hash TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    title TEXT,
    outlet TEXT,
    published TEXT,
    published_estimated BOOLEAN NOT NULL,
    text TEXT NOT NULL,
    extraction JSONB NOT NULL,
    ingested_at TEXT NOT NULL,
    -- 'simple': no stemming, like SQLite's unicode61 tokenizer; long texts are indexed on their
    -- first 400,000 characters, as a tsvector holds at most 1 MB
    search TSVECTOR GENERATED ALWAYS AS (
      setweight(to_tsvector('simple', coalesce(title, '')), 'A') || setweight(to_tsvector('simple', left(text, 400000)), 'D')
    ) STORED
  );
  CREATE INDEX reports_published ON reports (published);
  CREATE INDEX reports_search ON reports USING GIN (search);

  CREATE TABLE actors (
    report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    aliases JSONB NOT NULL,
    role TEXT,
    affiliation TEXT,
    country TEXT,
    rule TEXT NOT NULL,
    PRIMARY KEY (report_id, actor_id)
  );
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
    quantity JSONB,
    quantity_value DOUBLE PRECISION,
    quantity_min DOUBLE PRECISION,
    quantity_max DOUBLE PRECISION,
    quantity_unit TEXT,
    since TEXT,
    until TEXT,
    status TEXT NOT NULL,
    source TEXT,
    source_text TEXT,
    rule TEXT NOT NULL,
    PRIMARY KEY (report_id, n)
  );
  CREATE INDEX transfers_flow ON transfers (from_actor, to_actor, category);

  CREATE TABLE events (
    report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    type TEXT NOT NULL,
    actors JSONB NOT NULL,
    date TEXT,
    place TEXT,
    rule TEXT NOT NULL,
    PRIMARY KEY (report_id, n)
  );

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
  );

  CREATE TABLE quantities (
    report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    text TEXT NOT NULL,
    value DOUBLE PRECISION,
    min DOUBLE PRECISION,
    max DOUBLE PRECISION,
    unit TEXT,
    approx BOOLEAN NOT NULL,
    vague BOOLEAN NOT NULL,
    per TEXT,
    item TEXT,
    change_factor DOUBLE PRECISION,
    change_approx BOOLEAN,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    rule TEXT NOT NULL,
    PRIMARY KEY (report_id, n)
  );

  CREATE TABLE times (
    report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    text TEXT NOT NULL,
    value TEXT,
    type TEXT NOT NULL,
    estimated BOOLEAN NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    rule TEXT NOT NULL,
    PRIMARY KEY (report_id, n)
  );

  CREATE TABLE places (
    report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (report_id, n)
  );

  CREATE TABLE inconsistencies (
    report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    kind TEXT NOT NULL,
    reason TEXT NOT NULL,
    rule TEXT NOT NULL,
    PRIMARY KEY (report_id, n)
  );

  CREATE TABLE spans (
    report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    item_kind TEXT NOT NULL CHECK (item_kind IN ('transfer', 'event', 'inconsistency')),
    item_n INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
  );
  CREATE INDEX spans_item ON spans (report_id, item_kind, item_n);
  `,
];
