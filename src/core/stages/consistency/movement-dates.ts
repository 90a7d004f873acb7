// "docked in Astrakhan six days later" (March 14) ... "after reaching Astrakhan on March 12": one
// arrival at (or departure from) one place, dated to two different days. A repeat ("again", "a
// second voyage") or two different named vessels make them two movements, and are left alone.
import type { Inconsistency } from '../../doc.js';
import { wordSet, type ConsistencyWords } from '../../lexicons.js';
import { clauseAround, clauseHas, spanOf, type SentenceView, type TimeInSentence, lookupNames } from './text-view.js';

const PREPOSITIONS = new Set(['in', 'at', 'into', 'from', 'to', 'off']);
/** How far from the place a day may stand and still date the movement. */
const NEAR = 4;

interface Movement {
  s: SentenceView;
  verb: number;
  kind: string;
  place: string;
  placeEnd: number;
  placeSpan: { start: number; end: number };
  time: TimeInSentence;
}

/** A capitalized name right after the verb (and its preposition): "Astrakhan", "Bandar Amirabad". */
function placeAfter(s: SentenceView, i: number): [number, number] | null {
  let j = i + 1;
  if (PREPOSITIONS.has(s.words[j])) j++;
  if (s.words[j] === 'the') j++;
  let k = j;
  while (k < s.raw.length && /^\p{Lu}[\p{L}-]*$/u.test(s.raw[k])) k++;
  return k > j ? [j, k] : null;
}

function movements(views: readonly SentenceView[], W: ConsistencyWords): Movement[] {
  const out: Movement[] = [];
  const known = lookupNames(W.movementVerbs);
  for (const s of views) {
    s.words.forEach((w, i) => {
      const kind = known.has(w) ? W.movementVerbs[w] : undefined;
      if (!kind) return;
      const place = placeAfter(s, i);
      if (!place) return;
      const [a, b] = clauseAround(s, i);
      // the day of the movement: in its clause, just after the place or just before the verb
      const days = s.times.filter((t) => t.days && t.days[0] === t.days[1] && t.from >= a && t.to <= Math.max(b, place[1]) && (t.from >= place[1] ? t.from - place[1] <= NEAR : i - t.to <= NEAR));
      if (days.length !== 1) return;
      out.push({ s, verb: i, kind, place: s.words.slice(place[0], place[1]).join(' '), placeEnd: place[1], placeSpan: spanOf(s, place[0], place[1]), time: days[0] });
    });
  }
  return out;
}

export function movementDates(views: readonly SentenceView[], W: ConsistencyWords, text: string): Inconsistency[] {
  const repeat = wordSet(W.repeatWords);
  const list = movements(views, W);
  const out: Inconsistency[] = [];
  const seen = new Set<string>();
  list.forEach((b, k) => {
    for (const a of list.slice(0, k)) {
      if (a.kind !== b.kind || a.place !== b.place || a.s === b.s || a.time.days![0] === b.time.days![0]) continue;
      if (a.s.vessels.size && b.s.vessels.size && ![...a.s.vessels].some((v) => b.s.vessels.has(v))) continue;
      if (clauseHas(a.s, clauseAround(a.s, a.verb), repeat) || clauseHas(b.s, clauseAround(b.s, b.verb), repeat)) continue;
      const key = `${a.kind} ${a.place}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const sa = spanOf(a.s, Math.min(a.verb, a.time.from), Math.max(a.placeEnd, a.time.to));
      const sb = spanOf(b.s, Math.min(b.verb, b.time.from), Math.max(b.placeEnd, b.time.to));
      const what = a.kind === 'arrive' ? 'arrival at' : 'departure from';
      out.push({
        kind: 'timeline',
        spans: [sa, sb],
        reason: `The ${what} ${text.slice(a.placeSpan.start, a.placeSpan.end)} is dated ${a.time.time.value} ('${text.slice(sa.start, sa.end)}') and ${b.time.time.value} ('${text.slice(sb.start, sb.end)}'), and nothing marks a second ${a.kind === 'arrive' ? 'arrival' : 'departure'}.`,
        stage: 'consistency',
        rule: 'movement-dated-twice',
      });
    }
  });
  return out;
}
