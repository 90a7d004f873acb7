// Lowercase forms of a document's tokens, computed once per token list and shared by the stages
// that read words case-blind (times, dating, quantities, attributions, consistency).
import type { Token } from '../../doc.js';

const lowered = new WeakMap<readonly Token[], readonly string[]>();
const straightened = new WeakMap<readonly Token[], readonly string[]>();

/** Each token's text in lowercase, by token index. */
export function lowerWordsOf(tokens: readonly Token[]): readonly string[] {
  let words = lowered.get(tokens);
  if (!words) lowered.set(tokens, (words = tokens.map((t) => t.text.toLowerCase())));
  return words;
}

/** Each token's text in lowercase with the curly apostrophe written straight ("russia’s" → "russia's"). */
export function straightWordsOf(tokens: readonly Token[]): readonly string[] {
  let words = straightened.get(tokens);
  if (!words) straightened.set(tokens, (words = lowerWordsOf(tokens).map((w) => (w.includes('’') ? w.replace(/’/g, "'") : w))));
  return words;
}
