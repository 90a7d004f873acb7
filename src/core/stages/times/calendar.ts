// Calendar points at the granularities TIMEX3 names, their arithmetic, and their TIMEX3 strings.
// All day arithmetic goes through Date.UTC, so no time zone or clock is involved.

export type Season = 'SP' | 'SU' | 'FA' | 'WI';

export type Point =
  | { g: 'day'; y: number; m: number; d: number }
  | { g: 'week'; y: number; w: number } // ISO week-numbering year and week
  | { g: 'weekend'; y: number; w: number }
  | { g: 'month'; y: number; m: number }
  | { g: 'season'; y: number; s: Season } // WI of y starts in December of y
  | { g: 'quarter'; y: number; q: number }
  | { g: 'half'; y: number; h: number }
  | { g: 'year'; y: number }
  | { g: 'decade'; y: number } // first year: 1990 for the 1990s
  | { g: 'century'; c: number }; // 19 for the 20th century

export interface Day {
  y: number;
  m: number;
  d: number;
}

export type Granularity = Point['g'];

/** How fine each granularity is: a larger number is finer. */
export const FINENESS: Record<Granularity, number> = { century: 0, decade: 1, year: 2, half: 3, quarter: 4, season: 4, month: 5, week: 6, weekend: 6, day: 7 };

const toDate = (d: Day): Date => new Date(Date.UTC(d.y, d.m - 1, d.d));
const fromDate = (t: Date): Day => ({ y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() });

export function parseDay(iso: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  const day = { y: +m[1], m: +m[2], d: +m[3] };
  return isValidDay(day) ? day : null;
}

export function isValidDay(d: Day): boolean {
  if (d.m < 1 || d.m > 12 || d.d < 1) return false;
  return d.d <= daysInMonth(d.y, d.m);
}

export const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

export const addDays = (d: Day, n: number): Day => {
  const t = toDate(d);
  t.setUTCDate(t.getUTCDate() + n);
  return fromDate(t);
};

export function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const k = y * 12 + (m - 1) + n;
  return { y: Math.floor(k / 12), m: (k % 12 + 12) % 12 + 1 };
}

/** ISO weekday, Monday = 1 … Sunday = 7. */
export const weekday = (d: Day): number => ((toDate(d).getUTCDay() + 6) % 7) + 1;

/** ISO 8601 week-numbering year and week of a day. */
export function isoWeek(d: Day): { y: number; w: number } {
  const thursday = addDays(d, 4 - weekday(d));
  const jan1 = { y: thursday.y, m: 1, d: 1 };
  const ordinal = Math.round((toDate(thursday).getTime() - toDate(jan1).getTime()) / 86400000);
  return { y: thursday.y, w: Math.floor(ordinal / 7) + 1 };
}

/** The Monday of an ISO week. */
export function weekMonday(y: number, w: number): Day {
  const jan4 = { y, m: 1, d: 4 };
  return addDays(jan4, (w - 1) * 7 - (weekday(jan4) - 1));
}

export const seasonOfMonth = (m: number): Season => (m >= 3 && m <= 5 ? 'SP' : m >= 6 && m <= 8 ? 'SU' : m >= 9 && m <= 11 ? 'FA' : 'WI');

/** The season containing a month, with TIMEX3's year (January 2024 is in 2023-WI). */
export function seasonOf(y: number, m: number): { y: number; s: Season } {
  const s = seasonOfMonth(m);
  return { y: s === 'WI' && m <= 2 ? y - 1 : y, s };
}

const SEASON_ORDER: Season[] = ['SP', 'SU', 'FA', 'WI'];
/** A season counted as a single number, so that "next" and "last" are ±1. */
export const seasonIndex = (y: number, s: Season): number => y * 4 + SEASON_ORDER.indexOf(s);
export const seasonFromIndex = (k: number): { y: number; s: Season } => ({ y: Math.floor(k / 4), s: SEASON_ORDER[((k % 4) + 4) % 4] });

export const quarterOfMonth = (m: number): number => Math.floor((m - 1) / 3) + 1;

/** The first and last day of a point, for ordering points and for counting from them. */
export function firstDay(p: Point): Day {
  switch (p.g) {
    case 'day':
      return { y: p.y, m: p.m, d: p.d };
    case 'week':
      return weekMonday(p.y, p.w);
    case 'weekend':
      return addDays(weekMonday(p.y, p.w), 5);
    case 'month':
      return { y: p.y, m: p.m, d: 1 };
    case 'season': {
      const start = { SP: 3, SU: 6, FA: 9, WI: 12 }[p.s];
      return { y: p.y, m: start, d: 1 };
    }
    case 'quarter':
      return { y: p.y, m: (p.q - 1) * 3 + 1, d: 1 };
    case 'half':
      return { y: p.y, m: p.h === 1 ? 1 : 7, d: 1 };
    case 'year':
    case 'decade':
      return { y: p.y, m: 1, d: 1 };
    case 'century':
      return { y: p.c * 100, m: 1, d: 1 };
  }
}

export const dayNumber = (d: Day): number => toDate(d).getTime() / 86400000;

/** The day a day number (days since 1970-01-01) names. */
export const dayFromNumber = (n: number): Day => fromDate(new Date(n * 86400000));

