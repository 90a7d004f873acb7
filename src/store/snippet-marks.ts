// Marks around matched words in search snippets: control characters no stored text holds
// (decodeReport refuses texts full of them), turned into offsets and removed.
export const MARK_OPEN = '\u0002';
export const MARK_CLOSE = '\u0003';

export function unmark(marked: string): { snippet: string; highlights: { start: number; end: number }[] } {
  const highlights: { start: number; end: number }[] = [];
  let snippet = '';
  let open = -1;
  for (const ch of marked) {
    if (ch === MARK_OPEN) open = snippet.length;
    else if (ch === MARK_CLOSE) { if (open >= 0) highlights.push({ start: open, end: snippet.length }); open = -1; }
    else snippet += ch;
  }
  return { snippet, highlights };
}
