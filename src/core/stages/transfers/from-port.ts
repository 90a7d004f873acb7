// Cargo handled at a port, station or crossing: "Russian ships have been photographed unloading at
// Rajin", "cargo that Russian-flagged ships unloaded at Rajin", "about 300 containers stacked at
// Najin", "the ship appeared to be loading containers there", "left Bandar Amirabad with 2,000
// shells aboard and docked in Astrakhan". Where the cargo is loaded (or leaves) is its sender's
// state, where it is unloaded (or docks) its recipient's; the other side is the ship's state, a
// destination named in the clause, or the report's other main side.
import { type Transfer } from '../../doc.js';
import { clauseStart, clauseEnd, wordsBefore } from './clauses.js';
import { insideSpans, lowerBound } from '../../search.js';
import { DETERMINERS, type Ctx, otherOfPair, placeAfter, recipientAt, sentenceIndex, sourceOf } from './context.js';
import { itemEnd, quantityIn, textOf } from './items.js';
import { periodOf } from './period.js';
import { addTransfer, backRef } from './record.js';
import { statusOf } from './status.js';

/** Verbs that put cargo off a carrier: the place is the recipient's. */
const UNLOAD = new Set(['unload', 'unloads', 'unloaded', 'unloading', 'offload', 'offloads', 'offloaded', 'offloading', 'discharged', 'discharging']);
/** Verbs that put cargo on a carrier or ready it for one: the place is the sender's. */
const LOAD = new Set(['load', 'loads', 'loaded', 'loading', 'staged', 'stacked', 'stockpiled']);
/** A carrier leaving a place: "left Bandar Amirabad", "departed from Nampo". */
const DEPART = new Set(['left', 'leaving', 'departed', 'departing', 'sailed']);
/** Words for cargo whose kind the report gave before ("containers of munitions" … "the containers"). */
const CARGO = /^(?:containers?|cargo|cargoes|freight|crates|pallets|railcars|wagons|consignments?|load)$/i;
const CARRIER = /^(?:ships?|vessels?|freighters?|tankers?|ferries|barges?|trains?|trucks?|lorries|planes|flights|carriers?)$/i;
const AUX = /^(?:has|have|had|been|be|being|is|are|was|were|to|that|which|also|already|reportedly|apparently|appeared|appears|seen|photographed|filmed|observed|spotted|captured)$/i;

/** Every handling verb, for the per-token test. */
const HANDLING = new Set([...UNLOAD, ...LOAD, ...DEPART]);

export const isHandling = (w: string): boolean => HANDLING.has(w);

/** The state of the place at or after token i ("at Rajin", "in North Korea", "there" for the place named last in the sentence). */
function placeState(ctx: Ctx, i: number, end: number, sStart: number): { state: string; next: number } | undefined {
  if (/^there$/i.test(ctx.tokens[i]?.text ?? '')) {
    const state = placeBefore(ctx, i, sStart);
    return state ? { state, next: i + 1 } : undefined;
  }
  return placeAfter(ctx, i, end);
}

/** The state of the place named last before token i, in its sentence or the one before ("there"). */
function placeBefore(ctx: Ctx, i: number, sStart: number): string | undefined {
  const places = ctx.doc.layers.actors?.places ?? [];
  const sentences = ctx.doc.layers.segments?.sentences ?? [];
  const here = sentenceIndex(ctx, ctx.tokens[sStart].start);
  const from = sentences[Math.max(0, here - 1)]?.start ?? ctx.tokens[sStart].start;
  const at = ctx.tokens[i].start;
  const k = lowerBound(places, at, (p) => p.start);
  for (let j = k - 1; j >= 0 && places[j].start >= from; j--) if (places[j].country && places[j].end <= at) return places[j].country;
  return undefined;
}

