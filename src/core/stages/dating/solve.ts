// Which writing dates fit the most cues. Every day of a search window gets the total weight of the
// cues that allow it; the earliest stretch of best days with one set of cues is the estimate, and a
// strong cue left out of it, though it fits other days, contradicts the cues that keep those days
// out. Month cues are judged once per month, fixed cues per day: a window of decades costs a few
// hundred month resolutions and some thousand day checks.
import { dayFromNumber, dayNumber, daysInMonth } from '../times/calendar.js';

import { describeMonths, describeNear, inRanges, monthOfDay, quoteOf, type Cue, type MonthView } from './cue.js';

const WINDOW_MARGIN = 730; // days searched beyond the outermost fixed bound
const FIRST_DAY = dayNumber({ y: 1900, m: 1, d: 1 });
const LAST_DAY = dayNumber({ y: 2100, m: 12, d: 31 });

// Loops, not Math.max(...xs): a report with hundreds of thousands of dates would overflow the call stack.
const largest = (xs: readonly number[]): number => xs.reduce((m, x) => (x > m ? x : m), -Infinity);
const smallest = (xs: readonly number[]): number => xs.reduce((m, x) => (x < m ? x : m), Infinity);

interface Run {
  start: number;
  end: number;
  holds: boolean[];
  score: number;
}

export interface Judged {
  cues: readonly Cue[];
  /** Does cue c allow the day (in month k, when the caller knows it)? */
  holds(c: number, day: number, k?: number): boolean;
  /** "'X' ... puts the writing between A and B": where cue c places the writing, as seen from a day. */
  reason(c: number, day: number): string;
}

/** Tables of which cue allows which day in [lo, hi]. */
function judge(cues: readonly Cue[], at: MonthView, lo: number, hi: number): Judged {
  const kLo = monthOfDay(lo);
  const kHi = monthOfDay(hi);
  // month cues are judged lazily: checking a given date needs only its month (and a few others)
  const seen = cues.map(() => new Map<number, boolean>());
  const inMonth = (c: number, k: number): boolean => {
    let v = seen[c].get(k);
    if (v === undefined) seen[c].set(k, (v = cues[c].inMonth!(k, at)));
    return v;
  };
  const row = (c: number): boolean[] | null => (cues[c].inMonth ? Array.from({ length: kHi - kLo + 1 }, (_, i) => inMonth(c, kLo + i)) : null);
  const holds = (c: number, day: number, month?: number): boolean => {
    const ranges = cues[c].ranges;
    if (ranges) return inRanges(ranges, day);
    const k = month ?? monthOfDay(day);
    return k >= kLo && k <= kHi && inMonth(c, k);
  };
  const reason = (c: number, day: number): string => {
    const cue = cues[c];
    const k = Math.min(kHi, Math.max(kLo, monthOfDay(day)));
    const months = row(c);
    const where = cue.ranges ? describeNear(cue.ranges, day) : monthRun(months!, k - kLo, kLo);
    return `${quoteOf(cue, nearestHolding(months, k - kLo) + kLo, at)} puts the writing ${where}`;
  };
  return { cues, holds, reason };
}

/** The index of the month nearest to i where a month cue holds (i itself when it does). */
function nearestHolding(row: boolean[] | null, i: number): number {
  if (!row || row[i]) return i;
  for (let r = 1; r < row.length; r++) {
    if (row[i - r]) return i - r;
    if (row[i + r]) return i + r;
  }
  return i;
}

/** The stretch of months around month i (or the nearest one) where a month cue holds, described. */
function monthRun(row: boolean[], i: number, kLo: number): string {
  const at = nearestHolding(row, i);
  if (!row[at]) return 'in no month';
  let a = at;
  let b = at;
  while (a > 0 && row[a - 1]) a--;
  while (b < row.length - 1 && row[b + 1]) b++;
  return describeMonths(a + kLo, b + kLo, { before: a === 0, after: b === row.length - 1 });
}

