// The date of one trigger in its sentence: from the trigger's own clause first, then from the
// happening another clause names ("hours before the two leaders met"), then from the sentence
// or narrative before. Says where the date came from, and whether it is the trigger's own (a
// noun needs one, or a verb of happening).
import type { Attribution, Event, Sentence, Span, Token } from '../../doc.js';
import { lowerBound } from '../../search.js';
import { attached, groupValues, nearest, refined, shiftDay, temporalClauses, type SentenceTime, type TemporalClause } from './dates.js';
import type { Trigger } from './triggers.js';

export type TriggerDate =
  /** No date: the trigger is left out. */
  | { kind: 'none' }
  /** The trigger names a happening already found ("hours before the two leaders met"). */
  | { kind: 'told-again'; event: Event }
  | {
      kind: 'dated';
      /** One value per happening ("in May and August"); null for a real happening the text gives no date for. */
      values: (string | null)[];
      /** The date belongs to the trigger's own phrase ("the summit in June", "the 2018 agreement"). */
      own: boolean;
      /** The date modifies the trigger noun ("their 2018 agreement"). */
      modifier: boolean;
      /** Where the date came from when not from the trigger's clause; '' when it did. */
      dating: string;
    };

/** What a sentence's dating reads from the document and the events found so far. */
export interface DatingContext {
  tokens: readonly Token[];
  lower: readonly string[];
  /** Reported speech spans (indirect and denial attributions), sorted by start. */
  reported: readonly Attribution[];
  /** Is token `k` inside a time expression? */
  inTime(k: number): boolean;
  durationEndingAt: ReadonlyMap<number, string>;
  sameOccasion: ReadonlySet<string>;
  lastEvent(): Event | undefined;
  lastOfType(type: string): Event | undefined;
}

const BULLET = /^[-–—•*]$/;

/** The reported-speech span holding `at`, if any: its dates date what it reports. */
function reportedSpan(reported: readonly Attribution[], at: number): Span | undefined {
  const a = reported[lowerBound(reported, at + 1, (x) => x.start) - 1];
  return a && a.end > at ? a : undefined;
}

export class SentenceDating {
  private readonly clauses: TemporalClause[];
  /** "Since Russia quit the deal, …": the sentence opens on a happening it gives no date for. */
  private readonly afterUndated: boolean;
  private readonly sameOccasionHere: boolean;

  constructor(
    private readonly ctx: DatingContext,
    private readonly sentence: Sentence,
    /** This sentence's dates, and the sentence before it (in the same paragraph) with its dates. */
    private readonly times: readonly SentenceTime[],
    private readonly before: { sentence: Sentence; times: readonly SentenceTime[] } | undefined,
    /** The last full day the narrative gave before this sentence. */
    private readonly narrativeDay: string | null,
    private readonly triggers: readonly Trigger[],
  ) {
    const { lower } = ctx;
    const s = sentence;
    this.clauses = temporalClauses(lower, s.tokenStart, s.tokenEnd, (k) => ctx.inTime(k), ctx.durationEndingAt);
    const opening = this.clauses[0];
    const openingDate = opening && times[lowerBound(times, opening.from, (x) => x.from)];
    this.afterUndated = !!opening && (opening.word === 'since' || opening.word === 'after') && !(openingDate && openingDate.to <= opening.to)
      && lower.slice(s.tokenStart, opening.from).every((w) => BULLET.test(w));
    this.sameOccasionHere = lower.slice(s.tokenStart, s.tokenEnd).some((w, k, arr) => w === 'same' && ctx.sameOccasion.has(arr[k + 1] ?? ''));
  }

  /** The temporal clause holding token `k`. Clauses are disjoint and in order: a binary search. */
  private clauseOf(k: number): TemporalClause | undefined {
    const c = this.clauses[lowerBound(this.clauses, k + 1, (x) => x.to)];
    return c && c.from <= k ? c : undefined;
  }

  private static usable(t: SentenceTime): boolean {
    return !t.target && !t.modifier;
  }

