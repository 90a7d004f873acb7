// A dating cue: words of a report that say something about when it was written, as the set of
// publication days they allow. Most cues allow fixed ranges of days ("the Biden administration"
// as current: 2021-01-20 to 2025-01-20); some depend on the writing month itself ("eight months
// later" counted from "last June" is the present only in a February), and are judged month by month.
import type { Span } from '../../doc.js';
import type { Resolution } from '../times/resolve.js';
import { dayFromNumber, isoDay } from '../times/calendar.js';

/** Inclusive day numbers (days since 1970-01-01); ±Infinity for an open side. */
export type Range = [number, number];

/** Expression `item` resolved with the writing in `month` (with only the earlier expressions its resolution reads). */
export type MonthView = (month: number, item: number) => Resolution;

export interface Cue {
  spans: Span[];
  rule: string;
  /** 2 for a cue that alone can contradict others, 3 for a dated event named by its people and place; 1 for a hint (a date whose tense is unclear). */
  weight: number;
  /** Fixed cues: the days they allow. */
  ranges?: Range[];
  /** Month cues: the days they can hold on at all, so that the search covers them. */
  window?: Range;
  /** Month cues: whether they hold for a report written in month k (year × 12 + month − 1). */
  inMonth?: (k: number, at: MonthView) => boolean;
  /** For a precise date told as past: its first day. News is written soon after the latest such date, so the estimate leans to it. */
  recency?: number;
  /** The recency of a whole year: used only when no precise date gives one. */
  roughRecency?: boolean;
  /** The words and what they are read as: "'Eight months later' (counted from 'last June')". */
  quote: string | ((k: number, at: MonthView) => string);
}

export const MIN_DAY = -Infinity;
export const MAX_DAY = Infinity;

export const monthOfDay = (n: number): number => {
  const d = dayFromNumber(n);
  return d.y * 12 + d.m - 1;
};

export const isoOf = (n: number): string => isoDay(dayFromNumber(n));

export const monthIso = (k: number): string => `${String(Math.floor(k / 12)).padStart(4, '0')}-${String((k % 12) + 1).padStart(2, '0')}`;

/** Does a fixed cue allow day n? */
export const inRanges = (ranges: readonly Range[], n: number): boolean => ranges.some(([a, b]) => n >= a && n <= b);

/** "on or after 2024-06-19", "before 2024-11-05", "between 2021-01-20 and 2025-01-20". */
export function describeRange([a, b]: Range): string {
  if (a === MIN_DAY && b === MAX_DAY) return 'at any time';
  if (a === MIN_DAY) return `on or before ${isoOf(b)}`;
  if (b === MAX_DAY) return `on or after ${isoOf(a)}`;
  if (a === b) return `on ${isoOf(a)}`;
  return `between ${isoOf(a)} and ${isoOf(b)}`;
}

/** The range of a fixed cue nearest to day n, described. */
export function describeNear(ranges: readonly Range[], n: number): string {
  if (!ranges.length) return 'nowhere';
  const dist = ([a, b]: Range): number => (n < a ? a - n : n > b ? n - b : 0);
  const best = [...ranges].sort((x, y) => dist(x) - dist(y))[0];
  return describeRange(best);
}

/** "in 2025-02", "between 2024-07 and 2025-06", "from 2024-07 on". */
export function describeMonths(first: number, last: number, open: { before: boolean; after: boolean }): string {
  if (open.before && open.after) return 'at any time';
  if (open.after) return `in ${monthIso(first)} or later`;
  if (open.before) return `in ${monthIso(last)} or earlier`;
  return first === last ? `in ${monthIso(first)}` : `between ${monthIso(first)} and ${monthIso(last)}`;
}

export const quoteOf = (cue: Cue, k: number, at: MonthView): string => (typeof cue.quote === 'string' ? cue.quote : cue.quote(k, at));
