// Quantities: every amount in a report, normalized as corpus/FORMAT.md's `quantity` ("over 3
// million" → min 3000000; "70-90%" → min 70, max 90, percent; "dozens" → vague), with its unit,
// counted noun and changes ("nearly tripled" → factor 3, approx). Readers run sentence by sentence
// over the segment tokens, each looking a bounded number of tokens ahead, so time is linear in the
// text; at each token the longest reading wins. Numbers the times layer covers (years, dates,
// durations) and names with numbers ("Leopard 2", "Resolution 2397") are skipped.
import { requireLayer, withLayer, type AnnotatedDoc, type Quantity, type Span, type Token } from '../../doc.js';
import type { Stage, StageContext } from '../../pipeline.js';
import { readAmount } from './amount.js';
import { attachChanges, type SentenceDrafts } from './attach.js';
import { readChange } from './change.js';
import { readVague } from './vague.js';
import type { Draft, View } from './view.js';
import { compileQuantityWords, type CompiledQuantityWords } from './words.js';

const STAGE = 'quantities';

/** Marks the tokens that fall inside any of the spans (one sweep over both, sorted). */
export function tokensInside(tokens: readonly Token[], spans: readonly Span[]): boolean[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const inside = new Array<boolean>(tokens.length).fill(false);
  let p = 0;
  let reach = -1;
  for (let t = 0; t < tokens.length; t++) {
    while (p < sorted.length && sorted[p].start <= tokens[t].start) reach = Math.max(reach, sorted[p++].end);
    inside[t] = reach > tokens[t].start;
  }
  return inside;
}

/** The readings of one sentence, left to right, the longest at each token. */
export function readSentence(v: View, W: CompiledQuantityWords): Draft[] {
  const out: Draft[] = [];
  let i = 0;
  while (i < v.w.length) {
    let best: Draft | null = null;
    for (const read of [readChange, readAmount, readVague]) {
      const d = read(v, i, W);
      if (d && (!best || d.to > best.to)) best = d;
    }
    if (best) {
      out.push(best);
      i = best.to;
    } else i++;
  }
  return out;
}

function toQuantity(doc: AnnotatedDoc, v: View, d: Draft): Quantity {
  const start = v.starts[d.from];
  const end = v.ends[d.to - 1];
  const itemSpan = d.item ? { start: v.starts[d.item.from], end: v.ends[d.item.to - 1] } : undefined;
  return {
    start,
    end,
    text: doc.text.slice(start, end),
    value: d.value,
    min: d.min,
    max: d.max,
    unit: d.unit,
    ...(d.per ? { per: d.per } : {}),
    item: itemSpan ? doc.text.slice(itemSpan.start, itemSpan.end) : null,
    ...(itemSpan ? { itemSpan } : {}),
    approx: d.approx,
    vague: d.vague,
    ...(d.change ? { change: d.change } : {}),
    stage: STAGE,
    rule: d.rule,
  };
}

function describe(q: Quantity): string {
  const figures = q.vague ? 'vague' : [q.value !== null && `value ${q.value}`, q.min !== null && `min ${q.min}`, q.max !== null && `max ${q.max}`].filter(Boolean).join(' ');
  const change = q.change ? ` change ×${q.change.factor}${q.change.approx ? ' approx' : ''}` : '';
  return `${figures || 'no figure'}${q.unit ? ` ${q.unit}` : ''}${q.approx ? ' approx' : ''}${change}`;
}

function run(doc: AnnotatedDoc, ctx: StageContext): AnnotatedDoc {
  const { tokens, sentences } = requireLayer(doc, 'segments', STAGE);
  const W = compileQuantityWords(ctx.lexicons.quantities);
  // Earlier layers this stage reads when present: times to skip, names to tell "Ukraine 19" from "Leopard 2".
  const inTime = tokensInside(tokens, doc.layers.times?.times ?? []);
  const actors = doc.layers.actors;
  const names: Span[] = [...(actors?.actors ?? []).flatMap((a) => a.mentions), ...(actors?.places ?? [])];
  const inName = tokensInside(tokens, names);

  const read: SentenceDrafts[] = sentences.map((s) => {
    const toks = tokens.slice(s.tokenStart, s.tokenEnd);
    const view: View = {
      w: toks.map((t) => t.text.toLowerCase()),
      t: toks.map((t) => t.text),
      starts: toks.map((t) => t.start),
      ends: toks.map((t) => t.end),
      inTime: inTime.slice(s.tokenStart, s.tokenEnd),
      inName: inName.slice(s.tokenStart, s.tokenEnd),
    };
    return { view, paragraph: s.paragraph, drafts: readSentence(view, W) };
  });

  const built = new Map<Draft, Quantity>();
  for (const s of read) for (const d of s.drafts) built.set(d, toQuantity(doc, s.view, d));
  for (const { amount, change } of attachChanges(read, W)) {
    const a = built.get(amount);
    const c = built.get(change);
    if (!a || !c || !c.change) continue;
    built.set(amount, { ...a, change: c.change, changeSpan: { start: c.start, end: c.end } });
    built.set(change, { ...c, appliesTo: { start: a.start, end: a.end } });
  }
  const quantities = [...built.values()];
  if (ctx.trace) for (const q of quantities) ctx.trace({ stage: STAGE, rule: q.rule, start: q.start, end: q.end, action: describe(q) });
  return withLayer(doc, 'quantities', { quantities });
}

export const quantitiesStage: Stage = { name: STAGE, run };
