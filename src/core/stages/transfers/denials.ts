// Denials of a flow claimed before: each denier denies the flow the report put to it.
import { type Ctx, actorState, sentenceIndex } from './context.js';
import { addTransfer } from './record.js';

/**
 * "Moscow and Pyongyang have denied that any arms trade is taking place", "Pyongyang has rejected
 * the claim": each denier denies the flow the report last put to them, as a denied transfer of
 * its own (a claim and its denial are two transfers).
 */
export function fromDenials(ctx: Ctx): void {
  for (const d of ctx.attributions) {
    if (d.kind !== 'denial' || !d.source) continue;
    if (ctx.out.some((t) => t.status === 'denied' && t.source === d.source && t.spans.some((s) => s.start < d.end && d.start < s.end))) continue;
    // What a party denies is the report's main accusation against it: the flow it is most often
    // said to be part of before the denial, its latest wording.
    // A person or body denies for its state ("Prigozhin, Wagner's founder, dismissed the report").
    const denier = actorState(ctx, d.source) ?? d.source;
    const before = ctx.out.filter((t) => t.status !== 'denied' && t.spans[0].start < d.start && (t.from === denier || t.to === denier || ctx.pair?.includes(denier)));
    // Flows counted once per sentence, so a long list does not outweigh repeated accusations.
    const count = new Map<string, Set<number>>();
    for (const t of before) {
      const key = `${t.from}>${t.to}`;
      if (!count.has(key)) count.set(key, new Set());
      count.get(key)!.add(sentenceIndex(ctx, t.spans[0].start));
    }
    const main = [...count.entries()].sort((x, y) => y[1].size - x[1].size)[0]?.[0];
    const claimed = [...before].reverse().find((t) => `${t.from}>${t.to}` === main);
    if (!claimed) continue;
    const content = ctx.doc.text.slice(d.start, d.end);
    const category = ctx.cat.categorize(content) ?? claimed.category;
    const word = content.match(/\b(?:arms|weapons|ammunition|munitions|shells|missiles|drones|troops|workers)\b/i)?.[0];
    addTransfer(ctx, {
      from: claimed.from, to: claimed.to, category, item: word ?? claimed.item, quantity: null, since: null, until: null,
      status: 'denied', source: d.source, spans: [{ start: d.start, end: d.end }], rule: 'denial-of-claimed-flow',
    });
  }
}
