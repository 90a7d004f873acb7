// The "Quantities" section of the readable view: each amount, its reading and its evidence in context.
import type { AnnotatedDoc, Quantity } from '../core/doc.js';
import { inContext } from './render-text.js';

/** "min 3000000 item (artillery shells)", "70–90 percent", "vague item", "×3 approx". */
export function describeQuantity(q: Quantity): string {
  const fig = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 6 });
  const figures = q.vague
    ? 'vague'
    : q.value !== null
      ? fig(q.value)
      : q.min !== null && q.max !== null
        ? `${fig(q.min)}–${fig(q.max)}`
        : q.min !== null
          ? `≥ ${fig(q.min)}`
          : q.max !== null
            ? `≤ ${fig(q.max)}`
            : '';
  const parts = [figures, q.unit ?? '', q.approx ? '(approx)' : '', q.change ? `change ×${q.change.factor}${q.change.approx ? ' approx' : ''}` : '', q.item ? `of "${q.item}"` : ''];
  return parts.filter(Boolean).join(' ');
}

export function renderQuantities(doc: AnnotatedDoc, withRules: boolean): string[] {
  const qs = doc.layers.quantities?.quantities ?? [];
  if (!qs.length) return [];
  const lines = ['', `Quantities (${qs.length})`];
  for (const q of qs) {
    lines.push(`  ${describeQuantity(q)}${withRules ? `   rule ${q.rule}` : ''}`);
    lines.push(`      ${q.start}-${q.end}  ${inContext(doc.text, q)}`);
  }
  return lines;
}
