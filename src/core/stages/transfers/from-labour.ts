// Labour abroad named by its papers or its pay rather than by a verb of sending: permits or visas
// issued to a state's workers ("Russia does not issue work permits to North Korean workers") and
// the workers' earnings taken home ("the regime takes most of the workers' earnings, some $100
// million a year").
import { type Transfer } from '../../doc.js';
import { clauseStart, clauseEnd, wordsBefore } from './clauses.js';
import { TRUE_PREPOSITIONS, type Ctx, stateOf, demonymIn, sourceOf, wordBefore, otherOfPair, actorAfter, inTime } from './context.js';
import { countedPeople } from './from-people.js';
import { textOf, itemEnd, quantityIn } from './items.js';
import { periodOf } from './period.js';
import { addTransfer } from './record.js';
import { statusOf } from './status.js';

const PAPERS = new Set(['permit', 'permits', 'visa', 'visas']);
const EARNINGS = new Set(['earnings', 'wages', 'salaries', 'income', 'remittances']);
/** Nouns that name labour abroad by its papers or its pay: the labour rule reads them. */
export const isLabourNoun = (w: string): boolean => PAPERS.has(w) || EARNINGS.has(w);

/** Words that may stand in a papers phrase before its noun ("13,000 new work permits"). */
const PAPER_WORDS = /^(?:work|working|residence|labou?r|employment|student|tourist|business|entry|new|more|fewer|any|the|of|thousands|hundreds|dozens)$/i;
/** Verbs that stop papers being issued: what they govern is no flow ("stopped issuing visas"). */
const STOPPING = /^(?:refuse[sd]?|refusing|stop(?:s|ped|ping)?|halt(?:s|ed|ing)?|suspend(?:s|ed|ing)?|ban(?:s|ned|ning)?|bar(?:s|red|ring)?|cease[sd]?|ceasing|deny|denies|denied|denying)$/i;
const WORKERS = /\b(?:workers|labou?rers|builders|crews|employees)\b/i;
const MONEY_UNIT = /^[A-Z]{3}/;

/** One labour noun at token v: papers issued to workers, or workers' pay. */
export function fromLabourNoun(ctx: Ctx, v: number, sStart: number, sEnd: number): void {
  if (PAPERS.has(ctx.tokens[v].text)) fromPapers(ctx, v, sStart, sEnd);
  else fromEarnings(ctx, v, sStart, sEnd);
}

/**
 * "Russia issued 13,000 work permits to North Koreans", "Moscow does not grant visas to North
 * Korean workers": papers a state issues to another state's workers let them in, labour from
 * the workers' state to the issuer's; a negated or stopped issue is a denied flow, which the
 * issuer states for itself when no one else is quoted.
 */
function fromPapers(ctx: Ctx, v: number, sStart: number, sEnd: number): void {
  const { tokens } = ctx;
  let k = v + 1;
  if (!/^(?:to|for)$/.test(tokens[k]?.text ?? '')) return;
  const cStart = clauseStart(ctx, v, sStart);
  const cEnd = clauseEnd(ctx, v, sEnd);
  k++;
  let e = itemEnd(ctx, k, cEnd);
  // The people phrase ends before a time, an auxiliary or a closing mark ("to North Koreans last year", "… builders were approved").
  for (let p = k + 1; p < e; p++) {
    if (inTime(ctx, p) || /^(?:were|was|are|is|have|has|had|been|will|would|[.,;:!?])$/i.test(tokens[p].text)) {
      e = p;
      break;
    }
  }
  if (e <= k) return;
  let a = v;
  while (a > cStart && a > v - 5 && (PAPER_WORDS.test(tokens[a - 1].text) || /^\d/.test(tokens[a - 1].text))) a--;
  const people = textOf(ctx, k, e).replace(/^(?:the|a|an)\s+/i, '');
  const from = demonymIn(ctx, k, e);
  if (!from || (ctx.cat.categorize(people) !== 'labor' && !countedPeople(ctx, a, e))) return; // "13,000 permits to North Koreans": the count may stand on the papers
  // The issuer: the state named before the papers, not inside a prepositional phrase; else "by X" after them.
  let to: string | undefined;
  for (const m of ctx.mentions.within({ start: tokens[cStart].start, end: tokens[a].start })) {
    if (m.actor.type !== 'person' && !TRUE_PREPOSITIONS.has(wordBefore(ctx, m))) to = stateOf(ctx, m) ?? to;
  }
  for (let p = e; !to && p < cEnd - 1; p++) {
    if (tokens[p].text !== 'by') continue;
    const act = actorAfter(ctx, p + 1, cEnd);
    if (act) to = stateOf(ctx, act.m);
  }
  const issuerNamed = !!to;
  to ??= otherOfPair(ctx, from);
  if (!to || to === from) return;
  const before = wordsBefore(ctx, cStart, a);
  const stopped = before.slice(-3).some((w) => STOPPING.test(w));
  const src = sourceOf(ctx, tokens[v].start);
  let status: Transfer['status'] = stopped ? 'denied' : statusOf({ verb: tokens[a - 1]?.text.toLowerCase() ?? '', before, after: [], denial: src.denial, cue: src.cue, planned: false });
  if (src.denial) status = 'denied';
  const source = src.source ?? (status === 'denied' && issuerNamed ? to : null);
  const { since, until } = periodOf(ctx.doc, { start: tokens[cStart].start, end: tokens[cEnd - 1].end });
  addTransfer(ctx, {
    from, to, category: 'labor', item: people, quantity: quantityIn(ctx, { start: tokens[a].start, end: tokens[e - 1].end }), since, until, status,
    source, ...(src.source && src.sourceText ? { sourceText: src.sourceText } : {}),
    spans: [{ start: tokens[cStart].start, end: tokens[cEnd - 1].end }], rule: 'labour-papers',
  });
}

