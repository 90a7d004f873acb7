// A worker process that measures one system, started by isolate.ts with the IPC channel open.
// Running each system alone is what makes its peak RSS its own: a process's high-water mark
// never goes down, so one process measuring three systems would report the largest thrice.
import { getHeapStatistics } from 'node:v8';
import { timePasses } from './measure.js';
import { loadSystem } from './systems.js';
import { collectTexts } from './texts.js';
import type { SystemMeasurement, WorkerMessage, WorkerRequest } from './protocol.js';

/** Resolves once the message is written, so disconnecting after it cannot drop it. */
function send(message: WorkerMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) resolve();
    else process.send(message, undefined, {}, () => resolve());
  });
}

/** Started with --expose-gc; without it the figures are still right, only noisier. */
const collectGarbage = (): void => globalThis.gc?.();

const heapUsed = (): number => getHeapStatistics().used_heap_size;

async function measure(req: WorkerRequest): Promise<SystemMeasurement> {
  const set = collectTexts(req.dir);
  let heapPeak = heapUsed();
  const memory = () => {
    collectGarbage();
    return { peakRssKB: process.resourceUsage().maxRSS, heapPeakBytes: heapPeak, heapAfterGcBytes: heapUsed() };
  };
  const base = { system: req.system, texts: set.texts.length, words: set.words };
  if (req.system === 'baseline') return { ...base, ...memory() };

  void send({ kind: 'progress', text: `${req.system}: loading` });
  const run = await loadSystem(req.system);
  void send({ kind: 'progress', text: `${req.system}: warm-up, then ${req.repeat} timed passes over ${set.words} words` });
  let firstPassRssKB: number | undefined;
  const timed = timePasses(set.texts, run, req.repeat, {
    afterFirstPass: () => {
      firstPassRssKB = process.resourceUsage().maxRSS;
    },
    afterWarmUpText: () => {
      heapPeak = Math.max(heapPeak, heapUsed());
    },
    // No forced collection before a timed pass: a full GC resets V8's heap sizing, so the pass
    // after it ran about 10% slower for every system and far less evenly (trawl 53-100 ms a pass
    // with it, 53-60 ms without). Each pass pays for the garbage the passes before it left, as
    // one pass of a long ingest does.
  });
  const { ms, stages, found } = timed.median;
  return { ...base, ms, passesMs: timed.passesMs, warmUp: timed.warmUp, stages, found, firstPassRssKB, ...memory() };
}

if (!process.send) {
  process.stderr.write('bench worker: run by `trawl bench`, not directly\n');
  process.exit(2);
}

process.once('message', (req: WorkerRequest) => {
  measure(req)
    .then((result) => send({ kind: 'result', result }))
    .catch((e: unknown) => send({ kind: 'error', message: e instanceof Error ? e.message : String(e), stack: (e as Error).stack }))
    .finally(() => process.disconnect());
});
