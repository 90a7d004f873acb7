// Recording flows: a new transfer (merged with the same one stated before), a mention pointing back
// to a flow already recorded, and the flow an elliptic amount or pronoun goes on with.
import { type Span, type Transfer } from '../../doc.js';
import { STAGE, type Ctx, sentenceIndex } from './context.js';
import { periodAhead } from './period.js';

/** Two wordings of one item: one holds the other, or they end in the same head noun. */
function sameItem(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x.includes(y) || y.includes(x)) return true;
  const head = (s: string) => s.replace(/[^a-z\s-]/g, '').trim().split(/\s+/).pop() ?? '';
  return head(x) !== '' && head(x) === head(y);
}

export function addTransfer(ctx: Ctx, t: Omit<Transfer, 'stage'>): void {
  if (t.from === t.to) return;
  // "may fall below 1.5 million bpd in the fourth quarter": a doubted flow whose period has not begun
  // is still to come (an asserted one keeps its tense: a past verb says the date is past).
  if (t.status === 'hedged' && periodAhead(ctx.doc.published, t.since)) t = { ...t, status: 'planned' };
  // One side unknown: kept aside until the report's usual partner for that side is known.
  if (!t.from || !t.to) {
    if (t.from || t.to) ctx.pending.push(t);
    return;
  }
  const same = ctx.out.find((o) => o.from === t.from && o.to === t.to && o.category === t.category && o.source === t.source && o.status === t.status
    && sameItem(o.item, t.item)
    // Different amounts or periods are different estimates, kept apart.
    && (!o.quantity || !t.quantity || o.quantity.text === t.quantity.text)
    && (!o.since || !t.since || o.since === t.since) && (!o.until || !t.until || o.until === t.until));
  if (same) {
    same.spans.push(...t.spans);
    if (!same.quantity && t.quantity) same.quantity = t.quantity;
    same.since ??= t.since;
    same.until ??= t.until;
    return;
  }
  ctx.out.push({ ...t, stage: STAGE });
  ctx.traded.add(`${t.from}>${t.to}`);
  ctx.trace?.({ stage: STAGE, rule: t.rule, start: t.spans[0].start, end: t.spans[0].end, action: `${t.from}>${t.to}:${t.category} ${t.status}` });
}

/** Adds a span to the latest flow of this category between these sides (looking back a few flows); false when there is none. */
export function backRef(ctx: Ctx, from: string | undefined, to: string | undefined, category: string, span: Span, source: string | null | undefined): boolean {
  for (let i = ctx.out.length - 1; i >= Math.max(0, ctx.out.length - 12); i--) {
    const t = ctx.out[i];
    if (t.category !== category || t.status === 'denied' || (source !== undefined && t.source !== source)) continue;
    if ((from && t.from !== from) || (to && t.to !== to) || (!from && !to)) continue;
    t.spans.push(span);
    return true;
  }
  return false;
}

/** The flow an elliptic amount goes on with: the one stated last before `at`, in this sentence or the three before. */
export function contextFlow(ctx: Ctx, at: number, category?: string): Omit<Transfer, 'stage'> | undefined {
  const here = sentenceIndex(ctx, at);
  let best: Omit<Transfer, 'stage'> | undefined;
  let bestAt = -1;
  const recent = [...ctx.out.slice(-8), ...ctx.pending.slice(-4)];
  for (const t of recent) {
    if (category && t.category !== category) continue;
    const last = Math.max(...t.spans.filter((x) => x.start < at).map((x) => x.start), -1);
    if (last > bestAt && here - sentenceIndex(ctx, last) <= 3) {
      best = t;
      bestAt = last;
    }
  }
  return best;
}
