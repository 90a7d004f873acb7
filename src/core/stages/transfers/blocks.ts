// Line-shaped text: fact-box field blocks, tallies of suppliers, and the state a bulleted line is
// labelled with.
import { type AnnotatedDoc, type Span, type Transfer } from '../../doc.js';
import { lowerBound } from '../../search.js';
import { type Ctx, stateOf, otherOfPair, sourceOf } from './context.js';
import { quantityIn } from './items.js';
import { periodOf } from './period.js';
import { addTransfer } from './record.js';

const FIELD = /^[ \t]*[-•*]?[ \t]*(Supplier|Suppliers|Seller|Vendor|Contractor|Manufacturer|Maker|Buyer|Customer|Recipient|Scope|Items?|Deliverables|Value|Price|Cost|Schedule|Deliveries|Delivery|Timeline|Timetable)[ \t]*:[ \t]*(.*)$/gm;

/**
 * A fact box or press-release block ("- Supplier: Hyundai Rotem / - Scope: 180 K2 tanks with … /
 * - Value: about $3.37 billion"): the scope is a planned flow from the supplier to the buyer (named
 * in its own field, else the report's other main side), the value a planned payment back.
 * Fields of one block run until a blank line.
 */
export function fromFieldBlocks(ctx: Ctx): void {
  const { text } = ctx.doc;
  // Every field has a colon: most reports have none to look at.
  if (!text.includes(':')) return;
  let block: { label: string; start: number; end: number }[] = [];
  let lastEnd = -1;
  const flush = () => {
    const field = (re: RegExp) => block.find((f) => re.test(f.label));
    const scope = field(/^(?:scope|items?|deliverables)$/i);
    if (scope) fieldBlock(ctx, scope, field(/^(?:suppliers?|seller|vendor|contractor|manufacturer|maker)$/i), field(/^(?:buyer|customer|recipient)$/i), field(/^(?:value|price|cost)$/i), field(/^(?:schedule|deliveries|delivery|timeline|timetable)$/i));
    block = [];
  };
  for (const m of text.matchAll(FIELD)) {
    const at = m.index ?? 0;
    if (lastEnd >= 0 && /\n[ \t]*\n/.test(text.slice(lastEnd, at))) flush();
    const start = at + m[0].length - m[2].length;
    block.push({ label: m[1], start, end: start + m[2].length });
    lastEnd = start + m[2].length;
  }
  flush();
}

