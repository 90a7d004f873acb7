// Timing passes over a text set. Every system first gets untimed warm-up passes, then `repeat`
// timed passes; the figure kept is the median pass, which one slow pass (a GC pause, another
// process) does not move the way it moves a mean.
import type { StageTiming } from '../core/pipeline.js';
import type { Runner } from './systems.js';
import type { BenchText } from './texts.js';

/**
 * Warm-up lasts at least this long, the same for every system, not one pass: V8 optimizes hot code
 * in tiers on a background thread, and on a 2-core machine trawl's many small stages were still
 * being optimized after 500 ms (passes after it ran up to twice as slow as after 2 s).
 */
export const WARM_UP_MS = 2000;

export interface Pass {
  ms: number;
  /** Per-stage milliseconds summed over the texts, in pipeline order (empty for peers). */
  stages: StageTiming[];
  found: number;
}

export interface PassHooks {
  warmUpMs?: number;
  /** Before each timed pass (the worker collects garbage here so no pass pays for the last). */
  beforePass?: (index: number) => void;
  /** After each text of the warm-up passes (the worker samples the heap here, outside the clock). */
  afterWarmUpText?: () => void;
  /** After the first pass over the texts, before any other. */
  afterFirstPass?: () => void;
}

export function runPass(texts: readonly BenchText[], run: Runner, afterText?: () => void): Pass {
  const stages = new Map<string, number>();
  let found = 0;
  const t0 = performance.now();
  for (const text of texts) {
    const out = run(text);
    found += out.found;
    for (const s of out.timings ?? []) stages.set(s.stage, (stages.get(s.stage) ?? 0) + s.ms);
    afterText?.();
  }
  const ms = performance.now() - t0;
  return { ms, stages: [...stages].map(([stage, stageMs]) => ({ stage, ms: stageMs })), found };
}

/** Calls `once` until `minMs` have passed (at least once); returns how many calls that took. */
export function warmUp(once: () => void, minMs: number): number {
  const t0 = performance.now();
  let calls = 0;
  do {
    once();
    calls++;
  } while (performance.now() - t0 < minMs && calls < 10_000);
  return calls;
}

/** The middle pass by time; for an even count, the faster of the two middle ones. */
export function medianPass<T extends { ms: number }>(passes: readonly T[]): T {
  if (passes.length === 0) throw new RangeError('no passes to take a median of');
  const sorted = [...passes].sort((a, b) => a.ms - b.ms);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

export interface Timed {
  median: Pass;
  passesMs: number[];
  warmUpPasses: number;
}

export function timePasses(texts: readonly BenchText[], run: Runner, repeat: number, hooks: PassHooks = {}): Timed {
  let first = true;
  const warmUpPass = () => {
    runPass(texts, run, hooks.afterWarmUpText);
    if (first) hooks.afterFirstPass?.();
    first = false;
  };
  const warmUpPasses = warmUp(warmUpPass, hooks.warmUpMs ?? WARM_UP_MS);
  const passes: Pass[] = [];
  for (let i = 0; i < repeat; i++) {
    hooks.beforePass?.(i);
    passes.push(runPass(texts, run));
  }
  return { median: medianPass(passes), passesMs: passes.map((p) => p.ms), warmUpPasses };
}

export const wordsPerSecond = (words: number, ms: number): number => (ms > 0 ? (words * 1000) / ms : 0);
