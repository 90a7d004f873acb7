// Verbs of giving with no object, as in interview answers and short clauses: "Ankara paid and
// Moscow delivered", "Pyongyang delivered; Moscow paid". The item is the one the exchange is about:
// the flow the subject stated last, else the nearest item named in the sentences before (the
// question); the other side is the state in the clause beside it.
import { type Transfer } from '../../doc.js';
import { TRUE_PREPOSITIONS, type Ctx, stateOf, sourceOf, wordBefore, sentenceIndex } from './context.js';
import { quantitiesWithin } from './amount-after.js';
import { textOf } from './items.js';
import { periodOf } from './period.js';
import { addTransfer } from './record.js';
import { statusOf } from './status.js';

/** How far back an elided item is looked for: the question and the answer's first sentences. */
const LOOK_BACK_TOKENS = 160;
const MONEY_UNIT = /^[A-Z]{3}/;

/** Does nothing stand from token k as the object of a verb before it ("Ankara paid and …", "Moscow delivered.")? */
export function hasNoObject(ctx: Ctx, k: number, cEnd: number): boolean {
  while (k < cEnd && /^\p{Ll}+ly$/u.test(ctx.tokens[k].text)) k++;
  return k >= cEnd || /^(?:and|but|,|\.|;|:|!)$/.test(ctx.tokens[k].text);
}

/** The state subject of another clause of the sentence: "Ankara paid and Moscow delivered". */
function otherSubject(ctx: Ctx, subject: string, sStart: number, sEnd: number): string | undefined {
  let found: string | undefined;
  for (const m of ctx.mentions.within({ start: ctx.tokens[sStart].start, end: ctx.tokens[sEnd - 1].end })) {
    const st = m.actor.type === 'person' && !stateOf(ctx, m) ? undefined : stateOf(ctx, m);
    if (!st || st === subject || TRUE_PREPOSITIONS.has(wordBefore(ctx, m))) continue;
    if (found && found !== st) return undefined; // more than one: no telling which
    found = st;
  }
  return found;
}

/** The goods item named last before token `before`, not before token `stop` nor beyond the look-back: its text and category. */
export function itemBefore(ctx: Ctx, before: number, stop = 0): { item: string; category: string; at: number } | undefined {
  for (let k = before - 1; k >= stop && k >= before - LOOK_BACK_TOKENS; k--) {
    const w = ctx.tokens[k].text;
    if (!/^[\p{L}\d-]{3,}$/u.test(w)) continue;
    const category = ctx.cat.categorize(w);
    // A verb or noun of the flow itself ("supplies", "deliveries") names no goods.
    if (!category || category === 'money' || ctx.give.has(w.toLowerCase()) || ctx.get.has(w.toLowerCase()) || ctx.nouns.has(w.toLowerCase())) continue;
    // The noun phrase's modifiers before it: "S-400 air-defence system".
    let a = k;
    while (a > 0 && a > k - 3 && /^[\p{L}\d-]+$/u.test(ctx.tokens[a - 1].text) && !/^(?:the|a|an|its|their|of|to|for|and|or|from|in|on|with|by|what|did|does|do|has|have|had|was|were|is|are)$/i.test(ctx.tokens[a - 1].text) && !ctx.give.has(ctx.tokens[a - 1].text.toLowerCase()) && !ctx.get.has(ctx.tokens[a - 1].text.toLowerCase())) a--;
    return { item: textOf(ctx, a, k + 1), category, at: k };
  }
  return undefined;
}

/**
 * A verb of giving with a state subject and no object: a payment is money to the other side (its
 * amount the money stated in the clause or the sentence before: "valued at about $2.5 billion");
 * any other verb gives the item the exchange is about.
 */
export function fromBareVerb(ctx: Ctx, v: number, subject: string, sStart: number, sEnd: number, cStart: number, cEnd: number, statusWords: string[]): void {
  const { tokens } = ctx;
  const w = tokens[v].text.toLowerCase();
  const paying = /^(?:re)?pa(?:y|id|ying|ys)$/.test(w);
  const recent = ctx.out.slice(-12).reverse();
  // The subject's own goods flow stated last: what it delivers again, or what its partner pays for.
  const goods = recent.find((t) => t.category !== 'money' && (paying ? t.to === subject : t.from === subject));
  const partner = otherSubject(ctx, subject, sStart, sEnd) ?? (paying ? goods?.from : goods?.to);
  if (!partner) return;
  const src = sourceOf(ctx, tokens[v].start);
  const status: Transfer['status'] = statusOf({ verb: w, before: statusWords, after: [], denial: src.denial, cue: src.cue, planned: ctx.cat.isPlannedVerb(w) });
  const span = { start: tokens[cStart].start, end: tokens[cEnd - 1].end };
  const { since, until } = periodOf(ctx.doc, span);
  const base = { since, until, status, source: src.source, ...(src.sourceText ? { sourceText: src.sourceText } : {}), spans: [span] };
  const named = goods && (paying ? goods.from === partner : goods.to === partner) ? { item: goods.item, category: goods.category } : itemBefore(ctx, sStart);
  if (paying) {
    // The price: money in this sentence, else in the one before ("The contract … is valued at about $2.5 billion").
    const here = sentenceIndex(ctx, tokens[v].start);
    const prev = ctx.doc.layers.segments?.sentences[here - 1];
    const money = (from: number, to: number) => quantitiesWithin(ctx, from, to).filter((q) => q.unit && MONEY_UNIT.test(q.unit) && (q.value !== null || q.min !== null || q.max !== null));
    const prices = money(tokens[sStart].start, tokens[sEnd - 1].end);
    const price = prices.length ? prices : prev ? money(prev.start, prev.end) : [];
    const q = price.length === 1 ? price[0] : undefined;
    addTransfer(ctx, {
      ...base, from: subject, to: partner, category: 'money', item: named ? `payment for ${named.item}` : 'payment',
      quantity: q ? { value: q.value, min: q.min, max: q.max, unit: q.unit, approx: q.approx, text: q.text } : null, rule: 'verb-bare',
    });
    return;
  }
  if (!named) return;
  addTransfer(ctx, { ...base, from: subject, to: partner, category: named.category, item: named.item, quantity: null, rule: 'verb-bare' });
}
