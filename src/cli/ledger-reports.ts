// Where ledger, brief and export read their reports from: files and folders named on the command
// line (extracted in this process), or the store.
import { existsSync } from 'node:fs';
import type { StoredReport } from '../core/output/stored-report.js';
import { loadLexicons } from '../node/lexicons.js';
import { readStoredReports } from '../node/report-files.js';
import { fuseLedger } from '../ledger/fuse.js';
import type { Ledger } from '../ledger/types.js';
import { loadLedgerVocabulary } from '../node/ledger-vocabulary.js';
import { UsageError } from './errors.js';

export interface ReportSourceOptions {
  db?: string;
  lexicons?: string;
}

export async function loadReports(paths: string[], opts: ReportSourceOptions): Promise<StoredReport[]> {
  if (paths.length) {
    if (opts.lexicons && !existsSync(opts.lexicons)) throw new UsageError(`--lexicons ${opts.lexicons}: no such folder`);
    return readStoredReports(paths, loadLexicons(opts.lexicons));
  }
  throw new UsageError('name report files or folders to read (the store comes with `trawl ingest`)');
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
