// Resolution: a recognized meaning (Sem) placed on the calendar. Deictic expressions count from
// the publication date; anaphoric ones ("that month", "six days later") from the time the
// narrative last mentioned that is fine enough for the unit (a day for "six days later", a month
// for "four months later"); bare months, weekdays and seasons take the direction of their clause.
import type { TimeAnchor, TimeType } from '../../doc.js';
import {
  FINENESS,
  addDays,
  addMonths,
  coarsen,
  dayFromNumber,
  dayNumber,
  firstDay,
  holidayDay,
  formatPoint,
  isValidDay,
  isoWeek,
  quarterOfMonth,
  seasonFromIndex,
  seasonIndex,
  seasonOf,
  shiftPoint,
  weekday,
  type Day,
  type Granularity,
  type Point,
  type Season,
} from './calendar.js';
import type { Rel, Sem, Unit } from './sem.js';
import type { Direction } from './tense.js';

/** A time the narrative has mentioned, which later anaphoric expressions count from. */
export interface Mentioned {
  point: Point;
  start: number;
  end: number;
  value: string;
  /** Counted back from another mention ("a year earlier"): not what "the quarter" refers to. */
  derived?: boolean;
}

/**
 * The times mentioned before an expression, read newest first: resolution only ever asks for the
 * newest mention that passes a test, so a caller may work the mentions out only as far back as asked.
 */
export interface History {
  /**
   * The newest mention that passes `test`; with `endsAfter`, only among mentions ending after that
   * offset (the scan stops at the first that does not: mentions are in text order).
   */
  findBack(test: (h: Mentioned) => boolean, endsAfter?: number): Mentioned | undefined;
}

/** A history over mentions already worked out, oldest first. */
export function historyOf(mentions: readonly Mentioned[]): History {
  return {
    findBack(test, endsAfter = -Infinity) {
      for (let k = mentions.length - 1; k >= 0 && mentions[k].end > endsAfter; k--) if (test(mentions[k])) return mentions[k];
      return undefined;
    },
  };
}

const anyMention = (): boolean => true;

export interface ResolveContext {
  /** The publication date (or another reference date), null when unknown. */
  ref: Day | null;
  dir: Direction;
  /** Times mentioned so far. */
  history: History;
  /** Where the expression starts in the text. */
  at: number;
}

export interface Resolution {
  type: TimeType;
  value: string | null;
  point?: Point;
  anchor?: TimeAnchor;
  derived?: boolean;
}

const UNIT_NEEDS: Record<Unit | 'WE' | 'DE', Granularity> = { D: 'day', W: 'week', WE: 'week', M: 'month', Q: 'quarter', Y: 'year', DE: 'decade' };

/** The latest mentioned time at least as fine as `g`. */
function anchorFor(history: History, g: Granularity, skipDerived = false): Mentioned | undefined {
  const fine = FINENESS[g];
  return history.findBack((h) => !(skipDerived && h.derived) && FINENESS[h.point.g] >= fine && h.point.g !== 'decade' && h.point.g !== 'century');
}

interface Base {
  point: Point;
  anchor: TimeAnchor;
}

function base(ctx: ResolveContext, kind: 'ref' | 'anchor', g: Granularity, skipDerived = false): Base | null {
  if (kind === 'anchor') {
    const a = anchorFor(ctx.history, g, skipDerived);
    if (a) return { point: a.point, anchor: { kind: 'time', start: a.start, end: a.end, value: a.value } };
  }
  return refBase(ctx);
}

function refBase(ctx: ResolveContext): Base | null {
  if (!ctx.ref) return null;
  const point: Point = { g: 'day', ...ctx.ref };
  return { point, anchor: { kind: 'published', value: formatPoint(point) } };
}

const date = (point: Point, anchor?: TimeAnchor): Resolution => ({ type: 'DATE', value: formatPoint(point), point, anchor });
const unresolved = (type: TimeType = 'DATE'): Resolution => ({ type, value: null });

