// Amounts stated after the item of a flow: later in its clause ("shipped fuel to the North, about
// 1.1 million barrels in all") or in the next sentence about it ("The shipments totalled between
// 50,000 and 80,000 tonnes"). Only a measure (tonnes, barrels, cubic metres) counts, and only for
// one flow of its category that has no amount yet, so counted items of other flows are never taken.
import { type Quantity, type Transfer } from '../../doc.js';
import { lowerBound } from '../../search.js';
import { type Ctx, sentenceIndex } from './context.js';

/** Counts of voyages or shipments ("at least six voyages", "12 trips"): the number of times a flow moved. */
const VOYAGES = /^(?:voyage|shipment|consignment|shipload|trainload)s?$/;
const MEASURE = /^(?:tonne|barrel|cubic metre|kilogram|litre|gallon|billion cubic metre|bcm)(?: per (?:day|week|month|year))?$/;

/**
 * The amounts starting in [start, end) and ending by end, found by binary search (the quantities
 * layer is in text order), so looking at a clause costs its own amounts, not the report's.
 */
export function quantitiesWithin(ctx: Ctx, start: number, end: number): Quantity[] {
  const qs = ctx.doc.layers.quantities?.quantities ?? [];
  const out: Quantity[] = [];
  for (let i = lowerBound(qs, start, (q) => q.start); i < qs.length && qs[i].start < end; i++) if (qs[i].end <= end) out.push(qs[i]);
  return out;
}

/** Categories measured in bulk: a bare measure can only be theirs. */
const BULK = new Set(['energy', 'food', 'goods']);

type Amount = NonNullable<Transfer['quantity']>;

const asAmount = (q: { value: number | null; min: number | null; max: number | null; unit: string | null; approx: boolean; text: string; change?: Amount['change'] }): Amount =>
  ({ value: q.value, min: q.min, max: q.max, unit: q.unit, approx: q.approx, text: q.text, ...(q.change ? { change: q.change } : {}) });

/** The measure of this category between offsets start and end (the rest of a clause), if exactly one. */
export function measureBetween(ctx: Ctx, start: number, end: number, category: string): Amount | null {
  const qs = quantitiesWithin(ctx, start, end).filter((q) => !q.vague && q.unit && MEASURE.test(q.unit)
    && (!q.item || ctx.cat.categorize(q.item) === category));
  return qs.length === 1 ? asAmount(qs[0]) : null;
}

/**
 * A sentence that states no flow of its own but a measure ("Deliveries totalled about 1.1 million
 * barrels") or a count of items ("The ship docked with about 1,800 bombs"): the amount of the one
 * flow of that category the sentence before stated without one.
 */
export function amountAfterFlow(ctx: Ctx, s: { start: number; end: number }): void {
  const here = sentenceIndex(ctx, s.start);
  // A measure ("1.1 million barrels") or a count of named items ("about 1,800 MK-84 bombs").
  const qs = quantitiesWithin(ctx, s.start, s.end).filter((q) => !q.vague && q.unit && (MEASURE.test(q.unit) || VOYAGES.test(q.unit) || (!!q.item && !!ctx.cat.categorize(q.item))));
  if (qs.length !== 1) return;
  const q = qs[0];
  // "At least six voyages have taken place": a count of voyages is the amount of the flow they carry, whatever it is.
  const voyages = VOYAGES.test(q.unit ?? '');
  const open = ctx.out.slice(-12).filter((t) => !t.quantity && here - sentenceIndex(ctx, t.spans[t.spans.length - 1].start) === 1
    && (voyages || (q.item ? ctx.cat.categorize(q.item) === t.category : BULK.has(t.category) && (t.category === 'energy' || !/^barrel/.test(q.unit ?? '')))));
  if (open.length !== 1) return;
  open[0].quantity = asAmount(q);
  open[0].spans.push({ start: s.start, end: s.end });
}

/**
 * "Oil was shipped from Iran to Syria by tanker at a rate of one to three million barrels a month":
 * the one measure of a sentence that no flow took is the amount of the one bulk flow it stated without one.
 */
export function measureInSentence(ctx: Ctx, s: { start: number; end: number }, found: number): void {
  const fresh = ctx.out.slice(found);
  const taken = new Set(fresh.map((t) => t.quantity?.text));
  // "delivered oil to North Korea in at least six voyages": the count of voyages of the one flow stated without an amount.
  const unsized = fresh.filter((t) => !t.quantity);
  if (unsized.length === 1) {
    const trips = quantitiesWithin(ctx, s.start, s.end).filter((q) => !q.vague && q.unit && VOYAGES.test(q.unit) && !taken.has(q.text));
    if (trips.length === 1) {
      unsized[0].quantity = asAmount(trips[0]);
      return;
    }
  }
  const open = fresh.filter((t) => !t.quantity && BULK.has(t.category));
  if (open.length !== 1) return;
  const qs = quantitiesWithin(ctx, s.start, s.end).filter((q) => !q.vague && q.unit && MEASURE.test(q.unit) && !taken.has(q.text)
    && (!q.item || ctx.cat.categorize(q.item) === open[0].category) && (open[0].category === 'energy' || !/^barrel/.test(q.unit)));
  if (qs.length === 1) open[0].quantity = asAmount(qs[0]);
}
