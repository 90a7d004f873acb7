// Changes, as a factor on the earlier amount: "nearly tripled" → 3 approx, "rose 40%" → 1.4,
// "fell by three-quarters" → 0.25, "more than seven times the level" → 7, "about tenfold" → 10,
// "a 15 percent increase" → 1.15. Hedges make the factor approximate; "more than" does not
// (corpus/dev/NOTES.md).
import type { QuantityLead } from '../../lexicons.js';
import { readNumber } from './numbers.js';
import { tidy, type ChangeKind, type Draft, type View } from './view.js';
import type { CompiledQuantityWords } from './words.js';

/** A hedge or lower bound before a change: "nearly", "more than". */
function hedgeAt(v: View, i: number, W: CompiledQuantityWords): { approx: boolean; end: number } {
  const l = W.leads.match(v.w, i);
  const ok = (k: QuantityLead | undefined): boolean => k === 'approx' || k === 'min';
  return l && ok(l.value) ? { approx: l.value === 'approx', end: i + l.length } : { approx: false, end: i };
}

/** "tenfold", "ten-fold", "10-fold", "threefold". */
function foldAt(v: View, i: number, W: CompiledQuantityWords): number | null {
  const s = v.w[i];
  if (s === undefined || !s.endsWith('fold') || s.length > 24) return null;
  const stem = s.slice(0, s.endsWith('-fold') ? -5 : -4);
  const n = W.numbers.get(stem) ?? (/^\d+(?:\.\d+)?$/.test(stem) ? Number(stem) : null);
  return n !== null && n > 1 ? n : null;
}

function percentAt(v: View, i: number, W: CompiledQuantityWords): { p: number; end: number } | null {
  const n = readNumber(v, i, W);
  if (!n || n.mult) return null;
  const u = W.units.match(v.w, n.end);
  return u && u.value === 'percent' ? { p: n.value, end: n.end + u.length } : null;
}

const draft = (from: number, to: number, factor: number, approx: boolean, kind: ChangeKind, rule: string): Draft => ({
  from,
  to,
  value: null,
  min: null,
  max: null,
  unit: null,
  approx: false,
  vague: false,
  rule,
  change: { factor: tidy(factor), approx },
  changeKind: kind,
});

/** "nearly tripled", "more than doubled", "halved". */
function verbChange(v: View, i: number, W: CompiledQuantityWords): Draft | null {
  const h = hedgeAt(v, i, W);
  const f = W.changeVerbs.get(v.w[h.end]);
  return f === undefined ? null : draft(i, h.end + 1, f, h.approx, 'verb', 'change:verb');
}

/** "rose 40%", "up 15 percent", "fell by three-quarters", "a fall of roughly three-quarters", "risen about tenfold". */
function directedChange(v: View, i: number, W: CompiledQuantityWords): Draft | null {
  const rise = W.rises.match(v.w, i);
  const fall = rise ? undefined : W.falls.match(v.w, i);
  const d = rise ?? fall;
  if (!d) return null;
  const sign = rise ? 1 : -1;
  const phrase = v.w.slice(i, i + d.length);
  // "made up 20 percent of": a particle of the verb, not a rise.
  if (i > 0 && W.particleVerbs.get(phrase[0])?.has(v.w[i - 1])) return null;
  // "up 15 percent", "a fall of": set beside a figure; "rose", "fell": said of a subject
  const kind: ChangeKind = phrase[0] === 'up' || phrase[0] === 'down' || phrase.includes('of') ? 'comparative' : 'verb';
  let j = i + d.length;
  if (v.w[j] === 'by') j++;
  const h = hedgeAt(v, j, W);
  j = h.end;
  const pc = percentAt(v, j, W);
  if (pc) return draft(i, pc.end, 1 + (sign * pc.p) / 100, h.approx, kind, 'change:percent');
  const fr = W.fractions.match(v.w, j);
  if (fr && fr.value < 1 && v.w[j + fr.length] !== 'of') return draft(i, j + fr.length, 1 + sign * fr.value, h.approx, kind, 'change:fraction');
  const fold = foldAt(v, j, W);
  if (fold !== null) return draft(i, j + 1, rise ? fold : 1 / fold, h.approx, kind, 'change:fold');
  // "grew roughly three and a half times"
  const n = rise ? readNumber(v, j, W) : null;
  if (n && !n.mult && n.value > 1 && W.timesWords.has(v.w[n.end])) return draft(i, n.end + 1, n.value, h.approx, kind, 'change:times');
  return null;
}

/** "a 15 percent increase", "40 percent more", "a tenfold rise". */
function nominalChange(v: View, i: number, W: CompiledQuantityWords): Draft | null {
  let j = v.w[i] === 'a' || v.w[i] === 'an' ? i + 1 : i;
  const h = hedgeAt(v, j, W);
  j = h.end;
  const pc = percentAt(v, j, W);
  const fold = pc ? null : foldAt(v, j, W);
  if (!pc && fold === null) return null;
  const end = pc ? pc.end : j + 1;
  const word = v.w[end];
  const rise = W.riseNouns.has(word) || W.riseAdjectives.has(word);
  const fall = W.fallNouns.has(word) || W.fallAdjectives.has(word);
  if (!rise && !fall) return null;
  // "40 percent more than" keeps "than" out; "5 percent up" is not said
  if ((word === 'up' || word === 'down') && pc) return null;
  const factor = pc ? 1 + ((rise ? 1 : -1) * pc.p) / 100 : rise ? (fold as number) : 1 / (fold as number);
  return draft(i, end + 1, factor, h.approx, 'comparative', pc ? 'change:percent-noun' : 'change:fold-noun');
}

/** "nearly four times the earlier high", "more than seven times the level", "twice as many". */
function timesChange(v: View, i: number, W: CompiledQuantityWords): Draft | null {
  const h = hedgeAt(v, i, W);
  let factor: number;
  let after: number;
  let rule = 'change:times';
  if (W.twice.has(v.w[h.end])) {
    factor = 2;
    after = h.end + 1;
    rule = 'change:twice';
  } else {
    const n = readNumber(v, h.end, W);
    if (!n || n.mult || n.value <= 1 || !W.timesWords.has(v.w[n.end])) return null;
    factor = n.value;
    after = n.end + 1;
  }
  const next = v.w[after];
  // "three times a year", "four times in March": counts of occasions, not comparisons
  if (next === undefined || v.inTime[after] || W.rates.match(v.w, after)) return null;
  const compared = W.comparisons.has(next) || (i > 0 && W.copulas.has(v.w[i - 1]));
  return compared ? draft(i, after, factor, h.approx, 'comparative', rule) : null;
}

const READERS = [verbChange, directedChange, nominalChange, timesChange];

/** The change starting at token i, the longest reading when several apply. */
export function readChange(v: View, i: number, W: CompiledQuantityWords): Draft | null {
  let best: Draft | null = null;
  for (const read of READERS) {
    const d = read(v, i, W);
    if (d && (!best || d.to > best.to)) best = d;
  }
  return best;
}