export function resolve(sem: Sem, ctx: ResolveContext): Resolution {
  switch (sem.k) {
    case 'abs':
      return date(sem.point);
    case 'duration':
      return { type: 'DURATION', value: sem.value };
    case 'set':
      return { type: 'SET', value: sem.value };
    case 'ref':
      return { type: 'DATE', value: sem.value };
    case 'month':
      return month(sem.m, sem.d, sem.rel, sem.yearShift, ctx);
    case 'weekday':
      return weekdayOf(sem.wd, sem.rel, ctx);
    case 'holiday':
      return holidayFor(sem.rule, sem.rel, ctx);
    case 'season':
      return seasonFor(sem.s, sem.rel, sem.y, ctx);
    case 'quarter':
      return quarterFor(sem.q, sem.rel, sem.y, sem.yearShift, ctx);
    case 'half': {
      if (sem.y !== undefined) return date({ g: 'half', y: sem.y, h: sem.h });
      const b = refBase(ctx);
      if (!b) return unresolved();
      return date({ g: 'half', y: firstDay(b.point).y + (sem.yearShift ?? 0), h: sem.h }, b.anchor);
    }
    case 'deictic':
      return deictic(sem.unit, sem.offset, sem.base, sem.edge, ctx);
    case 'shift': {
      // counted from what the narrative states, not from another count ("a year earlier" twice is not two years)
      const b = quarterInFocus(ctx, sem) ?? base(ctx, sem.base, UNIT_NEEDS[sem.unit], true);
      if (!b) return unresolved();
      const g = ({ D: 'day', W: 'week', M: 'month', Q: 'quarter', Y: 'year' } as const)[sem.unit];
      const moved = shiftPoint(b.point, sem.unit, sem.n);
      // a year before a quarter is that quarter a year earlier ("the third quarter ... a year earlier")
      const point = moved.g === 'quarter' && sem.unit === 'Y' ? moved : coarsen(moved, g);
      return { ...date(point, b.anchor), derived: true };
    }
    case 'dayFrom': {
      const day = resolve(sem.day, ctx);
      if (!day.point || day.point.g !== 'day') return unresolved();
      return date({ g: 'day', ...addDays(day.point, sem.n) }, day.anchor);
    }
    case 'weekOf': {
      const day = resolve(sem.day, ctx);
      if (!day.point || day.point.g !== 'day') return unresolved();
      return date({ g: 'week', ...isoWeek(day.point) }, day.anchor);
    }
    case 'time': {
      const day = resolve(sem.day, ctx);
      const t = sem.t.startsWith('T') ? sem.t : `T${sem.t}`;
      if (!day.value || !day.point || day.point.g !== 'day') return { type: 'TIME', value: null };
      return { type: 'TIME', value: `${day.value}${t}`, point: day.point, anchor: day.anchor };
    }
  }
}

/** The quarter a results report is comparing: "third-quarter profit fell from $2 a share a year ago". */
const FOCUS_CHARS = 300;
function quarterInFocus(ctx: ResolveContext, sem: { unit: Unit; n: number; base: 'ref' | 'anchor' }): Base | null {
  if (sem.base !== 'ref' || sem.unit !== 'Y' || Math.abs(sem.n) !== 1) return null;
  const h = ctx.history.findBack(anyMention, ctx.at - FOCUS_CHARS - 1);
  if (!h || h.point.g !== 'quarter' || h.derived) return null;
  return { point: h.point, anchor: { kind: 'time', start: h.start, end: h.end, value: h.value } };
}

const SAME_MONTH_CHARS = 400;

function month(m: number, d: number | undefined, rel: Rel, yearShift: number | undefined, ctx: ResolveContext): Resolution {
  const make = (y: number, anchor: TimeAnchor): Resolution => {
    if (d === undefined) return date({ g: 'month', y, m }, anchor);
    const day = { y, m, d };
    return isValidDay(day) ? date({ g: 'day', ...day }, anchor) : unresolved();
  };
  if (rel === 'prev' || rel === 'following' || rel === 'same') {
    const b = base(ctx, 'anchor', 'year');
    if (!b) return unresolved();
    const a = firstDay(b.point);
    const y = rel === 'same' ? a.y : rel === 'following' ? (m > a.m ? a.y : a.y + 1) : m < a.m ? a.y : a.y - 1;
    return make(y, b.anchor);
  }
  // "In December 2022 the vessel ... from December 6 to December 9": the month the narrative is in
  const last = rel === 'bare' && yearShift === undefined ? ctx.history.findBack(anyMention, ctx.at - SAME_MONTH_CHARS) : undefined;
  if (last && (last.point.g === 'month' || last.point.g === 'day') && last.point.m === m) {
    return make(last.point.y, { kind: 'time', start: last.start, end: last.end, value: last.value });
  }
  const b = refBase(ctx);
  if (!b || !ctx.ref) return unresolved();
  const r = ctx.ref;
  if (yearShift !== undefined) return make(r.y + yearShift, b.anchor);
  switch (rel) {
    case 'last':
      return make(m < r.m ? r.y : r.y - 1, b.anchor);
    case 'next':
      return make(m > r.m ? r.y : r.y + 1, b.anchor);
    case 'this':
      return make(r.y, b.anchor);
    default:
      return make(placeInYear(m, r.m, r.y, ctx.dir), b.anchor);
  }
}

