// Events: dated happenings between actors that are not transfers (meeting, agreement, veto,
// abstention, sanction, exercise, deployment, attack, launch, other). A trigger from
// lexicons/events.json marks the type; the actors the sentence names take part; a date of the
// trigger's own clause dates it, else the sentence before, else the narrative; a named place after
// "in"/"at" places it.
import { requireLayer, withLayer, type AnnotatedDoc, type Attribution, type Event, type Span } from '../../doc.js';
import type { Stage, StageContext } from '../../pipeline.js';
import { Mentions } from '../mentions.js';
import { insideSpans, lowerBound } from '../../search.js';
import { findTriggers, triggerTable, unreal } from './triggers.js';
import { attached, BOUNDARY, groupValues, nearest, refined, sentenceTimes, shiftDay, temporalClauses, type SentenceTime, type TemporalClause } from './dates.js';
import { Participants } from './participants.js';

const STAGE = 'events';
// Types that need two parties: one actor alone does not meet or agree.
const TWO_PARTY = new Set(['meeting', 'agreement']);
// How far back a trigger's clause is read for a hedge ("suggesting the deal was agreed").
const HEDGE_REACH = 6;
const TWIN_REACH = 32;
const DEFINITE = new Set(['the', 'this', 'that', 'these', 'those']);
const COORDINATORS = new Set(['and', 'but', 'while', 'whereas', 'as']);

/** The reported-speech span holding `at`, if any: its dates date what it reports. */
function reportedSpan(reported: readonly Attribution[], at: number): Span | undefined {
  const i = lowerBound(reported, at + 1, (a) => a.start) - 1;
  const a = reported[i];
  return a && a.end > at ? a : undefined;
}

/** The last full day the narrative gave before each sentence, in its paragraph or the one before ("Hours before the two leaders met"). */
function narrativeDays(doc: AnnotatedDoc, times: readonly SentenceTime[][]): (string | null)[] {
  const segs = doc.layers.segments!;
  const lastInParagraph = new Map<number, string>();
  return segs.sentences.map((s, i) => {
    const day = lastInParagraph.get(s.paragraph) ?? lastInParagraph.get(s.paragraph - 1) ?? null;
    for (const t of times[i]) if (/^\d{4}-\d{2}-\d{2}$/.test(t.value)) lastInParagraph.set(s.paragraph, t.value);
    return day;
  });
}

