// The calendar of known facts (lexicons/calendar.json) compiled once for matching: every phrase
// with the entries it refers to and how ("the Biden administration": during a term; "if elected":
// before an election), plus lookups by holder and the events a sentence's words can identify.
import type { CalendarEntry } from '../../lexicons.js';
import { dayNumber, parseDay } from '../times/calendar.js';
import { phrases, type Phrases } from '../times/words.js';
import { MAX_DAY, type Range } from './cue.js';

/** How a matched phrase relates the report to an entry: by the entry's kind, or before/after it whatever the tense. */
export type Relation = 'kind' | 'before' | 'after';

export interface PhraseRef {
  entry: CalendarEntry;
  relation: Relation;
}

export interface CompiledCalendar {
  entries: readonly CalendarEntry[];
  refs: Phrases<PhraseRef[]>;
  /** All context and co-occurrence words, to find which of them a text holds in one pass. */
  words: Phrases<string>;
  /** Events that a sentence's words can identify (entries with `cooccur`). */
  identifiable: readonly CalendarEntry[];
  /** Each holder's terms, in order. */
  terms: ReadonlyMap<string, readonly CalendarEntry[]>;
}

/** The day numbers an entry covers: [start, end], end open while a term runs. */
export function entryRange(e: CalendarEntry): Range {
  let r = ranges.get(e);
  if (!r) ranges.set(e, (r = rangeOf(e)));
  return [r[0], r[1]];
}

// the entries never change: each range is parsed once (and handed out as a copy)
const ranges = new WeakMap<CalendarEntry, Range>();

function rangeOf(e: CalendarEntry): Range {
  const start = dayNumber(parseDay(e.start)!);
  if (e.end === null) return [start, MAX_DAY];
  const end = e.end ? parseDay(e.end) : null;
  return [start, end ? dayNumber(end) : start];
}

const cache = new WeakMap<readonly CalendarEntry[], CompiledCalendar>();

export function compileCalendar(entries: readonly CalendarEntry[]): CompiledCalendar {
  const hit = cache.get(entries);
  if (hit) return hit;
  const byPhrase = new Map<string, PhraseRef[]>();
  const add = (phrase: string, ref: PhraseRef): void => {
    const list = byPhrase.get(phrase) ?? [];
    if (list.some((r) => r.entry === ref.entry && r.relation === ref.relation)) return;
    list.push(ref);
    byPhrase.set(phrase, list);
  };
  const words = new Set<string>();
  const terms = new Map<string, CalendarEntry[]>();
  for (const e of entries) {
    if (!parseDay(e.start)) throw new Error(`calendar entry ${e.id}: start "${e.start}" is not a day YYYY-MM-DD`);
    if (e.end && !parseDay(e.end)) throw new Error(`calendar entry ${e.id}: end "${e.end}" is not a day YYYY-MM-DD`);
    for (const p of e.phrases ?? []) {
      add(p, { entry: e, relation: 'kind' });
      // "the Pyongyang summit" also after another determiner: "the upcoming Pyongyang summit", "Putin's Pyongyang summit"
      const bare = p.replace(/^the /, '');
      if (bare !== p && bare.includes(' ')) add(bare, { entry: e, relation: 'kind' });
    }
    for (const p of e.before ?? []) add(p, { entry: e, relation: 'before' });
    for (const p of e.after ?? []) add(p, { entry: e, relation: 'after' });
    for (const group of [...(e.context ?? []), ...(e.cooccur ?? [])]) for (const w of group) words.add(w);
    if (e.kind === 'term' && e.holder) terms.set(e.holder, [...(terms.get(e.holder) ?? []), e]);
  }
  for (const list of terms.values()) list.sort((a, b) => a.start.localeCompare(b.start));
  const compiled: CompiledCalendar = {
    entries,
    refs: phrases(byPhrase),
    words: phrases([...words].map((w): [string, string] => [w, w])),
    identifiable: entries.filter((e) => e.cooccur?.length),
    terms,
  };
  cache.set(entries, compiled);
  return compiled;
}

/** Lowercase words for matching, with the curly possessive written as the straight one. */
export const matchWords = (tokens: readonly string[]): string[] =>
  tokens.map((t) => {
    const low = t.toLowerCase();
    return low.includes('’') ? low.replace(/’/g, "'") : low;
  });

const matched = new WeakMap<readonly string[], readonly string[]>();

/** matchWords of a token list that is read again and again (a sentence's words), computed once per list. */
export function matchWordsOnce(tokens: readonly string[]): readonly string[] {
  let words = matched.get(tokens);
  if (!words) matched.set(tokens, (words = matchWords(tokens)));
  return words;
}

/** The calendar words (context and co-occurrence words) found in words[from, to). */
export function wordsIn(cal: CompiledCalendar, words: readonly string[], from = 0, to = words.length): Set<string> {
  const found = new Set<string>();
  for (let i = from; i < to; i++) {
    const m = cal.words.at(words, i, to);
    if (m) found.add(m.value);
  }
  return found;
}

/** Every group has one of its words among `found`. */
export const groupsMet = (groups: readonly string[][] | undefined, found: ReadonlySet<string>): boolean => (groups ?? []).every((g) => g.some((w) => found.has(w)));

export interface CalendarMatch {
  /** Token range [from, to) of the phrase. */
  from: number;
  to: number;
  refs: PhraseRef[];
}

/** The calendar phrases of one sentence, longest first at each token, whose entries apply to this report. */
export function matchPhrases(cal: CompiledCalendar, words: readonly string[], docWords: ReadonlySet<string>): CalendarMatch[] {
  const out: CalendarMatch[] = [];
  for (let i = 0; i < words.length; i++) {
    const m = cal.refs.at(words, i, words.length);
    if (!m) continue;
    const refs = m.value.filter((r) => groupsMet(r.entry.context, docWords));
    if (refs.length) out.push({ from: i, to: i + m.length, refs });
    i += m.length - 1;
  }
  return out;
}

/** The calendar entries a phrase names (for a user checking what the calendar knows). */
export function lookupPhrase(cal: CompiledCalendar, phrase: string): PhraseRef[] {
  const words = phrase.toLowerCase().replace(/’/g, "'").split(/\s+/).filter(Boolean);
  const m = cal.refs.at(words, 0, words.length);
  return m && m.length === words.length ? m.value : [];
}

/** The calendar entries whose dates include an ISO day. */
export function entriesOn(cal: CompiledCalendar, iso: string): CalendarEntry[] {
  const d = parseDay(iso);
  if (!d) return [];
  const n = dayNumber(d);
  return cal.entries.filter((e) => {
    const [a, b] = entryRange(e);
    return n >= a && n <= b;
  });
}
