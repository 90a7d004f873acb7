// Amounts that cannot both hold. Two estimates of one flow conflict when their amounts (same
// unit) have no value in common and their periods overlap, unless the later report is higher
// and its period runs on: a cumulative count that grew is an update, not a contradiction.
import { firstDay, lastDay, periodsOverlap } from './periods.js';
import { formatQuantity } from './format.js';
import type { Conflict, Estimate } from './types.js';

/** "about" figures are read as ±20%, the usual width of a rounded press figure. */
const APPROX = 0.2;

interface Range {
  lo: number;
  hi: number;
}

export function rangeOf(e: Estimate): Range | null {
  const q = e.quantity;
  if (!q || q.change) return null;
  if (q.value !== null) return q.approx ? { lo: q.value * (1 - APPROX), hi: q.value * (1 + APPROX) } : { lo: q.value, hi: q.value };
  if (q.min === null && q.max === null) return null;
  return { lo: q.min ?? 0, hi: q.max ?? Infinity };
}

const unitOf = (e: Estimate): string => e.quantity?.unit ?? 'item';
const start = (e: Estimate): string => firstDay(e.since) ?? '0000';
const end = (e: Estimate): string => lastDay(e.until) ?? '9999';
/** Whether a's period holds all of b's. */
const contains = (a: Estimate, b: Estimate): boolean => start(a) <= start(b) && end(a) >= end(b);
const samePeriod = (a: Estimate, b: Estimate): boolean => start(a) === start(b) && end(a) === end(b);

/** Whether two estimates' amounts cannot both be true. `a` is reported no later than `b`. */
function conflicting(a: Estimate, b: Estimate): boolean {
  if (a.status === 'denied' || b.status === 'denied' || a.status === 'planned' || b.status === 'planned') return false;
  if (unitOf(a) !== unitOf(b)) return false;
  const ra = rangeOf(a), rb = rangeOf(b);
  if (!ra || !rb || !periodsOverlap(a, b)) return false;
  if (ra.hi >= rb.lo && rb.hi >= ra.lo) return false;
  const later = (b.published ?? '') > (a.published ?? '');
  if (!later) return samePeriod(a, b);
  // A later higher figure is growth when it covers at least the earlier period.
  if (rb.lo > ra.hi) return samePeriod(a, b) && a.until !== null;
  // A later lower figure contradicts the earlier one only over at least the same period.
  return contains(b, a);
}

const describe = (e: Estimate): string => `${e.report} (${e.published ?? 'undated'}, ${e.source}) gives ${formatQuantity(e.quantity)}: "${e.spans[0]?.quote ?? e.item}"`;

/** Every conflicting pair of estimates (given in publication order), each with a one-sentence reason. */
export function findConflicts(estimates: Estimate[]): Conflict[] {
  const out: Conflict[] = [];
  const measured = estimates.filter((e) => rangeOf(e));
  for (let i = 0; i < measured.length; i++) {
    for (let j = i + 1; j < measured.length; j++) {
      const [a, b] = [measured[i], measured[j]];
      if (a.report === b.report && a.sourceKey === b.sourceKey) continue;
      if (!conflicting(a, b)) continue;
      out.push({ reason: `${describe(a)}; but ${describe(b)}; both cannot hold for an overlapping period.`, estimates: [a, b] });
    }
  }
  return out;
}
