// Flow nouns: "Russian wheat shipments", "deliveries of refined petroleum to Pyongyang".
import { type Transfer } from '../../doc.js';
import { clauseStart, clauseEnd, statusWord, wordsBefore, refusedAt } from './clauses.js';
import { PREPOSITIONS, DETERMINERS, type Ctx, stateOf, actorAfter, inTime, otherOfPair, demonymIn, sourceOf, listedStates, questionState } from './context.js';
import { splitItems, textOf, itemEnd, quantityIn } from './items.js';
import { periodOf } from './period.js';
import { addTransfer, contextFlow } from './record.js';
import { statusOf } from './status.js';

/** A flow noun: "Russian wheat shipments", "deliveries of refined petroleum to Pyongyang", "Russia's exports of oil to India". */
export function fromNoun(ctx: Ctx, n: number, sStart: number, sEnd: number): void {
  const { tokens } = ctx;
  const w = tokens[n].text.toLowerCase();
  // "had taken delivery of": the verb reading carries the flow.
  if (/^(?:take|takes|took|taken|taking)$/.test(tokens[n - 1]?.text.toLowerCase() ?? '')) return;
  const cStart = clauseStart(ctx, n, sStart);
  if (refusedAt(ctx, n, cStart)) return;
  const cEnd = clauseEnd(ctx, n, sEnd);
  // Modifiers before the noun: an owner ("Russia's") or a demonym, and the item words ("wheat").
  let a = n;
  while (a > cStart && !DETERMINERS.has(tokens[a - 1].text.toLowerCase()) && !PREPOSITIONS.has(tokens[a - 1].text.toLowerCase()) && tokens[a - 1].text !== 'of' && /^[\p{L}\d'’-]+$/u.test(tokens[a - 1].text) && /[\p{L}\d]/u.test(tokens[a - 1].text) && a > n - 5 && !inTime(ctx, a - 1)) a--;
  let from = demonymIn(ctx, a, n + 1);
  let to: string | undefined;
  let itemA = a;
  let itemB = n;
  while (itemA < n && ctx.mentions.within({ start: tokens[itemA].start, end: tokens[itemA].end }).length) itemA++;
  if (/^['’]s$/.test(tokens[itemA]?.text ?? '')) itemA++;
  let k = n + 1;
  if (tokens[k]?.text === 'of') {
    const e = itemEnd(ctx, k + 1, cEnd);
    itemA = k + 1;
    itemB = e;
    k = e;
  }
  let moreTo: string[] = [];
  let named = false;
  for (let p = k; p < Math.min(cEnd, k + 6); p++) {
    const pw = tokens[p].text.toLowerCase();
    if (!/^(?:to|into|from|for)$/.test(pw)) continue;
    const act = actorAfter(ctx, p + 1, cEnd);
    if (!act) continue;
    if (pw === 'from') from ??= stateOf(ctx, act.m);
    else if (!to) {
      to = stateOf(ctx, act.m);
      named = true;
      // "Shipments for Eritrea, Mali and Zimbabwe": one flow per recipient.
      moreTo = listedStates(ctx, act.next, cEnd).filter((x) => x !== to);
    }
  }
  from ??= itemB > itemA ? demonymIn(ctx, itemA, itemB) : undefined;
  // "Pakistan received 63 percent of China's exports of major arms": the share goes to the subject
  // of the getting verb that governs the noun phrase.
  if (!to && /^(?:export|exports|supply|supplies|deliveries|sales|shipments)$/.test(w)) {
    for (let p = a - 1; p >= Math.max(cStart, a - 8); p--) {
      const pw = tokens[p].text.toLowerCase();
      if (/^[,;:]$/.test(pw) || ctx.give.has(pw)) break;
      if (!ctx.get.has(pw)) continue;
      const subj = ctx.mentions.within({ start: tokens[cStart].start, end: tokens[p].start }).filter((m) => m.actor.type !== 'person').pop();
      const state = stateOf(ctx, subj);
      if (state && state !== from) to = state;
      break;
    }
  }
  // "Pakistan's total imports grew by 61 percent", "global arms exports": a total names no partner.
  if (/^(?:import|imports|export|exports)$/.test(w) && !named && tokens.slice(a, n).some((x) => /^(?:total|overall|combined|global|worldwide|annual)$/i.test(x.text))) return;
  if (/^(?:import|imports|purchase|purchases|intake)$/.test(w) && from && !to) [from, to] = [to, from];
  const item = itemB > itemA ? textOf(ctx, itemA, itemB).replace(/\s*[.,;:]+$/, '') : '';
  // "Indian arms payments": a payment is money whatever it pays for.
  // "Russian payments to Pyongyang for the shells": a payment is money whatever it pays for.
  const payment = /^payments?$/.test(w);
  let category = payment ? 'money' : ctx.cat.categorize(item);
  // "a Russian state loan of $11.38 billion": a loan or credit is money.
  if (!category && /^(?:loans?|credits?)$/.test(w)) category = 'money';
  // "a $300 million package": a package of arms is weapons (the lexicon's word), its value the amount.
  const priced = /^[A-Z]{3}/.test(quantityIn(ctx, { start: tokens[a].start, end: tokens[n].end })?.unit ?? '');
  if (!category && !ctx.cat.categorize(item) && /^packages?$/.test(w) && priced) category = ctx.cat.categorize(w);
  // A delivery or a priced package with neither side named goes with the report's usual flow.
  const unsided = /^(?:deliveries|delivery|shipments|shipment|supplies|consignments|consignment)$/.test(w) && !!ctx.cat.categorize(item) || (/^packages?$/.test(w) && priced);
  // "Russian deliveries ran at 240,000 barrels a year", "- 225 barrels: Russia's last reported
  // delivery": with no item word, the amount's unit names the category (the amount may head the line).
  // The amount in the item ("a loan of $11.38 billion") before any other in the clause ("90 percent of whose cost").
  let quantity = (itemB > itemA ? quantityIn(ctx, { start: tokens[itemA].start, end: tokens[itemB - 1].end }) : null)
    ?? quantityIn(ctx, { start: tokens[cStart].start, end: tokens[cEnd - 1]?.end ?? tokens[n].end });
  if (!quantity && !item && cStart > sStart && tokens[cStart - 1].text === ':') quantity = quantityIn(ctx, { start: tokens[sStart].start, end: tokens[cStart - 1].start });
  if (!category && !item && quantity?.unit && quantity.unit !== 'percent' && !/^[A-Z]{3}/.test(quantity.unit)) category = ctx.cat.categorize(quantity.unit);
  // "Shipments for Eritrea … are to leave" after the grain was named: the item named before.
  let bare = item;
  if (!category && !item && named) {
    const parent = contextFlow(ctx, tokens[n].start);
    if (parent && parent.to !== to) {
      category = parent.category;
      bare = parent.item;
      from ??= parent.from;
    }
  }
  if (!category) return;
  // "Indian arms payments", "Russian payments": the payment, not what it pays for, names the item.
  if (payment && itemB === n && bare === item) {
    bare = textOf(ctx, item ? itemA : n, n + 1);
    // "a payment for wheat flour": what it pays for belongs to the item.
    if (tokens[n + 1]?.text === 'for') {
      const e = itemEnd(ctx, n + 2, cEnd);
      let p = n + 2;
      // "… of about 9 million roubles": the price is no part of what is paid for.
      while (p < e && !/^[.,;:]$/.test(tokens[p].text) && !(tokens[p].text === 'of' && quantityIn(ctx, { start: tokens[p + 1].start, end: tokens[Math.min(e, p + 3) - 1].end }))) p++;
      bare = `${bare} ${textOf(ctx, n + 1, p)}`;
    }
  }
  // "a payment for wheat flour of about 9 million roubles": with no side named, the payment runs
  // back against the flow of what it pays for, from the buyer.
  if (payment && !from && !to && tokens[n + 1]?.text === 'for') {
    const goods = ctx.cat.categorize(textOf(ctx, n + 2, itemEnd(ctx, n + 2, cEnd)));
    for (let i = ctx.out.length - 1; goods && goods !== 'money' && i >= Math.max(0, ctx.out.length - 40) && !from; i--) {
      const t = ctx.out[i];
      if (t.category === goods && t.status !== 'denied') [from, to] = [t.to, t.from];
    }
  }
  // "Q: Could India pay in something other than rupees? A: … perhaps partial payment in rupees": a
  // payment in an answer is made by the state the question names, to the one that sells it goods.
  if (payment && !from && !to) {
    const asked = questionState(ctx, sStart);
    const goods = asked ? [...ctx.out].reverse().find((t) => t.to === asked && t.category !== 'money' && t.status !== 'denied') : undefined;
    if (asked && goods) [from, to] = [asked, goods.from];
  }
  if (from && !to && ctx.label && ctx.label !== from) to = ctx.label;
  if (!from && to) from = otherOfPair(ctx, to);
  if (from && !to) to = otherOfPair(ctx, from);
  const src = sourceOf(ctx, tokens[n].start);
  const span = { start: tokens[Math.max(cStart, a)].start, end: tokens[Math.max(n, itemB - 1)].end };
  const { since, until } = periodOf(ctx.doc, { start: tokens[cStart].start, end: tokens[cEnd - 1]?.end ?? tokens[n].end });
  // "the Kremlin said Western claims of North Korean arms deliveries were not backed by evidence":
  // a party to the flow speaking of "claims of" it disputes it.
  const disputed = !!src.source && (src.source === from || src.source === to)
    && tokens.slice(Math.max(cStart, a - 4), n).some((t) => /^(?:claims|allegations|accusations|reports|suggestions)$/i.test(t.text));
  // "Shipments … are to leave before the end of the year": the verb after the noun says when.
  const after = tokens.slice(n + 1, cEnd).map(statusWord);
  // "payments had been stuck for a year", "outstanding payments": money owed and not yet paid is still to come.
  const heldUp = category === 'money' && tokens.slice(a, cEnd).some((t) => ctx.cat.isHeldUp(t.text.toLowerCase()));
  const scheduled = heldUp || after.some((x, i) => x === 'to' && i > 0 && /^(?:is|are)$/.test(after[i - 1]));
  // "the transport of munitions and missiles": a list of items of several categories is one flow each.
  let pieces = [{ category, item: bare || quantity?.unit || category, quantity }];
  if (bare === item && itemB - itemA > 2 && tokens[itemA - 1]?.text === 'of') {
    const parts = splitItems(ctx, itemA, itemB).map(([x, y]) => ({ category: ctx.cat.categorize(textOf(ctx, x, y)), item: textOf(ctx, x, y).replace(/\s*[.,;:]+$/, ''), quantity: quantityIn(ctx, { start: tokens[x].start, end: tokens[y - 1].end }) }));
    // "1,800 bombs of 2,000 pounds and 1,700 bombs of 500 pounds": parts with amounts of their own are apart even of one category.
    const counted = parts.every((x) => x.quantity && x.quantity.unit !== 'percent' && (x.quantity.value !== null || x.quantity.min !== null || x.quantity.max !== null));
    if (parts.length > 1 && parts.every((x) => x.category) && (new Set(parts.map((x) => x.category)).size > 1 || counted)) pieces = parts as typeof pieces;
  }
  for (const piece of pieces) for (const dest of [to, ...moreTo]) {
    // "other weapons deliveries were continuing": with neither side named, the report's usual flow.
    (from || dest || !unsided ? addTransfer : (_: Ctx, t: Omit<Transfer, 'stage'>) => ctx.pending.push(t))(ctx, {
      from: from ?? '', to: dest ?? '', category: piece.category, item: piece.item, quantity: piece.quantity,
      since, until,
      status: disputed ? 'denied' : scheduled ? 'planned' : statusOf({ verb: w, before: wordsBefore(ctx, cStart, n), after: tokens.slice(n + 1, n + 3).map((x) => x.text.toLowerCase()), denial: src.denial, cue: src.cue, planned: false }),
      source: src.source, ...(src.sourceText ? { sourceText: src.sourceText } : {}),
      spans: [span], rule: 'flow-noun',
    });
  }
}
