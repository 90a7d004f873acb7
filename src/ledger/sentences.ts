// The sentence around a span, for quoting evidence. A light scan (sentence ends are ". ", "! ",
// "? " or a line break) is enough here: the quote only has to hold the span and read whole.
const MAX_QUOTE = 600;

const isEnd = (text: string, i: number): boolean => {
  const c = text[i];
  if (c === '\n') return true;
  if (c !== '.' && c !== '!' && c !== '?') return false;
  let j = i + 1;
  while (j < text.length && (text[j] === '"' || text[j] === '\u201d' || text[j] === "'" || text[j] === '\u2019' || text[j] === ')')) j++;
  if (j >= text.length) return true;
  if (text[j] !== ' ' && text[j] !== '\n') return false;
  // "U.S. officials": a capital letter right before the dot and a lowercase word after is an initialism.
  while (j < text.length && text[j] === ' ') j++;
  const next = text[j] ?? '';
  return !(next >= 'a' && next <= 'z');
};

/** The sentence holding [start, end), trimmed; at most MAX_QUOTE characters around the span. */
export function sentenceAround(text: string, start: number, end: number): string {
  let s = start;
  const floor = Math.max(0, start - MAX_QUOTE);
  while (s > floor && !isEnd(text, s - 1)) s--;
  let e = Math.max(end, start);
  const ceil = Math.min(text.length, end + MAX_QUOTE);
  while (e < ceil && !isEnd(text, e)) e++;
  if (e < text.length && text[e] !== '\n') e++;
  while (e < text.length && (text[e] === '"' || text[e] === '\u201d' || text[e] === ')')) e++;
  return text.slice(s, e).replace(/\s+/g, ' ').trim();
}
