// Events: dated happenings between actors that are not transfers (meeting, agreement, veto,
// abstention, sanction, exercise, deployment, attack, launch, other). A trigger from
// lexicons/events.json marks the type (triggers.ts); a date of the trigger's own clause dates it,
// else another clause's happening, else the sentence or narrative before (dating.ts); the actors
// of its clause or sentence take part (participants.ts); a named place after "in"/"at" places
// it; a happening told again joins its event (event-list.ts).
import { requireLayer, withLayer, type AnnotatedDoc, type PlaceMention, type Segments, type Sentence, type Token } from '../../doc.js';
import type { Stage, StageContext } from '../../pipeline.js';
import { Mentions } from '../mentions.js';
import { insideSpans, lowerBound } from '../../search.js';
import { ECHO, findTriggers, triggerTable, type Trigger, type TriggerTable } from './triggers.js';
import { lowerWordsOf } from '../segment/lower.js';
import { BOUNDARY, sentenceTimes, type SentenceTime } from './dates.js';
import { SentenceDating, type DatingContext } from './dating.js';
import { Participants } from './participants.js';
import { EventList } from './event-list.js';
import { SentenceWords } from './sentence-words.js';

const STAGE = 'events';
// Types that need two parties: one actor alone does not meet or agree.
const TWO_PARTY = new Set(['meeting', 'agreement']);
// How far back a trigger's clause is read for a hedge ("suggesting the deal was agreed").
const HEDGE_REACH = 6;
const DEFINITE = new Set(['the', 'this', 'that', 'these', 'those']);
// How many words after a launch verb its target may come ("launched two missiles at Kyiv").
const AIM_REACH = 6;
const FLOATING = new Set(['each', 'both', 'all']);
// How far a verb's object noun may come after it ("suspended the 2018 military pact").
const OBJECT_REACH = 4;
const PREPOSITION = new Set(['for', 'to', 'with', 'in', 'at', 'on', 'after', 'before', 'during', 'as', 'by', 'from', 'of']);
// What one more party can do after another ("the EU followed suit"): not a meeting or an agreement, which need both.
const ECHOED = new Set(['sanction', 'veto', 'abstention', 'launch', 'exercise', 'deployment', 'statement']);

/** The last full day the narrative gave before each sentence, in its paragraph or the one before ("Hours before the two leaders met"). */
function narrativeDays(segs: Segments, times: readonly SentenceTime[][]): (string | null)[] {
  const lastInParagraph = new Map<number, string>();
  return segs.sentences.map((s, i) => {
    const day = lastInParagraph.get(s.paragraph) ?? lastInParagraph.get(s.paragraph - 1) ?? null;
    for (const t of times[i]) if (/^\d{4}-\d{2}-\d{2}$/.test(t.value)) lastInParagraph.set(s.paragraph, t.value);
    return day;
  });
}

/** The first named place of the sentence after "in"/"at" ("in Pyongyang"), by binary search. */
function placeOf(text: string, places: readonly PlaceMention[], s: Sentence): string | null {
  for (let k = lowerBound(places, s.start, (p) => p.start); k < places.length && places[k].end <= s.end; k++) {
    if (/\b(?:in|at)\s+$/.test(text.slice(Math.max(s.start, places[k].start - 4), places[k].start))) return places[k].name;
  }
  return null;
}

/** The durations of the text by the token they end before ("two days" → P2D, for "two days after"). */
function durationsEndingAt(segs: Segments, doc: AnnotatedDoc): Map<number, string> {
  const out = new Map<number, string>();
  for (const t of doc.layers.times?.times ?? []) if (t.type === 'DURATION' && t.value) out.set(lowerBound(segs.tokens, t.end, (x) => x.start), t.value);
  return out;
}

