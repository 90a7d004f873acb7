// Transfers: who sends what to whom, how much, when, as whose claim. Clause by clause around a
// verb of giving or getting ("North Korea has provided Russia with over 3 million artillery
// shells", "Russia bought drones from Iran", "were shipped to Russia") or a flow noun
// ("Russian wheat shipments", "deliveries of refined petroleum to Pyongyang"); lists split into
// one transfer per item; the quantity, period, status and source come from the layers before.
import { requireLayer, withLayer, type AnnotatedDoc, type Attribution, type Span, type Token, type Transfer } from '../../doc.js';
import type { Stage, StageContext } from '../../pipeline.js';
import { insideSpans, lowerBound } from '../../search.js';
import { Mentions, type MentionRef } from '../mentions.js';
import { Categorizer } from './categories.js';
import { Makers } from './makers.js';
import { periodOf } from './period.js';
import { statusOf } from './status.js';

const STAGE = 'transfers';

const PREPOSITIONS = new Set(['to', 'into', 'from', 'for', 'by', 'in', 'since', 'through', 'via', 'at', 'under', 'during', 'on', 'over', 'between', 'until', 'before', 'after', 'across', 'toward', 'towards', 'as', 'against', 'because', 'while', 'when', 'although', 'but', 'that', 'which', 'who', 'where', 'including', 'despite', 'amid', 'without', 'than']);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'each', 'every', 'its', 'their', 'his', 'her', 'one', 'first', 'last', 'any', 'no']);
/** Prepositions proper: an actor after one of these is no subject ("to Russia", "from Iran"). */
const TRUE_PREPOSITIONS = new Set(['to', 'into', 'from', 'for', 'by', 'in', 'through', 'via', 'at', 'under', 'during', 'on', 'over', 'between', 'across', 'toward', 'towards', 'against', 'with', 'of', 'about', 'including', 'like', 'than', 'among', 'beside', 'besides']);
const PASSIVE = new Set(['was', 'were', 'been', 'being', 'is', 'are', 'be']);
/** Verbs that take the recipient right after them: "provided Russia with …", "gave Ukraine 19 jets". */
const DITRANSITIVE = new Set(['provide', 'provides', 'provided', 'providing', 'supply', 'supplies', 'supplied', 'supplying', 'give', 'gives', 'gave', 'giving', 'offer', 'offered', 'offering', 'offers', 'promise', 'promised', 'sell', 'sold', 'send', 'sent', 'pay', 'paid', 'repay', 'repaid', 'lend', 'lent', 'hand', 'handed', 'grant', 'granted', 'present', 'presents', 'presented', 'presenting', 'gift', 'gifts', 'gifted', 'gifting']);

/** The first flow a verb stated, and the pending flow it waits in while a side is unknown. */
interface MainFlow {
  from: string;
  to: string;
  item: string;
  status: Transfer['status'];
  ref?: Omit<Transfer, 'stage'>;
}

interface Ctx {
  doc: AnnotatedDoc;
  tokens: Token[];
  mentions: Mentions;
  cat: Categorizer;
  makers: Makers;
  /** Reported claims and denials in text order. */
  claims: Attribution[];
  /** Sides seen trading, "from>to". */
  traded: Set<string>;
  /** Time expressions and counted amounts (not percentages or money), sorted: "May arrivals", "the first six". */
  timeSpans: Span[];
  countSpans: Span[];
  /** Where the speakers of reported claims begin: a speaker tag closes an item. */
  speakerStarts: Set<number>;
  give: Set<string>;
  get: Set<string>;
  nouns: Set<string>;
  motion: Set<string>;
  build: Set<string>;
  attributions: Attribution[];
  quoteMask: Uint8Array;
  pair: [string, string] | null;
  pending: Omit<Transfer, 'stage'>[];
  /** Flows back (a price, an exchange) for a pending flow: their sides are its sides reversed, once known. */
  counters: { main?: Omit<Transfer, 'stage'>; flow: Omit<Transfer, 'stage'> }[];
  /** The sides each pending flow was given. */
  filled: Map<Omit<Transfer, 'stage'>, [string, string]>;
  nonState: Set<string>;
  /** Named places (cities, regions) by start offset, with the state they lie in. */
  placeAt: Map<number, { country?: string; end: number }>;
  /** The state a bulleted line is labelled with ("- Bangladesh: Rosatom is building …"), for the sentence at hand. */
  label?: string;
  out: Transfer[];
  trace: StageContext['trace'];
}

