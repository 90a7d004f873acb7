// Transfers: who sends what to whom, how much, when, as whose claim. Clause by clause around a
// verb of giving or getting ("North Korea has provided Russia with over 3 million artillery
// shells", "Russia bought drones from Iran", "were shipped to Russia") or a flow noun
// ("Russian wheat shipments", "deliveries of refined petroleum to Pyongyang"); lists split into
// one transfer per item; the quantity, period, status and source come from the layers before.
import { requireLayer, withLayer, type AnnotatedDoc, type Attribution, type Span, type Token, type Transfer } from '../../doc.js';
import type { Stage, StageContext } from '../../pipeline.js';
import { Mentions, type MentionRef } from '../attributions/speakers.js';
import { Categorizer } from './categories.js';
import { periodOf } from './period.js';
import { statusOf } from './status.js';

const STAGE = 'transfers';

const PREPOSITIONS = new Set(['to', 'into', 'from', 'for', 'by', 'in', 'since', 'through', 'via', 'at', 'under', 'during', 'on', 'over', 'between', 'until', 'before', 'after', 'across', 'toward', 'towards', 'as', 'against', 'because', 'while', 'when', 'although', 'but', 'that', 'which', 'who', 'where', 'including', 'despite', 'amid', 'without', 'than']);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'each', 'every', 'its', 'their', 'his', 'her', 'one', 'first', 'last', 'any', 'no']);
/** Prepositions proper: an actor after one of these is no subject ("to Russia", "from Iran"). */
const TRUE_PREPOSITIONS = new Set(['to', 'into', 'from', 'for', 'by', 'in', 'through', 'via', 'at', 'under', 'during', 'on', 'over', 'between', 'across', 'toward', 'towards', 'against', 'with', 'of', 'about', 'including', 'like', 'than', 'among', 'beside', 'besides']);
const PASSIVE = new Set(['was', 'were', 'been', 'being', 'is', 'are', 'be']);
/** Verbs that take the recipient right after them: "provided Russia with …", "gave Ukraine 19 jets". */
const DITRANSITIVE = new Set(['provide', 'provides', 'provided', 'providing', 'supply', 'supplies', 'supplied', 'supplying', 'give', 'gives', 'gave', 'giving', 'offer', 'offered', 'offering', 'offers', 'promise', 'promised', 'sell', 'sold', 'send', 'sent', 'pay', 'paid', 'lend', 'lent', 'hand', 'handed', 'grant', 'granted']);

interface Ctx {
  doc: AnnotatedDoc;
  tokens: Token[];
  mentions: Mentions;
  cat: Categorizer;
  give: Set<string>;
  get: Set<string>;
  nouns: Set<string>;
  motion: Set<string>;
  attributions: Attribution[];
  quoteMask: Uint8Array;
  pair: [string, string] | null;
  pending: Omit<Transfer, 'stage'>[];
  nonState: Set<string>;
  out: Transfer[];
  trace: StageContext['trace'];
}