/** The lexicon's lists as sets, made once per lexicon. */
interface EventWords {
  table: TriggerTable;
  happenings: Set<string>;
  typeHappenings: Map<string, Set<string>>;
  hedges: Set<string>;
  shipObjects: Set<string>;
  requires: Map<string, Set<string>>;
  sameOccasion: Set<string>;
  ownDateOnly: Set<string>;
  /** Last words of the group nouns ("governments"): a quantifier after one floats. */
  groupWords: Set<string>;
}

const compiled = new WeakMap<StageContext['lexicons']['events'], EventWords>();

function eventWords(lex: StageContext['lexicons']['events']): EventWords {
  let words = compiled.get(lex);
  if (!words) {
    words = {
      table: triggerTable(lex),
      happenings: new Set(lex.happenings),
      typeHappenings: new Map(Object.entries(lex.typeHappenings).map(([k, v]) => [k, new Set(v)])),
      hedges: new Set(lex.hedges),
      shipObjects: new Set(lex.shipLaunchObjects),
      requires: new Map(Object.entries(lex.requires).map(([k, v]) => [k, new Set(v)])),
      sameOccasion: new Set(lex.sameOccasion),
      ownDateOnly: new Set(lex.ownDateOnly),
      groupWords: new Set(Object.values(lex.groupNouns).flatMap((list) => list.map((w) => w.split(/\s+/).at(-1)!))),
    };
    compiled.set(lex, words);
  }
  return words;
}

/** Lowercase words, with a dash between two words and no space written as a hyphen: it joins them ("Russia–Africa summit") and breaks no clause. */
function wordsOf(tokens: readonly Token[]): readonly string[] {
  const shared = lowerWordsOf(tokens);
  let out: string[] | undefined;
  for (let k = 1; k + 1 < tokens.length; k++) {
    const t = tokens[k];
    if ((t.text === '–' || t.text === '—') && tokens[k - 1].end === t.start && tokens[k + 1].start === t.end) (out ??= shared.slice())[k] = '-';
  }
  return out ?? shared;
}

