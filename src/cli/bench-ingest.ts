// `trawl bench --ingest`: reports per second and peak memory of ingest, on a folder made by
// repeating the corpus with changed numbers and dates.
import { isDir, resolveBenchDir } from '../bench/corpus-dir.js';
import { postgresBackend, renderIngestBench, runIngestBench, sqliteBackend } from '../bench/ingest-bench.js';
import { isPostgresUrl } from '../store/open.js';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../store/pg-throwaway.js';
import { progressLine } from '../ingest/progress.js';
import { createProgress } from '../bench/progress.js';
import { collectTexts } from '../bench/texts.js';
import { parseJobs } from './ingest.js';
import { UsageError } from './errors.js';

export interface BenchIngestOptions {
  reports?: string;
  jobs?: string;
  json?: boolean;
  /** A PostgreSQL connection string to measure beside SQLite, or "auto" for a throwaway server. */
  postgres?: string;
}

export async function benchIngestCommand(dir: string | undefined, opts: BenchIngestOptions): Promise<void> {
  const reports = opts.reports === undefined ? 2000 : /^[1-9]\d{0,6}$/.test(opts.reports) ? Number(opts.reports) : NaN;
  if (Number.isNaN(reports)) throw new UsageError(`--reports must be a whole number from 1, not "${opts.reports}"`);
  const threads = parseJobs(opts.jobs);
  const where = resolveBenchDir(dir);
  if (dir !== undefined && !isDir(where.dir)) throw new UsageError(`bench: ${dir} is not a folder`);
  const { texts } = isDir(where.dir) ? collectTexts(where.dir) : { texts: [] };
  if (!texts.length) throw new UsageError(`bench --ingest: no reports under ${where.dir} to make the folder from`);
  if (where.corpusMissing) process.stderr.write(`trawl bench: the shared corpus is not there; repeating the bundled examples in ${where.dir} instead\n`);
  if (opts.postgres !== undefined && opts.postgres !== 'auto' && !isPostgresUrl(opts.postgres)) {
    throw new UsageError(`--postgres must be a postgres:// connection string or "auto", not "${opts.postgres}"`);
  }
  let server: ThrowawayPostgres | undefined;
  if (opts.postgres === 'auto') {
    try {
      server = await startThrowawayPostgres();
    } catch (e) {
      throw new UsageError(`bench --ingest --postgres auto: ${(e as Error).message}`);
    }
  }
  const pgUrl = server?.url ?? opts.postgres;
  const backends = [sqliteBackend, ...(pgUrl ? [postgresBackend(pgUrl)] : [])];
  const progress = createProgress(process.stderr, 'bench --ingest');
  let figures;
  try {
    figures = await runIngestBench({ texts, reports, threads, backends, progress: (backend, p) => progress.update(`${backend} ${progressLine(p)}`) });
  } finally {
    progress.done();
    await server?.stop();
  }
  process.stdout.write(opts.json ? JSON.stringify({ sources: texts.length, figures }, null, 2) + '\n' : renderIngestBench(figures, texts.length));
}
