// Periods as TIMEX3 prefixes ("2023", "2023-08", "2023-08-14", "2023-Q3", "2023-SU"): compared by
// their first and last day, so a month and the year around it overlap.
const SEASON_MONTHS: Record<string, [string, string]> = { SP: ['03', '05'], SU: ['06', '08'], FA: ['09', '11'], WI: ['12', '02'] };

/** The first day a time value can mean, as YYYY-MM-DD; null when it is no calendar time. */
export function firstDay(value: string | null): string | null {
  if (!value) return null;
  const m = /^(\d{4})(?:-(\d{2}|Q[1-4]|SP|SU|FA|WI|W\d{2}))?(?:-(\d{2}))?/.exec(value);
  if (!m) return null;
  const [, y, part, d] = m;
  if (!part) return `${y}-01-01`;
  if (/^\d{2}$/.test(part)) return `${y}-${part}-${d ?? '01'}`;
  if (part[0] === 'Q') return `${y}-${String((+part[1] - 1) * 3 + 1).padStart(2, '0')}-01`;
  if (part[0] === 'W') return `${y}-01-01`;
  return `${y}-${SEASON_MONTHS[part][0]}-01`;
}

/** The last day a time value can mean, as YYYY-MM-DD (day 31 stands for any month's end). */
export function lastDay(value: string | null): string | null {
  if (!value) return null;
  const m = /^(\d{4})(?:-(\d{2}|Q[1-4]|SP|SU|FA|WI|W\d{2}))?(?:-(\d{2}))?/.exec(value);
  if (!m) return null;
  const [, y, part, d] = m;
  if (!part) return `${y}-12-31`;
  if (/^\d{2}$/.test(part)) return `${y}-${part}-${d ?? '31'}`;
  if (part[0] === 'Q') return `${y}-${String(+part[1] * 3).padStart(2, '0')}-31`;
  if (part[0] === 'W') return `${y}-12-31`;
  if (part === 'WI') return `${+y + 1}-02-31`;
  return `${y}-${SEASON_MONTHS[part][1]}-31`;
}

export interface Period {
  since: string | null;
  until: string | null;
}

/** Whether two periods can share a day; an open side reaches as far as needed. */
export function periodsOverlap(a: Period, b: Period): boolean {
  const aStart = firstDay(a.since) ?? '0000', aEnd = lastDay(a.until) ?? '9999';
  const bStart = firstDay(b.since) ?? '0000', bEnd = lastDay(b.until) ?? '9999';
  return aStart <= bEnd && bStart <= aEnd;
}

/** The earliest of several time values (by first day), or null. */
export function earliest(values: (string | null)[]): string | null {
  let best: string | null = null;
  for (const v of values) if (v && (!best || (firstDay(v) ?? v) < (firstDay(best) ?? best))) best = v;
  return best;
}

/** The latest of several time values (by last day), or null. */
export function latest(values: (string | null)[]): string | null {
  let best: string | null = null;
  for (const v of values) if (v && (!best || (lastDay(v) ?? v) > (lastDay(best) ?? best))) best = v;
  return best;
}
