// `trawl ingest PATH...`: files and folders into the store, with progress and a summary.
import { openStore } from '../store/open.js';
import { storeLocation } from '../store/location.js';
import type { StoreCounts } from '../store/store.js';
import { ingest, type IngestResult } from '../ingest/ingest.js';
import { createPool } from '../ingest/pool.js';
import { createIngestProgress } from '../ingest/progress.js';
import { parsePublished } from './extract.js';
import { UsageError } from './errors.js';

export interface IngestCommandOptions {
  db?: string;
  published?: string;
  outlet?: string;
  jobs?: string;
  format: 'text' | 'json';
  lexicons?: string;
}

export function parseJobs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d{0,3}$/.test(value)) throw new UsageError(`--jobs must be a whole number of threads from 1, not "${value}"`);
  return Number(value);
}

export function renderSummary(r: IngestResult, location: string, counts: StoreCounts): string {
  const rate = r.seconds > 0 ? (r.new.length + r.updated.length) / r.seconds : 0;
  const lines = [
    `${r.files} file${r.files === 1 ? '' : 's'} in ${r.seconds.toFixed(1)} s (${rate.toFixed(1)} reports/s written) into ${location}`,
    `  new        ${r.new.length}`,
    `  updated    ${r.updated.length}${r.updated.length ? '  (a known report id with a new text: the old version was replaced)' : ''}`,
    `  unchanged  ${r.unchanged.length}`,
    `  rejected   ${r.rejected.length}`,
    ...r.rejected.map((x) => `    ${x.path}: ${x.reason}`),
  ];
  if (r.skipped) lines.push(`  skipped    ${r.skipped} file${r.skipped === 1 ? '' : 's'} of other kinds in the folders`);
  lines.push(`store: ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')}`);
  return lines.join('\n') + '\n';
}

export async function ingestCommand(paths: string[], opts: IngestCommandOptions): Promise<void> {
  const published = parsePublished(opts.published);
  const threads = parseJobs(opts.jobs);
  const store = await openStore(storeLocation(opts.db));
  const location = store.location; // without a password
  const pool = createPool({ threads, lexicons: opts.lexicons });
  const progress = createIngestProgress(process.stderr);
  let result: IngestResult;
  try {
    result = await ingest(paths, store, pool, { published, outlet: opts.outlet, onProgress: (p) => progress.update(p) });
  } finally {
    progress.done();
    await pool.close();
  }
  const counts = await store.counts();
  await store.close();
  if (opts.format === 'json') {
    const { new: added, updated, unchanged, ...rest } = result;
    process.stdout.write(JSON.stringify({ store: location, ...rest, new: added.length, updated: updated.length, unchanged: unchanged.length, counts }, null, 2) + '\n');
  } else {
    process.stdout.write(renderSummary(result, location, counts));
  }
  if (result.files === 0) throw new UsageError(`no report files in ${paths.join(', ')} (trawl reads ${'.txt .md .html .json .pdf'})`);
  // Exit 2 only when nothing at all went in or was already there: every file was refused.
  if (!result.new.length && !result.updated.length && !result.unchanged.length) process.exitCode = 2;
}