/**
 * Days where some cue's answer may change: the window's first day, each day a cue's range starts
 * or ends after, and each first of a month (month cues are judged by the month). Between two
 * cuts every cue answers the same, so the runs are found cut by cut, not day by day.
 */
function cutsOf(cues: readonly Cue[], lo: number, hi: number): number[] {
  const cuts = new Set<number>([lo]);
  const add = (d: number): void => {
    if (d > lo && d <= hi) cuts.add(d);
  };
  for (const cue of cues) {
    for (const [a, b] of cue.ranges ?? []) {
      add(Math.ceil(a));
      add(Math.floor(b) + 1);
    }
  }
  const first = dayFromNumber(lo);
  let { y, m } = first;
  for (let d = lo - first.d + 1; d <= hi; ) {
    add(d);
    d += daysInMonth(y, m);
    if (m < 12) m++;
    else {
      m = 1;
      y++;
    }
  }
  return [...cuts].sort((a, b) => a - b);
}

function runsOf(j: Judged, lo: number, hi: number): Run[] {
  const runs: Run[] = [];
  let cur: Run | null = null;
  const n = j.cues.length;
  // one scratch row for the stretch, copied only when it starts a new run
  const holds: boolean[] = new Array<boolean>(n);
  // a cue without day ranges is judged by the month alone: once per month, not per day
  const byDay = j.cues.map((cue) => cue.ranges !== undefined);
  const monthly: boolean[] = new Array<boolean>(n).fill(false);
  let monthK = -1;
  const cuts = cutsOf(j.cues, lo, hi);
  for (let i = 0; i < cuts.length; i++) {
    const d = cuts[i];
    const last = i + 1 < cuts.length ? cuts[i + 1] - 1 : hi;
    const { y, m } = dayFromNumber(d);
    const k = y * 12 + m - 1;
    if (k !== monthK) {
      monthK = k;
      for (let c = 0; c < n; c++) if (!byDay[c]) monthly[c] = j.holds(c, d, k);
    }
    let same = cur !== null;
    for (let c = 0; c < n; c++) {
      const h = byDay[c] ? j.holds(c, d, k) : monthly[c];
      holds[c] = h;
      if (same && h !== cur!.holds[c]) same = false;
    }
    if (same) cur!.end = last;
    else {
      let score = 0;
      for (let c = 0; c < n; c++) if (holds[c]) score += j.cues[c].weight;
      cur = { start: d, end: last, holds: holds.slice(), score };
      runs.push(cur);
    }
  }
  return runs;
}

export interface Conflict {
  cues: number[];
  against: number[];
  /** A day the conflicting cues allow, and a day of the estimate (or the publication day). */
  cueDay: number;
  againstDay: number | null;
}

export interface Estimate {
  /** Day numbers; null where no cue bounds that side. */
  first: number | null;
  last: number | null;
  value: number | null;
  /** Cues that hold in the estimate and rule some days out. */
  used: number[];
}

export interface Solution {
  judged: Judged | null;
  estimate: Estimate | null;
  conflicts: Conflict[];
}

/** The writing dates the cues allow best, and the strong cues that cannot join them. */
export function estimate(cues: readonly Cue[], at: MonthView): Solution {
  const bounds = cues.flatMap((c) => [...(c.ranges ?? []).flat(), ...(c.window ?? [])]).filter(Number.isFinite);
  if (!bounds.length) return { judged: null, estimate: null, conflicts: [] };
  const lo = Math.max(FIRST_DAY, smallest(bounds) - WINDOW_MARGIN);
  const hi = Math.min(LAST_DAY, largest(bounds) + WINDOW_MARGIN);
  const j = judge(cues, at, lo, hi);
  const runs = runsOf(j, lo, hi);
  const top = largest(runs.map((r) => r.score));
  const best = runs.find((r) => r.score === top)!;
  const everywhere = cues.map((_, c) => runs.every((r) => r.holds[c]));
  const used = cues.map((_, c) => c).filter((c) => best.holds[c] && !everywhere[c]);
  const first = best.start === lo ? null : best.start;
  const last = best.end === hi ? null : best.end;
  const recent = (rough: boolean): number[] => used.filter((c) => !!cues[c].roughRecency === rough).map((c) => cues[c].recency).filter((r): r is number => r !== undefined);
  const precise = recent(false);
  const value = pickValue(first, last, precise.length ? precise : recent(true));
  const conflicts = conflictsWith(j, runs, best, cues);
  return { judged: j, estimate: { first, last, value, used }, conflicts };
}

