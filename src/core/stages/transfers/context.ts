// What every transfer rule reads: the stage's state (Ctx) and the look-ups over it — which state an
// actor stands for, the actor or place after a word, the claim and source around an offset, the
// report's main pair and usual flow.
import { type AnnotatedDoc, type Attribution, type Span, type Token, type Transfer } from '../../doc.js';
import { type StageContext } from '../../pipeline.js';
import { insideSpans, lowerBound } from '../../search.js';
import { Mentions, type MentionRef } from '../mentions.js';
import { Categorizer } from './categories.js';
import { Makers } from './makers.js';

export const STAGE = 'transfers';

export const PREPOSITIONS = new Set(['to', 'into', 'from', 'for', 'by', 'in', 'since', 'through', 'via', 'at', 'under', 'during', 'on', 'over', 'between', 'until', 'before', 'after', 'across', 'toward', 'towards', 'as', 'against', 'because', 'while', 'when', 'although', 'but', 'that', 'which', 'who', 'where', 'including', 'despite', 'amid', 'without', 'than']);
export const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'each', 'every', 'its', 'their', 'his', 'her', 'one', 'first', 'last', 'any', 'no']);
/** Prepositions proper: an actor after one of these is no subject ("to Russia", "from Iran"). */
export const TRUE_PREPOSITIONS = new Set(['to', 'into', 'from', 'for', 'by', 'in', 'through', 'via', 'at', 'under', 'during', 'on', 'over', 'between', 'across', 'toward', 'towards', 'against', 'with', 'of', 'about', 'including', 'like', 'than', 'among', 'beside', 'besides']);
export const PASSIVE = new Set(['was', 'were', 'been', 'being', 'is', 'are', 'be']);
export interface Ctx {
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
  give: ReadonlySet<string>;
  get: ReadonlySet<string>;
  nouns: ReadonlySet<string>;
  motion: ReadonlySet<string>;
  build: ReadonlySet<string>;
  attributions: Attribution[];
  quoteMask: Uint8Array;
  pair: [string, string] | null;
  pending: Omit<Transfer, 'stage'>[];
  /** Flows back (a price, an exchange) for a pending flow: their sides are its sides reversed, once known. */
  counters: { main?: Omit<Transfer, 'stage'>; flow: Omit<Transfer, 'stage'> }[];
  /** The sides each pending flow was given. */
  filled: Map<Omit<Transfer, 'stage'>, [string, string]>;
  nonState: ReadonlySet<string>;
  /** Named places (cities, regions) by start offset, with the state they lie in. */
  placeAt: Map<number, { country?: string; end: number }>;
  /** The state a bulleted line is labelled with ("- Bangladesh: Rosatom is building …"), for the sentence at hand. */
  label?: string;
  out: Transfer[];
  trace: StageContext['trace'];
}

