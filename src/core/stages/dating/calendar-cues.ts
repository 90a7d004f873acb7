// Cues from the calendar of known facts: "the Biden administration" spoken of as current puts the
// writing within Biden's term; "if elected in November" before an election; "the Pyongyang summit"
// after it (or before it, "the upcoming summit"). A phrase that fits several entries ("President
// Trump": two terms) allows the union of their dates.
import type { CalendarEntry } from '../../lexicons.js';
import type { Span } from '../../doc.js';
import { dayNumber } from '../times/calendar.js';
import { directionAround } from '../times/tense.js';
import type { CompiledTimeWords } from '../times/words.js';
import { MAX_DAY, MIN_DAY, type Cue, type Range } from './cue.js';
import { entryRange, groupsMet, matchPhrases, matchWords, wordsIn, type CompiledCalendar, type PhraseRef } from './calendar-index.js';
import { AHEAD, modifierBefore, sentenceIsPast } from './tense.js';

/** How long before an election "if elected" is said: within the campaign year. */
const CAMPAIGN_DAYS = 366;
/** How long before an inauguration a holder is "incoming". */
const TRANSITION_DAYS = 80;

const TITLE_WORDS = new Set(['president', 'prime', 'premier', 'leader', 'chairman', 'soviet', 'north', 'chancellor', 'russian']);

export interface SentenceInput {
  /** The sentence's tokens as written, with their spans. */
  tokens: readonly (Span & { text: string })[];
  /** Whether the sentence also holds a calendar date ("In 2018, President Trump met Kim"): then a title is as of that date. */
  hasDate: boolean;
  /** The tokens' match words (matchWords), when the caller has them already. */
  words?: readonly string[];
}

interface Reading {
  rule: string;
  weight: number;
  ranges: Range[];
  gloss: string;
}

export function calendarCues(sentences: readonly SentenceInput[], cal: CompiledCalendar, docWords: ReadonlySet<string>, W: CompiledTimeWords, text: string, roleNouns: ReadonlySet<string>): Cue[] {
  const cues = new Map<string, Cue>();
  for (const s of sentences) {
    const words = s.words ?? matchWords(s.tokens.map((t) => t.text));
    const matches = matchPhrases(cal, words, docWords);
    if (!matches.length) continue; // most sentences name nothing of the calendar
    const v = { w: words, t: s.tokens.map((t) => t.text) };
    const sentenceWords = wordsIn(cal, words);
    for (const m of matches) {
      const past = sentenceIsPast(words, m.from, m.to);
      const future = directionAround(v, m.from, m.to, W) === 'future' || AHEAD.has(words[m.from - 1]) || AHEAD.has(words[m.from + 1]);
      const ctx: PhraseContext = { words, from: m.from, to: m.to, past, future, hasDate: s.hasDate, cal, roleNouns };
      // "if elected" speaks of the candidate its sentence names: that election, not any in the report
      const refs = m.refs.filter((r) => !(r.entry.kind === 'election' && r.relation === 'before') || groupsMet(r.entry.context, sentenceWords));
      const readings = refs.map((r) => read(r, ctx)).filter((r): r is Reading => r !== null);
      const span = { start: s.tokens[m.from].start, end: s.tokens[m.to - 1].end };
      const phrase = text.slice(span.start, span.end);
      // one cue per way of reading the phrase, allowing the union of its entries' dates
      const byRule = new Map<string, Reading[]>();
      for (const r of readings) byRule.set(r.rule, [...(byRule.get(r.rule) ?? []), r]);
      for (const [rule, list] of byRule) {
        const ranges = list.flatMap((r) => r.ranges);
        const key = `${rule} ${JSON.stringify(ranges)}`;
        const seen = cues.get(key);
        if (seen) {
          seen.spans.push(span);
          continue;
        }
        // of several entries ("President Trump": two terms), name the one nearest the month judged
        const quote = (k: number): string => `'${phrase}', ${nearestReading(list, dayNumber({ y: Math.floor(k / 12), m: (k % 12) + 1, d: 15 })).gloss},`;
        cues.set(key, { spans: [span], rule, weight: Math.max(...list.map((r) => r.weight)), ranges, quote: list.length === 1 ? quote(0) : quote });
      }
    }
  }
  return [...cues.values()];
}

function nearestReading(list: readonly Reading[], day: number): Reading {
  const dist = (r: Reading): number => Math.min(...r.ranges.map(([a, b]) => (day < a ? a - day : day > b ? day - b : 0)));
  return [...list].sort((x, y) => dist(x) - dist(y))[0];
}

interface PhraseContext {
  words: readonly string[];
  from: number;
  to: number;
  past: boolean;
  future: boolean;
  hasDate: boolean;
  cal: CompiledCalendar;
  roleNouns: ReadonlySet<string>;
}

