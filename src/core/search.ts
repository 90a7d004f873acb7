// Binary search over arrays sorted by a numeric key (token starts, span ends): the one lookup
// every stage uses to stay linear on long reports.

/** Index of the first item (below `end`) whose key is at least `at` (`end` when none is). */
export function lowerBound<T>(items: readonly T[], at: number, key: (item: T) => number, end = items.length): number {
  let lo = 0;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Is `at` inside one of these disjoint spans, sorted by start? */
export function insideSpans(spans: readonly { start: number; end: number }[], at: number): boolean {
  const i = lowerBound(spans, at + 1, (s) => s.end);
  return i < spans.length && spans[i].start <= at;
}
