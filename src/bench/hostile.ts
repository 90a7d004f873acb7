// Times the whole pipeline on hostile inputs (src/bench/hostile-texts.ts) at 1/4, 1/2 and the full
// size: microseconds per character staying flat from row to row means time grows linearly.
// One timed pass per size: the full sizes take seconds each, long enough to time well.
import type { StageTiming } from '../core/pipeline.js';
import { WARM_UP_MS, warmUp } from './measure.js';
import { HOSTILE_FRACTIONS, HOSTILE_SIZES, hostileText, type HostileKind } from './hostile-texts.js';

export interface HostileRow {
  kind: HostileKind;
  fraction: number;
  chars: number;
  ms: number;
  usPerChar: number;
  /** What the pipeline found, direct quotations among the attributions: proof it did the work being timed. */
  direct: number;
  attributions: number;
  /** Each stage's share of the pass, so a stage that grows faster than the text shows itself. */
  stages: StageTiming[];
}

/** Runs the whole pipeline on a text; says what it found. */
export type HostileRunner = (text: string) => { direct: number; attributions: number; stages: StageTiming[] };

export interface HostileOptions {
  sizes?: Readonly<Record<HostileKind, number>>;
  fractions?: readonly number[];
  warmUpMs?: number;
  onSize?: (kind: HostileKind, chars: number) => void;
}

export function measureHostile(run: HostileRunner, opts: HostileOptions = {}): HostileRow[] {
  const { sizes = HOSTILE_SIZES, fractions = HOSTILE_FRACTIONS, warmUpMs = WARM_UP_MS } = opts;
  const rows: HostileRow[] = [];
  for (const kind of Object.keys(sizes) as HostileKind[]) {
    // Warm up on a small piece of the same input, so the first row does not pay for compiling.
    const piece = hostileText(kind, Math.min(20_000, sizes[kind]));
    warmUp(() => run(piece), warmUpMs);
    for (const fraction of fractions) {
      const text = hostileText(kind, Math.round(sizes[kind] * fraction));
      opts.onSize?.(kind, text.length);
      const t0 = performance.now();
      const found = run(text);
      const ms = performance.now() - t0;
      rows.push({ kind, fraction, chars: text.length, ms, usPerChar: (ms * 1000) / Math.max(1, text.length), ...found });
    }
  }
  return rows;
}

/** trawl's pipeline with the bundled lexicons, loaded when the bench gets here. */
export async function loadHostileRunner(): Promise<HostileRunner> {
  const { runPipeline } = await import('../core/pipeline.js');
  const { loadLexicons } = await import('../node/lexicons.js');
  const lexicons = loadLexicons();
  return (text) => {
    const { doc, timings } = runPipeline(text, null, { lexicons });
    const attributions = doc.layers.attributions?.attributions ?? [];
    return { direct: attributions.filter((a) => a.kind === 'direct').length, attributions: attributions.length, stages: timings };
  };
}