/** The state of a carrier named in tokens [a, b): "Russian ships", "a Russian-flagged vessel". */
function carrierState(ctx: Ctx, a: number, b: number): string | undefined {
  for (let k = b - 1; k >= a; k--) {
    if (!CARRIER.test(ctx.tokens[k].text)) continue;
    const mods = ctx.mentions.within({ start: ctx.tokens[Math.max(a, k - 3)].start, end: ctx.tokens[k].start }).filter((m) => m.actor.type === 'country');
    if (mods.length) return mods[mods.length - 1].actor.id;
  }
  return undefined;
}

/** Is token k part of an amount or a modifier of the noun after it? */
function modifier(ctx: Ctx, k: number): boolean {
  const t = ctx.tokens[k];
  if (insideSpans(ctx.countSpans, t.start)) return true;
  return /^(?:\d[\d,.]*|about|some|roughly|around|nearly|over|more|than|least|at)$/i.test(t.text) || /^\p{Ll}[\p{Ll}-]*(?:al|ary|ic|ian)$/u.test(t.text) || !!ctx.cat.categorize(t.text);
}

/** The cargo before the verb ("300 containers stacked", "cargo that … unloaded"): its token range. */
function cargoBefore(ctx: Ctx, v: number, cStart: number): [number, number] | undefined {
  for (let k = v - 1; k >= cStart && k > v - 10; k--) {
    const t = ctx.tokens[k].text;
    if (/^[,;:]$/.test(t)) return undefined;
    if (CARRIER.test(t) || AUX.test(t) || /^\p{Lu}/u.test(t) || /-flagged$/.test(t)) continue;
    if (!CARGO.test(t) && !ctx.cat.categorize(t)) continue;
    // Back over its amount and modifiers ("about 300", "military"), not over a verb ("images show").
    let a = k;
    while (a > cStart && a > k - 5 && modifier(ctx, a - 1)) a--;
    return [a, k + 1];
  }
  return undefined;
}

/**
 * The category of cargo named by a container word: that of the latest flow between the same sides
 * whose item has the same word ("1,000 containers of munitions" … "300 containers stacked at Najin").
 */
function cargoCategory(ctx: Ctx, head: string, from: string, to: string): string | undefined {
  const word = head.toLowerCase().replace(/s$/, '');
  for (let i = ctx.out.length - 1; i >= Math.max(0, ctx.out.length - 16); i--) {
    const t = ctx.out[i];
    if (t.from === from && t.to === to && t.item.toLowerCase().includes(word)) return t.category;
  }
  return undefined;
}