/** The state (or non-state armed group) an actor stands for in a flow. */
function stateOf(ctx: Ctx, m: MentionRef | undefined): string | undefined {
  if (!m) return undefined;
  const a = m.actor;
  if (a.type === 'country') return a.id;
  if (a.type === 'organization') return ctx.nonState.has(a.id) ? a.id : a.country ?? a.id;
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
  while (k < end && DETERMINERS.has(ctx.tokens[k].text.toLowerCase())) k++;
  const m = k < end ? mentionAtToken(ctx, k) : undefined;
  if (!m) return undefined;
  let next = k;
  while (next < end && ctx.tokens[next].start < m.end) next++;
  if (/^['’]s$/.test(ctx.tokens[next]?.text ?? '')) return undefined; // "to Russia's army": the owner is no recipient on its own
  return { m, next };
}

/** Where the clause holding token v begins: the sentence start, a semicolon, or the start of the claim v sits in. */
function clauseStart(ctx: Ctx, v: number, sentenceStart: number): number {
  let k = v;
  while (k > sentenceStart && !/^[;:]$/.test(ctx.tokens[k - 1].text)) k--;
  const at = ctx.tokens[v].start;
  const claim = ctx.attributions.find((a) => a.kind !== 'direct' && a.start <= at && at < a.end);
  if (claim) {
    while (k < v && ctx.tokens[k].start < claim.start) k++;
  }
  return k;
}

function clauseEnd(ctx: Ctx, v: number, sentenceEnd: number): number {
  // A claim ends where its content ends: "…, according to X" is no part of the flow.
  const at = ctx.tokens[v].start;
  const claim = ctx.attributions.find((a) => a.kind !== 'direct' && a.start <= at && at < a.end);
  for (let k = v + 1; k < sentenceEnd; k++) {
    if (claim && ctx.tokens[k].start >= claim.end) return k;
    const t = ctx.tokens[k].text;
    if (t === ';' || t === ':' || ctx.quoteMask[k]) return k;
    if (t === ',' && /^(?:while|but|whereas|and|although|though|which|who)$/.test(ctx.tokens[k + 1]?.text ?? '')) return k;
  }
  return sentenceEnd;
}

/** The items of a list ("food, oil, and technical assistance"), each with its token range. */
function splitItems(ctx: Ctx, a: number, b: number): [number, number][] {
  const parts: [number, number][] = [];
  let s = a;
  for (let k = a; k < b; k++) {
    const t = ctx.tokens[k].text;
    const separator = t === ',' || (t === 'and' && !isPhrase(ctx, s, k + 2)) || t === 'as well';
    if (!separator) continue;
    if (k > s) parts.push([s, k]);
    s = k + 1;
    if (ctx.tokens[s]?.text === 'and') s++;
  }
  if (b > s) parts.push([s, b]);
  // Keep the list apart only when its parts fall into different categories.
  const cats = parts.map(([x, y]) => ctx.cat.categorize(textOf(ctx, x, y)));
  if (parts.length > 1 && cats.every((c) => c) && new Set(cats).size > 1) return parts;
  return [[a, b]];
}

/** "weapons and ammunition", "rockets and artillery shells": a listed phrase that is one item. */
function isPhrase(ctx: Ctx, s: number, e: number): boolean {
  return ctx.cat.isListedPhrase(textOf(ctx, s, Math.min(e, ctx.tokens.length)));
}

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
    if (k > a && PREPOSITIONS.has(w) && w !== 'of') return k;
    if (w === ',' && (k + 1 >= end || /^(?:\p{Ll}+ing|since|in|on|at|from|to|according|as|mostly|while|a|an|the|which|who|its|their)$/u.test(ctx.tokens[k + 1].text))) return k;
    if (w === '(' || w === ')' || w === '—' || w === '–') return k;
    if (k > a && (ctx.give.has(w) || ctx.motion.has(w)) && ctx.tokens[k - 1].text.toLowerCase() !== 'the') return k;
  }
  return end;
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
  if (known === ctx.pair[0]) return ctx.pair[1];
  if (known === ctx.pair[1]) return ctx.pair[0];
  return undefined;
}

function demonymIn(ctx: Ctx, a: number, b: number): string | undefined {
  const inside = ctx.mentions.within({ start: ctx.tokens[a].start, end: ctx.tokens[b - 1].end });
  const m = inside.find((x) => x.actor.type === 'country');
  return m ? m.actor.id : undefined;
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
  ctx.trace?.({ stage: STAGE, rule: t.rule, start: t.spans[0].start, end: t.spans[0].end, action: `${t.from}>${t.to}:${t.category} ${t.status}` });
}

function sourceOf(ctx: Ctx, at: number): { source: string | null; sourceText?: string; denial: boolean; cue?: string } {
  const a = ctx.attributions.find((x) => x.kind !== 'direct' && x.start <= at && at < x.end);
  if (!a) return { source: null, denial: false };
  const cue = a.cue ? ctx.doc.text.slice(a.cue.start, a.cue.end).toLowerCase() : undefined;
  return { source: a.source, ...(a.sourceText ? { sourceText: a.sourceText } : {}), denial: a.kind === 'denial', cue };
}

