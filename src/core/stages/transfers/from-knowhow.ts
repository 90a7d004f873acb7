// Know-how named by a noun rather than a verb of giving: "Russian help with reconnaissance
// satellites", "advice on the rocket engine from Russian specialists", "visits by Russian
// engineers to the launch site", "military-technical cooperation". Read after a sentence's other
// rules, only for nouns no flow of the sentence took in.
import { type Transfer } from '../../doc.js';
import { type MentionRef } from '../mentions.js';
import { clauseStart, clauseEnd, wordsBefore } from './clauses.js';
import { DETERMINERS, TRUE_PREPOSITIONS, type Ctx, stateOf, actorAfter, sourceOf, wordBefore, otherOfPair, recipientAt, placeAfter, sentenceIndex, usualFlow } from './context.js';
import { textOf, itemEnd } from './items.js';
import { periodOf } from './period.js';
import { addTransfer } from './record.js';
import { statusOf } from './status.js';

/** Nouns of know-how passed on: they need a giver tied to them (a demonym before, "from X" after). */
const KNOWHOW = new Set(['help', 'assistance', 'advice', 'training', 'expertise', 'know-how', 'guidance']);
const COOPERATION = new Set(['cooperation', 'co-operation']);
const VISIT = new Set(['visit', 'visits', 'visited', 'visiting', 'trip', 'trips', 'toured', 'tours']);
/** People who carry know-how: their visits and stays pass it on. */
const EXPERTS = /^(?:engineers|specialists|technicians|scientists|experts|designers|instructors)$/i;
/** Adjectives that make a know-how noun know-how with no thing named ("Russian technical assistance"). */
const TECHNICAL = /^(?:technical|technological|scientific|engineering|military-technical|expert)$/i;
/** What know-how is in: a programme, a weapon, a way of fighting. */
const KNOWHOW_THING = /\b(?:programmes?|programs?|projects?|development|production|industry|satellites?|rockets?|engines?|reactors?|warfare|tactics|technolog(?:y|ies)|launch(?:es|ers)?|sites?|facilit(?:y|ies)|plants?)\b/i;
/** Doubt after the noun that governs it ("help with satellites is likely"). */
const DOUBT_AFTER = /^(?:likely|unlikely|possible|possibly|probable|unclear|unconfirmed|suspected|alleged|rumoured|rumored|feared)$/i;
/** Words of asking for a thing: what is asked for has not come yet. */
const REQUEST = /^(?:asked|asks|ask|asking|requested|requests|request|requesting|sought|seeks|seek|seeking|wants|wanted|want|demanded|demands|hopes|hoped|needs|needed)$/i;
/** Words before a noun of cooperation that make it only agreed, not yet given. */
const AGREED = /^(?:agreed|agree|agrees|agreement|agreements|pledged|pledge|pledges|promised|promise|promises|vowed|vow|vows|commits|commit|committed|signed|sign|treaty|pact|deal|accord|memorandum|discussed|discuss|talks|envisages|provides)$/i;

/** Does token v open a know-how noun this rule reads? */
export const isKnowhowNoun = (w: string): boolean => KNOWHOW.has(w) || COOPERATION.has(w) || VISIT.has(w);

