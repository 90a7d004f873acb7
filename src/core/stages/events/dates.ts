// The dates a sentence offers its events, and how each relates to the words around it: a date
// that modifies a noun ("their 2018 agreement") belongs to that noun; a date after "for" is a
// target ("announced for October"), not a happening; dates joined by "and" ("in May and August")
// date one happening each. Also the clauses that date an event by another one ("hours before the
// two leaders met", "two days after Washington approved").
import type { Segments, TimeExpr } from '../../doc.js';
import { lowerBound } from '../../search.js';
import { addDays, isoDay, parseDay } from '../times/calendar.js';

export interface SentenceTime {
  time: TimeExpr;
  value: string;
  /** Token indexes: first and one past the last. */
  from: number;
  to: number;
  /** "their 2018 agreement", "the October 2018 contract": dates the noun after it, nothing else. */
  modifier: boolean;
  /** "scheduled for October": a date aimed at, not one a thing happened on. */
  target: boolean;
  /** Dates joined by "and"/"or" share a group number ("in May and August"). */
  group: number;
  /** Position in its sentence's list. */
  index: number;
}

const POSSESSORS = new Set(['the', 'their', 'its', 'his', 'her', 'our', 'a', 'an', "'s", '’s']);
const COORDINATION = new Set(['and', 'or', ',', 'in', 'on', 'then']);
export const BOUNDARY = new Set([',', ';', ':', '—', '–', '(', ')', '"', '“', '”']);
const YEAR = /^\d{4}$/;
const APPOSITION = new Set(['at', 'during', 'in', 'on']);
const CLAUSE_WORDS = new Set(['that', 'which', 'who', 'if', 'when', 'while', 'because', 'whether', 'unless', 'but', 'where', 'after', 'before', 'until']);

/** The calendar dates (not durations, not "now") of every sentence, in text order. */
export function sentenceTimes(segs: Segments, times: readonly TimeExpr[], lower: readonly string[]): SentenceTime[][] {
  const out: SentenceTime[][] = segs.sentences.map(() => []);
  let group = 0;
  for (const time of times) {
    if (time.type !== 'DATE' || !time.value || !/^\d{4}/.test(time.value)) continue;
    const from = lowerBound(segs.tokens, time.start, (t) => t.start);
    const to = lowerBound(segs.tokens, time.end, (t) => t.start);
    const token = segs.tokens[from];
    if (!token) continue;
    const s = segs.sentences[token.sentence];
    const before = from > s.tokenStart ? lower[from - 1] : '';
    const after = segs.tokens[to];
    const modifier = !time.signal && POSSESSORS.has(before) && !!after && to < s.tokenEnd && /^\p{Ll}/u.test(after.text);
    const target = before === 'for' || lower[from] === 'for';
    const list = out[token.sentence];
    const prev = list[list.length - 1];
    let joined = !!prev && to > from;
    let conjunction = false;
    for (let k = prev?.to ?? from; joined && k < from; k++) {
      joined = COORDINATION.has(lower[k]);
      conjunction ||= lower[k] === 'and' || lower[k] === 'or';
    }
    joined &&= conjunction;
    if (!joined) group++;
    // "in May and August 2023": the year written once holds for the bare months joined before it.
    const year = joined ? lower.slice(from, to).find((w) => YEAR.test(w)) : undefined;
    for (let j = list.length - 1; year && j >= 0 && list[j].group === group && !lower.slice(list[j].from, list[j].to).some((w) => YEAR.test(w)); j--) {
      if (/^\d{4}-\d{2}$/.test(list[j].value)) list[j].value = year + list[j].value.slice(4);
    }
    list.push({ time, value: time.value, from, to, modifier, target, group, index: list.length });
  }
  return out;
}

/** The values of the dates in `t`'s group ("in May and August" → both), in text order. */
export function groupValues(list: readonly SentenceTime[], t: SentenceTime): string[] {
  let a = t.index;
  let b = t.index + 1;
  while (a > 0 && list[a - 1].group === t.group) a--;
  while (b < list.length && list[b].group === t.group) b++;
  return [...new Set(list.slice(a, b).filter((x) => !x.target).map((x) => x.value))];
}

