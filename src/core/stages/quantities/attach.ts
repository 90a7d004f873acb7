// A refiner: a change set beside a figure belongs to that figure. "1.96 million bpd, up 15
// percent" and "10,666 barrels ..., a fall of roughly three-quarters" give the amount its change;
// "That is nearly four times the earlier high" reaches back to the previous sentence's figure;
// "rose 40% to $5 million" gives the change to the figure after "to". A change said of a subject
// alone ("wheat shipments have nearly tripled") stays on its own.
import type { Draft, View } from './view.js';
import type { CompiledQuantityWords } from './words.js';

export interface SentenceDrafts {
  view: View;
  paragraph: number;
  drafts: Draft[];
}

/** Draft of an amount with the change that applies to it, and of a change with its amount. */
export interface Attachment {
  amount: Draft;
  amountView: View;
  change: Draft;
  changeView: View;
}

const SEPARATORS = new Set([',', '(', '—', '–', '-']);

const hasFigures = (d: Draft): boolean => d.change === undefined && !d.vague && (d.value !== null || d.min !== null || d.max !== null);
const target = (d: Draft): boolean => hasFigures(d) && !d.baseline && d.unit !== 'percent';

/** "That is nearly four times ...", "This was up 15 percent": the change opens on a pointer to the figure before. */
function opensWithAnaphora(s: SentenceDrafts, change: Draft, W: CompiledQuantityWords): boolean {
  const w = s.view.w;
  return W.anaphoraStarts.has(w[0]) && W.copulas.has(w[1]) && change.from <= 3;
}

export function attachChanges(sentences: SentenceDrafts[], W: CompiledQuantityWords): Attachment[] {
  const out: Attachment[] = [];
  const taken = new Set<Draft>();
  const attach = (amount: Draft | null, amountView: View, change: Draft, changeView: View) => {
    if (!amount || taken.has(amount)) return;
    taken.add(amount);
    out.push({ amount, amountView, change, changeView });
  };
  sentences.forEach((s, si) => {
    let last: Draft | null = null;
    s.drafts.forEach((d, k) => {
      if (!d.change) {
        if (target(d)) last = d;
        return;
      }
      if (d.changeKind === 'comparative') {
        if (SEPARATORS.has(s.view.w[d.from - 1])) attach(last, s.view, d, s.view);
        else if (si > 0 && sentences[si - 1].paragraph === s.paragraph && opensWithAnaphora(s, d, W)) {
          const before = sentences[si - 1].drafts.filter(target);
          attach(before[before.length - 1] ?? null, sentences[si - 1].view, d, s.view);
        }
      } else if (s.view.w[d.to] === 'to') {
        const next = s.drafts[k + 1];
        if (next && next.from === d.to + 1 && hasFigures(next)) attach(next, s.view, d, s.view);
      }
    });
  });
  return out;
}
