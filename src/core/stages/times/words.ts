// The times lexicon compiled once into lookups: maps for single words and, for phrases, lists of
// token sequences keyed by their first word, so a match costs a few map reads per token.
import type { TimeWords } from '../../lexicons.js';

export interface Phrases<T> {
  /** Longest phrase at token i (lowercase words), with its value and length in tokens. */
  at(words: readonly string[], i: number, end: number): { value: T; length: number } | undefined;
  /** Every word a phrase starts with: no phrase is at a token outside this set. */
  readonly firsts: ReadonlySet<string>;
  /** The second words of the phrases starting with `first`; null when `first` alone is a phrase (no word after it is needed). */
  followers(first: string): readonly string[] | null;
}

/** A matcher for phrases written as space-separated lowercase words. */
export function phrases<T>(entries: Iterable<[string, T]>): Phrases<T> {
  const byFirst = new Map<string, { parts: string[]; value: T }[]>();
  for (const [phrase, value] of entries) {
    const parts = phrase.split(' ');
    const list = byFirst.get(parts[0]) ?? [];
    list.push({ parts, value });
    byFirst.set(parts[0], list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.parts.length - a.parts.length);
  return {
    firsts: new Set(byFirst.keys()),
    followers(first) {
      const list = byFirst.get(first) ?? [];
      return list.some((p) => p.parts.length === 1) ? null : list.map((p) => p.parts[1]);
    },
    at(words, i, end) {
      const list = byFirst.get(words[i]);
      if (!list) return undefined;
      for (const { parts, value } of list) {
        if (i + parts.length > end) continue;
        let ok = true;
        for (let k = 1; k < parts.length && ok; k++) ok = words[i + k] === parts[k];
        if (ok) return { value, length: parts.length };
      }
      return undefined;
    },
  };
}

const set = (xs: string[]): Set<string> => new Set(xs);
const marks = (xs: string[]): Phrases<true> => phrases(xs.map((x) => [x, true as const]));

export interface CompiledTimeWords {
  months: Map<string, number>;
  monthAbbreviations: Map<string, number>;
  ambiguousMonths: Set<string>;
  weekdays: Map<string, number>;
  holidays: Phrases<string>;
  seasons: Map<string, string>;
  dayParts: Map<string, string>;
  numbers: Phrases<number>;
  vague: Phrases<true>;
  ordinals: Map<string, number>;
  units: Map<string, string>;
  approximators: Phrases<string>;
  signals: Phrases<true>;
  partWords: Map<string, string>;
  refs: Phrases<string>;
  frequency: Map<string, string>;
  identifiers: Set<string>;
  futureCues: Phrases<true>;
  weakFuture: Phrases<true>;
  pastCues: Set<string>;
  irregularPast: Set<string>;
}

/** TIMEX3 mod for an approximator: "more than" → MORE_THAN, "about" → APPROX. */
function modOf(word: string): string {
  if (/^(more than|over|just over|well over|upwards of|a little over|a little more than|no less than)$/.test(word)) return 'MORE_THAN';
  if (/^(at least)$/.test(word)) return 'EQUAL_OR_MORE';
  if (/^(under|less than|fewer than|just under|barely)$/.test(word)) return 'LESS_THAN';
  if (/^(up to|at most|no more than)$/.test(word)) return 'EQUAL_OR_LESS';
  return 'APPROX';
}

const cache = new WeakMap<TimeWords, CompiledTimeWords>();

export function compileTimeWords(w: TimeWords): CompiledTimeWords {
  const hit = cache.get(w);
  if (hit) return hit;
  const refs: [string, string][] = [
    ...w.presentRef.map((x): [string, string] => [x, 'PRESENT_REF']),
    ...w.pastRef.map((x): [string, string] => [x, 'PAST_REF']),
    ...w.futureRef.map((x): [string, string] => [x, 'FUTURE_REF']),
  ];
  const compiled: CompiledTimeWords = {
    months: new Map(Object.entries(w.months)),
    monthAbbreviations: new Map(Object.entries(w.monthAbbreviations)),
    ambiguousMonths: set(w.ambiguousMonths),
    weekdays: new Map(Object.entries(w.weekdays)),
    // written with the straight apostrophe; texts use either
    holidays: phrases(Object.entries(w.holidays ?? {}).flatMap(([k, v]): [string, string][] => [[k, v], [k.replace(/'/g, '’'), v]])),
    seasons: new Map(Object.entries(w.seasons)),
    dayParts: new Map(Object.entries(w.dayParts)),
    numbers: phrases(Object.entries(w.numbers)),
    vague: marks(w.vagueNumbers),
    ordinals: new Map(Object.entries(w.ordinals)),
    units: new Map(Object.entries(w.units)),
    approximators: phrases(w.approximators.map((x): [string, string] => [x, modOf(x)])),
    signals: marks(w.signals),
    partWords: new Map(Object.entries(w.partWords)),
    refs: phrases(refs),
    frequency: new Map(Object.entries(w.frequencyWords)),
    identifiers: set(w.identifierWords),
    futureCues: marks(w.futureCues),
    weakFuture: marks(w.weakFutureCues),
    pastCues: set(w.pastCues),
    irregularPast: set(w.irregularPast),
  };
  cache.set(w, compiled);
  return compiled;
}
