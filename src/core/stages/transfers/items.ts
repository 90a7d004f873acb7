// Item phrases: where an item ends, its head, its amount, and a list split into one item per part.
import { type Quantity, type Span, type Transfer } from '../../doc.js';
import { insideSpans, lowerBound } from '../../search.js';
import { PREPOSITIONS, TRUE_PREPOSITIONS, type Ctx } from './context.js';

/** The items of a list ("food, oil, and technical assistance"), each with its token range. */
export function splitItems(ctx: Ctx, a: number, b: number): [number, number][] {
  const parts: [number, number][] = [];
  let s = a;
  for (let k = a; k < b; k++) {
    const t = ctx.tokens[k].text;
    const asWellAs = t === 'as' && ctx.tokens[k + 1]?.text === 'well' && ctx.tokens[k + 2]?.text === 'as';
    const separator = t === ',' || (t === 'and' && !isPhrase(ctx, s, k, b)) || asWellAs;
    if (!separator) continue;
    if (k > s) parts.push([s, k]);
    if (asWellAs) k += 2;
    s = k + 1;
    if (ctx.tokens[s]?.text === 'as' && ctx.tokens[s + 1]?.text === 'well' && ctx.tokens[s + 2]?.text === 'as') s += 3;
    if (ctx.tokens[s]?.text === 'and') s++;
  }
  if (b > s) parts.push([s, b]);
  // "in UAE dirhams and, less often, in Chinese yuan": an aside is no item, a repeated "in" no part of one.
  for (let i = parts.length - 1; i >= 0; i--) {
    if (ctx.tokens.slice(parts[i][0], parts[i][1]).every((t) => /^(?:less|more|most|often|usually|mostly|partly|also|sometimes|occasionally|rarely|\p{Ll}+ly)$/iu.test(t.text))) parts.splice(i, 1);
    else if (i > 0 && /^(?:in|with)$/.test(ctx.tokens[parts[i][0]].text)) parts[i][0]++;
  }
  // "eight tanks, along with up to four support vehicles": a second item joined on is its own flow.
  const joined = parts.findIndex(([x], i) => i > 0 && /^(?:along|together)$/i.test(ctx.tokens[x].text) && ctx.tokens[x + 1]?.text === 'with');
  if (joined > 0) {
    const out = parts.map(([x, y], i): [number, number] => (i === joined ? [x + 2, y] : [x, y]));
    if (out.every(([x, y]) => ctx.cat.categorize(textOf(ctx, x, y)))) return out;
  }
  // "50 CV90 vehicles and Archer howitzers", "300,000 shells and a million rounds": an amount on
  // one part marks separate items even of one category.
  const counted = (x: number, y: number) => {
    const q = quantityIn(ctx, { start: ctx.tokens[x].start, end: ctx.tokens[y - 1].end });
    return q !== null && q.unit !== 'percent' && (q.value !== null || q.min !== null || q.max !== null);
  };
  // "machine tools and their parts": a part that points back is one item with the first.
  if (parts.length > 1 && parts.slice(1).some(([x]) => /^(?:its|their)$/i.test(ctx.tokens[x].text))) return [[a, b]];
  // Keep the list apart only when its parts fall into different categories.
  const cats = parts.map(([x, y]) => ctx.cat.categorize(textOf(ctx, x, y)));
  // "fighter aircraft, armoured vehicles and missile production equipment": neighbours of one category are one item.
  if (parts.length > 1 && cats.every((c) => c) && new Set(cats).size > 1 && !parts.some(([x, y]) => counted(x, y))) {
    const merged: [number, number][] = [];
    parts.forEach(([x, y], i) => {
      if (i > 0 && cats[i] === cats[i - 1]) merged[merged.length - 1][1] = y;
      else merged.push([x, y]);
    });
    return merged;
  }
  if (parts.length > 1 && cats.every((c) => c) && new Set(cats).size > 1) return parts;

  // "machine tools and their parts": a part that points back is one item with the first.
  const anaphoric = parts.some(([x]) => /^(?:its|their)$/i.test(ctx.tokens[x].text));
  if (parts.length > 1 && !anaphoric && cats.every((c) => c) && parts.some(([x, y]) => counted(x, y))) return parts;
  return [[a, b]];
}

/**
 * "weapons and ammunition", "1,000 containers of military equipment and munitions": a listed
 * phrase that runs across the "and" at token k (starting at most three words before it) is one item.
 */
export function isPhrase(ctx: Ctx, s: number, k: number, b: number): boolean {
  for (let j = Math.max(s, k - 3); j < k; j++) {
    for (let e = k + 2; e <= Math.min(b, k + 4); e++) if (ctx.cat.isListedPhrase(textOf(ctx, j, e))) return true;
  }
  return false;
}

export const textOf = (ctx: Ctx, a: number, b: number): string => (b > a ? ctx.doc.text.slice(ctx.tokens[a].start, ctx.tokens[b - 1].end) : '');

/** Whether a list of amounts is in text order without overlaps, by list (worked out once per list). */
const inOrder = new WeakMap<readonly Quantity[], boolean>();
function ordered(amounts: readonly Quantity[]): boolean {
  let known = inOrder.get(amounts);
  if (known === undefined) inOrder.set(amounts, (known = amounts.every((q, i) => q.start <= q.end && (i === 0 || amounts[i - 1].end <= q.start))));
  return known;
}

/** The amounts that state a change applying to a span, by list (worked out once per list). */
const changesOf = new WeakMap<readonly Quantity[], Quantity[]>();

/** The first amount holding a span: by binary search when the amounts are in order and apart, as they usually are. */
function amountHolding(amounts: readonly Quantity[], start: number, end: number): Quantity | undefined {
  if (!ordered(amounts)) return amounts.find((q) => q.start <= start && end <= q.end);
  const q = amounts[lowerBound(amounts, start + 1, (x) => x.start) - 1];
  return q && q.start <= start && end <= q.end ? q : undefined;
}