function run(doc: AnnotatedDoc, ctx: StageContext): AnnotatedDoc {
  const segs = requireLayer(doc, 'segments', STAGE);
  const actors = requireLayer(doc, 'actors', STAGE);
  const lex = ctx.lexicons.events;
  const { table, happenings, typeHappenings, hedges, shipObjects, requires, sameOccasion, ownDateOnly, groupWords } = eventWords(lex);
  const tokens = segs.tokens;
  const lower = wordsOf(tokens);
  const mentions = new Mentions(actors.actors);
  const attributions = [...(doc.layers.attributions?.attributions ?? [])].sort((a, b) => a.start - b.start);
  const quotes = attributions.filter((a) => a.kind === 'direct');
  // Quotes are disjoint and sorted: a binary search keeps the check logarithmic on hostile input.
  const inQuote = (at: number) => insideSpans(quotes, at);
  const dates = sentenceTimes(segs, doc.layers.times?.times ?? [], lower);
  const narrative = narrativeDays(segs, dates);
  // "Seoul and Tokyo each imposed", "the governments both signed": a quantifier after a name or a
  // plural of a group is no determiner of the word that follows it.
  const mentionEnds = new Set(mentions.list.map((m) => m.end));
  const floating = (k: number): boolean => FLOATING.has(lower[k]) && k > 0 && (mentionEnds.has(tokens[k - 1].end) || groupWords.has(lower[k - 1]));
  const personStarts = new Set(mentions.list.filter((m) => m.actor.type === 'person' && m.kind !== 'descriptor').map((m) => m.start));
  const participants = new Participants(mentions, segs, lower, inQuote, lex);
  const places = doc.layers.actors?.places ?? [];
  const found = new EventList(STAGE);
  const times = doc.layers.times?.times ?? [];
  const datingContext: DatingContext = {
    tokens,
    lower,
    reported: attributions.filter((a) => a.kind !== 'direct'),
    inTime: (k) => insideSpans(times, tokens[k].start),
    durationEndingAt: durationsEndingAt(segs, doc),
    sameOccasion,
    lastEvent: () => found.lastEvent(),
    lastOfType: (type) => found.lastOfType(type),
  };

  for (let si = 0; si < segs.sentences.length; si++) {
    const s = segs.sentences[si];
    const triggers = findTriggers(tokens, lower, s.tokenStart, s.tokenEnd, table, (k) => personStarts.has(tokens[k].start), floating);
    if (!triggers.length) continue;
    const words = new SentenceWords(lower, s.tokenStart, s.tokenEnd, table, floating);
    const prev = segs.sentences[si - 1];
    const dating = new SentenceDating(datingContext, s, dates[si], prev && prev.paragraph === s.paragraph ? { sentence: prev, times: dates[si - 1] } : undefined, narrative[si], triggers);
    const place = placeOf(doc.text, places, s);
    const span = { start: s.start, end: s.end };

    /** Does "at"/"against" and a name follow within a few words, in the same clause? */
    const aimedAt = (from: number): boolean => {
      for (let k = from; k < Math.min(s.tokenEnd - 1, from + AIM_REACH) && !BOUNDARY.has(lower[k]); k++) {
        if ((lower[k] === 'at' || lower[k] === 'against') && /^\p{Lu}/u.test(tokens[k + 1].text)) return true;
      }
      return false;
    };

    /** The trigger's event type, or null when it names no happening in this sentence. */
    /** "suspending the pact", "vetoed the sanctions": is the noun the object of a verb of another type, what that happening is about? */
    const objectOf = (trig: Trigger, prev: Trigger | undefined): boolean =>
      trig.noun && prev !== undefined && !prev.noun && prev.type !== trig.type && trig.from - prev.to <= OBJECT_REACH
      && !(typeHappenings.get(trig.type) ?? happenings).has(prev.text.toLowerCase())
      && !lower.slice(prev.to, trig.from).some((w) => BOUNDARY.has(w) || PREPOSITION.has(w));

    /**
     * "South Korea imposed sanctions on Monday; the EU followed suit in February": the type of the
     * event told in this sentence or the one before. Bare "followed" only before a date or a clause
     * end ("followed the talks" repeats nothing).
     */
    const echoOf = (trig: Trigger): string | null => {
      const last = found.lastEvent();
      const since = prev && prev.paragraph === s.paragraph ? prev.start : s.start;
      if (!last || !ECHOED.has(last.type) || last.spans[last.spans.length - 1].start < since) return null;
      if (trig.to - trig.from === 1) {
        const k = /^(?:in|on|by|at)$/.test(lower[trig.to] ?? '') ? trig.to + 1 : trig.to;
        if (!(k < s.tokenEnd && datingContext.inTime(k)) && !BOUNDARY.has(lower[trig.to] ?? '.') && trig.to < s.tokenEnd) return null;
      }
      return last.type;
    };

    const typeOf = (trig: Trigger, next: Trigger | undefined): string | null => {
      if (inQuote(tokens[trig.from].start)) return null;
      if (trig.type === ECHO) return echoOf(trig);

      // "launched a missile barrage", "struck a deal": a verb of happening for the noun of another
      // type, its object; the noun is the happening ("agreed to resume summits" is no such object).
      if (!trig.noun && next?.noun && next.type !== trig.type && next.from - trig.to <= 6 && (typeHappenings.get(next.type) ?? happenings).has(trig.text.toLowerCase())
        && !lower.slice(trig.to, next.from).some((w) => BOUNDARY.has(w) || w === 'to')) return null;
      // "suggesting the transfer was agreed", "if elected": a conjecture, not a happening.
      for (let k = trig.from - 1; k >= Math.max(s.tokenStart, trig.from - HEDGE_REACH) && !BOUNDARY.has(lower[k]); k--) if (hedges.has(lower[k])) return null;
      // A launch is of a missile or satellite; a ship's launch is another kind of happening; "fired" alone is shooting.
      if (trig.type === 'launch' && !words.has(requires.get('launch')!)) return !trig.noun && words.has(shipObjects) ? 'other' : null;
      // "launched missiles at Kyiv", "fired rockets against Ukraine": a launch at a target is an attack.
      if (trig.type === 'launch' && !trig.noun && aimedAt(trig.to)) return 'attack';
      // A trigger's own list comes first: "were sent to" needs troops, not any deployable thing.
      const needed = requires.get(trig.text) ?? (trig.type === 'launch' ? undefined : requires.get(trig.type));
      return needed && !words.has(needed) ? null : trig.type;
    };

    for (const [ti, trig] of triggers.entries()) {
      const type = typeOf(trig, triggers[ti + 1]);
      if (!type) continue;
      const date = dating.dateOf(trig, type);
      if (date.kind === 'none') continue;
      if (date.kind === 'told-again') {
        found.tellAgain(date.event, span);
        continue;
      }
      const { values, own, modifier } = date;
      // "agreed", "fired", "the ceiling" say too little to be the happening a date before was about.
      if ((date.dating === 'sentence-before' || date.dating === 'narrative') && ownDateOnly.has(trig.text.toLowerCase())) continue;
      // The object of another happening is no happening of its own, unless a date names it ("suspending the 2018 pact": the pact was made in 2018).
      if (!modifier && objectOf(trig, triggers[ti - 1])) continue;
      // A noun needs a verb of happening or a date of its own: "a summit" alone is none. An agreement
      // noun needs a signing verb or a date naming it ("the 2018 agreement"); sanctions an imposing
      // word ("imposed", "new", "since 2022"); a veto a verb of use ("cast its veto").
      if (trig.noun) {
        const needs = typeHappenings.get(type);
        if (needs ? !words.happens(needs, trig.from) && !(type === 'agreement' && modifier) : !own && !words.happens(happenings, trig.from)) continue;
        if (values[0] === null && !own) continue;
      }
      // One actor alone does not meet or agree; a sentence continuing another may leave the other side unnamed.
      const { ids, pair, borrowed } = participants.of(si, trig.from);
      if (!ids.length || (TWO_PARTY.has(type) && ids.length < 2 && !borrowed)) continue;
      // "The drills, which ran from March 4": a definite noun in a sentence naming nobody is the
      // last happening of its type told again, unless a date of its own sets it apart.
      const earlier = found.lastOfType(type);
      if (trig.noun && borrowed && earlier && DEFINITE.has(lower[trig.from - 1]) && (!own || values.includes(earlier.date))) {
        found.tellAgain(earlier, span);
        continue;
      }
      // "struck twice in March": two happenings.
      const copies = lower.slice(trig.to, Math.min(trig.to + 4, s.tokenEnd)).includes('twice') ? 2 : 1;
      const rule = `${trig.noun ? 'noun' : 'verb'}${values.length > 1 ? '-per-date' : ''}:${trig.text}${date.dating ? `@${date.dating}` : ''}`;
      // "Both ships were sanctioned": one sanction for each target the plural stands for; "Canada and
      // Australia each imposed sanctions": one for each party that did it on its own.
      const each = participants.distributed(si, trig.from, floating).filter((a) => ids.includes(a));
      const parties = type === 'sanction' && pair.length > 1 ? pair : each.length > 1 ? each : [];
      const split = parties.map((p) => ids.filter((a) => a === p || !parties.includes(a)));
      const targets = split.length && !(TWO_PARTY.has(type) && split.some((g) => g.length < 2)) ? split : [ids];
      for (const v of values) for (const group of targets) found.add(type, group, v, place, span, rule, copies);
      ctx.trace?.({ stage: STAGE, rule: trig.noun ? 'event-noun' : 'event-verb', start: tokens[trig.from].start, end: tokens[trig.to - 1].end, action: `${type} ${values.join(', ')}` });
    }
  }
  return withLayer(doc, 'events', { events: found.events });
}

export const eventsStage: Stage = { name: STAGE, run };
