// A quick "not in this word set" answer before a map lookup. Most tokens miss every lexicon, and a
// string lookup costs a hash and a probe; a table read by the word's first two UTF-16 units, holding
// one bit per word length, rules most of them out in a few array reads. A set bit proves nothing:
// the map is asked after it.

/** By a hash of the first two UTF-16 units, one bit per word length (31 and more share the top bit). */
export type WordPrefilter = Uint32Array;

const SLOTS = 1 << 12; // 16 KB: small enough to stay in cache beside the maps it spares
const slotOf = (w: string): number => (w.charCodeAt(0) * 31 + (w.length > 1 ? w.charCodeAt(1) : 0)) & (SLOTS - 1);
const lengthBit = (w: string): number => 1 << Math.min(w.length, 31);

export function wordPrefilter(words: Iterable<string>): WordPrefilter {
  const table = new Uint32Array(SLOTS);
  for (const w of words) if (w.length > 0) table[slotOf(w)] |= lengthBit(w);
  return table;
}

/** False when the word is surely none of the filter's words; true when it may be one. */
export const mayHold = (filter: WordPrefilter, w: string): boolean => w.length > 0 && (filter[slotOf(w)] & lengthBit(w)) !== 0;
