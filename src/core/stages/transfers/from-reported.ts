// Amounts a side reports or declares of a flow named before: "Russia reported 44,655 barrels for
// January 2023, but only 10,666 barrels for February 2023". Each amount whose unit names the
// category of a recent flow is one more flow between its sides, with its own period.
import { type Span } from '../../doc.js';
import { quantitiesWithin } from './amount-after.js';
import { clauseStart, wordsBefore } from './clauses.js';
import { TRUE_PREPOSITIONS, type Ctx, sourceOf, stateOf, wordBefore } from './context.js';
import { periodOf } from './period.js';
import { addTransfer, contextFlow } from './record.js';
import { statusOf } from './status.js';

const REPORTING = new Set(['reported', 'reports', 'report', 'declared', 'declares', 'declare', 'recorded', 'records', 'registered', 'registers', 'logged', 'logs', 'listed', 'lists', 'notified', 'filed']);

export const isReporting = (w: string): boolean => REPORTING.has(w);

/** Reads the amounts reported after the verb at v; false when none goes on with a flow. */
export function fromReported(ctx: Ctx, v: number, sStart: number, sEnd: number): boolean {
  const { tokens } = ctx;
  if (v + 1 >= sEnd) return false;
  // Every amount of the sentence after the verb; the first opens the object ("reported 44,655 barrels").
  const qs = quantitiesWithin(ctx, tokens[v + 1].start, tokens[sEnd - 1].end);
  const first = qs[0]?.start === tokens[v + 1].start ? qs[0] : undefined;
  // The goods counted ("12,000 tonnes of coal") or the unit itself ("44,655 barrels") names the category.
  const category = first ? (first.item ? ctx.cat.categorize(first.item) : null) ?? (first.unit ? ctx.cat.categorize(first.unit) : null) : null;
  if (!first || !category || first.vague) return false;
  const parent = contextFlow(ctx, tokens[v].start, category);
  if (!parent?.from || !parent.to) return false;
  const cStart = clauseStart(ctx, v, sStart);
  const subject = ctx.mentions.within({ start: tokens[cStart].start, end: tokens[v].start }).filter((m) => !TRUE_PREPOSITIONS.has(wordBefore(ctx, m))).pop();
  const reporter = stateOf(ctx, subject);
  // A side reports its own flows; another reporter's figure is the flow the report named before.
  if (reporter && reporter !== parent.from && reporter !== parent.to) return false;
  // "it supplied more than 67,000 barrels" names no goods: the same flow named with them before does.
  const bare = (t: { item: string; quantity: { text: string } | null }) => !!t.quantity && t.item.startsWith(t.quantity.text) && t.item.slice(t.quantity.text.length).trim().split(/\s+/).length <= 1;
  const named = bare(parent) ? ctx.out.slice(-12).reverse().find((t) => t.from === parent.from && t.to === parent.to && t.category === category && !bare(t)) : undefined;
  const item = (named ?? parent).item;
  const src = sourceOf(ctx, tokens[v].start);
  const status = statusOf({ verb: ctx.lower[v], before: wordsBefore(ctx, cStart, v), after: [], denial: src.denial, cue: src.cue, planned: false });
  // Every amount of the same unit in the sentence after the verb, each up to the next one.
  const amounts = qs.filter((q) => q.unit === first.unit && !q.vague);
  amounts.forEach((q, i) => {
    const end = i + 1 < amounts.length ? amounts[i + 1].start : tokens[sEnd - 1].end;
    const span: Span = { start: q.start, end };
    const { since, until } = periodOf(ctx.doc, span);
    addTransfer(ctx, {
      from: parent.from, to: parent.to, category, item,
      quantity: { value: q.value, min: q.min, max: q.max, unit: q.unit, approx: q.approx, text: q.text, ...(q.change ? { change: q.change } : {}) },
      since, until, status, source: src.source, ...(src.sourceText ? { sourceText: src.sourceText } : {}), spans: [{ start: tokens[v].start, end }], rule: 'reported-amount',
    });
  });
  return amounts.length > 0;
}
