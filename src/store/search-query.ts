// A user's search words, read once and written for each backend's full-text syntax. FTS5 and
// PostgreSQL have their own operators in which ordinary input such as `U.S.` or `Kim's` is an
// error; so every word is taken as text and only three things keep a meaning: "quoted phrases",
// a trailing * for a prefix, and OR (which binds looser than the implicit AND, as in FTS5).

/** The query cannot be read; the message says why. */
export class SearchQueryError extends Error {}

/** A word or phrase to find, or OR between two groups of them. */
export type SearchTerm = { text: string; prefix: boolean } | 'OR';

const hasWordChar = (s: string): boolean => /[\p{L}\p{N}]/u.test(s);

export function parseSearchQuery(input: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i];
    if (/\s/.test(ch)) { i++; continue; }
    if (ch === '"') {
      const close = input.indexOf('"', i + 1);
      if (close < 0) throw new SearchQueryError('a phrase opened with " is not closed');
      const phrase = input.slice(i + 1, close);
      if (hasWordChar(phrase)) terms.push({ text: phrase, prefix: false });
      i = close + 1;
      continue;
    }
    let j = i;
    while (j < input.length && !/\s/.test(input[j]) && input[j] !== '"') j++;
    const word = input.slice(i, j);
    i = j;
    if (word === 'OR') {
      if (terms.length && terms[terms.length - 1] !== 'OR') terms.push('OR');
      continue;
    }
    const prefix = word.endsWith('*');
    const bare = prefix ? word.replace(/\*+$/, '') : word;
    if (hasWordChar(bare)) terms.push({ text: bare, prefix });
  }
  while (terms[terms.length - 1] === 'OR') terms.pop();
  if (terms[0] === 'OR') terms.shift();
  if (!terms.length) throw new SearchQueryError('the query has no words to search for');
  return terms;
}

/** Groups of terms that must all match; a hit matches any group. */
export function orGroups(terms: SearchTerm[]): { text: string; prefix: boolean }[][] {
  const groups: { text: string; prefix: boolean }[][] = [[]];
  for (const t of terms) {
    if (t === 'OR') groups.push([]);
    else groups[groups.length - 1].push(t);
  }
  return groups;
}

/** The query in FTS5 syntax: every term a quoted string. */
export function toFtsQuery(input: string): string {
  return parseSearchQuery(input).map((t) => (t === 'OR' ? 'OR' : `"${t.text.replace(/"/g, '""')}"${t.prefix ? '*' : ''}`)).join(' ');
}
