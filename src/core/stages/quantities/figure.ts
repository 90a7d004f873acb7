// A figure: a number with the currency written before it ("$1.7bn", "US$5 million", "€3m",
// "USD 40 million") or after it ("3 billion won", "a million dollars").
import { readNumber, type ReadNumber } from './numbers.js';
import { glued, type View } from './view.js';
import type { CompiledQuantityWords } from './words.js';

export interface Figure extends ReadNumber {
  /** Token index where the figure starts (the currency sign, when there is one). */
  from: number;
  /** Token index of the number itself. */
  numberAt: number;
  currency: string | null;
}

/** A currency sign or code before a number, and how many tokens it takes. */
function currencyBefore(v: View, i: number, W: CompiledQuantityWords): { code: string; length: number } | null {
  const w = v.w;
  const prefix = W.dollarPrefixes.get(w[i]);
  if (prefix !== undefined && w[i + 1] === '$' && glued(v, i + 1)) return { code: prefix, length: 2 };
  const sign = W.currencySymbols.get(w[i]);
  if (sign !== undefined) return { code: sign, length: 1 };
  const code = W.currencyCodes.get(w[i]);
  if (code !== undefined) return { code, length: 1 };
  return null;
}

export function readFigure(v: View, i: number, W: CompiledQuantityWords): Figure | null {
  const cur = currencyBefore(v, i, W);
  const at = cur ? i + cur.length : i;
  const n = readNumber(v, at, W);
  if (!n) return null;
  // a code before the number must be a code, not a word ("try 5 times")
  if (cur && cur.length === 1 && W.currencyCodes.has(v.w[i]) && v.t[i] !== v.t[i].toUpperCase()) return null;
  const currency = cur ? cur.code : null;
  // Written out rather than spread: spreading a number of two shapes (with a numeral or without) is slow.
  return n.numeral
    ? { value: n.value, end: n.end, mult: n.mult, words: n.words, numeral: n.numeral, from: i, numberAt: at, currency }
    : { value: n.value, end: n.end, mult: n.mult, words: n.words, from: i, numberAt: at, currency };
}

/** "70-90", "5,000-7,000": a range written as one token. */
export function hyphenRange(s: string): [string, string] | null {
  const dash = s.indexOf('-');
  if (dash <= 0 || dash !== s.lastIndexOf('-') || s.length > 81) return null;
  return [s.slice(0, dash), s.slice(dash + 1)];
}
