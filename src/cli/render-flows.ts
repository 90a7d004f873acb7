// The text view's "Flows" and "Events" sections: each transfer with its status, source, amount
// and period, and the sentence it came from.
import type { AnnotatedDoc } from '../core/doc.js';

const flat = (s: string) => s.replace(/\s+/g, ' ');
const clip = (s: string, n = 150) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function renderFlows(doc: AnnotatedDoc, withRules: boolean): string[] {
  const lines: string[] = [];
  const transfers = doc.layers.transfers?.transfers ?? [];
  if (transfers.length) {
    lines.push('', `Flows (${transfers.length})`);
    for (const t of transfers) {
      const amount = t.quantity ? `  ${t.quantity.text}` : '';
      const period = t.since || t.until ? `  ${t.since ?? '…'} to ${t.until ?? '…'}` : '';
      const source = t.source ?? (t.sourceText ? `unnamed: "${flat(t.sourceText)}"` : 'the report');
      lines.push(`  ${t.from} → ${t.to}  ${t.category}: ${flat(t.item)}${amount}${period}`);
      lines.push(`      ${t.status}, according to ${source}${withRules ? `  rule ${t.rule}` : ''}`);
      for (const s of t.spans.slice(0, 2)) lines.push(`      ${s.start}-${s.end}  "${clip(flat(doc.text.slice(s.start, s.end)))}"`);
    }
  }
  const events = doc.layers.events?.events ?? [];
  if (events.length) {
    lines.push('', `Events (${events.length})`);
    for (const e of events) {
      lines.push(`  ${e.type}  ${e.date ?? 'undated'}  ${e.actors.join(', ')}${e.place ? `  at ${e.place}` : ''}${withRules ? `  rule ${e.rule}` : ''}`);
      const s = e.spans[0];
      lines.push(`      ${s.start}-${s.end}  "${clip(flat(doc.text.slice(s.start, s.end)))}"`);
    }
  }
  return lines;
}
