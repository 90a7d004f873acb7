// The embedded store: one SQLite file through better-sqlite3 (synchronous, so one report's
// rows go in one short transaction without an event-loop hop), in WAL mode so readers never
// block the writer and a killed process leaves only committed reports.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { StoredReport } from '../core/output/stored-report.js';
import { MIGRATIONS } from './sqlite-schema.js';
import { itemWriter } from './sqlite-items.js';
import { toFtsQuery } from './search-query.js';
import { MARK_CLOSE, MARK_OPEN, unmark } from './snippet-marks.js';
import { type AddOutcome, ITEM_TABLES, REPORT_COLUMNS, type ReportRow, reportFromRow, type SearchHit, type Store, type StoreCounts, StoreError } from './store.js';

type SqliteReportRow = ReportRow<number, string>;

const fromRow = (r: SqliteReportRow): StoredReport => reportFromRow(r, (flag) => flag === 1, (json) => JSON.parse(json));

export function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) {
    throw new StoreError(`the store was written by a newer trawl (schema ${version}; this one knows ${MIGRATIONS.length}): upgrade trawl`);
  }
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

export class SqliteStore implements Store {
  private readonly writeItems;
  private readonly insertReport;
  private readonly deleteReport;
  private readonly byHash;
  private readonly byId;

  private constructor(private readonly db: Database.Database, readonly location: string) {
    this.writeItems = itemWriter(db);
    this.insertReport = db.prepare(`INSERT INTO reports (${REPORT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.deleteReport = db.prepare('DELETE FROM reports WHERE id = ?');
    this.byHash = db.prepare('SELECT 1 FROM reports WHERE hash = ?').pluck();
    this.byId = db.prepare(`SELECT ${REPORT_COLUMNS} FROM reports WHERE id = ?`);
  }

  /** Opens (creating it and its folder if needed) the store at `path`; ':memory:' for a throwaway one. */
  static open(path: string): SqliteStore {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    let db: Database.Database | undefined;
    try {
      db = new Database(path);
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
      // WAL with synchronous=NORMAL: a commit survives a killed process; only a power cut may lose the last ones.
      db.pragma('synchronous = NORMAL');
      migrate(db);
      return new SqliteStore(db, path);
    } catch (e) {
      db?.close();
      if (e instanceof StoreError) throw e;
      throw new StoreError(`cannot open the store ${path}: ${(e as Error).message}`);
    }
  }

  async addReport(report: StoredReport): Promise<AddOutcome> {
    return this.db.transaction((): AddOutcome => {
      if (this.byHash.get(report.hash)) return 'unchanged';
      const known = this.byId.get(report.id) !== undefined;
      // A known id with another text: a corrected report replaces the old one and its items.
      if (known) this.deleteReport.run(report.id);
      this.insertReport.run(report.id, report.hash, report.path, report.title, report.outlet, report.published,
        report.publishedEstimated ? 1 : 0, report.text, JSON.stringify(report.extraction), report.ingestedAt ?? new Date().toISOString());
      this.writeItems(report.id, report.extraction);
      return known ? 'updated' : 'new';
    }).immediate();
  }

  async hasHash(hash: string): Promise<boolean> {
    return this.byHash.get(hash) !== undefined;
  }

  async listReports(): Promise<StoredReport[]> {
    const rows = this.db.prepare(`SELECT ${REPORT_COLUMNS} FROM reports ORDER BY published IS NULL, published, id`).all() as SqliteReportRow[];
    return rows.map(fromRow);
  }

  async getReport(id: string): Promise<StoredReport | null> {
    const row = this.byId.get(id) as SqliteReportRow | undefined;
    return row ? fromRow(row) : null;
  }

  async search(query: string, opts: { limit?: number } = {}): Promise<SearchHit[]> {
    const rows = this.db.prepare(`
      SELECT r.id, r.title, r.published, snippet(report_search, -1, ?, ?, '…', 16) AS marked
      FROM report_search JOIN reports r ON r.key = report_search.rowid
      WHERE report_search MATCH ? ORDER BY bm25(report_search, 4.0, 1.0) LIMIT ?`)
      .all(MARK_OPEN, MARK_CLOSE, toFtsQuery(query), opts.limit ?? 20) as { id: string; title: string | null; published: string | null; marked: string }[];
    return rows.map((r) => ({ reportId: r.id, title: r.title, published: r.published, ...unmark(r.marked) }));
  }

  async counts(): Promise<StoreCounts> {
    const n = (table: string): number => this.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    return {
      reports: n('reports'), actors: n('actors'), mentions: n('mentions'), transfers: n('transfers'), events: n('events'),
      attributions: n('attributions'), quantities: n('quantities'), times: n('times'), places: n('places'),
      inconsistencies: n('inconsistencies'), spans: n('spans'),
    };
  }

  async integrityCheck(): Promise<string[]> {
    const problems = (this.db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[])
      .map((r) => r.integrity_check).filter((m) => m !== 'ok');
    for (const f of this.db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]) {
      problems.push(`${f.table} row ${f.rowid} points at a missing ${f.parent} row`);
    }
    problems.push(...this.incompleteReports());
    try {
      this.db.prepare("INSERT INTO report_search (report_search) VALUES ('integrity-check')").run();
    } catch (e) {
      problems.push(`full-text index: ${(e as Error).message}`);
    }
    return problems;
  }

  /** Reports whose item rows do not match their extraction: what a half-written report would look like. */
  private incompleteReports(): string[] {
    const problems: string[] = [];
    for (const table of ITEM_TABLES) {
      const rows = this.db.prepare(`SELECT r.id, json_array_length(r.extraction, '$.${table}') AS expected,
        (SELECT count(*) FROM ${table} i WHERE i.report_id = r.id) AS found FROM reports r WHERE expected != found`).all() as { id: string; expected: number; found: number }[];
      for (const r of rows) problems.push(`report ${r.id}: ${r.expected} ${table} in its extraction, ${r.found} rows in ${table}`);
    }
    return problems;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
