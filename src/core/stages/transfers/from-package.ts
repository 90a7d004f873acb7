// The contents of a package, sale or shipment: "the package includes …", "consists of …".
import { type Transfer } from '../../doc.js';
import { clauseStart, clauseEnd, statusWord, HEDGE_WORDS } from './clauses.js';
import { TRUE_PREPOSITIONS, type Ctx, actorAfter, otherOfPair, sourceOf, stateOf, usualFlow, wordBefore, questionState } from './context.js';
import { statusOf } from './status.js';
import { textOf, quantityIn, listParts } from './items.js';
import { addPayment, priceIn } from './money.js';
import { addTransfer } from './record.js';
import { lowerWordsOf } from '../segment/lower.js';

const INCLUDE = /^(?:covers|cover|covered|includes|include|included|including|comprises|comprised|comprise|involve|involves|involved)$/;
const PACKAGE = /^(?:package|packages|sale|sales|deal|deals|contract|contracts|agreement|agreements|consignment|consignments|shipment|shipments|aid|order|orders|equipment|cargo|cargoes|freight|help|assistance|support)$/;
/** Words for a load whose contents a copula may name: "some of that cargo is food and fuel". */
const LOAD = /^(?:cargo|cargoes|shipments?|consignments?|freight|deliveries|containers|loads?)$/i;

/** "covers", "includes", "consists of", "provides for", "involve": a word that opens the contents of a flow. */
const INCLUSION_CUES = new Set(['covers', 'cover', 'covered', 'includes', 'include', 'included', 'including', 'comprises', 'comprised', 'comprise', 'consists', 'consisted', 'consist', 'provide', 'provides', 'provided', 'involve', 'involves', 'involved']);

/** "some of that cargo is food and fuel", "the shipments were mostly grain": a copula naming a load's contents. */
function copulaOfLoad(ctx: Ctx, v: number): boolean {
  const w = lowerWordsOf(ctx.tokens)[v];
  if ((w !== 'is' && w !== 'are' && w !== 'was' && w !== 'were') || !LOAD.test(ctx.tokens[v - 1]?.text ?? '')) return false;
  // "the cargoes were paid for", "the shipments were delayed": a passive or another verb, not contents.
  const next = ctx.tokens[v + 1]?.text.toLowerCase() ?? '';
  if (/(?:ed|en|nt|ing)$/.test(next) || ctx.give.has(next) || ctx.get.has(next) || ctx.motion.has(next) || /^(?:being|been|to|not|no|also|still|now|due|set|expected|said|thought|believed|likely|unlikely|worth)$/.test(next)) return false;
  for (let p = v - 2; p >= Math.max(0, v - 4); p--) if (/^(?:that|the|this|those|these|its|their)$/i.test(ctx.tokens[p].text)) return true;
  return false;
}

