// Amounts that go on with an item named before: "followed by eight next year", "Each is carrying …".
import { clauseEnd } from './clauses.js';
import { type Ctx, sentenceIndex } from './context.js';
import { textOf, quantityIn, ELLIPTIC_WORDS } from './items.js';
import { periodOf } from './period.js';
import { addTransfer, contextFlow } from './record.js';

/**
 * "The first six are to be handed over this year, followed by eight next year and the last five in
 * 2025": each amount after "followed by" is one more delivery of the item the clause before named.
 */
export function fromFollowed(ctx: Ctx, v: number, sStart: number, sEnd: number): void {
  const { tokens } = ctx;
  const parent = contextFlow(ctx, tokens[v].start);
  if (!parent) return;
  const cEnd = clauseEnd(ctx, v, sEnd);
  const qs = ctx.doc.layers.quantities?.quantities ?? [];
  let s = v + 2;
  for (let k = s; k <= cEnd; k++) {
    if (k < cEnd && tokens[k].text !== 'and' && tokens[k].text !== ',') continue;
    // A part opens with its amount ("eight next year", "the last five in 2025") and names no item of its own.
    let a = s;
    while (a < k && ELLIPTIC_WORDS.test(tokens[a].text)) a++;
    const q = a < k ? qs.find((x) => x.start <= tokens[a].start && tokens[a].end <= x.end) : undefined;
    if (q && !ctx.cat.categorize(textOf(ctx, s, k))) {
      const span = { start: tokens[s].start, end: tokens[k - 1].end };
      const { since, until } = periodOf(ctx.doc, span);
      addTransfer(ctx, {
        ...parent, quantity: quantityIn(ctx, { start: tokens[a].start, end: tokens[a].end }), since, until, spans: [span], rule: 'followed-by',
      });
    }
    s = k + 1;
  }
  void sStart;
}

/**
 * "Two ships have left, one bound for Somalia and one for Burkina Faso. Each is carrying 25,000
 * tonnes.": an amount said of each is the amount of every flow the sentence before stated without one.
 */
export function eachAmount(ctx: Ctx, s: { start: number; end: number; tokenStart: number; tokenEnd: number }): void {
  if (ctx.mentions.within(s).some((m) => m.actor.type === 'country')) return;
  const amount = quantityIn(ctx, { start: s.start, end: s.end });
  if (!amount || amount.unit === 'percent' || (amount.value === null && amount.min === null && amount.max === null)) return;
  const here = sentenceIndex(ctx, s.start);
  for (const t of ctx.out.slice(-12)) {
    if (t.quantity || here - sentenceIndex(ctx, t.spans[t.spans.length - 1].start) !== 1) continue;
    t.quantity = amount;
    t.spans.push({ start: s.start, end: s.end });
  }
}
