// People and know-how: people of one state present or fighting in another, teaching and helping.
import { clauseStart, clauseEnd, wordsBefore } from './clauses.js';
import { DETERMINERS, TRUE_PREPOSITIONS, type Ctx, stateOf, actorAfter, demonymIn, sourceOf, wordBefore, placeAfter, otherOfPair } from './context.js';
import { textOf, itemEnd, quantityIn } from './items.js';
import { insideSpans } from '../../search.js';
import { addTransfer, backRef } from './record.js';
import { statusOf } from './status.js';

const PEOPLE = new Set(['troops', 'labor']);
const SKILLS = /^(?:build|develop|produce|make|manufacture|design|assemble|launch|fly|operate|maintain|repair|service|upgrade|use|handle|fire|deploy|program|modernise|modernize)$/i;

/** People who carry know-how where they are. */
const EXPERTS = /^(?:engineers|specialists|technicians|scientists|experts|designers)$/i;

/** Verbs that put people somewhere: "are in", "had fought in", "stationed in". */
const PRESENCE = new Set(['seen', 'spotted', 'photographed', 'observed', 'are', 'were', 'is', 'was', 'fought', 'fight', 'fighting', 'fights', 'stationed', 'based', 'serving', 'served', 'work', 'works', 'worked', 'working', 'employed', 'labouring', 'laboring']);
/** A verb of being, fighting or working somewhere. */
export const isPresence = (w: string): boolean => PRESENCE.has(w);
/** Counts of people given as words, not figures ("thousands of North Koreans"). */
const COUNT_WORDS = /^(?:thousands|hundreds|dozens|tens|millions|scores)$/i;

/**
 * "some 12,000 North Koreans", "thousands of North Korean nationals": a count of a state's people
 * (its demonym in the plural, or "nationals"/"citizens" after it) moving to or staying in another
 * state is labour abroad, the count its amount. Tokens [a, b) hold the phrase.
 */
export function countedPeople(ctx: Ctx, a: number, b: number): boolean {
  if (b - a < 2) return false;
  const last = ctx.tokens[b - 1];
  const citizens = /^(?:nationals|citizens)$/i.test(last.text);
  const end = citizens ? ctx.tokens[b - 2].end : last.end;
  const people = ctx.mentions.endingAt(end).some((m) => m.kind === 'demonym' && m.actor.type === 'country' && (citizens || /s$/.test(ctx.doc.text.slice(m.start, m.end))));
  if (!people) return false;
  for (let k = a; k < b; k++) if (COUNT_WORDS.test(ctx.tokens[k].text) || insideSpans(ctx.countSpans, ctx.tokens[k].start)) return true;
  return false;
}

/** Words between the people and the verb that are no part of the item ("had", "reportedly"). */
const AUXILIARY = /^(?:had|has|have|been|be|being|are|were|is|was|reportedly|already|also|now|still|currently|later|allegedly|then)$/i;

/**
 * "More than 70 Ukrainian personnel are already in Denmark", "North Korean units had fought in
 * Kursk": people of one state said to be (or fight) in another have gone there. Armies count only
 * between states already found in a flow with each other; elsewhere
 * "Russian troops are in Ukraine" is a war, left to the events stage.
 */
