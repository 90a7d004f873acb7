// Where ledger, brief and export read their reports from: the store (--db, TRAWL_DB, else the
// default file), or files and folders named on the command line, read and extracted in this
// process exactly as `trawl ingest` reads them (same files, ids, dates and outlets).
import { existsSync } from 'node:fs';
import type { StoredReport } from '../core/output/stored-report.js';
import { runPipeline } from '../core/pipeline.js';
import { toExtraction } from '../core/output/extraction.js';
import type { Lexicons } from '../core/lexicons.js';
import { InputError } from '../node/input.js';
import { loadLexicons } from '../node/lexicons.js';
import { collectFiles } from '../ingest/collect.js';
import { readDocument } from '../ingest/read-document.js';
import { hashText, toStoredReport } from '../ingest/ingest.js';
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

/** One file as ingest would store it, extracted now. */
export async function readStoredReport(path: string, lexicons: Lexicons): Promise<StoredReport> {
  const doc = await readDocument(path);
  const { doc: annotated } = runPipeline(doc.text, doc.published, { lexicons });
  return toStoredReport(doc, hashText(doc.text), toExtraction(annotated), {});
}

/** Every report file under the paths (folders walked as ingest walks them), extracted now. */
export async function readStoredReports(paths: string[], lexicons: Lexicons): Promise<StoredReport[]> {
  const { files, missing } = collectFiles(paths);
  if (missing.length) throw new InputError(missing[0].path, missing[0].reason);
  const out: StoredReport[] = [];
  for (const f of files) out.push(await readStoredReport(f, lexicons));
  return out;
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