/** A cargo handled at a place at token v; true when it made a flow. */
export function fromPort(ctx: Ctx, v: number, sStart: number, sEnd: number): boolean {
  const { tokens } = ctx;
  const w = ctx.lower[v];
  if (DETERMINERS.has(ctx.lower[v - 1] ?? '')) return false;
  const cStart = clauseStart(ctx, v, sStart);
  const cEnd = clauseEnd(ctx, v, sEnd);
  const departing = DEPART.has(w);
  const unloading = UNLOAD.has(w);
  // The place: right after a departure verb ("left Bandar Amirabad"), else after "at", "in" or "there".
  let place: { state: string; next: number } | undefined;
  let objectEnd = v + 1;
  if (departing) {
    const k = tokens[v + 1]?.text === 'from' ? v + 2 : v + 1;
    place = placeState(ctx, k, cEnd, sStart);
    objectEnd = place?.next ?? v + 1;
  } else {
    for (let p = v + 1; p < Math.min(cEnd, v + 8); p++) {
      const pw = ctx.lower[p];
      if (pw === 'there') place = placeState(ctx, p, cEnd, sStart);
      else if (/^(?:at|in)$/.test(pw)) place = placeState(ctx, p + 1, cEnd, sStart);
      else continue;
      if (place) objectEnd = p;
      break;
    }
  }
  if (!place) return false;
  // The cargo: the object after the verb ("unloading containers"), "with … aboard", or the noun before.
  let range: [number, number] | undefined;
  if (!departing && objectEnd > v + 1) {
    const e = itemEnd(ctx, v + 1, objectEnd);
    if (e > v + 1) range = [v + 1, e];
  }
  for (let p = objectEnd; departing && !range && p < cEnd; p++) {
    if (!/^(?:with|carrying)$/.test(tokens[p].text)) continue;
    let b = itemEnd(ctx, p + 1, cEnd);
    for (let q = p + 1; q < b; q++) if (/^(?:aboard|onboard)$/i.test(tokens[q].text)) b = q;
    if (b > p + 1) range = [p + 1, b];
  }
  range ??= departing ? undefined : cargoBefore(ctx, v, cStart);
  if (departing && !range) return false;
  const item = range ? textOf(ctx, range[0], range[1]).replace(/^(?:the|a|an|its|their|some|of|that)\s+/i, '') : 'cargo';
  const head = range ? tokens[range[1] - 1].text : 'cargo';
  const src = sourceOf(ctx, tokens[v].start);
  // The other side: a destination or a docking place named later, else the carrier's state, else the report's other side.
  let dest: string | undefined;
  for (let p = place.next; p < cEnd && !dest; p++) {
    const pw = ctx.lower[p];
    if (/^(?:to|for|into)$/.test(pw)) dest = recipientAt(ctx, p + 1, cEnd)?.state;
    else if (/^(?:docked|arrived|unloaded)$/.test(pw) && /^(?:in|at)$/.test(tokens[p + 1]?.text ?? '')) dest = placeAfter(ctx, p + 2, cEnd)?.state;
  }
  const carrier = carrierState(ctx, cStart, v) ?? carrierState(ctx, place.next, cEnd);
  const other = (side: string) => {
    const o = otherOfPair(ctx, side);
    return o !== src.source ? o : undefined;
  };
  let from: string | undefined;
  let to: string | undefined;
  if (unloading) {
    to = place.state;
    from = carrier !== to ? carrier : undefined;
    from ??= other(to);
  } else {
    from = place.state;
    to = dest ?? (carrier !== from ? carrier : undefined) ?? other(from);
  }
  if (from === to || (!from && !to)) return false;
  let category = ctx.cat.categorize(item);
  if ((!category || category === 'goods') && CARGO.test(head)) category = (from && to ? cargoCategory(ctx, head, from, to) : undefined) ?? 'goods';
  if (!category) return false;
  const span = { start: tokens[cStart].start, end: tokens[cEnd - 1]?.end ?? tokens[v].end };
  const amount = range ? quantityIn(ctx, { start: tokens[range[0]].start, end: tokens[range[1] - 1].end }) : null;
  const quantity: Transfer['quantity'] = amount && amount.unit !== 'percent' && !/^[A-Z]{3}/.test(amount.unit ?? '') ? amount : null;
  // "the containers were loaded at Najin": cargo named before is more evidence for its flow, not a new one.
  const definite = !!range && /^(?:the|these|those)$/i.test(tokens[range[0] - 1]?.text ?? '');
  if (definite && !quantity && from && to && backRef(ctx, from, to, category, span, undefined)) return true;
  const { since, until } = periodOf(ctx.doc, span);
  // One side unknown ("loading containers there" before the report names the buyer): the port's
  // usual partner, once the report's flows are known (addTransfer keeps it pending).
  addTransfer(ctx, {
    from: from ?? '', to: to ?? '', category, item, quantity, since, until,
    status: statusOf({ verb: w, before: wordsBefore(ctx, cStart, v), after: [], denial: src.denial, cue: src.cue, planned: false }),
    source: src.source, ...(src.sourceText ? { sourceText: src.sourceText } : {}), spans: [span], rule: 'port-handling',
  });
  return true;
}

/** Rolling stock counted at a crossing: "railcars", "wagons", "freight cars". */
const ROLLING_STOCK = new Set(['railcars', 'railway cars', 'wagons', 'boxcars', 'flatcars']);
const CAR_KINDS = new Set(['freight', 'rail', 'railway', 'goods']);

