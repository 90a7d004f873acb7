// The contents of a package, sale or shipment: "the package includes …", "consists of …".
import { type Transfer } from '../../doc.js';
import { clauseStart, clauseEnd, statusWord, HEDGE_WORDS } from './clauses.js';
import { type Ctx, otherOfPair, sourceOf, usualFlow } from './context.js';
import { textOf, quantityIn, listParts } from './items.js';
import { addTransfer } from './record.js';

const INCLUDE = /^(?:covers|cover|covered|includes|include|included|including|comprises|comprised|comprise)$/;
const PACKAGE = /^(?:package|packages|sale|sales|deal|deals|contract|contracts|agreement|agreements|consignment|consignments|shipment|shipments|aid|order|orders|equipment|cargo|cargoes|freight)$/;

/** "covers", "includes", "consists of", "provides for": a word that opens the contents of a flow. */
const INCLUSION_CUES = new Set(['covers', 'cover', 'covered', 'includes', 'include', 'included', 'including', 'comprises', 'comprised', 'comprise', 'consists', 'consisted', 'consist', 'provide', 'provides', 'provided']);

export function inclusionAt(ctx: Ctx, v: number): number {
  const w = ctx.tokens[v].text.toLowerCase();
  if (!INCLUSION_CUES.has(w)) return -1;
  const next = ctx.tokens[v + 1]?.text.toLowerCase();
  if (INCLUDE.test(w)) return v + 1;
  if (/^(?:consists|consisted|consist)$/.test(w) && next === 'of') return v + 2;
  // "consist largely of", "consisted mostly of".
  if (/^(?:consists|consisted|consist)$/.test(w) && /^\p{Ll}+ly$/u.test(next ?? '') && ctx.tokens[v + 2]?.text === 'of') return v + 3;
  if (/^(?:provide|provides|provided)$/.test(w) && next === 'for') return v + 2;
  return -1;
}

/**
 * The contents of a package, sale or shipment ("the package covers HIMARS rockets, 155mm rounds and
 * Stinger missiles", "the agreements provide for up to 1,000 tanks, 672 howitzers and 48 aircraft",
 * "the shipment consisted of infantry rockets"): one transfer per listed item along the flow the
 * sentence gave before (else the report's usual sender and recipient). Contents still listed in the
 * present are planned; past contents keep the flow's status.
 */
export function fromInclusion(ctx: Ctx, v: number, k: number, sStart: number, sEnd: number): void {
  const { tokens } = ctx;
  const w = tokens[v].text.toLowerCase();
  const cStart = clauseStart(ctx, v, sStart);
  let hasPackage = false;
  for (let p = Math.max(cStart, v - 12); p < v; p++) if (PACKAGE.test(tokens[p].text.toLowerCase())) hasPackage = true;
  // "weapons, including drones": a sub-list of a flow already taken; only a package's contents count.
  if (w === 'including' && !hasPackage) return;
  if (!hasPackage && !/^(?:consists|consisted|consist|provide|provides|provided)$/.test(w)) {
    // "it also covers the smaller plant": a verb of covering needs a package-like subject.
    return;
  }
  const at = tokens[v].start;
  let parent: Transfer | undefined;
  for (let i = ctx.out.length - 1; i >= Math.max(0, ctx.out.length - 8); i--) {
    const t = ctx.out[i];
    if (t.spans[0].start >= tokens[sStart].start && t.spans[0].start < at && (!parent || t.spans[0].start > parent.spans[0].start)) parent = t;
  }
  const cEnd = clauseEnd(ctx, v, sEnd);
  let end = k;
  while (end < cEnd && !/^[;:.]$/.test(tokens[end].text) && !/^(?:that|which|who|though|although)$/.test(tokens[end].text) && !(tokens[end].text === ',' && /^(?:while|but|which|who|and|according)$/.test(tokens[end + 1]?.text ?? '') && !ctx.cat.categorize(textOf(ctx, end + 2, Math.min(cEnd, end + 6))))) end++;
  const past = /(?:ed|sted)$/.test(w) || w === 'provided';
  const src = sourceOf(ctx, at);
  const parts = listParts(ctx, k, end);
  const subjectWords = tokens.slice(Math.max(cStart, v - 12), v).map(statusWord);
  // "Return cargo may include Russian food, fuel or components": with no flow before it in the
  // sentence, the contents' demonym names the sender and the other main side receives; "return"
  // or "exchange" cargo runs against the report's usual direction.
  let from = parent?.from;
  let to = parent?.to;
  if (!parent) {
    from = ctx.mentions.within({ start: tokens[k].start, end: tokens[end - 1]?.end ?? tokens[k].end }).find((m) => m.kind === 'demonym' && m.actor.type === 'country')?.actor.id;
    to = otherOfPair(ctx, from);
    if (!from && subjectWords.some((x) => x === 'return' || x === 'exchange')) {
      const usual = usualFlow(ctx);
      if (usual) [from, to] = [usual[1], usual[0]];
    }
  }
  // "may include": contents stated with doubt.
  const doubt = /^(?:may|might|could)$/.test(subjectWords[subjectWords.length - 1] ?? '') || subjectWords.some((x) => HEDGE_WORDS.has(x));
  for (const [a, b] of parts) {
    const item = textOf(ctx, a, b).replace(/^(?:the|a|an|its|their)\s+/i, '');
    if (/^(?:by|in|to|for|from|and|or|but|on|at|as|how|what|when|where|with)\b/i.test(item)) continue;
    const category = ctx.cat.categorize(item);
    if (!category) continue;
    const status = src.denial ? 'denied' : doubt ? 'hedged' : past ? (parent?.status ?? 'asserted') : 'planned';
    const t: Omit<Transfer, 'stage'> = {
      from: from ?? '', to: to ?? '', category, item, quantity: quantityIn(ctx, { start: tokens[a].start, end: tokens[b - 1].end }),
      since: parent?.since ?? null, until: parent?.until ?? null, status,
      source: src.source, ...(src.sourceText ? { sourceText: src.sourceText } : {}),
      spans: [{ start: tokens[a].start, end: tokens[b - 1].end }], rule: 'package-contents',
    };
    if (t.from && t.to) addTransfer(ctx, t);
    else ctx.pending.push(t);
  }
}