  /** The date the sentence gives when the trigger's clause gives none, and where it came from. */
  private fallback(): [string | null, string] {
    const last = this.ctx.lastEvent();
    if (this.sameOccasionHere && last?.date) return [last.date, 'same-occasion'];
    if (this.before) {
      const t = nearest(this.before.times, this.before.sentence.tokenEnd, this.before.sentence.tokenEnd, SentenceDating.usable);
      if (t) return [t.value, 'sentence-before'];
    }
    return [this.narrativeDay, 'narrative'];
  }

  /** "Hours before the two leaders met, North Korea fired …": the event a clause next to the trigger names, and that clause. */
  private anchorNear(trig: Trigger): { clause: TemporalClause; event: Event } | undefined {
    const k = lowerBound(this.clauses, trig.from, (c) => c.from);
    for (const c of [this.clauses[k - 1], this.clauses[k]]) {
      if (!c || c.days === null || c.word === 'since') continue;
      const first = lowerBound(this.triggers, c.from, (x) => x.from);
      for (let j = first; j < this.triggers.length && this.triggers[j].from < c.to && j - first < 8; j++) {
        const event = this.ctx.lastOfType(this.triggers[j].type);
        if (event) return { clause: c, event };
      }
    }
    return undefined;
  }

  dateOf(trig: Trigger, type: string): TriggerDate {
    const { lower, tokens } = this.ctx;
    const times = this.times;
    const usable = SentenceDating.usable;
    const region = reportedSpan(this.ctx.reported, tokens[trig.from].start);
    const clause = this.clauseOf(trig.from);
    const previous = times[lowerBound(times, trig.from + 1, (t) => t.to) - 1];
    if (trig.noun && previous?.modifier && trig.from - previous.to <= 2) return { kind: 'dated', values: [previous.value], own: true, modifier: true, dating: '' };
    const inRegion = (t: SentenceTime) => !region || (t.time.start >= region.start && t.time.end <= region.end);
    const inClause = (t: SentenceTime) => (clause ? t.from >= clause.from && t.to <= clause.to : !this.clauseOf(t.from));
    const chosen = nearest(times, trig.from, trig.to, (t) => usable(t) && inRegion(t) && inClause(t));
    if (chosen) return { kind: 'dated', values: groupValues(times, refined(times, chosen, lower)), own: attached(lower, chosen, trig.from, trig.to), modifier: false, dating: '' };
    // "The White House confirmed in May that it had paused a shipment": the report's date stands in.
    const reporting = region && nearest(times, trig.from, trig.to, (t) => usable(t) && inClause(t));
    if (reporting) return { kind: 'dated', values: groupValues(times, refined(times, reporting, lower)), own: false, modifier: false, dating: '' };

    if (clause) {
      // "after sanctions were imposed": background, unless the clause says how far ("two days after").
      if (clause.days === null || (clause.word !== 'after' && clause.word !== 'before')) return { kind: 'none' };
      const earlier = this.ctx.lastOfType(type);
      if (earlier && clause.days === 0) return { kind: 'told-again', event: earlier };
      const main = nearest(times, clause.from, clause.from, (t) => usable(t) && !this.clauseOf(t.from))?.value ?? this.fallback()[0];
      const shifted = main ? shiftDay(main, clause.word === 'after' ? -clause.days : clause.days) : null;
      return shifted ? { kind: 'dated', values: [shifted], own: false, modifier: false, dating: 'counted-from-main-clause' } : { kind: 'none' };
    }
    const anchor = this.anchorNear(trig);
    if (anchor) {
      const { clause: c, event } = anchor;
      const shifted = shiftDay(event.date!, c.word === 'before' ? -c.days! : c.days!);
      return { kind: 'dated', values: [shifted ?? event.date], own: false, modifier: false, dating: 'counted-from-clause-event' };
    }
    // "Since Russia quit the deal, its missiles have hit the ports": after another happening, date unknown.
    if (this.afterUndated) return { kind: 'dated', values: [null], own: false, modifier: false, dating: 'after-another-happening' };
    const [value, how] = this.fallback();
    return value ? { kind: 'dated', values: [value], own: false, modifier: false, dating: how } : { kind: 'none' };
  }
}
