// Dates a reader can check by counting: "six days later, on March 12" when six days after the day
// before is March 14; "on Friday, March 12, 2024", a Tuesday; "stayed for two days, from
// December 6 to December 9". Each names both sides in one clause, so no reading of the rest of
// the report is needed.
import type { Inconsistency } from '../../doc.js';
import { dayFromNumber, weekday } from '../times/calendar.js';
import { readableDuration, spanOf, type SentenceView, type TimeInSentence } from './text-view.js';

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const DAY_NAMES = WEEKDAYS.map((w) => w[0].toUpperCase() + w.slice(1));

const isDay = (t: TimeInSentence): boolean => !!t.days && t.days[0] === t.days[1];
const inconsistency = (spans: Inconsistency['spans'], reason: string, rule: string): Inconsistency => ({ kind: 'timeline', spans, reason, stage: 'consistency', rule });

/**
 * Does the day (or month) a count reaches fit the date beside it? Of one size, they must be the
 * same; otherwise the finer must fall within the coarser ("a month later, on October 20"). A count
 * in weeks ("two weeks later", resolved to its calendar week) is taken to 3 days either side, as
 * a writer rounds a fortnight; the date must still lie near it ("two weeks later, on October 2"
 * after September 3 does not).
 */
function agrees(count: [number, number], date: [number, number]): boolean {
  if (count[1] - count[0] === date[1] - date[0]) return count[0] === date[0];
  const slack = count[1] - count[0] === 6 ? 3 : 0;
  return date[0] <= count[1] + slack && count[0] - slack <= date[1];
}

/** "six days later, on March 12": a count and the day it names side by side that disagree. */
function appositiveDates(s: SentenceView, text: string): Inconsistency[] {
  const out: Inconsistency[] = [];
  s.times.forEach((t, k) => {
    const next = s.times[k + 1];
    if (!next || !/^shift:(later|earlier|after|before|ago)$/.test(t.time.rule) || !t.days || !next.days) return;
    // only a comma, a bracket or "on"/"in" between: the second restates the first
    const between = s.words.slice(t.to, next.from);
    if (between.length > 2 || between.some((w) => !/^(,|\(|on|in|—|–)$/.test(w))) return;
    if (agrees(t.days, next.days)) return;
    const span = spanOf(s, t.from, next.to);
    out.push(inconsistency([{ start: t.time.start, end: t.time.end }, { start: next.time.start, end: next.time.end }], `'${text.slice(t.time.start, t.time.end)}' counts to ${t.time.value}, but the same clause dates it ${next.time.value} ('${text.slice(span.start, span.end)}').`, 'count-and-date-disagree'));
  });
  return out;
}

/** "on Friday, March 12, 2024" when March 12, 2024 is a Tuesday. */
function weekdayDates(s: SentenceView, text: string): Inconsistency[] {
  const out: Inconsistency[] = [];
  for (const t of s.times) {
    if (!t.time.rule.startsWith('date:weekday-') || !isDay(t)) continue;
    const named = WEEKDAYS.indexOf(s.words.slice(t.from, t.to).find((w) => WEEKDAYS.includes(w)) ?? '');
    if (named < 0) continue;
    const actual = weekday(dayFromNumber(t.days![0])) - 1;
    if (actual === named) continue;
    out.push(inconsistency([{ start: t.time.start, end: t.time.end }], `'${text.slice(t.time.start, t.time.end)}' names a ${DAY_NAMES[named]}, but ${t.time.value} is a ${DAY_NAMES[actual]}.`, 'weekday-and-date-disagree'));
  }
  return out;
}

/** "stayed for two days, from December 6 to December 9": a length and the two ends it spans. */
function rangeLengths(s: SentenceView, text: string): Inconsistency[] {
  const out: Inconsistency[] = [];
  s.times.forEach((d, k) => {
    if (d.lengthDays === null || d.time.mod || !d.time.value || !/D$|W$/.test(d.time.value)) return;
    const [a, b] = [s.times[k + 1], s.times[k + 2]];
    if (!a || !b || !isDay(a) || !isDay(b)) return;
    const opener = s.words[a.from - 1];
    const joiner = s.words.slice(a.to, b.from);
    const range = (opener === 'from' && joiner.length === 1 && /^(to|until|till|through)$/.test(joiner[0])) || (opener === 'between' && joiner.length === 1 && joiner[0] === 'and');
    if (!range || a.from - d.to > 3) return;
    const span = b.days![0] - a.days![0];
    // counted either way: nights between (6 to 9 = 3) or days inclusive (6 to 9 = 4)
    if (span === d.lengthDays || span + 1 === d.lengthDays) return;
    out.push(inconsistency([{ start: d.time.start, end: d.time.end }, spanOf(s, a.from - 1, b.to)], `'${text.slice(d.time.start, d.time.end)}' (${readableDuration(d.time.value)}) does not fit '${text.slice(s.spans[a.from - 1].start, b.time.end)}', which spans ${span} days.`, 'length-and-range-disagree'));
  });
  return out;
}

export function dateArithmetic(views: readonly SentenceView[], text: string): Inconsistency[] {
  const out: Inconsistency[] = [];
  for (const s of views) {
    if (!s.times.length) continue; // every check reads the sentence's times; most sentences have none
    out.push(...appositiveDates(s, text), ...weekdayDates(s, text), ...rangeLengths(s, text));
  }
  return out;
}
