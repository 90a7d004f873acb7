// Money flows beside the goods: the currencies a payment is made in ("paid in UAE dirhams and,
// less often, in Chinese yuan"), the state money is put into ("invested $5 billion in Pakistan").
import { DETERMINERS, type Ctx, mentionAtToken, stateOf } from './context.js';
import { itemEnd, textOf } from './items.js';

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
  while (k < end && DETERMINERS.has(ctx.tokens[k].text.toLowerCase())) k++;
  const m = k < end ? mentionAtToken(ctx, k) : undefined;
  return m && m.actor.type !== 'person' ? stateOf(ctx, m) : undefined;
}
