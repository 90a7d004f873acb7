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

/** Inside a name: a possessive, a model number after a capitalized word ("Leopard 2 tanks"), a glued slash ("054A/P"). */
function joinsName(v: View, k: number): boolean {
  const w = v.w[k];
  if (w === "'s" || w === '’s') return true;
  const tight = v.starts[k] === v.ends[k - 1] && k + 1 < v.w.length && v.starts[k + 1] === v.ends[k];
  if (w === '/' && tight) return true;
  return /^\p{Lu}/u.test(v.t[k - 1]) && /^\d{1,4}$/.test(w) && k + 1 < v.w.length && isWordLike(v.w[k + 1]) && !parseNumeral(v.w[k + 1]);
}

/** The noun phrase starting at token j, or null when none starts there. */
export function nounPhrase(v: View, j: number, W: CompiledQuantityWords): ItemPhrase | null {
  let k = j;
  while (k < v.w.length && k - j < MAX_ITEM) {
    const w = v.w[k];
    if (k > j && joinsName(v, k)) {
      k++;
      continue;
    }
    if (!isWordLike(w) || W.itemStops.has(w) || parseNumeral(w) || v.inTime[k]) break;
    // an adverb or a verb after the noun ends the phrase: "wages directly", "aircraft landed at",
    // "vessels carrying grain"; "armoured vehicles" and "infantry fighting vehicles" stay whole
    if (k > j && w.length > 4 && w.endsWith('ly')) break;
    if (k > j && w.endsWith('ed') && (!isWordLike(v.w[k + 1]) || W.itemStops.has(v.w[k + 1]))) break;
    if (k > j && w.endsWith('ing') && v.w[k - 1].endsWith('s')) break;
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
