// Reading one number: numerals ("3,000,000", "1.5", "1.7bn"), number words ("twenty-five",
// "two hundred and fifty", "three and a half"), multipliers ("3 million", "a dozen", "two dozen")
// and fractions of them ("half a million"). Every reader looks a bounded number of tokens ahead.
import type { View } from './view.js';
import { tidy } from './view.js';
import type { CompiledQuantityWords } from './words.js';

/** No written amount is longer; a longer run of digits is not read, so a hostile token costs nothing. */
const MAX_NUMERAL = 40;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

export interface Numeral {
  value: number;
  /** Written with thousands separators or decimals ("2,000", "1.5"): never a year or a model number. */
  formatted: boolean;
  digits: number;
}

/** "3,000,000", "44,655", "1.5", "2023"; null for anything else ("1,00", "3.", "KN-23"). Scans characters, no regex. */
export function parseNumeral(s: string): Numeral | null {
  if (s.length === 0 || s.length > MAX_NUMERAL || !isDigit(s.charCodeAt(0))) return null;
  let i = 0;
  let group = 0; // digits since the last comma
  let commas = 0;
  let digits = 0;
  while (i < s.length && (isDigit(s.charCodeAt(i)) || s[i] === ',')) {
    if (s[i] === ',') {
      if ((commas === 0 ? group > 3 : group !== 3) || group === 0) return null;
      commas++;
      group = 0;
    } else {
      group++;
      digits++;
    }
    i++;
  }
  if (commas > 0 && group !== 3) return null;
  let decimals = false;
  if (i < s.length && s[i] === '.') {
    const dot = i++;
    while (i < s.length && isDigit(s.charCodeAt(i))) i++;
    if (i === dot + 1) return null;
    decimals = true;
  }
  if (i !== s.length) return null;
  return { value: Number(s.replace(/,/g, '')), formatted: commas > 0 || decimals, digits };
}

/** "1.5m", "1.7bn", "300k": a numeral with its multiplier written on. */
export function parseSuffixed(s: string, W: CompiledQuantityWords): number | null {
  if (s.length > MAX_NUMERAL) return null;
  let cut = s.length;
  while (cut > 0 && !isDigit(s.charCodeAt(cut - 1))) cut--;
  if (cut === 0 || cut === s.length) return null;
  const mult = W.suffixMultipliers.get(s.slice(cut));
  const num = parseNumeral(s.slice(0, cut));
  return mult !== undefined && num ? tidy(num.value * mult) : null;
}

export interface ReadNumber {
  value: number;
  end: number;
  /** A multiplier was read ("million", "bn", "dozen"). */
  mult: boolean;
  /** Written in words ("two", "a million"), not as a numeral. */
  words: boolean;
  numeral?: Numeral;
}

/** "twenty-five" or a single number word. */
function smallWord(w: string | undefined, W: CompiledQuantityWords): number | null {
  if (w === undefined) return null;
  const n = W.numbers.get(w);
  if (n !== undefined) return n;
  const dash = w.indexOf('-');
  if (dash <= 0) return null;
  const tens = W.numbers.get(w.slice(0, dash));
  const ones = W.numbers.get(w.slice(dash + 1));
  return tens !== undefined && ones !== undefined && tens >= 20 && tens % 10 === 0 && tens < 100 && ones >= 1 && ones < 10 ? tens + ones : null;
}

/** Below a hundred in words: "seven", "forty two", "twenty-five". */
function tensAndOnes(w: readonly string[], i: number, W: CompiledQuantityWords): { n: number; end: number } | null {
  const n = smallWord(w[i], W);
  if (n === null) return null;
  const ones = smallWord(w[i + 1], W);
  if (n >= 20 && n < 100 && n % 10 === 0 && ones !== null && ones >= 1 && ones < 10) return { n: n + ones, end: i + 2 };
  return { n, end: i + 1 };
}