/**
 * "the regime takes most of the workers' earnings, some $100 million a year", "wages of North
 * Korean labourers sent home": what workers abroad earn goes from the state they work in to their
 * own, the labour flow stated before run back; the money amount in the clause is its amount.
 */
function fromEarnings(ctx: Ctx, v: number, sStart: number, sEnd: number): void {
  const { tokens, doc } = ctx;
  // Tied to workers: "the workers' earnings", "labourers' wages", "earnings of the workers".
  const owner = doc.text.slice(Math.max(0, tokens[v].start - 60), tokens[v].start);
  const of = tokens[v + 1]?.text === 'of' ? textOf(ctx, v + 2, Math.min(sEnd, v + 7)) : '';
  const owned = /['’]\s*$/.test(owner) && WORKERS.test(owner.slice(-20));
  if (!owned && !WORKERS.test(of)) return;
  const cStart = clauseStart(ctx, v, sStart);
  const cEnd = clauseEnd(ctx, v, sEnd);
  // The workers' state: a demonym on them, else the labour flow stated before.
  let a = v;
  while (a > cStart && a > v - 6 && !/^(?:of|the|their|its|,|;)$/i.test(tokens[a - 1].text)) a--;
  const named = demonymIn(ctx, a, owned ? v : Math.min(sEnd, v + 7));
  let labour: Omit<Transfer, 'stage'> | undefined;
  for (let i = ctx.out.length - 1; i >= Math.max(0, ctx.out.length - 60) && !labour; i--) {
    const t = ctx.out[i];
    if (t.category === 'labor' && t.status !== 'denied' && (!named || t.from === named)) labour = t;
  }
  const home = named ?? labour?.from;
  const host = labour && labour.from === home ? labour.to : otherOfPair(ctx, home);
  if (!home || !host || home === host) return;
  let quantity: Transfer['quantity'] = null;
  for (let k = cStart; k < cEnd && !quantity; k++) {
    const q = quantityIn(ctx, { start: tokens[k].start, end: tokens[k].end });
    if (q?.unit && MONEY_UNIT.test(q.unit)) quantity = q;
  }
  const src = sourceOf(ctx, tokens[v].start);
  const { since, until } = periodOf(doc, { start: tokens[cStart].start, end: tokens[cEnd - 1].end });
  addTransfer(ctx, {
    from: host, to: home, category: 'money', item: textOf(ctx, a, v + 1).replace(/^(?:the|a|an)\s+/i, ''), quantity, since, until,
    status: statusOf({ verb: tokens[v].text.toLowerCase(), before: wordsBefore(ctx, cStart, a), after: [], denial: src.denial, cue: src.cue, planned: false }),
    source: src.source, ...(src.sourceText ? { sourceText: src.sourceText } : {}),
    spans: [{ start: tokens[cStart].start, end: tokens[cEnd - 1].end }], rule: 'labour-earnings',
  });
}
