// Segmentation: paragraphs (blank lines), tokens, sentences. One left-to-right pass each, with
// regular expressions that cannot backtrack more than a token's length, so time is linear.
// Written here rather than taken from a library because the later stages need exact offsets,
// initialisms kept whole ("U.S.", "D.C."), possessives split ("Russia" + "'s"), and
// abbreviation-aware sentence ends; Intl.Segmenter splits "U.S. officials" in two.
import { withLayer, type AnnotatedDoc, type Sentence, type Span, type Token } from '../../doc.js';
import type { Stage } from '../../pipeline.js';
import { CLOCK_ABBREVIATIONS, SENTENCE_STARTERS, TITLE_ABBREVIATIONS } from './abbreviations.js';

const STAGE = 'segment';

// Initialisms (U.S., D.C.), words with inner hyphens, apostrophes or dots (Kim Jong-un, o'clock,
// 1.5), numbers with separators (3,000,000), then any other single non-space character.
const TOKEN = /(?:\p{Lu}\.){2,}|\p{Lu}\.(?=\s\p{Lu})|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-'’.,][\p{L}\p{M}\p{N}]+)*|\S/u;
const POSSESSIVE = /^(.+?)(['’]s)$/u;

export function tokenize(text: string, from = 0, to = text.length): Omit<Token, 'sentence'>[] {
  const out: Omit<Token, 'sentence'>[] = [];
  scanTokens(text, from, to, (start, end, word) => out.push({ start, end, text: word }));
  return out;
}

/** Is the UTF-16 unit whitespace, as the pattern class \s means it? */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

// TOKEN anchored where a token starts: the last alternative takes any non-space character, so a
// token starts at the first non-space after the last one, and only its length is left to match.
// Reading it with test() and lastIndex makes no match array for each token.
const TOKEN_AT = new RegExp(TOKEN.source, 'uy');

/** Where the token starting at `start` ends, by the pattern. */
function patternTokenEnd(text: string, start: number): number {
  TOKEN_AT.lastIndex = start;
  TOKEN_AT.test(text);
  return TOKEN_AT.lastIndex;
}

const isAsciiAlnum = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);

/**
 * Where the token starting at `start` ends, read without the pattern when every character it
 * looks at is ASCII (most tokens of English text); null when the pattern must decide: a character
 * beyond ASCII, or a capital before a dot (an initialism). Gives what TOKEN gives, or null.
 */
function asciiTokenEnd(text: string, start: number): number | null {
  const c = text.charCodeAt(start);
  if (c >= 128) return null;
  if (!isAsciiAlnum(c)) return start + 1; // \S: one punctuation mark
  // A capital and a dot may start an initialism ("U.S.") or an initial ("J. R."): the first alternatives.
  if (c >= 65 && c <= 90 && text.charCodeAt(start + 1) === 46) return null;
  // [\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-'’.,][\p{L}\p{M}\p{N}]+)*
  let j = start + 1;
  for (;;) {
    let d = text.charCodeAt(j); // NaN past the end: no branch below takes it
    while (isAsciiAlnum(d)) d = text.charCodeAt(++j);
    if (d >= 128) return null; // a letter or mark beyond ASCII may continue the word
    if (d !== 45 && d !== 39 && d !== 46 && d !== 44) return j; // a separator: - ' . ,
    const e = text.charCodeAt(j + 1);
    if (e >= 128) return null;
    if (!isAsciiAlnum(e)) return j;
    j += 2;
  }
}

/** Calls `emit` for each token of text[from, to), left to right. */
function scanTokens(text: string, from: number, to: number, emit: (start: number, end: number, text: string) => void): void {
  let pos = from;
  for (;;) {
    while (pos < text.length && isSpace(text.charCodeAt(pos))) pos++;
    // Paragraphs end on a non-space character, so no token crosses `to`.
    if (pos >= text.length || pos >= to) return;
    const start = pos;
    let word = text.slice(start, asciiTokenEnd(text, start) ?? patternTokenEnd(text, start));
    // A number's trailing separator ("3,000," or "2023.") belongs to the sentence, not the number.
    const lastChar = word.charCodeAt(word.length - 1);
    if ((lastChar === 46 || lastChar === 44) && word.length > 1 && !/^(?:\p{Lu}\.)+$/u.test(word)) word = word.slice(0, -1);
    // only a word ending in 's after at least one character can be a possessive
    const poss = word.length > 2 && word.charCodeAt(word.length - 1) === 115 && (word[word.length - 2] === "'" || word[word.length - 2] === '’') ? POSSESSIVE.exec(word) : null;
    if (poss && poss[1].length > 0) {
      emit(start, start + poss[1].length, poss[1]);
      emit(start + poss[1].length, start + word.length, poss[2]);
    } else {
      emit(start, start + word.length, word);
    }
    pos = start + word.length;
  }
}

export function paragraphs(text: string): Span[] {
  const out: Span[] = [];
  const BREAK = /\n[ \t]*\n\s*/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = BREAK.exec(text)) !== null) {
    if (text.slice(start, m.index).trim()) out.push(trimSpan(text, start, m.index));
    start = m.index + m[0].length;
  }
  if (text.slice(start).trim()) out.push(trimSpan(text, start, text.length));
  return out;
}

