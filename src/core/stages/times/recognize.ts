// Recognition: which stretches of a sentence are time expressions, and what they mean (a Sem).
// Each rule looks at most a few tokens ahead of its start, so a sentence costs time linear in its
// length; at each token the longest match wins and the scan goes on after it.
import { holidayDay, type Season } from './calendar.js';
import type { Found, Rel, Sem, Unit } from './sem.js';
import type { CompiledTimeWords, Phrases } from './words.js';
import { nullProto } from '../../null-proto.js';

/** One sentence's tokens: `w` lowercase (for the lexicon), `t` as written (for capitals). */
export interface View {
  w: string[];
  t: string[];
}

type Rule = (v: View, i: number, W: CompiledTimeWords) => Found | null;

const isCap = (v: View, i: number): boolean => i < v.t.length && /^\p{Lu}/u.test(v.t[i]);
const isDigits = (s: string | undefined): boolean => s !== undefined && /^\d+$/.test(s);

// ---------------------------------------------------------------------------------------------
// Small readers: a number, a unit, a month, a day of the month, a year.

interface Num {
  n: number | null; // null: vague ("several")
  end: number;
}

function numberAt(v: View, i: number, W: CompiledTimeWords): Num | null {
  const s = v.w[i];
  if (s === undefined) return null;
  if (/^\d{1,3}(?:,\d{3})*(?:\.\d+)?$|^\d+(?:\.\d+)?$/.test(s)) {
    const n = Number(s.replace(/,/g, ''));
    // "5 1/2 hours"
    const frac = Number.isInteger(n) && /^\d$/.test(v.w[i + 1] ?? '') && v.w[i + 2] === '/' && /^\d$/.test(v.w[i + 3] ?? '') ? +v.w[i + 1] / +v.w[i + 3] : 0;
    return frac > 0 && frac < 1 ? { n: n + frac, end: i + 4 } : { n, end: i + 1 };
  }
  const hy = /^([a-z]+)-([a-z]+)$/.exec(s); // "twenty-five"
  if (hy) {
    const a = W.numbers.at([hy[1]], 0, 1);
    const b = W.numbers.at([hy[2]], 0, 1);
    if (a && b && a.value >= 20 && b.value < 10) return { n: a.value + b.value, end: i + 1 };
  }
  const vague = W.vague.at(v.w, i, v.w.length);
  if (vague) return { n: null, end: i + vague.length };
  const p = W.numbers.at(v.w, i, v.w.length);
  if (!p) return null;
  let n = p.value;
  let end = i + p.length;
  // "twenty five", "one hundred"
  const next = W.numbers.at(v.w, end, v.w.length);
  if (next && next.length === 1 && n >= 20 && n < 100 && n % 10 === 0 && next.value < 10 && next.value >= 1) {
    n += next.value;
    end += 1;
  } else if (next && next.length === 1 && next.value === 100 && n < 10) {
    n *= 100;
    end += 1;
  }
  return { n, end };
}

function unitAt(v: View, i: number, W: CompiledTimeWords): { u: string; plural: boolean } | null {
  const u = W.units.get(v.w[i]);
  return u ? { u, plural: /s$/.test(v.w[i]) } : null;
}

/** A month name as written with a capital ("March", "Sept." → end after the dot). */
function monthAt(v: View, i: number, W: CompiledTimeWords): { m: number; end: number; abbr: boolean } | null {
  if (!isCap(v, i)) return null;
  const full = W.months.get(v.w[i]);
  if (full) return { m: full, end: i + 1, abbr: false };
  const abbr = W.monthAbbreviations.get(v.w[i]);
  if (abbr) return { m: abbr, end: v.w[i + 1] === '.' ? i + 2 : i + 1, abbr: true };
  return null;
}

function dayAt(v: View, i: number): number | null {
  const m = /^(\d{1,2})(?:st|nd|rd|th)?$/.exec(v.w[i] ?? '');
  if (!m) return null;
  const d = +m[1];
  return d >= 1 && d <= 31 ? d : null;
}

function yearAt(v: View, i: number): number | null {
  const s = v.w[i];
  if (!s || !/^\d{4}$/.test(s)) return null;
  const y = +s;
  return y >= 1000 && y <= 2199 ? y : null;
}

/** "last year", "this year", "next year" after a month: the year's distance from the publication. */
function yearShiftAt(v: View, i: number): number | null {
  if (v.w[i + 1] !== 'year') return null;
  return v.w[i] === 'last' ? -1 : v.w[i] === 'this' ? 0 : v.w[i] === 'next' ? 1 : null;
}

const REL: Record<string, Rel> = nullProto({ last: 'last', past: 'last', next: 'next', coming: 'next', this: 'this' });
const ANCHOR_REL: Record<string, Rel> = nullProto({ previous: 'prev', preceding: 'prev', prior: 'prev', following: 'following', next: 'following', subsequent: 'following', same: 'same' });
const CALENDAR_UNITS: Record<string, Unit | 'WE' | 'DE'> = nullProto({ day: 'D', week: 'W', weekend: 'WE', month: 'M', quarter: 'Q', year: 'Y', decade: 'DE' });

// ---------------------------------------------------------------------------------------------
// Calendar dates: "July 12, 2019", "26 August 2022", "May 2022", "April last year", "Friday".

const monthDate: Rule = (v, i, W) => {
  const mo = monthAt(v, i, W);
  if (!mo) return null;
  const { m } = mo;
  let j = mo.end;
  const d = dayAt(v, j);
  if (d !== null && !(v.w[j + 1] !== undefined && W.units.has(v.w[j + 1]))) {
    j += 1;
    const y = v.w[j] === ',' ? yearAt(v, j + 1) : yearAt(v, j);
    if (y !== null) return { end: v.w[j] === ',' ? j + 2 : j + 1, sem: { k: 'abs', point: { g: 'day', y, m, d } }, rule: 'date:month-day-year' };
    const shift = yearShiftAt(v, j);
    if (shift !== null) return { end: j + 2, sem: { k: 'month', m, d, rel: 'bare', yearShift: shift }, rule: 'date:month-day-last-year' };
    return { end: j, sem: { k: 'month', m, d, rel: 'bare' }, rule: 'date:month-day' };
  }
  const k = v.w[j] === ',' || v.w[j] === 'of' ? j + 1 : j;
  const y = yearAt(v, k);
  if (y !== null) return { end: k + 1, sem: { k: 'abs', point: { g: 'month', y, m } }, rule: 'date:month-year' };
  const shift = yearShiftAt(v, j);
  if (shift !== null) return { end: j + 2, sem: { k: 'month', m, rel: 'bare', yearShift: shift }, rule: 'date:month-last-year' };
  if (mo.abbr || !bareMonthOk(v, i, W)) return null;
  // "one December": some past December
  if (v.w[i - 1] === 'one') return { end: mo.end, sem: { k: 'month', m, rel: 'last' }, rule: 'date:one-month' };
  return { end: mo.end, sem: { k: 'month', m, rel: 'bare' }, rule: 'date:month' };
};

// Words before a month name that make it a date, not a name or a verb.
const MONTH_CONTEXT = new Set(['in', 'since', 'until', 'till', 'by', 'before', 'after', 'during', 'through', 'throughout', 'from', 'to', 'of', 'between', 'and', 'or', 'on', 'as', 'early', 'late', 'mid', 'for', 'into', 'until', 'around', 'about', 'last', 'next', 'this', 'that', 'every', 'each', 'one', '-', '–', 'until', 'the']);

