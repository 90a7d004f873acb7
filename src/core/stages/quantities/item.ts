// The counted noun after an amount ("19 F-16 fighter jets" → "F-16 fighter jets", unit aircraft)
// or the stuff a measure measures ("2,800 tonnes of corn" → "corn"). A short look ahead that
// stops at punctuation, function words and verbs' participles; the last word gives the unit.
import { parseNumeral } from './numbers.js';
import { isWordLike, type View } from './view.js';
import type { CompiledQuantityWords } from './words.js';

const MAX_ITEM = 6;
const DETERMINERS = new Set(['the', 'its', 'their', 'his', 'her', 'our', 'these', 'those']);

export interface ItemPhrase {
  from: number;
  to: number;
  /** The unit its head noun gives ("tanks" → tank), or null for an unlisted noun. */
  unit: string | null;
}

/** The noun phrase starting at token j, or null when none starts there. */
export function nounPhrase(v: View, j: number, W: CompiledQuantityWords): ItemPhrase | null {
  let k = j;
  while (k < v.w.length && k - j < MAX_ITEM) {
    const w = v.w[k];
    const possessive = w === "'s" || w === '’s';
    if (!possessive && (!isWordLike(w) || W.itemStops.has(w) || parseNumeral(w) || v.inTime[k])) break;
    if (possessive && k === j) break;
    k++;
  }
  if (k === j) return null;
  const head = v.w[k - 1];
  const two = k - j >= 2 ? `${v.w[k - 2]} ${head}` : '';
  const pair = two ? W.units.match([v.w[k - 2], head], 0) : undefined;
  const unit = W.countNouns.get(head) ?? (pair?.length === 2 ? pair.value : undefined) ?? W.units.match([head], 0)?.value ?? null;
  return { from: j, to: k, unit };
}

/** The "of" phrase after a measure: "tonnes of Russian grain", "billions of rupees" → skips "of" and one determiner. */
export function ofPhrase(v: View, j: number, W: CompiledQuantityWords): ItemPhrase | null {
  if (v.w[j] !== 'of') return null;
  const k = DETERMINERS.has(v.w[j + 1]) ? j + 2 : j + 1;
  return nounPhrase(v, k, W);
}