function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»']);
/** . ! ? … — compared as one code unit, not looked up: this runs at every token. */
function isEnder(w: string): boolean {
  if (w.length !== 1) return false;
  const c = w.charCodeAt(0);
  return c === 46 || c === 33 || c === 63 || c === 0x2026;
}

/** Does a sentence end after token i (and the closing quotes that follow it)? `limit`: one past the paragraph's last token. */
function endsSentence(tokens: readonly Token[], i: number, limit: number, text: string): number | null {
  const t = tokens[i];
  // an initialism ends in a dot ("U.S."): test the pattern only then
  const isInitialism = t.text.length >= 4 && t.text.charCodeAt(t.text.length - 1) === 46 && /^(?:\p{Lu}\.){2,}$/u.test(t.text);
  if (!isEnder(t.text) && !isInitialism) return null;
  let j = i;
  while (j + 1 < limit && CLOSERS.has(tokens[j + 1].text) && tokens[j + 1].start === tokens[j].end) j++;
  if (j + 1 >= limit) return j;
  const next = tokens[j + 1];
  const gap = text.slice(tokens[j].end, next.start);
  if (!/\s/.test(gap)) return null;
  if (gap.includes('\n')) return j;
  const startsUpper = /^[\p{Lu}\p{N}"“‘'(]/u.test(next.text);
  if (!startsUpper) return null;
  if (isInitialism) return SENTENCE_STARTERS.has(next.text) ? j : null;
  if (t.text === '.' && i > 0) {
    const prev = tokens[i - 1];
    if (prev.end === t.start && CLOCK_ABBREVIATIONS.has(prev.text)) return SENTENCE_STARTERS.has(next.text) ? j : null;
    if (prev.end === t.start && (TITLE_ABBREVIATIONS.has(prev.text) || /^\p{Lu}$/u.test(prev.text))) return null;
  }
  return j;
}

/**
 * The longest sentence made: a run of words with no sentence end (a scraped list, a table dumped
 * as text) is cut after its last comma or semicolon in the second half of this many tokens, else
 * right there. Later stages read a sentence from every word of it that may start a flow or a
 * claim; unbounded, one long run would cost its length squared. Newswire sentences stay far below
 * (the longest in our corpora has 91 tokens).
 */
export const MAX_SENTENCE_TOKENS = 200;

/** Where to cut a sentence that has run to token i without ending: its last comma or semicolon in the second half, else i. */
function cutAt(tokens: readonly Token[], first: number, i: number): number {
  for (let k = i; k > first + MAX_SENTENCE_TOKENS / 2; k--) if (tokens[k].text === ',' || tokens[k].text === ';') return k;
  return i;
}

export function segment(text: string): { paragraphs: Span[]; sentences: Sentence[]; tokens: Token[] } {
  const paras = paragraphs(text);
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  // Tokens are made once, in the document's array, and numbered with their sentence afterwards.
  const push = (start: number, end: number, word: string): void => {
    tokens.push({ start, end, text: word, sentence: -1 });
  };
  paras.forEach((para, p) => {
    const from = tokens.length;
    scanTokens(text, para.start, para.end, push);
    const limit = tokens.length;
    let first = from;
    for (let i = from; i < limit; i++) {
      let last = endsSentence(tokens, i, limit, text);
      if (last === null && i - first + 1 >= MAX_SENTENCE_TOKENS) last = cutAt(tokens, first, i);
      if (last === null && i < limit - 1) continue;
      const end = last ?? i;
      const s = sentences.length;
      for (let k = first; k <= end; k++) tokens[k].sentence = s;
      sentences.push({ start: tokens[first].start, end: tokens[end].end, tokenStart: first, tokenEnd: end + 1, paragraph: p });
      first = end + 1;
      i = end;
    }
  });
  return { paragraphs: paras, sentences, tokens };
}

export const segmentStage: Stage = {
  name: STAGE,
  run: (doc: AnnotatedDoc) => withLayer(doc, 'segments', segment(doc.text)),
};