function run(doc: AnnotatedDoc, ctx: StageContext): AnnotatedDoc {
  const segs = requireLayer(doc, 'segments', STAGE);
  const actors = requireLayer(doc, 'actors', STAGE);
  const lex = ctx.lexicons.events;
  const table = triggerTable(lex);
  const tokens = segs.tokens;
  // A dash between two words with no space joins them ("Russia–Africa summit"); it breaks no clause.
  const lower = tokens.map((t, k) => (/^[–—]$/.test(t.text) && tokens[k - 1]?.end === t.start && tokens[k + 1]?.start === t.end ? '-' : t.text.toLowerCase()));
  const happenings = new Set(lex.happenings);
  const typeHappenings = new Map(Object.entries(lex.typeHappenings).map(([k, v]) => [k, new Set(v)]));
  const hedges = new Set(lex.hedges);
  const shipObjects = new Set(lex.shipLaunchObjects);
  const sameOccasion = new Set(lex.sameOccasion);
  const requires = new Map(Object.entries(lex.requires).map(([k, v]) => [k, new Set(v)]));
  const mentions = new Mentions(actors.actors);
  const attributions = [...(doc.layers.attributions?.attributions ?? [])].sort((a, b) => a.start - b.start);
  const quotes = attributions.filter((a) => a.kind === 'direct');
  const reported = attributions.filter((a) => a.kind !== 'direct');
  // Quotes are disjoint and sorted: a binary search keeps the check logarithmic on hostile input.
  const inQuote = (at: number) => insideSpans(quotes, at);
  const allTimes = doc.layers.times?.times ?? [];
  const dates = sentenceTimes(segs, allTimes, lower);
  const narrative = narrativeDays(doc, dates);
  const timeTokens = new Set<number>();
  const durationEndingAt = new Map<number, string>();
  for (const t of allTimes) {
    const a = lowerBound(tokens, t.start, (x) => x.start);
    const b = lowerBound(tokens, t.end, (x) => x.start);
    for (let k = a; k < b; k++) timeTokens.add(k);
    if (t.type === 'DURATION' && t.value) durationEndingAt.set(b, t.value);
  }
  const personStarts = new Set(mentions.list.filter((m) => m.actor.type === 'person' && m.kind !== 'descriptor').map((m) => m.start));
  const participants = new Participants(mentions, segs, lower, inQuote, lex);
  const places = doc.layers.actors?.places ?? [];
  const out: Event[] = [];
  const byKey = new Map<string, Event[]>();
  /** The last event found, for "at the same ceremony", and the last of each type, for "hours before the leaders met". */
  let lastEvent: Event | undefined;
  const lastOfType = new Map<string, Event>();

  const emit = (type: string, ids: string[], date: string | null, place: string | null, span: Span, rule: string, copies: number): void => {
    const key = `${type}|${date}`;
    const same = byKey.get(key) ?? [];
    // One happening told twice: the same actors, or one side's actors inside the other's.
    // Only the latest few of a type and date are compared, so a report of thousands of meetings stays linear.
    const twin = copies === 1 ? same.slice(-TWIN_REACH).find((e) => ids.every((a) => e.actors.includes(a)) || e.actors.every((a) => ids.includes(a)) || ids.filter((a) => e.actors.includes(a)).length >= 2) : undefined;
    if (twin) {
      for (const a of ids) if (!twin.actors.includes(a)) twin.actors.push(a);
      if (!twin.spans.some((x) => x.start === span.start)) twin.spans.push(span);
      twin.place ??= place;
      lastEvent = twin;
      if (date) lastOfType.set(type, twin);
      return;
    }
    for (let n = 0; n < copies; n++) {
      const e: Event = { type, actors: [...ids], date, place, spans: [span], stage: STAGE, rule };
      out.push(e);
      same.push(e);
      lastEvent = e;
      if (date) lastOfType.set(type, e);
    }
    byKey.set(key, same);
  };

  for (let si = 0; si < segs.sentences.length; si++) {
    const s = segs.sentences[si];
    const triggers = findTriggers(tokens, lower, s.tokenStart, s.tokenEnd, table, (k) => personStarts.has(tokens[k].start));
    if (!triggers.length) continue;
    // The sentence's words, and those that can be verbs of happening: not after a determiner ("no
    // sign" signs nothing), a modal or a negation ("could have signed a deal").
    const words = new Set<string>();
    const verbs = new Set<string>();
    for (let k = s.tokenStart; k < s.tokenEnd; k++) {
      words.add(lower[k]);
      if (k === s.tokenStart || (!table.determiners.has(lower[k - 1]) && !unreal(lower, k, s.tokenStart, table))) verbs.add(lower[k]);
    }
    const found = new Map<ReadonlySet<string>, Map<ReadonlySet<string>, boolean>>();
    // Once per sentence and word list: a sentence with many triggers stays linear.
    const holds = (set: ReadonlySet<string>, among: ReadonlySet<string>): boolean => {
      const known = found.get(among) ?? new Map<ReadonlySet<string>, boolean>();
      found.set(among, known);
      let hit = known.get(set);
      if (hit === undefined) {
        hit = [...among].some((w) => set.has(w));
        known.set(set, hit);
      }
      return hit;
    };
    const has = (set: ReadonlySet<string>) => holds(set, words);
    const happens = (set: ReadonlySet<string>) => holds(set, verbs) || (set === happenings && verbs.has('took') && verbs.has('place'));
    const times = dates[si];
    const clauses = temporalClauses(lower, s.tokenStart, s.tokenEnd, (k) => timeTokens.has(k), durationEndingAt);
    // Clauses are disjoint and in order: binary searches keep a sentence of many clauses linear.
    const clauseOf = (k: number): TemporalClause | undefined => {
      const c = clauses[lowerBound(clauses, k + 1, (x) => x.to)];
      return c && c.from <= k ? c : undefined;
    };
    const usable = (t: SentenceTime) => !t.target && !t.modifier;
    // "Since Russia quit the deal, …": the sentence opens on a happening it gives no date for.
    const opening = clauses[0];
    const openingDate = opening && times[lowerBound(times, opening.from, (x) => x.from)];
    const afterUndated = !!opening && (opening.word === 'since' || opening.word === 'after') && !(openingDate && openingDate.to <= opening.to)
      && lower.slice(s.tokenStart, opening.from).every((w) => /^[-–—•*]$/.test(w));
    const sameOccasionHere = lower.slice(s.tokenStart, s.tokenEnd).some((w, k, arr) => w === 'same' && sameOccasion.has(arr[k + 1] ?? ''));
    // The date the sentence gives when the trigger's clause gives none.
    const fallback = (): [string | null, string] => {
      if (sameOccasionHere && lastEvent?.date) return [lastEvent.date, 'same-occasion'];
      const prev = segs.sentences[si - 1];
      if (prev && prev.paragraph === s.paragraph) {
        const t = nearest(dates[si - 1], prev.tokenEnd, prev.tokenEnd, usable);
        if (t) return [t.value, 'sentence-before'];
      }
      return [narrative[si], 'narrative'];
    };
    let place: (typeof places)[number] | undefined;
    for (let k = lowerBound(places, s.start, (p) => p.start); k < places.length && places[k].end <= s.end; k++) {
      if (/\b(?:in|at)\s+$/.test(doc.text.slice(Math.max(s.start, places[k].start - 4), places[k].start))) {
        place = places[k];
        break;
      }
    }

    // Where the sentence's coordinated clauses begin: after ";" and after a comma before "and", "but", "while".
    const cuts: number[] = [];
    for (let k = s.tokenStart; k < s.tokenEnd; k++) if (lower[k] === ';' || (lower[k] === ',' && COORDINATORS.has(lower[k + 1]))) cuts.push(k);
    const clauseAround = (k: number): Span | undefined => {
      if (!cuts.length) return undefined;
      const j = lowerBound(cuts, k, (x) => x);
      const from = j > 0 ? cuts[j - 1] + 1 : s.tokenStart;
      const to = j < cuts.length ? cuts[j] : s.tokenEnd;
      return { start: tokens[from].start, end: tokens[to - 1].end };
    };

    for (const [ti, trig] of triggers.entries()) {
      const at = tokens[trig.from];
      // "launched a missile barrage", "launched strikes": the attack noun after it is the happening.
      const after = triggers[ti + 1];
      if (trig.type === 'launch' && !trig.noun && after?.type === 'attack' && after.noun && after.from - trig.to <= 6 && !lower.slice(trig.to, after.from).some((w) => BOUNDARY.has(w))) continue;
      if (inQuote(at.start)) continue;
      let type = trig.type;
      // "suggesting the transfer was agreed", "if elected": a conjecture, not a happening.
      let hedged = false;
      for (let k = trig.from - 1; k >= Math.max(s.tokenStart, trig.from - HEDGE_REACH) && !BOUNDARY.has(lower[k]); k--) if (hedges.has(lower[k])) hedged = true;
      if (hedged) continue;
      // A launch is of a missile or satellite; a ship's launch is another kind of happening; "fired" alone is shooting.
      if (type === 'launch' && !has(requires.get('launch')!)) {
        if (trig.noun || !has(shipObjects)) continue;
        type = 'other';
      }
      const needed = requires.get(type === 'launch' ? '' : type) ?? requires.get(trig.text);
      if (needed && !has(needed)) continue;

      // The dates this trigger's clause offers.
      const region = reportedSpan(reported, at.start);
      const clause = clauseOf(trig.from);
      const before = times[lowerBound(times, trig.from + 1, (t) => t.to) - 1];
      const ownModifier = trig.noun && before?.modifier && trig.from - before.to <= 2 ? before : undefined;
      const inRegion = (t: SentenceTime) => !region || (t.time.start >= region.start && t.time.end <= region.end);
      const inClause = (t: SentenceTime) => (clause ? t.from >= clause.from && t.to <= clause.to : !clauseOf(t.from));
      let chosen = nearest(times, trig.from, trig.to, (t) => usable(t) && inRegion(t) && inClause(t));
      let regionLess = false;
      if (!chosen && region) {
        // "The White House confirmed in May that it had paused a shipment": the report's date stands in.
        chosen = nearest(times, trig.from, trig.to, (t) => usable(t) && inClause(t));
        regionLess = !!chosen;
      }
      let values: (string | null)[] | null = null;
      let own = false;
      // Where the date came from when not from the trigger's own clause, for the rule name.
      let dating = '';
      if (ownModifier) {
        values = [ownModifier.value];
        own = true;
      } else if (chosen) {
        values = groupValues(times, refined(times, chosen, lower));
        own = !regionLess && attached(lower, chosen, trig.from, trig.to);
      } else if (clause) {
        // "hours before the two leaders met": the happening of a dated clause without a date of its own.
        if (clause.days === null || clause.word === 'since' || clause.word === 'until' || clause.word === 'till') continue;
        const earlier = lastOfType.get(type);
        if (earlier && clause.days === 0) {
          // The clause names the happening told before: one more place it is stated.
          if (!earlier.spans.some((x) => x.start === s.start)) earlier.spans.push({ start: s.start, end: s.end });
          continue;
        } else {
          const main = nearest(times, clause.from, clause.from, (t) => usable(t) && !clauseOf(t.from))?.value ?? fallback()[0];
          const shifted = main ? shiftDay(main, clause.word === 'after' ? -clause.days : clause.days) : null;
          if (!shifted) continue;
          values = [shifted];
          dating = 'counted-from-main-clause';
        }
      } else {
        // The main clause of "Hours before the two leaders met, North Korea fired …": dated by the event named in the clause.
        // Only the clauses right before and after the trigger can date it.
        const k = lowerBound(clauses, trig.from, (c) => c.from);
        const dated = (c: TemporalClause | undefined) => {
          if (!c || c.days === null || c.word === 'since') return undefined;
          for (let j = lowerBound(triggers, c.from, (x) => x.from), n = 0; j < triggers.length && triggers[j].from < c.to && n < 8; j++, n++) if (lastOfType.has(triggers[j].type)) return triggers[j];
          return undefined;
        };
        const other = dated(clauses[k - 1]) ?? dated(clauses[k]);
        const anchor = other && clauseOf(other.from);
        if (anchor && other) {
          const earlier = lastOfType.get(other.type)!;
          const shifted = shiftDay(earlier.date!, anchor.word === 'before' ? -anchor.days! : anchor.days!);
          values = [shifted ?? earlier.date!];
          dating = 'counted-from-clause-event';
        } else if (afterUndated) {
          // "Since Russia quit the deal, its missiles have hit the ports": after another happening, date unknown.
          values = [null];
          dating = 'after-another-happening';
        } else {
          const [f, how] = fallback();
          values = f ? [f] : null;
          dating = how;
        }
      }
      if (!values) continue;
      // A noun needs a verb of happening or a date of its own: "a summit" alone is none. An agreement
      // noun needs a signing verb or a date naming it ("the 2018 agreement"); sanctions an imposing
      // verb or a date since when they hold ("under sanctions since 2022").
      if (trig.noun) {
        const needs = typeHappenings.get(type);
        if (needs ? !happens(needs) && !(type === 'agreement' && ownModifier) : !own && !happens(happenings)) continue;
        if (values[0] === null && !own) continue;
      }
      // One actor alone does not meet or agree; a sentence continuing another may leave the other side unnamed.
      const { ids, pair, borrowed } = participants.of(si, clauseAround(trig.from));
      if (!ids.length || (TWO_PARTY.has(type) && ids.length < 2 && !borrowed)) continue;
      // "The drills, which ran from March 4": a definite noun in a sentence naming nobody is the
      // last happening of its type told again, unless a date of its own sets it apart.
      const earlier = lastOfType.get(type);
      if (trig.noun && borrowed && earlier && DEFINITE.has(lower[trig.from - 1]) && (!own || values.includes(earlier.date!))) {
        if (!earlier.spans.some((x) => x.start === s.start)) earlier.spans.push({ start: s.start, end: s.end });
        continue;
      }
      // "struck twice in March": two happenings.
      const next = lower.slice(trig.to, Math.min(trig.to + 4, s.tokenEnd));
      const copies = next.includes('twice') ? 2 : 1;
      const rule = `${trig.noun ? 'noun' : 'verb'}${values.length > 1 ? '-per-date' : ''}:${trig.text}${dating ? `@${dating}` : ''}`;
      // "Both ships were sanctioned": one sanction for each target the plural stands for.
      const targets = type === 'sanction' && pair.length > 1 ? pair.map((p) => ids.filter((a) => a === p || !pair.includes(a))) : [ids];
      for (const v of values) for (const group of targets) emit(type, group, v, place?.name ?? null, { start: s.start, end: s.end }, rule, copies);
      ctx.trace?.({ stage: STAGE, rule: trig.noun ? 'event-noun' : 'event-verb', start: at.start, end: tokens[trig.to - 1].end, action: `${type} ${values.join(', ')}` });
    }
  }
  return withLayer(doc, 'events', { events: out });
}

export const eventsStage: Stage = { name: STAGE, run };
