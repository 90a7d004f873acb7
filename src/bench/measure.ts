// Timing passes over a text set. Every system first gets untimed warm-up passes, then `repeat`
// timed passes; the figure kept is the median pass, which one slow pass (a GC pause, another
// process) does not move the way it moves a mean.
import type { StageTiming } from '../core/pipeline.js';
import type { Runner } from './systems.js';
import type { BenchText } from './texts.js';

/**
 * A fixed warm-up, for the hostile inputs (each piece warms up this long before its one timed
 * pass): V8 optimizes hot code in tiers on a background thread, so one warm-up pass is not enough.
 * The systems compared warm up by STEADY instead.
 */
export const WARM_UP_MS = 2000;

/**
 * When a system has reached its steady speed. A fixed warm-up favours whichever system compiles
 * fastest: measured second by second on this machine, compromise's pass time stops falling after
 * about 2 s while trawl's, with far more small functions for V8 to tier up, keeps falling until
 * 6 to 8 s (89 ms a pass at 2 s, 55 ms from 7 s on). So every system warms up until its own pass
 * time stops improving, under one rule, and the bench reports how long that took. Three windows
 * without a gain, after at least 4 s: with two, one run in three stopped at 5 s on a short
 * plateau, and its trawl figure came out a third lower than the runs that went on to 10 s.
 */
export interface SteadyRule {
  /** Warm up at least this long, steady or not. */
  minMs: number;
  /** And at most this long: a system that never settles is timed anyway, marked not steady. */
  maxMs: number;
  /** Pass times are compared window by window; a window lasts at least this long and WINDOW_PASSES passes. */
  windowMs: number;
  /** A window improves on the best so far when its median pass is at least this fraction faster. */
  gain: number;
  /** Warm-up ends after this many windows in a row without improvement. */
  patience: number;
}

export const WINDOW_PASSES = 3;
export const STEADY: SteadyRule = { minMs: 4000, maxMs: 30_000, windowMs: 1000, gain: 0.03, patience: 3 };

export interface WarmUpResult {
  passes: number;
  ms: number;
  /** False when maxMs ran out before the pass time stopped improving. */
  steady: boolean;
  /** The very first pass: cold code, interpreted and compiled while it runs. */
  firstPassMs: number;
}

/** Runs `pass` until the rule says the pass time has stopped improving (see SteadyRule). */
export function warmUpUntilSteady(pass: () => void, rule: SteadyRule, now: () => number = () => performance.now()): WarmUpResult {
  const t0 = now();
  let passes = 0;
  let firstPassMs = 0;
  let window: number[] = [];
  let windowStart = t0;
  let best = Infinity;
  let stalls = 0;
  for (;;) {
    const a = now();
    pass();
    const b = now();
    if (passes++ === 0) firstPassMs = b - a;
    window.push(b - a);
    const elapsed = b - t0;
    if (b - windowStart >= rule.windowMs && window.length >= WINDOW_PASSES) {
      const m = medianPass(window.map((ms) => ({ ms }))).ms;
      if (m < best * (1 - rule.gain)) {
        best = m;
        stalls = 0;
      } else if (elapsed >= rule.minMs) stalls++;
      window = [];
      windowStart = b;
      if (elapsed >= rule.minMs && stalls >= rule.patience) return { passes, ms: elapsed, steady: true, firstPassMs };
    }
    if (elapsed >= rule.maxMs && elapsed >= rule.minMs) return { passes, ms: elapsed, steady: false, firstPassMs };
  }
}

export interface Pass {
  ms: number;
  /** Per-stage milliseconds summed over the texts, in pipeline order (empty for peers). */
  stages: StageTiming[];
  found: number;
}

export interface PassHooks {
  /** How warm-up ends (default STEADY). */
  steady?: SteadyRule;
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
  warmUp: WarmUpResult;
}

export function timePasses(texts: readonly BenchText[], run: Runner, repeat: number, hooks: PassHooks = {}): Timed {
  let first = true;
  const warmUpPass = () => {
    runPass(texts, run, hooks.afterWarmUpText);
    if (first) hooks.afterFirstPass?.();
    first = false;
  };
  const warm = warmUpUntilSteady(warmUpPass, hooks.steady ?? STEADY);
  const passes: Pass[] = [];
  for (let i = 0; i < repeat; i++) {
    hooks.beforePass?.(i);
    passes.push(runPass(texts, run));
  }
  return { median: medianPass(passes), passesMs: passes.map((p) => p.ms), warmUp: warm };
}

export const wordsPerSecond = (words: number, ms: number): number => (ms > 0 ? (words * 1000) / ms : 0);
