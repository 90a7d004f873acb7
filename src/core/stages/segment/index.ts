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
const TOKEN = /(?:\p{Lu}\.){2,}|\p{Lu}\.(?=\s\p{Lu})|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-'’.,][\p{L}\p{M}\p{N}]+)*|\S/gu;
const POSSESSIVE = /^(.+?)(['’]s)$/u;

export function tokenize(text: string, from = 0, to = text.length): Omit<Token, 'sentence'>[] {
  const out: Omit<Token, 'sentence'>[] = [];
  TOKEN.lastIndex = from;
  let m: RegExpExecArray | null;
  // Paragraphs end on a non-space character, so no token crosses `to`.
  while ((m = TOKEN.exec(text)) !== null && m.index < to) {
    let word = m[0];
    const start = m.index;
    // A number's trailing separator ("3,000," or "2023.") belongs to the sentence, not the number.
    const lastChar = word.charCodeAt(word.length - 1);
    if ((lastChar === 46 || lastChar === 44) && word.length > 1 && !/^(?:\p{Lu}\.)+$/u.test(word)) word = word.slice(0, -1);
    // only a word ending in 's after at least one character can be a possessive
    const poss = word.length > 2 && word.charCodeAt(word.length - 1) === 115 && (word[word.length - 2] === "'" || word[word.length - 2] === '’') ? POSSESSIVE.exec(word) : null;
    if (poss && poss[1].length > 0) {
      out.push({ start, end: start + poss[1].length, text: poss[1] });
      out.push({ start: start + poss[1].length, end: start + word.length, text: poss[2] });
    } else {
      out.push({ start, end: start + word.length, text: word });
    }
    TOKEN.lastIndex = start + word.length;
  }
  return out;
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
const ENDERS = new Set(['.', '!', '?', '…']);

/** Does a sentence end after token i (and the closing quotes that follow it)? */
function endsSentence(tokens: Omit<Token, 'sentence'>[], i: number, text: string): number | null {
  const t = tokens[i];
  // an initialism ends in a dot ("U.S."): test the pattern only then
  const isInitialism = t.text.length >= 4 && t.text.charCodeAt(t.text.length - 1) === 46 && /^(?:\p{Lu}\.){2,}$/u.test(t.text);
  if (!ENDERS.has(t.text) && !isInitialism) return null;
  let j = i;
  while (j + 1 < tokens.length && CLOSERS.has(tokens[j + 1].text) && tokens[j + 1].start === tokens[j].end) j++;
  const next = tokens[j + 1];
  if (!next) return j;
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

export function segment(text: string): { paragraphs: Span[]; sentences: Sentence[]; tokens: Token[] } {
  const paras = paragraphs(text);
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  paras.forEach((para, p) => {
    const raw = tokenize(text, para.start, para.end);
    let first = 0;
    for (let i = 0; i < raw.length; i++) {
      const last = endsSentence(raw, i, text);
      if (last === null && i < raw.length - 1) continue;
      const end = last ?? i;
      const s = sentences.length;
      const tokenStart = tokens.length;
      for (let k = first; k <= end; k++) {
        const r = raw[k];
        tokens.push({ start: r.start, end: r.end, text: r.text, sentence: s });
      }
      sentences.push({ start: raw[first].start, end: raw[end].end, tokenStart, tokenEnd: tokens.length, paragraph: p });
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
