// Arms named after their maker: "Iranian-made drones", "launched North Korean missiles at Kharkiv".
import { clauseStart, clauseEnd, wordsBefore } from './clauses.js';
import { ARMS_CATEGORIES } from './categories.js';
import { DETERMINERS, TRUE_PREPOSITIONS, PASSIVE, type Ctx, stateOf, actorAfter, otherOfPair, demonymIn, sourceOf, wordBefore } from './context.js';
import { textOf, itemEnd, quantityIn } from './items.js';
import { addTransfer } from './record.js';
import { statusOf } from './status.js';

/**
 * "Ukrainian forces shot down ten Iranian-made drones", "North Korean-built missiles fired by
 * Russian troops": a maker adjective on an item no verb of the sentence moved is a flow from the
 * maker to the one said to use it ("by …"), else to the maker's partner in the report.
 */
export function fromMaker(ctx: Ctx, i: number, sStart: number, sEnd: number): void {
  const { tokens } = ctx;
  const from = ctx.makers.at(tokens, i);
  if (!from) return;
  const cStart = clauseStart(ctx, i, sStart);
  const cEnd = clauseEnd(ctx, i, sEnd);
  const b = itemEnd(ctx, i + 1, cEnd);
  if (b <= i + 1) return;
  const item = textOf(ctx, i, b);
  const category = ctx.cat.categorize(textOf(ctx, i + 1, b));
  if (!category) return;
  let to: string | undefined;
  for (let p = b; p < Math.min(cEnd, b + 4); p++) {
    if (tokens[p].text !== 'by') continue;
    const act = actorAfter(ctx, p + 1, cEnd);
    if (act) to = stateOf(ctx, act.m);
    break;
  }
  to ??= otherOfPair(ctx, from);
  if (to === from) return;
  const src = sourceOf(ctx, tokens[i].start);
  // The amount right before the adjective is the item's ("ten Iranian-made drones").
  let a = i;
  while (a > cStart && a > i - 4 && ctx.doc.layers.quantities?.quantities.some((q) => q.start <= tokens[a - 1].start && tokens[a - 1].end <= q.end)) a--;
  const span = { start: tokens[a].start, end: tokens[b - 1].end };
  addTransfer(ctx, {
    from, to: to ?? '', category, item, quantity: quantityIn(ctx, span), since: null, until: null,
    status: statusOf({ verb: '', before: wordsBefore(ctx, cStart, a), after: [], denial: src.denial, cue: src.cue, planned: false }),
    source: src.source, ...(src.sourceText ? { sourceText: src.sourceText } : {}), spans: [span], rule: 'maker-adjective',
  });
}

/** Verbs of using arms: the user's state got them from the state they are named after. */
const USE = new Set(['launched', 'launching', 'launches', 'fired', 'firing', 'fires', 'used', 'using', 'uses', 'employed', 'employing']);
/** A verb of using arms: launching, firing, using, employing. */
export const isUse = (w: string): boolean => USE.has(w);

/**
 * "Russian forces launched 20 North Korean missiles at Kharkiv", "Moscow has used Iranian
 * drones": arms of one state used by another came from the first (the user is the subject).
 */
export function fromUse(ctx: Ctx, v: number, sStart: number, sEnd: number): void {
  const { tokens } = ctx;
  if (PASSIVE.has(ctx.lower[v - 1] ?? '') || DETERMINERS.has(ctx.lower[v - 1] ?? '')) return;
  const cStart = clauseStart(ctx, v, sStart);
  const cEnd = clauseEnd(ctx, v, sEnd);
  const b = itemEnd(ctx, v + 1, cEnd);
  if (b <= v + 1) return;
  const item = textOf(ctx, v + 1, b).replace(/^(?:the|a|an)\s+/i, '');
  const category = ctx.cat.categorize(item);
  const from = demonymIn(ctx, v + 1, b);
  if (!category || !ARMS_CATEGORIES.has(category) || !from) return;
  // The user: the last state or body named before the verb outside a prepositional phrase.
  let to: string | undefined;
  for (const m of ctx.mentions.within({ start: tokens[cStart].start, end: tokens[v].start })) {
    if (!TRUE_PREPOSITIONS.has(wordBefore(ctx, m))) to = stateOf(ctx, m) ?? to;
  }
  if (!to || to === from) return;
  const src = sourceOf(ctx, tokens[v].start);
  const span = { start: tokens[cStart].start, end: tokens[b - 1].end };
  addTransfer(ctx, {
    from, to, category, item, quantity: quantityIn(ctx, { start: tokens[v + 1].start, end: tokens[b - 1].end }), since: null, until: null,
    status: statusOf({ verb: ctx.lower[v], before: wordsBefore(ctx, cStart, v), after: [], denial: src.denial, cue: src.cue, planned: false }),
    source: src.source, ...(src.sourceText ? { sourceText: src.sourceText } : {}), spans: [span], rule: 'arms-used',
  });
}
