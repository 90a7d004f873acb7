// The store's interface: what ingest writes and what fusion, search and the web explorer read.
// Every method returns a promise so that a server database (PostgreSQL) can implement the same
// interface as the embedded SQLite file.
import type { StoredReport } from '../core/output/stored-report.js';

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
