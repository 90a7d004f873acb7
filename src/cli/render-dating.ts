// The readable view's sections for time: the estimated publication date with its cues, the time
// expressions with their values, and the inconsistencies with their evidence in context.
import type { AnnotatedDoc } from '../core/doc.js';
import { inContext } from './render-text.js';

export function renderDating(doc: AnnotatedDoc, withRules: boolean): string[] {
  const lines: string[] = [];
  const rule = (r: string) => (withRules ? `   rule ${r}` : '');
  const e = doc.layers.dating?.estimate;
  if (e) {
    lines.push('', `Publication date estimated: ${e.earliest ?? '…'} to ${e.latest ?? '…'}, counted from ${e.value ?? 'no single day'}`);
    for (const c of e.cues) lines.push(`  ${c.reason}${rule(c.rule)}`, ...c.spans.slice(0, 1).map((s) => `      ${s.start}-${s.end}  ${inContext(doc.text, s)}`));
  }
  const times = doc.layers.times?.times ?? [];
  if (times.length) {
    lines.push('', `Times (${times.length})`);
    for (const t of times) lines.push(`  ${t.type} ${t.value ?? 'unresolved'}${t.estimated ? ' (from the estimated date)' : ''}  ${t.start}-${t.end}  ${inContext(doc.text, t, 30)}${rule(t.rule)}`);
  }
  const inconsistencies = doc.layers.consistency?.inconsistencies ?? [];
  if (inconsistencies.length) {
    lines.push('', `Inconsistencies (${inconsistencies.length})`);
    for (const i of inconsistencies) {
      lines.push(`  ${i.kind}: ${i.reason}${rule(i.rule)}`);
      for (const s of i.spans) lines.push(`      ${s.start}-${s.end}  ${inContext(doc.text, s)}`);
    }
  }
  return lines;
}
