// `trawl bench --ingest`: ingest speed and peak memory on a folder of N reports made from the
// corpus, into a fresh store of each backend: SQLite, and PostgreSQL beside it when a server is given.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest, type IngestProgress } from '../ingest/ingest.js';
import { createPool } from '../ingest/pool.js';
import { SqliteStore } from '../store/sqlite-store.js';
import { PgStore } from '../store/pg-store.js';
import type { Store, StoreCounts } from '../store/store.js';
import { writeIngestCorpus } from './ingest-corpus.js';
import type { BenchText } from './texts.js';

export interface IngestBackend {
  name: string;
  /** A fresh, empty store; `scratch` is a temporary folder the run removes afterwards. */
  open(scratch: string): Promise<Store>;
  /** Bytes the store takes, asked before it is closed. */
  size?(store: Store, scratch: string): Promise<number>;
  /** Removes what `open` made outside `scratch`, after the store is closed. */
  dispose?(): Promise<void>;
}

export const sqliteBackend: IngestBackend = {
  name: 'sqlite',
  open: async (scratch) => SqliteStore.open(join(scratch, 'bench.db')),
  size: async (_store, scratch) => ['bench.db', 'bench.db-wal'].reduce((n, f) => { try { return n + statSync(join(scratch, f)).size; } catch { return n; } }, 0),
};

/** PostgreSQL at `url`, in a schema of its own that is dropped afterwards. */
export function postgresBackend(url: string): IngestBackend {
  const schema = `trawl_bench_${process.pid}_${Date.now()}`;
  return {
    name: 'postgres',
    open: async () => PgStore.open(url, { schema }),
    size: async (store) => (store as PgStore).schemaBytes(schema),
    dispose: async () => {
      const admin = await PgStore.open(url, { schema });
      try { await admin.dropSchema(schema); } finally { await admin.close(); }
    },
  };
}

export interface IngestBenchFigures {
  backend: string;
  reports: number;
  /** Distinct texts in the folder: reports beyond these are found unchanged. */
  distinct: number;
  threads: number;
  seconds: number;
  reportsPerSecond: number;
  /** The same folder again: every report found unchanged by its hash. */
  rerunSeconds: number;
  /** Highest resident memory of the process (main thread and workers) sampled during the run. */
  peakRssMb: number;
  storeMb: number | null;
  rejected: number;
  counts: StoreCounts;
}

export interface IngestBenchOptions {
  texts: readonly BenchText[];
  reports: number;
  threads?: number;
  backends?: IngestBackend[];
  progress?: (backend: string, p: IngestProgress) => void;
}

function sampleRss(): { stop(): number } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()); }, 50);
  return { stop: () => { clearInterval(timer); return Math.max(peak, process.memoryUsage.rss()); } };
}

export async function runIngestBench(opts: IngestBenchOptions): Promise<IngestBenchFigures[]> {
  const scratch = mkdtempSync(join(tmpdir(), 'trawl-bench-ingest-'));
  const figures: IngestBenchFigures[] = [];
  try {
    const folder = join(scratch, 'reports');
    const distinct = writeIngestCorpus(opts.texts, folder, opts.reports);
    for (const backend of opts.backends ?? [sqliteBackend]) {
      const storeDir = mkdtempSync(join(scratch, `${backend.name}-`));
      const store = await backend.open(storeDir);
      const pool = createPool({ threads: opts.threads });
      try {
        const rss = sampleRss();
        const first = await ingest([folder], store, pool, { onProgress: (p) => opts.progress?.(backend.name, p) });
        const peak = rss.stop();
        const again = await ingest([folder], store, pool);
        figures.push({
          backend: backend.name,
          reports: first.new.length + first.updated.length,
          distinct,
          threads: pool.threads,
          seconds: first.seconds,
          reportsPerSecond: (first.new.length + first.updated.length) / first.seconds,
          rerunSeconds: again.seconds,
          peakRssMb: peak / 1048576,
          storeMb: backend.size ? (await backend.size(store, storeDir)) / 1048576 : null,
          rejected: first.rejected.length,
          counts: await store.counts(),
        });
      } finally {
        await pool.close();
        await store.close();
        await backend.dispose?.();
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return figures;
}

export function renderIngestBench(figures: IngestBenchFigures[], sources: number): string {
  const rows = figures.map((f) => `${f.backend.padEnd(10)} ${String(f.reports).padStart(7)} ${String(f.threads).padStart(7)} ${f.seconds.toFixed(1).padStart(7)} ${f.reportsPerSecond.toFixed(1).padStart(9)} ${f.rerunSeconds.toFixed(1).padStart(8)} ${f.peakRssMb.toFixed(0).padStart(9)} ${f.storeMb === null ? '      -' : f.storeMb.toFixed(1).padStart(8)}`);
  const rejected = figures.filter((f) => f.rejected).map((f) => `${f.backend}: ${f.rejected} reports rejected`);
  return [
    `ingest of reports made from ${sources} corpus texts (amounts scaled, years shifted per copy), into a fresh store`,
    `backend    reports threads       s reports/s rerun s peak MB store MB`,
    ...rows,
    ...rejected,
    `rerun: the same folder again, every report unchanged; peak MB: resident memory of the process, workers included`,
  ].join('\n') + '\n';
}