/** Is the date part of the trigger's own phrase: close, with no clause break between ("the summit in June")? */
export function attached(lower: readonly string[], t: SentenceTime, from: number, to: number): boolean {
  const [a, b] = t.from >= to ? [to, t.from] : [t.to, from];
  if (b - a > 8) return false;
  for (let k = a; k < b; k++) {
    // "in July, at the summit": an apposition that places the same happening.
    if (lower[k] === ',' && k > a - 1 && t.to === a && APPOSITION.has(lower[k + 1])) continue;
    if (BOUNDARY.has(lower[k]) || CLAUSE_WORDS.has(lower[k])) return false;
  }
  return true;
}

/** "this year, in May and August": a date made finer right after it; the finer one dates the happening. */
export function refined(list: readonly SentenceTime[], t: SentenceTime, lower: readonly string[]): SentenceTime {
  const next = list[t.index + 1];
  if (!next || next.from - t.to > 2 || !next.value.startsWith(`${t.value}-`)) return t;
  for (let k = t.to; k < next.from; k++) if (lower[k] !== ',' && lower[k] !== 'in' && lower[k] !== 'on') return t;
  return next;
}

// How many dates on each side of a trigger are looked at: bounded, so a hostile sentence full of
// dates stays linear.
const REACH = 16;

/** The date passing `ok` nearest to tokens [from, to) (ties go to the later one: "signed in 2017"). */
export function nearest(list: readonly SentenceTime[], from: number, to: number, ok: (t: SentenceTime) => boolean): SentenceTime | undefined {
  const i = lowerBound(list, from, (t) => t.from);
  let best: SentenceTime | undefined;
  let bestGap = Infinity;
  for (let k = Math.max(0, i - REACH); k < Math.min(list.length, i + REACH); k++) {
    const t = list[k];
    if (!ok(t)) continue;
    const gap = t.from >= to ? t.from - to : Math.max(0, from - t.to);
    if (gap <= bestGap) {
      best = t;
      bestGap = gap;
    }
  }
  return best;
}

export interface TemporalClause {
  /** Token index of "after"/"before"/"since"/"until", and one past the clause's last token. */
  from: number;
  to: number;
  word: string;
  /** "two days after": how far the clause's happening lies from the main one; 0 for "hours before". */
  days: number | null;
}

const TEMPORAL = new Set(['after', 'before', 'since', 'until', 'till']);
const SAME_DAY = new Set(['hours', 'minutes', 'moments', 'shortly', 'hour']);

/**
 * The clauses of sentence tokens [start, end) that date by another happening: "after X", "two days
 * before Y". `inTime` tells the tokens inside a time expression ("since May" is a date, not a clause);
 * `durationEndingAt` maps a token index to the value of the duration ending there ("two days" → P2D).
 */
export function temporalClauses(lower: readonly string[], start: number, end: number, inTime: (k: number) => boolean, durationEndingAt: ReadonlyMap<number, string>): TemporalClause[] {
  const out: TemporalClause[] = [];
  for (let k = start; k < end; k++) {
    if (!TEMPORAL.has(lower[k]) || inTime(k)) continue;
    let to = k + 1;
    while (to < end && !BOUNDARY.has(lower[to])) to++;
    let days: number | null = null;
    if (k > start && SAME_DAY.has(lower[k - 1])) days = 0;
    const m = /^P(\d+)([DW])$/.exec(durationEndingAt.get(k) ?? '');
    if (m) days = +m[1] * (m[2] === 'W' ? 7 : 1);
    out.push({ from: k, to, word: lower[k], days });
    k = to - 1;
  }
  return out;
}

/** A day moved by `days` ("2023-08-20" less 2 → "2023-08-18"); null for a value coarser than a day. */
export function shiftDay(value: string, days: number): string | null {
  const d = parseDay(value);
  return d && /^\d{4}-\d{2}-\d{2}$/.test(value) ? isoDay(addDays(d, days)) : null;
}