/** The state (or non-state armed group) an actor stands for in a flow. */
function stateOf(ctx: Ctx, m: MentionRef | undefined): string | undefined {
  if (!m) return undefined;
  const a = m.actor;
  if (a.type === 'country') return a.id;
  if (a.type === 'organization') {
    if (ctx.nonState.has(a.id) || a.country) return ctx.nonState.has(a.id) ? a.id : a.country;
    // "the Revolutionary Guards' Quds Force": a body of no known state belongs to its owner's.
    const owner = ctx.mentions.lastBefore(m.start, (x, at) => at.end >= m.start - 3 && /^['’]s?\s*$/.test(ctx.doc.text.slice(at.end, m.start)), 3);
    const state = owner && owner.actor.id !== a.id ? stateOf(ctx, owner) : undefined;
    return state && !state.startsWith('o_') ? state : a.id;
  }
  if (a.type === 'person') {
    const aff = a.affiliation;
    if (!aff) return undefined;
    if (/^[A-Z]{2}$/.test(aff)) return aff;
    const org = ctx.mentions.list.find((x) => x.actor.id === aff)?.actor;
    return org?.country ?? aff;
  }
  return a.country;
}

function mentionAtToken(ctx: Ctx, i: number): MentionRef | undefined {
  return ctx.mentions.within({ start: ctx.tokens[i].start, end: ctx.tokens[i].end + 200 }).find((m) => m.start === ctx.tokens[i].start);
}

/** The actor mention starting within a few tokens after i (skipping an article or "the"). */
function actorAfter(ctx: Ctx, i: number, end: number): { m: MentionRef; next: number } | undefined {
  let k = i;
  // "the North" may itself be the mention; else skip the article ("the Russian army").
  let m = k < end ? mentionAtToken(ctx, k) : undefined;
  if (!m) {
    while (k < end && DETERMINERS.has(ctx.tokens[k].text.toLowerCase())) k++;
    m = k < end ? mentionAtToken(ctx, k) : undefined;
  }
  if (!m) return undefined;
  let next = k;
  while (next < end && ctx.tokens[next].start < m.end) next++;
  if (/^['’]s$/.test(ctx.tokens[next]?.text ?? '')) return undefined; // "to Russia's army": the owner is no recipient on its own
  return { m, next };
}

/**
 * "were handed to its navy", "for their armed forces": the recipient a possessive pronoun at
 * token i points back to, the last state or body named before it.
 */
function possessorAt(ctx: Ctx, i: number, end: number): string | undefined {
  if (i >= end || !/^(?:its|their)$/i.test(ctx.tokens[i].text) || !/^\p{Ll}/u.test(ctx.tokens[i + 1]?.text ?? '')) return undefined;
  const m = ctx.mentions.lastBefore(ctx.tokens[i].start, (a, x) => (a.type === 'country' || a.type === 'organization') && x.kind !== 'demonym', 40);
  return m ? stateOf(ctx, m) : undefined;
}

/** Is token i part of a time expression ("May arrivals")? */
function inTime(ctx: Ctx, i: number): boolean {
  return insideSpans(ctx.timeSpans, ctx.tokens[i].start);
}

/**
 * The reported claim (not a direct quote) holding offset `at`, the outermost one where claims
 * nest; found by binary search over the claims in text order, so a long report stays linear.
 */
function claimAt(ctx: Ctx, at: number): Attribution | undefined {
  const i = lowerBound(ctx.claims, at + 1, (c) => c.start) - 1;
  let found: Attribution | undefined;
  for (let k = i; k >= 0 && k > i - 8; k--) if (ctx.claims[k].end > at) found = ctx.claims[k];
  return found;
}

/** "found no evidence that any arms had been loaded": the words from the "no evidence" on, when the clause has it. */
function noEvidence(ctx: Ctx, cStart: number, v: number): string[] | undefined {
  for (let k = Math.max(cStart, v - 12); k < v - 1; k++) {
    if (ctx.tokens[k].text.toLowerCase() === 'no' && /^(?:evidence|sign|signs|indication|indications|proof)$/i.test(ctx.tokens[k + 1].text)) return ctx.tokens.slice(k, v).map(statusWord);
  }
  return undefined;
}

/** Where the clause holding token v begins: the sentence start, a semicolon, or the start of the claim v sits in. */
function clauseStart(ctx: Ctx, v: number, sentenceStart: number): number {
  let k = v;
  while (k > sentenceStart && !/^[;:]$/.test(ctx.tokens[k - 1].text)) k--;
  const at = ctx.tokens[v].start;
  const claim = claimAt(ctx, at);
  if (claim) {
    while (k < v && ctx.tokens[k].start < claim.start) k++;
  }
  return k;
}

function clauseEnd(ctx: Ctx, v: number, sentenceEnd: number): number {
  // A claim ends where its content ends: "…, according to X" is no part of the flow.
  const at = ctx.tokens[v].start;
  const claim = claimAt(ctx, at);
  for (let k = v + 1; k < sentenceEnd; k++) {
    if (claim && ctx.tokens[k].start >= claim.end) return k;
    const t = ctx.tokens[k].text;
    // "what one official described as “concerning levels of technical assistance”": a quoted name stays in the clause.
    if (ctx.quoteMask[k] && !ctx.quoteMask[k - 1] && /^(?:as|called|dubbed|termed)$/i.test(ctx.tokens[k - 1].text)) {
      while (k + 1 < sentenceEnd && ctx.quoteMask[k + 1]) k++;
      continue;
    }
    if (t === ';' || t === ':' || ctx.quoteMask[k]) return k;
    const next = ctx.tokens[k + 1]?.text ?? '';
    if (t === ',' && /^(?:while|but|whereas|although|though|which|who)$/.test(next)) return k;
    // ", and Pyongyang sent …" opens a clause; "food, oil, and what one official described as …" goes on listing.
    if (t === ',' && next === 'and' && (actorAfter(ctx, k + 2, sentenceEnd) || !/^(?:what|other|some|more|\p{Ll}+s)$/u.test(ctx.tokens[k + 2]?.text ?? ''))) return k;
  }
  return sentenceEnd;
}

/** The items of a list ("food, oil, and technical assistance"), each with its token range. */
function splitItems(ctx: Ctx, a: number, b: number): [number, number][] {
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
function isPhrase(ctx: Ctx, s: number, k: number, b: number): boolean {
  for (let j = Math.max(s, k - 3); j < k; j++) {
    for (let e = k + 2; e <= Math.min(b, k + 4); e++) if (ctx.cat.isListedPhrase(textOf(ctx, j, e))) return true;
  }
  return false;
}

/** A word for the status cues, lowercased, but the month "May" is no modal ("as of May, Russia had received"). */
const statusWord = (t: Token): string => (t.text === 'May' ? 'May' : t.text.toLowerCase());

const textOf = (ctx: Ctx, a: number, b: number): string => (b > a ? ctx.doc.text.slice(ctx.tokens[a].start, ctx.tokens[b - 1].end) : '');

/** The item noun phrase from token a: up to a preposition that opens an actor, a time or a clause. */
function itemEnd(ctx: Ctx, a: number, end: number): number {
  const amounts = ctx.doc.layers.quantities?.quantities ?? [];
  for (let k = a; k < end; k++) {
    // An amount is part of the item phrase ("more than 1,000 containers", "over 3 million").
    const amount = amounts.find((q) => q.start <= ctx.tokens[k].start && ctx.tokens[k].end <= q.end);
    if (amount) {
      while (k + 1 < end && ctx.tokens[k + 1].end <= amount.end) k++;
      continue;
    }
    const w = ctx.tokens[k].text.toLowerCase();
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
    if (k > a && (ctx.give.has(w) || ctx.motion.has(w)) && ctx.tokens[k - 1].text.toLowerCase() !== 'the') return k;
  }
  return end;
}

/** Where an item's head ends: at its first modifying preposition ("fuel for the first of four units" → "fuel"); "of" stays ("1,000 containers of"). */
function headEnd(ctx: Ctx, a: number, b: number): number {
  for (let k = a + 1; k < b; k++) {
    const w = ctx.tokens[k].text.toLowerCase();
    if (w !== 'of' && w !== 'than' && w !== 'to' && TRUE_PREPOSITIONS.has(w)) return k;
  }
  return b;
}

function quantityIn(ctx: Ctx, span: Span): Transfer['quantity'] {
  const qs = ctx.doc.layers.quantities?.quantities ?? [];
  const hit = qs.find((q) => q.start < span.end && span.start < q.end && (q.value !== null || q.min !== null || q.max !== null || q.vague || q.change))
    ?? qs.find((q) => q.change && q.appliesTo && q.appliesTo.start < span.end && span.start < q.appliesTo.end);
  if (!hit) return null;
  return {
    value: hit.value, min: hit.min, max: hit.max, unit: hit.unit, approx: hit.approx, text: hit.text,
    ...(hit.change ? { change: hit.change } : {}),
  };
}

/** Fills the missing side from the report's main pair ("Russian wheat shipments" in a report on Russia and North Korea). */
function otherOfPair(ctx: Ctx, known: string | undefined): string | undefined {
  if (!known || !ctx.pair) return undefined;
  const other = known === ctx.pair[0] ? ctx.pair[1] : known === ctx.pair[1] ? ctx.pair[0] : undefined;
  // Once flows are known, the pair stands only for sides seen trading with each other: in a report
  // on Russian grain for Africa, "Ukraine had shipped 33 million tonnes" is no flow to Russia.
  if (other && ctx.out.length && !ctx.traded.has(`${known}>${other}`) && !ctx.traded.has(`${other}>${known}`)) return undefined;
  return other;
}

function demonymIn(ctx: Ctx, a: number, b: number): string | undefined {
  const inside = ctx.mentions.within({ start: ctx.tokens[a].start, end: ctx.tokens[b - 1].end });
  const m = inside.find((x) => x.actor.type === 'country');
  if (m) return m.actor.id;
  // "Iranian-made Mohajer-6 drones": the maker is the sender.
  for (let k = a; k < b; k++) {
    const maker = ctx.makers.at(ctx.tokens, k);
    if (maker) return maker;
  }
  return undefined;
}

/**
 * "Ukrainian forces shot down ten Iranian-made drones", "North Korean-built missiles fired by
 * Russian troops": a maker adjective on an item no verb of the sentence moved is a flow from the
 * maker to the one said to use it ("by …"), else to the maker's partner in the report.
 */
function fromMaker(ctx: Ctx, i: number, sStart: number, sEnd: number): void {
  const { tokens } = ctx;
  const from = ctx.makers.at(tokens, i);
  if (!from) return;
  const cStart = clauseStart(ctx, i, sStart);
  const cEnd = clauseEnd(ctx, i, sEnd);
  const b = itemEnd(ctx, i + 1, cEnd);
  if (b <= i + 1) return;
  const item = textOf(ctx, i, b);
  const category = ctx.cat.categorize(textOf(ctx, i + 1, b));
  if (!category) return;
  let to: string | undefined;
  for (let p = b; p < Math.min(cEnd, b + 4); p++) {
    if (tokens[p].text !== 'by') continue;
    const act = actorAfter(ctx, p + 1, cEnd);
    if (act) to = stateOf(ctx, act.m);
    break;
  }
  to ??= otherOfPair(ctx, from);
  if (to === from) return;
  const src = sourceOf(ctx, tokens[i].start);
  // The amount right before the adjective is the item's ("ten Iranian-made drones").
  let a = i;
  while (a > cStart && a > i - 4 && ctx.doc.layers.quantities?.quantities.some((q) => q.start <= tokens[a - 1].start && tokens[a - 1].end <= q.end)) a--;
  const span = { start: tokens[a].start, end: tokens[b - 1].end };
  addTransfer(ctx, {
    from, to: to ?? '', category, item, quantity: quantityIn(ctx, span), since: null, until: null,
    status: statusOf({ verb: '', before: wordsBefore(ctx, cStart, a), after: [], denial: src.denial, cue: src.cue, planned: false }),
    source: src.source, ...(src.sourceText ? { sourceText: src.sourceText } : {}), spans: [span], rule: 'maker-adjective',
  });
}

/** Two wordings of one item: one holds the other, or they end in the same head noun. */
function sameItem(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x.includes(y) || y.includes(x)) return true;
  const head = (s: string) => s.replace(/[^a-z\s-]/g, '').trim().split(/\s+/).pop() ?? '';
  return head(x) !== '' && head(x) === head(y);
}

function addTransfer(ctx: Ctx, t: Omit<Transfer, 'stage'>): void {
  if (t.from === t.to) return;
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

function sourceOf(ctx: Ctx, at: number): { source: string | null; sourceText?: string; denial: boolean; cue?: string } {
  const a = claimAt(ctx, at);
  if (!a) return { source: null, denial: false };
  const cue = a.cue ? ctx.doc.text.slice(a.cue.start, a.cue.end).toLowerCase() : undefined;
  return { source: a.source, ...(a.sourceText ? { sourceText: a.sourceText } : {}), denial: a.kind === 'denial', cue };
}

/** Adds a span to the latest flow of this category between these sides (looking back a few flows); false when there is none. */
function backRef(ctx: Ctx, from: string | undefined, to: string | undefined, category: string, span: Span, source: string | null | undefined): boolean {
  for (let i = ctx.out.length - 1; i >= Math.max(0, ctx.out.length - 12); i--) {
    const t = ctx.out[i];
    if (t.category !== category || t.status === 'denied' || (source !== undefined && t.source !== source)) continue;
    if ((from && t.from !== from) || (to && t.to !== to) || (!from && !to)) continue;
    t.spans.push(span);
    return true;
  }
  return false;
}

/** The word just before a mention, lowercased. */
function wordBefore(ctx: Ctx, m: MentionRef): string {
  return ctx.doc.text.slice(Math.max(0, m.start - 16), m.start).trim().split(/\s+/).pop()?.toLowerCase() ?? '';
}

/**
 * The body a subject pronoun ("it", "they") at `at` stands for: the last state or body named as a
 * subject before it, not one inside a prepositional phrase ("Russia resumed deliveries to the North
 * … it supplied" is Russia); else the last one named at all.
 */
function antecedent(ctx: Ctx, at: number): MentionRef | undefined {
  const body = (a: { type: string }, m: MentionRef) => (a.type === 'country' || a.type === 'organization') && m.kind !== 'demonym';
  return ctx.mentions.lastBefore(at, (a, m) => body(a, m) && !TRUE_PREPOSITIONS.has(wordBefore(ctx, m)) && !/^['’]s\b/.test(ctx.doc.text.slice(m.end, m.end + 2)), 40)
    ?? ctx.mentions.lastBefore(at, body);
}

/** The noun phrase before "that"/"which" when the relative clause runs from there to the verb. */
function relativeHead(ctx: Ctx, subjectAt: number, v: number, cStart: number): [number, number] | undefined {
  const { tokens } = ctx;
  let r = v - 1;
  while (r > cStart && tokens[r].start >= subjectAt) r--;
  // "the relief flights Iran sent": a relative clause with no "that", right after a plural noun it hangs on.
  const bare = !/^(?:that|which)$/i.test(tokens[r]?.text ?? '') && /^\p{Ll}+s$/u.test(tokens[r]?.text ?? '') && !ctx.give.has(tokens[r].text) && !ctx.get.has(tokens[r].text);
  if (bare) r++;
  else if (!/^(?:that|which)$/i.test(tokens[r]?.text ?? '')) return undefined;
  // Between the subject and the verb only auxiliaries and adverbs.
  let a = r;
  while (a > cStart && a > r - 8 && !/^[,;:]$/.test(tokens[a - 1].text) && !DETERMINERS.has(tokens[a - 1].text.toLowerCase()) && !TRUE_PREPOSITIONS.has(tokens[a - 1].text.toLowerCase()) && !ctx.give.has(tokens[a - 1].text.toLowerCase()) && !ctx.get.has(tokens[a - 1].text.toLowerCase())) a--;
  if (bare && (a >= r || !ctx.cat.categorize(textOf(ctx, a, r)))) return undefined;
  return r > a ? [a, r] : undefined;
}

/** One verb of giving or getting and what it says. */
/** Words of doubt that govern a "that" clause ("it is possible that", "suspects that"). */
const DOUBT_BEFORE_THAT = /^(?:possible|likely|probable|plausible|conceivable|suspect|suspects|suspected|suspecting|unclear|doubtful|uncertain)$/;

/** "it was possible that Pyongyang had supplied", "he suspects that": doubt on the clause holding the flow (a bounded look back). */
function doubted(ctx: Ctx, cStart: number, at: number): boolean {
  for (let p = Math.max(cStart, at - 20); p < at - 1; p++) {
    if (DOUBT_BEFORE_THAT.test(ctx.tokens[p].text) && /^(?:that|whether|if)$/.test(ctx.tokens[p + 1].text)) return true;
  }
  return false;
}

/** The status words before a flow word in its clause, with the clause's doubt. */
function wordsBefore(ctx: Ctx, cStart: number, at: number): string[] {
  const words = ctx.tokens.slice(Math.max(cStart, at - 6), at).map(statusWord);
  return doubted(ctx, cStart, at) ? ['possibly', ...words] : words;
}

/** Verbs of refusing or stopping a flow: what they govern does not move ("refused to deliver", "rejecting payments"). */
const REFUSAL = /^(?:refuse|refuses|refused|refusing|decline|declines|declined|declining|reject|rejects|rejected|rejecting|block|blocks|blocked|blocking|halt|halts|halted|halting|freeze|freezes|froze|frozen|freezing|bar|bars|barred|barring|ban|bans|banned|banning|prohibit|prohibits|prohibited|prohibiting)$/i;

/** Is the flow word at token i governed by a refusal ("refused to send", "began rejecting the payments")? */
function refusedAt(ctx: Ctx, i: number, cStart: number): boolean {
  for (let p = i - 1; p >= cStart && p >= i - 3; p--) {
    const t = ctx.tokens[p].text;
    if (REFUSAL.test(t)) return true;
    // Only an infinitive marker, a determiner, an adverb or a modifier ("Russian") may stand between.
    if (!/^(?:to|the|all|any|further|new|its|their|some)$/i.test(t) && !/ly$/.test(t) && !/^\p{Lu}/u.test(t)) return false;
  }
  return false;
}

function fromVerb(ctx: Ctx, v: number, sStart: number, sEnd: number): void {
  const { tokens } = ctx;
  const w = tokens[v].text.toLowerCase();
  const giving = ctx.give.has(w);
  const prev = tokens[v - 1]?.text.toLowerCase() ?? '';
  if (DETERMINERS.has(prev) || /^(?:to)$/.test(tokens[v + 1]?.text ?? '') && !giving) return; // "the ship", a noun
  // "two ships carrying grain": after a number the word is a noun.
  if (/s$/.test(w) && (/^\d/.test(prev) || /^(?:two|three|four|five|six|seven|eight|nine|ten|several|many|few|dozens|hundreds)$/.test(prev))) return;
  // "opened a credit line for Syria, mostly to pay for oil": a purpose names what a flow is for, not another flow.
  if (prev === 'to' && (tokens[v - 2]?.text === ',' || (/^\p{Ll}+ly$/u.test(tokens[v - 2]?.text ?? '') && tokens[v - 3]?.text === ','))) return;
  // "took place", "take part", "took control": idioms, not receipt ("India took 1.77 million bpd").
  if (/^(?:take|takes|took|taken|taking)$/.test(w) && /^(?:place|part|control|steps|action|over|office|power|charge|note|care|advantage|aim|hold|time|effect|shape|years|months|days|weeks|a|the|it|them|up|off|on|out|into|to)$/i.test(tokens[v + 1]?.text ?? '')) return;
  const cStart = clauseStart(ctx, v, sStart);
  if (refusedAt(ctx, v, cStart)) return;
  const cEnd = clauseEnd(ctx, v, sEnd);
  const between = tokens.slice(cStart, v).map(statusWord);
  // "may be paying": a progressive, not a passive.
  const passive = !/ing$/.test(w) && PASSIVE.has(prev) || (PASSIVE.has(tokens[v - 2]?.text.toLowerCase() ?? '') && /ly$/.test(prev));
  // The subject: the actor named closest before the verb that is not inside a prepositional phrase.
  let subject: MentionRef | undefined;
  // "The Netherlands, which Zelensky had visited earlier, also committed F-16s": a relative clause
  // set off by commas before the verb holds no subject of it.
  let subjectEnd = tokens[v].start;
  for (let p = v - 1; p > cStart && p > v - 4; p--) {
    if (tokens[p].text !== ',') continue;
    for (let q = p - 1; q > cStart && q > p - 14; q--) {
      if (tokens[q].text === ',' && /^(?:which|who|whom|whose|where)$/i.test(tokens[q + 1]?.text ?? '')) {
        subjectEnd = tokens[q].start;
        break;
      }
    }
    break;
  }
  for (const m of ctx.mentions.within({ start: tokens[cStart].start, end: subjectEnd })) {
    const before = ctx.doc.text.slice(Math.max(tokens[cStart].start, m.start - 12), m.start).trim().split(/\s+/).pop()?.toLowerCase() ?? '';
    if (!TRUE_PREPOSITIONS.has(before)) subject = m;
  }
  // "it had agreed to buy": a pronoun subject is the last body named before it.
  if (!subject) {
    // "it would send tanks, after pledging vehicles": a participle after a subordinator shares the clause's subject.
    const reach = /ing$/.test(w) && /^(?:after|before|while|since|by|besides)$/.test(prev) ? between.length : 5;
    const near = between.slice(-reach);
    const pron = near.findIndex((x) => x === 'it' || x === 'they');
    if (pron >= 0) {
      subject = antecedent(ctx, tokens[v - (near.length - pron)].start);
    }
  }
  let recipient: string | undefined;
  let origin: string | undefined;
  let k = v + 1;
  if (/^(?:delivery|over|away)$/.test(tokens[k]?.text ?? '')) k++; // "took delivery of", "handed over", "give away"
  // "had taken delivery in August of drones": a time between "delivery" and "of".
  if (tokens[k - 1]?.text === 'delivery' && /^(?:in|on|last|this|earlier)$/.test(tokens[k]?.text ?? '')) {
    for (let p = k + 1; p < Math.min(cEnd, k + 5); p++) if (tokens[p].text === 'of') { k = p; break; }
  }
  if (tokens[k]?.text === 'of') k++;
  while (k < cEnd && /ly$/.test(tokens[k].text) && !ctx.cat.categorize(tokens[k].text)) k++;
  if (DITRANSITIVE.has(w) && !passive) {
    const io = actorAfter(ctx, k, cEnd);
    // "presented Kim with a limousine", "gave Zelensky 50 tanks": a person given something receives for their state.
    const personGets = io?.m.actor.type === 'person' && !!stateOf(ctx, io.m) && (tokens[io.next]?.text === 'with' || !!ctx.cat.categorize(textOf(ctx, io.next, itemEnd(ctx, io.next, cEnd))));
    if (io && (io.m.actor.type !== 'person' || personGets)) {
      recipient = stateOf(ctx, io.m);
      k = io.next;
      if (tokens[k]?.text === 'with') k++;
    }
  }
  if (tokens[k]?.text === 'with') k++;
  // "pay instead in grain, fuel and hard currency": payment in kind, item by item.
  if (/^(?:re)?pa(?:y|id|ying|ys)$/.test(w)) {
    while (k < cEnd && /^(?:instead|partly|mostly|only|also)$/.test(tokens[k].text)) k++;
    // "cargoes have been paid for in UAE dirhams": the currency, with the goods before.
    if (passive && tokens[k]?.text === 'for' && tokens[k + 1]?.text === 'in') k++;
    if (tokens[k]?.text === 'in' || tokens[k]?.text === 'with') k++;
  }
  let iEnd = itemEnd(ctx, k, cEnd);
  // "the tanks and guns that Poland had handed to Ukraine": a verb with no object after it takes
  // the noun phrase its relative clause hangs on.
  if ((iEnd <= k || /^(?:to|into|from|over|on|in|at|by|since|last|this|after|before|during)$/.test(tokens[k]?.text ?? '')) && subject) {
    const rel = relativeHead(ctx, subject.start, v, cStart);
    if (rel) [k, iEnd] = rel;
  }
  if (iEnd <= k) return;
  // "CNC tools made in Taiwan and South Korea": the maker's state is where it came from.
  const madeIn: string[] = [];
  for (let p = k; p < cEnd - 2; p++) {
    if (!/^(?:made|built|produced|manufactured)$/.test(tokens[p].text) || tokens[p + 1].text !== 'in') continue;
    for (const m of ctx.mentions.within({ start: tokens[p + 2].start, end: tokens[Math.min(cEnd, p + 8) - 1].end })) if (m.actor.type === 'country') madeIn.push(m.actor.id);
    break;
  }
  // Prepositional actors after the item: "to Russia", "from Iran", "by North Korea".
  const moreTo: string[] = [];
  let buyerFor: string | undefined;
  for (let p = iEnd; p < cEnd; p++) {
    const pw = tokens[p].text.toLowerCase();
    if (!/^(?:to|into|for|from|by)$/.test(pw)) continue;
    const act = actorAfter(ctx, p + 1, cEnd);
    if (!act) {
      // "sent to Rajin", "sent troops to fight alongside Russian forces".
      const named = pw === 'to' || pw === 'into' ? recipientAt(ctx, p + 1, cEnd) : undefined;
      if (named?.state && !recipient) recipient = named.state;
      continue;
    }
    const state = stateOf(ctx, act.m);
    if ((pw === 'to' || pw === 'into' || pw === 'for') && !recipient) {
      recipient = state;
      if (pw === 'for') buyerFor = state;
      // "to Somalia and Burkina Faso", "to Eritrea, Mali and Zimbabwe": one flow per recipient.
      for (let q = act.next; /^(?:,|and)$/.test(tokens[q]?.text ?? '') && q < cEnd;) {
        if (tokens[q].text === ',' && tokens[q + 1]?.text === 'and') q++;
        const more = actorAfter(ctx, q + 1, cEnd);
        if (!more || more.m.actor.type !== 'country') break;
        const st = stateOf(ctx, more.m);
        if (st && st !== recipient && !moreTo.includes(st)) moreTo.push(st);
        q = more.next;
      }
    }
    if ((pw === 'from' || pw === 'by') && !origin) origin = state;
  }
  const subj = stateOf(ctx, subject);
  // "Russia exported about 60 million tonnes of grain last year": an export total names no partner.
  if (/^export/.test(w) && !recipient && !passive && quantityIn(ctx, { start: tokens[k].start, end: tokens[iEnd - 1].end })?.value) return;
  // A state does not send to itself: "Moscow supplied reactors, … bind Uzbekistan to Russian suppliers".
  if (giving && !passive && recipient && recipient === subj) {
    recipient = undefined;
    moreTo.length = 0;
  }
  let from: string | undefined;
  let to: string | undefined;
  if (passive) {
    from = origin;
    to = recipient;
  } else if (giving) {
    from = subj ?? origin;
    to = recipient;
  } else {
    // "brokers were procuring Russian oil for Pyongyang": who buys on another's behalf buys for it.
    to = buyerFor && buyerFor !== origin ? buyerFor : subj;
    from = origin;
  }
  // "Tashkent would pay for the plant while Moscow supplied reactors": a contrasted clause shares the first one's future.
  const contrast = between.findIndex((x, i) => x === 'while' || x === 'whereas' || (x === 'with' && /ing$/.test(w) && i >= between.length - 4));
  const statusWords = contrast > 0 && between.slice(0, contrast).some((x) => x === 'would' || x === 'will') && !between.slice(contrast).some((x) => MODAL_WORDS.has(x)) ? [...between.slice(-5), 'would'] : between.slice(-6);
  if (doubted(ctx, cStart, v)) statusWords.unshift('possibly');
  const src = sourceOf(ctx, tokens[v].start);
  const paying = /^(?:re)?pa(?:y|id|ying|ys)$/.test(w);
  // "paid for the equipment": the payment is money whatever it bought.
  if (paying && tokens[k]?.text === 'for') k++;
  // "paying for the ammunition with diesel and gasoline": payment in kind is two flows, the goods
  // from the payer and what they buy back to the payer.
  let withAt = -1;
  if (paying && tokens[k - 1]?.text === 'for') for (let p = k; p < cEnd && withAt < 0; p++) if (tokens[p].text === 'with') withAt = p;
  const jobs: { a: number; b: number; back: boolean }[] = [];
  if (withAt > k) {
    const kindEnd = itemEnd(ctx, withAt + 1, cEnd);
    const kind = splitItems(ctx, withAt + 1, kindEnd).filter(([x, y]) => ctx.cat.categorize(textOf(ctx, x, y)));
    if (kind.length) {
      for (const [x, y] of kind) jobs.push({ a: x, b: y, back: false });
      jobs.push({ a: k, b: withAt, back: true });
    }
  }
  if (!jobs.length) {
    for (const [a, b] of splitItems(ctx, k, iEnd)) jobs.push({ a, b, back: false });
    // "advanced technology for satellites, as well as food aid": an item added after the first one's modifiers.
    for (let q = iEnd; q < cEnd - 3; q++) {
      const qw = tokens[q].text.toLowerCase();
      if (/^(?:while|whereas|but|although|though)$/.test(qw) || ctx.give.has(qw) || ctx.get.has(qw)) break; // another clause, another verb
      const asWell = tokens[q].text === 'as' && tokens[q + 1].text === 'well' && tokens[q + 2].text === 'as';
      const along = /^(?:along|together)$/.test(tokens[q].text) && tokens[q + 1].text === 'with';
      if (!asWell && !along) continue;
      const from = q + (asWell ? 3 : 2);
      const e = itemEnd(ctx, from, cEnd);
      if (e > from && ctx.cat.categorize(textOf(ctx, from, e))) jobs.push({ a: from, b: e, back: false });
      break;
    }
  }
  const inKind = withAt > k && jobs.length > 0 && jobs[jobs.length - 1].back;
  let main: MainFlow | undefined;
  for (const { a, b, back } of jobs) {
    let item = textOf(ctx, a, b).replace(/^(?:the|a|an|its|their)\s+/i, '').replace(/\s*[.,;:]+$/, '');
    if (!/\p{L}/u.test(item)) continue; // "how much Wagner had paid." names no item
    // "send North Korean labourers home": a return home is no flow between states.
    if (/^home$/i.test(tokens[b - 1]?.text ?? '') || /^home$/i.test(tokens[b]?.text ?? '')) continue;
    // An item is a noun phrase: one that opens with a preposition, a conjunction or an auxiliary is a misparse.
    if (/^(?:by|in|to|for|from|and|or|but|had|has|have|been|was|were|away|with|of|on|at|as)\b/i.test(item)) continue;
    // "signed a term deal with …": the agreement is an event, not the thing that moves.
    if (/^(?:signed|contracted)$/.test(w) && /^(?:\S+\s+){0,3}(?:deal|contract|agreement|memorandum|protocol|treaty|pact|accord)s?\b/i.test(item)) continue;
    let category = ctx.cat.categorize(item);
    if (paying && !inKind && (!category || tokens[k - 1]?.text === 'for')) {
      category = 'money';
      if (tokens[k - 1]?.text === 'for') item = `payment for ${item}`;
    }
    let quantity = quantityIn(ctx, { start: tokens[a].start, end: tokens[b - 1].end });
    // "giving Hezbollah more than $700 million a year": an amount of money is money.
    if (!category && quantity?.unit && /^[A-Z]{3}\b/.test(quantity.unit) && /^[\p{Sc}\d]|^(?:more|over|about|nearly|some|roughly|around|almost|up|at|another|an?)\b/iu.test(item)) category = 'money';
    // "pass them on to Ukraine", "would send more", "will deliver the remaining 40": the item named before.
    const pronoun = /^(?:them|it)$/i.test(item);
    if (!category && (pronoun || ellipticAmount(ctx, a, b))) {
      const parent = contextFlow(ctx, tokens[a].start);
      if (parent) {
        category = parent.category;
        item = parent.item;
        if (pronoun) quantity = parent.quantity;
      }
    }
    if (!category) continue;
    // "to repay Russia in Chinese yuan, starting with about $318 million": a payment's amount later in the clause.
    if (category === 'money' && !quantity) {
      const later = quantityIn(ctx, { start: tokens[b - 1].end, end: tokens[cEnd - 1]?.end ?? tokens[b - 1].end });
      if (later?.unit && /^[A-Z]{3}/.test(later.unit)) quantity = later;
    }
    // "CNC equipment worth $68 million": a price put on goods leaves them goods.
    const valued = /\b(?:worth|valued at|costing)\b/i.test(item);
    if (!category || (!valued && quantity?.unit && /^(?:USD|EUR|GBP|RUB|KRW|CNY|INR|AED)/.test(quantity.unit) && category === 'goods')) category = quantity?.unit && /^[A-Z]{3}/.test(quantity.unit) ? 'money' : category;
    // "handed over the weapons", "was seeking the munitions": a definite bare item points back to a
    // flow already stated; the mention is more evidence for it, not a new flow.
    if (!quantity && /^the$/i.test(tokens[a].text) && b - a <= 3 && backRef(ctx, from, to, category, { start: tokens[cStart].start, end: tokens[cEnd - 1]?.end ?? tokens[v].end }, src.source)) continue;
    // "paid in UAE dirhams": a currency's state is no side.
    const origins = madeIn.length && !from ? madeIn : [from ?? (paying ? undefined : demonymIn(ctx, a, b))];
    for (const o of origins) for (const dest of [to, ...(to === recipient ? moreTo : [])]) {
    let f = back ? dest : o;
    let t = back ? o : dest;
    if (!t && ctx.label && ctx.label !== f && (f || passive)) t = ctx.label;
    if (!f && t) f = otherOfPair(ctx, t);
    if (f && !t) t = otherOfPair(ctx, f);
    const status = statusOf({ verb: w, before: statusWords, after: tokens.slice(v + 1, Math.min(v + 3, cEnd)).map((x) => x.text.toLowerCase()), denial: src.denial, cue: src.cue, planned: ctx.cat.isPlannedVerb(w) });
    const { since, until } = periodOf(ctx.doc, { start: tokens[cStart].start, end: tokens[cEnd - 1]?.end ?? tokens[cStart].end });
    // "Some cargoes have been paid for in dirhams": a payment with neither side runs against the usual flow.
    (f || t || !(passive && paying) ? addTransfer : (_: Ctx, x: Omit<Transfer, 'stage'>) => ctx.pending.push(x))(ctx, {
      from: f ?? '', to: t ?? '', category, item, quantity, since, until, status,
      source: src.source, ...(src.sourceText ? { sourceText: src.sourceText } : {}),
      spans: [{ start: tokens[cStart].start, end: tokens[cEnd - 1]?.end ?? tokens[v].end }],
      rule: passive ? 'verb-passive' : giving ? 'verb-give' : 'verb-get',
    });
    main ??= { from: f ?? '', to: t ?? '', item, status, ref: (f && t) || (!f && !t) ? undefined : ctx.pending[ctx.pending.length - 1] };
    }
  }
  if (main && !paying) counterFlows(ctx, main, iEnd, cStart, cEnd, src);
}

/**
 * What goes back for a flow in its clause: the price ("bought 74,000 shells for $1.7 million", "in
 * a deal worth around $5 billion") is a payment from the recipient, and an exchange ("food in
 * exchange for munitions", "in return for payment") is the other side's flow, each with the flow's status.
 */
function counterFlows(ctx: Ctx, main: MainFlow, p0: number, cStart: number, cEnd: number, src: ReturnType<typeof sourceOf>): void {
  const { tokens } = ctx;
  const qs = ctx.doc.layers.quantities?.quantities ?? [];
  const money = (k: number) => qs.find((q) => q.start <= tokens[k].start && tokens[k].end <= q.end && /^[A-Z]{3}/.test(q.unit ?? ''));
  const span = { start: tokens[cStart].start, end: tokens[cEnd - 1]?.end ?? tokens[cStart].end };
  const base = { since: null, until: null, status: main.status, source: src.source, ...(src.sourceText ? { sourceText: src.sourceText } : {}), spans: [span] };
  for (let p = p0; p < cEnd; p++) {
    const w = tokens[p].text.toLowerCase();
    const exchange = w === 'in' && /^(?:exchange|return)$/i.test(tokens[p + 1]?.text ?? '') && tokens[p + 2]?.text === 'for';
    if (exchange) {
      const a = p + 3;
      const b = itemEnd(ctx, a, cEnd);
      const item = textOf(ctx, a, b).replace(/^(?:the|a|an|its|their)\s+/i, '');
      const category = b > a ? ctx.cat.categorize(item) : null;
      if (!category) return;
      // "in exchange for the shells": a flow the report has stated already.
      if (/^the$/i.test(tokens[a].text) && b - a <= 3 && main.from && main.to && backRef(ctx, main.to, main.from, category, span, undefined)) return;
      const flow = { ...base, from: main.to, to: main.from, category, item, quantity: quantityIn(ctx, { start: tokens[a].start, end: tokens[b - 1].end }), rule: 'exchange' };
      if (flow.from && flow.to) addTransfer(ctx, flow);
      else ctx.counters.push({ main: main.ref, flow });
      return;
    }
    // "for $1.7 million", "worth around $5 billion", "a deal widely reported to be worth …".
    let at = -1;
    if (w === 'for' && money(p + 1)) at = p + 1;
    if (w === 'worth') for (let k = p + 1; k < Math.min(cEnd, p + 4) && at < 0; k++) if (money(k)) at = k;
    if (at < 0) continue;
    const price = quantityIn(ctx, { start: tokens[at].start, end: tokens[at].end });
    if (!price) return;
    const flow = { ...base, from: main.to, to: main.from, category: 'money', item: `payment for ${main.item}`, quantity: price, rule: 'price' };
    if (flow.from && flow.to) addTransfer(ctx, flow);
    else ctx.counters.push({ main: main.ref, flow });
    return;
  }
}

/** A flow noun: "Russian wheat shipments", "deliveries of refined petroleum to Pyongyang", "Russia's exports of oil to India". */
function fromNoun(ctx: Ctx, n: number, sStart: number, sEnd: number): void {
  const { tokens } = ctx;
  const w = tokens[n].text.toLowerCase();
  // "had taken delivery of": the verb reading carries the flow.
  if (/^(?:take|takes|took|taken|taking)$/.test(tokens[n - 1]?.text.toLowerCase() ?? '')) return;
  const cStart = clauseStart(ctx, n, sStart);
  if (refusedAt(ctx, n, cStart)) return;
  const cEnd = clauseEnd(ctx, n, sEnd);
  // Modifiers before the noun: an owner ("Russia's") or a demonym, and the item words ("wheat").
  let a = n;
  while (a > cStart && !DETERMINERS.has(tokens[a - 1].text.toLowerCase()) && !PREPOSITIONS.has(tokens[a - 1].text.toLowerCase()) && tokens[a - 1].text !== 'of' && /^[\p{L}\d'’-]+$/u.test(tokens[a - 1].text) && /[\p{L}\d]/u.test(tokens[a - 1].text) && a > n - 5 && !inTime(ctx, a - 1)) a--;
  let from = demonymIn(ctx, a, n + 1);
  let to: string | undefined;
  let itemA = a;
  let itemB = n;
  while (itemA < n && ctx.mentions.within({ start: tokens[itemA].start, end: tokens[itemA].end }).length) itemA++;
  if (/^['’]s$/.test(tokens[itemA]?.text ?? '')) itemA++;
  let k = n + 1;
  if (tokens[k]?.text === 'of') {
    const e = itemEnd(ctx, k + 1, cEnd);
    itemA = k + 1;
    itemB = e;
    k = e;
  }
  let moreTo: string[] = [];
  let named = false;
  for (let p = k; p < Math.min(cEnd, k + 6); p++) {
    const pw = tokens[p].text.toLowerCase();
    if (!/^(?:to|into|from|for)$/.test(pw)) continue;
    const act = actorAfter(ctx, p + 1, cEnd);
    if (!act) continue;
    if (pw === 'from') from ??= stateOf(ctx, act.m);
    else if (!to) {
      to = stateOf(ctx, act.m);
      named = true;
      // "Shipments for Eritrea, Mali and Zimbabwe": one flow per recipient.
      moreTo = listedStates(ctx, act.next, cEnd).filter((x) => x !== to);
    }
  }
  from ??= itemB > itemA ? demonymIn(ctx, itemA, itemB) : undefined;
  // "Pakistan received 63 percent of China's exports of major arms": the share goes to the subject
  // of the getting verb that governs the noun phrase.
  if (!to && /^(?:export|exports|supply|supplies|deliveries|sales|shipments)$/.test(w)) {
    for (let p = a - 1; p >= Math.max(cStart, a - 8); p--) {
      const pw = tokens[p].text.toLowerCase();
      if (/^[,;:]$/.test(pw) || ctx.give.has(pw)) break;
      if (!ctx.get.has(pw)) continue;
      const subj = ctx.mentions.within({ start: tokens[cStart].start, end: tokens[p].start }).filter((m) => m.actor.type !== 'person').pop();
      const state = stateOf(ctx, subj);
      if (state && state !== from) to = state;
      break;
    }
  }
  if (/^(?:import|imports|purchase|purchases|intake)$/.test(w) && from && !to) [from, to] = [to, from];
  const item = itemB > itemA ? textOf(ctx, itemA, itemB).replace(/\s*[.,;:]+$/, '') : '';
  // "Indian arms payments": a payment is money whatever it pays for.
  let category = /^payments?$/.test(w) && /\p{L}/u.test(item) ? 'money' : ctx.cat.categorize(item);
  // "a Russian state loan of $11.38 billion": a loan or credit is money.
  if (!category && /^(?:loans?|credits?)$/.test(w)) category = 'money';
  // "a $300 million package": a package of arms is weapons (the lexicon's word), its value the amount.
  const priced = /^[A-Z]{3}/.test(quantityIn(ctx, { start: tokens[a].start, end: tokens[n].end })?.unit ?? '');
  if (!category && !ctx.cat.categorize(item) && /^packages?$/.test(w) && priced) category = ctx.cat.categorize(w);
  // A delivery or a priced package with neither side named goes with the report's usual flow.
  const unsided = /^(?:deliveries|delivery|shipments|shipment|supplies|consignments|consignment)$/.test(w) && !!ctx.cat.categorize(item) || (/^packages?$/.test(w) && priced);
  // "Russian deliveries ran at 240,000 barrels a year", "- 225 barrels: Russia's last reported
  // delivery": with no item word, the amount's unit names the category (the amount may head the line).
  // The amount in the item ("a loan of $11.38 billion") before any other in the clause ("90 percent of whose cost").
  let quantity = (itemB > itemA ? quantityIn(ctx, { start: tokens[itemA].start, end: tokens[itemB - 1].end }) : null)
    ?? quantityIn(ctx, { start: tokens[cStart].start, end: tokens[cEnd - 1]?.end ?? tokens[n].end });
  if (!quantity && !item && cStart > sStart && tokens[cStart - 1].text === ':') quantity = quantityIn(ctx, { start: tokens[sStart].start, end: tokens[cStart - 1].start });
  if (!category && !item && quantity?.unit && quantity.unit !== 'percent' && !/^[A-Z]{3}/.test(quantity.unit)) category = ctx.cat.categorize(quantity.unit);
  // "Shipments for Eritrea … are to leave" after the grain was named: the item named before.
  let bare = item;
  if (!category && !item && named) {
    const parent = contextFlow(ctx, tokens[n].start);
    if (parent && parent.to !== to) {
      category = parent.category;
      bare = parent.item;
      from ??= parent.from;
    }
  }
  if (!category) return;
  if (from && !to && ctx.label && ctx.label !== from) to = ctx.label;
  if (!from && to) from = otherOfPair(ctx, to);
  if (from && !to) to = otherOfPair(ctx, from);
  const src = sourceOf(ctx, tokens[n].start);
  const span = { start: tokens[Math.max(cStart, a)].start, end: tokens[Math.max(n, itemB - 1)].end };
  const { since, until } = periodOf(ctx.doc, { start: tokens[cStart].start, end: tokens[cEnd - 1]?.end ?? tokens[n].end });
  // "the Kremlin said Western claims of North Korean arms deliveries were not backed by evidence":
  // a party to the flow speaking of "claims of" it disputes it.
  const disputed = !!src.source && (src.source === from || src.source === to)
    && tokens.slice(Math.max(cStart, a - 4), n).some((t) => /^(?:claims|allegations|accusations|reports|suggestions)$/i.test(t.text));
  // "Shipments … are to leave before the end of the year": the verb after the noun says when.
  const after = tokens.slice(n + 1, cEnd).map(statusWord);
  const scheduled = after.some((x, i) => x === 'to' && i > 0 && /^(?:is|are)$/.test(after[i - 1]));
  for (const dest of [to, ...moreTo]) {
    // "other weapons deliveries were continuing": with neither side named, the report's usual flow.
    (from || dest || !unsided ? addTransfer : (_: Ctx, t: Omit<Transfer, 'stage'>) => ctx.pending.push(t))(ctx, {
      from: from ?? '', to: dest ?? '', category, item: bare || quantity?.unit || category, quantity,
      since, until,
      status: disputed ? 'denied' : scheduled ? 'planned' : statusOf({ verb: w, before: wordsBefore(ctx, cStart, n), after: tokens.slice(n + 1, n + 3).map((x) => x.text.toLowerCase()), denial: src.denial, cue: src.cue, planned: false }),
      source: src.source, ...(src.sourceText ? { sourceText: src.sourceText } : {}),
      spans: [span], rule: 'flow-noun',
    });
  }
}

/**
 * "vessels carrying Russian grain …, one bound for Somalia and one for Burkina Faso", "The first
 * consignment, 20,000 tonnes bound for Malawi, left …": a cargo bound for a state goes to it; the
 * item is the nearest one named before in the sentence, else the flow stated just before.
 */
function fromBound(ctx: Ctx, v: number, sStart: number, sEnd: number): void {
  const { tokens } = ctx;
  const cEnd = clauseEnd(ctx, v, sEnd);
  const first = actorAfter(ctx, v + 2, cEnd);
  if (!first || first.m.actor.type === 'person') return;
  const dests = [stateOf(ctx, first.m), ...listedStates(ctx, first.next, cEnd)];
  // "one bound for Somalia and one for Burkina Faso".
  for (let p = first.next; p < cEnd - 1; p++) {
    if (tokens[p].text !== 'for' || !/^(?:one|another|the|other|a)$/i.test(tokens[p - 1].text)) continue;
    const act = actorAfter(ctx, p + 1, cEnd);
    if (act && act.m.actor.type === 'country') dests.push(act.m.actor.id);
  }
  let category: string | null = null;
  let item = '';
  let from: string | undefined;
  for (let k = v - 1; k >= sStart && k > v - 16 && !category; k--) {
    const c = ctx.cat.categorize(tokens[k].text);
    if (!c || c === 'goods' && /^(?:containers?|cargo|freight)$/i.test(tokens[k].text)) continue;
    let a = k;
    while (a > sStart && a > k - 3 && /^[\p{L}-]+$/u.test(tokens[a - 1].text) && !DETERMINERS.has(tokens[a - 1].text.toLowerCase()) && !PREPOSITIONS.has(tokens[a - 1].text.toLowerCase()) && !ctx.give.has(tokens[a - 1].text.toLowerCase()) && !/^carry(?:ing)?$/.test(tokens[a - 1].text)) a--;
    category = c;
    item = textOf(ctx, a, k + 1);
    from = demonymIn(ctx, a, k + 1);
  }
  if (!category) {
    const parent = contextFlow(ctx, tokens[v].start);
    if (!parent) return;
    category = parent.category;
    item = parent.item;
    from = parent.from;
  }
  let a = v;
  while (a > sStart && a > v - 4 && !/^[,;:]$/.test(tokens[a - 1].text)) a--;
  const quantity = a < v ? quantityIn(ctx, { start: tokens[a].start, end: tokens[v - 1].end }) : null;
  const src = sourceOf(ctx, tokens[v].start);
  const span = { start: tokens[a].start, end: tokens[cEnd - 1]?.end ?? tokens[v].end };
  for (const to of new Set(dests)) {
    if (!to || to === from) continue;
    addTransfer(ctx, {
      from: from ?? '', to, category, item, quantity, since: null, until: null, status: src.denial ? 'denied' : 'asserted',
      source: src.source, ...(src.sourceText ? { sourceText: src.sourceText } : {}), spans: [span], rule: 'bound-for',
    });
  }
}

/** The further states of a list that goes on at token k ("…, Mali, Zimbabwe and the Central African Republic"). */
function listedStates(ctx: Ctx, k: number, end: number): string[] {
  const out: string[] = [];
  for (let q = k; q < end && /^(?:,|and)$/.test(ctx.tokens[q]?.text ?? '');) {
    if (ctx.tokens[q].text === ',' && ctx.tokens[q + 1]?.text === 'and') q++;
    const more = actorAfter(ctx, q + 1, end);
    if (!more || more.m.actor.type !== 'country') break;
    const st = stateOf(ctx, more.m);
    if (st && !out.includes(st)) out.push(st);
    q = more.next;
  }
  return out;
}

/**
 * A motion verb with the item as its subject: "1,080 tonnes of wheat flour went to the North",
 * "Iranian-built attack drones have been reaching Russian forces", "Russian grain is finding its
 * way to North Korea", and a passive in a relative clause: "missiles that were delivered into Russia".
 */
function fromMotion(ctx: Ctx, v: number, sStart: number, sEnd: number): void {
  const { tokens } = ctx;
  const w = tokens[v].text.toLowerCase();
  if (/^(?:made|found|make|end|ended)$/.test(w) && !(w === 'made' && tokens[v + 1]?.text === 'its' && tokens[v + 2]?.text === 'way')) return;
  // "clearing the way for heavy equipment to reach the army": a purpose, not a movement; "in return" is no return.
  if (tokens[v - 1]?.text === 'to' || (w === 'return' && tokens[v - 1]?.text.toLowerCase() === 'in')) return;
  const cStart = clauseStart(ctx, v, sStart);
  const cEnd = clauseEnd(ctx, v, sEnd);
  // The item: the noun phrase before the verb (and its auxiliaries), or before "that were".
  let b = v;
  while (b > cStart && (/^(?:has|have|had|been|is|are|was|were|be|being|also|now|already|still|that|which|all|both)$/.test(tokens[b - 1].text.toLowerCase()) || /^\p{Ll}+ly$/u.test(tokens[b - 1].text)
    || (tokens[b - 1].text === 'to' && tokens[b]?.text === 'be'))) b--; // "are to be handed over"
  // "North Korean laborers, previously withdrawn from Russia, have returned": skip the appositive.
  if (tokens[b - 1]?.text === ',') {
    let c = b - 1;
    while (c > cStart && tokens[c - 1].text !== ',' && c > b - 16) c--;
    if (tokens[c - 1]?.text === ',' && !ctx.cat.categorize(textOf(ctx, c, b - 1))) b = c - 1;
  }
  let a = b;
  while (a > cStart && !/^[,;:]$/.test(tokens[a - 1].text) && !/^(?:and|but|while|that|which|as|because|when|said|says)$/.test(tokens[a - 1].text.toLowerCase()) && a > b - 14) a--;
  // "weapons and ammunition had been loaded": a listed phrase runs across the "and".
  if (tokens[a - 1]?.text === 'and' && a - 1 > cStart && isPhrase(ctx, Math.max(cStart, a - 4), a - 1, b)) {
    a--;
    while (a > cStart && !/^[,;:]$/.test(tokens[a - 1].text) && !/^(?:and|but|while|that|which|as|because|when|said|says)$/.test(tokens[a - 1].text.toLowerCase()) && a > b - 14) a--;
  }
  // "the group's budget, salaries, weapons and rockets all came from Iran": earlier items of the list.
  while (a - 1 > cStart && /^(?:,|and)$/.test(tokens[a - 1].text) && ctx.cat.categorize(textOf(ctx, a, b))) {
    let s = a - 1;
    if (tokens[s].text === 'and' && tokens[s - 1]?.text === ',') s--;
    let p = s;
    while (p > cStart && p > s - 5 && !/^(?:,|and|;|:|said|says)$/i.test(tokens[p - 1].text) && !PREPOSITIONS.has(tokens[p - 1].text.toLowerCase())) p--;
    if (p >= s || !ctx.cat.categorize(textOf(ctx, p, s))) break;
    a = p;
  }
  if (b - a < 1) return;
  // "an inspector who now tracks arms flows": a relative clause about a person is no moving item.
  for (let k = a; k < b; k++) if (/^(?:who|whom)$/i.test(tokens[k].text)) return;
  let item = textOf(ctx, a, b).replace(/^(?:the|a|an|its|their)\s+/i, '');
  let category = ctx.cat.categorize(item);
  let to: string | undefined;
  let from: string | undefined;
  // "The first six are to be handed over before the end of the year": the item named before.
  const parent = !category && ellipticAmount(ctx, a, b) ? contextFlow(ctx, tokens[a].start) : undefined;
  if (parent) {
    category = parent.category;
    item = parent.item;
  }
  if (!category) return;
  for (let p = v + 1; p < Math.min(cEnd, v + 8); p++) {
    const pw = tokens[p].text.toLowerCase();
    const direct = p === v + 1 && /^reach/.test(w);
    if (!direct && !/^(?:to|into|for)$/.test(pw)) continue;
    const act = direct ? actorAfter(ctx, p, cEnd) : undefined;
    if (act) { to = stateOf(ctx, act.m); break; }
    const named = direct ? undefined : recipientAt(ctx, p + 1, cEnd);
    if (named?.state) { to = named.state; break; }
    const owner = possessorAt(ctx, direct ? p : p + 1, cEnd);
    if (owner) { to = owner; break; }
  }
  for (const m of ctx.mentions.within({ start: tokens[a].start, end: tokens[b - 1].end })) {
    const before = ctx.doc.text.slice(Math.max(0, m.start - 6), m.start).trim().split(/\s+/).pop()?.toLowerCase() ?? '';
    if (m.actor.type !== 'person' && (before === 'from' || m.kind === 'demonym')) { from = stateOf(ctx, m); break; }
  }
  // "were sent to Ukraine by the United States", "went to the North from Russia".
  for (let p = v + 1; !from && p < Math.min(cEnd, v + 10); p++) {
    if (!/^(?:from|by)$/.test(tokens[p].text)) continue;
    const act = actorAfter(ctx, p + 1, cEnd);
    if (act && act.m.actor.type !== 'person') from = stateOf(ctx, act.m);
  }
  // "returned to farms across Chile": the state the place lies in.
  for (let p = v + 1; !to && p < Math.min(cEnd, v + 10); p++) {
    if (!/^(?:across|in|inside|throughout)$/.test(tokens[p].text)) continue;
    const act = actorAfter(ctx, p + 1, cEnd);
    if (act && act.m.actor.type === 'country') to = act.m.actor.id;
  }
  // "- Turkey: fuel for the first unit was delivered in April": the line's state receives.
  if (!to && ctx.label && ctx.label !== from) to = ctx.label;
  // "a sizeable number of the long-range missiles had already been sent": the flow of this
  // category stated just before.
  const clean = (ctx.give.has(w) || /^arriv/.test(w)) && !tokens.slice(a, b).some((t) => /^(?:how|what|whether|why|said|say|says|showed|shows|show|would|could|not|request|sign)$/i.test(t.text));
  const before = parent ?? (!to && clean ? contextFlow(ctx, tokens[a].start, category) : undefined);
  if (before && (parent || before.category === category)) {
    to ??= before.to || undefined;
    from ??= before.from || undefined;
  }
  // "returned to logging camps across Siberia": a place names the receiving state.
  if (!to) {
    const place = (ctx.doc.layers.actors?.places ?? []).find((p) => p.country && p.start > tokens[v].start && p.end <= (tokens[cEnd - 1]?.end ?? 0));
    to = place?.country;
  }
  // "weapons Israel had bought were now being sent": the buyer inside the item receives.
  for (let k = a + 1; !to && k < b; k++) {
    if (!ctx.get.has(tokens[k].text.toLowerCase()) || !/(?:ed|ght)$/i.test(tokens[k].text)) continue;
    const buyer = ctx.mentions.within({ start: tokens[a].start, end: tokens[k].start }).filter((m) => m.actor.type !== 'person').pop();
    const state = buyer ? stateOf(ctx, buyer) : undefined;
    if (state && state !== from) to = state;
  }
  // "the group's budget, salaries and weapons all came from Iran": the owner receives.
  if (!to && from) {
    const owner = ctx.mentions.within({ start: tokens[a].start, end: tokens[b - 1].end }).find((m) => /^['’]s?\b/.test(ctx.doc.text.slice(m.end, m.end + 2)) && m.actor.type !== 'person');
    // "the group's": the body named last before.
    const described = !owner && /\b(?:group|organi[sz]ation|movement|militia)['’]s\b/i.test(item)
      ? ctx.mentions.lastBefore(tokens[a].start, (x) => x.type === 'organization', 40) : undefined;
    const state = owner ? stateOf(ctx, owner) : described ? stateOf(ctx, described) : undefined;
    if (state && state !== from) to = state;
  }
  if (!to) return;
  const src = sourceOf(ctx, tokens[v].start);
  // The side that makes the claim is not taken for the sender it leaves unnamed
  // ("Washington was convinced that weapons had been loaded for Russia").
  if (!from) {
    const other = otherOfPair(ctx, to);
    if (other !== src.source) from = other;
  }
  const { since, until } = periodOf(ctx.doc, { start: tokens[cStart].start, end: tokens[cEnd - 1]?.end ?? tokens[v].end });
  // "budget, salaries, weapons and rockets": one flow per category.
  const parts = parent ? [] : splitItems(ctx, a, b).filter(([x, y]) => y > x && ctx.cat.categorize(textOf(ctx, x, y)));
  const items: [number, number, string, string][] = parts.length > 1
    ? parts.map(([x, y]) => [x, y, textOf(ctx, x, y).replace(/^(?:the|a|an|its|their)\s+/i, ''), ctx.cat.categorize(textOf(ctx, x, y))!])
    : [[a, b, item, category]];
  for (const [x, y, what, cat] of items) {
    addTransfer(ctx, {
      from: from ?? '', to, category: cat, item: what, quantity: quantityIn(ctx, { start: tokens[x].start, end: tokens[headEnd(ctx, x, y) - 1].end }), since, until,
      status: statusOf({ verb: w, before: noEvidence(ctx, cStart, v) ?? wordsBefore(ctx, cStart, v), after: [], denial: src.denial, cue: src.cue, planned: false }),
      source: src.source, ...(src.sourceText ? { sourceText: src.sourceText } : {}),
      spans: [{ start: tokens[a].start, end: tokens[cEnd - 1]?.end ?? tokens[v].end }], rule: 'motion-verb',
    });
  }
}

/**
 * "Rosatom is building the Rooppur plant" under "- Bangladesh:", "a contract to build a nuclear
 * plant in Uzbekistan", "Rosatom's construction of the El Dabaa plant": what a state builds abroad
 * goes to the state it stands in; a build at home or in no named state is no flow.
 */
function fromBuild(ctx: Ctx, v: number, sStart: number, sEnd: number): void {
  const { tokens } = ctx;
  const noun = tokens[v].text.toLowerCase() === 'construction';
  if (noun && tokens[v + 1]?.text !== 'of') return;
  if (!noun && DETERMINERS.has(tokens[v - 1]?.text.toLowerCase() ?? '')) return;
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
    status: statusOf({ verb: tokens[v].text.toLowerCase(), before: wordsBefore(ctx, cStart, v), after: [], denial: src.denial, cue: src.cue, planned: false }),
    source: src.source, ...(src.sourceText ? { sourceText: src.sourceText } : {}), spans: [span], rule: 'build-abroad',
  });
}

const PEOPLE = new Set(['troops', 'labor']);
const SKILLS = /^(?:build|develop|produce|make|manufacture|design|assemble|launch|fly|operate|maintain|repair|service|upgrade|use|handle|fire|deploy|program|modernise|modernize)$/i;

/**
 * The recipient named after "to", "into" or "for" at token i: an actor, a city or region for the
 * state it lies in ("sent to Rajin"), or the side fought with in a purpose ("sent to fight
 * alongside Russian forces").
 */
function recipientAt(ctx: Ctx, i: number, end: number): { state: string | undefined; next: number } | undefined {
  let k = i;
  if (/^(?:fight|serve|help)$/.test(ctx.tokens[k]?.text ?? '') && /^(?:alongside|with|for|beside)$/.test(ctx.tokens[k + 1]?.text ?? '')) k += 2;
  const act = actorAfter(ctx, k, end);
  if (act) return { state: stateOf(ctx, act.m), next: act.next };
  const place = placeAfter(ctx, k, end);
  return place ? { state: place.state, next: place.next } : undefined;
}

/** Verbs that put people somewhere: "are in", "had fought in", "stationed in". */
const PRESENCE = /^(?:are|were|is|was|fought|fight|fighting|fights|stationed|based|serving|served)$/;
/** Words between the people and the verb that are no part of the item ("had", "reportedly"). */
const AUXILIARY = /^(?:had|has|have|been|be|being|are|were|is|was|reportedly|already|also|now|still|currently|later|allegedly|then)$/i;

/** The state of a place named at token i, also as an owner ("in Russia's Kursk region"). */
function placeAfter(ctx: Ctx, i: number, end: number): { state: string; next: number } | undefined {
  let k = i;
  while (k < end && DETERMINERS.has(ctx.tokens[k].text.toLowerCase())) k++;
  if (k >= end) return undefined;
  const m = mentionAtToken(ctx, k);
  // A city or region ("Kursk") stands for the state it lies in.
  const place = m ? undefined : ctx.placeAt.get(ctx.tokens[k].start);
  const state = m?.actor.type === 'country' ? m.actor.id : place?.country;
  const stop = m?.end ?? place?.end ?? 0;
  let next = k;
  while (next < end && ctx.tokens[next].start < stop) next++;
  return state ? { state, next } : undefined;
}

/**
 * "More than 70 Ukrainian personnel are already in Denmark", "North Korean units had fought in
 * Kursk": people of one state said to be (or fight) in another have gone there. Armies count only
 * between states already found in a flow with each other; elsewhere
 * "Russian troops are in Ukraine" is a war, left to the events stage.
 */
function fromPresence(ctx: Ctx, v: number, sStart: number, sEnd: number): void {
  const { tokens } = ctx;
  let k = v + 1;
  while (k < sEnd && /^(?:already|now|still|currently|also|together|side)$/i.test(tokens[k].text)) k++;
  if (tokens[k]?.text !== 'in') return;
  const place = placeAfter(ctx, k + 1, sEnd);
  if (!place) return;
  const cStart = clauseStart(ctx, v, sStart);
  let iv = v;
  while (iv > cStart && AUXILIARY.test(tokens[iv - 1].text)) iv--;
  let a = iv;
  while (a > cStart && a > iv - 8 && !/^[,;:]$/.test(tokens[a - 1].text) && !/^(?:that|which|and|but)$/i.test(tokens[a - 1].text)) a--;
  if (a >= iv) return;
  const item = textOf(ctx, a, iv);
  const category = ctx.cat.categorize(item);
  const from = demonymIn(ctx, a, iv);
  const to = place.state;
  if (!category || !PEOPLE.has(category) || !from || from === to) return;
  const partners = ctx.traded.has(`${from}>${to}`) || ctx.traded.has(`${to}>${from}`);
  if (/\b(?:troops|forces|army|armies|units)\b/i.test(item) && !partners) return;
  const src = sourceOf(ctx, tokens[v].start);
  const span = { start: tokens[a].start, end: tokens[place.next - 1].end };
  const before = wordsBefore(ctx, cStart, v);
  addTransfer(ctx, {
    from, to, category, item: item.replace(/^(?:the|a|an)\s+/i, ''), quantity: quantityIn(ctx, { start: tokens[a].start, end: tokens[iv - 1].end }), since: null, until: null,
    status: statusOf({ verb: tokens[v].text.toLowerCase(), before, after: [], denial: src.denial, cue: src.cue, planned: false }),
    source: src.source, ...(src.sourceText ? { sourceText: src.sourceText } : {}), spans: [span], rule: 'people-present',
  });
}

/**
 * "Danish instructors will teach them to fly the jets", "Moscow would help Pyongyang build
 * satellites": teaching and helping someone do something is know-how from the teacher's state.
 */
function fromTeaching(ctx: Ctx, v: number, sStart: number, sEnd: number): void {
  const { tokens } = ctx;
  const w = tokens[v].text.toLowerCase();
  if (DETERMINERS.has(tokens[v - 1]?.text.toLowerCase() ?? '') || tokens[v - 1]?.text === 'to' && /^help/.test(w)) return;
  const cStart = clauseStart(ctx, v, sStart);
  const cEnd = clauseEnd(ctx, v, sEnd);
  // The teacher: the state named (or described by its demonym) before the verb.
  let from: string | undefined;
  for (const m of ctx.mentions.within({ start: tokens[cStart].start, end: tokens[v].start })) {
    if (m.actor.type !== 'person' && !TRUE_PREPOSITIONS.has(wordBefore(ctx, m))) from = stateOf(ctx, m);
  }
  // The learner: a state right after the verb, or "them" for the people of the state named last.
  let to: string | undefined;
  let k = v + 1;
  const act = actorAfter(ctx, k, cEnd);
  if (act && act.m.actor.type !== 'person') {
    to = stateOf(ctx, act.m);
    k = act.next;
  } else if (/^(?:them|it)$/i.test(tokens[k]?.text ?? '')) {
    const m = ctx.mentions.lastBefore(tokens[v].start, (a) => a.type === 'country' && a.id !== from, 40);
    to = m?.actor.id;
    k++;
  }
  // "help Pyongyang build satellites", "teach them to fly and maintain the jets": a verb follows.
  if (tokens[k]?.text === 'to') k++;
  // Only know-how: making, running or keeping things ("build satellites", "fly and maintain the
  // jets"), not any help ("helped Sweden join NATO").
  if (!to || !from || to === from || k >= cEnd || !SKILLS.test(tokens[k].text)) return;
  const src = sourceOf(ctx, tokens[v].start);
  const span = { start: tokens[cStart].start, end: tokens[cEnd - 1]?.end ?? tokens[v].end };
  addTransfer(ctx, {
    from, to, category: 'technology', item: `${/^help/.test(w) ? 'help' : 'training'}: ${textOf(ctx, k, cEnd).replace(/[.,;:]+$/, '')}`, quantity: null, since: null, until: null,
    status: statusOf({ verb: w, before: wordsBefore(ctx, cStart, v), after: [], denial: src.denial, cue: src.cue, planned: false }),
    source: src.source, ...(src.sourceText ? { sourceText: src.sourceText } : {}), spans: [span], rule: 'teaching',
  });
}

/**
 * "Russia has become a fuel supplier to North Korea", "China, the North's other declared
 * supplier, also files reports": a state called another's supplier sends to it, the item its
 * modifier ("fuel") or else the flow stated just before.
 */
function fromSupplier(ctx: Ctx, v: number, sStart: number, sEnd: number): void {
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

const INCLUDE = /^(?:covers|cover|covered|includes|include|included|including|comprises|comprised|comprise)$/;
const PACKAGE = /^(?:package|packages|sale|sales|deal|deals|contract|contracts|agreement|agreements|consignment|consignments|shipment|shipments|aid|order|orders|equipment|cargo|cargoes|freight)$/;

/** "covers", "includes", "consists of", "provides for": a word that opens the contents of a flow. */
const INCLUSION_CUES = new Set(['covers', 'cover', 'covered', 'includes', 'include', 'included', 'including', 'comprises', 'comprised', 'comprise', 'consists', 'consisted', 'consist', 'provide', 'provides', 'provided']);

function inclusionAt(ctx: Ctx, v: number): number {
  const w = ctx.tokens[v].text.toLowerCase();
  if (!INCLUSION_CUES.has(w)) return -1;
  const next = ctx.tokens[v + 1]?.text.toLowerCase();
  if (INCLUDE.test(w)) return v + 1;
  if (/^(?:consists|consisted|consist)$/.test(w) && next === 'of') return v + 2;
  // "consist largely of", "consisted mostly of".
  if (/^(?:consists|consisted|consist)$/.test(w) && /^\p{Ll}+ly$/u.test(next ?? '') && ctx.tokens[v + 2]?.text === 'of') return v + 3;
  if (/^(?:provide|provides|provided)$/.test(w) && next === 'for') return v + 2;
  return -1;
}

/**
 * The contents of a package, sale or shipment ("the package covers HIMARS rockets, 155mm rounds and
 * Stinger missiles", "the agreements provide for up to 1,000 tanks, 672 howitzers and 48 aircraft",
 * "the shipment consisted of infantry rockets"): one transfer per listed item along the flow the
 * sentence gave before (else the report's usual sender and recipient). Contents still listed in the
 * present are planned; past contents keep the flow's status.
 */
function fromInclusion(ctx: Ctx, v: number, k: number, sStart: number, sEnd: number): void {
  const { tokens } = ctx;
  const w = tokens[v].text.toLowerCase();
  const cStart = clauseStart(ctx, v, sStart);
  let hasPackage = false;
  for (let p = Math.max(cStart, v - 12); p < v; p++) if (PACKAGE.test(tokens[p].text.toLowerCase())) hasPackage = true;
  // "weapons, including drones": a sub-list of a flow already taken; only a package's contents count.
  if (w === 'including' && !hasPackage) return;
  if (!hasPackage && !/^(?:consists|consisted|consist|provide|provides|provided)$/.test(w)) {
    // "it also covers the smaller plant": a verb of covering needs a package-like subject.
    return;
  }
  const at = tokens[v].start;
  let parent: Transfer | undefined;
  for (let i = ctx.out.length - 1; i >= Math.max(0, ctx.out.length - 8); i--) {
    const t = ctx.out[i];
    if (t.spans[0].start >= tokens[sStart].start && t.spans[0].start < at && (!parent || t.spans[0].start > parent.spans[0].start)) parent = t;
  }
  const cEnd = clauseEnd(ctx, v, sEnd);
  let end = k;
  while (end < cEnd && !/^[;:.]$/.test(tokens[end].text) && !/^(?:that|which|who|though|although)$/.test(tokens[end].text) && !(tokens[end].text === ',' && /^(?:while|but|which|who|and|according)$/.test(tokens[end + 1]?.text ?? '') && !ctx.cat.categorize(textOf(ctx, end + 2, Math.min(cEnd, end + 6))))) end++;
  const past = /(?:ed|sted)$/.test(w) || w === 'provided';
  const src = sourceOf(ctx, at);
  const parts = listParts(ctx, k, end);
  const subjectWords = tokens.slice(Math.max(cStart, v - 12), v).map(statusWord);
  // "Return cargo may include Russian food, fuel or components": with no flow before it in the
  // sentence, the contents' demonym names the sender and the other main side receives; "return"
  // or "exchange" cargo runs against the report's usual direction.
  let from = parent?.from;
  let to = parent?.to;
  if (!parent) {
    from = ctx.mentions.within({ start: tokens[k].start, end: tokens[end - 1]?.end ?? tokens[k].end }).find((m) => m.kind === 'demonym' && m.actor.type === 'country')?.actor.id;
    to = otherOfPair(ctx, from);
    if (!from && subjectWords.some((x) => x === 'return' || x === 'exchange')) {
      const usual = usualFlow(ctx);
      if (usual) [from, to] = [usual[1], usual[0]];
    }
  }
  // "may include": contents stated with doubt.
  const doubt = /^(?:may|might|could)$/.test(subjectWords[subjectWords.length - 1] ?? '') || subjectWords.some((x) => HEDGE_WORDS.has(x));
  for (const [a, b] of parts) {
    const item = textOf(ctx, a, b).replace(/^(?:the|a|an|its|their)\s+/i, '');
    if (/^(?:by|in|to|for|from|and|or|but|on|at|as|how|what|when|where|with)\b/i.test(item)) continue;
    const category = ctx.cat.categorize(item);
    if (!category) continue;
    const status = src.denial ? 'denied' : doubt ? 'hedged' : past ? (parent?.status ?? 'asserted') : 'planned';
    const t: Omit<Transfer, 'stage'> = {
      from: from ?? '', to: to ?? '', category, item, quantity: quantityIn(ctx, { start: tokens[a].start, end: tokens[b - 1].end }),
      since: parent?.since ?? null, until: parent?.until ?? null, status,
      source: src.source, ...(src.sourceText ? { sourceText: src.sourceText } : {}),
      spans: [{ start: tokens[a].start, end: tokens[b - 1].end }], rule: 'package-contents',
    };
    if (t.from && t.to) addTransfer(ctx, t);
    else ctx.pending.push(t);
  }
}

const MODAL_WORDS = new Set(['could', 'may', 'might', 'would', 'will', 'should', 'must', 'can', 'shall', 'had', 'has', 'have']);
const HEDGE_WORDS = new Set(['likely', 'probably', 'possibly', 'reportedly', 'allegedly', 'apparently', 'believed', 'suspected']);

/** The report's most frequent sender and recipient so far. */
function usualFlow(ctx: Ctx, category?: string): [string, string] | undefined {
  const count = new Map<string, number>();
  // Payments run back against the goods they pay for: the goods say which way the report's flow goes.
  const goods = ctx.out.filter((t) => (category ? t.category === category : t.category !== 'money'));
  if (category && !goods.length) return undefined;
  for (const t of goods.length ? goods : ctx.out) count.set(`${t.from}>${t.to}`, (count.get(`${t.from}>${t.to}`) ?? 0) + 1);
  const top = [...count.entries()].sort((x, y) => y[1] - x[1])[0]?.[0];
  return top ? (top.split('>') as [string, string]) : undefined;
}

/**
 * The parts of a listed run of items: a comma list of three or more is one item each; "X and Y" is
 * split as splitItems does.
 */
function listParts(ctx: Ctx, a: number, b: number): [number, number][] {
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

/**
 * "Moscow and Pyongyang have denied that any arms trade is taking place", "Pyongyang has rejected
 * the claim": each denier denies the flow the report last put to them, as a denied transfer of
 * its own (a claim and its denial are two transfers).
 */
function fromDenials(ctx: Ctx): void {
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

const ELLIPTIC_WORDS = /^(?:the|first|last|next|remaining|other|rest|all|another|further|more|of|them|these|those|its|their)$/i;

/** "the first six", "eight", "the last five", "more": an amount that stands for an item named before. */
function ellipticAmount(ctx: Ctx, a: number, b: number): boolean {
  if (b - a > 6) return false;
  let amount = false;
  for (let k = a; k < b; k++) {
    const t = ctx.tokens[k];
    if (insideSpans(ctx.countSpans, t.start)) amount = true;
    else if (!ELLIPTIC_WORDS.test(t.text)) return false;
  }
  return amount || (b - a === 1 && /^more$/i.test(ctx.tokens[a].text));
}

/** The flow an elliptic amount goes on with: the one stated last before `at`, in this sentence or the three before. */
function contextFlow(ctx: Ctx, at: number, category?: string): Omit<Transfer, 'stage'> | undefined {
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

/**
 * "The first six are to be handed over this year, followed by eight next year and the last five in
 * 2025": each amount after "followed by" is one more delivery of the item the clause before named.
 */
function fromFollowed(ctx: Ctx, v: number, sStart: number, sEnd: number): void {
  const { tokens } = ctx;
  const parent = contextFlow(ctx, tokens[v].start);
  if (!parent) return;
  const cEnd = clauseEnd(ctx, v, sEnd);
  const qs = ctx.doc.layers.quantities?.quantities ?? [];
  let s = v + 2;
  for (let k = s; k <= cEnd; k++) {
    if (k < cEnd && tokens[k].text !== 'and' && tokens[k].text !== ',') continue;
    // A part opens with its amount ("eight next year", "the last five in 2025") and names no item of its own.
    let a = s;
    while (a < k && ELLIPTIC_WORDS.test(tokens[a].text)) a++;
    const q = a < k ? qs.find((x) => x.start <= tokens[a].start && tokens[a].end <= x.end) : undefined;
    if (q && !ctx.cat.categorize(textOf(ctx, s, k))) {
      const span = { start: tokens[s].start, end: tokens[k - 1].end };
      const { since, until } = periodOf(ctx.doc, span);
      addTransfer(ctx, {
        ...parent, quantity: quantityIn(ctx, { start: tokens[a].start, end: tokens[a].end }), since, until, spans: [span], rule: 'followed-by',
      });
    }
    s = k + 1;
  }
  void sStart;
}

/**
 * "Two ships have left, one bound for Somalia and one for Burkina Faso. Each is carrying 25,000
 * tonnes.": an amount said of each is the amount of every flow the sentence before stated without one.
 */
function eachAmount(ctx: Ctx, s: { start: number; end: number; tokenStart: number; tokenEnd: number }): void {
  if (ctx.mentions.within(s).some((m) => m.actor.type === 'country')) return;
  const amount = quantityIn(ctx, { start: s.start, end: s.end });
  if (!amount || amount.unit === 'percent' || (amount.value === null && amount.min === null && amount.max === null)) return;
  const here = sentenceIndex(ctx, s.start);
  for (const t of ctx.out.slice(-12)) {
    if (t.quantity || here - sentenceIndex(ctx, t.spans[t.spans.length - 1].start) !== 1) continue;
    t.quantity = amount;
    t.spans.push({ start: s.start, end: s.end });
  }
}

/** The state an actor id stands for: a country itself, a body's state, a person's body's state. */
function actorState(ctx: Ctx, id: string, depth = 0): string | undefined {
  if (/^[A-Z]{2}$/.test(id)) return id;
  const a = ctx.mentions.actor(id);
  if (!a || depth > 2) return undefined;
  if (a.type === 'organization') return ctx.nonState.has(a.id) ? a.id : a.country;
  if (a.type === 'person' && a.affiliation) return actorState(ctx, a.affiliation, depth + 1);
  return a.country;
}

/** The index of the sentence holding a character offset (binary search). */
function sentenceIndex(ctx: Ctx, at: number): number {
  const ss = ctx.doc.layers.segments?.sentences ?? [];
  let lo = 0;
  let hi = ss.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ss[mid].start <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * "Germany said it would send 14 tanks", "Norway handed over eight tanks": the recipient is the
 * one the report's other flows go to (a report on aid to Ukraine), the sender likewise.
 */
function fillPending(ctx: Ctx): void {
  // The usual side only where one dominates: a report on grain for six African states has no usual recipient.
  const most = (xs: string[]) => {
    const top = [...xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>())].sort((a, b) => b[1] - a[1]);
    return top[0] && (top.length === 1 || (top[0][1] >= 2 && top[0][1] > top[1][1])) ? top[0][0] : undefined;
  };
  const recipient = most(ctx.out.map((t) => t.to));
  const sender = most(ctx.out.map((t) => t.from));
  const usual = usualFlow(ctx);
  const partners = new Map<string, string | undefined>();
  // Worked out once per side, so a long report stays linear.
  const byCategory = new Map<string, [string, string] | undefined>();
  const sendersBesides = new Map<string, string | undefined>();
  const recipientsBesides = new Map<string, string | undefined>();
  const flows = [...ctx.out];
  const besides = (memo: Map<string, string | undefined>, side: string, key: (t: Transfer) => string) => {
    if (!memo.has(side)) memo.set(side, most(flows.map(key).filter((x) => x !== side)));
    return memo.get(side);
  };
  for (const t of ctx.pending) {
    // Neither side named ("the package covers …"): the report's usual flow.
    if (!t.from && !t.to) {
      // A flow noun ("other weapons deliveries") goes with the flows of its own category, else none.
      if (t.rule === 'flow-noun' && !byCategory.has(t.category)) byCategory.set(t.category, usualFlow(ctx, t.category));
      const sides = t.rule === 'flow-noun' ? byCategory.get(t.category) : t.rule === 'verb-passive' && t.category === 'money' ? usual?.slice().reverse() as [string, string] | undefined : usual;
      if (sides) addTransfer(ctx, { ...t, from: sides[0], to: sides[1], rule: `${t.rule}+usual-partner` });
      continue;
    }
    // The usual side other than the one named ("Hezbollah sent fighters" in a report where Hezbollah
    // mostly receives: the usual recipient besides it).
    let from = t.from || (t.to !== sender ? sender : besides(sendersBesides, t.to, (x) => x.from));
    let to = t.to || (t.from !== recipient || !t.from ? recipient : besides(recipientsBesides, t.from, (x) => x.to));
    // The one side named is itself the usual recipient or sender: its partner in the report's flows
    // ("Tashkent would pay for the plant while Moscow supplied reactors").
    if (!from || !to) {
      const side = t.from || t.to;
      if (!partners.has(side)) partners.set(side, partnerOf(ctx, side));
      const found = partners.get(side);
      const partner = found !== t.source ? found : undefined; // the accuser is no side
      if (!from) from = partner;
      else to = partner;
    }
    if (from && to && from !== to) {
      addTransfer(ctx, { ...t, from, to, rule: `${t.rule}+usual-partner` });
      ctx.filled.set(t, [from, to]);
    }
  }
  for (const { main, flow } of ctx.counters) {
    const sides = main && ctx.filled.get(main);
    if (sides) addTransfer(ctx, { ...flow, from: sides[1], to: sides[0] });
  }
}

/** The state a side trades with most often in the flows found so far. */
function partnerOf(ctx: Ctx, side: string): string | undefined {
  const count = new Map<string, number>();
  for (const t of ctx.out) {
    const other = t.from === side ? t.to : t.to === side ? t.from : undefined;
    if (other) count.set(other, (count.get(other) ?? 0) + 1);
  }
  const top = [...count.entries()].sort((x, y) => y[1] - x[1]);
  // Several partners, none ahead: no usual one.
  return top.length === 1 || (top.length > 1 && top[0][1] > top[1][1]) ? top[0][0] : undefined;
}

const FIELD = /^[ \t]*[-•*]?[ \t]*(Supplier|Suppliers|Seller|Vendor|Contractor|Manufacturer|Maker|Buyer|Customer|Recipient|Scope|Items?|Deliverables|Value|Price|Cost|Schedule|Deliveries|Delivery|Timeline|Timetable)[ \t]*:[ \t]*(.*)$/gm;

/**
 * A fact box or press-release block ("- Supplier: Hyundai Rotem / - Scope: 180 K2 tanks with … /
 * - Value: about $3.37 billion"): the scope is a planned flow from the supplier to the buyer (named
 * in its own field, else the report's other main side), the value a planned payment back.
 * Fields of one block run until a blank line.
 */
function fromFieldBlocks(ctx: Ctx): void {
  const { text } = ctx.doc;
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
function fromTallies(ctx: Ctx): void {
  if (!ctx.pair) return;
  const { text } = ctx.doc;
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

/** "- Bangladesh: Rosatom is building …": the one state a bulleted line is labelled with, else undefined. */
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

function lineLabel(ctx: Ctx, at: number): string | undefined {
  const { text } = ctx.doc;
  const lineStart = lineStartOf(ctx.doc, at);
  const m = /^[ \t]*[-•*][ \t]*([^:\n]{2,40}):/.exec(text.slice(lineStart, lineStart + 48));
  if (!m) return undefined;
  const start = lineStart + m[0].indexOf(m[1]);
  const inLabel = ctx.mentions.within({ start, end: start + m[1].length }).filter((x) => x.actor.type === 'country');
  return inLabel.length === 1 && inLabel[0].end - inLabel[0].start >= m[1].trim().length - 1 ? inLabel[0].actor.id : undefined;
}

/** The two countries a report is most about: the sides an implicit flow runs between. */
function mainPair(mentions: Mentions, attributions: Attribution[], places: { country?: string }[]): [string, string] | null {
  const count = new Map<string, number>();
  for (const m of mentions.list) if (m.actor.type === 'country') count.set(m.actor.id, (count.get(m.actor.id) ?? 0) + 1);
  // Ports, cities and border crossings ("Rajin", "Dunai") count for the state they lie in.
  for (const p of places) if (p.country) count.set(p.country, (count.get(p.country) ?? 0) + 1);
  // On a tie, a state that speaks ("the White House said") is less likely a side than one that does not.
  const speaking = new Map<string, number>();
  for (const a of attributions) if (a.source) speaking.set(a.source, (speaking.get(a.source) ?? 0) + 1);
  const top = [...count.entries()].sort((x, y) => y[1] - x[1] || (speaking.get(x[0]) ?? 0) - (speaking.get(y[0]) ?? 0));
  return top.length >= 2 && top[1][1] >= 2 ? [top[0][0], top[1][0]] : null;
}

function run(doc: AnnotatedDoc, ctx: StageContext): AnnotatedDoc {
  const segs = requireLayer(doc, 'segments', STAGE);
  const actors = requireLayer(doc, 'actors', STAGE);
  const attributions = doc.layers.attributions?.attributions ?? [];
  const lex = ctx.lexicons.transfers;
  const mentions = new Mentions(actors.actors);
  const tokens = segs.tokens;
  const quoteMask = new Uint8Array(tokens.length);
  const direct = attributions.filter((a) => a.kind === 'direct');
  for (let i = 0, q = 0; i < tokens.length; i++) {
    while (q < direct.length && direct[q].end <= tokens[i].start) q++;
    if (q < direct.length && tokens[i].start >= direct[q].start - 1 && tokens[i].end <= direct[q].end + 1) quoteMask[i] = 1;
  }
  const c: Ctx = {
    doc, tokens, mentions, cat: Categorizer.for(lex), makers: Makers.for(ctx.lexicons), speakerStarts: new Set(attributions.flatMap((a) => (a.speaker ? [a.speaker.start] : []))), give: new Set(lex.give), get: new Set(lex.get), nouns: new Set(lex.nouns), motion: new Set(lex.motion), build: new Set(lex.build),
    attributions, quoteMask, pair: mainPair(mentions, attributions, actors.places ?? []), nonState: new Set(lex.nonStateBodies), placeAt: new Map((actors.places ?? []).map((p) => [p.start, { country: p.country, end: p.end }])), out: [], pending: [], counters: [], filled: new Map(), traded: new Set(),
    claims: attributions.filter((a) => a.kind !== 'direct').sort((x, y) => x.start - y.start),
    timeSpans: (doc.layers.times?.times ?? []).map((t) => ({ start: t.start, end: t.end })).sort((x, y) => x.start - y.start),
    countSpans: (doc.layers.quantities?.quantities ?? []).filter((q) => q.unit !== 'percent' && !/^[A-Z]{3}/.test(q.unit ?? '')).map((q) => ({ start: q.start, end: q.end })).sort((x, y) => x.start - y.start),
    trace: ctx.trace,
  };
  fromFieldBlocks(c);
  fromTallies(c);
  for (const s of segs.sentences) {
    c.label = lineLabel(c, s.start);
    // A question asserts no flow ("Could India pay in something other than rupees?").
    if (tokens[s.tokenEnd - 1]?.text === '?') continue;
    if (/^each$/i.test(tokens[s.tokenStart]?.text ?? '')) eachAmount(c, s);
    const found = c.out.length;
    const pending = c.pending.length;
    for (let v = s.tokenStart; v < s.tokenEnd; v++) {
      if (quoteMask[v]) continue;
      const w = tokens[v].text;
      if (!/^\p{Ll}/u.test(w)) {
        // "Shipments for Eritrea … are to leave": a flow noun opening a sentence or a bulleted line.
        const opens = v === s.tokenStart || /^[-•*]$/.test(tokens[v - 1]?.text ?? '');
        if (opens && c.nouns.has(w.toLowerCase())) fromNoun(c, v, s.tokenStart, s.tokenEnd);
        continue;
      }
      // "China's exports of", "Trump's return": after a possessive the word is a noun, not a verb.
      if (/^['’]s$/.test(tokens[v - 1]?.text ?? '')) {
        if (c.nouns.has(w)) fromNoun(c, v, s.tokenStart, s.tokenEnd);
        else if (c.build.has(w)) fromBuild(c, v, s.tokenStart, s.tokenEnd); // "Rosatom's construction of"
        continue;
      }
      const contents = inclusionAt(c, v);
      if (contents > 0) {
        fromInclusion(c, v, contents, s.tokenStart, s.tokenEnd);
        if (!c.give.has(w) && !c.get.has(w)) continue;
      }
      const relativePassive = c.give.has(w) && /^(?:were|was)$/.test(tokens[v - 1]?.text ?? '') && /^(?:that|which)$/.test(tokens[v - 2]?.text ?? '');
      // "Long-range missiles were sent to Ukraine": a passive with no object after it has its item before.
      const passiveBare = c.give.has(w) && /(?:ed|nt|ld|wn|en)$/.test(w) && PASSIVE.has(tokens[v - 1]?.text.toLowerCase() ?? '') && /^(?:to|into|onto|for|from|by|aboard|via|through|across|over|in|on|at|during|before|after|last|this|earlier|between|since|until|,|\.|;|and)$/.test(tokens[v + 1]?.text ?? '');
      // "wheat flour sent to Rajin was unloaded": a participle right after its noun is a reduced relative.
      const prevWord = tokens[v - 1]?.text ?? '';
      const reduced = c.give.has(w) && /(?:ed|nt)$/.test(w) && (/^\p{Ll}{3,}$/u.test(prevWord) || (v - 1 === s.tokenStart && /^\p{Lu}\p{Ll}{2,}s$/u.test(prevWord) && !mentionAtToken(c, v - 1))) && !/(?:ly|ed)$/.test(prevWord) && !PASSIVE.has(prevWord) && !/^(?:has|have|had|that|which|who|and|or|but|then|also|not|never|they|it|we|he|she)$/.test(prevWord) && !c.give.has(prevWord) && !c.get.has(prevWord) && /^(?:to|into|by|from)$/.test(tokens[v + 1]?.text ?? '');
      if (w === 'followed' && tokens[v + 1]?.text === 'by') fromFollowed(c, v, s.tokenStart, s.tokenEnd);
      else if (c.build.has(w)) fromBuild(c, v, s.tokenStart, s.tokenEnd);
      else if (w === 'bound' && tokens[v + 1]?.text === 'for') fromBound(c, v, s.tokenStart, s.tokenEnd);
      else if (PRESENCE.test(w) && !c.give.has(w)) fromPresence(c, v, s.tokenStart, s.tokenEnd);
      else if (w === 'supplier') fromSupplier(c, v, s.tokenStart, s.tokenEnd);
      else if (/^(?:teach|teaches|taught|teaching|train|trains|trained|training|help|helps|helped|helping)$/.test(w)) fromTeaching(c, v, s.tokenStart, s.tokenEnd);
      else if (c.motion.has(w) || relativePassive || passiveBare || reduced) fromMotion(c, v, s.tokenStart, s.tokenEnd);
      else if (c.give.has(w) || c.get.has(w)) fromVerb(c, v, s.tokenStart, s.tokenEnd);
      else if (c.nouns.has(w)) fromNoun(c, v, s.tokenStart, s.tokenEnd);
    }
    // Maker adjectives on items no flow of this sentence took in.
    const taken = [...c.out.slice(found), ...c.pending.slice(pending)].flatMap((t) => t.spans);
    for (let v = s.tokenStart; v < s.tokenEnd; v++) {
      if (quoteMask[v] || !c.makers.at(tokens, v)) continue;
      if (!taken.some((x) => x.start <= tokens[v].start && tokens[v].end <= x.end)) fromMaker(c, v, s.tokenStart, s.tokenEnd);
    }
  }
  fillPending(c);
  fromDenials(c);
  return withLayer(doc, 'transfers', { transfers: c.out });
}

export const transfersStage: Stage = { name: STAGE, run };
