// Cues from the report's own time expressions. A calendar date told in the past puts the writing
// on or after it; one still to come puts it on or before it. A chain counted from a relative time
// ("last June ... eight months later") says nothing alone, but "eight months later, X has evolved"
// makes that later point the report's present, which only some writing months allow. Relative
// times counted from the writing date itself ("last week") allow every date and give no cue.
import type { Resolution } from '../times/resolve.js';
import type { Recognized } from '../times/index.js';
import { addDays, addMonths, dayNumber, firstDay, lastDay, seasonOfMonth, type Day, type Point } from '../times/calendar.js';
import { MAX_DAY, MIN_DAY, type Cue, type MonthView, type Range } from './cue.js';
import { presentAfter, presentBefore, sentenceIsPast, sentenceLooksAhead } from './tense.js';
import type { CompiledTimeWords } from '../times/words.js';
import { entryRange, groupsMet, matchWordsOnce, wordsIn, type CompiledCalendar } from './calendar-index.js';
import { nullProto } from '../../null-proto.js';

/** How far past "eight months later" the writing may be and still call it the present. */
const SLACK_DAYS: Record<string, number> = nullProto({ D: 2, W: 7, M: 31, Q: 31, Y: 92 });

/** Words before a year that make it a date ("in 1990"), and words after it that leave it one ("1990 and 1991"). */
const YEAR_PREPOSITIONS = new Set(['in', 'since', 'during', 'by', 'from', 'until', 'till', 'of', 'before', 'after', 'through', 'throughout']);
const FUNCTION_WORDS = new Set(['and', 'or', 'but', 'to', 'through', 'until', 'when', 'as', 'after', 'before', 'was', 'were', 'is', 'are', 'had', 'has', 'have', 'the', 'a', 'an', 'that', 'which', 'with', 'for', 'in', 'on', 'at', 'by', 'of', 'from', 'he', 'she', 'it', 'they', 'we']);

/** Words before a date that look forward from it ("redeemable after the end of 1994") or end a range ("January 23 - March 9"). */
const FORWARD = new Set(['after', 'from', 'beginning', 'starting', 'by', 'until', 'till', 'through', 'before', 'to', '-', '–']);

const monthOf = (d: Day): number => d.y * 12 + d.m - 1;
const span = (it: Recognized) => ({ start: it.start, end: it.end });

export interface TimeCueInput {
  text: string;
  items: readonly Recognized[];
  /** The items resolved against two writing dates far apart: where both agree, the value does not depend on the date. */
  far: readonly [readonly Resolution[], readonly Resolution[]];
  at: MonthView;
  cal: CompiledCalendar;
  docWords: ReadonlySet<string>;
  W: CompiledTimeWords;
}

export function timeCues(input: TimeCueInput): Cue[] {
  const { text, items, far } = input;
  const cues: Cue[] = [];
  const indexAt = new Map(items.map((it, k) => [it.start, k]));
  items.forEach((it, k) => {
    const [r1, r2] = [far[0][k], far[1][k]];
    if (!r1.point || !r1.value || r1.type === 'DURATION' || r1.type === 'SET') {
      const after = sinceEvent(input, it);
      if (after) cues.push(after);
      return;
    }
    const quote = `'${text.slice(it.start, it.end)}'`;
    const shift = it.found.sem.k === 'shift' && it.found.sem.base === 'anchor' ? it.found.sem.unit : null;
    const present = shift !== null && presentAfter(it.v.w, it.to);
    if (r1.value === r2.value) {
      // a sentence that mixes past forms with plans ("followed by eight next year and the last five in 2025") gives only a hint
      const mixed = it.dir === 'past' || it.dir === null ? sentenceLooksAhead(it.v, input.W) || presentBefore(it.v.w, it.from) || FORWARD.has(it.v.w[it.from - 1]) : it.dir === 'future' ? sentenceIsPast(it.v.w) : false;
      const fixed = fixedCue(it, r1.point, quote, present ? shift : null, mixed);
      if (fixed) cues.push(fixed);
      return;
    }
    // counted from something relative to the writing date itself: only a chain ("N later") can tell
    const anchor = r1.anchor?.kind === 'time' ? indexAt.get(r1.anchor.start) : undefined;
    if (anchor !== undefined) {
      const chained = chainCue(input, it, k, anchor, present ? shift : null);
      if (chained) cues.push(chained);
    }
    const identified = identifiedEvent(input, it, k);
    if (identified) cues.push(identified);
  });
  return cues;
}

