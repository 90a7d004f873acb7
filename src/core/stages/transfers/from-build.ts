// Building abroad: what a state builds in another state goes to it.
import { clauseStart, clauseEnd, wordsBefore } from './clauses.js';
import { DETERMINERS, TRUE_PREPOSITIONS, type Ctx, stateOf, actorAfter, sourceOf, wordBefore } from './context.js';
import { textOf, itemEnd, headEnd, quantityIn } from './items.js';
import { periodOf } from './period.js';
import { addTransfer } from './record.js';
import { statusOf } from './status.js';

/**
 * "Rosatom is building the Rooppur plant" under "- Bangladesh:", "a contract to build a nuclear
 * plant in Uzbekistan", "Rosatom's construction of the El Dabaa plant": what a state builds abroad
 * goes to the state it stands in; a build at home or in no named state is no flow.
 */
export function fromBuild(ctx: Ctx, v: number, sStart: number, sEnd: number): void {
  const { tokens } = ctx;
  const noun = ctx.lower[v] === 'construction';
  if (noun && tokens[v + 1]?.text !== 'of') return;
  if (!noun && DETERMINERS.has(ctx.lower[v - 1] ?? '')) return;
  const cStart = clauseStart(ctx, v, sStart);
  const cEnd = clauseEnd(ctx, v, sEnd);
  // The builder: the owner before the noun ("Rosatom's construction"), else the verb's subject.
  let builder: string | undefined;
  for (const m of ctx.mentions.within({ start: tokens[cStart].start, end: tokens[v].start })) {
    if (m.actor.type !== 'person' && !TRUE_PREPOSITIONS.has(wordBefore(ctx, m))) builder = stateOf(ctx, m);
  }
  const a = v + (noun ? 2 : 1);
  const b = itemEnd(ctx, a, cEnd);
  if (b <= a) return;
  const item = textOf(ctx, a, b).replace(/^(?:the|a|an)\s+/i, '');
  const category = ctx.cat.categorize(item);
  if (!category) return;
  let to: string | undefined;
  for (let p = b; p < cEnd && !to; p++) {
    if (tokens[p].text !== 'in') continue;
    const act = actorAfter(ctx, p + 1, cEnd);
    if (act && act.m.actor.type === 'country') to = act.m.actor.id;
  }
  to ??= (ctx.doc.layers.actors?.places ?? []).find((pl) => pl.country && pl.start >= tokens[a].start && pl.end <= (tokens[cEnd - 1]?.end ?? 0))?.country;
  to ??= ctx.label;
  if (!to || !builder || to === builder) return;
  const src = sourceOf(ctx, tokens[v].start);
  const span = { start: tokens[cStart].start, end: tokens[cEnd - 1]?.end ?? tokens[v].end };
  const { since, until } = periodOf(ctx.doc, span);
  const amount = quantityIn(ctx, { start: tokens[a].start, end: tokens[headEnd(ctx, a, b) - 1].end });
  addTransfer(ctx, {
    from: builder, to, category, item, quantity: amount?.unit === 'percent' ? null : amount, since, until,
    status: statusOf({ verb: ctx.lower[v], before: wordsBefore(ctx, cStart, v), after: [], denial: src.denial, cue: src.cue, planned: false }),
    source: src.source, ...(src.sourceText ? { sourceText: src.sourceText } : {}), spans: [span], rule: 'build-abroad',
  });
}
