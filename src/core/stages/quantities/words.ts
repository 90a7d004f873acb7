// The quantities lexicon compiled once into lookups: sets and maps for single words, and for
// phrases a table keyed by the first word, so a match costs a few map reads per token.
import type { QuantityLead, QuantityWords } from '../../lexicons.js';

export interface PhraseTable<T> {
  /** The longest phrase starting at token i (lowercase words), with its value and length in tokens. */
  match(words: readonly string[], i: number): { value: T; length: number } | undefined;
}

export function phraseTable<T>(entries: Iterable<[string, T]>): PhraseTable<T> {
  const byFirst = new Map<string, { parts: string[]; value: T }[]>();
  for (const [phrase, value] of entries) {
    const parts = phrase.split(' ');
    const list = byFirst.get(parts[0]);
    if (list) list.push({ parts, value });
    else byFirst.set(parts[0], [{ parts, value }]);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.parts.length - a.parts.length);
  return {
    match(words, i) {
      const list = byFirst.get(words[i]);
      if (!list) return undefined;
      for (const { parts, value } of list) {
        if (i + parts.length > words.length) continue;
        let k = 1;
        while (k < parts.length && words[i + k] === parts[k]) k++;
        if (k === parts.length) return { value, length: parts.length };
      }
      return undefined;
    },
  };
}

const table = <T>(record: Record<string, T>): PhraseTable<T> => phraseTable(Object.entries(record));
const marks = (xs: readonly string[]): PhraseTable<true> => phraseTable(xs.map((x) => [x, true as const]));
const map = <T>(record: Record<string, T>): Map<string, T> => new Map(Object.entries(record));

export interface CompiledQuantityWords {
  numbers: Map<string, number>;
  multipliers: Map<string, number>;
  suffixMultipliers: Map<string, number>;
  fractions: PhraseTable<number>;
  leads: PhraseTable<QuantityLead>;
  trailing: PhraseTable<QuantityLead>;
  rangeStarts: PhraseTable<boolean>;
  rangeJoiners: Set<string>;
  vagueWords: PhraseTable<true>;
  vagueAdjectives: Set<string>;
  vagueNouns: Set<string>;
  currencySymbols: Map<string, string>;
  dollarPrefixes: Map<string, string>;
  /** Currency names and ISO codes written after a figure ("3 billion won", "5 million USD"). */
  currencyWords: PhraseTable<string>;
  /** ISO codes, which may also come before the figure ("USD 5 million"). */
  currencyCodes: Map<string, string>;
  /** Measure and count units together, as they are matched after a figure. */
  units: PhraseTable<string>;
  /** The phrases of count units ("containers"): what they name is the counted item. */
  countUnitPhrases: Set<string>;
  calibre: Set<string>;
  countNouns: Map<string, string>;
  rates: PhraseTable<string>;
  changeVerbs: Map<string, number>;
  rises: PhraseTable<true>;
  falls: PhraseTable<true>;
  riseNouns: Set<string>;
  fallNouns: Set<string>;
  riseAdjectives: Set<string>;
  fallAdjectives: Set<string>;
  timesWords: Set<string>;
  twice: Set<string>;
  comparisons: Set<string>;
  copulas: Set<string>;
  baselineCues: PhraseTable<true>;
  baselineAdjacent: PhraseTable<true>;
  /** Lead phrase → the verbs after which it is a particle. */
  particleVerbs: Map<string, Set<string>>;
  anaphoraStarts: Set<string>;
  identifierWords: Set<string>;
  ageWords: Set<string>;
  clockWords: Set<string>;
  itemStops: Set<string>;
  fractionBlockers: Set<string>;
  /** First words of leads and range starts: a capitalized one before a number opens a sentence, it names nothing. */
  leadFirstWords: Set<string>;
  /** Every word a reading can start with (besides numerals and "-fold" words): the fast way past all others. */
  starters: Set<string>;
  /**
   * Starters that begin only phrases of two or more words ("the equivalent of", "in excess of",
   * "at least"), each with the second words those phrases have: before any other word no reading starts.
   */
  phraseOnlyStarters: Map<string, Set<string>>;
}

const firstWords = (phrases: Iterable<string>): string[] => [...phrases].map((p) => p.split(' ')[0]);

/**
 * The first words of the phrases that no single-word entry shares, with the phrases' second words.
 * `singles` are the one-word entries a reading may start with; a word with a hyphen or a digit, or
 * ending in "fold", may start a reading of its own and is left out.
 */
