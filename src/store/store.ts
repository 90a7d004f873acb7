// The store's interface: what ingest writes and what fusion, search and the web explorer read.
// Every method returns a promise so that a server database (PostgreSQL) can implement the same
// interface as the embedded SQLite file.
import type { StoredReport } from '../core/output/stored-report.js';

/** A reports-table row as both databases return it; they differ only in how the flag and the extraction come back. */
export interface ReportRow<Flag, Json> {
  id: string;
  hash: string;
  path: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  published_estimated: Flag;
  text: string;
  extraction: Json;
  ingested_at: string;
}

export const REPORT_COLUMNS = 'id, hash, path, title, outlet, published, published_estimated, text, extraction, ingested_at';

/** Item tables with one row per element of the extraction array of the same name. */
export const ITEM_TABLES = ['actors', 'transfers', 'events', 'attributions', 'quantities', 'times', 'places', 'inconsistencies'] as const;

/** A row back into the report it stored, given the database's way of returning the flag and the JSON. */
export function reportFromRow<Flag, Json>(r: ReportRow<Flag, Json>, estimated: (f: Flag) => boolean, extraction: (j: Json) => StoredReport['extraction']): StoredReport {
  return {
    id: r.id, hash: r.hash, path: r.path, title: r.title, outlet: r.outlet, published: r.published,
    publishedEstimated: estimated(r.published_estimated), text: r.text, extraction: extraction(r.extraction), ingestedAt: r.ingested_at,
  };
}

/** What adding a report did: a new text, the same text again (nothing written), or new text under a known id. */
export type AddOutcome = 'new' | 'unchanged' | 'updated';

export interface SearchHit {
  reportId: string;
  title: string | null;
  published: string | null;
  /** A short stretch of the report text around the matches. */
  snippet: string;
  /** Where the matched words are in `snippet`, [start, end) offsets. */
  highlights: { start: number; end: number }[];
}

/** Rows per table, for summaries and for checking that two ingests left the same store. */
export interface StoreCounts {
  reports: number;
  actors: number;
  mentions: number;
  transfers: number;
  events: number;
  attributions: number;
  quantities: number;
  times: number;
  places: number;
  inconsistencies: number;
  spans: number;
}

export interface Store {
  /** Where the data lives (a file path or a connection string without its password), for messages. */
  readonly location: string;
  /** Writes the report and all its items in one transaction. */
  addReport(report: StoredReport): Promise<AddOutcome>;
  hasHash(hash: string): Promise<boolean>;
  /** All reports, ordered by publication date (undated last), then id. */
  listReports(): Promise<StoredReport[]>;
  getReport(id: string): Promise<StoredReport | null>;
  /** Full-text search; `query` is plain words and "quoted phrases" (see search-query.ts). */
  search(query: string, opts?: { limit?: number }): Promise<SearchHit[]>;
  counts(): Promise<StoreCounts>;
  /** Problems the database finds in itself; empty when all is well. */
  integrityCheck(): Promise<string[]>;
  close(): Promise<void>;
}

/** A problem with the store itself (cannot open, too new a schema): the CLI prints it and exits 2. */
export class StoreError extends Error {}