function fieldBlock(ctx: Ctx, scope: Span, supplier?: Span, buyer?: Span, value?: Span, schedule?: Span): void {
  const stateIn = (f?: Span) => {
    for (const m of f ? ctx.mentions.within(f) : []) {
      const st = stateOf(ctx, m);
      if (st) return st;
    }
    return undefined;
  };
  let from = stateIn(supplier);
  let to = stateIn(buyer);
  if (from && !to) to = otherOfPair(ctx, from);
  if (to && !from) from = otherOfPair(ctx, to);
  if (from && from === to) return;
  // The item runs to its first modifier: "180 K2 tanks with a training package" → "180 K2 tanks".
  const raw = ctx.doc.text.slice(scope.start, scope.end);
  const cut = raw.search(/\s(?:with|of|including|plus|in|for)\s|[,;(]/);
  const phrase = (cut > 0 ? raw.slice(0, cut) : raw).trim();
  const category = ctx.cat.categorize(phrase);
  if (!category) return;
  const itemSpan = { start: scope.start, end: scope.start + phrase.length };
  const amount = quantityIn(ctx, itemSpan);
  // The item names the thing, the amount stays in the quantity: "180 K2 tanks" → "K2 tanks".
  const item = amount && phrase.startsWith(amount.text) ? phrase.slice(amount.text.length).trim() || phrase : phrase;
  const src = sourceOf(ctx, scope.start);
  // "Schedule: the first 10 tanks are due in December; the batch is to be completed between 2023 and 2025".
  const { since, until } = schedule ? periodOf(ctx.doc, schedule) : { since: null, until: null };
  const base = { since, until, status: 'planned' as const, source: src.source, ...(src.sourceText ? { sourceText: src.sourceText } : {}) };
  const flow = { ...base, category, item, quantity: amount, spans: [itemSpan], rule: 'field-block' };
  // No supplier field ("Scope: six reactors" under "Parties: …"): the report's usual flow, once known.
  if (!from || !to) {
    ctx.pending.push({ ...flow, from: '', to: '' });
    return;
  }
  addTransfer(ctx, { ...flow, from, to });
  // "Schedule: the first 10 tanks are due in December": the first part of the order is a flow of its own.
  const first = schedule ? /\bfirst\s+/i.exec(ctx.doc.text.slice(schedule.start, schedule.end)) : null;
  if (schedule && first) {
    const at = schedule.start + first.index + first[0].length;
    const part = quantityIn(ctx, { start: at, end: Math.min(schedule.end, at + 12) });
    if (part && part.unit !== 'percent' && part.value !== null && ctx.doc.text.slice(at, at + part.text.length) === part.text) {
      const when = periodOf(ctx.doc, { start: at, end: schedule.end });
      addTransfer(ctx, { ...flow, from, to, item: `first ${item}`, quantity: part, since: when.since, until: when.until, spans: [{ start: at, end: Math.min(schedule.end, at + part.text.length) }], rule: 'field-block-first' });
    }
  }
  const price = value ? quantityIn(ctx, value) : null;
  if (value && price?.unit && /^[A-Z]{3}/.test(price.unit)) {
    addTransfer(ctx, { ...base, from: to, to: from, category: 'money', item: `payment for ${item}`, quantity: price, spans: [value], rule: 'field-block-value' });
  }
}

const TALLY_LINE = /^[ \t]*[-•*][ \t]*([^:\n]{2,40}):[ \t]*([^\n]*)$/gm;

/**
 * A tally of suppliers, one line each ("- Iraq: 830,000 bpd", "- Saudi Arabia: 560,000 bpd"): each
 * listed state sends the amount to the report's main state that the list leaves out. The amount's
 * unit names the category ("barrels per day" → energy); lines without a state or such a unit are
 * no flow.
 */
export function fromTallies(ctx: Ctx): void {
  if (!ctx.pair) return;
  const { text } = ctx.doc;
  if (!text.includes(':')) return; // every tally line has a colon
  const qs = ctx.doc.layers.quantities?.quantities ?? [];
  const rows: { state: string; quantity: NonNullable<Transfer['quantity']>; category: string; span: Span }[] = [];
  let qi = 0;
  for (const m of text.matchAll(TALLY_LINE)) {
    const at = m.index ?? 0;
    const labelStart = at + m[0].indexOf(m[1]);
    const label = ctx.mentions.within({ start: labelStart, end: labelStart + m[1].length }).filter((x) => x.actor.type === 'country');
    if (label.length !== 1 || label[0].end - label[0].start < m[1].trim().length - 1) continue; // the whole label is one state
    const valueStart = at + m[0].length - m[2].length;
    // ";"-joined lines ("United Arab Emirates: 203,000 bpd; United States: 138,000 bpd") give each state its own row.
    const pieces = [{ state: label[0].actor.id, start: valueStart, end: at + m[0].length }];
    const semi = text.slice(valueStart, at + m[0].length).indexOf(';');
    if (semi >= 0) {
      pieces[0].end = valueStart + semi;
      const rest = ctx.mentions.within({ start: valueStart + semi, end: at + m[0].length }).find((x) => x.actor.type === 'country' && text[x.end] === ':');
      if (rest) pieces.push({ state: rest.actor.id, start: rest.end + 1, end: at + m[0].length });
    }
    for (const p of pieces) {
      while (qi < qs.length && qs[qi].end <= p.start) qi++;
      const q = qs[qi];
      if (!q || q.start >= p.end || !q.unit || q.unit === 'percent') continue;
      const category = ctx.cat.categorize(q.unit);
      if (!category) continue;
      rows.push({ state: p.state, quantity: { value: q.value, min: q.min, max: q.max, unit: q.unit, approx: q.approx, text: q.text }, category, span: { start: p.start, end: p.end } });
    }
  }
  if (rows.length < 2) return;
  const listed = new Set(rows.map((r) => r.state));
  const other = ctx.pair.filter((x) => !listed.has(x));
  if (other.length !== 1) return;
  for (const r of rows) {
    const src = sourceOf(ctx, r.span.start);
    addTransfer(ctx, {
      from: r.state, to: other[0], category: r.category, item: r.quantity.unit ?? r.category, quantity: r.quantity, since: null, until: null, status: 'asserted',
      source: src.source, ...(src.sourceText ? { sourceText: src.sourceText } : {}), spans: [r.span], rule: 'tally-line',
    });
  }
}

/** Offsets of the report's line breaks, found once: "where does this line start?" by binary search. */
const newlinesOf = new WeakMap<object, number[]>();
function lineStartOf(doc: AnnotatedDoc, at: number): number {
  let breaks = newlinesOf.get(doc);
  if (!breaks) {
    breaks = [];
    for (let i = doc.text.indexOf('\n'); i >= 0; i = doc.text.indexOf('\n', i + 1)) breaks.push(i);
    newlinesOf.set(doc, breaks);
  }
  const k = lowerBound(breaks, at, (x) => x) - 1;
  return k >= 0 ? breaks[k] + 1 : 0;
}

/** "- Bangladesh: Rosatom is building …": the one state a bulleted line is labelled with, else undefined. */
export function lineLabel(ctx: Ctx, at: number): string | undefined {
  const { text } = ctx.doc;
  const lineStart = lineStartOf(ctx.doc, at);
  // A label needs a bullet, first on its line (after spaces): most lines have none.
  let b = lineStart;
  while (text[b] === ' ' || text[b] === '\t') b++;
  if (text[b] !== '-' && text[b] !== '•' && text[b] !== '*') return undefined;
  const m = /^[ \t]*[-•*][ \t]*([^:\n]{2,40}):/.exec(text.slice(lineStart, lineStart + 48));
  if (!m) return undefined;
  const start = lineStart + m[0].indexOf(m[1]);
  const inLabel = ctx.mentions.within({ start, end: start + m[1].length }).filter((x) => x.actor.type === 'country');
  return inLabel.length === 1 && inLabel[0].end - inLabel[0].start >= m[1].trim().length - 1 ? inLabel[0].actor.id : undefined;
}