/**
 * The year of a month (or quarter) that names no year: the past one when the clause is past, the
 * coming one when it looks ahead; with no tense to go by, the nearer one, and the past one on a tie.
 */
function placeInYear(k: number, current: number, y: number, dir: Direction, period = 12): number {
  if (k === current) return y;
  if (dir === null || dir === 'weak-past') {
    const ahead = (k - current + period) % period;
    const back = (current - k + period) % period;
    const future = ahead <= NEAR_AHEAD * (period / 12) && ahead < back;
    return k < current ? (future ? y + 1 : y) : future ? y : y - 1;
  }
  // a plan or a payment date ("payable Jan. 2", said in October) reaches into next year, but not far
  if (k < current) return dir === 'future' || (dir === 'weak-future' && (k - current + period) % period <= PLAN_AHEAD * (period / 12)) ? y + 1 : y;
  return dir === 'future' || dir === 'weak-future' ? y : y - 1;
}

/** How many months ahead a month in a clause that plans or expects ("payable", "would") may lie. */
const PLAN_AHEAD = 4;

/** How many months ahead a month with no tense around it may be read as coming rather than past. */
const NEAR_AHEAD = 2;

function weekdayOf(wd: number, rel: Rel, ctx: ResolveContext): Resolution {
  let b: Base | null;
  if (rel === 'prev' || rel === 'following' || rel === 'same') b = base(ctx, 'anchor', 'day');
  else b = refBase(ctx);
  if (!b) return unresolved();
  const day = firstDay(b.point);
  const today = weekday(day);
  let delta: number;
  const back = -((today - wd + 7) % 7); // on or before
  const ahead = (wd - today + 7) % 7; // on or after
  switch (rel) {
    case 'last':
    case 'prev':
      delta = back === 0 ? -7 : back;
      break;
    case 'next':
    case 'following':
      delta = ahead === 0 ? 7 : ahead;
      break;
    case 'this':
    case 'same':
      delta = wd - today;
      break;
    default:
      // "will" turns a weekday forward; a plan or a hope ("planned to leave on Thursday") takes the
      // nearer one, ahead on a tie: plans reported in news are for days close by, either way
      if (ctx.dir === 'future') delta = ahead;
      else if (ctx.dir === 'weak-future') delta = ahead <= -back ? ahead : back;
      else delta = back;
  }
  return date({ g: 'day', ...addDays(day, delta) }, b.anchor);
}

/** The holiday's day nearest the publication date in the direction the words give; with none, the past one unless it is close ahead. */
function holidayFor(rule: string, rel: Rel, ctx: ResolveContext): Resolution {
  const b = refBase(ctx);
  if (!b || !ctx.ref) return unresolved();
  const ref = dayNumber(ctx.ref);
  const at = (y: number): number | null => {
    const d = holidayDay(rule, y);
    return d ? dayNumber(d) : null;
  };
  const y = ctx.ref.y;
  const thisYear = at(y);
  if (thisYear === null) return unresolved();
  // "Easter week": the ISO week holding the day, the current one when the report is written in it
  const week = rule.endsWith('W');
  const asPoint = (n: number): Point => (week ? { g: 'week', ...isoWeek(dayFromNumber(n)) } : { g: 'day', ...dayFromNumber(n) });
  if (week && Math.abs(thisYear - ref) <= 6 && formatPoint(asPoint(thisYear)) === formatPoint(asPoint(ref))) return date(asPoint(thisYear), b.anchor);
  const before = thisYear <= ref ? thisYear : at(y - 1);
  const after = thisYear >= ref ? thisYear : at(y + 1);
  let pick: number | null;
  if (rel === 'this') pick = thisYear;
  else if (rel === 'last') pick = thisYear < ref ? thisYear : at(y - 1);
  else if (rel === 'next') pick = thisYear > ref ? thisYear : at(y + 1);
  else if (ctx.dir === 'future' || ctx.dir === 'weak-future') pick = after;
  else if (ctx.dir === 'past') pick = before;
  else pick = after !== null && after - ref <= NEAR_AHEAD * 30 && (before === null || after - ref < ref - before) ? after : before;
  return pick === null ? unresolved() : date(asPoint(pick), b.anchor);
}