/** One verb of giving or getting and what it says. */
function fromVerb(ctx: Ctx, v: number, sStart: number, sEnd: number): void {
  const { tokens } = ctx;
  const w = tokens[v].text.toLowerCase();
  const giving = ctx.give.has(w);
  const prev = tokens[v - 1]?.text.toLowerCase() ?? '';
  if (DETERMINERS.has(prev) || /^(?:to)$/.test(tokens[v + 1]?.text ?? '') && !giving) return; // "the ship", a noun
  if ((w === 'take' || w === 'took' || w === 'taken') && tokens[v + 1]?.text !== 'delivery') return;
  const cStart = clauseStart(ctx, v, sStart);
  const cEnd = clauseEnd(ctx, v, sEnd);
  const between = tokens.slice(cStart, v).map((t) => t.text.toLowerCase());
  const passive = PASSIVE.has(prev) || (PASSIVE.has(tokens[v - 2]?.text.toLowerCase() ?? '') && /ly$/.test(prev));
  // The subject: the actor named closest before the verb that is not inside a prepositional phrase.
  let subject: MentionRef | undefined;
  for (const m of ctx.mentions.within({ start: tokens[cStart].start, end: tokens[v].start })) {
    const before = ctx.doc.text.slice(Math.max(tokens[cStart].start, m.start - 12), m.start).trim().split(/\s+/).pop()?.toLowerCase() ?? '';
    if (!TRUE_PREPOSITIONS.has(before)) subject = m;
  }
  // "it had agreed to buy": a pronoun subject is the last body named before it.
  if (!subject) {
    const pron = between.slice(-5).findIndex((x) => x === 'it' || x === 'they');
    if (pron >= 0) {
      const at = tokens[v - (between.slice(-5).length - pron)].start;
      const body = ctx.mentions.lastBefore(at, (a, m) => (a.type === 'country' || a.type === 'organization') && m.kind !== 'demonym');
      subject = body;
    }
  }
  let recipient: string | undefined;
  let origin: string | undefined;
  let k = v + 1;
  if (tokens[k]?.text === 'delivery' || tokens[k]?.text === 'over') k++; // "took delivery of", "handed over"
  if (tokens[k]?.text === 'of') k++;
  while (k < cEnd && /ly$/.test(tokens[k].text) && !ctx.cat.categorize(tokens[k].text)) k++;
  if (DITRANSITIVE.has(w) && !passive) {
    const io = actorAfter(ctx, k, cEnd);
    if (io && io.m.actor.type !== 'person') {
      recipient = stateOf(ctx, io.m);
      k = io.next;
      if (tokens[k]?.text === 'with') k++;
    }
  }
  if (tokens[k]?.text === 'with') k++;
  // "pay instead in grain, fuel and hard currency": payment in kind, item by item.
  if (/^pa(?:y|id|ying|ys)$/.test(w)) {
    while (k < cEnd && /^(?:instead|partly|mostly|only|also)$/.test(tokens[k].text)) k++;
    if (tokens[k]?.text === 'in' || tokens[k]?.text === 'with') k++;
  }
  const iEnd = itemEnd(ctx, k, cEnd);
  if (iEnd <= k) return;
  // "CNC tools made in Taiwan and South Korea": the maker's state is where it came from.
  const madeIn: string[] = [];
  for (let p = k; p < cEnd - 2; p++) {
    if (!/^(?:made|built|produced|manufactured)$/.test(tokens[p].text) || tokens[p + 1].text !== 'in') continue;
    for (const m of ctx.mentions.within({ start: tokens[p + 2].start, end: tokens[Math.min(cEnd, p + 8) - 1].end })) if (m.actor.type === 'country') madeIn.push(m.actor.id);
    break;
  }
  // Prepositional actors after the item: "to Russia", "from Iran", "by North Korea".
  for (let p = iEnd; p < cEnd; p++) {
    const pw = tokens[p].text.toLowerCase();
    if (!/^(?:to|into|for|from|by)$/.test(pw)) continue;
    const act = actorAfter(ctx, p + 1, cEnd);
    if (!act) continue;
    const state = stateOf(ctx, act.m);
    if ((pw === 'to' || pw === 'into' || pw === 'for') && !recipient) recipient = state;
    if ((pw === 'from' || pw === 'by') && !origin) origin = state;
  }
  const subj = stateOf(ctx, subject);
  let from: string | undefined;
  let to: string | undefined;
  if (passive) {
    from = origin;
    to = recipient;
  } else if (giving) {
    from = subj ?? origin;
    to = recipient;
  } else {
    to = subj;
    from = origin;
  }
  const statusWords = between.slice(-6);
  const src = sourceOf(ctx, tokens[v].start);
  const paying = /^pa(?:y|id|ying|ys)$/.test(w);
  // "paid for the equipment": the payment is money whatever it bought.
  if (paying && tokens[k]?.text === 'for') k++;
  for (const [a, b] of splitItems(ctx, k, iEnd)) {
    let item = textOf(ctx, a, b).replace(/^(?:the|a|an|its|their)\s+/i, '');
    // An item is a noun phrase: one that opens with a preposition, a conjunction or an auxiliary is a misparse.
    if (/^(?:by|in|to|for|from|and|or|but|had|has|have|been|was|were|away|with|of|on|at|as)\b/i.test(item)) continue;
    let category = ctx.cat.categorize(item);
    if (paying && (!category || tokens[k - 1]?.text === 'for')) {
      category = 'money';
      if (tokens[k - 1]?.text === 'for') item = `payment for ${item}`;
    }
    if (!category) continue;
    const quantity = quantityIn(ctx, { start: tokens[a].start, end: tokens[b - 1].end });
    if (!category || (quantity?.unit && /^(?:USD|EUR|GBP|RUB|KRW|CNY|INR|AED)/.test(quantity.unit) && category === 'goods')) category = quantity?.unit && /^[A-Z]{3}/.test(quantity.unit) ? 'money' : category;
    const origins = madeIn.length && !from ? madeIn : [from ?? demonymIn(ctx, a, b)];
    for (const o of origins) {
    let f = o;
    let t = to;
    if (!f && t) f = otherOfPair(ctx, t);
    if (f && !t) t = otherOfPair(ctx, f);
    const status = statusOf({ verb: w, before: statusWords, after: tokens.slice(v + 1, Math.min(v + 3, cEnd)).map((x) => x.text.toLowerCase()), denial: src.denial, cue: src.cue, planned: ctx.cat.isPlannedVerb(w) });
    const { since, until } = periodOf(ctx.doc, { start: tokens[cStart].start, end: tokens[cEnd - 1]?.end ?? tokens[cStart].end });
    addTransfer(ctx, {
      from: f ?? '', to: t ?? '', category, item, quantity, since, until, status,
      source: src.source, ...(src.sourceText ? { sourceText: src.sourceText } : {}),
      spans: [{ start: tokens[cStart].start, end: tokens[cEnd - 1]?.end ?? tokens[v].end }],
      rule: passive ? 'verb-passive' : giving ? 'verb-give' : 'verb-get',
    });
    }
  }
}

