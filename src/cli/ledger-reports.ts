// Where ledger, brief and export read their reports from: the store (--db, TRAWL_DB, else the
// default file), or files and folders named on the command line, extracted in this process.
import { existsSync } from 'node:fs';
import type { StoredReport } from '../core/output/stored-report.js';
import { loadLexicons } from '../node/lexicons.js';
import { readStoredReports } from '../node/report-files.js';
import { fuseLedger } from '../ledger/fuse.js';
import type { Ledger } from '../ledger/types.js';
import { loadLedgerVocabulary } from '../node/ledger-vocabulary.js';
import { openStore } from '../store/open.js';
import { storeLocation } from '../store/location.js';
import { UsageError } from './errors.js';

export interface ReportSourceOptions {
  db?: string;
  lexicons?: string;
}

export async function loadReports(paths: string[], opts: ReportSourceOptions): Promise<StoredReport[]> {
  if (paths.length && opts.db) throw new UsageError('give either --db or report paths, not both');
  if (paths.length) {
    if (opts.lexicons && !existsSync(opts.lexicons)) throw new UsageError(`--lexicons ${opts.lexicons}: no such folder`);
    return readStoredReports(paths, loadLexicons(opts.lexicons));
  }
  const store = await openStore(storeLocation(opts.db), { create: false });
  try {
    return await store.listReports();
  } finally {
    await store.close();
  }
}

export async function loadLedger(paths: string[], opts: ReportSourceOptions): Promise<Ledger> {
  return fuseLedger(await loadReports(paths, opts), { vocabulary: loadLedgerVocabulary() });
}

/** A --since value: an ISO day (or month, or year). */
export function parseSince(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) throw new UsageError(`--since must be a date YYYY-MM-DD, not "${value}"`);
  return value;
}

/** A --from/--to/--actor value: an ISO 3166-1 alpha-2 code. */
export function parseState(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^[A-Za-z]{2}$/.test(value)) throw new UsageError(`${flag} must be a two-letter country code such as KP or RU, not "${value}"`);
  return value.toUpperCase();
}
