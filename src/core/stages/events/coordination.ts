// A sentence's coordinated clauses: cut at ";" and at a comma before "and", "but", "while"
// ("In January, Pyongyang tested a missile, and in March Seoul held drills"). Each clause keeps
// its own actors and its own verbs of happening.
import { lowerBound } from '../../search.js';

const COORDINATORS = new Set(['and', 'but', 'while', 'whereas', 'as']);

export interface Clause {
  /** Token indexes: first and one past the last. */
  from: number;
  to: number;
}

/** The coordinated clauses of sentence tokens [start, end), in order (one when there is no cut). */
export function coordinatedClauses(lower: readonly string[], start: number, end: number): Clause[] {
  const out: Clause[] = [];
  let from = start;
  for (let k = start; k < end; k++) {
    if (lower[k] === ';' || (lower[k] === ',' && COORDINATORS.has(lower[k + 1]))) {
      if (k > from) out.push({ from, to: k });
      from = k + 1;
    }
  }
  if (end > from || !out.length) out.push({ from, to: end });
  return out;
}

/** The clause holding token `k`, by binary search. */
export function clauseAt(clauses: readonly Clause[], k: number): Clause {
  return clauses[Math.min(clauses.length - 1, lowerBound(clauses, k + 1, (c) => c.to))];
}
