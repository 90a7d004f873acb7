// Name keys for matching actors and sources across reports: spelling variants of one name
// (Kim Jong Un / Kim Jong-un / Kim Jong-Un, accents, case, a leading "the") give one key.

/** Lowercase, accents off, hyphens and punctuation to spaces, possessive 's and a leading "the" dropped. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['\u2019]s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

const SMALL_WORDS = new Set(['of', 'for', 'and', 'the', 'on', 'in', 'to', 'de', 'a']);

/** The initials of a multi-word name ("National Intelligence Service" → "nis"); null for one word. */
export function acronymOf(name: string): string | null {
  const words = nameKey(name).split(' ').filter((w) => w && !SMALL_WORDS.has(w));
  return words.length >= 2 ? words.map((w) => w[0]).join('') : null;
}

/** A written acronym: two to six capitals, optionally with dots ("NIS", "U.N."), as its key. */
export function acronymKey(name: string): string | null {
  const bare = name.replace(/\./g, '');
  return /^[A-Z]{2,6}$/.test(bare) ? bare.toLowerCase() : null;
}