/** A flow noun: "Russian wheat shipments", "deliveries of refined petroleum to Pyongyang", "Russia's exports of oil to India". */
function fromNoun(ctx: Ctx, n: number, sStart: number, sEnd: number): void {
  const { tokens } = ctx;
  const w = tokens[n].text.toLowerCase();
  const cStart = clauseStart(ctx, n, sStart);
  const cEnd = clauseEnd(ctx, n, sEnd);
  // Modifiers before the noun: an owner ("Russia's") or a demonym, and the item words ("wheat").
  let a = n;
  while (a > cStart && !DETERMINERS.has(tokens[a - 1].text.toLowerCase()) && !PREPOSITIONS.has(tokens[a - 1].text.toLowerCase()) && /^[\p{L}\d'’-]+$/u.test(tokens[a - 1].text) && a > n - 5) a--;
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
  for (let p = k; p < Math.min(cEnd, k + 6); p++) {
    const pw = tokens[p].text.toLowerCase();
    if (!/^(?:to|into|from|for)$/.test(pw)) continue;
    const act = actorAfter(ctx, p + 1, cEnd);
    if (!act) continue;
    if (pw === 'from') from ??= stateOf(ctx, act.m);
    else to ??= stateOf(ctx, act.m);
  }
  from ??= itemB > itemA ? demonymIn(ctx, itemA, itemB) : undefined;
  if (/^(?:import|imports|purchase|purchases)$/.test(w) && from && !to) [from, to] = [to, from];
  const item = itemB > itemA ? textOf(ctx, itemA, itemB) : '';
  const category = ctx.cat.categorize(item);
  if (!category) return;
  if (!from && to) from = otherOfPair(ctx, to);
  if (from && !to) to = otherOfPair(ctx, from);
  const src = sourceOf(ctx, tokens[n].start);
  const span = { start: tokens[Math.max(cStart, a)].start, end: tokens[Math.max(n, itemB - 1)].end };
  const { since, until } = periodOf(ctx.doc, { start: tokens[cStart].start, end: tokens[cEnd - 1]?.end ?? tokens[n].end });
  addTransfer(ctx, {
    from: from ?? '', to: to ?? '', category, item, quantity: quantityIn(ctx, { start: tokens[cStart].start, end: tokens[cEnd - 1]?.end ?? tokens[n].end }),
    since, until,
    status: statusOf({ verb: w, before: tokens.slice(Math.max(cStart, n - 6), n).map((x) => x.text.toLowerCase()), after: tokens.slice(n + 1, n + 3).map((x) => x.text.toLowerCase()), denial: src.denial, cue: src.cue, planned: false }),
    source: src.source, ...(src.sourceText ? { sourceText: src.sourceText } : {}),
    spans: [span], rule: 'flow-noun',
  });
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
  const cStart = clauseStart(ctx, v, sStart);
  const cEnd = clauseEnd(ctx, v, sEnd);
  // The item: the noun phrase before the verb (and its auxiliaries), or before "that were".
  let b = v;
  while (b > cStart && /^(?:has|have|had|been|is|are|was|were|be|being|also|now|already|still|that|which)$/.test(tokens[b - 1].text.toLowerCase())) b--;
  let a = b;
  while (a > cStart && !/^[,;:]$/.test(tokens[a - 1].text) && !/^(?:and|but|while|that|which|as|because|when|said|says)$/.test(tokens[a - 1].text.toLowerCase()) && a > b - 14) a--;
  if (b - a < 1) return;
  const item = textOf(ctx, a, b).replace(/^(?:the|a|an|its|their)\s+/i, '');
  const category = ctx.cat.categorize(item);
  if (!category) return;
  let to: string | undefined;
  let from: string | undefined;
  for (let p = v + 1; p < Math.min(cEnd, v + 8); p++) {
    const pw = tokens[p].text.toLowerCase();
    const direct = p === v + 1 && /^reach/.test(w);
    if (!direct && !/^(?:to|into|for)$/.test(pw)) continue;
    const act = actorAfter(ctx, direct ? p : p + 1, cEnd);
    if (act) { to = stateOf(ctx, act.m); break; }
  }
  for (const m of ctx.mentions.within({ start: tokens[a].start, end: tokens[b - 1].end })) {
    const before = ctx.doc.text.slice(Math.max(0, m.start - 6), m.start).trim().split(/\s+/).pop()?.toLowerCase() ?? '';
    if (m.actor.type !== 'person' && (before === 'from' || m.kind === 'demonym')) { from = stateOf(ctx, m); break; }
  }
  // "returned to logging camps across Siberia": a place names the receiving state.
  if (!to) {
    const place = (ctx.doc.layers.actors?.places ?? []).find((p) => p.country && p.start > tokens[v].start && p.end <= (tokens[cEnd - 1]?.end ?? 0));
    to = place?.country;
  }
  if (!to) return;
  from ??= otherOfPair(ctx, to);
  const src = sourceOf(ctx, tokens[v].start);
  const { since, until } = periodOf(ctx.doc, { start: tokens[cStart].start, end: tokens[cEnd - 1]?.end ?? tokens[v].end });
  addTransfer(ctx, {
    from: from ?? '', to, category, item, quantity: quantityIn(ctx, { start: tokens[a].start, end: tokens[b - 1].end }), since, until,
    status: statusOf({ verb: w, before: tokens.slice(Math.max(cStart, v - 6), v).map((x) => x.text.toLowerCase()), after: [], denial: src.denial, cue: src.cue, planned: false }),
    source: src.source, ...(src.sourceText ? { sourceText: src.sourceText } : {}),
    spans: [{ start: tokens[a].start, end: tokens[cEnd - 1]?.end ?? tokens[v].end }], rule: 'motion-verb',
  });
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
    const claimed = [...ctx.out].reverse().find((t) => t.status !== 'denied' && t.spans[0].start < d.start && (t.from === d.source || t.to === d.source || ctx.pair?.includes(d.source!)));
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

/**
 * "Germany said it would send 14 tanks", "Norway handed over eight tanks": the recipient is the
 * one the report's other flows go to (a report on aid to Ukraine), the sender likewise.
 */
function fillPending(ctx: Ctx): void {
  const most = (xs: string[]) => [...xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>())].sort((a, b) => b[1] - a[1])[0]?.[0];
  const recipient = most(ctx.out.map((t) => t.to));
  const sender = most(ctx.out.map((t) => t.from));
  for (const t of ctx.pending) {
    const from = t.from || (t.to !== sender ? sender : undefined);
    const to = t.to || (t.from !== recipient ? recipient : undefined);
    if (from && to && from !== to) addTransfer(ctx, { ...t, from, to, rule: `${t.rule}+usual-partner` });
  }
}

/** The two countries a report is most about: the sides an implicit flow runs between. */
function mainPair(mentions: Mentions): [string, string] | null {
  const count = new Map<string, number>();
  for (const m of mentions.list) if (m.actor.type === 'country') count.set(m.actor.id, (count.get(m.actor.id) ?? 0) + 1);
  const top = [...count.entries()].sort((x, y) => y[1] - x[1]);
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
    doc, tokens, mentions, cat: Categorizer.for(lex), give: new Set(lex.give), get: new Set(lex.get), nouns: new Set(lex.nouns), motion: new Set(lex.motion),
    attributions, quoteMask, pair: mainPair(mentions), nonState: new Set(lex.nonStateBodies), out: [], pending: [], trace: ctx.trace,
  };
  for (const s of segs.sentences) {
    for (let v = s.tokenStart; v < s.tokenEnd; v++) {
      if (quoteMask[v]) continue;
      const w = tokens[v].text;
      if (!/^\p{Ll}/u.test(w)) continue;
      const relativePassive = c.give.has(w) && /^(?:were|was)$/.test(tokens[v - 1]?.text ?? '') && /^(?:that|which)$/.test(tokens[v - 2]?.text ?? '');
      if (c.motion.has(w) || relativePassive) fromMotion(c, v, s.tokenStart, s.tokenEnd);
      else if (c.give.has(w) || c.get.has(w)) fromVerb(c, v, s.tokenStart, s.tokenEnd);
      else if (c.nouns.has(w)) fromNoun(c, v, s.tokenStart, s.tokenEnd);
    }
  }
  fillPending(c);
  fromDenials(c);
  return withLayer(doc, 'transfers', { transfers: c.out });
}

export const transfersStage: Stage = { name: STAGE, run };