/** The state a demonym or name right before token v (skipping adjectives) stands for: "Russian technical help", "Russia's help". */
function giverBefore(ctx: Ctx, v: number, cStart: number): { state: string; at: number } | undefined {
  const { tokens } = ctx;
  let p = v - 1;
  while (p > cStart && p > v - 4 && /^\p{Ll}[\p{Ll}-]*$/u.test(tokens[p].text) && !DETERMINERS.has(tokens[p].text) && !TRUE_PREPOSITIONS.has(tokens[p].text) && !ctx.give.has(tokens[p].text) && !ctx.get.has(tokens[p].text)) p--;
  if (p < cStart) return undefined;
  const owner = /^['’]s$/.test(tokens[p].text);
  const end = owner ? tokens[p - 1]?.end : tokens[p].end;
  const m = ctx.mentions.endingAt(end).find((x) => x.actor.type !== 'person' && (owner || x.kind === 'demonym'));
  const state = m ? stateOf(ctx, m) : undefined;
  return state && m ? { state, at: Math.max(cStart, tokenAt(ctx, m.start, p)) } : undefined;
}

/** The index of the token starting at a mention's start, looking back from token p. */
function tokenAt(ctx: Ctx, start: number, p: number): number {
  let k = p;
  while (k > 0 && ctx.tokens[k].start > start) k--;
  return k;
}

/** The state of a demonym inside tokens [a, b) with an expert noun ("Russian specialists"), or of an actor there. */
function stateIn(ctx: Ctx, a: number, b: number): string | undefined {
  if (b <= a) return undefined;
  let found: MentionRef | undefined;
  for (const m of ctx.mentions.within({ start: ctx.tokens[a].start, end: ctx.tokens[b - 1].end })) if (m.actor.type !== 'person' || stateOf(ctx, m)) found ??= m;
  return found ? stateOf(ctx, found) : undefined;
}

/** One know-how noun at token v that no flow of its sentence took in. */
export function fromKnowhow(ctx: Ctx, v: number, sStart: number, sEnd: number): void {
  const w = ctx.tokens[v].text.toLowerCase();
  if (VISIT.has(w)) fromVisit(ctx, v, sStart, sEnd);
  else if (COOPERATION.has(w)) fromCooperation(ctx, v, sStart, sEnd);
  else fromHelpNoun(ctx, v, sStart, sEnd);
}

/** The content words of an item, singular, without the words of know-how itself. */
function thingWords(item: string): string[] {
  return item.toLowerCase().split(/[^a-z-]+/).filter((x) => x.length > 3 && !/^(?:help|advice|training|assistance|expertise|with|from|visits|technical|military|technology|russian|their|about)$/.test(x)).map((x) => x.replace(/s$/, ''));
}

function record(ctx: Ctx, from: string | undefined, to: string | undefined, item: string, status: Transfer['status'], v: number, cStart: number, cEnd: number, rule: string): void {
  if (!from || from === to) return;
  const src = sourceOf(ctx, ctx.tokens[v].start);
  const span = { start: ctx.tokens[cStart].start, end: ctx.tokens[cEnd - 1].end };
  // Know-how between these sides stated in this sentence or the one before is the same help told again.
  // So is know-how between them in the same thing stated before ("satellite technology", then "help with the satellites").
  const here = sentenceIndex(ctx, span.start);
  const words = thingWords(item);
  for (let i = ctx.out.length - 1; to && i >= Math.max(0, ctx.out.length - 40); i--) {
    const t = ctx.out[i];
    if (t.from !== from || t.to !== to || t.category !== 'technology' || t.status === 'denied') continue;
    const near = here - sentenceIndex(ctx, t.spans[t.spans.length - 1].start) <= 1;
    if (!near && !thingWords(t.item).some((x) => words.includes(x))) continue;
    t.spans.push(span);
    return;
  }
  const { since, until } = periodOf(ctx.doc, span);
  addTransfer(ctx, {
    from, to: to ?? '', category: 'technology', item, quantity: null, since, until, status,
    source: src.source, ...(src.sourceText ? { sourceText: src.sourceText } : {}), spans: [span], rule,
  });
}

/** The status of a know-how noun: the words before it in its clause, the claim, and doubt after it ("is likely"). */
function nounStatus(ctx: Ctx, v: number, a: number, cStart: number, cEnd: number, agreed: boolean): Transfer['status'] {
  const src = sourceOf(ctx, ctx.tokens[v].start);
  const before = wordsBefore(ctx, cStart, a);
  let doubt = false;
  for (let p = v + 1; p < cEnd && p < v + 14; p++) if (DOUBT_AFTER.test(ctx.tokens[p].text)) doubt = true;
  if (doubt) before.push('possibly');
  // "asked for Russian help", "wants Russian help": help requested is still to come.
  if (before.slice(-4).some((x) => REQUEST.test(x))) before.push('wants');
  return statusOf({ verb: ctx.tokens[v].text.toLowerCase(), before, after: [], denial: src.denial, cue: src.cue, planned: agreed });
}

/**
 * "Russian help with reconnaissance satellites", "advice on the rocket engine from Russian
 * specialists", "Russian technical assistance to Pyongyang": the giver is the demonym before the
 * noun or the state after "from"; the recipient the state after "to"/"for", the owner of the thing
 * ("North Korea's satellite programme"), else the giver's partner in the report.
 */
function fromHelpNoun(ctx: Ctx, v: number, sStart: number, sEnd: number): void {
  const { tokens } = ctx;
  const cStart = clauseStart(ctx, v, sStart);
  const cEnd = clauseEnd(ctx, v, sEnd);
  const before = giverBefore(ctx, v, cStart);
  const technical = TECHNICAL.test(tokens[v - 1]?.text ?? '');
  let k = v + 1;
  let thing = '';
  let thingOwner: string | undefined;
  if (/^(?:with|in|on|for|about)$/.test(tokens[k]?.text ?? '')) {
    let e = itemEnd(ctx, k + 1, cEnd);
    // "help with satellites is likely": the thing ends before a verb of being or a modal.
    for (let p = k + 2; p < e; p++) if (/^(?:is|are|was|were|has|have|had|will|would|could|may|might|remains?|seems?|appears?)$/i.test(tokens[p].text)) e = p;
    const text = textOf(ctx, k + 1, e).replace(/[.,;:]+$/, '');
    const plain = text.replace(/^(?:the|a|an|its|their)\s+/i, '');
    if (e > k + 1 && (ctx.cat.categorize(plain) || KNOWHOW_THING.test(plain))) {
      thing = plain;
      // "help with North Korea's satellite programme": the owner of the thing gets the help.
      const owner = ctx.mentions.within({ start: tokens[k + 1].start, end: tokens[e - 1].end }).find((m) => m.actor.type !== 'person' && /^['’]s\b/.test(ctx.doc.text.slice(m.end, m.end + 2)));
      thingOwner = owner ? stateOf(ctx, owner) : undefined;
      k = e;
    }
  }
  if (!thing && !technical && !/^(?:expertise|know-how)$/i.test(tokens[v].text)) return;
  // "from Russian specialists", "to Pyongyang": the sides after the noun phrase.
  let from = before?.state;
  let to: string | undefined;
  for (let p = k; p < cEnd && p < k + 6; p++) {
    const pw = tokens[p].text.toLowerCase();
    if (pw === 'from' && !from) {
      const e = itemEnd(ctx, p + 1, cEnd);
      from = stateIn(ctx, p + 1, Math.min(e, p + 5));
    } else if ((pw === 'to' || pw === 'for') && !to) {
      to = recipientAt(ctx, p + 1, cEnd)?.state;
    }
  }
  // "Pyongyang wants help with reconnaissance satellites": no giver named, the subject's partner gives.
  let subjectOnly: string | undefined;
  if (!from && thing) {
    for (const m of ctx.mentions.within({ start: tokens[cStart].start, end: tokens[v].start })) {
      const st = m.actor.type !== 'person' || stateOf(ctx, m) ? stateOf(ctx, m) : undefined;
      if (st && !TRUE_PREPOSITIONS.has(wordBefore(ctx, m))) subjectOnly = st;
    }
    from = subjectOnly ? otherOfPair(ctx, subjectOnly) : undefined;
    to = subjectOnly;
  }
  if (!from) return;
  to ??= thingOwner;
  // "Pyongyang wants Russian help with …", "Ukraine relied on American help": the clause's subject gets it.
  if (!to) {
    for (const m of ctx.mentions.within({ start: tokens[cStart].start, end: tokens[before?.at ?? v].start })) {
      const st = m.actor.type !== 'person' || stateOf(ctx, m) ? stateOf(ctx, m) : undefined;
      if (st && st !== from && !TRUE_PREPOSITIONS.has(wordBefore(ctx, m))) to = st;
    }
  }
  to ??= otherOfPair(ctx, from);
  if (!to) return;
  const kind = /^help|^assist/i.test(tokens[v].text) ? 'help' : tokens[v].text.toLowerCase();
  const item = thing ? `${kind} ${tokens[v + 1].text} ${thing}` : textOf(ctx, before?.at ?? v, v + 1);
  record(ctx, from, to, item, nounStatus(ctx, v, before?.at ?? v, cStart, cEnd, false), v, cStart, cEnd, 'knowhow-noun');
}

/**
 * "visits by Russian engineers to the Sohae launch site", "Russian specialists visited the launch
 * site": experts of one state going to a site in another carry know-how there.
 */
function fromVisit(ctx: Ctx, v: number, sStart: number, sEnd: number): void {
  const { tokens } = ctx;
  const cStart = clauseStart(ctx, v, sStart);
  const cEnd = clauseEnd(ctx, v, sEnd);
  const verb = /ed$/.test(tokens[v].text);
  let from: string | undefined;
  let a = v;
  let to: string | undefined;
  let visitors = '';
  if (verb) {
    // The visitors: experts of a state just before the verb ("a team of Russian engineers visited").
    let p = v - 1;
    while (p > cStart && /^(?:have|has|had|also|reportedly|recently|repeatedly|regularly|then|later|already)$/i.test(tokens[p].text)) p--;
    if (!EXPERTS.test(tokens[p]?.text ?? '')) return;
    a = Math.max(cStart, p - 5);
    from = stateIn(ctx, a, p + 1);
    visitors = textOf(ctx, a, p + 1);
    to = placeAfter(ctx, v + 1, cEnd)?.state ?? actorAfter(ctx, v + 1, cEnd)?.m.actor.id;
  } else {
    // "visits by Russian engineers to …", "Russian engineers' visits to …".
    let experts = false;
    for (let p = v + 1; p < cEnd && p < v + 10; p++) {
      const pw = tokens[p].text.toLowerCase();
      if (pw === 'by' && !from) {
        let e = p + 1;
        while (e < cEnd && e < p + 6 && !EXPERTS.test(tokens[e].text)) e++;
        if (e < cEnd && EXPERTS.test(tokens[e].text)) {
          experts = true;
          from = stateIn(ctx, p + 1, e + 1);
          visitors = textOf(ctx, p + 1, e + 1);
          p = e;
        }
      } else if ((pw === 'to' || pw === 'of') && !to) {
        to = recipientAt(ctx, p + 1, cEnd)?.state ?? placeAfter(ctx, p + 1, cEnd)?.state;
        // "to the Sohae launch site": a named site a word or two in.
        for (let q = p + 2; !to && q < Math.min(cEnd, p + 4); q++) to = placeAfter(ctx, q, cEnd)?.state;
      }
    }
    if (!experts) {
      let p = v - 1;
      if (/^['’]$|^['’]s$/.test(tokens[p]?.text ?? '')) p--;
      // "Russian engineers have made repeated visits to …": the experts are the clause's subject.
      for (let q = p; q > cStart && q > v - 7 && !EXPERTS.test(tokens[p]?.text ?? ''); q--) if (EXPERTS.test(tokens[q].text)) p = q;
      if (!EXPERTS.test(tokens[p]?.text ?? '')) return;
      a = Math.max(cStart, p - 5);
      from = stateIn(ctx, a, p + 1);
      visitors = textOf(ctx, a, p + 1);
    }
  }
  if (!from) return;
  to ??= otherOfPair(ctx, from);
  record(ctx, from, to, `visits by ${visitors.replace(/^(?:the|a|an)\s+/i, '')}`, nounStatus(ctx, v, a, cStart, cEnd, false), v, cStart, cEnd, 'knowhow-visit');
}

/**
 * "Moscow and Pyongyang agreed to expand military-technical cooperation", "an agreement on
 * military cooperation between Russia and North Korea": cooperation between two states, with
 * no word of who helps whom, is know-how both ways; only agreed or pledged, it is planned.
 */
function fromCooperation(ctx: Ctx, v: number, sStart: number, sEnd: number): void {
  const { tokens } = ctx;
  const cat = ctx.cat.categorize(textOf(ctx, Math.max(sStart, v - 2), v + 1));
  if (cat !== 'technology' || !/(?:technical|technological|military|defen[cs]e|scientific|space|nuclear)/i.test(textOf(ctx, Math.max(sStart, v - 2), v))) return;
  const cStart = clauseStart(ctx, v, sStart);
  const cEnd = clauseEnd(ctx, v, sEnd);
  const sides: string[] = [];
  const add = (s: string | undefined) => { if (s && !sides.includes(s) && /^[A-Z]{2}$/.test(s)) sides.push(s); };
  // "between Russia and North Korea", "with Pyongyang" after the noun.
  for (let p = v + 1; p < cEnd && p < v + 4; p++) {
    if (!/^(?:between|with)$/.test(tokens[p].text)) continue;
    for (const m of ctx.mentions.within({ start: tokens[p + 1]?.start ?? 0, end: tokens[Math.min(cEnd, p + 8) - 1].end })) add(stateOf(ctx, m));
    break;
  }
  // The subjects: states and leaders named before it, outside prepositional phrases ("Putin and Kim agreed").
  const head = sides.length < 2 ? ctx.mentions.within({ start: tokens[cStart].start, end: tokens[v].start }) : [];
  for (const m of head) if (!TRUE_PREPOSITIONS.has(wordBefore(ctx, m))) add(stateOf(ctx, m));
  // "The two leaders pledged military-technical cooperation": the report's two main sides.
  if (sides.length < 2 && ctx.pair && /\b(?:the two|both)\b/i.test(textOf(ctx, cStart, v))) for (const side of ctx.pair) add(side);
  if (sides.length !== 2) return;
  let agreed = false;
  for (let p = Math.max(cStart, v - 20); p < v; p++) if (AGREED.test(tokens[p].text)) agreed = true;
  const status = nounStatus(ctx, v, v, cStart, cEnd, agreed);
  const item = textOf(ctx, Math.max(sStart, v - 1), v + 1).replace(/^(?:the|a|an|on|of|in)\s+/i, '');
  // Who helps whom, when the report has said it already: know-how stated one way goes on that way.
  const oneWay = usualFlow(ctx, 'technology');
  const ways = oneWay && sides.includes(oneWay[0]) && sides.includes(oneWay[1]) ? [oneWay] : [[sides[0], sides[1]], [sides[1], sides[0]]];
  for (const [f, t] of ways) record(ctx, f, t, item, status, v, cStart, cEnd, 'knowhow-cooperation');
}
