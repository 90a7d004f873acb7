// Money flows beside the goods: the currencies a payment is made in ("paid in UAE dirhams and,
// less often, in Chinese yuan"), the state money is put into ("invested $5 billion in Pakistan"),
// and more money beside a money flow ("on top of an earlier $1 billion facility", "added another $1 billion").
import { type Transfer } from '../../doc.js';
import { clauseEnd, clauseStart, wordsBefore } from './clauses.js';
import { DETERMINERS, type Ctx, mentionAtToken, sentenceIndex, sourceOf, stateOf } from './context.js';
import { itemEnd, quantityIn, textOf } from './items.js';
import { periodOf } from './period.js';
import { addTransfer } from './record.js';
import { statusOf } from './status.js';

/** Asides between listed currencies: "and, less often, in Chinese yuan". */
const ASIDE = /^(?:,|and|or|less|more|most|often|usually|mostly|partly|also|sometimes|occasionally|rarely|\p{Ll}+ly)$/u;

/**
 * Where a list of currencies ends that began before `end`: each further "in <currency>" after a
 * comma, "and" or an aside goes on with it. At most a few rounds, so the look-ahead stays bounded.
 */
export function currencyListEnd(ctx: Ctx, end: number, cEnd: number): number {
  const { tokens } = ctx;
  for (let round = 0; round < 4; round++) {
    let p = end;
    while (p < cEnd && p < end + 6 && ASIDE.test(tokens[p].text)) p++;
    if (p >= cEnd || tokens[p].text !== 'in') return end;
    const e = itemEnd(ctx, p + 1, cEnd);
    if (e <= p + 1 || ctx.cat.categorize(textOf(ctx, p + 1, e)) !== 'money') return end;
    end = e;
  }
  return end;
}

/** "… in yuan and dirhams" at token `at`: the token ranges of the currencies named, else none. */
export function currencyList(ctx: Ctx, at: number, cEnd: number): [number, number][] {
  if (ctx.tokens[at]?.text !== 'in') return [];
  const e = currencyListEnd(ctx, itemEnd(ctx, at + 1, cEnd), cEnd);
  // Unlike other lists, currencies of one category stay apart: one payment each.
  const parts: [number, number][] = [];
  let s = at + 1;
  for (let k = at + 1; k <= e; k++) {
    if (k < e && !ASIDE.test(ctx.tokens[k].text) && ctx.tokens[k].text !== 'in') continue;
    if (k > s) parts.push([s, k]);
    s = k + 1;
  }
  return parts.length && parts.every(([x, y]) => ctx.cat.categorize(textOf(ctx, x, y)) === 'money') ? parts : [];
}

/** The state named at token i ("Pakistan", "the Egyptian state", "India's rail network"), owners included. */
export function stateNamedAt(ctx: Ctx, i: number, end: number): string | undefined {
  let k = i;
  while (k < end && DETERMINERS.has(ctx.lower[k])) k++;
  const m = k < end ? mentionAtToken(ctx, k) : undefined;
  return m && m.actor.type !== 'person' ? stateOf(ctx, m) : undefined;
}

/** Where the noun phrase after "on top of" / "in addition to" at token v begins, else -1. */
function besidesAt(ctx: Ctx, v: number): number {
  const w = ctx.lower;
  if (w[v] === 'on' && w[v + 1] === 'top' && w[v + 2] === 'of') return v + 3;
  if (w[v] === 'in' && w[v + 1] === 'addition' && w[v + 2] === 'to') return v + 3;
  // "roughly three times an earlier estimate of about $200 million": another estimate of the flow.
  if (/^(?:estimate|estimates|figure|assessment|tally)$/.test(w[v] ?? '') && w[v + 1] === 'of') return v + 2;
  return -1;
}

const ADD = /^(?:add|adds|added|adding)$/;

