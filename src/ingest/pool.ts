// Reading and extraction on every core: a Piscina pool of worker threads running worker.ts.
// The main thread only hashes, checks the store and writes.
import { Piscina } from 'piscina';
import { availableParallelism } from 'node:os';
import type { Extraction } from '../core/output/extraction.js';
import type { ExtractTask, ReadOutcome } from './worker.js';

export interface WorkerPool {
  readonly threads: number;
  read(path: string): Promise<ReadOutcome>;
  extract(task: ExtractTask): Promise<Extraction>;
  close(): Promise<void>;
}

export function createPool(opts: { threads?: number; lexicons?: string } = {}): WorkerPool {
  const threads = Math.max(1, opts.threads ?? availableParallelism());
  const pool = new Piscina({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    workerData: { lexicons: opts.lexicons },
  });
  return {
    threads,
    read: (path) => pool.run(path, { name: 'read' }),
    extract: (task) => pool.run(task, { name: 'extract' }),
    close: () => pool.destroy(),
  };
}
