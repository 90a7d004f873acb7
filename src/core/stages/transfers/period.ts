// A flow's period from the times in its clause: "since October" opens it, "until"/"as of"/"by"
// closes it, a month or year on its own is both ends (a one-month flow), "between A and B" is both.
import type { AnnotatedDoc, Span } from '../../doc.js';

export function periodOf(doc: AnnotatedDoc, clause: Span): { since: string | null; until: string | null } {
  const times = (doc.layers.times?.times ?? []).filter((t) => t.start >= clause.start && t.end <= clause.end && t.value && t.type === 'DATE' && /^\d{4}/.test(t.value));
  let since: string | null = null;
  let until: string | null = null;
  for (const t of times) {
    const before = doc.text.slice(Math.max(clause.start, t.start - 12), t.start).toLowerCase();
    const word = doc.text.slice(t.start, t.end).toLowerCase();
    const signal = t.signal ? doc.text.slice(t.signal.start, t.signal.end).toLowerCase() : '';
    if (/^since\b/.test(word) || signal === 'since' || /\bsince\s*$/.test(before) || /\bfrom\s*$/.test(before)) since ??= t.value;
    else if (/^(?:until|as of)\b/.test(word) || /until|as of/.test(signal) || /\b(?:until|by|through|as of)\s*$/.test(before)) until ??= t.value;
    else if (/\band\s*$/.test(before) && since) until ??= t.value;
    else if (/\bbetween\s*$/.test(before)) since ??= t.value;
    else if (!since && !until) {
      since = t.value;
      until = t.value;
    }
  }
  return { since, until };
}

const SEASON_MONTH: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };

/** The first day a TIMEX3 date value covers ("2023-Q4" → "2023-10-01"), or null for other forms. */
export function firstDayOf(value: string): string | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-Q([1-4])|-H([12])|-(SP|SU|FA|WI)|-W(\d{2}))?$/.exec(value);
  if (!m) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (m[3]) return `${m[1]}-${m[2]}-${m[3]}`;
  if (m[2]) return `${m[1]}-${m[2]}-01`;
  if (m[4]) return `${m[1]}-${pad(3 * Number(m[4]) - 2)}-01`;
  if (m[5]) return `${m[1]}-${m[5] === '1' ? '01' : '07'}-01`;
  if (m[6]) return `${m[1]}-${pad(SEASON_MONTH[m[6]])}-01`;
  if (m[7]) return new Date(Date.UTC(Number(m[1]), 0, 1 + 7 * (Number(m[7]) - 1))).toISOString().slice(0, 10);
  return `${m[1]}-01-01`;
}

/** Does a flow's period begin after the report was published ("next month", "in the fourth quarter")? */
export function periodAhead(published: string | null, since: string | null): boolean {
  if (!published || !since || !/^\d{4}-\d{2}-\d{2}$/.test(published)) return false;
  const first = firstDayOf(since);
  return first !== null && first > published;
}
