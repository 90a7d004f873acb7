// Amounts without figures: "dozens", "tens of thousands", "a significant number of",
// "sizeable quantities of", "thousands of tonnes", "billions of rupees". The numbers stay null
// and the text is kept, as corpus/FORMAT.md asks; a unit after "of" joins the span.
import { nounPhrase, ofPhrase } from './item.js';
import type { Draft, View } from './view.js';
import type { CompiledQuantityWords } from './words.js';

/** "a significant number", "sizeable quantities": [a|an] adjective noun, only before "of". */
function adjectiveAmount(v: View, i: number, W: CompiledQuantityWords): number | null {
  let j = v.w[i] === 'a' || v.w[i] === 'an' ? i + 1 : i;
  if (!W.vagueAdjectives.has(v.w[j])) return null;
  j++;
  if (!W.vagueNouns.has(v.w[j])) return null;
  return v.w[j + 1] === 'of' ? j + 1 : null;
}

export function readVague(v: View, i: number, W: CompiledQuantityWords): Draft | null {
  if (v.inTime[i]) return null;
  const w = v.w;
  let end: number | null = null;
  let rule = 'vague:adjective';
  const m = W.vagueWords.match(w, i);
  if (m) {
    end = i + m.length;
    // "a number" is only an amount before "of"; "several times" and "a few days" are not amounts
    if (W.vagueNouns.has(w[end - 1]) && w[end] !== 'of') return null;
    if (W.timesWords.has(w[end]) || v.inTime[end]) return null;
    rule = 'vague:word';
  } else {
    end = adjectiveAmount(v, i, W);
  }
  if (end === null) return null;
  let unit = 'item';
  let item: { from: number; to: number } | undefined;
  // a unit right after ("a few thousand tonnes") or after "of" ("thousands of tonnes") joins the span
  const unitFrom = w[end] === 'of' ? end + 1 : end;
  const found = W.currencyWords.match(w, unitFrom) ?? W.units.match(w, unitFrom);
  if (found) {
    unit = found.value;
    end = unitFrom + found.length;
    const stuff = ofPhrase(v, end, W);
    if (stuff) item = { from: stuff.from, to: stuff.to };
  } else {
    const p = w[end] === 'of' ? ofPhrase(v, end, W) : nounPhrase(v, end, W);
    if (p) {
      item = { from: p.from, to: p.to };
      unit = p.unit ?? 'item';
    }
  }
  return { from: i, to: end, value: null, min: null, max: null, unit, approx: false, vague: true, rule, ...(item ? { item } : {}) };
}
