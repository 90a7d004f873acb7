// A state called another's supplier: "Russia has become a fuel supplier to North Korea".
import { clauseStart, clauseEnd } from './clauses.js';
import { TRUE_PREPOSITIONS, type Ctx, stateOf, actorAfter, sourceOf, wordBefore } from './context.js';
import { textOf } from './items.js';
import { addTransfer, contextFlow } from './record.js';

/**
 * "Russia has become a fuel supplier to North Korea", "China, the North's other declared
 * supplier, also files reports": a state called another's supplier sends to it, the item its
 * modifier ("fuel") or else the flow stated just before.
 */
export function fromSupplier(ctx: Ctx, v: number, sStart: number, sEnd: number): void {
  const { tokens } = ctx;
  const cStart = clauseStart(ctx, v, sStart);
  const cEnd = clauseEnd(ctx, v, sEnd);
  // The noun phrase: back to its determiner ("the North's other declared supplier", "a fuel supplier").
  let d = v;
  while (d > cStart && d > v - 6 && !/^(?:the|a|an|its|their|his|her|,)$/i.test(tokens[d - 1].text)) d--;
  if (d <= cStart || !/^(?:the|a|an|,)$/i.test(tokens[d - 1].text)) return;
  // Where the noun phrase opens: its determiner, or its first word after a comma ("Mexico, Cuba's supplier").
  const open = tokens[d - 1].text === ',' ? d : d - 1;
  let to: string | undefined;
  const owner = ctx.mentions.within({ start: tokens[open].start, end: tokens[v].start }).find((m) => /^['’]s?\b/.test(ctx.doc.text.slice(m.end, m.end + 2)));
  if (owner) to = stateOf(ctx, owner);
  if (!to && tokens[v + 1]?.text === 'to') {
    const act = actorAfter(ctx, v + 2, cEnd);
    if (act) to = stateOf(ctx, act.m);
  }
  // The supplier: the state set off before ("China, the North's supplier") or the subject of "is", "become".
  let from: string | undefined;
  const before = open;
  if (tokens[before - 1]?.text === ',') from = ctx.mentions.endingAt(tokens[before - 2]?.end).map((m) => stateOf(ctx, m)).find(Boolean);
  else if (/^(?:become|became|becomes|is|was|remains|remained|be)$/i.test(tokens[before - 1]?.text ?? '') || /^(?:become|became|is|was|remains)$/i.test(tokens[before - 2]?.text ?? '')) {
    const subj = ctx.mentions.within({ start: tokens[cStart].start, end: tokens[before].start }).filter((m) => m.actor.type !== 'person' && !TRUE_PREPOSITIONS.has(wordBefore(ctx, m))).pop();
    from = stateOf(ctx, subj);
  }
  if (!from || !to || from === to) return;
  const modifiers = textOf(ctx, d, v);
  let category = ctx.cat.categorize(modifiers);
  let item = modifiers.replace(/^.*['’]s\s+/, '');
  if (!category) {
    const parent = contextFlow(ctx, tokens[v].start);
    if (!parent) return;
    category = parent.category;
    item = parent.item;
  }
  const src = sourceOf(ctx, tokens[v].start);
  addTransfer(ctx, {
    from, to, category, item: item || category, quantity: null, since: null, until: null, status: src.denial ? 'denied' : 'asserted',
    source: src.source, ...(src.sourceText ? { sourceText: src.sourceText } : {}), spans: [{ start: tokens[d].start, end: tokens[v].end }], rule: 'supplier-noun',
  });
}
