// Times: time expressions and their TIMEX3 values ("last June" → 2024-06, "eight months" → P8M,
// "six days later" → the day six days after the one the narrative last named). Recognition runs
// sentence by sentence over the segment tokens; resolution runs in text order, so an anaphoric
// expression can count from the times before it. Spans follow corpus/dev/NOTES.md: "on", "since",
// "until" and "as of" stay in the span (recorded as the TimeML signal), "in", "by", "within" do not.
import { requireLayer, withLayer, type AnnotatedDoc, type Segments, type Span, type TimeExpr } from '../../doc.js';
import type { Stage, StageContext } from '../../pipeline.js';
import { parseDay, type Day } from './calendar.js';
import { mayStartTime, recognizeAt, type View } from './recognize.js';
import { historyOf, resolve, type History, type Mentioned, type Resolution } from './resolve.js';
import type { Found } from './sem.js';
import { directionAround, directionBefore, planWordAfter, type Direction } from './tense.js';
import { compileTimeWords, type CompiledTimeWords } from './words.js';
import { lowerWordsOf } from '../segment/lower.js';

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
    if (!mayStartTime(v.w[i], W)) {
      i++;
      continue;
    }
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

/** A recognized expression in text order, with what resolving it needs. */
export interface Recognized {
  found: Found;
  /** Offsets of the whole span (signal included) and of the expression after the signal. */
  start: number;
  end: number;
  core: number;
  signal?: { start: number; end: number };
  sentence: number;
  /** The sentence's words, their spans, and the expression's token range in it, for tense and context. */
  v: View;
  toks: readonly Span[];
  from: number;
  to: number;
  dir: Direction;
}

// The dating stage and this one both read a document's expressions: recognized once per segmentation.
const recognized = new WeakMap<object, WeakMap<CompiledTimeWords, Recognized[]>>();

/** Every time expression of a document, sentence by sentence, left to right. */
export function recognizeDoc(doc: AnnotatedDoc, W: CompiledTimeWords, stage = STAGE): readonly Recognized[] {
  const segments = requireLayer(doc, 'segments', stage);
  const byWords = recognized.get(segments) ?? new WeakMap<CompiledTimeWords, Recognized[]>();
  recognized.set(segments, byWords);
  const hit = byWords.get(W);
  if (hit) return hit;
  const out = recognizeSegments(segments, W);
  byWords.set(W, out);
  return out;
}

function recognizeSegments({ tokens, sentences }: Segments, W: CompiledTimeWords): Recognized[] {
  const out: Recognized[] = [];
  const lower = lowerWordsOf(tokens);
  sentences.forEach((s, si) => {
    const toks = tokens.slice(s.tokenStart, s.tokenEnd);
    const v: View = { t: toks.map((t) => t.text), w: lower.slice(s.tokenStart, s.tokenEnd) };
    for (const hit of recognizeSentence(v, W)) {
      const start = toks[hit.from].start;
      out.push({
        found: hit.found,
        start,
        end: toks[hit.found.end - 1].end,
        core: toks[hit.core].start,
        ...(hit.from < hit.core ? { signal: { start, end: toks[hit.core - 1].end } } : {}),
        sentence: si,
        v,
        toks,
        from: hit.core,
        to: hit.found.end,
        dir: weekdayPlan(v, hit, directionAround(v, hit.core, hit.found.end, W), W),
      });
    }
  });
  return out;
}

/**
 * A weekday in a clause that plans ("planned to leave on Thursday") lies ahead, but not one named
 * by its possessive ("would appeal Wednesday's ruling") or standing before the plan ("On Friday,
 * the government planned to pay"): those days are past.
 */