/** One group below a thousand in words: "seven", "forty two", "two hundred and fifty". */
function wordGroup(w: readonly string[], i: number, W: CompiledQuantityWords): { n: number; end: number } | null {
  const g = tensAndOnes(w, i, W);
  if (!g || w[g.end] !== 'hundred' || g.n >= 100) return g;
  const j = g.end + 1;
  const rest = tensAndOnes(w, w[j] === 'and' ? j + 1 : j, W);
  return rest && rest.n < 100 ? { n: g.n * 100 + rest.n, end: rest.end } : { n: g.n * 100, end: j };
}

/** A big multiplier word at i ("million", "dozen", "bn"); "hundred" joins a group instead, unless after a numeral. */
function multiplierAt(w: readonly string[], i: number, W: CompiledQuantityWords): number | null {
  return W.multipliers.get(w[i]) ?? null;
}

/** "and a half" after a number. */
const halfAt = (w: readonly string[], i: number): boolean => w[i] === 'and' && w[i + 1] === 'a' && w[i + 2] === 'half';

/** Multipliers after a first amount: "3 million", "two dozen", "two million three hundred thousand". */
function withMultipliers(w: readonly string[], first: number, j: number, W: CompiledQuantityWords): { value: number; end: number; mult: boolean } {
  let value = first;
  let end = j;
  if (halfAt(w, end) && multiplierAt(w, end + 3, W) !== null) {
    value += 0.5; // "one and a half million"
    end += 3;
  }
  const m = multiplierAt(w, end, W);
  if (m === null) return { value, end, mult: false };
  let total = value * m;
  end++;
  let last = m;
  // a smaller group after the multiplier: "two million three hundred thousand"
  for (let step = 0; step < 3; step++) {
    const g = wordGroup(w, end, W);
    if (!g) break;
    const m2 = multiplierAt(w, g.end, W);
    if (m2 === null || m2 >= last) break;
    total += g.n * m2;
    end = g.end + 1;
    last = m2;
  }
  return { value: tidy(total), end, mult: true };
}

/** The number starting at token i, or null. */
export function readNumber(v: View, i: number, W: CompiledQuantityWords): ReadNumber | null {
  const w = v.w;
  const s = w[i];
  if (s === undefined) return null;
  // "half a million", "a quarter of a million", "three-quarters of a million"
  const frac = W.fractions.match(w, i);
  if (frac) {
    let j = i + frac.length;
    if (w[j] === 'of') j++;
    if (w[j] === 'a' || w[j] === 'one') j++;
    const m = multiplierAt(w, j, W);
    if (m !== null && m >= 12) return { value: tidy(frac.value * m), end: j + 1, mult: true, words: true };
  }
  // "a million", "a dozen", "a hundred thousand"
  if ((s === 'a' || s === 'an') && w[i + 1] !== undefined) {
    const m = multiplierAt(w, i + 1, W) ?? (w[i + 1] === 'hundred' ? 100 : null);
    if (m === null) return null;
    const r = withMultipliers(w, m, i + 2, W);
    return { value: r.value, end: r.end, mult: true, words: true };
  }
  const numeral = parseNumeral(s);
  if (numeral) {
    let value = numeral.value;
    let j = i + 1;
    if (halfAt(w, j)) {
      value += 0.5;
      j += 3;
    }
    const r = withMultipliers(w, value, j, W);
    return { value: r.value, end: r.end, mult: r.mult, words: false, numeral };
  }
  const suffixed = parseSuffixed(s, W);
  if (suffixed !== null) return { value: suffixed, end: i + 1, mult: true, words: false };
  const g = wordGroup(w, i, W);
  if (!g) return null;
  let value = g.n;
  let j = g.end;
  if (halfAt(w, j)) {
    value += 0.5; // "three and a half times"
    j += 3;
  }
  const r = withMultipliers(w, value, j, W);
  return { value: r.value, end: r.end, mult: r.mult, words: true };
}
