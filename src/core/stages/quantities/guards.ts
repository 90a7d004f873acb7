// Numbers that are not amounts: years and dates (the times layer), model and resolution numbers
// ("Leopard 2", "Resolution 2397", "No. 41"), clock times, ages, calibres, "one of the".
import type { Figure } from './figure.js';
import { glued, type View } from './view.js';
import type { CompiledQuantityWords } from './words.js';

const isCapitalized = (s: string | undefined): boolean => s !== undefined && /^\p{Lu}/u.test(s);
const isDigitChar = (s: string | undefined): boolean => s !== undefined && /^\d/.test(s);

/** Does a unit, currency or counted noun follow at token j (so "2000 troops" is an amount, not a year)? */
export function unitFollows(v: View, j: number, W: CompiledQuantityWords): boolean {
  return W.units.match(v.w, j) !== undefined || W.currencyWords.match(v.w, j) !== undefined || W.countNouns.has(v.w[j]);
}

/** "Resolution 2397", "Leopard 2 tanks", "Contract 1", "pier 5", "No. 41": the number names a thing. */
function isIdentifier(v: View, f: Figure, W: CompiledQuantityWords): boolean {
  if (f.currency || f.mult || f.words || !f.numeral || f.numeral.formatted) return false;
  const p = f.numberAt - 1;
  if (p < 0) return false;
  const prev = v.w[p];
  if (W.identifierWords.has(prev)) return true;
  if (prev === '.' && p > 0 && W.identifierWords.has(v.w[p - 1])) return true; // "No. 41"
  // a capitalized word right before a bare number is a name with a number ("Strv 122"), unless it
  // names a state or place ("gave Ukraine 19 jets") or merely opens the sentence ("The 19 jets")
  if (!isCapitalized(v.t[p]) || glued(v, f.numberAt) || v.inName[p] || v.inTime[p]) return false;
  return !W.itemStops.has(prev) && !W.leadFirstWords.has(prev) && !W.numbers.has(prev) && !W.anaphoraStarts.has(prev);
}

/** A four-digit number that reads as a year: newswire writes amounts of a thousand and more with a separator ("2,000 troops"). */
function isYearLike(f: Figure): boolean {
  const n = f.numeral;
  return !!n && !n.formatted && !f.currency && !f.mult && n.digits === 4 && n.value >= 1800 && n.value <= 2100;
}

const isBareNumeral = (s: string | undefined): boolean => s !== undefined && /^\d{1,6}$/.test(s);

/** "+82 2 1234 5678", "the 2022–23 season": digits in a code, a phone number or a span of years. */
function isCodeOrYearSpan(v: View, f: Figure): boolean {
  if (f.currency || f.mult || !f.numeral || f.numeral.formatted) return false;
  const i = f.numberAt;
  if (v.w[i - 1] === '+' && glued(v, i)) return true;
  if ((isBareNumeral(v.w[i - 1]) && !v.inTime[i - 1]) || (isBareNumeral(v.w[f.end]) && !v.inTime[f.end])) return true;
  return (v.w[i - 1] === '-' || v.w[i - 1] === '–' || v.w[i - 1] === '/') && i >= 2 && v.inTime[i - 2];
}

/** "10:30", "9/11", "12/03/2023", "5 p.m.". */
function isClockOrDate(v: View, f: Figure, W: CompiledQuantityWords): boolean {
  const i = f.numberAt;
  const before = v.w[i - 1];
  if ((before === ':' || before === '/') && glued(v, i) && isDigitChar(v.w[i - 2]) && glued(v, i - 1)) return true;
  const after = v.w[f.end];
  if ((after === ':' || after === '/') && glued(v, f.end) && isDigitChar(v.w[f.end + 1]) && glued(v, f.end + 1)) return true;
  return W.clockWords.has(after ?? '');
}

/** "aged 45", "45 years old", "Kim, 40, said". */
function isAge(v: View, f: Figure, W: CompiledQuantityWords): boolean {
  const i = f.numberAt;
  if (W.ageWords.has(v.w[i - 1] ?? '')) return true;
  if ((v.w[f.end] === 'years' || v.w[f.end] === 'year') && v.w[f.end + 1] === 'old') return true;
  return !f.currency && !f.mult && v.w[i - 1] === ',' && v.w[f.end] === ',' && isCapitalized(v.t[i - 2]) && f.value < 120 && !unitFollows(v, f.end + 1, W);
}

export interface GuardContext {
  /** The number is one end of a range ("between one and three million"). */
  inRange: boolean;
}

/** Why a figure is not an amount, or null when it is one. */
export function blockedBecause(v: View, f: Figure, W: CompiledQuantityWords, g: GuardContext): string | null {
  for (let k = f.numberAt; k < f.end; k++) if (v.inTime[k]) return 'time';
  if (W.calibre.has(v.w[f.end] ?? '')) return 'calibre';
  if (W.timesWords.has(v.w[f.end] ?? '')) return 'times'; // "four times": a change or a count of occasions
  if (isIdentifier(v, f, W)) return 'identifier';
  if (isYearLike(f)) return 'year';
  if (isCodeOrYearSpan(v, f)) return 'code';
  if (isClockOrDate(v, f, W)) return 'clock';
  if (isAge(v, f, W)) return 'age';
  // "one of the", "one raid", "a day": a bare "one" is a determiner, not an amount
  if (f.words && !f.mult && f.value === 1 && !g.inRange && !f.currency && !(W.units.match(v.w, f.end) || W.currencyWords.match(v.w, f.end))) return 'one';
  if (f.words && f.value === 0) return 'zero';
  return null;
}
