// Quotation spans in one left-to-right pass: curly marks open and close, straight marks toggle,
// a quote that runs over paragraphs repeats its opening mark at each new paragraph and closes
// only at the end. An opening mark never closed within its paragraph (and not continued) is
// dropped, so a text full of unbalanced marks costs one pass and yields nothing.
import type { Span } from '../../doc.js';

export interface Quote {
  /** The marks included. */
  outer: Span;
  /** The quoted words, marks excluded, trailing comma or full stop dropped. */
  inner: Span;
  /** Index of the quote this one continues (a quote split by a tag or over paragraphs), if any. */
  paragraph: number;
}

// Compared as code units, not looked up in a set: the loop below reads every character of the text.
const isOpening = (ch: number): boolean => ch === 0x201c /* “ */ || ch === 0xab /* « */ || ch === 0x201e; /* „ */
const isClosing = (ch: number): boolean => ch === 0x201d /* ” */ || ch === 0xbb; /* » */
const STRAIGHT = '"'.charCodeAt(0);

/** Trims spaces, and a closing comma or full stop that belongs to the sentence, not the words. */
export function innerSpan(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /[\s,.]/.test(text[end - 1])) end--;
  return { start, end };
}

export function findQuotes(text: string, paragraphs: Span[]): Quote[] {
  const quotes: Quote[] = [];
  let carried: number | null = null; // a quote that continues from the previous paragraph
  paragraphs.forEach((p, pi) => {
    let open: number | null = null;
    for (let i = p.start; i < p.end; i++) {
      // code units, not one-letter strings: this loop reads every character of the text
      const ch = text.charCodeAt(i);
      const straight = ch === STRAIGHT;
      if (open === null && (isOpening(ch) || straight)) {
        open = i;
        if (carried !== null && i === p.start) carried = null;
      } else if (open !== null && (isClosing(ch) || straight)) {
        const inner = innerSpan(text, open + 1, i);
        if (inner.end > inner.start) quotes.push({ outer: { start: open, end: i + 1 }, inner, paragraph: pi });
        open = null;
      }
    }
    // Still open at the paragraph's end: a continued quote when the next paragraph opens with a mark.
    const next = paragraphs[pi + 1];
    if (open !== null && next && (isOpening(text.charCodeAt(next.start)) || text.charCodeAt(next.start) === STRAIGHT)) {
      const inner = innerSpan(text, open + 1, p.end);
      if (inner.end > inner.start) quotes.push({ outer: { start: open, end: p.end }, inner, paragraph: pi });
      carried = pi;
    } else if (open !== null && carried === pi - 1 && !next) {
      const inner = innerSpan(text, open + 1, p.end);
      if (inner.end > inner.start) quotes.push({ outer: { start: open, end: p.end }, inner, paragraph: pi });
    }
  });
  return quotes;
}