export function fromPresence(ctx: Ctx, v: number, sStart: number, sEnd: number): void {
  const { tokens } = ctx;
  let k = v + 1;
  // "are already in Denmark", "are employed in Russia", "were working in Russia".
  while (k < sEnd && /^(?:already|now|still|currently|also|together|side|employed|working|living|stationed|deployed|based|labouring|laboring|legally|illegally|expected)$/i.test(tokens[k].text)) k++;
  // "work on Russian building sites", "are at Russian construction sites": a site of a state is in it.
  const on = /^(?:on|at)$/.test(tokens[k]?.text ?? '');
  if (tokens[k]?.text !== 'in' && !on) return;
  let place = on && tokens[k].text === 'on' ? undefined : placeAfter(ctx, k + 1, sEnd);
  if (!place) {
    let q = k + 1;
    while (q < sEnd && DETERMINERS.has(tokens[q].text.toLowerCase())) q++;
    const m = q < sEnd ? ctx.mentions.within({ start: tokens[q].start, end: tokens[q].end + 40 }).find((x) => x.start === tokens[q].start && x.kind === 'demonym' && x.actor.type === 'country') : undefined;
    let next = q;
    while (m && next < sEnd && tokens[next].start < m.end) next++;
    // "in the occupied regions": a region no gazetteer names is the partner's, for workers only (below).
    const region = !m && !on && /^(?:regions?|territories|territory|areas?|provinces?|oblasts?)$/i.test(tokens[q + (/^(?:occupied|annexed|eastern|southern|western|northern|new|border)$/i.test(tokens[q]?.text ?? '') ? 1 : 0)]?.text ?? '');
    if (m) place = { state: m.actor.id, next };
    else if (region) place = { state: '', next: q + 2 };
    else return;
  }
  const cStart = clauseStart(ctx, v, sStart);
  let iv = v;
  while (iv > cStart && AUXILIARY.test(tokens[iv - 1].text)) iv--;
  let a = iv;
  while (a > cStart && a > iv - 8 && !/^[,;:]$/.test(tokens[a - 1].text) && !/^(?:that|which|and|but)$/i.test(tokens[a - 1].text)) a--;
  if (a >= iv) return;
  const item = textOf(ctx, a, iv);
  const category = ctx.cat.categorize(item) ?? (countedPeople(ctx, a, iv) ? 'labor' : null);
  // "50 Russian engineers are working in North Korea": experts abroad carry know-how there.
  const experts = category === 'technology' && EXPERTS.test(tokens[iv - 1].text);
  // "specialists have been observed at missile facilities, likely providing expertise": the know-how
  // the sentence goes on to state is the flow; their presence is no second one.
  if (experts) {
    for (let p = v + 1; p < sEnd; p++) {
      const t = tokens[p].text.toLowerCase();
      if (ctx.give.has(t) || /^(?:help|helps|helped|helping|assist|assisting|advise|advising|train|training|teach|teaching|expertise|assistance|advice|know-how)$/.test(t)) return;
    }
  }
  const from = demonymIn(ctx, a, iv);
  const to = place.state || (category === 'labor' ? otherOfPair(ctx, from) : undefined);
  if (!category || (!PEOPLE.has(category) && !experts) || !from || !to || from === to) return;
  const partners = ctx.traded.has(`${from}>${to}`) || ctx.traded.has(`${to}>${from}`);
  if (/\b(?:troops|forces|army|armies|units)\b/i.test(item) && !partners) return;
  const src = sourceOf(ctx, tokens[v].start);
  const span = { start: tokens[a].start, end: tokens[place.next - 1].end };
  // "are expected in the occupied regions": the words between the verb and its place count too.
  const before = [...wordsBefore(ctx, cStart, v), ...tokens.slice(v + 1, k).map((t) => t.text.toLowerCase())];
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
export function fromTeaching(ctx: Ctx, v: number, sStart: number, sEnd: number): void {
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
  // "training North Korean soldiers in drone warfare": the learners' people noun after their state.
  const people = /^(?:soldiers|troops|pilots|officers|engineers|personnel|crews|operators|specialists|technicians|staff|units|scientists|students|cadets|gunners)$/i;
  if (to && people.test(tokens[k]?.text ?? '')) k++;
  // "helped Iran with electronic warfare equipment", "help the North with its satellite programme",
  // "advised Pyongyang on its satellite rocket", "training soldiers in drone warfare": help,
  // advice or training in a thing is know-how.
  const about = /^help/.test(w) ? /^with$/ : /^advi[sc]/.test(w) ? /^(?:on|about)$/ : /^(?:in|on)$/;
  if (about.test(tokens[k]?.text ?? '') && to && from && to !== from) {
    const e = itemEnd(ctx, k + 1, cEnd);
    const thing = textOf(ctx, k + 1, e).replace(/^(?:the|a|an|its|their)\s+/i, '').replace(/[.,;:]+$/, '');
    if (e > k + 1 && (ctx.cat.categorize(thing) || /\b(?:programmes?|programs?|projects?|development|production|industry|satellites?|rockets?|engines?|reactors?|warfare|tactics|technolog(?:y|ies))\b/i.test(thing))) {
      const src = sourceOf(ctx, tokens[v].start);
      const kind = /^help/.test(w) ? 'help with' : /^advi[sc]/.test(w) ? 'advice on' : 'training in';
      addTransfer(ctx, {
        from, to, category: 'technology', item: `${kind} ${thing}`, quantity: null, since: null, until: null,
        status: statusOf({ verb: w, before: wordsBefore(ctx, cStart, v), after: [], denial: src.denial, cue: src.cue, planned: false }),
        source: src.source, ...(src.sourceText ? { sourceText: src.sourceText } : {}), spans: [{ start: tokens[cStart].start, end: tokens[e - 1].end }], rule: 'teaching',
      });
    }
    return;
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

/** People nouns that, followed by "in" and a place, say the people are there ("North Korean troops in Kursk"). */
const PEOPLE_ABROAD = new Set(['troops', 'soldiers', 'personnel', 'workers', 'labourers', 'laborers', 'advisers', 'advisors', 'builders', 'engineers', 'specialists', 'technicians']);
/** Is token v a people noun with "in" after it? */
export const isPeopleIn = (ctx: Ctx, v: number): boolean => PEOPLE_ABROAD.has(ctx.tokens[v].text) && ctx.tokens[v + 1]?.text === 'in';

/**
 * "The North Korean troops in Kursk have suffered losses", "its personnel in Syria serve only as
 * advisers": people of one state named in another are there, whatever the verb. Only a flow the
 * report has not stated yet between those sides is added (else the mention is more evidence for
 * it), and armies only between partners.
 */
export function fromPeopleIn(ctx: Ctx, v: number, sStart: number, sEnd: number): void {
  const { tokens } = ctx;
  const place = placeAfter(ctx, v + 2, sEnd);
  if (!place) return;
  const cStart = clauseStart(ctx, v, sStart);
  // Their state: a demonym just before ("North Korean troops"), "its"/"their" for the body named before, or "Iran's".
  let a = v;
  while (a > cStart && a > v - 4 && /^[\p{L}-]+$/u.test(tokens[a - 1].text) && !DETERMINERS.has(tokens[a - 1].text.toLowerCase()) && !TRUE_PREPOSITIONS.has(tokens[a - 1].text.toLowerCase())) a--;
  let from = demonymIn(ctx, a, v);
  if (!from && /^(?:its|their)$/i.test(tokens[a - 1]?.text ?? '')) {
    const m = ctx.mentions.lastBefore(tokens[a - 1].start, (x, at) => (x.type === 'country' || x.type === 'organization') && at.kind !== 'demonym', 40);
    from = m ? stateOf(ctx, m) : undefined;
    a--;
  }
  if (!from && /^['’]s$/.test(tokens[a - 1]?.text ?? '')) {
    const owner = ctx.mentions.endingAt(tokens[a - 2]?.end).find((x) => x.actor.type !== 'person');
    from = owner ? stateOf(ctx, owner) : undefined;
  }
  const to = place.state;
  const item = textOf(ctx, a, v + 1).replace(/^(?:the|a|an|its|their)\s+/i, '');
  const category = ctx.cat.categorize(tokens[v].text) ?? null;
  const experts = category === 'technology';
  if (!from || !to || from === to || !category || (!PEOPLE.has(category) && !experts)) return;
  const partners = ctx.traded.has(`${from}>${to}`) || ctx.traded.has(`${to}>${from}`);
  if (category === 'troops' && !partners) return;
  const src = sourceOf(ctx, tokens[v].start);
  const span = { start: tokens[a].start, end: tokens[place.next - 1].end };
  if (backRef(ctx, from, to, category, span, undefined)) return;
  addTransfer(ctx, {
    from, to, category, item, quantity: quantityIn(ctx, { start: tokens[a].start, end: tokens[v].end }), since: null, until: null,
    status: statusOf({ verb: 'are', before: wordsBefore(ctx, cStart, a), after: [], denial: src.denial, cue: src.cue, planned: false }),
    source: src.source, ...(src.sourceText ? { sourceText: src.sourceText } : {}), spans: [span], rule: 'people-in',
  });
}
