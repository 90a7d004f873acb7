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
import { lowerWordsOf } from '../segment/lower.js';
import { lowerBound } from '../../search.js';
import { Mentions } from '../mentions.js';

const STAGE = 'quantities';

/**
 * Marks the tokens that start inside any of the span lists (in any order): a binary search for
 * each span's first token, then its tokens, so nothing is copied or sorted.
 */
export function tokensInside(tokens: readonly Token[], ...lists: readonly (readonly Span[])[]): boolean[] {
  const inside = new Array<boolean>(tokens.length).fill(false);
  for (const spans of lists) {
    for (const span of spans) {
      for (let t = lowerBound(tokens, span.start, (x) => x.start); t < tokens.length && tokens[t].start < span.end; t++) inside[t] = true;
    }
  }
  return inside;
}

const READERS = [readChange, readAmount, readVague];

/** Can a reading start with this word? Most words cannot, and are passed over at the cost of a set lookup. */
function mayStart(w: string, W: CompiledQuantityWords): boolean {
  const c = w.charCodeAt(0);
  if ((c >= 48 && c <= 57) || W.starters.has(w) || w.endsWith('fold')) return true;
  const dash = w.indexOf('-');
  return dash > 0 && W.starters.has(w.slice(0, dash)); // "twenty-five"
}

/** A word that starts only phrases ("at least") starts a reading only before one of their second words. */
function secondWordFits(v: View, i: number, W: CompiledQuantityWords): boolean {
  const seconds = W.phraseOnlyStarters.get(v.w[i]);
  return seconds === undefined || seconds.has(v.w[i + 1]);
}

/** The readings of one sentence, left to right, the longest at each token. */
export function readSentence(v: View, W: CompiledQuantityWords): Draft[] {
  const out: Draft[] = [];
  let i = 0;
  while (i < v.w.length) {
    if (!mayStart(v.w[i], W) || !secondWordFits(v, i, W)) {
      i++;
      continue;
    }
    let best: Draft | null = null;
    for (const read of READERS) {
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

const spanOf = (v: View, from: number, to: number): Span => ({ start: v.starts[from], end: v.ends[to - 1] });

/** The annotation for a draft; `link` is the change set beside an amount, or the amount a change applies to. */
function toQuantity(doc: AnnotatedDoc, v: View, d: Draft, link?: { draft: Draft; view: View }): Quantity {
  const { start, end } = spanOf(v, d.from, d.to);
  const itemSpan = d.item ? spanOf(v, d.item.from, d.item.to) : undefined;
  const linked = link ? spanOf(link.view, link.draft.from, link.draft.to) : undefined;
  const change = d.change ?? link?.draft.change;
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
    ...(change ? { change } : {}),
    ...(linked && d.change ? { appliesTo: linked } : {}),
    ...(linked && !d.change ? { changeSpan: linked } : {}),
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
  const inName = tokensInside(tokens, actors ? new Mentions(actors.actors).list : [], actors?.places ?? []);

  const lower = lowerWordsOf(tokens);
  const read: SentenceDrafts[] = sentences.map((s) => {
    const toks = tokens.slice(s.tokenStart, s.tokenEnd);
    const view: View = {
      w: lower.slice(s.tokenStart, s.tokenEnd),
      t: toks.map((t) => t.text),
      starts: toks.map((t) => t.start),
      ends: toks.map((t) => t.end),
      inTime: inTime.slice(s.tokenStart, s.tokenEnd),
      inName: inName.slice(s.tokenStart, s.tokenEnd),
    };
    return { view, paragraph: s.paragraph, drafts: readSentence(view, W) };
  });

  const links = new Map<Draft, { draft: Draft; view: View }>();
  for (const a of attachChanges(read, W)) {
    links.set(a.amount, { draft: a.change, view: a.changeView });
    links.set(a.change, { draft: a.amount, view: a.amountView });
  }
  const quantities: Quantity[] = [];
  for (const s of read) for (const d of s.drafts) quantities.push(toQuantity(doc, s.view, d, links.get(d)));
  if (ctx.trace) for (const q of quantities) ctx.trace({ stage: STAGE, rule: q.rule, start: q.start, end: q.end, action: describe(q) });
  return withLayer(doc, 'quantities', { quantities });
}

export const quantitiesStage: Stage = { name: STAGE, run };