/** A month name standing alone is a month unless it is a name ("Theresa May") or a sentence-initial modal ("May I"). */
function bareMonthOk(v: View, i: number, W: CompiledTimeWords): boolean {
  if (!W.ambiguousMonths.has(v.w[i])) return true;
  const prev = v.w[i - 1];
  if (prev !== undefined && MONTH_CONTEXT.has(prev)) return true;
  if (i === 0 || prev === undefined) return false; // "May I ask", "March on"
  if (isCap(v, i - 1) || /^["“‘(]$/.test(v.t[i - 1])) return false;
  if (isCap(v, i + 1)) return false;
  return /^\p{Ll}/u.test(v.t[i - 1]);
}

const dayMonth: Rule = (v, i, W) => {
  const d = dayAt(v, i);
  if (d === null) return null;
  const ofForm = v.w[i + 1] === 'of';
  const mo = monthAt(v, ofForm ? i + 2 : i + 1, W);
  if (!mo) return null;
  const { m } = mo;
  const k = v.w[mo.end] === ',' ? mo.end + 1 : mo.end;
  const y = yearAt(v, k);
  if (y !== null) return { end: k + 1, sem: { k: 'abs', point: { g: 'day', y, m, d } }, rule: 'date:day-month-year' };
  const shift = yearShiftAt(v, mo.end);
  if (shift !== null) return { end: mo.end + 2, sem: { k: 'month', m, d, rel: 'bare', yearShift: shift }, rule: 'date:day-month-last-year' };
  return { end: mo.end, sem: { k: 'month', m, d, rel: 'bare' }, rule: 'date:day-month' };
};

/** "the 5th of May": the article belongs to the date. */
const theDayMonth: Rule = (v, i, W) => {
  if (v.w[i] !== 'the' || !/^\d{1,2}(st|nd|rd|th)$/.test(v.w[i + 1] ?? '')) return null;
  const f = dayMonth(v, i + 1, W);
  return f ? { ...f } : null;
};

const numericDate: Rule = (v, i) => {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v.w[i] ?? '');
  if (iso) return { end: i + 1, sem: { k: 'abs', point: { g: 'day', y: +iso[1], m: +iso[2], d: +iso[3] } }, rule: 'date:iso' };
  // US style month/day/year: 8/7/1998
  if (isDigits(v.w[i]) && v.w[i + 1] === '/' && isDigits(v.w[i + 2]) && v.w[i + 3] === '/' && /^\d{4}$/.test(v.w[i + 4] ?? '')) {
    const m = +v.w[i];
    const d = +v.w[i + 2];
    if (m >= 1 && m <= 12 && d >= 1 && d <= 31) return { end: i + 5, sem: { k: 'abs', point: { g: 'day', y: +v.w[i + 4], m, d } }, rule: 'date:slashes' };
  }
  return null;
};

const weekdayDate: Rule = (v, i, W) => {
  const wd = W.weekdays.get(v.w[i]);
  if (!wd || !isCap(v, i)) return null;
  // "Friday, Aug. 7, 1998": the weekday and the date it names
  const j = v.w[i + 1] === ',' ? i + 2 : i + 1;
  const date = monthDate(v, j, W) ?? dayMonth(v, j, W);
  if (date && (date.sem.k === 'abs' || (date.sem.k === 'month' && date.sem.d !== undefined))) return { ...date, rule: `date:weekday-${date.rule.slice(5)}` };
  return withDayPart(v, i + 1, W, { k: 'weekday', wd, rel: 'bare' }, 'date:weekday');
};

/**
 * "Friday morning", "yesterday's": a day word and the part of the day or the possessive after it.
 * The part stays in the span and the value is the day, as TempEval-3's cleaned TimeBank and
 * AQUAINT mostly annotate them (type DATE); clock times ("10 p.m. Friday") make a TIME.
 */
function withDayPart(v: View, j: number, W: CompiledTimeWords, day: Sem, rule: string): Found {
  if (W.dayParts.has(v.w[j])) return { end: j + 1, sem: day, rule: `${rule}-part` };
  if (v.w[j] === "'s" || v.w[j] === '’s') return { end: j + 1, sem: day, rule };
  return { end: j, sem: day, rule };
}

/** "Christmas", "Thanksgiving Day", "last Thanksgiving", "Easter 1998": named days, capitalized. */
const holiday: Rule = (v, i, W) => {
  const r = REL[v.w[i]];
  const rel: Rel = r === 'last' || r === 'next' || r === 'this' ? r : 'bare';
  const j = rel === 'bare' ? i : i + 1;
  if (!isCap(v, j) && !(v.w[j] === 'the' && isCap(v, j + 1))) return null;
  const h = W.holidays.at(v.w, j, v.w.length);
  if (!h) return null;
  const end = j + h.length;
  const y = yearAt(v, end);
  if (y !== null) {
    const day = holidayDay(h.value, y);
    return day ? { end: end + 1, sem: { k: 'abs', point: { g: 'day', ...day } }, rule: 'date:holiday-year' } : null;
  }
  return { end, sem: { k: 'holiday', rule: h.value, rel }, rule: rel === 'bare' ? 'date:holiday' : `rel:${rel}-holiday` };
};

// ---------------------------------------------------------------------------------------------
// Relative to the publication date: "today", "last week", "this winter", "earlier this month".

const DAY_OFFSETS: Record<string, number> = nullProto({ today: 0, yesterday: -1, tomorrow: 1 });

const deicticDay: Rule = (v, i, W) => {
  const off = DAY_OFFSETS[v.w[i]];
  // "today's youth", "today's computers": the present in general, not a day
  if (v.w[i] === 'today' && /^['’]s$/.test(v.w[i + 1] ?? '') && /^\p{Ll}/u.test(v.t[i + 2] ?? '')) return null;
  if (off !== undefined) return withDayPart(v, i + 1, W, { k: 'deictic', unit: 'D', offset: off, base: 'ref' }, `rel:${v.w[i]}`);
  if (v.w[i] === 'tonight') return { end: i + 1, sem: { k: 'time', day: { k: 'deictic', unit: 'D', offset: 0, base: 'ref' }, t: 'NI' }, rule: 'rel:tonight' };
  return null;
};

/** "last week", "next spring", "this June", "last Friday", "this morning", "last night". */
const relWord: Rule = (v, i, W) => {
  let j = i;
  let rel = REL[v.w[j]];
  if (v.w[j] === 'this' && v.w[j + 1] === 'past') {
    rel = 'last';
    j++;
  }
  if (!rel) return null;
  const x = v.w[j + 1];
  const end = j + 2;
  const unit = CALENDAR_UNITS[x];
  // "This Week", "Next Year": a title (a programme, a section), not a time
  if (unit && isCap(v, j + 1)) return null;
  if (unit && unit !== 'D') {
    const offset = rel === 'last' ? -1 : rel === 'next' ? 1 : 0;
    return { end, sem: { k: 'deictic', unit, offset, base: 'ref' }, rule: `rel:${rel}-${x}` };
  }
  const wd = W.weekdays.get(x);
  if (wd && isCap(v, j + 1)) return { end, sem: { k: 'weekday', wd, rel }, rule: `rel:${rel}-weekday` };
  const mo = monthAt(v, j + 1, W);
  if (mo && !mo.abbr) return { end: mo.end, sem: { k: 'month', m: mo.m, rel }, rule: `rel:${rel}-month` };
  const s = W.seasons.get(x);
  if (s) return { end, sem: { k: 'season', s: s as Season, rel }, rule: `rel:${rel}-season` };
  const part = W.dayParts.get(x);
  if (part && rel !== 'next') {
    const night = rel === 'last' && (part === 'NI' || part === 'EV');
    if (rel === 'last' && !night) return null;
    return { end, sem: { k: 'time', day: { k: 'deictic', unit: 'D', offset: night ? -1 : 0, base: 'ref' }, t: part }, rule: `rel:${rel}-${x}` };
  }
  return null;
};

/** "earlier this month", "later that year", "earlier in the day". */
const earlierLater: Rule = (v, i) => {
  if (v.w[i] !== 'earlier' && v.w[i] !== 'later') return null;
  const which = v.w[i + 1];
  if (which === 'in' && v.w[i + 2] === 'the') {
    const unit = CALENDAR_UNITS[v.w[i + 3]];
    // "the day" is the one the narrative is on ("announced on Sunday ... had visited earlier in the day")
    if (unit && unit !== 'WE' && unit !== 'DE') return { end: i + 4, sem: { k: 'deictic', unit, offset: 0, base: 'anchor' }, rule: `anchor:${v.w[i]}-in-the-${v.w[i + 3]}` };
    return null;
  }
  const unit = CALENDAR_UNITS[v.w[i + 2]];
  if (!unit || unit === 'DE') return null;
  const base = which === 'that' ? 'anchor' : 'ref';
  const offset = which === 'last' ? -1 : which === 'next' ? 1 : which === 'this' || which === 'that' ? 0 : null;
  if (offset === null) return null;
  return { end: i + 3, sem: { k: 'deictic', unit, offset, base }, rule: `rel:${v.w[i]}-${which}-${v.w[i + 2]}` };
};

// ---------------------------------------------------------------------------------------------
// Relative to the narrative: "that month", "the following spring", "the day before".

const anaphoric: Rule = (v, i, W) => {
  let j = i;
  let rel: Rel | undefined;
  if (v.w[j] === 'that' && v.w[j + 1] === 'same') {
    rel = 'same';
    j += 2;
  } else if (v.w[j] === 'that') {
    rel = 'same';
    j += 1;
  } else if (v.w[j] === 'the' && ANCHOR_REL[v.w[j + 1]]) {
    rel = ANCHOR_REL[v.w[j + 1]];
    j += 2;
  } else return null;
  const x = v.w[j];
  const unit = CALENDAR_UNITS[x];
  if (unit && unit !== 'DE') {
    const offset = rel === 'prev' ? -1 : rel === 'following' ? 1 : 0;
    return { end: j + 1, sem: { k: 'deictic', unit, offset, base: 'anchor' }, rule: `anchor:${rel}-${x}` };
  }
  const mo = monthAt(v, j, W);
  if (mo && !mo.abbr && rel !== 'same') return { end: mo.end, sem: { k: 'month', m: mo.m, rel }, rule: `anchor:${rel}-month` };
  const wd = W.weekdays.get(x);
  if (wd && isCap(v, j) && rel !== 'same') return { end: j + 1, sem: { k: 'weekday', wd, rel }, rule: `anchor:${rel}-weekday` };
  const s = W.seasons.get(x);
  if (s) return { end: j + 1, sem: { k: 'season', s: s as Season, rel }, rule: `anchor:${rel}-season` };
  return null;
};

/** "the day before", "the day after": the day next to the one the narrative is on. */
const dayBeforeAfter: Rule = (v, i, W) => {
  if (v.w[i] !== 'the' || v.w[i + 1] !== 'day' || (v.w[i + 2] !== 'before' && v.w[i + 2] !== 'after')) return null;
  const next = v.w[i + 3];
  if (next === 'yesterday' || next === 'tomorrow') {
    const offset = next === 'yesterday' ? -2 : 2;
    return { end: i + 4, sem: { k: 'deictic', unit: 'D', offset, base: 'ref' }, rule: `rel:the-day-${v.w[i + 2]}-${next}` };
  }
  // "the day before last Tuesday", "the day after March 3": counted from that day
  const day = relWord(v, i + 3, W) ?? weekdayDate(v, i + 3, W) ?? monthDate(v, i + 3, W) ?? dayMonth(v, i + 3, W);
  const isDay = day && (day.sem.k === 'weekday' || (day.sem.k === 'month' && day.sem.d !== undefined) || (day.sem.k === 'abs' && day.sem.point.g === 'day'));
  if (day && isDay) return { end: day.end, sem: { k: 'dayFrom', day: day.sem, n: v.w[i + 2] === 'before' ? -1 : 1 }, rule: `date:the-day-${v.w[i + 2]}-day` };
  // "the day before the summit" counts from an event, not from a date
  if (next !== undefined && /^[\p{L}\d]/u.test(next) && next !== 'and' && next !== 'but') return null;
  return { end: i + 3, sem: { k: 'deictic', unit: 'D', offset: v.w[i + 2] === 'before' ? -1 : 1, base: 'anchor' }, rule: `anchor:the-day-${v.w[i + 2]}` };
};

// ---------------------------------------------------------------------------------------------
// Parts of periods: "early September", "mid-May", "late 2022", "the end of next year".

const PART_INNER: Rule[] = [];

const partOf: Rule = (v, i, W) => {
  const hy = /^(early|mid|late)-(.+)$/.exec(v.w[i] ?? '');
  if (hy) return hyphenPart(v, i, W, hy[1], v.t[i].slice(hy[1].length + 1));
  const part = v.w[i] === 'early' || v.w[i] === 'mid' || v.w[i] === 'late' ? W.partWords.get(v.w[i]) : undefined;
  if (part) {
    for (const r of PART_INNER) {
      const f = r(v, i + 1, W);
      if (f && f.sem.k !== 'weekday' && f.sem.k !== 'time') return { ...f, end: f.end, mod: part, rule: `part:${f.rule}` };
    }
    return null;
  }
  // "the end of 2022", "the start of this month", "the beginning of December"
  if (v.w[i] !== 'the' || v.w[i + 2] !== 'of') return null;
  const edge = W.partWords.get(v.w[i + 1]);
  if (!edge || v.w[i + 1] === 'early' || v.w[i + 1] === 'late' || v.w[i + 1] === 'mid') return null;
  const j = i + 3;
  let inner: Found | null = null;
  if (v.w[j] === 'the' && CALENDAR_UNITS[v.w[j + 1]]) {
    const unit = CALENDAR_UNITS[v.w[j + 1]];
    inner = { end: j + 2, sem: { k: 'deictic', unit, offset: 0, base: 'ref' }, rule: `rel:the-${v.w[j + 1]}` };
  } else {
    for (const r of PART_INNER) {
      inner = r(v, j, W);
      if (inner) break;
    }
  }
  if (!inner || inner.sem.k === 'weekday' || inner.sem.k === 'time') return null;
  const sem = atEdge(inner.sem, edge);
  return { end: inner.end, sem, mod: edge, rule: `part:the-${v.w[i + 1]}-of-${inner.rule}` };
};

/** The corpus dates "the end of 2022" to December 2022 and "the start of the year" to January. */
function atEdge(sem: Sem, edge: string): Sem {
  if (edge !== 'START' && edge !== 'END') return sem;
  if (sem.k === 'abs' && sem.point.g === 'year') return { k: 'abs', point: { g: 'month', y: sem.point.y, m: edge === 'END' ? 12 : 1 } };
  if (sem.k === 'deictic' && sem.unit === 'Y') return { ...sem, edge };
  return sem;
}

function hyphenPart(v: View, i: number, W: CompiledTimeWords, word: string, rest: string): Found | null {
  const mod = W.partWords.get(word);
  const m = W.months.get(rest.toLowerCase());
  if (m && /^\p{Lu}/u.test(rest)) {
    const y = yearAt(v, i + 1);
    if (y !== null) return { end: i + 2, sem: { k: 'abs', point: { g: 'month', y, m } }, mod, rule: 'part:hyphen-month-year' };
    return { end: i + 1, sem: { k: 'month', m, rel: 'bare' }, mod, rule: 'part:hyphen-month' };
  }
  if (/^\d{4}$/.test(rest)) return { end: i + 1, sem: { k: 'abs', point: { g: 'year', y: +rest } }, mod, rule: 'part:hyphen-year' };
  const dec = /^(\d{3})0s$/.exec(rest);
  if (dec) return { end: i + 1, sem: { k: 'abs', point: { g: 'decade', y: +dec[1] * 10 } }, mod, rule: 'part:hyphen-decade' };
  const s = W.seasons.get(rest.toLowerCase());
  if (s) return { end: i + 1, sem: { k: 'season', s: s as Season, rel: 'bare' }, mod, rule: 'part:hyphen-season' };
  return null;
}

// ---------------------------------------------------------------------------------------------
// Quarters and halves: "the third quarter", "third-quarter", "Q3 2023", "the first half of 2024".

const ORD_QUARTER = /^(first|second|third|fourth|1st|2nd|3rd|4th)$/;
const ordinalNumber = (s: string, W: CompiledTimeWords): number => W.ordinals.get(s) ?? parseInt(s, 10);

const quarter: Rule = (v, i, W) => {
  let j = i;
  let yearShift: number | undefined;
  let y: number | undefined;
  const start = i;
  // "last year's third quarter", "1989's second quarter"
  if ((v.w[j] === 'last' || v.w[j] === 'this' || v.w[j] === 'next') && v.w[j + 1] === 'year' && /^['’]s$/.test(v.w[j + 2] ?? '')) {
    yearShift = v.w[j] === 'last' ? -1 : v.w[j] === 'next' ? 1 : 0;
    j += 3;
  } else if (yearAt(v, j) !== null && /^['’]s$/.test(v.w[j + 1] ?? '')) {
    y = yearAt(v, j) ?? undefined;
    j += 2;
  } else if (v.w[j] === 'the') j += 1;
  if (v.w[j] === 'fiscal') j += 1;
  const hy = /^(first|second|third|fourth)-(quarter|half)$/.exec(v.w[j] ?? '');
  let ord: number;
  let kind: 'quarter' | 'half';
  if (hy) {
    ord = ordinalNumber(hy[1], W);
    kind = hy[2] as 'quarter' | 'half';
    j += 1;
  } else if (ORD_QUARTER.test(v.w[j] ?? '') && (v.w[j + 1] === 'quarter' || v.w[j + 1] === 'half')) {
    ord = ordinalNumber(v.w[j], W);
    kind = v.w[j + 1] as 'quarter' | 'half';
    j += 2;
  } else if (v.w[j] === 'last' && (v.w[j + 1] === 'quarter' || v.w[j + 1] === 'half') && v.w[j + 2] === 'of') {
    // "the last half of 1989"; without "of", "the last quarter" is the latest one
    kind = v.w[j + 1] as 'quarter' | 'half';
    ord = kind === 'half' ? 2 : 4;
    j += 2;
  } else if (yearShift !== undefined && (v.w[j] === 'quarter' || v.w[j] === 'period')) {
    // "last year's quarter": the quarter the report is about, that year
    return { end: j + 1, sem: { k: 'quarter', rel: 'same', yearShift }, rule: 'anchor:last-years-quarter' };
  } else {
    const q = /^q([1-4])$/.exec(v.w[j] ?? '');
    const h = /^h([12])$/.exec(v.w[j] ?? '');
    if (!q && !h) return null;
    if (!isCap(v, j)) return null;
    ord = +(q ?? h)![1];
    kind = q ? 'quarter' : 'half';
    j += 1;
    if (y === undefined && yearAt(v, j) === null && yearShift === undefined) return null; // a bare "Q3" may be a name
  }
  if (kind === 'half' && ord > 2) return null;
  // "of 2023", ", 2023", "2023"
  const k = v.w[j] === 'of' || v.w[j] === ',' ? j + 1 : j;
  if (y === undefined && yearShift === undefined) {
    const yy = yearAt(v, k);
    if (yy !== null) {
      y = yy;
      j = k + 1;
    } else if (v.w[j] === 'of' && (v.w[j + 1] === 'this' || v.w[j + 1] === 'last' || v.w[j + 1] === 'next') && v.w[j + 2] === 'year') {
      yearShift = v.w[j + 1] === 'last' ? -1 : v.w[j + 1] === 'next' ? 1 : 0;
      j += 3;
    } else if (v.w[j] === 'of' && v.w[j + 1] === 'the' && v.w[j + 2] === 'year') {
      yearShift = 0;
      j += 3;
    }
  }
  if (kind === 'half') return { end: j, sem: { k: 'half', h: ord, y, yearShift }, rule: 'quarter:half' };
  if (y !== undefined) return { end: j, sem: { k: 'abs', point: { g: 'quarter', y, q: ord } }, rule: 'quarter:with-year' };
  return { end: j, sem: { k: 'quarter', q: ord, rel: 'bare', yearShift }, rule: start === j ? 'quarter' : 'quarter:ordinal' };
};

/** "the quarter", "the latest quarter", "the year-earlier period", "the 1988 quarter": the quarter the report is about. */
const theQuarter: Rule = (v, i, W) => {
  // "year-earlier" and "year-ago" alone: the same quarter a year before
  if ((v.w[i] === 'year-earlier' || v.w[i] === 'year-ago') && !/^(quarter|period)$/.test(v.w[i + 1] ?? '')) {
    return { end: i + 1, sem: { k: 'quarter', rel: 'same', yearShift: -1 }, rule: 'anchor:year-earlier' };
  }
  if (v.w[i] !== 'the') return null;
  let j = i + 1;
  if (v.w[j] === 'comparable' || v.w[j] === 'corresponding') j++;
  const mod = v.w[j];
  let shift: number | undefined;
  let rel: Rel = 'same';
  let y: number | undefined;
  // "the latest quarter": the last one completed, whatever quarter the report spoke of before
  if (mod === 'latest' || mod === 'recent' || mod === 'just-ended' || mod === 'most-recent') {
    rel = 'last';
    j++;
  }
  else if (mod === 'current') {
    rel = 'this';
    j++;
  } else if (mod === 'year-earlier' || mod === 'year-ago') {
    shift = -1;
    j++;
  } else if (yearAt(v, j) !== null) {
    y = yearAt(v, j)!;
    j++;
  }
  if (v.w[j] === 'fiscal') j++;
  const ord = ORD_QUARTER.test(v.w[j] ?? '') && v.w[j + 1] === 'quarter' ? +(/\d/.test(v.w[j]) ? parseInt(v.w[j], 10) : ['first', 'second', 'third', 'fourth'].indexOf(v.w[j]) + 1) : undefined;
  if (ord !== undefined) j++;
  const noun = v.w[j];
  if (noun !== 'quarter' && !(noun === 'period' && j > i + 1)) return null;
  // "the corresponding period last year", "the quarter a year ago": the same quarter, a year back
  const back = v.w[j + 1] === 'last' && v.w[j + 2] === 'year' ? 2 : v.w[j + 1] === 'a' && v.w[j + 2] === 'year' && (v.w[j + 3] === 'ago' || v.w[j + 3] === 'earlier') ? 3 : 0;
  if (back && shift === undefined && y === undefined) {
    const q = ORD_QUARTER.test(v.w[j - 1] ?? '') ? ordinalNumber(v.w[j - 1], W) : undefined;
    return { end: j + 1 + back, sem: q ? { k: 'quarter', q, rel: 'bare', yearShift: -1 } : { k: 'quarter', rel: 'same', yearShift: -1 }, rule: 'anchor:the-quarter-a-year-back' };
  }
  if (j === i + 1 && v.w[j + 1] === 'of') return null; // "the quarter of ..." is read by the ordinal rule or not at all
  if (y !== undefined) {
    const sem: Sem = ord !== undefined ? { k: 'abs', point: { g: 'quarter', y, q: ord } } : { k: 'quarter', rel: 'same', yearShift: 0, y };
    return { end: j + 1, sem, rule: 'quarter:the-year-quarter' };
  }
  if (shift !== undefined && ord !== undefined) return { end: j + 1, sem: { k: 'quarter', q: ord, rel: 'bare', yearShift: shift }, rule: 'quarter:year-earlier-ordinal' };
  if (ord !== undefined) return null;
  return { end: j + 1, sem: { k: 'quarter', rel, yearShift: shift }, rule: shift ? 'anchor:the-year-earlier-quarter' : `anchor:the-${rel === 'this' ? 'current' : rel === 'last' ? 'latest' : 'same'}-quarter` };
};

/**
 * Accounts' years: "the year ended June 30" is a year's length (the date follows); "for the year",
 * "the full year" are the year of the report; "year-end", "year's end" its last day.
 */
const accountsYear: Rule = (v, i) => {
  const w = v.w;
  if (w[i] === 'year-end' || (w[i] === 'year' && w[i + 1] === 'end') || (w[i] === 'year' && /^['’]s$/.test(w[i + 1] ?? '') && w[i + 2] === 'end')) {
    const end = w[i] === 'year-end' ? i + 1 : w[i + 1] === 'end' ? i + 2 : i + 3;
    return { end, sem: { k: 'month', m: 12, d: 31, rel: 'bare' }, rule: 'date:year-end' };
  }
  if (w[i] !== 'the') return null;
  let j = i + 1;
  const full = w[j] === 'full' || w[j] === 'fiscal' || w[j] === 'whole' || w[j] === 'entire';
  if (full) j++;
  if (w[j] !== 'year') return null;
  const after = w[j + 1];
  if (after === 'ended' || after === 'ending' || after === 'through' || after === 'to') return { end: j + 1, sem: { k: 'duration', value: 'P1Y' }, rule: 'duration:the-year-ended' };
  if (full || w[i - 1] === 'for') {
    if (after !== undefined && /^(before|after|earlier|ago|later|ahead|two|-)$/.test(after)) return null;
    return { end: j + 1, sem: { k: 'deictic', unit: 'Y', offset: 0, base: 'ref' }, rule: 'rel:for-the-year' };
  }
  return null;
};

/** "the week of March 6": the week holding a day. */
const weekOf: Rule = (v, i, W) => {
  if (v.w[i] !== 'the' || v.w[i + 1] !== 'week' || v.w[i + 2] !== 'of') return null;
  const day = monthDate(v, i + 3, W) ?? dayMonth(v, i + 3, W);
  if (!day || !(day.sem.k === 'abs' ? day.sem.point.g === 'day' : day.sem.k === 'month' && day.sem.d !== undefined)) return null;
  return { end: day.end, sem: { k: 'weekOf', day: day.sem }, rule: 'date:week-of' };
};

/** "the weekend", "the current year", "the current fiscal year". */
const theCurrent: Rule = (v, i) => {
  if (v.w[i] !== 'the') return null;
  if (v.w[i + 1] === 'weekend') return { end: i + 2, sem: { k: 'deictic', unit: 'WE', offset: 0, base: 'ref' }, rule: 'rel:the-weekend' };
  if (v.w[i + 1] === 'current') {
    const j = v.w[i + 2] === 'fiscal' ? i + 3 : i + 2;
    const unit = CALENDAR_UNITS[v.w[j]];
    if (unit && unit !== 'D' && unit !== 'Q') return { end: j + 1, sem: { k: 'deictic', unit, offset: 0, base: 'ref' }, rule: `rel:the-current-${v.w[j]}` };
  }
  return null;
};

// ---------------------------------------------------------------------------------------------
// Amounts of time: "eight months", "nearly two months", "the past five years", "week-long";
// and amounts counted from a point: "two years ago", "six days later", "a month earlier".

const SHIFT_UNIT: Record<string, { unit: Unit; k: number }> = nullProto({ D: { unit: 'D', k: 1 }, W: { unit: 'W', k: 1 }, FN: { unit: 'W', k: 2 }, M: { unit: 'M', k: 1 }, Q: { unit: 'Q', k: 1 }, Y: { unit: 'Y', k: 1 }, DE: { unit: 'Y', k: 10 } });

/** TIMEX3 duration for n units (null: an unknown number, written X). */
export function durationValue(n: number | null, u: string): string {
  if (n === null) return { S: 'PTXS', MIN: 'PTXM', H: 'PTXH', D: 'PXD', W: 'PXW', FN: 'PXW', M: 'PXM', Q: 'PXM', Y: 'PXY', DE: 'PXDE', CE: 'PXCE' }[u] ?? 'PXY';
  if (!Number.isInteger(n)) {
    // "half a year" → P6M, "2 1/2 years" → P2Y6M, "5 1/2 hours" → PT5H30M: TIMEX3 has no fractions
    const finer: Record<string, [string, number]> = nullProto({ Y: ['M', 12], M: ['D', 30], W: ['D', 7], D: ['H', 24], H: ['MIN', 60], MIN: ['S', 60], DE: ['Y', 10] });
    const f = finer[u];
    const whole = Math.floor(n);
    const rest = (n - whole) * (f?.[1] ?? 0);
    if (f && whole > 0 && Number.isInteger(rest) && u !== 'W' && u !== 'DE') {
      const [a, b] = [durationValue(whole, u), durationValue(rest, f[0])];
      // join the two parts, keeping one "P" and one "T"
      return a + (a.includes('T') ? b.replace(/^PT/, '') : b.replace(/^P/, ''));
    }
    if (f && Number.isInteger(n * f[1])) return durationValue(n * f[1], f[0]);
  }
  switch (u) {
    case 'S':
      return `PT${n}S`;
    case 'MIN':
      return `PT${n}M`;
    case 'H':
      return `PT${n}H`;
    case 'FN':
      return `P${2 * n}W`;
    case 'Q':
      return `P${3 * n}M`;
    case 'DE':
      return `P${10 * n}Y`;
    case 'CE':
      return `P${100 * n}Y`;
    default:
      return `P${n}${u}`;
  }
}

// Words after which "a year" is an amount of time, not a rate ("for a year" vs "barrels a year").
const DURATION_BEFORE = new Set(['for', 'after', 'only', 'just', 'within', 'in', 'under', 'over', 'about', 'nearly', 'almost', 'roughly', 'around', 'than', 'least', 'of', 'lasting', 'last', 'spent', 'took', 'take', 'takes', 'taking', 'barely', 'some', 'up', 'to', 'during', 'throughout', 'through', 'by', 'than', 'past', 'is', 'was', 'be', 'been', 'and', 'or', 'once', 'with', 'into', 'another', 'extra']);

const THE_MODIFIERS = new Set(['past', 'previous', 'preceding', 'next', 'coming', 'last', 'first', 'same', 'final', 'following', 'remaining', 'latest', 'initial', 'ensuing', 'prior', 'recent', 'entire', 'whole', 'full', 'subsequent', 'intervening', 'ten', 'other']);

const amount: Rule = (v, i, W) => {
  let j = i;
  let mod: string | undefined;
  let the = false;
  const approx = W.approximators.at(v.w, j, v.w.length);
  if (approx && numberAt(v, j + approx.length, W)?.n != null) {
    mod = approx.value;
    j += approx.length;
  } else if (v.w[j] === 'the') {
    the = true;
    j++;
    if (THE_MODIFIERS.has(v.w[j])) j++;
    if (v.w[j] === 'past' || v.w[j] === 'last') j++; // "the first two", "the last few"
  }
  // "the past month", "the previous year": one unit
  if (the && j === i + 2 && (v.w[i + 1] === 'past' || v.w[i + 1] === 'previous' || v.w[i + 1] === 'preceding' || v.w[i + 1] === 'last')) {
    const u = unitAt(v, j, W);
    if (u && !u.plural && u.u !== 'Q') return { end: j + 1, sem: { k: 'duration', value: durationValue(1, u.u) }, rule: 'duration:the-past-unit' };
  }
  const num = numberAt(v, j, W);
  if (!num) return null;
  if (the && num.n !== null && v.w[j] !== undefined && W.numbers.at(v.w, j, v.w.length)?.value === 1 && v.w[j] === 'a') return null;
  // "two more weeks", "three additional months"
  // "two more weeks", "eight trading days", "five business days"
  const extra = num.n !== null && COUNTED_UNIT_WORDS.has(v.w[num.end]) ? 1 : 0;
  const u = unitAt(v, num.end + extra, W);
  if (!u) return null;
  if (u.u === 'S' && !u.plural) return null; // "a second", "the second": the ordinal
  if (isCap(v, num.end + extra) && num.end + extra > 0) return null; // "60 Minutes", "48 Hours": a title
  const end = num.end + extra + 1;
  // "a minute and a half", "a year and a half"
  if (num.n !== null && v.w[end] === 'and' && v.w[end + 1] === 'a' && v.w[end + 2] === 'half') {
    return { end: end + 3, sem: { k: 'duration', value: durationValue(num.n + 0.5, u.u) }, mod, rule: 'duration:and-a-half' };
  }
  // a singular unit after a number other than one only as a modifier: "a three hour delay"
  if (num.n !== null && num.n > 1 && !u.plural && !/^\p{Ll}/u.test(v.t[end] ?? '')) return null;
  if (num.n === null && !u.plural) return null;
  const after = v.w[end];
  // "a year" after a noun or a number is a rate ("7,000 rounds a day"), not an amount of time
  if (!the && !mod && num.n === 1 && (v.w[j] === 'a' || v.w[j] === 'an') && !u.plural) {
    const prev = v.w[i - 1];
    if (prev !== undefined && !DURATION_BEFORE.has(prev) && /^[\p{L}\d]/u.test(prev) && after !== 'ago' && after !== 'earlier' && after !== 'later' && after !== 'before' && after !== 'after') {
      return { end, sem: { k: 'set', value: durationValue(1, u.u) }, rule: 'set:a-unit' };
    }
  }
  const shift = SHIFT_UNIT[u.u];
  if (!the && num.n !== null && shift) {
    const n = num.n * shift.k;
    if (after === 'ago') return { end: end + 1, sem: { k: 'shift', unit: shift.unit, n: -n, base: 'ref' }, mod, rule: 'shift:ago' };
    if (after === 'from' && v.w[end + 1] === 'now') return { end: end + 2, sem: { k: 'shift', unit: shift.unit, n, base: 'ref' }, mod, rule: 'shift:from-now' };
    if (after === 'earlier' || after === 'later' || ((after === 'before' || after === 'after') && clauseEnds(v, end + 1))) {
      const sign = after === 'earlier' || after === 'before' ? -1 : 1;
      return { end: end + 1, sem: { k: 'shift', unit: shift.unit, n: sign * n, base: 'anchor' }, mod, rule: `shift:${after}` };
    }
  }
  if (after === 'old' || (after === 'of' && v.w[end + 1] === 'age')) return null; // ages are not times in a ledger
  return { end, sem: { k: 'duration', value: durationValue(num.n, u.u) }, mod, rule: the ? 'duration:the-n-units' : 'duration:n-units' };
};

const COUNTED_UNIT_WORDS = new Set(['more', 'additional', 'further', 'extra', 'trading', 'business', 'working', 'calendar', 'school']);

/** Nothing after "before"/"after" but punctuation or a new clause: "twelve months before." */
function clauseEnds(v: View, j: number): boolean {
  const w = v.w[j];
  return w === undefined || !/^[\p{L}\d$£€]/u.test(w) || w === 'and' || w === 'but';
}

/** "two-year", "12-month", "week-long", "decades-long". */
const hyphenAmount: Rule = (v, i, W) => {
  const s = v.w[i] ?? '';
  const long = /^([a-z]+)-long$/.exec(s);
  if (long) {
    const u = W.units.get(long[1]);
    if (!u) return null;
    return { end: i + 1, sem: { k: 'duration', value: durationValue(/s$/.test(long[1]) ? null : 1, u) }, rule: 'duration:unit-long' };
  }
  const m = /^([a-z]+(?:-[a-z]+)?|\d+)-(day|week|month|year|decade|hour|minute|quarter)(?:-long|-old)?$/.exec(s);
  if (!m) return null;
  if (s.endsWith('-old')) return null;
  const n = /^\d+$/.test(m[1]) ? +m[1] : numberAt({ w: [m[1]], t: [m[1]] }, 0, W)?.n;
  if (n === undefined) return null;
  const u = W.units.get(m[2])!;
  // "a several-year effort": an amount whose number is vague
  return { end: i + 1, sem: { k: 'duration', value: durationValue(n, u) }, rule: n === null ? 'duration:hyphenated-vague' : 'duration:hyphenated' };
};

// ---------------------------------------------------------------------------------------------
// Years, decades, centuries; present, past and future references; frequencies; clock times.

const YEAR_PREP = new Set(['in', 'since', 'by', 'of', 'from', 'until', 'till', 'between', 'and', 'to', 'through', 'before', 'after', 'during', 'circa', 'c.', 'or', 'as', 'for', 'around']);
const QUANTITY_BEFORE = new Set(['about', 'some', 'nearly', 'over', 'around', 'roughly', 'almost', 'than', 'least', 'approximately', '$', '£', '€', '#', 'no', 'up', 'just']);

const year: Rule = (v, i, W) => {
  // "the year 2000", "fiscal 1989", "FY2023"
  if (v.w[i] === 'the' && v.w[i + 1] === 'year' && yearAt(v, i + 2) !== null) return { end: i + 3, sem: { k: 'abs', point: { g: 'year', y: yearAt(v, i + 2)! } }, rule: 'year:the-year' };
  // a year read out: "the year two thousand"
  if (v.w[i] === 'the' && v.w[i + 1] === 'year' && v.w[i + 2] === 'two' && v.w[i + 3] === 'thousand') return { end: i + 4, sem: { k: 'abs', point: { g: 'year', y: 2000 } }, rule: 'year:the-year-spoken' };
  if (v.w[i] === 'fiscal' || v.w[i] === 'fy') {
    const j = v.w[i + 1] === 'year' ? i + 2 : i + 1;
    const y = yearAt(v, j);
    if (y !== null) return { end: j + 1, sem: { k: 'abs', point: { g: 'year', y } }, rule: 'year:fiscal' };
  }
  // years read out in transcripts: "nineteen ninety-six", "nineteen seventy"
  if (v.w[i] === 'nineteen' && v.w[i + 1] !== undefined) {
    const rest = numberAt(v, i + 1, W);
    if (rest && rest.n !== null && rest.n >= 10 && rest.n < 100 && !unitAt(v, rest.end, W)) return { end: rest.end, sem: { k: 'abs', point: { g: 'year', y: 1900 + rest.n } }, rule: 'year:spoken' };
  }
  const fy = /^fy(\d{4})$/.exec(v.w[i] ?? '');
  if (fy) return { end: i + 1, sem: { k: 'abs', point: { g: 'year', y: +fy[1] } }, rule: 'year:fiscal' };
  const y = yearAt(v, i);
  if (y === null) return null;
  const prev = v.w[i - 1];
  const next = v.w[i + 1];
  if (prev !== undefined && (W.identifiers.has(prev) || QUANTITY_BEFORE.has(prev))) return null;
  if (prev !== undefined && /^[-–]$/.test(prev) && v.w[i - 2] !== undefined && W.identifiers.has(v.w[i - 2])) return null;
  if (next !== undefined && (next === '%' || next === 'percent' || next === 'per' || next === ':' || W.units.has(next))) return null;
  // "2000 troops": a number before a counted noun; "the 2018 agreement" stays a year
  if (next !== undefined && /^\p{Ll}+s$/u.test(next) && !(prev !== undefined && (YEAR_PREP.has(prev) || prev === 'the' || prev === 'its' || prev === 'their'))) return null;
  if (y < 1800 && !(prev !== undefined && YEAR_PREP.has(prev))) return null;
  return { end: i + 1, sem: { k: 'abs', point: { g: 'year', y } }, rule: 'year' };
};

const DECADE_WORDS: Record<string, number> = nullProto({ twenties: 1920, thirties: 1930, forties: 1940, fifties: 1950, sixties: 1960, seventies: 1970, eighties: 1980, nineties: 1990 });

const decade: Rule = (v, i) => {
  let j = i;
  if (v.w[j] === 'the') j++;
  const d = /^(\d{3})0s$/.exec(v.w[j] ?? '');
  if (d) return { end: j + 1, sem: { k: 'abs', point: { g: 'decade', y: +d[1] * 10 } }, rule: 'year:decade' };
  // "the nineties", "the eighties"
  const spoken = DECADE_WORDS[v.w[j] ?? ''];
  if (spoken && v.w[i] === 'the') return { end: j + 1, sem: { k: 'abs', point: { g: 'decade', y: spoken } }, rule: 'year:decade-spoken' };
  // "the '90s"
  if ((v.w[j] === "'" || v.w[j] === '’') && /^\d0s$/.test(v.w[j + 1] ?? '')) {
    const dd = +v.w[j + 1][0];
    return { end: j + 2, sem: { k: 'abs', point: { g: 'decade', y: (dd >= 3 ? 1900 : 2000) + dd * 10 } }, rule: 'year:decade-short' };
  }
  // "the 20th century", "20th century art"
  if (v.w[j + 1] === 'century') {
    const m = /^(\d{1,2})(st|nd|rd|th)$/.exec(v.w[j] ?? '');
    const n = m ? +m[1] : null;
    if (n) return { end: j + 2, sem: { k: 'abs', point: { g: 'century', c: n - 1 } }, rule: 'year:century' };
  }
  return null;
};

const reference: Rule = (v, i, W) => {
  const r = W.refs.at(v.w, i, v.w.length);
  if (r) {
    if (v.w[i] === 'soon' && v.w[i - 1] === 'as') return null; // "as soon as"
    if (v.w[i] === 'now' && (v.w[i + 1] === 'that' || v.w[i - 1] === 'by')) return r.value === 'PRESENT_REF' && v.w[i + 1] === 'that' ? null : { end: i + r.length, sem: { k: 'ref', value: r.value as 'PRESENT_REF' }, rule: 'ref:present' };
    return { end: i + r.length, sem: { k: 'ref', value: r.value as 'PRESENT_REF' }, rule: `ref:${r.value.toLowerCase()}` };
  }
  // "recent years", "recent months"
  // "recent years": TimeML reads an amount of unknown length
  const u = v.w[i] === 'recent' ? unitAt(v, i + 1, W) : null;
  if (u?.plural) return { end: i + 2, sem: { k: 'duration', value: durationValue(null, u.u) }, rule: 'duration:recent-units' };
  return null;
};

const frequency: Rule = (v, i, W) => {
  const f = W.frequency.get(v.w[i]);
  if (f) return { end: i + 1, sem: { k: 'set', value: f }, rule: 'set:adverb' };
  if (v.w[i] === 'every' || v.w[i] === 'each' || v.w[i] === 'per') {
    const num = numberAt(v, i + 1, W);
    const j = num && num.n !== null ? num.end : i + 1;
    const u = unitAt(v, j, W);
    if (u) return { end: j + 1, sem: { k: 'set', value: durationValue(num && num.n !== null ? num.n : 1, u.u) }, rule: `set:${v.w[i]}-unit` };
    const wd = W.weekdays.get(v.w[i + 1]);
    if (wd && v.w[i] !== 'per') return { end: i + 2, sem: { k: 'set', value: `XXXX-WXX-${wd}` }, rule: `set:${v.w[i]}-weekday` };
  }
  // "twice a year", "three times a week"
  const times = v.w[i] === 'once' || v.w[i] === 'twice' ? i + 1 : v.w[i + 1] === 'times' && numberAt(v, i, W) ? i + 2 : -1;
  if (times > 0 && (v.w[times] === 'a' || v.w[times] === 'per') && unitAt(v, times + 1, W)) {
    return { end: times + 2, sem: { k: 'set', value: durationValue(1, unitAt(v, times + 1, W)!.u) }, rule: 'set:times-a-unit' };
  }
  return null;
};

const ZONES = new Set(['est', 'edt', 'cst', 'cdt', 'pst', 'pdt', 'gmt', 'utc', 'bst', 'cet', 'msk', 'kst']);

const clock: Rule = (v, i, W) => {
  let h: number;
  let min = 0;
  let j: number;
  let hasMin = false;
  // "High Noon", "high noon comes today": an idiom or a title, not a clock time
  if ((v.w[i] === 'noon' || v.w[i] === 'midnight') && (v.w[i - 1] === 'high' || isCap(v, i) && i > 0)) return null;
  if (v.w[i] === 'noon' || v.w[i] === 'midday') {
    h = 12;
    j = i + 1;
    hasMin = true;
  } else if (v.w[i] === 'midnight') {
    h = 24;
    j = i + 1;
    hasMin = true;
  } else {
    if (!/^\d{1,2}$/.test(v.w[i] ?? '')) return null;
    h = +v.w[i];
    j = i + 1;
    if (v.w[j] === ':' && /^\d{2}$/.test(v.w[j + 1] ?? '')) {
      min = +v.w[j + 1];
      hasMin = true;
      j += 2;
    }
    const ampm = /^(a\.m|p\.m|am|pm)$/.exec(v.w[j] ?? '');
    if (ampm) {
      if (ampm[1][0] === 'p' && h < 12) h += 12;
      if (ampm[1][0] === 'a' && h === 12) h = 0;
      j += v.w[j + 1] === '.' && v.w[j].includes('.') ? 2 : 1;
    } else if (!hasMin || !(v.w[i - 1] === 'at' || v.w[i - 1] === 'by' || v.w[i - 1] === 'around' || v.w[i - 1] === 'until')) return null;
    if (h > 24 || min > 59) return null;
  }
  if (ZONES.has(v.w[j])) j++;
  const t = h === 24 ? 'T24:00' : `T${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
  // the day it is on: "noon Thursday", "5 p.m. EST, Nov. 6", "10 p.m. yesterday"; past a bracketed
  // conversion ("10:35 a.m. (0735 GMT) Friday") the day still counts, though the span ends before the bracket
  const close = v.w[j] === '(' ? v.w.indexOf(')', j) : -1;
  const bracketed = close > j && close - j <= 5;
  const after = bracketed ? close + 1 : j;
  const k = v.w[after] === ',' || v.w[after] === 'on' ? after + 1 : after;
  const day = weekdayDate(v, k, W) ?? monthDate(v, k, W) ?? deicticDay(v, k, W);
  if (day && (day.sem.k === 'weekday' || day.sem.k === 'abs' || day.sem.k === 'month' || day.sem.k === 'deictic')) {
    return { end: bracketed ? j : day.end, sem: { k: 'time', day: day.sem, t }, rule: bracketed ? 'time:clock-bracket-day' : 'time:clock-day' };
  }
  return { end: j, sem: { k: 'time', day: { k: 'deictic', unit: 'D', offset: 0, base: 'ref' }, t }, rule: 'time:clock' };
};

// ---------------------------------------------------------------------------------------------
// Seasons: "the spring", "summer 2023", "the winter of 1994".

const SEASON_CONTEXT = new Set(['in', 'the', 'by', 'before', 'until', 'till', 'since', 'through', 'during', 'over', 'into', 'of', 'early', 'late', 'mid', 'this', 'last', 'next', 'that', 'from', 'throughout', 'after']);

const season: Rule = (v, i, W) => {
  const the = v.w[i] === 'the';
  const j = the ? i + 1 : i;
  const s = W.seasons.get(v.w[j]);
  if (!s) return null;
  const k = v.w[j + 1] === 'of' ? j + 2 : j + 1;
  const y = yearAt(v, k);
  if (y !== null) return { end: k + 1, sem: { k: 'abs', point: { g: 'season', y, s: s as Season } }, rule: 'season:with-year' };
  const prev = v.w[i - 1];
  if (!the && !(prev !== undefined && SEASON_CONTEXT.has(prev))) return null;
  if (v.w[j] === 'fall' && !the) return null; // "prices fall"
  return { end: j + 1, sem: { k: 'season', s: s as Season, rel: 'bare' }, rule: 'season' };
};

// The rules a part word ("early", "the end of") may apply to.
PART_INNER.push(monthDate, year, decade, relWord, season, earlierLater, (v, i) => {
  // "the year", "the month"
  if (v.w[i] === 'the' && (v.w[i + 1] === 'year' || v.w[i + 1] === 'month' || v.w[i + 1] === 'week')) return { end: i + 2, sem: { k: 'deictic', unit: CALENDAR_UNITS[v.w[i + 1]] as Unit, offset: 0, base: 'ref' }, rule: `rel:the-${v.w[i + 1]}` };
  return null;
});

export const RULES: readonly Rule[] = [
  theCurrent,
  accountsYear,
  weekOf,
  numericDate,
  weekdayDate,
  holiday,
  monthDate,
  dayMonth,
  theDayMonth,
  partOf,
  quarter,
  theQuarter,
  deicticDay,
  relWord,
  earlierLater,
  anaphoric,
  dayBeforeAfter,
  amount,
  hyphenAmount,
  year,
  decade,
  reference,
  frequency,
  clock,
  season,
];

// The words each rule may start with: at a token only the rules listing it run, in RULES order (and
// the shape rules below when it holds a digit, a hyphen or an apostrophe), so at most tokens none
// does. Lexicon words come from the compiled lexicon.
const keysOf = (m: ReadonlyMap<string, unknown>): string[] => [...m.keys()];
// Lookups in plain objects (REL, the deictic days) also find what Object.prototype holds ("constructor"):
// those names start the rules too, so gating changes nothing.
const INHERITED = Object.getOwnPropertyNames(Object.prototype);
const REL_WORDS = [...Object.keys(REL), ...INHERITED];
const RULE_STARTS = new Map<Rule, (W: CompiledTimeWords) => readonly string[]>([
  [theCurrent, () => ['the']],
  [accountsYear, () => ['the', 'year']],
  [weekOf, () => ['the']],
  [numericDate, () => []],
  [weekdayDate, (W) => keysOf(W.weekdays)],
  [holiday, (W) => [...REL_WORDS, ...W.holidays.firsts]],
  [monthDate, (W) => [...keysOf(W.months), ...keysOf(W.monthAbbreviations)]],
  [dayMonth, () => []],
  [theDayMonth, () => ['the']],
  [partOf, () => ['the', 'early', 'mid', 'late']],
  [quarter, () => ['the', 'last', 'this', 'next', 'fiscal', 'first', 'second', 'third', 'fourth']],
  [theQuarter, () => ['the']],
  [deicticDay, () => ['today', 'yesterday', 'tomorrow', 'tonight', ...INHERITED]],
  [relWord, () => REL_WORDS],
  [earlierLater, () => ['earlier', 'later']],
  [anaphoric, () => ['the', 'that']],
  [dayBeforeAfter, () => ['the']],
  [amount, (W) => ['the', ...W.approximators.firsts, ...W.numbers.firsts, ...W.vague.firsts]],
  [hyphenAmount, () => []],
  [year, () => ['the', 'fiscal', 'fy', 'nineteen']],
  [decade, () => ['the']],
  [reference, (W) => ['recent', ...W.refs.firsts]],
  [frequency, (W) => [...keysOf(W.frequency), 'every', 'each', 'per', 'once', 'twice', ...W.numbers.firsts, ...W.vague.firsts]],
  [clock, () => ['noon', 'midday', 'midnight']],
  [season, (W) => ['the', ...keysOf(W.seasons)]],
]);
const rulesByWord = new WeakMap<CompiledTimeWords, ReadonlyMap<string, readonly Rule[]>>();

let lastWords: CompiledTimeWords | null = null;
let lastByWord: ReadonlyMap<string, readonly Rule[]> | null = null;

function rulesByStart(W: CompiledTimeWords): ReadonlyMap<string, readonly Rule[]> {
  if (W === lastWords && lastByWord) return lastByWord;
  let byWord = rulesByWord.get(W);
  if (byWord) {
    lastWords = W;
    lastByWord = byWord;
    return byWord;
  }
  const map = new Map<string, Rule[]>();
  for (const rule of RULES) {
    const starts = RULE_STARTS.get(rule);
    if (!starts) throw new Error('times: a rule without its start words');
    for (const w of new Set(starts(W))) {
      const list = map.get(w) ?? [];
      list.push(rule);
      map.set(w, list);
    }
  }
  byWord = map;
  rulesByWord.set(W, byWord);
  return byWord;
}

// Rules that start on a token's shape rather than on a listed word: a digit ("2022", "3rd", "Q3",
// "10:30"), a hyphen ("mid-May", "year-end", "two-year", "twenty-five"), or a lone apostrophe
// ("the '90s"). A token with a shape runs these rules and those listing the token, in RULES order.
const DIGIT = 1;
const HYPHEN = 2;
const APOSTROPHE = 4;
const SHAPE_RULES = new Map<Rule, number>([
  [numericDate, DIGIT],
  [dayMonth, DIGIT],
  [quarter, DIGIT | HYPHEN],
  [theQuarter, HYPHEN],
  [accountsYear, HYPHEN],
  [partOf, HYPHEN],
  [amount, DIGIT | HYPHEN],
  [hyphenAmount, HYPHEN],
  [year, DIGIT],
  [decade, DIGIT | APOSTROPHE],
  [frequency, DIGIT | HYPHEN],
  [clock, DIGIT],
]);
/** The shape rules for each combination of shapes, in RULES order. */
const BY_SHAPE: readonly (readonly Rule[])[] = Array.from({ length: 8 }, (_, mask) => RULES.filter((r) => ((SHAPE_RULES.get(r) ?? 0) & mask) !== 0));

/** Which shapes the word has: digits, hyphens, apostrophes (0 for a plain word). */
function shapeOf(w: string): number {
  let mask = 0;
  for (let k = 0; k < w.length; k++) {
    const c = w.charCodeAt(k);
    if (c >= 48 && c <= 57) mask |= DIGIT;
    else if (c === 45) mask |= HYPHEN;
    else if (c === 39 || c === 0x2019) mask |= APOSTROPHE;
  }
  return mask;
}

const startWordSets = new WeakMap<CompiledTimeWords, ReadonlySet<string>>();

/**
 * Can an expression, or the signal before one ("on", "since"), start at this word? Only a word
 * some rule or signal lists, or one with a digit, hyphen or apostrophe: most words are passed over
 * with one set lookup and no rule tried.
 */
export function mayStartTime(word: string, W: CompiledTimeWords): boolean {
  let words = startWordSets.get(W);
  if (!words) startWordSets.set(W, (words = new Set([...rulesByStart(W).keys(), 'the', ...W.signals.firsts])));
  return words.has(word) || shapeOf(word) !== 0;
}

/** The rules to try at a word: those listing it, and those its shape may start. */
function rulesAt(word: string, W: CompiledTimeWords): readonly Rule[] | undefined {
  const listed = rulesByStart(W).get(word);
  const mask = shapeOf(word);
  if (mask === 0) return listed;
  const shaped = BY_SHAPE[mask];
  if (!listed) return shaped;
  return RULES.filter((r) => listed.includes(r) || shaped.includes(r));
}

// "the" starts thirteen rules, each of which needs a certain word next ("the year", "the 1990s",
// "the following week"); a "the" before any other word runs only the rules that need no such word.
// A rule whose list is null may read on after "the" alone, and runs after any word.
const theFollowers = (phrases: Phrases<unknown>): readonly string[] | null => phrases.followers('the');
const THE_NEXT = new Map<Rule, (W: CompiledTimeWords) => readonly string[] | null>([
  [holiday, (W) => theFollowers(W.holidays)], // "the Fourth of July"
  [reference, (W) => theFollowers(W.refs)], // "the past", "the coming years"
  [theCurrent, () => ['weekend', 'current']],
  [accountsYear, () => ['full', 'fiscal', 'whole', 'entire', 'year']],
  [weekOf, () => ['week']],
  [theDayMonth, () => []],
  [partOf, (W) => keysOf(W.partWords)],
  [quarter, () => ['fiscal', 'first', 'second', 'third', 'fourth', 'last']],
  [theQuarter, () => ['comparable', 'corresponding', 'latest', 'recent', 'current', 'fiscal', 'first', 'second', 'third', 'fourth', 'quarter', 'period']],
  [anaphoric, () => [...Object.keys(ANCHOR_REL), ...INHERITED]],
  [dayBeforeAfter, () => ['day']],
  // "the better part of": an approximator starting with "the" lets the rule read on after its second word
  [amount, (W) => {
    const approximators = theFollowers(W.approximators);
    return approximators && [...THE_MODIFIERS, ...W.numbers.firsts, ...W.vague.firsts, ...approximators];
  }],
  [year, () => ['year']],
  [decade, () => [...Object.keys(DECADE_WORDS), ...INHERITED]],
  [season, (W) => keysOf(W.seasons)],
]);

interface TheRules {
  all: readonly Rule[];
  byNext: ReadonlyMap<string, readonly Rule[]>;
  ungated: readonly Rule[];
}
const theRulesCache = new WeakMap<CompiledTimeWords, TheRules>();

function theRulesOf(W: CompiledTimeWords): TheRules {
  let t = theRulesCache.get(W);
  if (t) return t;
  const all = rulesByStart(W).get('the') ?? [];
  const lists = new Map<Rule, readonly string[]>();
  for (const r of all) {
    const words = THE_NEXT.get(r)?.(W);
    if (words) lists.set(r, words);
  }
  const gated = (r: Rule): boolean => lists.has(r);
  const nexts = new Map<Rule, ReadonlySet<string>>([...lists].map(([r, words]) => [r, new Set(words)]));
  const byNext = new Map<string, readonly Rule[]>();
  for (const words of nexts.values()) for (const n of words) if (!byNext.has(n)) byNext.set(n, all.filter((r) => !gated(r) || nexts.get(r)!.has(n)));
  t = { all, byNext, ungated: all.filter((r) => !gated(r)) };
  theRulesCache.set(W, t);
  return t;
}

/** The rules to try at a "the", by the word after it (any rule when that word has a digit, hyphen or apostrophe). */
function rulesAfterThe(next: string | undefined, W: CompiledTimeWords): readonly Rule[] {
  const t = theRulesOf(W);
  if (next === undefined) return t.ungated;
  if (shapeOf(next) !== 0) return t.all;
  return t.byNext.get(next) ?? t.ungated;
}

/** The longest expression starting at token i, or null. */
export function recognizeAt(v: View, i: number, W: CompiledTimeWords): Found | null {
  const word = v.w[i];
  if (word === undefined) return null;
  const rules = word === 'the' ? rulesAfterThe(v.w[i + 1], W) : rulesAt(word, W);
  if (!rules || rules.length === 0) return null;
  let best: Found | null = null;
  for (const rule of rules) {
    const f = rule(v, i, W);
    if (f && f.end > i && (!best || f.end > best.end)) best = f;
  }
  return best;
}