/** The last day of a point: the day before the next point of the same size begins. */
export function lastDay(p: Point): Day {
  const f = firstDay(p);
  const monthsAfter = (n: number): Day => {
    const m = addMonths(f.y, f.m, n);
    return addDays({ y: m.y, m: m.m, d: 1 }, -1);
  };
  switch (p.g) {
    case 'day':
      return f;
    case 'week':
      return addDays(f, 6);
    case 'weekend':
      return addDays(f, 1);
    case 'month':
      return monthsAfter(1);
    case 'season':
    case 'quarter':
      return monthsAfter(3);
    case 'half':
      return monthsAfter(6);
    case 'year':
      return monthsAfter(12);
    case 'decade':
      return monthsAfter(120);
    case 'century':
      return monthsAfter(1200);
  }
}

export const isoDay = (d: Day): string => formatPoint({ g: 'day', ...d });

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export function formatPoint(p: Point): string {
  switch (p.g) {
    case 'day':
      return `${pad(p.y, 4)}-${pad(p.m)}-${pad(p.d)}`;
    case 'week':
      return `${pad(p.y, 4)}-W${pad(p.w)}`;
    case 'weekend':
      return `${pad(p.y, 4)}-W${pad(p.w)}-WE`;
    case 'month':
      return `${pad(p.y, 4)}-${pad(p.m)}`;
    case 'season':
      return `${pad(p.y, 4)}-${p.s}`;
    case 'quarter':
      return `${pad(p.y, 4)}-Q${p.q}`;
    case 'half':
      return `${pad(p.y, 4)}-H${p.h}`;
    case 'year':
      return pad(p.y, 4);
    // a decade as "199X" (TempEval-3's AQUAINT; TimeBank also writes "199"); a century by its leading digits, "19"
    case 'decade':
      return `${pad(Math.floor(p.y / 10), 3)}X`;
    case 'century':
      return pad(p.c);
  }
}

/** Moves a point by n of its own or a coarser unit, keeping the point's granularity where it can. */
export function shiftPoint(p: Point, unit: 'D' | 'W' | 'M' | 'Q' | 'Y', n: number): Point {
  if (p.g === 'quarter' && (unit === 'Y' || unit === 'Q')) {
    const k = p.y * 4 + (p.q - 1) + (unit === 'Y' ? 4 * n : n);
    return { g: 'quarter', y: Math.floor(k / 4), q: (k % 4) + 1 };
  }
  if (p.g === 'season' && unit === 'Y') return { ...p, y: p.y + n };
  if (p.g === 'half' && unit === 'Y') return { ...p, y: p.y + n };
  const start = firstDay(p);
  switch (unit) {
    case 'D': {
      const d = addDays(start, n);
      return { g: 'day', ...d };
    }
    case 'W': {
      const w = isoWeek(addDays(start, 7 * n));
      return { g: 'week', ...w };
    }
    case 'M': {
      const m = addMonths(start.y, start.m, n);
      return p.g === 'day' ? { g: 'month', ...m } : { g: 'month', ...m };
    }
    case 'Q': {
      const m = addMonths(start.y, start.m, 3 * n);
      return { g: 'quarter', y: m.y, q: quarterOfMonth(m.m) };
    }
    case 'Y':
      return { g: 'year', y: start.y + n };
  }
}

/** A point coarsened to a granularity (a day to its month, a month to its year). */
export function coarsen(p: Point, g: 'day' | 'week' | 'month' | 'quarter' | 'year'): Point {
  if (p.g === g) return p;
  const d = firstDay(p);
  switch (g) {
    case 'day':
      return { g: 'day', ...d };
    case 'week':
      return { g: 'week', ...isoWeek(d) };
    case 'month':
      return { g: 'month', y: d.y, m: d.m };
    case 'quarter':
      return { g: 'quarter', y: d.y, q: quarterOfMonth(d.m) };
    case 'year':
      return { g: 'year', y: d.y };
  }
}

/** Western Easter Sunday of a year (the Gregorian computus, anonymous algorithm). */
export function easter(y: number): Day {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return { y, m: month, d: ((h + l - 7 * m + 114) % 31) + 1 };
}

/** The day a holiday rule names in a year (see lexicons/times.json): "12-25", "11-4-4", "05-1-L", "11-02-2+", "E-2". */
export function holidayDay(rule: string, y: number): Day | null {
  let r = /^E([+-]\d+)W?$/.exec(rule);
  if (r) return addDays(easter(y), Number(r[1]));
  r = /^(\d{2})-(\d{2})$/.exec(rule);
  if (r) return { y, m: +r[1], d: +r[2] };
  r = /^(\d{2})-(\d{2})-([1-7])\+$/.exec(rule);
  if (r) {
    const from = { y, m: +r[1], d: +r[2] };
    return addDays(from, (+r[3] - weekday(from) + 7) % 7);
  }
  r = /^(\d{2})-([1-7])-([1-5L])$/.exec(rule);
  if (r) {
    const m = +r[1];
    const wd = +r[2];
    if (r[3] === 'L') {
      const last = { y, m, d: daysInMonth(y, m) };
      return addDays(last, -((weekday(last) - wd + 7) % 7));
    }
    const first = { y, m, d: 1 };
    const day = addDays(first, (wd - weekday(first) + 7) % 7 + 7 * (+r[3] - 1));
    return day.m === m ? day : null;
  }
  return null;
}
