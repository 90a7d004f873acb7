// `trawl bench`: words per second and peak memory of the pipeline, its stages and two peer NLP
// libraries on the same texts, plus a linearity check. The measuring lives in src/bench/.
import { isDir, resolveBenchDir } from '../bench/corpus-dir.js';
import { createProgress } from '../bench/progress.js';
import { renderReport } from '../bench/render.js';
import { runBench } from '../bench/run.js';
import { missingPeers } from '../bench/systems.js';
import { collectTexts } from '../bench/texts.js';
import { UsageError } from './errors.js';

export interface BenchCliOptions {
  /** Commander passes the option's text. */
  repeat?: string;
  /** False for --no-peers. */
  peers?: boolean;
  json?: boolean;
}

export function parseRepeat(value: string | undefined): number {
  if (value === undefined) return 5;
  const n = /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new UsageError(`--repeat must be a whole number from 1 to 1000, not "${value}"`);
  return n;
}

const WHAT = 'reports (*.json with a "text" field, .txt, .md)';

export async function benchCommand(dir: string | undefined, opts: BenchCliOptions): Promise<void> {
  const repeat = parseRepeat(opts.repeat);
  const peers = opts.peers !== false;
  const missingPeer = peers ? missingPeers() : [];
  if (missingPeer.length > 0) {
    throw new UsageError(`bench: ${missingPeer.join(', ')} not installed (the peers are devDependencies: run npm install), or run with --no-peers`);
  }
  const where = resolveBenchDir(dir);
  if (dir !== undefined && !isDir(where.dir)) throw new UsageError(`bench: ${dir} is not a folder`);
  const set = isDir(where.dir) ? collectTexts(where.dir) : { texts: [], skipped: [], words: 0 };
  const missing = where.corpusMissing && `the shared corpus is not there (looked in ${where.corpusMissing.join(' and ')})`;
  if (set.texts.length === 0) {
    throw new UsageError(missing ? `bench: ${missing}, and the bundled examples folder ${where.dir} has no ${WHAT}` : `bench: no ${WHAT} under ${where.dir}`);
  }
  if (missing) process.stderr.write(`trawl bench: ${missing}; measuring the bundled examples in ${where.dir} instead\n`);

  const progress = createProgress(process.stderr);
  let report;
  try {
    report = await runBench({ dir: where.dir, set, repeat, peers, progress: progress.update });
  } finally {
    progress.done();
  }
  process.stdout.write(opts.json ? JSON.stringify(report, null, 2) + '\n' : renderReport(report));
}
