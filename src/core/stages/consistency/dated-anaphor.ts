// "the shipment, made last month" ... "the October delivery": a definite event noun dated by the
// month in front of it points back to an event the report has already dated. When every earlier
// dated event of that kind has another date, and the report names that month nowhere else, the
// two dates cannot both be the event's.
import type { Inconsistency } from '../../doc.js';
import { wordSet, type ConsistencyWords } from '../../lexicons.js';
import { clauseAround, clauseHas, spanOf, type SentenceView, type TimeInSentence, lookupNames } from './text-view.js';

const DETERMINERS = new Set(['the', 'this', 'that', 'its', 'their']);
/** Tokens that may stand between an event word and the time dating it ("the shipment, made last month"). */
const MAX_GAP = 3;
const REPORTING = new Set(['said', 'says', 'told', 'announced', 'reported', 'confirmed', 'added', 'noted', 'claimed', 'stated', 'wrote', 'denied']);
const BREAKS = new Set([';', ':', '.', '—', '–', '(', ')']);

interface Dated {
  s: SentenceView;
  word: number;
  kind: string;
  time: TimeInSentence;
}

const overlaps = (a: [number, number], b: [number, number]): boolean => a[0] <= b[1] && b[0] <= a[1];

/** Two datings agree when they share a day; months compare by their ISO month (weeks by their Thursday). */
function agree(a: TimeInSentence, b: TimeInSentence): boolean {
  if (a.month !== null && b.month !== null && a.days && b.days && a.days[1] - a.days[0] < 40 && b.days[1] - b.days[0] < 40) return a.month === b.month;
  return !!a.days && !!b.days && overlaps(a.days, b.days);
}

/** The dates attached to event words: a time right before the word, or a few tokens after it in the same clause. */
function datedEvents(views: readonly SentenceView[], W: ConsistencyWords): Dated[] {
  const out: Dated[] = [];
  const known = lookupNames(W.eventWords);
  for (const s of views) {
    s.words.forEach((w, i) => {
      const kind = known.has(w) ? W.eventWords[w] : undefined;
      if (!kind) return;
      for (const t of s.times) {
        if (!t.days) continue;
        const gap = t.from >= i + 1 ? [i + 1, t.from] : t.to <= i ? [t.to, i] : null;
        if (!gap || gap[1] - gap[0] > MAX_GAP) continue;
        const between = s.words.slice(gap[0], gap[1]);
        if (between.some((x) => BREAKS.has(x) || REPORTING.has(x) || (known.has(x) && W.eventWords[x]))) continue;
        out.push({ s, word: i, kind, time: t });
      }
    });
  }
  return out;
}

/** "the October delivery", "the entire May consignment": determiner, time, event noun. */
function isAnaphor(d: Dated): boolean {
  const { s, time, word } = d;
  if (time.to !== word) return false;
  let k = time.from - 1;
  while (k >= 0 && (s.words[k] === 'entire' || s.words[k] === 'whole')) k--;
  return k >= 0 && DETERMINERS.has(s.words[k]) && time.time.type === 'DATE';
}

export function datedAnaphors(views: readonly SentenceView[], W: ConsistencyWords, text: string): Inconsistency[] {
  const repeat = wordSet(W.repeatWords);
  const dated = datedEvents(views, W);
  const allTimes = views.flatMap((s) => s.times.filter((t) => t.days));
  const out: Inconsistency[] = [];
  for (const a of dated) {
    if (!isAnaphor(a) || clauseHas(a.s, clauseAround(a.s, a.word), repeat)) continue;
    const earlier = dated.filter((d) => d.kind === a.kind && d.time.time.start < a.time.time.start && d !== a);
    if (!earlier.length || earlier.some((d) => agree(d.time, a.time))) continue;
    // the month is named elsewhere: the anaphor may point at an event read there
    if (allTimes.some((t) => t !== a.time && agree(t, a.time))) continue;
    const d = earlier[earlier.length - 1];
    if (clauseHas(d.s, clauseAround(d.s, d.word), repeat)) continue;
    const first = spanOf(d.s, Math.min(d.word, d.time.from), Math.max(d.word + 1, d.time.to));
    const second = spanOf(a.s, a.time.from, a.word + 1);
    const quote = (x: { start: number; end: number }): string => `'${text.slice(x.start, x.end)}'`;
    out.push({
      kind: 'timeline',
      spans: [first, second],
      reason: `The report dates the ${d.s.words[d.word]} (${quote(first)}) to ${d.time.time.value}, but later refers back to it as ${quote(second)} (${a.time.time.value}), a date it gives for no other event.`,
      stage: 'consistency',
      rule: 'dated-anaphor',
    });
  }
  return out;
}