/** A date whose value does not depend on the writing date ("May 2022", "six days later" after "March 8, 2023"). */
function fixedCue(it: Recognized, p: Point, quote: string, presentUnit: string | null, mixed: boolean): Cue | null {
  if (p.g === 'decade' || p.g === 'century') return null;
  // a year naming a thing ("1990 earnings", "fiscal 1990") is what a forecast is about, not a date told
  if (p.g === 'year' && (/^year:fiscal/.test(it.found.rule) || (!YEAR_PREPOSITIONS.has(it.v.w[it.from - 1]) && /^\p{L}+$/u.test(it.v.t[it.to] ?? '') && !FUNCTION_WORDS.has(it.v.w[it.to])))) mixed = true;
  const first = dayNumber(firstDay(p));
  const last = dayNumber(lastDay(p));
  const spans = [span(it)];
  if (presentUnit) return { spans, rule: 'time:narrative-present', weight: 2, ranges: [[first, last + SLACK_DAYS[presentUnit]]], quote: `${quote}, told as the present,` };
  // a year told as past leans the estimate to its middle, a precise date to itself (and wins over a year)
  const recency = p.g === 'day' || p.g === 'month' ? { recency: first } : p.g === 'year' ? { recency: Math.floor((first + last) / 2), roughRecency: true } : {};
  switch (it.dir) {
    case 'past':
      return { spans, rule: 'time:past-date', weight: mixed ? 1 : 2, ranges: [[first, MAX_DAY]], quote: `${quote}, told as past,`, ...recency };
    case 'future':
      return { spans, rule: 'time:future-date', weight: mixed ? 1 : 2, ranges: [[MIN_DAY, last]], quote: `${quote}, still to come,` };
    case null:
      return mixed ? null : { spans, rule: 'time:narrated-date', weight: 1, ranges: [[first, MAX_DAY]], quote, ...recency };
    default:
      return null; // "would", "expected", "until": the tense does not say which side of the date the writing is
  }
}

/** "Eight months later" counted from "last June": its value moves with the writing date. */
function chainCue(input: TimeCueInput, it: Recognized, k: number, anchor: number, presentUnit: string | null): Cue | null {
  const { text, items } = input;
  const a = items[anchor];
  const quote = (m: number, at: MonthView): string => `'${text.slice(it.start, it.end)}' (counted from '${text.slice(a.start, a.end)}', ${at(m, anchor).value ?? 'unresolved'})`;
  const pointAt = (m: number, at: MonthView): Point | undefined => at(m, k).point;
  const spans = [span(it), span(a)];
  if (presentUnit) {
    const slack = Math.round(SLACK_DAYS[presentUnit] / 30);
    return {
      spans,
      rule: 'time:narrative-present',
      weight: 2,
      inMonth: (m, at) => {
        const p = pointAt(m, at);
        return !!p && m >= monthOf(firstDay(p)) && m <= monthOf(lastDay(p)) + slack;
      },
      quote: (m, at) => `${quote(m, at)}, told as the present,`,
    };
  }
  if (it.dir === 'past' || it.dir === null) {
    return { spans, rule: 'time:past-chain', weight: 1, inMonth: (m, at) => { const p = pointAt(m, at); return !!p && m >= monthOf(firstDay(p)); }, quote };
  }
  if (it.dir === 'future') {
    return { spans, rule: 'time:future-chain', weight: 1, inMonth: (m, at) => { const p = pointAt(m, at); return !!p && m <= monthOf(lastDay(p)); }, quote };
  }
  return null;
}