/** Does token v open "on top of …", "in addition to …" or "added …", which may state more money? */
export function moreMoneyAt(ctx: Ctx, v: number): boolean {
  return ADD.test(ctx.tokens[v].text) || besidesAt(ctx, v) > 0;
}

/**
 * "opened a $3.6 billion credit line for Syria, on top of an earlier $1 billion facility, and added
 * another $1 billion in 2015": an amount of money set beside a money flow, or added to it, is one
 * more flow between the same sides. Only an amount of money counts ("added that …" states none).
 */
export function fromMoreMoney(ctx: Ctx, v: number, sStart: number, sEnd: number): void {
  const { tokens } = ctx;
  const adding = ADD.test(tokens[v].text);
  let a = adding ? v + 1 : besidesAt(ctx, v);
  while (a < sEnd && /^(?:\p{Ll}+ly|also|then|later)$/u.test(tokens[a].text) && !/^(?:early)$/.test(tokens[a].text)) a++;
  const cEnd = clauseEnd(ctx, v, sEnd);
  const b = itemEnd(ctx, a, cEnd);
  if (b <= a) return;
  // The amount opens the phrase ("another $1 billion", "an earlier $1 billion facility").
  const quantity = quantityIn(ctx, { start: tokens[a].start, end: tokens[Math.min(b, a + 3) - 1].end });
  if (!quantity?.unit || !/^[A-Z]{3}/.test(quantity.unit)) return;
  const item = textOf(ctx, a, b).replace(/^(?:the|a|an)\s+/i, '');
  const category = ctx.cat.categorize(item);
  if (category && category !== 'money') return;
  // The money flow stated last before, in this sentence, with both sides known.
  const here = sentenceIndex(ctx, tokens[v].start);
  const parent = ctx.out.slice(-8).reverse().find((t) => t.category === 'money' && t.spans.some((x) => x.start < tokens[v].start && sentenceIndex(ctx, x.start) === here));
  if (!parent) return;
  const cStart = clauseStart(ctx, v, sStart);
  const src = sourceOf(ctx, tokens[v].start);
  const span = { start: tokens[v].start, end: tokens[b - 1].end };
  const { since, until } = adding ? periodOf(ctx.doc, { start: tokens[v].start, end: tokens[cEnd - 1].end }) : { since: null, until: null };
  addTransfer(ctx, {
    from: parent.from, to: parent.to, category: 'money', item, quantity, since, until,
    status: adding ? statusOf({ verb: ctx.lower[v], before: wordsBefore(ctx, cStart, v).slice(-3), after: [], denial: src.denial, cue: src.cue, planned: false }) : parent.status,
    source: src.source, ...(src.sourceText ? { sourceText: src.sourceText } : {}), spans: [span], rule: adding ? 'money-added' : 'money-besides',
  });
}

/**
 * "five regiments for about $5.43 billion": where a price after "for" begins inside an item's tokens
 * [a, b), and the price; the goods before it move one way, the payment back.
 */
export function priceIn(ctx: Ctx, a: number, b: number): { at: number; price: NonNullable<Transfer['quantity']> } | undefined {
  for (let p = a + 1; p < b - 1; p++) {
    if (ctx.tokens[p].text !== 'for') continue;
    const price = quantityIn(ctx, { start: ctx.tokens[p + 1].start, end: ctx.tokens[p + 1].end });
    if (price?.unit && /^[A-Z]{3}/.test(price.unit)) return { at: p, price };
  }
  return undefined;
}

/** The payment back for a flow with a price: from its recipient to its sender, once both are known. */
export function addPayment(ctx: Ctx, flow: Omit<Transfer, 'stage'>, price: NonNullable<Transfer['quantity']>): void {
  const payment: Omit<Transfer, 'stage'> = { ...flow, from: flow.to, to: flow.from, category: 'money', item: `payment for ${flow.item}`, quantity: price, rule: 'price' };
  if (payment.from && payment.to) addTransfer(ctx, payment);
  else ctx.counters.push({ main: flow, flow: payment });
}
