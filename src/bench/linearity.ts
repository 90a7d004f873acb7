// Does time grow with the text and no faster? The pipeline on 1, 10 and 100 copies of one report:
// constant microseconds per word across the rows means linear time.
import type { Runner } from './systems.js';
import { medianPass, STEADY, warmUpUntilSteady, type SteadyRule } from './measure.js';
import { countWords, repeatText, type BenchText } from './texts.js';

export interface LinearityRow {
  copies: number;
  words: number;
  ms: number;
  usPerWord: number;
  /** Timed passes taken: more than asked for a short text (one pass is too short to time well), fewer when a size ran past the budget. */
  passes: number;
}

export const LINEARITY_COPIES = [1, 10, 100] as const;

export interface LinearityOptions {
  repeat: number;
  copies?: readonly number[];
  /** Keep repeating a size until its passes took this long, so a 5 ms run is not timed from three samples. */
  minMs?: number;
  /** Stop repeating a size once its passes took this long: a superlinear stage must not stall the bench. */
  budgetMs?: number;
  onSize?: (copies: number) => void;
  /** How warm-up on the single report ends (default STEADY, as for the systems). */
  steady?: SteadyRule;
}

export function measureLinearity(report: BenchText, run: Runner, opts: LinearityOptions): LinearityRow[] {
  const { repeat, copies = LINEARITY_COPIES, minMs = 250, budgetMs = 15_000 } = opts;
  // Without a warm-up long enough for the JIT, the first row runs half-compiled code and looks
  // slower per word than the later ones: sublinear time that is not there.
  warmUpUntilSteady(() => run(report), opts.steady ?? STEADY);
  return copies.map((n) => {
    opts.onSize?.(n);
    const repeated = repeatText(report.text, n);
    const text: BenchText = { ...report, text: repeated, words: countWords(repeated) };
    const passes: { ms: number }[] = [];
    let spent = 0;
    const more = () => (passes.length < repeat || spent < minMs) && passes.length < 1000;
    while (passes.length === 0 || (more() && spent < budgetMs)) {
      const t0 = performance.now();
      run(text);
      const ms = performance.now() - t0;
      passes.push({ ms });
      spent += ms;
    }
    const { ms } = medianPass(passes);
    return { copies: n, words: text.words, ms, usPerWord: (ms * 1000) / text.words, passes: passes.length };
  });
}