function weekdayPlan(v: View, hit: Hit, dir: Direction, W: CompiledTimeWords): Direction {
  const weekday = hit.found.sem.k === 'weekday';
  // "postponed until Tuesday": a deadline set on a weekday lies ahead
  if (weekday && (v.w[hit.core - 1] === 'until' || v.w[hit.core - 1] === 'till')) return 'future';
  if (dir !== 'weak-future') return dir;
  if (/^['’]s$/.test(v.w[hit.found.end - 1] ?? '')) return null;
  if (!weekday || directionBefore(v, hit.core, W) === 'weak-future') return dir;
  // "On Friday, the government planned to pay": the plan was made then; "On Tuesday, the league plans to ..." still lies ahead
  return /ed$/.test(planWordAfter(v, hit.found.end, W) ?? '') ? null : dir;
}

/** Resolves the expressions in text order against a reference day, each anaphoric one counting from those before it. */
export function resolveInOrder(items: readonly Recognized[], ref: Day | null): Resolution[] {
  const mentions: Mentioned[] = [];
  const history = historyOf(mentions);
  return items.map((it) => {
    const r = resolve(it.found.sem, { ref, dir: it.dir, history, at: it.start });
    const m = mentionOf(it, r);
    if (m) mentions.push(m);
    return r;
  });
}

/** The mention a resolved expression adds to the narrative's times, if it resolved to a point. */
function mentionOf(it: Recognized, r: Resolution): Mentioned | null {
  return r.point && r.value ? { point: r.point, start: it.start, end: it.end, value: r.value, ...(r.derived ? { derived: true } : {}) } : null;
}

/** The resolution of any one expression against a reference day, as resolveInOrder would give it. */
export interface OnDemand {
  at(item: number): Resolution;
}

/** Past this many expressions resolved inside one another, the rest are worked forward instead (no deep call stacks). */
const MAX_NESTING = 200;

/**
 * Resolves an expression when asked, working out only the earlier ones its resolution reads
 * (newest first, each once), not the whole text before it: the dating stage asks for a few
 * expressions under each of a hundred or more candidate months. `known[k]`, when given, is
 * expression k's resolution for any reference day, taken as it is.
 */
export function onDemand(items: readonly Recognized[], ref: Day | null, known?: readonly (Resolution | undefined)[]): OnDemand {
  // Maps, not arrays of the text's length: a month searched touches a few expressions of a long report.
  const done = new Map<number, Resolution>();
  const mentions = new Map<number, Mentioned | null>();
  /** Every expression before this one is resolved. */
  let prefix = 0;
  let nesting = 0;
  const before = (k: number): History => ({
    findBack(test, endsAfter = -Infinity) {
      for (let j = k - 1; j >= 0 && items[j].end > endsAfter; j--) {
        if (!done.has(j)) resolveAt(j);
        const m = mentions.get(j);
        if (m && test(m)) return m;
      }
      return undefined;
    },
  });
  function resolveAt(k: number): Resolution {
    const had = done.get(k);
    if (had) return had;
    if (nesting >= MAX_NESTING) {
      // a long chain of expressions each counted from the one before: resolve forward from the first
      // one not yet done, so that each looks back only at resolved ones
      for (; prefix < k; prefix++) if (!done.has(prefix)) resolveAt(prefix);
    }
    nesting++;
    const it = items[k];
    const r = known?.[k] ?? resolve(it.found.sem, { ref, dir: it.dir, history: before(k), at: it.start });
    nesting--;
    done.set(k, r);
    mentions.set(k, mentionOf(it, r));
    return r;
  }
  return { at: resolveAt };
}

function run(doc: AnnotatedDoc, ctx: StageContext): AnnotatedDoc {
  const W = compileTimeWords(ctx.lexicons.times);
  // an undated report's relative times count from the dating stage's estimate, and say so
  const estimate = doc.published ? null : doc.layers.dating?.estimate?.value ?? null;
  const refIso = doc.published ?? estimate;
  const ref = refIso ? parseDay(refIso) : null;
  const items = recognizeDoc(doc, W);
  const resolved = resolveInOrder(items, ref);
  const estimatedAt = new Set<number>();
  const times: TimeExpr[] = items.map((it, k) => {
    const f = it.found;
    const r = resolved[k];
    const anchor = r.anchor && f.sem.k !== 'abs' ? r.anchor : undefined;
    const estimated = estimate !== null && anchor !== undefined && (anchor.kind === 'published' || estimatedAt.has(anchor.start));
    if (estimated) estimatedAt.add(it.start);
    ctx.trace?.({ stage: STAGE, rule: f.rule, start: it.start, end: it.end, action: `${r.type} ${r.value ?? 'unresolved'}${estimated ? ' (estimated date)' : ''}` });
    return {
      start: it.start,
      end: it.end,
      type: r.type,
      value: r.value,
      stage: STAGE,
      rule: f.rule,
      ...(f.mod ? { mod: f.mod } : {}),
      ...(it.signal ? { signal: it.signal } : {}),
      ...(anchor ? { anchor } : {}),
      ...(estimated ? { estimated } : {}),
    };
  });
  return withLayer(doc, 'times', { times });
}

export const timesStage: Stage = { name: STAGE, run };
