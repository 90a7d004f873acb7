// "The lighter bombs were cleared for delivery in July" ... "Until January, the entire consignment,
// heavy and light bombs alike, had stayed frozen": a part released at one date while the whole,
// that part included, is said to be held until a later one. The hold must speak of the whole
// ("entire", "all", "alike") and share a noun with the release.
import type { Inconsistency } from '../../doc.js';
import { wordSet, type ConsistencyWords } from '../../lexicons.js';
import { spanOf, inTime, type SentenceView, type TimeInSentence } from './text-view.js';

const UNTIL = /^(until|till|through)\b/i;
/** How far the release word and its date may stand apart. */
const NEAR = 6;
const COMMON = new Set(['that', 'this', 'with', 'from', 'into', 'were', 'been', 'have', 'their', 'there', 'which', 'would', 'could', 'other', 'officials', 'said']);

interface Hold {
  s: SentenceView;
  word: number;
  until: TimeInSentence;
}

function holds(views: readonly SentenceView[], W: ConsistencyWords, text: string): Hold[] {
  const holdWords = wordSet(W.holdWords);
  const whole = wordSet(W.wholeWords);
  const out: Hold[] = [];
  for (const s of views) {
    const word = s.words.findIndex((w) => holdWords.has(w));
    if (word < 0 || !s.words.some((w) => whole.has(w))) continue;
    const until = s.times.find((t) => t.days && t.time.signal && UNTIL.test(text.slice(t.time.signal.start, t.time.signal.end)));
    if (until) out.push({ s, word, until });
  }
  return out;
}

/** Content words of a sentence outside its times: the nouns a release and a hold might share. */
const contentWords = (s: SentenceView): Set<string> => new Set(s.words.filter((w, i) => /^\p{Ll}{4,}$/u.test(w) && !COMMON.has(w) && !inTime(s, i)));

export function holdRelease(views: readonly SentenceView[], W: ConsistencyWords, text: string): Inconsistency[] {
  const release = wordSet(W.releaseWords);
  const hold = wordSet(W.holdWords);
  const whole = wordSet(W.wholeWords);
  const ignored = (x: string): boolean => hold.has(x) || release.has(x) || whole.has(x);
  const out: Inconsistency[] = [];
  for (const h of holds(views, W, text)) {
    const held = contentWords(h.s);
    const found = views.flatMap((s) => (s === h.s ? [] : s.words.map((w, i) => ({ s, w, i }))))
      .map(({ s, w, i }) => {
        if (!release.has(w)) return null;
        const t = s.times.find((x) => x.days && x.time.type === 'DATE' && Math.min(Math.abs(x.from - i), Math.abs(i - x.to)) <= NEAR);
        if (!t || t.days![1] >= h.until.days![0]) return null;
        const shared = [...contentWords(s)].filter((x) => held.has(x) && !ignored(x));
        return shared.length ? { s, w, i, t, shared } : null;
      })
      .find((x) => x !== null);
    if (!found) continue; // one note per hold is enough for a reader
    const { s, w, i, t, shared } = found;
    const sr = spanOf(s, Math.min(i, t.from), Math.max(i + 1, t.to));
    const sh = spanOf(h.s, Math.min(h.word, h.until.from), Math.max(h.word + 1, h.until.to));
    out.push({
      kind: 'timeline',
      spans: [sr, sh],
      reason: `The ${shared[0]} are said to be ${w} in ${t.time.value} ('${text.slice(sr.start, sr.end)}'), but the report also says all of them stayed held until ${h.until.time.value} ('${text.slice(sh.start, sh.end)}').`,
      stage: 'consistency',
      rule: 'held-after-release',
    });
  }
  return out;
}
