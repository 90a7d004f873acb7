// The store on a PostgreSQL server (`--db postgres://…`): the same Store interface and the same
// tables as the SQLite file, for many ingest workers and a shared desk. Each report goes in one
// transaction; its item rows are expanded from its stored extraction by the server.
import pg from 'pg';
import type { StoredReport } from '../core/output/stored-report.js';
import { PG_MIGRATIONS } from './pg-schema.js';
import { INSERT_ITEMS } from './pg-items.js';
import { orGroups, parseSearchQuery } from './search-query.js';
import { type AddOutcome, ITEM_TABLES, REPORT_COLUMNS, type ReportRow, reportFromRow, type SearchHit, type Store, type StoreCounts, StoreError } from './store.js';
import { unmark, MARK_OPEN, MARK_CLOSE } from './snippet-marks.js';

type PgReportRow = ReportRow<boolean, StoredReport['extraction']>;

const COUNTED = ['reports', 'actors', 'mentions', 'transfers', 'events', 'attributions', 'quantities', 'times', 'places', 'inconsistencies', 'spans'] as const;
/** Any fixed number: the lock that makes concurrent first opens migrate one at a time. */
const MIGRATION_LOCK = 7_412_093;

const fromRow = (r: PgReportRow): StoredReport => reportFromRow(r, (flag) => flag, (json) => json);

