// A user's search words to an FTS5 query. FTS5 has its own syntax (AND, NEAR, column filters,
// parentheses) in which ordinary input such as `U.S.` or `Kim's` is an error; so every word is
// quoted and only three things keep a meaning: "quoted phrases", a trailing * for a prefix, and OR.

/** The query cannot be read; the message says why. */
export class SearchQueryError extends Error {}

const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;
const hasWordChar = (s: string): boolean => /[\p{L}\p{N}]/u.test(s);

export function toFtsQuery(input: string): string {
  const parts: string[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i];
    if (/\s/.test(ch)) { i++; continue; }
    if (ch === '"') {
      const close = input.indexOf('"', i + 1);
      if (close < 0) throw new SearchQueryError('a phrase opened with " is not closed');
      const phrase = input.slice(i + 1, close);
      if (hasWordChar(phrase)) parts.push(quote(phrase));
      i = close + 1;
      continue;
    }
    let j = i;
    while (j < input.length && !/\s/.test(input[j]) && input[j] !== '"') j++;
    const word = input.slice(i, j);
    i = j;
    if (word === 'OR') {
      if (parts.length && parts[parts.length - 1] !== 'OR') parts.push('OR');
      continue;
    }
    const prefix = word.endsWith('*');
    const bare = prefix ? word.replace(/\*+$/, '') : word;
    if (hasWordChar(bare)) parts.push(quote(bare) + (prefix ? '*' : ''));
  }
  while (parts[parts.length - 1] === 'OR') parts.pop();
  if (parts[0] === 'OR') parts.shift();
  if (!parts.length) throw new SearchQueryError('the query has no words to search for');
  return parts.join(' ');
}
