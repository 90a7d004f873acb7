// The whole benchmark: each system measured in its own process, one after the other (measuring
// two at once on a small machine would have them share cores), then the linearity check and the
// hostile inputs here.
import { loadHostileRunner, measureHostile, type HostileRow } from './hostile.js';
import { measureInChild } from './isolate.js';
import { measureLinearity, type LinearityRow } from './linearity.js';
import { STEADY, wordsPerSecond, type SteadyRule } from './measure.js';
import type { SystemMeasurement, WorkerSystem } from './protocol.js';
import { loadSystem, SYSTEMS, type SystemName } from './systems.js';
import { longestText, type Skipped, type TextSet } from './texts.js';

export interface BenchOptions {
  dir: string;
  set: TextSet;
  repeat: number;
  peers: boolean;
  /** Time the hostile inputs too (default true; they take a minute or so). */
  hostile?: boolean;
  progress?: (text: string) => void;
}

export interface SystemFigures {
  system: SystemName;
  ms: number;
  wordsPerSecond: number;
  /** trawl's words/s divided by this system's: above 1, trawl is faster. */
  trawlRatio: number;
  /** Peak RSS over the worker's whole run: loading, warm-up and timed passes. */
  peakRssMB: number;
  /** Peak RSS after loading and one pass over the texts (less garbage has piled up by then). */
  firstPassRssMB: number;
  heapPeakMB: number;
  heapAfterGcMB: number;
  /** Entity mentions returned (trawl: actor mentions and places; compromise: people, places, organizations; wink-nlp: every entity, dates and numbers included). */
  found: number;
  passesMs: number[];
  warmUpPasses: number;
  /** How long warm-up ran before the timed passes, and whether the pass time had stopped improving by then. */
  warmUpMs: number;
  steady: boolean;
  /** Words per second of the very first pass: code not yet compiled, as one short `trawl extract` run sees it. */
  firstPassWordsPerSecond: number;
}

/** The row for what runPipeline spends around its stages (creating the document) and the loop. */
export const OUTSIDE_STAGES = '(outside stages)';

export interface StageFigures {
  stage: string;
  ms: number;
  /** Null for the row outside stages: words per second of bookkeeping would be a meaningless huge number. */
  wordsPerSecond: number | null;
  /** Share of the pipeline's time. */
  share: number;
}

export interface BenchReport {
  corpus: { dir: string; texts: number; words: number; skipped: Skipped[] };
  method: { statistic: 'median'; timedPasses: number; warmUp: SteadyRule };
  systems: SystemFigures[];
  /** A worker that loads no system, holding only the texts: what node itself takes. */
  baseline: { peakRssMB: number; heapAfterGcMB: number };
  stages: StageFigures[];
  linearity: { source: string; words: number; rows: LinearityRow[] };
  /** The whole pipeline on hostile inputs at 1/4, 1/2 and full size; empty when not run. */
  hostile: HostileRow[];
}

const MB = 1024 * 1024;
const round = (x: number, digits = 1): number => Number(x.toFixed(digits));

function checkSameTexts(m: SystemMeasurement, set: TextSet): void {
  // Each worker reads the folder itself; if the folder changed meanwhile the figures would not compare.
  if (m.texts !== set.texts.length || m.words !== set.words) {
    throw new Error(`the ${m.system} worker read ${m.texts} texts / ${m.words} words, not ${set.texts.length} / ${set.words}: did the folder change during the bench?`);
  }
}

function stageFigures(trawl: SystemMeasurement, words: number): StageFigures[] {
  const total = trawl.ms ?? 0;
  const stages = trawl.stages ?? [];
  const outside = total - stages.reduce((n, s) => n + s.ms, 0);
  const rows = outside > 0 ? [...stages, { stage: OUTSIDE_STAGES, ms: outside }] : stages;
  return rows.map((s) => ({
    stage: s.stage,
    ms: round(s.ms, 2),
    wordsPerSecond: s.stage === OUTSIDE_STAGES ? null : Math.round(wordsPerSecond(words, s.ms)),
    share: total > 0 ? round(s.ms / total, 3) : 0,
  }));
}

export async function runBench(opts: BenchOptions): Promise<BenchReport> {
  const { dir, set, repeat } = opts;
  const systems: SystemName[] = opts.peers ? [...SYSTEMS] : ['trawl'];
  const measured = new Map<WorkerSystem, SystemMeasurement>();
  for (const system of ['baseline', ...systems] as WorkerSystem[]) {
    opts.progress?.(`${system}: starting`);
    const m = await measureInChild({ dir, system, repeat }, opts.progress);
    checkSameTexts(m, set);
    measured.set(system, m);
  }

  const trawl = measured.get('trawl') as SystemMeasurement;
  const trawlRate = wordsPerSecond(set.words, trawl.ms ?? 0);
  const figures = systems.map((system): SystemFigures => {
    const m = measured.get(system) as SystemMeasurement;
    const rate = wordsPerSecond(set.words, m.ms ?? 0);
    return {
      system,
      ms: round(m.ms ?? 0, 2),
      wordsPerSecond: Math.round(rate),
      trawlRatio: rate > 0 ? round(trawlRate / rate, 2) : 0,
      peakRssMB: round(m.peakRssKB / 1024),
      firstPassRssMB: round((m.firstPassRssKB ?? 0) / 1024),
      heapPeakMB: round(m.heapPeakBytes / MB),
      heapAfterGcMB: round(m.heapAfterGcBytes / MB),
      found: m.found ?? 0,
      passesMs: (m.passesMs ?? []).map((ms) => round(ms, 2)),
      warmUpPasses: m.warmUp?.passes ?? 0,
      warmUpMs: Math.round(m.warmUp?.ms ?? 0),
      steady: m.warmUp?.steady ?? false,
      firstPassWordsPerSecond: Math.round(wordsPerSecond(set.words, m.warmUp?.firstPassMs ?? 0)),
    };
  });

  const longest = longestText(set.texts);
  if (!longest) throw new Error('no texts to measure');
  opts.progress?.('linearity: loading trawl');
  const run = await loadSystem('trawl');
  const rows = measureLinearity(longest, run, { repeat, onSize: (n) => opts.progress?.(`linearity: ${n} ${n === 1 ? 'copy' : 'copies'} of ${longest.source}`) });

  let hostile: HostileRow[] = [];
  if (opts.hostile !== false) {
    opts.progress?.('hostile inputs: loading trawl');
    const runHostile = await loadHostileRunner();
    hostile = measureHostile(runHostile, { onSize: (kind, chars) => opts.progress?.(`hostile inputs: ${kind}, ${chars} characters`) })
      .map((r) => ({ ...r, ms: round(r.ms, 1), usPerChar: round(r.usPerChar, 3), stages: r.stages.map((t) => ({ stage: t.stage, ms: round(t.ms, 1) })) }));
  }

  const baseline = measured.get('baseline') as SystemMeasurement;
  return {
    corpus: { dir, texts: set.texts.length, words: set.words, skipped: set.skipped },
    method: { statistic: 'median', timedPasses: repeat, warmUp: STEADY },
    systems: figures,
    baseline: { peakRssMB: round(baseline.peakRssKB / 1024), heapAfterGcMB: round(baseline.heapAfterGcBytes / MB) },
    stages: stageFigures(trawl, set.words),
    linearity: {
      source: longest.source,
      words: longest.words,
      rows: rows.map((r) => ({ ...r, ms: round(r.ms, 2), usPerWord: round(r.usPerWord, 2) })),
    },
    hostile,
  };
}
