// Motion verbs with the item as subject ("went to the North", "were sent to Ukraine") and cargo
// bound for a state.
import { noEvidence, clauseStart, clauseEnd, wordsBefore } from './clauses.js';
import { PREPOSITIONS, DETERMINERS, type Ctx, stateOf, actorAfter, possessorAt, otherOfPair, demonymIn, sourceOf, recipientAt, listedStates, lastWordIn } from './context.js';
import { splitItems, isPhrase, textOf, headEnd, quantityIn, ellipticAmount } from './items.js';
import { periodOf } from './period.js';
import { countedPeople } from './from-people.js';
import { addTransfer, contextFlow } from './record.js';
import { statusOf } from './status.js';

/**
 * "vessels carrying Russian grain …, one bound for Somalia and one for Burkina Faso", "The first
 * consignment, 20,000 tonnes bound for Malawi, left …": a cargo bound for a state goes to it; the
 * item is the nearest one named before in the sentence, else the flow stated just before.
 */
export function fromBound(ctx: Ctx, v: number, sStart: number, sEnd: number): void {
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

/**
 * A motion verb with the item as its subject: "1,080 tonnes of wheat flour went to the North",
 * "Iranian-built attack drones have been reaching Russian forces", "Russian grain is finding its
 * way to North Korea", and a passive in a relative clause: "missiles that were delivered into Russia".
 */
export function fromMotion(ctx: Ctx, v: number, sStart: number, sEnd: number): void {
  const { tokens } = ctx;
  const w = tokens[v].text.toLowerCase();
  if (/^(?:made|found|make|end|ended)$/.test(w) && !(w === 'made' && tokens[v + 1]?.text === 'its' && tokens[v + 2]?.text === 'way')) return;
  // "clearing the way for heavy equipment to reach the army": a purpose, not a movement; "in return" is no return.
  if (w === 'return' && tokens[v - 1]?.text.toLowerCase() === 'in') return;
  // "Seoul expects Russian oil to reach the North": an expected movement, planned, its item between.
  let expectAt = -1;
  if (tokens[v - 1]?.text === 'to') {
    for (let p = v - 2; p >= Math.max(sStart, v - 8) && !/^[,;:]$/.test(tokens[p].text); p--) if (EXPECT.test(tokens[p].text)) { expectAt = p; break; }
    if (expectAt < 0) return;
  }
  const cStart = clauseStart(ctx, v, sStart);
  const cEnd = clauseEnd(ctx, v, sEnd);
  // The item: the noun phrase before the verb (and its auxiliaries), or before "that were".
  let b = v;
  while (b > cStart && (/^(?:has|have|had|been|is|are|was|were|be|being|also|now|already|still|that|which|all|both|would|will|could|may|might|should|must|can)$/.test(tokens[b - 1].text.toLowerCase()) || /^\p{Ll}+ly$/u.test(tokens[b - 1].text)
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
  if (expectAt >= 0) [a, b] = [expectAt + 1, v - 1];
  // "130,000 rockets and missiles, most of them supplied by Iran": a share of the items named before
  // the comma; their holder, the clause's subject, receives them.
  let holderFrom = -1;
  if (b - a >= 3 && tokens[a - 1]?.text === ',' && SHARE_OF.test(textOf(ctx, a, b))) {
    b = a - 1;
    a = b;
    while (a > cStart && b - a < 8 && !/^[,;:]$/.test(tokens[a - 1].text) && !PREPOSITIONS.has(tokens[a - 1].text.toLowerCase()) && !ctx.give.has(tokens[a - 1].text.toLowerCase()) && !ctx.get.has(tokens[a - 1].text.toLowerCase()) && !HOLD.test(tokens[a - 1].text)) a--;
    holderFrom = a;
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
  // "Some 12,000 North Koreans have entered Russia": a count of a state's people is labour abroad.
  if (!category && countedPeople(ctx, a, b)) category = 'labor';
  if (!category) return;
  const entering = /^enter/.test(w);
  for (let p = v + 1; p < Math.min(cEnd, v + 8); p++) {
    const pw = tokens[p].text.toLowerCase();
    // "reached Russian forces", "entered Russia": the verb takes the place reached as its object.
    const direct = p === v + 1 && (/^reach/.test(w) || entering);
    if (!direct && !/^(?:to|into|for)$/.test(pw)) continue;
    const act = direct ? actorAfter(ctx, p, cEnd) : undefined;
    if (act) { to = stateOf(ctx, act.m); break; }
    const named = direct ? undefined : recipientAt(ctx, p + 1, cEnd);
    if (named?.state) { to = named.state; break; }
    const owner = possessorAt(ctx, direct ? p : p + 1, cEnd);
    if (owner) { to = owner; break; }
  }
  for (const m of ctx.mentions.within({ start: tokens[a].start, end: tokens[b - 1].end })) {
    const before = lastWordIn(ctx.doc.text, Math.max(0, m.start - 6), m.start);
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
  // "Hezbollah holds 130,000 rockets, most of them supplied by Iran": the holder receives.
  if (!to && holderFrom > cStart) {
    const holder = ctx.mentions.within({ start: tokens[cStart].start, end: tokens[holderFrom].start }).filter((m) => m.actor.type !== 'person' && !PREPOSITIONS.has(lastWordIn(ctx.doc.text, Math.max(0, m.start - 12), m.start))).pop();
    const state = holder ? stateOf(ctx, holder) : undefined;
    if (state && state !== from) to = state;
  }
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
  // "Russian troops entered Ukraine" is an invasion, not a flow: armies entering count only between partners.
  if (entering && category === 'troops' && from && !ctx.traded.has(`${from}>${to}`) && !ctx.traded.has(`${to}>${from}`)) return;
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
      // "most of them supplied by Iran": the count of the items held is not the amount supplied.
      from: from ?? '', to, category: cat, item: what, quantity: holderFrom >= 0 ? null : quantityIn(ctx, { start: tokens[x].start, end: tokens[headEnd(ctx, x, y) - 1].end }), since, until,
      status: statusOf({ verb: w, before: expectAt >= 0 ? ['will'] : noEvidence(ctx, cStart, v) ?? wordsBefore(ctx, cStart, v), after: [], denial: src.denial, cue: src.cue, planned: false }),
      source: src.source, ...(src.sourceText ? { sourceText: src.sourceText } : {}),
      spans: [{ start: tokens[a].start, end: tokens[cEnd - 1]?.end ?? tokens[v].end }], rule: 'motion-verb',
    });
  }
}

/** "most of them", "about half of which", "many of these": a share of the items named just before. */
const SHARE_OF = /^(?:(?:about|roughly|nearly|almost|perhaps)\s+)?(?:most|many|some|all|half|much|several|part|a few|a third|a quarter|two-thirds|the bulk|the majority)\s+of(?:\s+(?:them|which|these|those))?(?:\s+(?:were|was|are|is|had been|have been))?$/i;
/** Verbs of holding or using that end the subject before the items held: "holds", "fired". */
const HOLD = /^(?:holds?|held|keeps?|kept|operates?|operated|fields?|fielded|has|have|had|owns?|owned|fired|fires|uses?|used|launched|launches|stockpiled|possess(?:es)?|possessed|deployed|include[sd]?|including)$/i;

/** Verbs of expecting: what they expect to move has not moved yet. */
const EXPECT = /^(?:expect|expects|expected|expecting|predict|predicts|predicted|forecast|forecasts|anticipate|anticipates|anticipated)$/i;
