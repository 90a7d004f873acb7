// The readable view of one report's extraction: each actor with its evidence in context.
import type { AnnotatedDoc, Span, TraceEvent } from '../core/doc.js';
import type { StageTiming } from '../core/pipeline.js';
import { renderQuantities } from './render-quantities.js';
import { renderDating } from './render-dating.js';
import { renderAttributions } from './render-attributions.js';
import { renderFlows } from './render-flows.js';

/** The text around a span, on one line, with the span in [brackets]. */
export function inContext(text: string, span: Span, width = 40): string {
  const a = Math.max(0, span.start - width);
  const b = Math.min(text.length, span.end + width);
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  return `${a > 0 ? '…' : ''}${flat(text.slice(a, span.start))}[${flat(text.slice(span.start, span.end))}]${flat(text.slice(span.end, b))}${b < text.length ? '…' : ''}`;
}

export function renderText(doc: AnnotatedDoc, opts: { source: string; trace?: TraceEvent[]; timings?: StageTiming[] }): string {
  const lines: string[] = [];
  const segs = doc.layers.segments;
  const actors = doc.layers.actors?.actors ?? [];
  lines.push(`${opts.source}: published ${doc.published ?? 'unknown'}; ${segs?.sentences.length ?? 0} sentences, ${segs?.tokens.length ?? 0} tokens`);
  const byType = (t: string) => actors.filter((a) => a.type === t);
  for (const [type, title] of [['country', 'Countries'], ['organization', 'Organizations'], ['person', 'Persons'], ['vessel', 'Vessels']] as const) {
    const list = byType(type);
    if (!list.length) continue;
    lines.push('', `${title} (${list.length})`);
    for (const a of list) {
      const facts = [a.role, a.affiliation && `for ${a.affiliation}`, a.country && `of ${a.country}`].filter(Boolean).join(', ');
      lines.push(`  ${a.id}  ${a.name}${facts ? ` (${facts})` : ''}  ${a.mentions.length} mention${a.mentions.length === 1 ? '' : 's'}`);
      for (const m of a.mentions.slice(0, 3)) lines.push(`      ${m.start}-${m.end}  ${inContext(doc.text, m)}${opts.trace ? `   rule ${m.rule}` : ''}`);
      if (a.mentions.length > 3) lines.push(`      … and ${a.mentions.length - 3} more`);
    }
  }
  lines.push(...renderAttributions(doc, opts.trace !== undefined));
  lines.push(...renderFlows(doc, opts.trace !== undefined));
  lines.push(...renderQuantities(doc, opts.trace !== undefined));
  lines.push(...renderDating(doc, opts.trace !== undefined));
  if (opts.trace?.length) {
    lines.push('', 'Trace (stage/rule: action at span)');
    for (const e of opts.trace) lines.push(`  ${e.stage}/${e.rule}: ${e.action} at ${e.start}-${e.end} "${doc.text.slice(e.start, e.end)}"`);
  }
  if (opts.timings) {
    lines.push('', 'Timings');
    for (const t of opts.timings) lines.push(`  ${t.stage.padEnd(10)} ${t.ms.toFixed(2)} ms`);
  }
  return lines.join('\n') + '\n';
}
