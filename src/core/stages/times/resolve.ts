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
  firstDay,
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
}

export interface ResolveContext {
  /** The publication date (or another reference date), null when unknown. */
  ref: Day | null;
  dir: Direction;
  /** Times mentioned so far, oldest first. */
  history: readonly Mentioned[];
}

export interface Resolution {
  type: TimeType;
  value: string | null;
  point?: Point;
  anchor?: TimeAnchor;
}

const UNIT_NEEDS: Record<Unit | 'WE' | 'DE', Granularity> = { D: 'day', W: 'week', WE: 'week', M: 'month', Q: 'quarter', Y: 'year', DE: 'decade' };

/** The latest mentioned time at least as fine as `g`. */
function anchorFor(history: readonly Mentioned[], g: Granularity): Mentioned | undefined {
  for (let k = history.length - 1; k >= 0; k--) if (FINENESS[history[k].point.g] >= FINENESS[g] && history[k].point.g !== 'decade' && history[k].point.g !== 'century') return history[k];
  return undefined;
}

interface Base {
  point: Point;
  anchor: TimeAnchor;
}

function base(ctx: ResolveContext, kind: 'ref' | 'anchor', g: Granularity): Base | null {
  if (kind === 'anchor') {
    const a = anchorFor(ctx.history, g);
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
    case 'season':
      return seasonFor(sem.s, sem.rel, sem.y, ctx);
    case 'quarter':
      return quarterFor(sem.q, sem.rel, sem.yearShift, ctx);
    case 'half': {
      if (sem.y !== undefined) return date({ g: 'half', y: sem.y, h: sem.h });
      const b = refBase(ctx);
      if (!b) return unresolved();
      return date({ g: 'half', y: firstDay(b.point).y + (sem.yearShift ?? 0), h: sem.h }, b.anchor);
    }
    case 'deictic':
      return deictic(sem.unit, sem.offset, sem.base, sem.edge, ctx);
    case 'shift': {
      const b = base(ctx, sem.base, UNIT_NEEDS[sem.unit]);
      if (!b) return unresolved();
      const g = ({ D: 'day', W: 'week', M: 'month', Q: 'quarter', Y: 'year' } as const)[sem.unit];
      const moved = shiftPoint(b.point, sem.unit, sem.n);
      // a year before a quarter is that quarter a year earlier ("the third quarter ... a year earlier")
      const point = moved.g === 'quarter' && sem.unit === 'Y' ? moved : coarsen(moved, g);
      return date(point, b.anchor);
    }
    case 'time': {
      const day = resolve(sem.day, ctx);
      const t = sem.t.startsWith('T') ? sem.t : `T${sem.t}`;
      if (!day.value || !day.point || day.point.g !== 'day') return { type: 'TIME', value: null };
      return { type: 'TIME', value: `${day.value}${t}`, point: day.point, anchor: day.anchor };
    }
  }
}

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

/** The year of a month (or quarter) that names no year: the past one unless the clause looks ahead. */
function placeInYear(k: number, current: number, y: number, dir: Direction): number {
  if (k === current) return y;
  if (k < current) return dir === 'future' ? y + 1 : y;
  return dir === 'future' || dir === 'weak-future' ? y : y - 1;
}

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
      delta = ctx.dir === 'future' || ctx.dir === 'weak-future' ? (ahead === 0 ? 0 : ahead) : back;
  }
  return date({ g: 'day', ...addDays(day, delta) }, b.anchor);
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

function quarterFor(q: number | undefined, rel: Rel, yearShift: number | undefined, ctx: ResolveContext): Resolution {
  if (q === undefined) {
    // "the quarter": the one the report has been talking about, else the last full quarter
    for (let k = ctx.history.length - 1; k >= 0; k--) {
      const h = ctx.history[k];
      if (h.point.g === 'quarter') return date(h.point, { kind: 'time', start: h.start, end: h.end, value: h.value });
    }
    const b = refBase(ctx);
    if (!b || !ctx.ref) return unresolved();
    const cq = quarterOfMonth(ctx.ref.m);
    return date(cq === 1 ? { g: 'quarter', y: ctx.ref.y - 1, q: 4 } : { g: 'quarter', y: ctx.ref.y, q: cq - 1 }, b.anchor);
  }
  const b = refBase(ctx);
  if (!b || !ctx.ref) return unresolved();
  if (yearShift !== undefined) return date({ g: 'quarter', y: ctx.ref.y + yearShift, q }, b.anchor);
  const y = rel === 'this' ? ctx.ref.y : placeInYear(q, quarterOfMonth(ctx.ref.m), ctx.ref.y, ctx.dir);
  return date({ g: 'quarter', y, q }, b.anchor);
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
