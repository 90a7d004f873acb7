// Amounts with figures: [bound words] [range start] figure [joiner figure] [currency | unit]
// [trailing bound] [rate], read from one token within a bounded window. "more than 3 million",
// "between about 240,000 and 280,000 barrels a year", "70-90%", "$700 million a year".
import type { QuantityLead } from '../../lexicons.js';
import { hyphenRange, readFigure, type Figure } from './figure.js';
import { blockedBecause } from './guards.js';
import { nounPhrase, ofPhrase, type ItemPhrase } from './item.js';
import { parseNumeral } from './numbers.js';
import { tidy, type Draft, type View } from './view.js';
import type { CompiledQuantityWords } from './words.js';

const MAX_LEADS = 3;
const BASELINE_WINDOW = 5;
const DASHES = new Set(['-', '–', '—']);

/** Bound and hedge words at i: "more than", "well over", "only about". */
function readLeads(v: View, i: number, W: CompiledQuantityWords): { kinds: QuantityLead[]; end: number } {
  const kinds: QuantityLead[] = [];
  let j = i;
  for (let n = 0; n < MAX_LEADS; n++) {
    const l = W.leads.match(v.w, j);
    if (!l) break;
    // "handed over eight tanks": a particle of the verb, not a bound
    if (j > 0 && W.particleVerbs.get(v.w.slice(j, j + l.length).join(' '))?.has(v.w[j - 1])) break;
    kinds.push(l.value);
    j += l.length;
  }
  return { kinds, end: j };
}

/** Is the figure at i the other side of a comparison ("against a previous peak of no more than 20")? */
export function isBaseline(v: View, i: number, W: CompiledQuantityWords): boolean {
  for (let k = Math.max(0, i - BASELINE_WINDOW); k < i; k++) {
    const m = W.baselineCues.match(v.w, k);
    if (m && k + m.length <= i) return true;
    const a = W.baselineAdjacent.match(v.w, k);
    if (a && k + a.length === i) return true;
  }
  return false;
}

/** A change verb right before "from" ("rose from 20 to 73"): the two figures are not a range. */
function afterChangeVerb(v: View, i: number, W: CompiledQuantityWords): boolean {
  return i > 0 && (W.rises.match(v.w, i - 1)?.length === 1 || W.falls.match(v.w, i - 1)?.length === 1 || W.changeVerbs.has(v.w[i - 1]));
}

interface Side {
  figure: Figure;
  /** A unit written after this end of the range ("70 percent to 90 percent"). */
  unit?: { value: string; end: number };
}

function sideAt(v: View, j: number, W: CompiledQuantityWords): Side | null {
  const figure = readFigure(v, j, W);
  if (!figure) return null;
  const u = W.units.match(v.w, figure.end);
  return { figure, ...(u ? { unit: { value: u.value, end: figure.end + u.length } } : {}) };
}

/** "70-90", "$5-7 billion": a range in one token, as two figures sharing the token. */
function hyphenSides(v: View, j: number, W: CompiledQuantityWords): [Figure, Figure] | null {
  const cur = W.currencySymbols.get(v.w[j]);
  const at = cur ? j + 1 : j;
  const parts = hyphenRange(v.w[at] ?? '');
  if (!parts) return null;
  const a = parseNumeral(parts[0]);
  const b = parseNumeral(parts[1]);
  if (!a || !b || v.inTime[at]) return null;
  if (a.digits === 4 && b.digits >= 2 && !a.formatted && a.value >= 1800 && a.value <= 2100) return null; // "2020-24"
  const m = W.multipliers.get(v.w[at + 1]);
  const end = m === undefined ? at + 1 : at + 2;
  const scale = m ?? 1;
  const base = { end, mult: m !== undefined, words: false, from: j, numberAt: at, currency: cur ?? null };
  return [
    { ...base, value: tidy(a.value * scale), numeral: a },
    { ...base, value: tidy(b.value * scale), numeral: b },
  ];
}

/** One end of a range inherits what the other end says: "between one and three million", "$5 to $7 billion". */
function share(left: Figure, right: Figure): number {
  if (!left.mult && right.mult && left.value < 1000) {
    const scale = right.value / (right.numeral?.value ?? right.value);
    if (Number.isFinite(scale) && scale > 1) return tidy(left.value * scale);
    for (const m of [1e12, 1e9, 1e6, 1e3, 100, 12]) if (right.value >= m && Number.isInteger(right.value / m)) return tidy(left.value * m);
  }
  return left.value;
}

interface Reading {
  from: number;
  end: number;
  min: number | null;
  max: number | null;
  value: number | null;
  currency: string | null;
  unit: { value: string; end: number; from: number } | null;
  range: boolean;
  first: Figure;
}

