// Times: time expressions and their TIMEX3 values ("last June" → 2024-06, "eight months" → P8M,
// "six days later" → the day six days after the one the narrative last named). Recognition runs
// sentence by sentence over the segment tokens; resolution runs in text order, so an anaphoric
// expression can count from the times before it. Spans follow corpus/dev/NOTES.md: "on", "since",
// "until" and "as of" stay in the span (recorded as the TimeML signal), "in", "by", "within" do not.
import { requireLayer, withLayer, type AnnotatedDoc, type TimeExpr } from '../../doc.js';
import type { Stage, StageContext } from '../../pipeline.js';
import { parseDay } from './calendar.js';
import { recognizeAt, type View } from './recognize.js';
import { resolve, type Mentioned } from './resolve.js';
import type { Found } from './sem.js';
import { directionAround } from './tense.js';
import { compileTimeWords, type CompiledTimeWords } from './words.js';

const STAGE = 'times';

interface Hit {
  found: Found;
  /** Token indexes in the sentence: the signal (if any) starts at `from`, the expression at `core`. */
  from: number;
  core: number;
}

/** The expressions of one sentence, left to right, longest first at each token. */
export function recognizeSentence(v: View, W: CompiledTimeWords): Hit[] {
  const hits: Hit[] = [];
  let i = 0;
  while (i < v.w.length) {
    const sig = W.signals.at(v.w, i, v.w.length);
    if (sig) {
      const f = recognizeAt(v, i + sig.length, W);
      // "on Tuesday's report": the preposition belongs to the noun, not to the time
      const possessive = f !== null && /^['’]s$/.test(v.w[f.end - 1]);
      if (f && f.sem.k !== 'duration' && f.sem.k !== 'set' && !possessive) {
        hits.push({ found: f, from: i, core: i + sig.length });
        i = f.end;
        continue;
      }
    }
    const f = recognizeAt(v, i, W);
    if (f) {
      hits.push({ found: f, from: i, core: i });
      i = f.end;
    } else i++;
  }
  return hits;
}

function run(doc: AnnotatedDoc, ctx: StageContext): AnnotatedDoc {
  const { tokens, sentences } = requireLayer(doc, 'segments', STAGE);
  const W = compileTimeWords(ctx.lexicons.times);
  const ref = doc.published ? parseDay(doc.published) : null;
  const times: TimeExpr[] = [];
  const history: Mentioned[] = [];
  for (const s of sentences) {
    const toks = tokens.slice(s.tokenStart, s.tokenEnd);
    const v: View = { t: toks.map((t) => t.text), w: toks.map((t) => t.text.toLowerCase()) };
    for (const hit of recognizeSentence(v, W)) {
      const f = hit.found;
      const dir = directionAround(v, hit.core, f.end, W);
      const start = toks[hit.from].start;
      const r = resolve(f.sem, { ref, dir, history, at: start });
      const end = toks[f.end - 1].end;
      const item: TimeExpr = {
        start,
        end,
        type: r.type,
        value: r.value,
        stage: STAGE,
        rule: f.rule,
        ...(f.mod ? { mod: f.mod } : {}),
        ...(hit.from < hit.core ? { signal: { start, end: toks[hit.core - 1].end } } : {}),
        ...(r.anchor && f.sem.k !== 'abs' ? { anchor: r.anchor } : {}),
      };
      times.push(item);
      if (r.point && r.value) history.push({ point: r.point, start, end, value: r.value, ...(r.derived ? { derived: true } : {}) });
      ctx.trace?.({ stage: STAGE, rule: f.rule, start, end, action: `${r.type} ${r.value ?? 'unresolved'}` });
    }
  }
  return withLayer(doc, 'times', { times });
}

export const timesStage: Stage = { name: STAGE, run };
