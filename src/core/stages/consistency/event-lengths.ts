// "It stayed for three days" ... "the week-long stay": one event given two lengths that do not fit
// each other. The later mention must point back ("the", "its") and neither length may be hedged
// ("roughly nine months"); a repeat word ("another visit") makes them two events.
import type { Inconsistency } from '../../doc.js';
import { wordSet, type ConsistencyWords } from '../../lexicons.js';
import { clauseAround, clauseHas, readableDuration, spanOf, type SentenceView, type TimeInSentence, lookupNames } from './text-view.js';

/** Lengths further apart than this factor cannot both describe one event. */
const FACTOR = 1.5;
const DEFINITE = new Set(['the', 'its', 'their', 'this', 'that', 'his', 'her']);
/** Kinds of event that last: a delivery has a date, not a length. */
const LASTING = new Set(['stay', 'visit', 'voyage', 'hold', 'blockade', 'ceasefire', 'talks', 'exercise', 'deployment', 'detention', 'strike', 'outage']);

interface Length {
  s: SentenceView;
  word: number;
  kind: string;
  time: TimeInSentence;
  definite: boolean;
}

/** "the week-long stay", "a three-day visit", "a stay of three days", "stayed for three days". */
function lengths(views: readonly SentenceView[], W: ConsistencyWords): Length[] {
  const out: Length[] = [];
  const known = lookupNames(W.eventWords);
  for (const s of views) {
    s.words.forEach((w, i) => {
      const kind = known.has(w) ? W.eventWords[w] : undefined;
      if (!kind || !LASTING.has(kind)) return;
      for (const t of s.times) {
        if (t.lengthDays === null || t.time.mod) continue;
        const before = t.to === i; // "the week-long stay"
        const of = t.from === i + 2 && (s.words[i + 1] === 'of' || s.words[i + 1] === 'for'); // "a stay of three days", "stayed for three days"
        if (!before && !of) continue;
        const det = s.words[(before ? t.from : i) - 1];
        out.push({ s, word: i, kind, time: t, definite: DEFINITE.has(det) });
      }
    });
  }
  return out;
}

export function eventLengths(views: readonly SentenceView[], W: ConsistencyWords, text: string): Inconsistency[] {
  const repeat = wordSet(W.repeatWords);
  const list = lengths(views, W);
  const out: Inconsistency[] = [];
  list.forEach((b, k) => {
    if (!b.definite || clauseHas(b.s, clauseAround(b.s, b.word), repeat)) return;
    const a = list.slice(0, k).reverse().find((x) => x.kind === b.kind);
    if (!a || clauseHas(a.s, clauseAround(a.s, a.word), repeat)) return;
    const [x, y] = [a.time.lengthDays!, b.time.lengthDays!];
    if (Math.max(x, y) / Math.min(x, y) < FACTOR) return;
    const sa = spanOf(a.s, Math.min(a.word, a.time.from), Math.max(a.word + 1, a.time.to));
    const sb = spanOf(b.s, Math.min(b.word, b.time.from), Math.max(b.word + 1, b.time.to));
    out.push({
      kind: 'timeline',
      spans: [sa, sb],
      reason: `The same ${b.kind} is said to last ${readableDuration(a.time.time.value!)} ('${text.slice(sa.start, sa.end)}') and, referring back to it, ${readableDuration(b.time.time.value!)} ('${text.slice(sb.start, sb.end)}').`,
      stage: 'consistency',
      rule: 'event-length',
    });
  });
  return out;
}