function phraseOnly(phraseLists: readonly (readonly string[])[], singles: Iterable<string>): Map<string, Set<string>> {
  const single = new Set(singles);
  const out = new Map<string, Set<string>>();
  for (const list of phraseLists) {
    for (const phrase of list) {
      const parts = phrase.split(' ');
      if (parts.length === 1) single.add(parts[0]);
      else {
        const seconds = out.get(parts[0]) ?? new Set<string>();
        seconds.add(parts[1]);
        out.set(parts[0], seconds);
      }
    }
  }
  for (const first of [...out.keys()]) if (single.has(first) || /[\d-]/.test(first) || first.endsWith('fold')) out.delete(first);
  return out;
}

function compile(q: QuantityWords): CompiledQuantityWords {
  const codes = new Map(q.currencyCodes.map((c) => [c, c.toUpperCase()]));
  return {
    numbers: map(q.numbers),
    multipliers: map(q.multipliers),
    suffixMultipliers: map(q.suffixMultipliers),
    fractions: table(q.fractions),
    leads: table(q.leads),
    trailing: table(q.trailingBounds),
    rangeStarts: table(q.rangeStarts),
    rangeJoiners: new Set(q.rangeJoiners),
    vagueWords: marks(q.vague.words),
    vagueAdjectives: new Set(q.vague.adjectives),
    vagueNouns: new Set(q.vague.nouns),
    currencySymbols: map(q.currencySymbols),
    dollarPrefixes: map(q.dollarPrefixes),
    currencyWords: phraseTable([...Object.entries(q.currencyWords), ...codes]),
    currencyCodes: codes,
    units: table({ ...q.measureUnits, ...q.countUnits }),
    countUnitPhrases: new Set(Object.keys(q.countUnits)),
    calibre: new Set(q.calibreUnits),
    countNouns: map(q.countNouns),
    rates: table(q.rates),
    changeVerbs: map(q.changes.verbs),
    rises: marks(q.changes.rises),
    falls: marks(q.changes.falls),
    riseNouns: new Set(q.changes.riseNouns),
    fallNouns: new Set(q.changes.fallNouns),
    riseAdjectives: new Set(q.changes.riseAdjectives),
    fallAdjectives: new Set(q.changes.fallAdjectives),
    timesWords: new Set(q.changes.timesWords),
    twice: new Set(q.changes.twice),
    comparisons: new Set(q.changes.comparisons),
    copulas: new Set(q.changes.copulas),
    baselineCues: marks(q.baselineCues),
    baselineAdjacent: marks(q.baselineAdjacent),
    particleVerbs: new Map(Object.entries(q.particleVerbs).map(([lead, verbs]) => [lead, new Set(verbs)])),
    anaphoraStarts: new Set(q.anaphoraStarts),
    identifierWords: new Set(q.identifierWords),
    ageWords: new Set(q.ageWords),
    clockWords: new Set(q.clockWords),
    itemStops: new Set(q.itemStops),
    fractionBlockers: new Set(q.fractionBlockers),
    leadFirstWords: new Set(firstWords([...Object.keys(q.leads), ...Object.keys(q.rangeStarts)])),
    starters: new Set([
      'a',
      'an',
      ...Object.keys(q.numbers),
      ...firstWords(Object.keys(q.fractions)),
      ...firstWords(Object.keys(q.leads)),
      ...firstWords(Object.keys(q.rangeStarts)),
      ...firstWords(q.vague.words),
      ...q.vague.adjectives,
      ...Object.keys(q.currencySymbols),
      ...Object.keys(q.dollarPrefixes),
      ...q.currencyCodes,
      ...firstWords(q.changes.rises),
      ...firstWords(q.changes.falls),
      ...Object.keys(q.changes.verbs),
      ...q.changes.twice,
    ]),
    // The same sources as the starters: phrase tables, and the one-word entries beside them.
    phraseOnlyStarters: phraseOnly(
      [Object.keys(q.fractions), Object.keys(q.leads), Object.keys(q.rangeStarts), q.vague.words, q.changes.rises, q.changes.falls],
      ['a', 'an', ...Object.keys(q.numbers), ...q.vague.adjectives, ...Object.keys(q.currencySymbols), ...Object.keys(q.dollarPrefixes), ...q.currencyCodes, ...Object.keys(q.changes.verbs), ...q.changes.twice],
    ),
  };
}

const cache = new WeakMap<QuantityWords, CompiledQuantityWords>();

/** Compiled once per lexicon object, so a batch of reports shares the work. */
export function compileQuantityWords(q: QuantityWords): CompiledQuantityWords {
  let c = cache.get(q);
  if (!c) {
    c = compile(q);
    cache.set(q, c);
  }
  return c;
}
