// The texts a benchmark runs on: every report under a folder, with its word count. Every system
// is timed on exactly this list, so their figures compare.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { markdownToText } from '../node/markdown.js';

export interface BenchText {
  /** Path relative to the folder searched, for messages and the linearity header. */
  source: string;
  text: string;
  published: string | null;
  words: number;
}

export interface Skipped {
  source: string;
  reason: string;
}

export interface TextSet {
  texts: BenchText[];
  skipped: Skipped[];
  words: number;
}

/** Words are whitespace-separated tokens: the same count for every system, whatever it tokenizes. */
export function countWords(text: string): number {
  const tokens = text.match(/\S+/g);
  return tokens ? tokens.length : 0;
}

/** README.md, NOTES.md, FORMAT.md: all-caps names are documentation by convention, not reports. */
export function isDocumentationName(file: string): boolean {
  const stem = basename(file, extname(file));
  return /^[A-Z][A-Z0-9_-]*$/.test(stem) && /[A-Z].*[A-Z]/.test(stem);
}

/** Every file under `dir`, sorted so runs and child processes see the same order. */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    // Symbolic links are not followed: a link back up the tree would never end.
    if (entry.isDirectory()) out.push(...listFiles(path));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

type Read = { text: string; published: string | null } | { skip: string };

function readJsonReport(path: string): Read {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    return { skip: `not valid JSON (${(e as Error).message})` };
  }
  const report = data as { text?: unknown; published?: unknown } | null;
  if (typeof report !== 'object' || report === null || typeof report.text !== 'string') return { skip: 'no "text" field: not a report' };
  if (!report.text.trim()) return { skip: 'empty "text"' };
  return { text: report.text, published: typeof report.published === 'string' ? report.published : null };
}

// Not node/input.ts's readReport: it loads the HTML reader (linkedom), which would add some 25 MB
// to every worker's peak memory. Text and Markdown need only decoding, and Markdown its markup blanked.
function readPlainReport(path: string, markdown: boolean): Read {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path)).replace(/^\uFEFF/, '');
  } catch (e) {
    return { skip: e instanceof TypeError ? 'not UTF-8 text' : (e as Error).message };
  }
  if (!text.trim()) return { skip: 'empty' };
  return { text: markdown ? markdownToText(text) : text.replace(/\r\n?/g, '\n'), published: null };
}

/** Reports under `dir`: `*.json` with a `text` field, and `.txt`/`.md` files (documentation names left out). */
export function collectTexts(dir: string): TextSet {
  const texts: BenchText[] = [];
  const skipped: Skipped[] = [];
  for (const path of listFiles(dir)) {
    const ext = extname(path).toLowerCase();
    if (ext !== '.json' && ext !== '.txt' && ext !== '.md') continue;
    const source = relative(dir, path);
    if (ext !== '.json' && isDocumentationName(path)) {
      skipped.push({ source, reason: 'documentation (all-caps name)' });
      continue;
    }
    const read = ext === '.json' ? readJsonReport(path) : readPlainReport(path, ext === '.md');
    if ('skip' in read) skipped.push({ source, reason: read.skip });
    else texts.push({ source, ...read, words: countWords(read.text) });
  }
  return { texts, skipped, words: texts.reduce((n, t) => n + t.words, 0) };
}

/** The text with the most words: the one the linearity test repeats. */
export function longestText(texts: readonly BenchText[]): BenchText | undefined {
  return texts.reduce<BenchText | undefined>((best, t) => (!best || t.words > best.words ? t : best), undefined);
}

/** `copies` copies of `text` as paragraphs, so the pipeline sees one long report and not one long sentence. */
export function repeatText(text: string, copies: number): string {
  if (!Number.isInteger(copies) || copies < 1) throw new RangeError(`copies must be a positive integer, not ${copies}`);
  return new Array<string>(copies).fill(text.trim()).join('\n\n');
}
