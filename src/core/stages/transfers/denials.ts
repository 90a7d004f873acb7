// Denials of a flow claimed before: each denier denies the flow the report put to it.
import { type Attribution } from '../../doc.js';
import { ARMS_CATEGORIES } from './categories.js';
import { type Ctx, actorState, sentenceIndex } from './context.js';
import { addTransfer } from './record.js';

/** "Both governments", "the two countries", "neither side": a denial spoken for both sides of the flow. */
const BOTH_SIDES = /^(?:both|the two)\s+(?:governments|countries|sides|states|capitals|nations|parties)$|^(?:neither|each)\s+(?:government|country|side|state|capital|nation|party)$/i;

/**
 * "Moscow and Pyongyang have denied that any arms trade is taking place", "Pyongyang has rejected
 * the claim", "Both governments reject the allegations": each denier denies the flow the report
 * last put to them, as a denied transfer of its own (a claim and its denial are two transfers).
 */
export function fromDenials(ctx: Ctx): void {
  for (const d of ctx.attributions) {
    if (d.kind !== 'denial') continue;
    if (d.source) denyFor(ctx, d, d.source);
    else if (BOTH_SIDES.test(d.sourceText?.trim() ?? '')) {
      // Both sides of the report's main accusation between its two main states deny it.
      const claimed = mainClaim(ctx, d, undefined);
      if (claimed) for (const side of [claimed.from, claimed.to]) denyFor(ctx, d, side, true);
    }
  }
}

/** The report's main accusation before a denial: the flow most often stated (once per sentence), its latest wording. */
function mainClaim(ctx: Ctx, d: Attribution, denier: string | undefined) {
  const stated = ctx.out.filter((t) => t.status !== 'denied' && t.spans[0].start < d.start
    && (denier ? t.from === denier || t.to === denier || ctx.pair?.includes(denier) : !ctx.pair || (ctx.pair.includes(t.from) && ctx.pair.includes(t.to))));
  // An accusation is a flow stated as fact; one only judged likely or planned weighs only when there is none.
  const asserted = stated.filter((t) => t.status === 'asserted');
  const before = asserted.length ? asserted : stated;
  // Flows counted once per sentence, so a long list does not outweigh repeated accusations.
  const count = new Map<string, Set<number>>();
  for (const t of before) {
    const key = `${t.from}>${t.to}`;
    if (!count.has(key)) count.set(key, new Set());
    count.get(key)!.add(sentenceIndex(ctx, t.spans[0].start));
  }
  const main = [...count.entries()].sort((x, y) => y[1].size - x[1].size)[0]?.[0];
  return [...before].reverse().find((t) => `${t.from}>${t.to}` === main);
}

function denyFor(ctx: Ctx, d: Attribution, source: string, general = false): void {
  if (ctx.out.some((t) => t.status === 'denied' && t.source === source && t.spans.some((s) => s.start < d.end && d.start < s.end))) return;
  // A person or body denies for its state ("Prigozhin, Wagner's founder, dismissed the report").
  const denier = actorState(ctx, source) ?? source;
  const claimed = mainClaim(ctx, d, denier);
  if (!claimed) return;
  // "Iran denied that the drones it sold to Russia were used": a flow the denial itself takes as
  // given (told in a relative clause, so not denied) is no flow it denies.
  if (ctx.out.some((t) => t.status !== 'denied' && t.from === claimed.from && t.to === claimed.to && t.spans.some((s) => s.start >= d.start && s.end <= d.end))) return;
  const content = ctx.doc.text.slice(d.start, d.end);
  const named = ctx.cat.categorize(content);
  const word = content.match(/\b(?:arms|weapons|ammunition|munitions|shells|missiles|drones|troops|workers)\b/i)?.[0];
  // "Both governments reject the allegations": with no item named, what both deny is the arms trade as such.
  // a denial of "the allegations" about any kind of arms denies arms in general
  const arms = general && !named && ARMS_CATEGORIES.has(claimed.category);
  const category = named ?? (arms ? 'weapons' : claimed.category);
  addTransfer(ctx, {
    from: claimed.from, to: claimed.to, category, item: word ?? (arms ? 'arms' : claimed.item), quantity: null, since: null, until: null,
    status: 'denied', source, spans: [{ start: d.start, end: d.end }], rule: 'denial-of-claimed-flow',
  });
}
