// A flow's period from the times in its clause: "since October" opens it, "until"/"as of"/"by"
// closes it, a month or year on its own is both ends (a one-month flow), "between A and B" is both.
import type { AnnotatedDoc, Span } from '../../doc.js';

export function periodOf(doc: AnnotatedDoc, clause: Span): { since: string | null; until: string | null } {
  const times = (doc.layers.times?.times ?? []).filter((t) => t.start >= clause.start && t.end <= clause.end && t.value && t.type === 'DATE' && /^\d{4}/.test(t.value));
  let since: string | null = null;
  let until: string | null = null;
  for (const t of times) {
    const before = doc.text.slice(Math.max(clause.start, t.start - 12), t.start).toLowerCase();
    const word = doc.text.slice(t.start, t.end).toLowerCase();
    const signal = t.signal ? doc.text.slice(t.signal.start, t.signal.end).toLowerCase() : '';
    if (/^since\b/.test(word) || signal === 'since' || /\bsince\s*$/.test(before) || /\bfrom\s*$/.test(before)) since ??= t.value;
    else if (/^(?:until|as of)\b/.test(word) || /until|as of/.test(signal) || /\b(?:until|by|through|as of)\s*$/.test(before)) until ??= t.value;
    else if (/\band\s*$/.test(before) && since) until ??= t.value;
    else if (/\bbetween\s*$/.test(before)) since ??= t.value;
    else if (!since && !until) {
      since = t.value;
      until = t.value;
    }
  }
  return { since, until };
}