/**
 * The day to count relative times from: just after the latest precise date told as past, when
 * there is one (news is written soon after what it reports); else the middle of a closed interval,
 * or its lower bound. An interval bounded only above gives no day.
 */
function pickValue(first: number | null, last: number | null, recent: number[]): number | null {
  if (first === null) return null;
  const r = recent.length ? largest(recent) : null;
  if (r !== null) return Math.min(last ?? Infinity, Math.max(first, r));
  return last !== null ? Math.floor((first + last) / 2) : first;
}

/** Strong cues that hold somewhere but not in the chosen run, grouped by the days they prefer. */
function conflictsWith(j: Judged, runs: Run[], best: Run, cues: readonly Cue[]): Conflict[] {
  const byAlt = new Map<Run, Conflict>();
  // The strong cues of the estimate that an alternative run leaves out: the same for every cue
  // preferring that run, so worked out once per run (a report of thousands of cues stays linear).
  const againstOf = new Map<Run, number[]>();
  const strongInBest = cues.map((_, k) => k).filter((k) => cues[k].weight >= 2 && best.holds[k]);
  cues.forEach((cue, c) => {
    if (cue.weight < 2 || best.holds[c]) return;
    const alts = runs.filter((r) => r.holds[c]);
    if (!alts.length) return;
    const top = largest(alts.map((r) => r.score));
    const alt = alts.filter((r) => r.score === top).sort((a, b) => distance(a, best) - distance(b, best))[0];
    let against = againstOf.get(alt);
    if (!against) againstOf.set(alt, (against = strongInBest.filter((k) => !alt.holds[k])));
    if (!against.length) return;
    const seen = byAlt.get(alt);
    if (seen) seen.cues.push(c);
    else byAlt.set(alt, { cues: [c], against, cueDay: middle(alt), againstDay: middle(best) });
  });
  return [...byAlt.values()];
}

const middle = (r: Run): number => (Number.isFinite(r.start) && Number.isFinite(r.end) ? Math.floor((r.start + r.end) / 2) : r.start);
const distance = (a: Run, b: Run): number => (a.end < b.start ? b.start - a.end : a.start > b.end ? a.start - b.end : 0);

/** With a given publication day: the strong cues it breaks, each alone. */
export function check(cues: readonly Cue[], at: MonthView, day: number): Solution {
  const lo = Math.max(FIRST_DAY, day - 5 * 366);
  const hi = Math.min(LAST_DAY, day + 5 * 366);
  const j = judge(cues, at, lo, hi);
  const conflicts: Conflict[] = [];
  cues.forEach((cue, c) => {
    if (cue.weight < 2 || j.holds(c, day)) return;
    // a cue that fits no date near this one is a misreading, not a contradiction
    const somewhere = cue.ranges ? cue.ranges.some(([a, b]) => b >= lo && a <= hi) : Array.from({ length: 121 }, (_, m) => day + (m - 60) * 30).some((d) => j.holds(c, d));
    if (somewhere) conflicts.push({ cues: [c], against: [], cueDay: cue.ranges ? nearestIn(cue.ranges, day) : day, againstDay: day });
  });
  return { judged: j, estimate: null, conflicts };
}

const nearestIn = (ranges: readonly [number, number][], day: number): number => {
  let best = day;
  let dist = Infinity;
  for (const [a, b] of ranges) {
    const d = Number.isFinite(a) ? a : b;
    if (Math.abs(d - day) < dist) [best, dist] = [d, Math.abs(d - day)];
  }
  return best;
};