/**
 * "last June" in a sentence naming Putin, Kim and Pyongyang: the calendar's Pyongyang summit of
 * June 2024, so "last June" is June 2024 and the writing between July 2024 and June 2025.
 */
function identifiedEvent(input: TimeCueInput, it: Recognized, k: number): Cue | null {
  const { cal, docWords, text } = input;
  const sem = it.found.sem;
  const month = sem.k === 'month' && sem.d === undefined ? sem.m : null;
  const season = sem.k === 'season' ? sem.s : null;
  if (month === null && season === null) return null;
  const sentence = wordsIn(cal, matchWordsOnce(it.v.t));
  const events = cal.identifiable.filter((e) => {
    if (!groupsMet(e.cooccur, sentence) || !groupsMet(e.context, docWords)) return false;
    const m = Number(e.start.slice(5, 7));
    return month !== null ? m === month : seasonOfMonth(m) === season;
  });
  if (!events.length) return null;
  const ranges = events.map(entryRange);
  const names = events.map((e) => `${e.name}, ${e.start}`).join('; or ');
  const cue: Cue = {
    spans: [span(it)],
    rule: 'calendar:identified-event',
    // the people, the place and the month of a dated event: stronger than a cue that fits any year
    weight: 3,
    window: [Math.min(...ranges.map((r) => r[0])) - 400, Math.max(...ranges.map((r) => r[1])) + 400],
    inMonth: (m, at) => {
      const p = at(m, k).point;
      if (!p) return false;
      const [a, b] = [dayNumber(firstDay(p)), dayNumber(lastDay(p))];
      return ranges.some(([s, e]) => s <= b && e >= a);
    },
    quote: `'${text.slice(it.start, it.end)}' (its sentence names ${names})`,
  };
  return cue;
}

/** "two years after the full-scale invasion, the front is quiet": the present is that long after a known event. */
function sinceEvent(input: TimeCueInput, it: Recognized): Cue | null {
  const { cal, docWords, text } = input;
  if (it.found.sem.k !== 'duration') return null;
  const d = /^P(\d+)([YMWD])$/.exec(it.found.sem.value);
  if (!d) return null;
  const words = matchWordsOnce(it.v.t);
  const link = words[it.to];
  if (link !== 'after' && link !== 'since') return null;
  const m = cal.refs.at(words, it.to + 1, words.length);
  const refs = m?.value.filter((r) => r.entry.kind !== 'term' && groupsMet(r.entry.context, docWords)) ?? [];
  if (!m || refs.length !== 1) return null;
  const e = refs[0].entry;
  const n = Number(d[1]);
  const start = firstDay({ g: 'day', ...dayParts(e.start) });
  const at: Day = d[2] === 'D' ? addDays(start, n) : d[2] === 'W' ? addDays(start, 7 * n) : { ...addMonths(start.y, start.m, d[2] === 'Y' ? 12 * n : n), d: Math.min(start.d, 28) };
  const x = dayNumber(at);
  const present = presentAfter(words, it.to + 1 + m.length) || ['marks', 'mark', 'is', 'are'].includes(words[it.from - 1]);
  const whole = { start: it.start, end: it.toks[it.to + m.length].end };
  const quote = `'${text.slice(whole.start, whole.end)}' (${e.name}, ${e.start})`;
  const ranges: Range[] = present ? [[x, x + SLACK_DAYS[d[2]]]] : [[x, MAX_DAY]];
  return { spans: [whole], rule: present ? 'calendar:since-event-present' : 'calendar:since-event', weight: present ? 2 : 1, ranges, quote: present ? `${quote}, told as the present,` : quote };
}

const dayParts = (iso: string): Day => ({ y: Number(iso.slice(0, 4)), m: Number(iso.slice(5, 7)), d: Number(iso.slice(8, 10)) });
