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

/** The flows of one merge key, each list in the order recorded. */
interface FlowBucket {
  all: Transfer[];
  /** Flows recorded without an amount (one may have taken an amount since). */
  bare: Transfer[];
  /** Flows recorded with an amount, by its text. */
  byAmount: Map<string, Transfer[]>;
}

/**
 * The recorded flows of a report by merge key, so a merge looks only at the flows it could join (a
 * report's flows are recorded only through addTransfer); kept beside the report's list of flows,
 * with each flow's place in it. An amount once set is never changed (rules only fill in a missing
 * one), so a flow with an amount joins only a bare flow or one recorded with the same amount.
 */
const flowIndexes = new WeakMap<Transfer[], { buckets: Map<string, FlowBucket>; order: Map<Transfer, number> }>();

/** The first flow of a bucket, in the order recorded, that a new flow with this amount text may join and `joins` accepts. */
function firstJoin(bucket: FlowBucket, order: Map<Transfer, number>, amount: string | undefined, joins: (o: Transfer) => boolean): Transfer | undefined {
  if (amount === undefined) return bucket.all.find(joins);
  const bare = bucket.bare;
  const same = bucket.byAmount.get(amount) ?? [];
  for (let i = 0, j = 0; i < bare.length || j < same.length;) {
    const o = j >= same.length || (i < bare.length && order.get(bare[i])! < order.get(same[j])!) ? bare[i++] : same[j++];
    if (joins(o)) return o;
  }
  return undefined;
}

/** Sides, category, source and status: what two flows must share to be one ("\0" separates, a missing source is marked apart). */
function flowKey(t: Omit<Transfer, 'stage'>): string {
  const source = t.source === null ? '\u0001null' : t.source === undefined ? '\u0001none' : `=${t.source}`;
  return `${t.from}\0${t.to}\0${t.category}\0${source}\0${t.status}`;
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
  // Only flows of the same sides, category, source and status can merge: those are looked up by key.
  const key = flowKey(t);
  let index = flowIndexes.get(ctx.out);
  if (!index) flowIndexes.set(ctx.out, (index = { buckets: new Map(), order: new Map() }));
  const bucket = index.buckets.get(key);
  const same = bucket && firstJoin(bucket, index.order, t.quantity?.text, (o) => sameItem(o.item, t.item)
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
  const added = { ...t, stage: STAGE };
  ctx.out.push(added);
  index.order.set(added, ctx.out.length - 1);
  if (bucket) {
    bucket.all.push(added);
    if (!t.quantity) bucket.bare.push(added);
    else {
      const same = bucket.byAmount.get(t.quantity.text);
      if (same) same.push(added);
      else bucket.byAmount.set(t.quantity.text, [added]);
    }
  } else index.buckets.set(key, { all: [added], bare: t.quantity ? [] : [added], byAmount: new Map(t.quantity ? [[t.quantity.text, [added]]] : []) });
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
    // A loop, not Math.max(...): a flow told thousands of times has thousands of spans.
    let last = -1;
    for (const x of t.spans) if (x.start < at && x.start > last) last = x.start;
    if (last > bestAt && here - sentenceIndex(ctx, last) <= 3) {
      best = t;
      bestAt = last;
    }
  }
  return best;
}