/** The state (or non-state armed group) an actor stands for in a flow. */
export function stateOf(ctx: Ctx, m: MentionRef | undefined): string | undefined {
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

export function mentionAtToken(ctx: Ctx, i: number): MentionRef | undefined {
  return ctx.mentions.within({ start: ctx.tokens[i].start, end: ctx.tokens[i].end + 200 }).find((m) => m.start === ctx.tokens[i].start);
}

/** The actor mention starting within a few tokens after i (skipping an article or "the"). */
export function actorAfter(ctx: Ctx, i: number, end: number): { m: MentionRef; next: number } | undefined {
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
export function possessorAt(ctx: Ctx, i: number, end: number): string | undefined {
  if (i >= end || !/^(?:its|their)$/i.test(ctx.tokens[i].text) || !/^\p{Ll}/u.test(ctx.tokens[i + 1]?.text ?? '')) return undefined;
  const m = ctx.mentions.lastBefore(ctx.tokens[i].start, (a, x) => (a.type === 'country' || a.type === 'organization') && x.kind !== 'demonym', 40);
  return m ? stateOf(ctx, m) : undefined;
}

/** Is token i part of a time expression ("May arrivals")? */
export function inTime(ctx: Ctx, i: number): boolean {
  return insideSpans(ctx.timeSpans, ctx.tokens[i].start);
}

/**
 * The reported claim (not a direct quote) holding offset `at`, the outermost one where claims
 * nest; found by binary search over the claims in text order, so a long report stays linear.
 */
export function claimAt(ctx: Ctx, at: number): Attribution | undefined {
  const i = lowerBound(ctx.claims, at + 1, (c) => c.start) - 1;
  let found: Attribution | undefined;
  for (let k = i; k >= 0 && k > i - 8; k--) if (ctx.claims[k].end > at) found = ctx.claims[k];
  return found;
}

/** Fills the missing side from the report's main pair ("Russian wheat shipments" in a report on Russia and North Korea). */
export function otherOfPair(ctx: Ctx, known: string | undefined): string | undefined {
  if (!known || !ctx.pair) return undefined;
  const other = known === ctx.pair[0] ? ctx.pair[1] : known === ctx.pair[1] ? ctx.pair[0] : undefined;
  // Once flows are known, the pair stands only for sides seen trading with each other: in a report
  // on Russian grain for Africa, "Ukraine had shipped 33 million tonnes" is no flow to Russia.
  if (other && ctx.out.length && !ctx.traded.has(`${known}>${other}`) && !ctx.traded.has(`${other}>${known}`)) return undefined;
  return other;
}

export function demonymIn(ctx: Ctx, a: number, b: number): string | undefined {
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

export function sourceOf(ctx: Ctx, at: number): { source: string | null; sourceText?: string; denial: boolean; cue?: string } {
  const a = claimAt(ctx, at);
  if (!a) return { source: null, denial: false };
  const cue = a.cue ? ctx.doc.text.slice(a.cue.start, a.cue.end).toLowerCase() : undefined;
  return { source: a.source, ...(a.sourceText ? { sourceText: a.sourceText } : {}), denial: a.kind === 'denial', cue };
}

const SPACE = /\s/;

/**
 * The last whitespace-free run of text[from, to), lowercased ("" when there is none): what
 * `text.slice(from, to).trim().split(/\s+/).pop()` gives, read back from the end without copying.
 */
export function lastWordIn(text: string, from: number, to: number): string {
  let e = to;
  while (e > from && SPACE.test(text[e - 1])) e--;
  let b = e;
  while (b > from && !SPACE.test(text[b - 1])) b--;
  return text.slice(b, e).toLowerCase();
}

/** The word just before a mention, lowercased. */
export function wordBefore(ctx: Ctx, m: MentionRef): string {
  return lastWordIn(ctx.doc.text, Math.max(0, m.start - 16), m.start);
}

/**
 * The body a subject pronoun ("it", "they") at `at` stands for: the last state or body named as a
 * subject before it, not one inside a prepositional phrase ("Russia resumed deliveries to the North
 * … it supplied" is Russia); else the last one named at all.
 */
export function antecedent(ctx: Ctx, at: number): MentionRef | undefined {
  const body = (a: { type: string }, m: MentionRef) => (a.type === 'country' || a.type === 'organization') && m.kind !== 'demonym';
  return ctx.mentions.lastBefore(at, (a, m) => body(a, m) && !TRUE_PREPOSITIONS.has(wordBefore(ctx, m)) && !/^['’]s\b/.test(ctx.doc.text.slice(m.end, m.end + 2)), 40)
    ?? ctx.mentions.lastBefore(at, body);
}

/** The further states of a list that goes on at token k ("…, Mali, Zimbabwe and the Central African Republic"). */
export function listedStates(ctx: Ctx, k: number, end: number): string[] {
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
 * The recipient named after "to", "into" or "for" at token i: an actor, a city or region for the
 * state it lies in ("sent to Rajin"), or the side fought with in a purpose ("sent to fight
 * alongside Russian forces").
 */
export function recipientAt(ctx: Ctx, i: number, end: number): { state: string | undefined; next: number } | undefined {
  let k = i;
  if (/^(?:fight|serve|help)$/.test(ctx.tokens[k]?.text ?? '') && /^(?:alongside|with|for|beside)$/.test(ctx.tokens[k + 1]?.text ?? '')) k += 2;
  // "sent fighters to defend Assad", "to shore up the Syrian army": the side a purpose supports.
  else if (/^(?:defend|protect|support|reinforce|bolster|back|assist|aid|prop)$/.test(ctx.tokens[k]?.text ?? '')) k += /^up$/.test(ctx.tokens[k + 1]?.text ?? '') ? 2 : 1;
  const act = actorAfter(ctx, k, end);
  if (act) return { state: stateOf(ctx, act.m), next: act.next };
  const place = placeAfter(ctx, k, end);
  return place ? { state: place.state, next: place.next } : undefined;
}

/** The state of a place named at token i, also as an owner ("in Russia's Kursk region"). */
export function placeAfter(ctx: Ctx, i: number, end: number): { state: string; next: number } | undefined {
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

/** The report's most frequent sender and recipient so far. */
export function usualFlow(ctx: Ctx, category?: string): [string, string] | undefined {
  const count = new Map<string, number>();
  // Payments run back against the goods they pay for: the goods say which way the report's flow goes.
  const goods = ctx.out.filter((t) => (category ? t.category === category : t.category !== 'money'));
  if (category && !goods.length) return undefined;
  for (const t of goods.length ? goods : ctx.out) count.set(`${t.from}>${t.to}`, (count.get(`${t.from}>${t.to}`) ?? 0) + 1);
  const top = [...count.entries()].sort((x, y) => y[1] - x[1])[0]?.[0];
  return top ? (top.split('>') as [string, string]) : undefined;
}

/** The state an actor id stands for: a country itself, a body's state, a person's body's state. */
export function actorState(ctx: Ctx, id: string, depth = 0): string | undefined {
  if (/^[A-Z]{2}$/.test(id)) return id;
  const a = ctx.mentions.actor(id);
  if (!a || depth > 2) return undefined;
  if (a.type === 'organization') return ctx.nonState.has(a.id) ? a.id : a.country;
  if (a.type === 'person' && a.affiliation) return actorState(ctx, a.affiliation, depth + 1);
  return a.country;
}

/** The index of the sentence holding a character offset (binary search). */
export function sentenceIndex(ctx: Ctx, at: number): number {
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
 * "Denmark, Germany and the Netherlands will supply tanks", "Denmark joined Germany and the
 * Netherlands in a plan to …": the other states listed with a subject mention, before it.
 */
export function coordinatedBefore(ctx: Ctx, m: MentionRef, clauseStartAt: number): string[] {
  const out: string[] = [];
  let at = lowerBound(ctx.tokens, m.start, (t) => t.start);
  for (let n = 0; n < 8; n++) {
    let p = at - 1;
    if (p >= 0 && /^the$/i.test(ctx.tokens[p].text)) p--;
    if (p < 1 || !/^(?:,|and|joined|joins|join)$/i.test(ctx.tokens[p].text)) break;
    if (ctx.tokens[p].text === 'and' && ctx.tokens[p - 1].text === ',') p--;
    const prev = ctx.mentions.endingAt(ctx.tokens[p - 1].end).find((x) => x.actor.type === 'country' && x.start >= clauseStartAt);
    if (!prev) break;
    if (!out.includes(prev.actor.id) && prev.actor.id !== m.actor.id) out.push(prev.actor.id);
    at = lowerBound(ctx.tokens, prev.start, (t) => t.start);
  }
  // "exports from Germany and France": a list inside a prepositional phrase is no subject.
  return at > 0 && TRUE_PREPOSITIONS.has(ctx.tokens[at - 1].text.toLowerCase()) ? [] : out;
}

/**
 * The one state an interview's question names, in the two sentences before the one starting at
 * token `sStart` ("Q: India signed later but bought more." before "A: … The contract covers five
 * regiments"): a question ends in "?" or opens with "Q:".
 */
export function questionState(ctx: Ctx, sStart: number): string | undefined {
  const ss = ctx.doc.layers.segments?.sentences ?? [];
  const here = sentenceIndex(ctx, ctx.tokens[sStart].start);
  for (let i = here - 1; i >= Math.max(0, here - 2); i--) {
    const s = ss[i];
    const asked = ctx.tokens[s.tokenEnd - 1]?.text === '?' || (/^Q$/.test(ctx.tokens[s.tokenStart]?.text ?? '') && ctx.tokens[s.tokenStart + 1]?.text === ':');
    if (!asked) continue;
    const states = new Set(ctx.mentions.within({ start: s.start, end: s.end }).filter((m) => m.actor.type === 'country').map((m) => m.actor.id));
    return states.size === 1 ? [...states][0] : undefined;
  }
  return undefined;
}
