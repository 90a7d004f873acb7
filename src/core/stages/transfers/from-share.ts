// Shares of another state's imports: "China accounted for 6.8 percent of Serbia's major arms
// imports", "Russia supplied 36 percent of India's arms imports". The subject supplies the owner
// of the imports; the percentage is the amount, the words before "imports" the item.
import { quantitiesWithin } from './amount-after.js';
import { clauseStart, wordsBefore } from './clauses.js';
import { TRUE_PREPOSITIONS, type Ctx, sourceOf, stateOf, wordBefore } from './context.js';
import { textOf } from './items.js';
import { periodOf } from './period.js';
import { addTransfer } from './record.js';
import { statusOf } from './status.js';

const SHARE_NOUN = new Set(['imports', 'purchases', 'acquisitions', 'intake']);
/** Verbs that say what part of the imports the subject is: "accounted for", "made up", "supplied". */
const SHARE_VERB = /^(?:accounted|accounts|account|made|makes|make|supplied|supplies|supply|provided|provides|provide|represented|represents|delivered|delivers|comprised|comprises|sold|sells|furnished)$/;

export const isShareNoun = (w: string): boolean => SHARE_NOUN.has(w);

/** "36 percent of India's arms imports" inside an item: a share the share rule reads instead. */
export function isShareItem(item: string): boolean {
  return /^(?:\S+\s+){0,3}(?:percent|per cent|%)\s+of\s+\S+(?:\s+\S+)?['’]s\s+(?:[\p{L}-]+\s+){0,3}(?:imports|purchases|acquisitions|intake)$/iu.test(item);
}

/** Reads a share at the imports noun n; false when the words around it are no share. */
export function fromShare(ctx: Ctx, n: number, sStart: number, sEnd: number): boolean {
  const { tokens } = ctx;
  // "Serbia's major arms imports": modifiers back to the owner's possessive.
  let p = n - 1;
  while (p > sStart && p > n - 5 && /^[\p{Ll}-]+$/u.test(tokens[p].text)) p--;
  if (!/^['’]s$/.test(tokens[p]?.text ?? '') || p - 1 <= sStart) return false;
  const owner = ctx.mentions.within({ start: tokens[p - 1].start, end: tokens[p].start }).find((m) => m.end === tokens[p].start);
  const to = stateOf(ctx, owner);
  if (!owner || !to) return false;
  let o = p - 1;
  while (o > sStart && tokens[o].start > owner.start) o--;
  // "6.8 percent of": the share right before the owner.
  if (tokens[o - 1]?.text !== 'of') return false;
  if (o - 2 < sStart) return false;
  const share = quantitiesWithin(ctx, tokens[Math.max(sStart, o - 8)].start, tokens[o - 2].end).find((q) => q.unit === 'percent' && q.end === tokens[o - 2].end);
  if (!share) return false;
  let q = o - 2;
  while (q > sStart && tokens[q - 1].start >= share.start) q--;
  // The verb before the share ("accounted for", "made up", "supplied").
  let v = q - 1;
  while (v > sStart && v > q - 4 && /^(?:for|up|around|about|some|roughly|nearly|almost|over|more|than|just|an|estimated)$/.test(tokens[v].text)) v--;
  if (!SHARE_VERB.test(tokens[v]?.text ?? '')) return false;
  const cStart = clauseStart(ctx, v, sStart);
  const subject = ctx.mentions.within({ start: tokens[cStart].start, end: tokens[v].start }).filter((m) => m.actor.type !== 'person' && !TRUE_PREPOSITIONS.has(wordBefore(ctx, m))).pop();
  const from = stateOf(ctx, subject);
  const item = textOf(ctx, p + 1, n);
  const category = item ? ctx.cat.categorize(item) : null;
  if (!from || from === to || !category) return false;
  const span = { start: tokens[cStart].start, end: tokens[n].end };
  // "Egypt received 40 percent of France's exports …; France supplied 38 percent of Egypt's imports":
  // the same trade seen from the other side is the flow already stated, more evidence for it.
  const seen = ctx.out.slice(-40).find((t) => t.from === from && t.to === to && t.category === category && t.quantity?.unit === 'percent');
  if (seen) {
    seen.spans.push(span);
    return true;
  }
  const src = sourceOf(ctx, tokens[n].start);
  const { since, until } = periodOf(ctx.doc, { start: tokens[cStart].start, end: tokens[Math.min(sEnd, n + 8) - 1].end });
  addTransfer(ctx, {
    from, to, category, item,
    quantity: { value: share.value, min: share.min, max: share.max, unit: share.unit, approx: share.approx, text: share.text, ...(share.change ? { change: share.change } : {}) },
    since, until,
    status: statusOf({ verb: ctx.lower[v], before: wordsBefore(ctx, cStart, v), after: [], denial: src.denial, cue: src.cue, planned: false }),
    source: src.source, ...(src.sourceText ? { sourceText: src.sourceText } : {}), spans: [span], rule: 'import-share',
  });
  return true;
}