/** The connection string without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function migrate(client: pg.PoolClient): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
    const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
    const version = rows[0].v ?? 0;
    if (version > PG_MIGRATIONS.length) {
      throw new StoreError(`the store was written by a newer trawl (schema ${version}; this one knows ${PG_MIGRATIONS.length}): upgrade trawl`);
    }
    for (let v = version; v < PG_MIGRATIONS.length; v++) {
      await client.query(PG_MIGRATIONS[v]);
      await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [v + 1]);
    }
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  }
}

export class PgStore implements Store {
  private constructor(private readonly pool: pg.Pool, readonly location: string) {}

  /** Connects and migrates; `schema` keeps the tables in a schema of their own (made if missing). */
  static async open(url: string, opts: { schema?: string } = {}): Promise<PgStore> {
    const location = redactUrl(url) + (opts.schema ? ` (schema ${opts.schema})` : '');
    const pool = new pg.Pool({ connectionString: url, max: 4, ...(opts.schema ? { options: `-c search_path=${quoteIdent(opts.schema)}` } : {}) });
    pool.on('error', () => {}); // an idle client lost: the next query reports it
    try {
      const client = await pool.connect();
      try {
        if (opts.schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(opts.schema)}`);
        await migrate(client);
      } finally {
        client.release(); // before pool.end(), which waits for every client to come back
      }
      return new PgStore(pool, location);
    } catch (e) {
      await pool.end().catch(() => {});
      if (e instanceof StoreError) throw e;
      throw new StoreError(`cannot open the store ${location}: ${(e as Error).message}`);
    }
  }

  async addReport(report: StoredReport): Promise<AddOutcome> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const known = await client.query<{ hash: boolean; id: boolean }>(
        'SELECT EXISTS (SELECT 1 FROM reports WHERE hash = $1) AS hash, EXISTS (SELECT 1 FROM reports WHERE id = $2) AS id', [report.hash, report.id]);
      if (known.rows[0].hash) { await client.query('ROLLBACK'); return 'unchanged'; }
      // A known id with another text: a corrected report replaces the old one and its items.
      if (known.rows[0].id) await client.query('DELETE FROM reports WHERE id = $1', [report.id]);
      const inserted = await client.query(`INSERT INTO reports (${REPORT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (hash) DO NOTHING RETURNING key`, [
        report.id, report.hash, report.path, report.title, report.outlet, report.published, report.publishedEstimated, report.text,
        JSON.stringify(report.extraction), report.ingestedAt ?? new Date().toISOString(),
      ]);
      // another writer stored the same text in the meantime
      if (!inserted.rowCount) { await client.query('ROLLBACK'); return 'unchanged'; }
      await client.query(INSERT_ITEMS, [report.id]);
      await client.query('COMMIT');
      return known.rows[0].id ? 'updated' : 'new';
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  }

  async hasHash(hash: string): Promise<boolean> {
    return (await this.pool.query('SELECT 1 FROM reports WHERE hash = $1', [hash])).rowCount !== 0;
  }

  async listReports(): Promise<StoredReport[]> {
    const { rows } = await this.pool.query<PgReportRow>(`SELECT ${REPORT_COLUMNS} FROM reports ORDER BY published IS NULL, published COLLATE "C", id COLLATE "C"`);
    return rows.map(fromRow);
  }

  async getReport(id: string): Promise<StoredReport | null> {
    const { rows } = await this.pool.query<PgReportRow>(`SELECT ${REPORT_COLUMNS} FROM reports WHERE id = $1`, [id]);
    return rows.length ? fromRow(rows[0]) : null;
  }

  async search(query: string, opts: { limit?: number } = {}): Promise<SearchHit[]> {
    // Every term is a parameter parsed by phraseto_tsquery: user words never meet tsquery syntax.
    const params: unknown[] = [];
    const term = (t: { text: string; prefix: boolean }) => {
      params.push(t.text);
      const q = `phraseto_tsquery('simple', $${params.length})`;
      return t.prefix ? `(${q}::text || ':*')::tsquery` : q;
    };
    const expr = orGroups(parseSearchQuery(query)).map((g) => `(${g.map(term).join(' && ')})`).join(' || ');
    params.push(`StartSel=${MARK_OPEN}, StopSel=${MARK_CLOSE}, MaxWords=30, MinWords=12, MaxFragments=1`, opts.limit ?? 20);
    const { rows } = await this.pool.query<{ id: string; title: string | null; published: string | null; marked: string }>(`
      WITH q AS (SELECT ${expr} AS query)
      SELECT r.id, r.title, r.published, ts_headline('simple', r.text, q.query, $${params.length - 1}) AS marked
      FROM reports r, q WHERE r.search @@ q.query
      ORDER BY ts_rank(r.search, q.query) DESC, r.id COLLATE "C" LIMIT $${params.length}`, params);
    return rows.map((r) => ({ reportId: r.id, title: r.title, published: r.published, ...unmark(r.marked) }));
  }

  async counts(): Promise<StoreCounts> {
    const { rows } = await this.pool.query(`SELECT ${COUNTED.map((t) => `(SELECT count(*) FROM ${t})::int AS ${t}`).join(', ')}`);
    return rows[0] as StoreCounts;
  }

  async integrityCheck(): Promise<string[]> {
    const problems: string[] = [];
    for (const table of ITEM_TABLES) {
      const { rows } = await this.pool.query<{ id: string; expected: number; found: number }>(`
        SELECT r.id, jsonb_array_length(r.extraction->'${table}') AS expected, (SELECT count(*) FROM ${table} i WHERE i.report_id = r.id)::int AS found
        FROM reports r WHERE jsonb_array_length(r.extraction->'${table}') <> (SELECT count(*) FROM ${table} i WHERE i.report_id = r.id)`);
      for (const r of rows) problems.push(`report ${r.id}: ${r.expected} ${table} in its extraction, ${r.found} rows in ${table}`);
    }
    return problems;
  }

  /** Bytes the tables of `schema` take on disk, indexes included. */
  async schemaBytes(schema: string): Promise<number> {
    const { rows } = await this.pool.query<{ bytes: string | null }>(
      "SELECT sum(pg_total_relation_size(c.oid)) AS bytes FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r'", [schema]);
    return Number(rows[0].bytes ?? 0);
  }

  /** Removes the schema and everything in it (benchmarks and tests that made one). */
  async dropSchema(schema: string): Promise<void> {
    await this.pool.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
