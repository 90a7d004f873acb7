// Ingest: files and folders in, one stored report per distinct text out. Workers read and
// extract; this thread hashes, skips texts the store already has, and writes each report in
// its own transaction, so an interrupted run leaves whole reports and the next run resumes.
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { StoredReport } from '../core/output/stored-report.js';
import type { Store } from '../store/store.js';
import { collectFiles } from './collect.js';
import type { WorkerPool } from './pool.js';
import type { IngestDocument } from './read-document.js';

export interface IngestOptions {
  /** Publication date for documents whose metadata gives none (else the dating stage estimates it). */
  published?: string | null;
  /** Outlet for documents whose metadata names none. */
  outlet?: string | null;
  /** Called after each file. */
  onProgress?: (p: IngestProgress) => void;
}

export interface IngestProgress {
  done: number;
  total: number;
  written: number;
  rejected: number;
  seconds: number;
}

export interface IngestResult {
  files: number;
  new: string[];
  updated: string[];
  unchanged: string[];
  rejected: { path: string; reason: string }[];
  /** Files in the folders that are of no kind trawl reads. */
  skipped: number;
  seconds: number;
}

export const hashText = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Ids of reports without one of their own: stable for the same text. */
export const idForHash = (hash: string): string => `r-${hash.slice(0, 16)}`;

export function toStoredReport(doc: IngestDocument, hash: string, extraction: StoredReport['extraction'], opts: IngestOptions): StoredReport {
  const given = doc.published ?? opts.published ?? null;
  const estimate = given ? null : extraction.publishedEstimate?.value ?? null;
  return {
    id: doc.id ?? idForHash(hash),
    hash,
    path: resolve(doc.path),
    title: doc.title,
    outlet: doc.outlet ?? opts.outlet ?? null,
    published: given ?? estimate,
    publishedEstimated: estimate !== null,
    text: doc.text,
    extraction,
  };
}

export async function ingest(paths: string[], store: Store, pool: WorkerPool, opts: IngestOptions = {}): Promise<IngestResult> {
  const t0 = performance.now();
  const { files, missing, skipped } = collectFiles(paths);
  const result: IngestResult = { files: files.length + missing.length, new: [], updated: [], unchanged: [], rejected: [...missing], skipped, seconds: 0 };

  const one = async (path: string): Promise<void> => {
    const read = await pool.read(path);
    if ('rejected' in read) { result.rejected.push({ path, reason: read.rejected }); return; }
    const doc = read.document;
    const hash = hashText(doc.text);
    if (await store.hasHash(hash)) { result.unchanged.push(path); return; }
    let report: StoredReport;
    try {
      const extraction = await pool.extract({ text: doc.text, published: doc.published ?? opts.published ?? null });
      report = toStoredReport(doc, hash, extraction, opts);
    } catch (e) {
      result.rejected.push({ path, reason: `extraction failed (${(e as Error).message}); please report it` });
      return;
    }
    try {
      const outcome = await store.addReport(report);
      result[outcome].push(path);
    } catch (e) {
      result.rejected.push({ path, reason: `could not be stored (${(e as Error).message})` });
    }
  };

  // Enough files in flight to keep every worker busy, few enough to bound memory.
  let next = 0;
  let done = 0;
  const lane = async () => {
    while (next < files.length) {
      await one(files[next++]);
      done++;
      opts.onProgress?.({
        done, total: files.length, written: result.new.length + result.updated.length,
        rejected: result.rejected.length - missing.length, seconds: (performance.now() - t0) / 1000,
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(files.length, pool.threads * 2) }, lane));
  result.seconds = (performance.now() - t0) / 1000;
  // workers finish in any order; the summary lists files in path order
  for (const list of [result.new, result.updated, result.unchanged]) list.sort();
  result.rejected.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return result;
}
