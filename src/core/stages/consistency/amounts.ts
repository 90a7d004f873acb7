// Two statements of one flow (same sender, receiver, category, source and stance, over the same
// period, in the same unit) whose exact amounts cannot both be true: "3,000 shells" and "12,000
// shells" for one delivery. A figure given as a revision or a change ("up from", "revised",
// "tripled") stands beside the old one, and hedged or vague amounts are not compared. A part or
// another instance of a flow ("the first 10 tanks" of "180 tanks") is no second figure for it.
import type { AnnotatedDoc, Inconsistency, Transfer } from '../../doc.js';
import type { ConsistencyWords } from '../../lexicons.js';
import { phrases, type Phrases } from '../times/words.js';
import { lowerBound } from '../../search.js';

/** How far "about 3,000" may stretch either way before another figure contradicts it. */
const APPROX = 0.25;
const STOP = new Set(['the', 'of', 'and', 'a', 'an', 'more', 'than', 'over', 'about', 'some', 'its', 'their', 'other']);

type Bounds = [number, number];

function bounds(q: NonNullable<Transfer['quantity']>): Bounds | null {
  if (q.change) return null;
  let lo = q.value ?? q.min ?? -Infinity;
  let hi = q.value ?? q.max ?? Infinity;
  if (lo === -Infinity && hi === Infinity) return null;
  if (q.approx) [lo, hi] = [lo * (1 - APPROX), hi * (1 + APPROX)];
  return [lo, hi];
}

const sameFlow = (a: Transfer, b: Transfer): boolean =>
  a.from === b.from && a.to === b.to && a.category === b.category && a.source === b.source && a.status === b.status && a.since === b.since && a.until === b.until && a.quantity?.unit === b.quantity?.unit;

/** The flows name the same thing: their items share a content word ("artillery shells", "shells"). */
function sameItem(a: Transfer, b: Transfer, words: (t: Transfer) => ReadonlySet<string>): boolean {
  const wa = words(a);
  return [...words(b)].some((w) => wa.has(w));
}

const itemWords = (t: Transfer): Set<string> => new Set(t.item.toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length > 2 && !STOP.has(w)));

const revisionPhrases = new WeakMap<readonly string[], Phrases<true>>();

/** Computes f once per argument. */
function once<K, V>(f: (k: K) => V): (k: K) => V {
  const memo = new Map<K, V>();
  return (k) => {
    if (memo.has(k)) return memo.get(k) as V;
    const v = f(k);
    memo.set(k, v);
    return v;
  };
}

export function amountConflicts(doc: AnnotatedDoc, W: ConsistencyWords): Inconsistency[] {
  const transfers = (doc.layers.transfers?.transfers ?? []).filter((t) => t.quantity && t.spans.length);
  let revision = revisionPhrases.get(W.revisionWords);
  if (!revision) revisionPhrases.set(W.revisionWords, (revision = phrases(W.revisionWords.map((w): [string, true] => [w, true]))));
  const rev = revision;
  // a statement that revises or compares figures lets both stand; the sentence around the flow
  // counts, since "…, up from its earlier estimate" may follow the claim itself
  const sentences = doc.layers.segments?.sentences ?? [];
  // the first sentence holding the span (ends grow with starts, so a binary search finds it)
  const sentenceOf = (s: { start: number; end: number }) => {
    const i = lowerBound(sentences, s.end, (x) => x.end + 1);
    return i < sentences.length && sentences[i].start <= s.start ? sentences[i] : s;
  };
  // by sentence: a flow is stated in many spans, most of them in sentences other flows share
  const revisingSentences = new Map<{ start: number; end: number }, boolean>();
  const sentenceRevises = (s: { start: number; end: number }): boolean => {
    let found = revisingSentences.get(s);
    if (found === undefined) {
      const words = doc.text.slice(s.start, s.end).toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);
      found = words.some((_, i) => rev.at(words, i, words.length));
      revisingSentences.set(s, found);
    }
    return found;
  };
  const revises = once((t: Transfer): boolean => t.spans.some((span) => sentenceRevises(sentenceOf(span))));
  const words = once(itemWords);
  const repeat = new Set(W.repeatWords);
  const part = once((t: Transfer): boolean => t.item.toLowerCase().split(/[^\p{L}]+/u).some((w) => repeat.has(w)));
  const out: Inconsistency[] = [];
  transfers.forEach((b, k) => {
    const bb = bounds(b.quantity!);
    if (!bb || revises(b) || part(b)) return;
    const a = transfers.slice(0, k).find((x) => {
      const ab = bounds(x.quantity!);
      return ab && sameFlow(x, b) && sameItem(x, b, words) && !revises(x) && !part(x) && (ab[1] < bb[0] || bb[1] < ab[0]) && x.spans[0].start !== b.spans[0].start;
    });
    if (!a) return;
    const quote = (t: Transfer) => `'${t.quantity!.text}'`;
    out.push({
      kind: 'amount',
      spans: [a.spans[0], b.spans[0]],
      reason: `The same flow (${a.category} from ${a.from} to ${a.to}, on the same source's word) is given as ${quote(a)} and as ${quote(b)}, and neither figure is presented as a revision or a change.`,
      stage: 'consistency',
      rule: 'amounts-disagree',
    });
  });
  return out;
}