function read(ref: PhraseRef, c: PhraseContext): Reading | null {
  const e = ref.entry;
  const [start, end] = entryRange(e);
  const name = `${e.name}, ${e.start}${e.end === null ? ' onwards' : e.end && e.end !== e.start ? ` to ${e.end}` : ''}`;
  if (ref.relation === 'before') {
    if (c.past) return null; // "had promised, if elected, to ..." looks ahead from a past moment, not from the writing
    const ranges: Range[] = [[e.kind === 'election' ? start - CAMPAIGN_DAYS : MIN_DAY, start - 1]];
    return { rule: `calendar:${e.kind}-ahead`, weight: 2, ranges, gloss: `looking ahead to ${name}` };
  }
  if (ref.relation === 'after') {
    // "President-elect Trump": between the election and the inauguration
    const elect = c.words.slice(c.from, c.to).some((w) => w.endsWith('-elect'));
    return { rule: `calendar:${e.kind}-past`, weight: 2, ranges: [[start, elect ? end + TRANSITION_DAYS : MAX_DAY]], gloss: elect ? `between ${name} and the inauguration` : `after ${name}` };
  }
  if (e.kind === 'term') return readTerm(e, c, [start, end], name);
  if (c.future) {
    const ranges: Range[] = [[e.kind === 'election' ? start - CAMPAIGN_DAYS : MIN_DAY, start - 1]];
    return { rule: `calendar:${e.kind}-ahead`, weight: 2, ranges, gloss: `still to come (${name})` };
  }
  return { rule: `calendar:${e.kind}-past`, weight: 2, ranges: [[start, MAX_DAY]], gloss: `already past (${name})` };
}

function readTerm(e: CalendarEntry, c: PhraseContext, [start, end]: Range, name: string): Reading | null {
  const mod = modifierBefore(c.words, c.from);
  if (mod === 'then') return null;
  // "a former Clinton administration adviser": the adviser is former, the administration may not be
  if (mod === 'former' && attributive(c)) return null;
  if (mod === 'former') {
    const ranges = formerRanges(c.cal.terms.get(e.holder ?? '') ?? [e]);
    return ranges.length ? { rule: 'calendar:term-former', weight: 2, ranges, gloss: `spoken of as former (${e.holder ?? e.name})` } : null;
  }
  if (mod === 'incoming') return { rule: 'calendar:term-incoming', weight: 2, ranges: [[start - TRANSITION_DAYS, start - 1]], gloss: `spoken of as incoming (${name})` };
  const title = TITLE_WORDS.has(c.words[c.from]) || TITLE_WORDS.has(c.words[c.from - 1]);
  // "under the Biden administration, aid has risen" may look back on a finished term: only a hint
  if (!c.past && c.words[c.from - 1] !== 'under') return { rule: 'calendar:term-current', weight: 2, ranges: [[start, end]], gloss: `spoken of as current (${name})` };
  if (!c.past) return { rule: 'calendar:term-current', weight: 1, ranges: [[start, end]], gloss: `spoken of as current (${name})` };
  // a past sentence: "the Biden administration had placed" need not be current; a title ("President Biden said") usually is
  if (title && !c.hasDate) return { rule: 'calendar:title-current', weight: 1, ranges: [[start, end]], gloss: `a title of ${name}` };
  return { rule: 'calendar:term-begun', weight: 1, ranges: [[start, MAX_DAY]], gloss: `in a past sentence (${name})` };
}

const NOT_NOUNS = new Set(['said', 'says', 'is', 'was', 'has', 'had', 'will', 'would', 'and', 'or', 'of', 'in', 'on', 'to', 'for', 'that', 'which', 'who', 'with', 'at', 'by', 'as', 'from', 'than', 'under', 'over']);

/** "a former Clinton administration adviser", "former Clinton administration Cuba adviser": the phrase names the noun after it. */
const attributive = (c: PhraseContext): boolean => {
  const next = c.words[c.to];
  return next !== undefined && (c.roleNouns.has(next.replace(/s$/, '')) || (/^[\p{L}'’]/u.test(next) && !NOT_NOUNS.has(next)));
};

/** Days outside all of a holder's terms, after the first one ended. */
function formerRanges(terms: readonly CalendarEntry[]): Range[] {
  const out: Range[] = [];
  const spans = terms.map(entryRange);
  spans.forEach(([, end], k) => {
    if (end === MAX_DAY) return;
    const next = spans[k + 1];
    out.push([end + 1, next ? next[0] - 1 : MAX_DAY]);
  });
  return out.filter(([a, b]) => a <= b);
}
