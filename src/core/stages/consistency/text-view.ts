// What the consistency checks read of a document, built once: each sentence's tokens and words,
// the times inside it (with the days their values cover), and the vessels it names.
import type { AnnotatedDoc, Span, TimeExpr } from '../../doc.js';
import { addDays, dayNumber, firstDay, lastDay, weekMonday, type Day, type Point } from '../times/calendar.js';
import { straightWordsOf } from '../segment/lower.js';
import { nullProto } from '../../null-proto.js';
import { lowerBound } from '../../search.js';

export interface TimeInSentence {
  time: TimeExpr;
  /** Token range [from, to) of the time in its sentence. */
  from: number;
  to: number;
  /** The days its value covers (day numbers, inclusive); null for durations and unresolved times. */
  days: [number, number] | null;
  /** A week counts as the month of its Thursday, as ISO weeks do: week 44 of 2022 is November's. */
  month: number | null;
  /** For durations: the length in days, when the value says it exactly. */
  lengthDays: number | null;
}

export interface SentenceView {
  index: number;
  spans: Span[];
  /** Lowercase words, curly apostrophes straightened. */
  words: string[];
  /** Words as written. */
  raw: string[];
  times: TimeInSentence[];
  /** Actor ids of the vessels named in the sentence. */
  vessels: Set<string>;
}

/** A TIMEX3 date value as a calendar point ("2022-W44", "2024-SU", "2023-Q3"); null for others. */
export function pointOfValue(value: string): Point | null {
  let m = /^(\d{4})$/.exec(value);
  if (m) return { g: 'year', y: +m[1] };
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) return { g: 'month', y: +m[1], m: +m[2] };
  m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m) return { g: 'day', y: +m[1], m: +m[2], d: +m[3] };
  m = /^(\d{4})-W(\d{2})$/.exec(value);
  if (m) return { g: 'week', y: +m[1], w: +m[2] };
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) return { g: 'quarter', y: +m[1], q: +m[2] };
  m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value);
  if (m) return { g: 'season', y: +m[1], s: m[2] as 'SP' | 'SU' | 'FA' | 'WI' };
  m = /^(\d{4})-H([12])$/.exec(value);
  if (m) return { g: 'half', y: +m[1], h: +m[2] };
  return null;
}

const DAYS_PER: Record<string, number> = nullProto({ D: 1, W: 7, M: 30, Y: 365 });

/** "P3D" → 3, "P1W" → 7; null for unknown amounts ("PXD") and clock durations. */
export function durationDays(value: string): number | null {
  const m = /^P(\d+(?:\.\d+)?)([DWMY])$/.exec(value);
  return m ? Number(m[1]) * DAYS_PER[m[2]] : null;
}

const monthOf = (d: Day): number => d.y * 12 + d.m - 1;

function describeTime(t: TimeExpr): Pick<TimeInSentence, 'days' | 'month' | 'lengthDays'> {
  if (t.type === 'DURATION') return { days: null, month: null, lengthDays: t.value ? durationDays(t.value) : null };
  const p = t.value ? pointOfValue(t.value) : null;
  if (!p) return { days: null, month: null, lengthDays: null };
  const first = firstDay(p);
  const month = p.g === 'week' ? monthOf(addDays(weekMonday(p.y, p.w), 3)) : p.g === 'day' || p.g === 'month' ? monthOf(first) : null;
  return { days: [dayNumber(first), dayNumber(lastDay(p))], month, lengthDays: null };
}

export function sentenceViews(doc: AnnotatedDoc): SentenceView[] {
  const segs = doc.layers.segments;
  if (!segs) return [];
  const times = doc.layers.times?.times ?? [];
  const vessels = (doc.layers.actors?.actors ?? []).filter((a) => a.type === 'vessel');
  // Vessel mentions by start, so each sentence finds its own by halving, not by scanning them all.
  const vesselMentions = vessels.flatMap((a, k) => a.mentions.map((m) => ({ start: m.start, end: m.end, k }))).sort((x, y) => x.start - y.start);
  const vesselsIn = (s: { start: number; end: number }): Set<string> => {
    const ks = new Set<number>();
    for (let i = lowerBound(vesselMentions, s.start, (m) => m.start); i < vesselMentions.length && vesselMentions[i].start <= s.end; i++) if (vesselMentions[i].end <= s.end) ks.add(vesselMentions[i].k);
    return ks.size ? new Set([...ks].sort((x, y) => x - y).map((k) => vessels[k].id)) : new Set<string>();
  };
  let t = 0;
  const straight = straightWordsOf(segs.tokens);
  return segs.sentences.map((s, index) => {
    const toks = segs.tokens.slice(s.tokenStart, s.tokenEnd);
    const view: SentenceView = {
      index,
      spans: toks, // tokens are spans; only their offsets are read
      words: straight.slice(s.tokenStart, s.tokenEnd),
      raw: toks.map((k) => k.text),
      times: [],
      vessels: vesselsIn(s),
    };
    while (t < times.length && times[t].start < s.end) {
      const time = times[t++];
      const from = toks.findIndex((k) => k.start >= time.start);
      const to = toks.findIndex((k) => k.end > time.end);
      if (from < 0) continue;
      view.times.push({ time, from, to: to < 0 ? toks.length : to, ...describeTime(time) });
    }
    return view;
  });
}

const names = new WeakMap<object, ReadonlySet<string>>();

/**
 * Every key a lookup in a record can find, inherited ones included ("constructor"): a word outside
 * this set reads undefined, so a Set test can skip the property lookup for most words.
 */
export function lookupNames(record: object): ReadonlySet<string> {
  let set = names.get(record);
  if (!set) {
    const all = new Set<string>();
    for (let o: object | null = record; o; o = Object.getPrototypeOf(o) as object | null) for (const k of Object.getOwnPropertyNames(o)) all.add(k);
    names.set(record, (set = all));
  }
  return set;
}

/** Is token i of the sentence inside one of its times? */
export const inTime = (s: SentenceView, i: number): boolean => s.times.some((t) => i >= t.from && i < t.to);

const CLAUSE_BREAKS = new Set([',', ';', ':', '.', '—', '–', 'and', 'but', 'while', 'whereas', '(', ')']);

/** The clause around token i: from after the previous break to before the next one. */
export function clauseAround(s: SentenceView, i: number): [number, number] {
  let a = i;
  while (a > 0 && !CLAUSE_BREAKS.has(s.words[a - 1])) a--;
  let b = i + 1;
  while (b < s.words.length && !CLAUSE_BREAKS.has(s.words[b])) b++;
  return [a, b];
}

/** Does the clause [a, b) hold one of the words, outside times ("last month" does not count as "last")? */
export function clauseHas(s: SentenceView, [a, b]: [number, number], words: ReadonlySet<string>): boolean {
  for (let i = a; i < b; i++) if (words.has(s.words[i]) && !inTime(s, i)) return true;
  return false;
}

export const spanOf = (s: SentenceView, from: number, to: number): Span => ({ start: s.spans[from].start, end: s.spans[to - 1].end });

const UNIT_NAMES: Record<string, string> = nullProto({ D: 'day', W: 'week', M: 'month', Y: 'year' });

/** "P3D" → "3 days", "P1W" → "a week": a length as a reader would say it. */
export function readableDuration(value: string): string {
  const m = /^P(\d+)([DWMY])$/.exec(value);
  if (!m) return value;
  const n = Number(m[1]);
  return n === 1 ? `a ${UNIT_NAMES[m[2]]}` : `${n} ${UNIT_NAMES[m[2]]}s`;
}
