// chrono-node's results as TIMEX3, for the "chrono alone" column of eval-timeml: chrono finds
// dates and times (not durations or sets) and returns a JavaScript date with the components it
// is sure of; the value is written at the finest sure granularity, as TIMEX3 would.
import type { Timex } from './timeml.js';

/** The part of chrono's result shape used here (chrono-node 2.x ParsedResult). */
export interface ChronoLike {
  index: number;
  text: string;
  start: {
    isCertain(component: 'year' | 'month' | 'day' | 'weekday' | 'hour' | 'minute'): boolean;
    get(component: 'year' | 'month' | 'day' | 'hour' | 'minute'): number | null;
  };
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export function chronoToTimex(r: ChronoLike): Timex {
  const s = r.start;
  const y = s.get('year') ?? 0;
  const m = s.get('month') ?? 1;
  const d = s.get('day') ?? 1;
  const day = `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
  let type = 'DATE';
  let value: string;
  if (s.isCertain('hour')) {
    type = 'TIME';
    value = `${day}T${pad(s.get('hour') ?? 0)}:${pad(s.get('minute') ?? 0)}`;
  } else if (s.isCertain('day') || s.isCertain('weekday')) value = day;
  else if (s.isCertain('month')) value = `${pad(y, 4)}-${pad(m)}`;
  else if (s.isCertain('year')) value = pad(y, 4);
  else value = day; // "today", "yesterday": chrono fills the day in without marking it certain
  return { start: r.index, end: r.index + r.text.length, type, value };
}

/** chrono's reference: noon of the creation day, so that no time zone moves it to another day. */
export function chronoReference(dct: string): Date {
  const [y, m, d] = dct.split('-').map(Number);
  return new Date(y, m - 1, d, 12, 0, 0);
}