export const isRollingStock = (ctx: Ctx, v: number): boolean => {
  const lower = ctx.lower;
  return ROLLING_STOCK.has(lower[v]) || (lower[v] === 'cars' && v > 0 && CAR_KINDS.has(lower[v - 1]));
};

/**
 * "imagery showed roughly 73 freight cars at the Tumangang rail yard", "researchers counted 70
 * railcars there": freight counted at a station or crossing is a flow out of its state, inferred
 * from what was seen, so hedged; the other side is the station's usual partner in the report.
 */
export function fromRollingStock(ctx: Ctx, v: number, sStart: number, sEnd: number): boolean {
  const { tokens } = ctx;
  // The count right before ("roughly 73 freight cars").
  let a = /^cars$/i.test(tokens[v].text) ? v - 1 : v;
  while (a > sStart && a > v - 5 && modifier(ctx, a - 1)) a--;
  const amount = quantityIn(ctx, { start: tokens[a].start, end: tokens[v].end });
  if (a === v || !amount || amount.unit === 'percent') return false;
  const cStart = clauseStart(ctx, v, sStart);
  const cEnd = clauseEnd(ctx, v, sEnd);
  let k = v + 1;
  if (tokens[k]?.text === 'of' && /^(?:freight|cargo|goods)$/i.test(tokens[k + 1]?.text ?? '')) k += 2;
  // "stood at Tumangang", "were waiting at Khasan".
  for (let n = 0; n < 2 && /^(?:stood|stand|standing|were|was|sat|waited|waiting|queued|parked|idled|lined|up)$/i.test(tokens[k]?.text ?? ''); n++) k++;
  let place: { state: string; next: number } | undefined;
  if (/^there$/i.test(tokens[k]?.text ?? '')) place = placeState(ctx, k, cEnd, sStart);
  else if (/^(?:at|in)$/.test(tokens[k]?.text ?? '')) place = placeState(ctx, k + 1, cEnd, sStart) ?? namedYard(ctx, k + 1, cEnd);
  // "At the Tumangang rail yard, imagery showed 73 freight cars": the place set before in the sentence.
  const opening = /^[-•*]$/.test(tokens[sStart]?.text ?? '') ? sStart + 1 : sStart; // a bulleted line
  if (!place && /^at$/i.test(tokens[opening]?.text ?? '')) {
    const state = namedYard(ctx, opening + 1, v)?.state ?? placeAfter(ctx, opening + 1, v)?.state;
    if (state) place = { state, next: v + 1 };
  }
  if (!place) return false;
  const src = sourceOf(ctx, tokens[v].start);
  const to = otherOfPair(ctx, place.state);
  const span = { start: tokens[cStart].start, end: tokens[cEnd - 1]?.end ?? tokens[v].end };
  const { since, until } = periodOf(ctx.doc, span);
  addTransfer(ctx, {
    from: place.state, to: to && to !== src.source ? to : '', category: 'goods', item: textOf(ctx, a, v + 1).replace(/^(?:about|roughly|around|some|nearly)\s+/i, '').replace(/^[\d,.]+\s+/, ''),
    quantity: amount, since, until, status: src.denial ? 'denied' : 'hedged',
    source: src.source, ...(src.sourceText ? { sourceText: src.sourceText } : {}), spans: [span], rule: 'rolling-stock',
  });
  return true;
}

/** "at the Tumangang rail yard": a place named inside a station's name. */
function namedYard(ctx: Ctx, i: number, end: number): { state: string; next: number } | undefined {
  let k = i;
  while (k < end && DETERMINERS.has(ctx.lower[k])) k++;
  const place = ctx.placeAt.get(ctx.tokens[k]?.start ?? -1);
  if (!place?.country) return undefined;
  let next = k;
  while (next < end && ctx.tokens[next].start < place.end) next++;
  return /^(?:rail|railway|border|freight|goods)$/i.test(ctx.tokens[next]?.text ?? '') || /^(?:yard|station|crossing|terminal)$/i.test(ctx.tokens[next]?.text ?? '') ? { state: place.country, next } : undefined;
}
