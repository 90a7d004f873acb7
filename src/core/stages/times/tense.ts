// Which way a bare "December", "Monday" or "spring" points: news looks back, so the past is the
// default; a future word in the same clause ("will", "is due", "expects") turns it forward.
// The nearest cue before the expression wins; with none before it, the nearest after it.
import type { CompiledTimeWords } from './words.js';

/** `weak-past`: only a past participle around ('extended to Nov. 16'), which may still point ahead. */
export type Direction = 'future' | 'weak-future' | 'past' | 'weak-past' | null;

const CLAUSE_BREAK = new Set([';', ':', '—', '–', '"', '“', '”']);
const LOOK = 20;

function cueAt(w: readonly string[], t: readonly string[], i: number, W: CompiledTimeWords): Direction {
  const s = w[i];
  if (s === 'may' && t[i] !== 'may') return null; // the month, not the modal
  if (/['’]ll$/.test(s)) return 'future';
  if (W.futureCues.at(w, i, w.length)) return 'future';
  if (W.weakFuture.at(w, i, w.length)) return 'weak-future';
  if (W.pastCues.has(s)) return 'past';
  return null;
}

/** A past participle or past form ("arrived", "sold"): weaker than an auxiliary, which may govern it ("will have arrived"). */
const pastForm = (s: string, W: CompiledTimeWords): boolean => (s.length > 4 && /ed$/.test(s) && !/eed$/.test(s)) || W.irregularPast.has(s);

// A deadline ("extended to Nov. 16", "until Dec. 7") may lie ahead even in a past clause.
const DEADLINE = new Set(['until', 'till', 'to', 'through', 'by', 'before']);

/** The direction of the clause around tokens [start, end) of a sentence's lowercase words. */
export function directionAround(v: { w: readonly string[]; t: readonly string[] }, start: number, end: number, W: CompiledTimeWords): Direction {
  const d = clauseDirection(v, start, end, W);
  return d === 'past' && DEADLINE.has(v.w[start - 1]) ? 'weak-past' : d;
}

function clauseDirection(v: { w: readonly string[]; t: readonly string[] }, start: number, end: number, W: CompiledTimeWords): Direction {
  const before = directionBefore(v, start, W);
  return before === undefined ? directionAfter(v, end, W) : before;
}

/** The nearest cue before the expression in its clause; undefined when there is none (null: a present that leaves it open). */
export function directionBefore(v: { w: readonly string[]; t: readonly string[] }, start: number, W: CompiledTimeWords): Direction | undefined {
  const { w, t } = v;
  // "is scheduled to close Monday": an infinitive looks ahead, but a stronger cue before it still decides
  let infinitive = false;
  const found = (d: Direction): Direction => (infinitive && d !== 'future' ? 'weak-future' : d);
  for (let i = start - 1; i >= 0 && i >= start - LOOK; i--) {
    if (CLAUSE_BREAK.has(w[i])) break;
    const d = cueAt(w, t, i, W);
    if (d) return found(d);
    // "if elected in November": a condition still to be met
    if (pastForm(w[i], W) && CONDITIONS.has(w[i - 1])) return 'future';
    // "it is calling for the redemption on Dec. 7": a present nearer than any past leaves the choice to the calendar
    if (PRESENT_AUX.has(w[i])) return infinitive ? 'weak-future' : null;
    // "subpoenaed him to testify on Feb. 10": an infinitive of purpose looks ahead from the past verb
    if (w[i] === 'to' && i + 1 < start && /^\p{Ll}+$/u.test(t[i + 1]) && !NOT_VERBS.has(w[i + 1])) {
      infinitive = true;
      continue;
    }
    // a simple past ("Cuba predicted Wednesday") decides; a participle ("will have arrived",
    // "was extended") leaves it to its auxiliary
    if (pastForm(w[i], W) && !AUXILIARIES.has(w[i - 1])) return found('past');
  }
  return infinitive ? 'weak-future' : undefined;
}

/** The first word after the expression that makes its clause plan or expect ("plans", "planned"), if any. */
export function planWordAfter(v: { w: readonly string[]; t: readonly string[] }, end: number, W: CompiledTimeWords): string | undefined {
  for (let i = end; i < v.w.length && i < end + LOOK; i++) {
    if (CLAUSE_BREAK.has(v.w[i]) || v.w[i] === '.') return undefined;
    if (W.weakFuture.at(v.w, i, v.w.length)) return v.w[i];
  }
  return undefined;
}

function directionAfter(v: { w: readonly string[]; t: readonly string[] }, end: number, W: CompiledTimeWords): Direction {
  const { w, t } = v;
  for (let i = end; i < w.length && i < end + LOOK; i++) {
    if (CLAUSE_BREAK.has(w[i]) || w[i] === '.') break;
    const d = cueAt(w, t, i, W);
    if (d) return d;
    if (pastForm(w[i], W)) return 'weak-past';
  }
  return null;
}

const CONDITIONS = new Set(['if', 'unless', 'once']);
const PRESENT_AUX = new Set(['is', 'are', 'am']);
// Words after "to" that make it a preposition ("to the front", "to work"), not an infinitive.
const NOT_VERBS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'this', 'that', 'these', 'those', 'some', 'work', 'date', 'power', 'office', 'court', 'market', 'school', 'war', 'sea', 'port', 'shore', 'land', 'trial', 'justice', 'death', 'life', 'about', 'around', 'nearly', 'almost', 'over', 'under', 'more', 'less', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'zero', 'record', 'levels', 'prices']);

const AUXILIARIES = new Set(['have', 'has', 'had', 'be', 'been', 'being', 'was', 'were', 'is', 'are', 'am', "'s", '’s', 'get', 'got']);