function readFigures(v: View, i: number, j: number, rangeStart: string | null, W: CompiledQuantityWords): Reading | null {
  const hy = hyphenSides(v, j, W);
  if (hy) {
    const [a, b] = hy;
    if (!(a.value < b.value) || blockedBecause(v, a, W, { inRange: true })) return null;
    const u = W.units.match(v.w, a.end);
    return { from: i, end: u ? a.end + u.length : a.end, min: a.value, max: b.value, value: null, currency: a.currency, unit: u ? { value: u.value, end: a.end + u.length, from: a.end } : null, range: true, first: a };
  }
  const left = sideAt(v, j, W);
  if (!left) return null;
  const lf = left.figure;
  const afterLeft = left.unit ? left.unit.end : lf.end;
  const joiner = v.w[afterLeft];
  const between = rangeStart !== null && rangeStart.endsWith('between');
  const joinerOk = between ? joiner === 'and' || DASHES.has(joiner) : rangeStart !== null ? joiner === 'to' || DASHES.has(joiner) : (joiner === 'to' && v.w[j - 1] !== 'from') || DASHES.has(joiner) || joiner === 'or';
  if (joinerOk) {
    let r = afterLeft + 1;
    const hedge = W.leads.match(v.w, r);
    if (hedge && hedge.value === 'approx') r += hedge.length;
    const right = sideAt(v, r, W);
    if (right && !blockedBecause(v, right.figure, W, { inRange: true }) && !blockedBecause(v, lf, W, { inRange: true })) {
      const rf = right.figure;
      const unitsAgree = !left.unit || !right.unit || left.unit.value === right.unit.value;
      const currencyAgree = !lf.currency || !rf.currency || lf.currency === rf.currency;
      const min = share(lf, rf);
      if (unitsAgree && currencyAgree && min < rf.value) {
        const u = right.unit ?? left.unit;
        const end = right.unit ? right.unit.end : rf.end;
        const unit = u ? { value: u.value, end, from: right.unit ? rf.end : lf.end } : null;
        return { from: i, end, min, max: rf.value, value: null, currency: lf.currency ?? rf.currency, unit, range: true, first: lf };
      }
    }
  }
  if (rangeStart !== null) return null; // "between" with no second figure: let the figure be read on its own
  if (blockedBecause(v, lf, W, { inRange: false })) return null;
  const unit = left.unit ? { value: left.unit.value, end: left.unit.end, from: lf.end } : null;
  return { from: i, end: unit ? unit.end : lf.end, min: null, max: null, value: lf.value, currency: lf.currency, unit, range: false, first: lf };
}

/** The amount starting at token i, or null. */
export function readAmount(v: View, i: number, W: CompiledQuantityWords): Draft | null {
  const w = v.w;
  const leads = readLeads(v, i, W);
  let j = leads.end;
  let approx = leads.kinds.includes('approx');
  let rangeStart: string | null = null;
  const rs = W.rangeStarts.match(w, j);
  if (rs && !(w[j] === 'from' && afterChangeVerb(v, j, W))) {
    rangeStart = w.slice(j, j + rs.length).join(' ');
    approx ||= rs.value;
    j += rs.length;
    const hedge = W.leads.match(w, j);
    if (hedge && hedge.value === 'approx') {
      approx = true;
      j += hedge.length;
    }
  }
  const r = readFigures(v, i, j, rangeStart, W);
  if (!r) return null;
  let end = r.end;
  let currency = r.currency;
  let unit = r.unit;
  if (!currency && !unit) {
    const cw = W.currencyWords.match(w, end);
    if (cw) {
      currency = cw.value;
      end += cw.length;
    } else {
      const u = W.units.match(w, end);
      if (u) {
        unit = { value: u.value, from: end, end: end + u.length };
        end += u.length;
      }
    }
  }
  const kinds = [...leads.kinds];
  const trail = W.trailing.match(w, end);
  if (trail && (w[end] !== '+' || end === 0 || v.starts[end] === v.ends[end - 1])) {
    kinds.push(trail.value);
    end += trail.length;
  }
  approx ||= kinds.includes('approx');
  const rate = W.rates.match(w, end);
  const per = rate ? rate.value : undefined;
  if (rate) end += rate.length;

  // What is counted or measured: "containers" (a unit noun in the span), "of corn" after a
  // measure, or the noun phrase after the figure ("F-16 fighter jets").
  let item: ItemPhrase | null = null;
  let unitName: string;
  if (currency) {
    unitName = currency;
    item = per ? null : ofPhrase(v, end, W) ?? nounPhrase(v, end, W);
  } else if (unit) {
    unitName = unit.value;
    const counted = W.countUnitPhrases.has(w.slice(unit.from, unit.end).join(' '));
    item = counted ? { from: unit.from, to: unit.end, unit: unit.value } : ofPhrase(v, end, W);
  } else {
    item = nounPhrase(v, end, W) ?? ofPhrase(v, end, W);
    unitName = item?.unit ?? 'item';
  }
  if (per) unitName = `${unitName} per ${per}`;

  const bound = lastBound(kinds);
  const value = r.range ? null : bound ? null : r.value;
  const min = r.range ? r.min : bound === 'min' ? r.value : null;
  const max = r.range ? r.max : bound === 'max' ? r.value : null;
  const shape = r.range ? 'range' : bound ?? (approx ? 'approx' : 'point');
  return {
    from: i,
    to: end,
    value,
    min,
    max,
    unit: unitName,
    ...(per ? { per } : {}),
    approx,
    vague: false,
    rule: `amount:${shape}${currency ? ':currency' : ''}${r.first.words ? ':words' : ''}`,
    ...(item ? { item: { from: item.from, to: item.to } } : {}),
    ...(isBaseline(v, i, W) ? { baseline: true } : {}),
  };
}

function lastBound(kinds: QuantityLead[]): 'min' | 'max' | null {
  for (let k = kinds.length - 1; k >= 0; k--) if (kinds[k] === 'min' || kinds[k] === 'max') return kinds[k] as 'min' | 'max';
  return null;
}
