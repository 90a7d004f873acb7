// The text view's "Who says so" section: each claim with its speaker, cue and source.
import type { AnnotatedDoc } from '../core/doc.js';

const flat = (s: string) => s.replace(/\s+/g, ' ');

export function renderAttributions(doc: AnnotatedDoc, withRules: boolean): string[] {
  const items = doc.layers.attributions?.attributions ?? [];
  if (!items.length) return [];
  const lines = ['', `Who says so (${items.length})`];
  for (const a of items) {
    const source = a.source ? `${a.source}${a.sourceText ? ` ("${flat(a.sourceText)}")` : ''}` : `unnamed: "${flat(a.sourceText ?? '?')}"`;
    const speaker = a.speaker ? flat(doc.text.slice(a.speaker.start, a.speaker.end)) : '-';
    const cue = a.cue ? flat(doc.text.slice(a.cue.start, a.cue.end)) : '-';
    const content = flat(doc.text.slice(a.start, a.end));
    lines.push(`  ${a.kind.padEnd(8)} ${source}`);
    lines.push(`      speaker "${speaker}"  cue "${cue}"  ${a.start}-${a.end}${withRules ? `  rule ${a.rule}` : ''}`);
    lines.push(`      "${content.length > 160 ? content.slice(0, 157) + '…' : content}"`);
  }
  return lines;
}