/** The item noun phrase from token a: up to a preposition that opens an actor, a time or a clause. */
export function itemEnd(ctx: Ctx, a: number, end: number): number {
  const amounts = ctx.doc.layers.quantities?.quantities ?? [];
  const lower = ctx.lower;
  for (let k = a; k < end; k++) {
    // An amount is part of the item phrase ("more than 1,000 containers", "over 3 million").
    const amount = amountHolding(amounts, ctx.tokens[k].start, ctx.tokens[k].end);
    if (amount) {
      while (k + 1 < end && ctx.tokens[k + 1].end <= amount.end) k++;
      continue;
    }
    const w = lower[k];
    // "technology, as well as food aid": the list goes on.
    if (w === 'as' && ctx.tokens[k + 1]?.text === 'well' && ctx.tokens[k + 2]?.text === 'as') {
      k += 2;
      continue;
    }
    // "materials for a drone factory", "equipment for producing drones": a listed phrase runs across the preposition.
    if (k > a && PREPOSITIONS.has(w) && (ctx.cat.isListedPhrase(textOf(ctx, k - 1, k + 1)) || ctx.cat.isListedPhrase(textOf(ctx, k - 1, Math.min(end, k + 2))))) continue;
    if (k > a && PREPOSITIONS.has(w) && w !== 'of' && !(w === 'as' && /^(?:described|characterized|characterised|known|labelled|labeled|termed)$/i.test(ctx.tokens[k - 1].text))) return k;
    if (w === ',' && (k + 1 >= end || /^(?:\p{Ll}+ing|since|in|on|at|from|to|according|as|mostly|while|a|an|the|which|who|its|their|roughly|about|up|down|compared|almost|nearly|around|some|most|many|none|all|each|both)$/u.test(ctx.tokens[k + 1].text))) return k;
    if (w === '(' || w === ')' || w === '—' || w === '–') return k;
    // "19 F-16 jets, Prime Minister Frederiksen announced": the speaker tag closes the item.
    if (w === ',' && k + 1 < end && ctx.speakerStarts.has(ctx.tokens[k + 1].start)) return k;
    if (k > a && (ctx.give.has(w) || ctx.motion.has(w)) && lower[k - 1] !== 'the') return k;
  }
  return end;
}

/** Where an item's head ends: at its first modifying preposition ("fuel for the first of four units" → "fuel"); "of" stays ("1,000 containers of"). */
export function headEnd(ctx: Ctx, a: number, b: number): number {
  for (let k = a + 1; k < b; k++) {
    const w = ctx.lower[k];
    if (w !== 'of' && w !== 'than' && w !== 'to' && TRUE_PREPOSITIONS.has(w)) return k;
  }
  return b;
}

export function quantityIn(ctx: Ctx, span: Span): Transfer['quantity'] {
  const qs = ctx.doc.layers.quantities?.quantities ?? [];
  const stated = (q: Quantity) => q.start < span.end && span.start < q.end && (q.value !== null || q.min !== null || q.max !== null || q.vague || q.change);
  let hit: Quantity | undefined;
  if (ordered(qs)) {
    // In order and apart, the amounts overlapping the span are a run from the first one ending after its start.
    for (let i = lowerBound(qs, span.start + 1, (q) => q.end); i < qs.length && qs[i].start < span.end && !hit; i++) if (stated(qs[i])) hit = qs[i];
  } else hit = qs.find(stated);
  if (!hit) {
    let changes = changesOf.get(qs);
    if (!changes) changesOf.set(qs, (changes = qs.filter((q) => q.change && q.appliesTo)));
    hit = changes.find((q) => q.appliesTo!.start < span.end && span.start < q.appliesTo!.end);
  }
  if (!hit) return null;
  return {
    value: hit.value, min: hit.min, max: hit.max, unit: hit.unit, approx: hit.approx, text: hit.text,
    ...(hit.change ? { change: hit.change } : {}),
  };
}

/**
 * The parts of a listed run of items: a comma list of three or more is one item each; "X and Y" is
 * split as splitItems does.
 */
export function listParts(ctx: Ctx, a: number, b: number): [number, number][] {
  let commas = 0;
  for (let k = a; k < b; k++) if (ctx.tokens[k].text === ',') commas++;
  if (commas === 0 && ctx.tokens.slice(a, b).some((t) => t.text === 'or')) commas = 1; // "food or fuel" is no phrase
  if (commas === 0) return splitItems(ctx, a, b);
  const parts: [number, number][] = [];
  let s = a;
  for (let k = a; k <= b; k++) {
    const t = k < b ? ctx.tokens[k].text : ',';
    if (t !== ',' && !((t === 'and' || t === 'or') && !isPhrase(ctx, s, k, b))) continue;
    if (k > s) parts.push([s, k]);
    s = k + 1;
    if (ctx.tokens[s]?.text === 'and') s++;
  }
  return parts;
}

export const ELLIPTIC_WORDS = /^(?:the|first|last|next|remaining|other|rest|all|another|further|more|of|them|these|those|its|their)$/i;

/** "the first six", "eight", "the last five", "more": an amount that stands for an item named before. */
export function ellipticAmount(ctx: Ctx, a: number, b: number): boolean {
  if (b - a > 6) return false;
  let amount = false;
  for (let k = a; k < b; k++) {
    const t = ctx.tokens[k];
    if (insideSpans(ctx.countSpans, t.start)) amount = true;
    else if (!ELLIPTIC_WORDS.test(t.text)) return false;
  }
  return amount || (b - a === 1 && /^more$/i.test(ctx.tokens[a].text));
}