export function inclusionAt(ctx: Ctx, v: number): number {
  const w = lowerWordsOf(ctx.tokens)[v];
  if (copulaOfLoad(ctx, v)) return /^(?:mostly|largely|mainly|partly)$/i.test(ctx.tokens[v + 1]?.text ?? '') ? v + 2 : v + 1;
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
export function fromInclusion(ctx: Ctx, v: number, k: number, sStart: number, sEnd: number): void {
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
  while (end < cEnd && !/^[;:.]$/.test(tokens[end].text) && !/^(?:that|which|who|though|although|than|rather|instead)$/.test(tokens[end].text) && !(tokens[end].text === ',' && /^(?:while|but|which|who|and|according)$/.test(tokens[end + 1]?.text ?? '') && !ctx.cat.categorize(textOf(ctx, end + 2, Math.min(cEnd, end + 6))))) end++;
  const copula = copulaOfLoad(ctx, v);
  // A copula states what a load was ("that cargo is food"), as the flow before it in the sentence did.
  const past = /(?:ed|sted)$/.test(w) || w === 'provided' || copula;
  const src = sourceOf(ctx, at);
  const parts = listParts(ctx, k, end);
  const subjectWords = tokens.slice(Math.max(cStart, v - 12), v).map(statusWord);
  // "Return cargo may include Russian food, fuel or components": with no flow before it in the
  // sentence, the contents' demonym names the sender and the other main side receives; "return"
  // or "exchange" cargo runs against the report's usual direction.
  let from = parent?.from;
  let to = parent?.to;
  if (!parent) {
    // "The American package for Ukraine includes …", "Washington unveiled a package for Kyiv, which
    // includes …", "The package includes …" after "announced a new package for Ukraine".
    const own = packageSides(ctx, cStart, v) ?? (/^the$/i.test(tokens[v - 2]?.text ?? '') || /^the$/i.test(tokens[v - 3]?.text ?? '') ? earlierPackageSides(ctx, cStart, v) : undefined);
    from = own?.from ?? ctx.mentions.within({ start: tokens[k].start, end: tokens[end - 1]?.end ?? tokens[k].end }).find((m) => m.kind === 'demonym' && m.actor.type === 'country')?.actor.id;
    to = own?.to ?? otherOfPair(ctx, from);
    if (from && !to) to = otherOfPair(ctx, from);
    if (to && !from) from = otherOfPair(ctx, to);
    // "Q: India signed later but bought more. A: … The contract covers five regiments": the state
    // the question names is a side, along the report's usual flow.
    const asked = !from && !to ? questionState(ctx, sStart) : undefined;
    const usualSides = asked ? usualFlow(ctx) : undefined;
    if (asked && usualSides) [from, to] = asked === usualSides[0] ? [asked, usualSides[1]] : [usualSides[0], asked];
    if (!from && subjectWords.some((x) => x === 'return' || x === 'exchange')) {
      const usual = usualFlow(ctx);
      if (usual) [from, to] = [usual[1], usual[0]];
    }
  }
  // "may include": contents stated with doubt.
  const doubt = /^(?:may|might|could)$/.test(subjectWords[subjectWords.length - 1] ?? '') || subjectWords.some((x) => HEDGE_WORDS.has(x));
  for (const [a, end] of parts) {
    // "five regiments for about $5.43 billion": the price is a payment back, no part of the item.
    const priced = priceIn(ctx, a, end);
    const b = priced?.at ?? end;
    const item = textOf(ctx, a, b).replace(/^(?:the|a|an|its|their)\s+/i, '');
    if (/^(?:by|in|to|for|from|and|or|but|on|at|as|how|what|when|where|with)\b/i.test(item)) continue;
    // "conventional arms, such as upgrades for fighter jets": an example is part of the item before it.
    if (/^(?:such as|like|notably|especially|particularly|for example|for instance)\b/i.test(item)) continue;
    const category = ctx.cat.categorize(item);
    if (!category) continue;
    // "she believes some of that cargo is food": a copula takes the doubt of the claim it sits in.
    const copulaStatus = copula ? statusOf({ verb: w, before: subjectWords, after: [], denial: src.denial, cue: src.cue, planned: false }) : undefined;
    const status = src.denial ? 'denied' : doubt ? 'hedged' : copulaStatus === 'hedged' ? 'hedged' : past ? (parent?.status ?? 'asserted') : 'planned';
    const t: Omit<Transfer, 'stage'> = {
      from: from ?? '', to: to ?? '', category, item, quantity: quantityIn(ctx, { start: tokens[a].start, end: tokens[b - 1].end }),
      since: parent?.since ?? null, until: parent?.until ?? null, status,
      source: src.source, ...(src.sourceText ? { sourceText: src.sourceText } : {}),
      spans: [{ start: tokens[a].start, end: tokens[b - 1].end }], rule: 'package-contents',
    };
    if (t.from && t.to) addTransfer(ctx, t);
    else ctx.pending.push(t);
    if (priced) addPayment(ctx, t, priced.price);
  }
}

/**
 * The sides a package names in tokens [a, v): the state it is for or to ("for Ukraine") and the
 * state that gives it, the subject or an adjective before the package word ("Washington unveiled
 * a package", "the American package", "Russian help").
 */
function packageSides(ctx: Ctx, a: number, v: number): { from?: string; to?: string } | undefined {
  const { tokens } = ctx;
  let pk = -1;
  for (let p = v - 1; p >= a && pk < 0; p--) if (PACKAGE.test(tokens[p].text.toLowerCase())) pk = p;
  if (pk < 0) return undefined;
  let to: string | undefined;
  for (let p = pk + 1; p < Math.min(v, pk + 4) && !to; p++) {
    if (!/^(?:for|to)$/.test(tokens[p].text)) continue;
    const act = actorAfter(ctx, p + 1, v);
    if (act && act.m.actor.type !== 'person') to = stateOf(ctx, act.m);
  }
  let from: string | undefined;
  for (const m of ctx.mentions.within({ start: tokens[a].start, end: tokens[pk].start })) {
    if (m.actor.type !== 'person' && !TRUE_PREPOSITIONS.has(wordBefore(ctx, m))) from = stateOf(ctx, m) ?? from;
  }
  if (from === to) from = undefined;
  return from || to ? { from, to } : undefined;
}

/** "The package includes …": the sides of the same package word named in the few sentences before. */
function earlierPackageSides(ctx: Ctx, cStart: number, v: number): { from?: string; to?: string } | undefined {
  const { tokens } = ctx;
  let word = '';
  for (let p = v - 1; p >= cStart && !word; p--) if (PACKAGE.test(tokens[p].text.toLowerCase())) word = tokens[p].text.toLowerCase();
  if (!word) return undefined;
  for (let p = cStart - 1; p >= Math.max(0, cStart - 80); p--) {
    if (tokens[p].text.toLowerCase() !== word) continue;
    let s = p;
    while (s > 0 && s > p - 30 && !/^[.;:]$/.test(tokens[s - 1].text)) s--;
    const sides = packageSides(ctx, s, p + 6 <= cStart ? p + 6 : cStart);
    if (sides) return sides;
  }
  return undefined;
}
