// Clause bounds around a flow word and the words that set its status: doubt, refusal, modals.
import { type Token } from '../../doc.js';
import { type Ctx, actorAfter, claimAt } from './context.js';

/** "found no evidence that any arms had been loaded": the words from the "no evidence" on, when the clause has it. */
export function noEvidence(ctx: Ctx, cStart: number, v: number): string[] | undefined {
  for (let k = Math.max(cStart, v - 12); k < v - 1; k++) {
    if (ctx.lower[k] === 'no' && /^(?:evidence|sign|signs|indication|indications|proof)$/i.test(ctx.tokens[k + 1].text)) return ctx.tokens.slice(k, v).map(statusWord);
  }
  return undefined;
}

/** Where the clause holding token v begins: the sentence start, a semicolon, or the start of the claim v sits in. */
export function clauseStart(ctx: Ctx, v: number, sentenceStart: number): number {
  let k = v;
  while (k > sentenceStart && !/^[;:]$/.test(ctx.tokens[k - 1].text)) k--;
  const at = ctx.tokens[v].start;
  const claim = claimAt(ctx, at);
  if (claim) {
    while (k < v && ctx.tokens[k].start < claim.start) k++;
  }
  return k;
}

export function clauseEnd(ctx: Ctx, v: number, sentenceEnd: number): number {
  // A claim ends where its content ends: "…, according to X" is no part of the flow.
  const at = ctx.tokens[v].start;
  const claim = claimAt(ctx, at);
  for (let k = v + 1; k < sentenceEnd; k++) {
    if (claim && ctx.tokens[k].start >= claim.end) return k;
    const t = ctx.tokens[k].text;
    // "what one official described as “concerning levels of technical assistance”": a quoted name stays in the clause.
    if (ctx.quoteMask[k] && !ctx.quoteMask[k - 1] && /^(?:as|called|dubbed|termed)$/i.test(ctx.tokens[k - 1].text)) {
      while (k + 1 < sentenceEnd && ctx.quoteMask[k + 1]) k++;
      continue;
    }
    if (t === ';' || t === ':' || ctx.quoteMask[k]) return k;
    const next = ctx.tokens[k + 1]?.text ?? '';
    if (t === ',' && /^(?:while|but|whereas|although|though|which|who)$/.test(next)) return k;
    // ", and Pyongyang sent …" opens a clause; "food, oil, and what one official described as …" goes on listing.
    if (t === ',' && next === 'and' && (actorAfter(ctx, k + 2, sentenceEnd) || !/^(?:what|other|some|more|\p{Ll}+s)$/u.test(ctx.tokens[k + 2]?.text ?? ''))) return k;
  }
  return sentenceEnd;
}

/** A word for the status cues, lowercased, but the month "May" is no modal ("as of May, Russia had received"). */
export const statusWord = (t: Token): string => (t.text === 'May' ? 'May' : t.text.toLowerCase());

/** Words of doubt that govern a "that" clause ("it is possible that", "suspects that"). */
const DOUBT_BEFORE_THAT = /^(?:possible|likely|probable|plausible|conceivable|suspect|suspects|suspected|suspecting|unclear|doubtful|uncertain)$/;

/** "it was possible that Pyongyang had supplied", "he suspects that": doubt on the clause holding the flow (a bounded look back). */
export function doubted(ctx: Ctx, cStart: number, at: number): boolean {
  for (let p = Math.max(cStart, at - 20); p < at - 1; p++) {
    if (DOUBT_BEFORE_THAT.test(ctx.tokens[p].text) && /^(?:that|whether|if)$/.test(ctx.tokens[p + 1].text)) return true;
  }
  return false;
}

/** The status words before a flow word in its clause, with the clause's doubt. */
export function wordsBefore(ctx: Ctx, cStart: number, at: number): string[] {
  const words = ctx.tokens.slice(Math.max(cStart, at - 6), at).map(statusWord);
  return doubted(ctx, cStart, at) ? ['possibly', ...words] : words;
}

/** Verbs of refusing or stopping a flow: what they govern does not move ("refused to deliver", "rejecting payments"). */
const REFUSAL = /^(?:refuse|refuses|refused|refusing|decline|declines|declined|declining|reject|rejects|rejected|rejecting|block|blocks|blocked|blocking|halt|halts|halted|halting|freeze|freezes|froze|frozen|freezing|bar|bars|barred|barring|ban|bans|banned|banning|prohibit|prohibits|prohibited|prohibiting)$/i;

/** Is the flow word at token i governed by a refusal ("refused to send", "began rejecting the payments")? */
export function refusedAt(ctx: Ctx, i: number, cStart: number): boolean {
  for (let p = i - 1; p >= cStart && p >= i - 3; p--) {
    const t = ctx.tokens[p].text;
    if (REFUSAL.test(t)) return true;
    // Only an infinitive marker, a determiner, an adverb or a modifier ("Russian") may stand between.
    if (!/^(?:to|the|all|any|further|new|its|their|some)$/i.test(t) && !/ly$/.test(t) && !/^\p{Lu}/u.test(t)) return false;
  }
  return false;
}

export const MODAL_WORDS = new Set(['could', 'may', 'might', 'would', 'will', 'should', 'must', 'can', 'shall', 'had', 'has', 'have']);
export const HEDGE_WORDS = new Set(['likely', 'probably', 'possibly', 'reportedly', 'allegedly', 'apparently', 'believed', 'suspected']);