function seasonFor(s: Season, rel: Rel, y: number | undefined, ctx: ResolveContext): Resolution {
  if (y !== undefined) return date({ g: 'season', y, s });
  const anchored = rel === 'prev' || rel === 'following' || rel === 'same';
  const b = anchored ? base(ctx, 'anchor', 'year') : refBase(ctx);
  if (!b) return unresolved();
  const d = firstDay(b.point);
  if (rel === 'same') {
    // "that summer": the season of the year the narrative is in
    const year = b.point.g === 'season' ? b.point.y : d.y;
    return date({ g: 'season', y: year, s }, b.anchor);
  }
  const here = seasonOf(d.y, d.m);
  const now = seasonIndex(here.y, here.s);
  const find = (from: number, step: number): Point => {
    for (let k = from; ; k += step) {
      const c = seasonFromIndex(k);
      if (c.s === s) return { g: 'season', y: c.y, s };
    }
  };
  switch (rel) {
    case 'last':
    case 'prev':
      return date(find(now - 1, -1), b.anchor);
    case 'next':
    case 'following':
      return date(find(now + 1, 1), b.anchor);
    case 'this':
      return date({ g: 'season', y: s === 'WI' && d.m <= 2 ? d.y - 1 : d.y, s }, b.anchor);
    default:
      // bare: the current or last such season, or the coming one when the clause looks ahead
      return date(ctx.dir === 'future' || ctx.dir === 'weak-future' ? find(now + (here.s === s ? 0 : 1), 1) : find(now, -1), b.anchor);
  }
}

function quarterFor(q: number | undefined, rel: Rel, y: number | undefined, yearShift: number | undefined, ctx: ResolveContext): Resolution {
  const b = refBase(ctx);
  if (q === undefined) {
    if (rel === 'this') {
      if (!b || !ctx.ref) return unresolved();
      return date({ g: 'quarter', y: ctx.ref.y, q: quarterOfMonth(ctx.ref.m) }, b.anchor);
    }
    // "the quarter": the one the report has been talking about, else the last full quarter;
    // "the latest quarter": the last full quarter
    let found: Point | undefined;
    let anchor: TimeAnchor | undefined;
    const h = rel === 'last' ? undefined : ctx.history.findBack((m) => m.point.g === 'quarter' && !m.derived);
    if (h) {
      found = h.point;
      anchor = { kind: 'time', start: h.start, end: h.end, value: h.value };
    }
    if (!found) {
      if (!b || !ctx.ref) return unresolved();
      const cq = quarterOfMonth(ctx.ref.m);
      found = cq === 1 ? { g: 'quarter', y: ctx.ref.y - 1, q: 4 } : { g: 'quarter', y: ctx.ref.y, q: cq - 1 };
      anchor = b.anchor;
    }
    if (found.g !== 'quarter') return unresolved();
    const point: Point = { g: 'quarter', y: y ?? found.y + (yearShift ?? 0), q: found.q };
    return { ...date(point, anchor), derived: (yearShift ?? 0) < 0 };
  }
  if (!b || !ctx.ref) return unresolved();
  if (yearShift !== undefined) return { ...date({ g: 'quarter', y: ctx.ref.y + yearShift, q }, b.anchor), derived: yearShift < 0 };
  const cq = quarterOfMonth(ctx.ref.m);
  // results come out after their quarter ends: only a quarter well behind the current one is next year's
  const dir = ctx.dir === 'future' && cq - q < 2 ? 'weak-future' : ctx.dir;
  const year = rel === 'this' ? ctx.ref.y : placeInYear(q, cq, ctx.ref.y, dir, 4);
  return date({ g: 'quarter', y: year, q }, b.anchor);
}

function deictic(unit: Unit | 'WE' | 'DE', offset: number, kind: 'ref' | 'anchor', edge: 'START' | 'END' | undefined, ctx: ResolveContext): Resolution {
  const b = base(ctx, kind, UNIT_NEEDS[unit]);
  if (!b) return unresolved();
  const p = b.point;
  const d = firstDay(p);
  switch (unit) {
    case 'D':
      return date({ g: 'day', ...addDays(d, offset) }, b.anchor);
    case 'W':
      return date({ g: 'week', ...isoWeek(addDays(d, 7 * offset)) }, b.anchor);
    case 'WE': {
      // the weekend just past (or this one, when the day is in it)
      const wd = weekday(d);
      const wk = isoWeek(addDays(d, 7 * offset + (offset === 0 && wd < 6 && kind === 'ref' ? -7 : 0)));
      return date({ g: 'weekend', ...wk }, b.anchor);
    }
    case 'M': {
      const m = addMonths(d.y, d.m, offset);
      return date({ g: 'month', ...m }, b.anchor);
    }
    case 'Q':
      return date(shiftPoint(coarsen(p, 'quarter'), 'Q', offset), b.anchor);
    case 'Y': {
      const y = (p.g === 'season' ? p.y : d.y) + offset;
      if (edge) return date({ g: 'month', y, m: edge === 'END' ? 12 : 1 }, b.anchor);
      return date({ g: 'year', y }, b.anchor);
    }
    case 'DE':
      return date({ g: 'decade', y: Math.floor(d.y / 10) * 10 + 10 * offset }, b.anchor);
  }
}
