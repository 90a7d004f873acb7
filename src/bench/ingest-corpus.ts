// A large folder of reports for the ingest benchmark, made from a small corpus: copy k of each
// text has its amounts scaled and its years shifted (and its publication date with them), so
// every copy has its own hash and extraction does real work on each.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchText } from './texts.js';

// Years, and other numbers (thousands separators and decimals kept): one linear pass, no backtracking.
const NUMBER = /\b\d{1,3}(?:,\d{3})+(?:\.\d+)?\b|\b\d+(?:\.\d+)?\b/g;

const isYear = (s: string): boolean => /^(?:19|20)\d\d$/.test(s);

const LARGE_UNIT = /^\s(?:million|billion|trillion)\b/;

/**
 * Copy k of a text: years + `yearShift`, amounts of 100 or more and "N million" × (1 + k/100);
 * small numbers (days, counts of ships) are kept so dates stay real.
 */
export function varyText(text: string, k: number, yearShift = k % 3): string {
  if (k === 0) return text;
  return text.replace(NUMBER, (m, offset: number) => {
    if (isYear(m)) return String(Number(m) + yearShift);
    const value = Number(m.replace(/,/g, ''));
    if (value < 100) {
      if (!LARGE_UNIT.test(text.slice(offset + m.length, offset + m.length + 12))) return m;
      return String(Math.round(value * (1 + k / 100) * 100) / 100);
    }
    const scaled = Math.round(value * (1 + k / 100));
    return m.includes(',') ? scaled.toLocaleString('en-US') : String(scaled);
  });
}

/** A date `years` later; 29 February moved to a year without it becomes the 28th. */
export function shiftYear(day: string, years: number): string {
  const year = Number(day.slice(0, 4)) + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day.endsWith('-02-29') && !leap ? `${year}-02-28` : `${year}${day.slice(4)}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "Updated March 4, 2024." — `k` days after the publication date (or 1 January 2024). */
export function updateLine(published: string | null, k: number): string {
  const d = new Date(`${published ?? '2024-01-01'}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + k);
  return `Updated ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}.`;
}

/**
 * Writes `count` FORMAT.md-shaped JSON reports to `dir`, cycling through `texts`. A copy that
 * comes out the same as an earlier one (a text with few numbers) has its years shifted by k
 * instead, and failing that an update line with its own date. Returns how many distinct texts were written.
 */
export function writeIngestCorpus(texts: readonly BenchText[], dir: string, count: number): number {
  mkdirSync(dir, { recursive: true });
  const seen = new Set<string>();
  for (let i = 0; i < count; i++) {
    const source = texts[i % texts.length];
    const k = Math.floor(i / texts.length);
    let text = varyText(source.text, k);
    let yearShift = k % 3;
    if (seen.has(text)) {
      text = varyText(source.text, k, k);
      yearShift = k;
    }
    // a text without numbers or years (dates by weekday only): an update line dates the copy
    if (seen.has(text)) text = `${updateLine(source.published, k)}\n\n${text}`;
    seen.add(text);
    const published = source.published && k > 0 ? shiftYear(source.published, yearShift) : source.published;
    const path = join(dir, `bench-${String(i).padStart(5, '0')}.json`);
    writeFileSync(path, JSON.stringify({ id: `bench-${i}`, title: `${source.source} copy ${k}`, outlet: 'trawl bench', published, text }));
  }
  return seen.size;
}
