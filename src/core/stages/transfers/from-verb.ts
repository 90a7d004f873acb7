// Verbs of giving and getting: "North Korea has provided Russia with over 3 million artillery shells",
// "Russia bought drones from Iran", "were shipped to Russia", with what goes back for the flow
// (its price, the other side of an exchange).
import { type Transfer } from '../../doc.js';
import { type MentionRef } from '../mentions.js';
import { clauseStart, clauseEnd, statusWord, doubted, refusedAt, MODAL_WORDS } from './clauses.js';
import { DETERMINERS, TRUE_PREPOSITIONS, PASSIVE, type Ctx, coordinatedBefore, stateOf, actorAfter, otherOfPair, demonymIn, sourceOf, antecedent, recipientAt, lastWordIn, sentenceIndex } from './context.js';
import { splitItems, textOf, itemEnd, quantityIn, ellipticAmount } from './items.js';
import { measureBetween } from './amount-after.js';
import { fromBareVerb, hasNoObject, itemBefore } from './from-bare.js';
import { countedPeople } from './from-people.js';
import { isShareItem } from './from-share.js';
import { currencyList, currencyListEnd, stateNamedAt } from './money.js';
import { periodOf } from './period.js';
import { addTransfer, backRef, contextFlow } from './record.js';
import { statusOf } from './status.js';

/** Is there a question between tokens a and b (an interview's question before its answer)? */
function asked(ctx: Ctx, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (ctx.tokens[k].text === '?') return true;
  return false;
}

/** Units of goods measured in bulk: an amount in one with no item word stands for goods named nearby. */
const BULK_UNIT = /^(?:tonne|ton|kilogram|barrel|litre|gallon|cubic metre|container|carload|wagon)s?(?: per (?:day|week|month|year))?$/;

/** Verbs that take the recipient right after them: "provided Russia with …", "gave Ukraine 19 jets". */
const DITRANSITIVE = new Set(['provide', 'provides', 'provided', 'providing', 'supply', 'supplies', 'supplied', 'supplying', 'give', 'gives', 'gave', 'giving', 'offer', 'offered', 'offering', 'offers', 'promise', 'promised', 'sell', 'sold', 'send', 'sent', 'pay', 'paid', 'repay', 'repaid', 'lend', 'lent', 'hand', 'handed', 'grant', 'granted', 'present', 'presents', 'presented', 'presenting', 'gift', 'gifts', 'gifted', 'gifting', 'fund', 'funds', 'funded', 'finance', 'finances', 'financed', 'bankroll', 'bankrolls', 'bankrolled']);

/** The first flow a verb stated, and the pending flow it waits in while a side is unknown. */
interface MainFlow {
  from: string;
  to: string;
  item: string;
  status: Transfer['status'];
  ref?: Omit<Transfer, 'stage'>;
}

/** The noun phrase before "that"/"which" when the relative clause runs from there to the verb. */
function relativeHead(ctx: Ctx, subjectAt: number, v: number, cStart: number): [number, number] | undefined {
  const { tokens } = ctx;
  let r = v - 1;
  while (r > cStart && tokens[r].start >= subjectAt) r--;
  // "the relief flights Iran sent": a relative clause with no "that", right after a plural noun it hangs on.
  const bare = !/^(?:that|which)$/i.test(tokens[r]?.text ?? '') && /^\p{Ll}+s$/u.test(tokens[r]?.text ?? '') && !ctx.give.has(tokens[r].text) && !ctx.get.has(tokens[r].text);
  if (bare) r++;
  else if (!/^(?:that|which)$/i.test(tokens[r]?.text ?? '')) return undefined;
  // Between the subject and the verb only auxiliaries and adverbs.
  let a = r;
  while (a > cStart && a > r - 8 && !/^[,;:]$/.test(tokens[a - 1].text) && !DETERMINERS.has(tokens[a - 1].text.toLowerCase()) && !TRUE_PREPOSITIONS.has(tokens[a - 1].text.toLowerCase()) && !ctx.give.has(tokens[a - 1].text.toLowerCase()) && !ctx.get.has(tokens[a - 1].text.toLowerCase())) a--;
  if (bare && (a >= r || !ctx.cat.categorize(textOf(ctx, a, r)))) return undefined;
  return r > a ? [a, r] : undefined;
}

/**
 * "a law that sets aside $61 billion for Kyiv", "wrote off $10 billion of Pyongyang's debt": money
 * put aside for a state, or a debt it is let off, is given to it.
 */
export function setAside(ctx: Ctx, v: number): boolean {
  const w = ctx.tokens[v].text;
  const next = ctx.tokens[v + 1]?.text;
  // The particle first: it rules out almost every word at once.
  return (next === 'aside' && /^(?:set|sets|setting)$/.test(w)) || (next === 'off' && /^(?:write|writes|wrote|written|writing)$/.test(w));
}

/** Verbs of working on goods for another: a flow only with the state it is done for named. */
const REWORK = new Set(['refurbish', 'refurbishes', 'refurbished', 'refurbishing', 'overhaul', 'overhauls', 'overhauled', 'overhauling', 'refit', 'refits', 'refitted', 'refitting', 'recondition', 'reconditions', 'reconditioned', 'reconditioning', 'repair', 'repairs', 'repaired', 'repairing']);
export const isRework = (w: string): boolean => REWORK.has(w);

/** One verb of giving or getting and what it says. */
export function fromVerb(ctx: Ctx, v: number, sStart: number, sEnd: number): void {
  const { tokens } = ctx;
  const w = tokens[v].text.toLowerCase();
  // "refurbish 100 tanks for Ukraine": work done on goods for a state gives them to it, named or no flow.
  const rework = REWORK.has(w);
  const giving = ctx.give.has(w) || rework || setAside(ctx, v);
  const prev = tokens[v - 1]?.text.toLowerCase() ?? '';
  if ((DETERMINERS.has(prev) && !(prev === 'that' && setAside(ctx, v))) || /^(?:to)$/.test(tokens[v + 1]?.text ?? '') && !giving) return; // "the ship", a noun
  // "Pakistan's total imports grew": after an adjective of totals the word is a noun, and a total names no partner.
  if (/^(?:total|overall|combined|global|worldwide|annual)$/.test(prev)) return;
  // "two ships carrying grain": after a number the word is a noun.
  if (/s$/.test(w) && (/^\d/.test(prev) || /^(?:two|three|four|five|six|seven|eight|nine|ten|several|many|few|dozens|hundreds)$/.test(prev))) return;
  // "opened a credit line for Syria, mostly to pay for oil": a purpose names what a flow is for, not another flow.
  if (prev === 'to' && (tokens[v - 2]?.text === ',' || (/^\p{Ll}+ly$/u.test(tokens[v - 2]?.text ?? '') && tokens[v - 3]?.text === ','))) return;
  // "took place", "take part", "took control": idioms, not receipt ("India took 1.77 million bpd").
  if (/^(?:take|takes|took|taken|taking)$/.test(w) && /^(?:place|part|control|steps|action|over|office|power|charge|note|care|advantage|aim|hold|time|effect|shape|years|months|days|weeks|a|the|it|them|up|off|on|out|into|to)$/i.test(tokens[v + 1]?.text ?? '')) return;
  // "bring in North Korean builders": only with its particle is "bring" a getting verb ("brought
  // shells to Russia" is carrying, left to the motion rules).
  const bringIn = /^(?:bring|brings|brought|bringing)$/.test(w);
  if (bringIn && tokens[v + 1]?.text !== 'in') return;
  const cStart = clauseStart(ctx, v, sStart);
  if (refusedAt(ctx, v, cStart)) return;
  const cEnd = clauseEnd(ctx, v, sEnd);
  const between = tokens.slice(cStart, v).map(statusWord);
  // "may be paying", "is probably providing": a progressive, not a passive.
  const passive = !/ing$/.test(w) && (PASSIVE.has(prev) || (PASSIVE.has(tokens[v - 2]?.text.toLowerCase() ?? '') && /ly$/.test(prev)));
  // The subject: the actor named closest before the verb that is not inside a prepositional phrase.
  let subject: MentionRef | undefined;
  let pronounAt = -1;
  // "The Netherlands, which Zelensky had visited earlier, also committed F-16s": a relative clause
  // set off by commas before the verb holds no subject of it.
  let subjectEnd = tokens[v].start;
  for (let p = v - 1; p > cStart && p > v - 4; p--) {
    if (tokens[p].text !== ',') continue;
    for (let q = p - 1; q > cStart && q > p - 14; q--) {
      if (tokens[q].text === ',' && /^(?:which|who|whom|whose|where)$/i.test(tokens[q + 1]?.text ?? '')) {
        subjectEnd = tokens[q].start;
        break;
      }
    }
    break;
  }
  for (const m of ctx.mentions.within({ start: tokens[cStart].start, end: subjectEnd })) {
    const before = lastWordIn(ctx.doc.text, Math.max(tokens[cStart].start, m.start - 12), m.start);
    if (!TRUE_PREPOSITIONS.has(before)) subject = m;
  }
  // "Iran denied that the drones it sold to Russia …": a pronoun right before the verb (auxiliaries
  // and adverbs between) in a relative clause on the item is its subject, not the state named earlier in the clause.
  if (subject) {
    let p = v - 1;
    while (p > cStart && /^(?:has|have|had|was|were|is|are|would|will|could|may|might|also|then|\p{Ll}+ly)$/u.test(tokens[p].text)) p--;
    // Only in a relative clause on an item: "the drones it sold", "the shells that they sent".
    const head = /^(?:that|which)$/.test(tokens[p - 1]?.text ?? '') ? p - 2 : p - 1;
    const onItem = head > cStart && !!ctx.cat.categorize(tokens[head].text);
    if (onItem && /^(?:it|they)$/.test(tokens[p].text) && tokens[p].start >= subject.end) {
      const ref = antecedent(ctx, tokens[p].start);
      if (ref) {
        pronounAt = p;
        subject = ref;
      }
    }
  }
  // "it had agreed to buy": a pronoun subject is the last body named before it.
  if (!subject) {
    // "it would send tanks, after pledging vehicles": a participle after a subordinator shares the clause's subject.
    const reach = /ing$/.test(w) && /^(?:after|before|while|since|by|besides)$/.test(prev) ? between.length : 5;
    const near = between.slice(-reach);
    const pron = near.findIndex((x) => x === 'it' || x === 'they');
    if (pron >= 0) {
      pronounAt = v - (near.length - pron);
      subject = antecedent(ctx, tokens[pronounAt].start);
    }
  }
  let recipient: string | undefined;
  let origin: string | undefined;
  let k = v + 1;
  if (/^(?:delivery|over|away|aside|off)$/.test(tokens[k]?.text ?? '') || bringIn) k++; // "took delivery of", "handed over", "give away", "set aside", "wrote off"
  else if (tokens[k]?.text === 'up' && tokens[k + 1]?.text !== 'to') k++; // "snapped up cargoes", "bought up", not "up to"
  // "had taken delivery in August of drones": a time between "delivery" and "of".
  if (tokens[k - 1]?.text === 'delivery' && /^(?:in|on|last|this|earlier)$/.test(tokens[k]?.text ?? '')) {
    for (let p = k + 1; p < Math.min(cEnd, k + 5); p++) if (tokens[p].text === 'of') { k = p; break; }
  }
  if (tokens[k]?.text === 'of') k++;
  // "benefited from Russian technical help": what is benefited from is the item.
  if (/^benefit/.test(w) && tokens[k]?.text === 'from') k++;
  while (k < cEnd && /ly$/.test(tokens[k].text) && !ctx.cat.categorize(tokens[k].text)) k++;
  if (DITRANSITIVE.has(w) && !passive) {
    const io = actorAfter(ctx, k, cEnd);
    // "presented Kim with a limousine", "gave Zelensky 50 tanks": a person given something receives for their state.
    const personGets = io?.m.actor.type === 'person' && !!stateOf(ctx, io.m) && (tokens[io.next]?.text === 'with' || !!ctx.cat.categorize(textOf(ctx, io.next, itemEnd(ctx, io.next, cEnd))));
    if (io && (io.m.actor.type !== 'person' || personGets)) {
      recipient = stateOf(ctx, io.m);
      k = io.next;
      if (tokens[k]?.text === 'with') k++;
    }
  }
  if (tokens[k]?.text === 'with') k++;
  // "pay instead in grain, fuel and hard currency": payment in kind, item by item.
  if (/^(?:re)?pa(?:y|id|ying|ys)$/.test(w)) {
    while (k < cEnd && /^(?:instead|partly|mostly|only|also)$/.test(tokens[k].text)) k++;
    // "cargoes have been paid for in UAE dirhams": the currency, with the goods before.
    if (passive && tokens[k]?.text === 'for' && tokens[k + 1]?.text === 'in') k++;
    if (tokens[k]?.text === 'in' || tokens[k]?.text === 'with') k++;
  }
  let iEnd = itemEnd(ctx, k, cEnd);
  const paying = /^(?:re)?pa(?:y|id|ying|ys)$/.test(w);
  // "paid in UAE dirhams and, less often, in Chinese yuan": each currency the payment is made in is an item.
  const inCurrency = paying && tokens[k - 1]?.text === 'in';
  if (inCurrency) iEnd = currencyListEnd(ctx, iEnd, cEnd);
  // "pays for Russian oil in yuan and dirhams": the currencies after what is paid for.
  const paidFor = paying && tokens[k]?.text === 'for';
  const currencies = inCurrency ? currencyList(ctx, k - 1, cEnd) : paidFor ? currencyList(ctx, itemEnd(ctx, k + 1, cEnd), cEnd) : [];
  // "the tanks and guns that Poland had handed to Ukraine": a verb with no object after it takes
  // the noun phrase its relative clause hangs on.
  const bare = giving && !passive && !recipient && !rework && hasNoObject(ctx, k, cEnd);
  // A flow told in a relative clause on its item is taken as given by the claim around it: "Iran
  // denied that the drones it sold to Russia were used" denies the use, not the sale.
  let relative = false;
  if ((iEnd <= k || bare || /^(?:to|into|from|over|on|in|at|by|since|last|this|after|before|during)$/.test(tokens[k]?.text ?? '')) && subject) {
    // "the drones it sold to Russia": a pronoun subject opens the relative clause where it stands.
    const rel = relativeHead(ctx, pronounAt >= 0 ? tokens[pronounAt].start : subject.start, v, cStart);
    if (rel) {
      [k, iEnd] = rel;
      relative = true;
    }
    // "Ankara paid and Moscow delivered": a verb of giving with no object at all takes the item the exchange is about.
    else if (bare) {
      // Only a subject right before the verb (auxiliaries and adverbs between), in no clause of
      // "how much" or "what" ("how much Wagner had paid", "replace what it gave away"), and no
      // complement of another verb ("needs cargo moved").
      let p = v - 1;
      while (p > cStart && /^(?:has|have|had|did|does|do|also|then|duly|\p{Ll}+ly)$/u.test(tokens[p].text)) p--;
      const subjectEnd = pronounAt >= 0 ? tokens[pronounAt].end : subject.end;
      const wh = tokens.slice(Math.max(cStart, p - 4), p + 1).some((t) => /^(?:how|what|whatever|whether|which|why|where|if)$/i.test(t.text));
      if (tokens[p].end !== subjectEnd || wh) return;
      const subj = stateOf(ctx, subject);
      const words = between.slice(-6);
      if (subj) fromBareVerb(ctx, v, subj, sStart, sEnd, cStart, cEnd, doubted(ctx, cStart, v) ? ['possibly', ...words] : words);
      return;
    }
  }
  if (iEnd <= k) return;
  // "cooperation with Pyongyang": the partner is no part of the item.
  if (giving) {
    for (let p = k + 1; p < iEnd; p++) {
      if (tokens[p].text !== 'with') continue;
      if (/\bco-?operation$/i.test(textOf(ctx, k, p))) iEnd = p;
      break;
    }
  }
  // "CNC tools made in Taiwan and South Korea": the maker's state is where it came from.
  const madeIn: string[] = [];
  for (let p = k; p < cEnd - 2; p++) {
    if (!/^(?:made|built|produced|manufactured)$/.test(tokens[p].text) || tokens[p + 1].text !== 'in') continue;
    for (const m of ctx.mentions.within({ start: tokens[p + 2].start, end: tokens[Math.min(cEnd, p + 8) - 1].end })) if (m.actor.type === 'country') madeIn.push(m.actor.id);
    break;
  }
  // Prepositional actors after the item: "to Russia", "from Iran", "by North Korea".
  let ventureUnnamed = false;
  const moreTo: string[] = [];
  let buyerFor: string | undefined;
  const moneyVerb = ctx.cat.isMoneyVerb(w) && !paying;
  for (let p = iEnd; p < cEnd; p++) {
    const pw = tokens[p].text.toLowerCase();
    // "invested $5 billion in Pakistan", "in India's rail network": money put into a state's venture goes to it.
    if (moneyVerb && pw === 'in' && !recipient) {
      recipient = stateNamedAt(ctx, p + 1, cEnd);
      // "invested $1.25 billion in the jet programme": a venture of no named state leaves the payee unknown.
      if (!recipient && /^invest/.test(w) && /^(?:the|a|an|its|their)$/i.test(tokens[p + 1]?.text ?? '')) ventureUnnamed = true;
      continue;
    }
    // "pledged military-technical cooperation with Pyongyang": the partner of cooperation given is its recipient.
    const partner = pw === 'with' && giving && !recipient && /\bco-?operation$/i.test(textOf(ctx, k, iEnd));
    if (!/^(?:to|into|for|from|by)$/.test(pw) && !partner) continue;
    const act = actorAfter(ctx, p + 1, cEnd);
    if (!act) {
      // "sent to Rajin", "sent troops to fight alongside Russian forces".
      const named = pw === 'to' || pw === 'into' ? recipientAt(ctx, p + 1, cEnd) : undefined;
      if (named?.state && !recipient) recipient = named.state;
      continue;
    }
    const state = stateOf(ctx, act.m);
    if ((pw === 'to' || pw === 'into' || pw === 'for' || partner) && !recipient) {
      recipient = state;
      if (pw === 'for') buyerFor = state;
      // "to Somalia and Burkina Faso", "to Eritrea, Mali and Zimbabwe": one flow per recipient.
      for (let q = act.next; /^(?:,|and)$/.test(tokens[q]?.text ?? '') && q < cEnd;) {
        if (tokens[q].text === ',' && tokens[q + 1]?.text === 'and') q++;
        const more = actorAfter(ctx, q + 1, cEnd);
        if (!more || more.m.actor.type !== 'country') break;
        const st = stateOf(ctx, more.m);
        if (st && st !== recipient && !moreTo.includes(st)) moreTo.push(st);
        q = more.next;
      }
    }
    if ((pw === 'from' || pw === 'by') && !origin) origin = state;
  }
  // "unloaded equipment that the South African army had ordered from Russia": a getter in a
  // relative clause on the item is its recipient.
  if (!recipient && giving && /^(?:that|which)$/i.test(tokens[iEnd]?.text ?? '')) {
    for (let p = iEnd + 1; p < Math.min(cEnd, iEnd + 10); p++) {
      if (!ctx.get.has(tokens[p].text.toLowerCase())) continue;
      const buyer = ctx.mentions.within({ start: tokens[iEnd + 1].start, end: tokens[p].start }).filter((m) => m.actor.type !== 'person').pop();
      recipient = buyer ? stateOf(ctx, buyer) : undefined;
      break;
    }
  }
  if (rework && (passive || !recipient)) return;
  if (ventureUnnamed && !recipient) return;
  // "wrote off $10 billion of Pyongyang's debt": whose debt or account the money goes to.
  if (moneyVerb && !recipient) {
    for (let p = k; p < iEnd - 1 && !recipient; p++) if (/^['’]s$/.test(tokens[p + 1].text)) recipient = stateNamedAt(ctx, p, p + 1);
  }
  const subj = stateOf(ctx, subject);
  // "Denmark, Germany and the Netherlands will supply tanks": one flow per listed subject state.
  const coSubjects = subject?.actor.type === 'country' && !passive ? coordinatedBefore(ctx, subject, tokens[cStart].start) : [];
  // "Russia exported about 60 million tonnes of grain last year": an export total names no partner.
  if (/^export/.test(w) && !recipient && !passive && quantityIn(ctx, { start: tokens[k].start, end: tokens[iEnd - 1].end })?.value) return;
  // A state does not send to itself: "Moscow supplied reactors, … bind Uzbekistan to Russian suppliers".
  // "South Korea and Poland signed a plan to deliver tanks to Poland": the other listed subject sends.
  let sender = subj;
  if (giving && !passive && recipient && recipient === subj && coSubjects.some((x) => x !== recipient)) {
    sender = coSubjects.find((x) => x !== recipient);
  } else if (giving && !passive && recipient && recipient === subj) {
    recipient = undefined;
    moreTo.length = 0;
  }
  let from: string | undefined;
  let to: string | undefined;
  if (passive) {
    from = origin;
    to = recipient;
  } else if (giving) {
    from = sender ?? origin;
    to = recipient;
  } else {
    // "brokers were procuring Russian oil for Pyongyang": who buys on another's behalf buys for it.
    to = buyerFor && buyerFor !== origin ? buyerFor : subj;
    from = origin;
  }
  // "Tashkent would pay for the plant while Moscow supplied reactors": a contrasted clause shares the first one's future.
  const contrast = between.findIndex((x, i) => x === 'while' || x === 'whereas' || (x === 'with' && /ing$/.test(w) && i >= between.length - 4));
  const statusWords = contrast > 0 && between.slice(0, contrast).some((x) => x === 'would' || x === 'will') && !between.slice(contrast).some((x) => MODAL_WORDS.has(x)) ? [...between.slice(-5), 'would'] : between.slice(-6);
  if (doubted(ctx, cStart, v)) statusWords.unshift('possibly');
  const src = sourceOf(ctx, tokens[v].start);
  // "paid for the equipment": the payment is money whatever it bought.
  if (paying && tokens[k]?.text === 'for') k++;
  // "paying for the ammunition with diesel and gasoline": payment in kind is two flows, the goods
  // from the payer and what they buy back to the payer.
  let withAt = -1;
  if (paying && tokens[k - 1]?.text === 'for') for (let p = k; p < cEnd && withAt < 0; p++) if (tokens[p].text === 'with') withAt = p;
  const jobs: { a: number; b: number; back: boolean }[] = [];
  if (withAt > k) {
    const kindEnd = itemEnd(ctx, withAt + 1, cEnd);
    const kind = splitItems(ctx, withAt + 1, kindEnd).filter(([x, y]) => ctx.cat.categorize(textOf(ctx, x, y)));
    if (kind.length) {
      for (const [x, y] of kind) jobs.push({ a: x, b: y, back: false });
      jobs.push({ a: k, b: withAt, back: true });
    }
  }
  if (!jobs.length && currencies.length) for (const [a, b] of currencies) jobs.push({ a, b, back: false });
  if (!jobs.length) {
    for (const [a, b] of splitItems(ctx, k, iEnd)) jobs.push({ a, b, back: false });
    // "advanced technology for satellites, as well as food aid": an item added after the first one's modifiers.
    for (let q = iEnd; q < cEnd - 3; q++) {
      const qw = tokens[q].text.toLowerCase();
      if (/^(?:while|whereas|but|although|though)$/.test(qw) || ctx.give.has(qw) || ctx.get.has(qw)) break; // another clause, another verb
      const asWell = tokens[q].text === 'as' && tokens[q + 1].text === 'well' && tokens[q + 2].text === 'as';
      const along = /^(?:along|together)$/.test(tokens[q].text) && tokens[q + 1].text === 'with';
      if (!asWell && !along) continue;
      const from = q + (asWell ? 3 : 2);
      const e = itemEnd(ctx, from, cEnd);
      if (e > from && ctx.cat.categorize(textOf(ctx, from, e))) jobs.push({ a: from, b: e, back: false });
      break;
    }
  }
  const inKind = withAt > k && jobs.length > 0 && jobs[jobs.length - 1].back;
  let main: MainFlow | undefined;
  const firstMade = ctx.out.length;
  for (const { a, b, back } of jobs) {
    let item = textOf(ctx, a, b).replace(/^(?:the|a|an|its|their)\s+/i, '').replace(/\s*[.,;:]+$/, '');
    if (!/\p{L}/u.test(item)) continue; // "how much Wagner had paid." names no item
    if (isShareItem(item)) continue; // "supplied 36 percent of India's arms imports": the share rule reads it
    // "send North Korean labourers home": a return home is no flow between states.
    if (/^home$/i.test(tokens[b - 1]?.text ?? '') || /^home$/i.test(tokens[b]?.text ?? '')) continue;
    // An item is a noun phrase: one that opens with a preposition, a conjunction or an auxiliary is a misparse.
    if (/^(?:by|in|to|for|from|and|or|but|had|has|have|been|was|were|away|with|of|on|at(?!\s+(?:least|most)\b)|as)\b/i.test(item)) continue;
    // "signed a term deal with …": the agreement is an event, not the thing that moves.
    if (/^(?:signed|contracted)$/.test(w) && /^(?:\S+\s+){0,3}(?:deal|contract|agreement|memorandum|protocol|treaty|pact|accord)s?\b/i.test(item)) continue;
    let category = ctx.cat.categorize(item);
    if (currencies.length) {
      category = 'money';
      item = paidFor ? `payment for ${textOf(ctx, k, itemEnd(ctx, k, cEnd)).replace(/^(?:the|a|an|its|their)\s+/i, '')} in ${item}` : `payment in ${item}`;
    } else if (paying && !inKind && (!category || tokens[k - 1]?.text === 'for')) {
      category = 'money';
      if (tokens[k - 1]?.text === 'for') item = `payment for ${item}`;
    }
    let quantity = quantityIn(ctx, { start: tokens[a].start, end: tokens[b - 1].end });
    // "giving Hezbollah more than $700 million a year": an amount of money is money.
    if (!category && quantity?.unit && /^[A-Z]{3}\b/.test(quantity.unit) && /^[\p{Sc}\d]|^(?:more|over|about|nearly|some|roughly|around|almost|up|at|another|an?)\b/iu.test(item)) category = 'money';
    // "funds Hezbollah with …", "invested in the programme": funding is money whatever it pays for.
    if (moneyVerb && category !== 'money') {
      if (!category) continue; // "…, the ministry said": no item at all
      category = 'money';
      item = `funding for ${item}`;
    }
    // "pass them on to Ukraine", "would send more", "will deliver the remaining 40": the item named before.
    // "supplies most of it", "sent some of them": a share of the item named before.
    const share = /^(?:most|much|all|some|part|half|many|the bulk|a (?:third|quarter|half)|two-thirds) of (?:it|them)$/i.test(item);
    const pronoun = share || /^(?:them|it)$/i.test(item);
    if (!category && (pronoun || ellipticAmount(ctx, a, b))) {
      let parent = contextFlow(ctx, tokens[a].start);
      // "What does Pyongyang get in return? Oil, mostly. Moscow delivers it": an item named since the
      // last flow, in this sentence or the one or two before (a question and its answer), is what
      // the pronoun stands for.
      const prev = ctx.doc.layers.segments?.sentences[Math.max(0, sentenceIndex(ctx, tokens[v].start) - 2)];
      const named = pronoun ? itemBefore(ctx, v, prev ? prev.tokenStart : sStart) : undefined;
      // Only where the flow before cannot be meant: it would send its goods back the way they came.
      const back = !!parent && !!from && !!to && parent.from === to && parent.to === from;
      // (A loop, not Math.max(...spans): a flow told again and again gathers many spans.)
      let lastEnd = -1;
      for (const x of parent?.spans ?? []) if (x.end > lastEnd) lastEnd = x.end;
      if (named && back && ctx.tokens[named.at].start > lastEnd) parent = undefined;
      if (parent) {
        category = parent.category;
        item = parent.item;
        if (pronoun && !share) quantity = parent.quantity;
      } else if (named && asked(ctx, prev ? prev.tokenStart : sStart, v)) {
        // With no flow before, only an answer's pronoun is sure to mean the item its question named.
        ({ category, item } = named);
      } else if (!pronoun && quantity?.unit && BULK_UNIT.test(quantity.unit)) {
        // "North Korea is short of grain. Russia shipped about 50,000 tonnes": a measure with no
        // item names the goods of this sentence or the one before.
        const prev = ctx.doc.layers.segments?.sentences[sentenceIndex(ctx, tokens[v].start) - 1];
        const named = itemBefore(ctx, a, prev ? prev.tokenStart : sStart);
        if (named) ({ category, item } = named);
      }
    }
    // "Russia hosted 13,000 North Koreans": a count of a state's people taken in or sent is labour.
    if (!category && countedPeople(ctx, a, b)) category = 'labor';
    if (!category) continue;
    // "to repay Russia in Chinese yuan, starting with about $318 million": a payment's amount later in the clause.
    // "shipped fuel to the North, about 1.1 million barrels in all": a measure later in the clause.
    if (category !== 'money' && !quantity) quantity = measureBetween(ctx, tokens[b - 1].end, tokens[cEnd - 1]?.end ?? tokens[b - 1].end, category);
    if (category === 'money' && !quantity) {
      const later = quantityIn(ctx, { start: tokens[b - 1].end, end: tokens[cEnd - 1]?.end ?? tokens[b - 1].end });
      if (later?.unit && /^[A-Z]{3}/.test(later.unit)) quantity = later;
    }
    // "CNC equipment worth $68 million": a price put on goods leaves them goods.
    const valued = /\b(?:worth|valued at|costing)\b/i.test(item);
    if (!category || (!valued && quantity?.unit && /^(?:USD|EUR|GBP|RUB|KRW|CNY|INR|AED)/.test(quantity.unit) && category === 'goods')) category = quantity?.unit && /^[A-Z]{3}/.test(quantity.unit) ? 'money' : category;
    // "handed over the weapons", "was seeking the munitions": a definite bare item points back to a
    // flow already stated; the mention is more evidence for it, not a new flow.
    if (!quantity && /^the$/i.test(tokens[a].text) && b - a <= 3 && backRef(ctx, from, to, category, { start: tokens[cStart].start, end: tokens[cEnd - 1]?.end ?? tokens[v].end }, src.source)) continue;
    // "China supplied 81 percent of Pakistan's arms imports" after "Pakistan received 63 percent of
    // China's exports": a share of the recipient's imports restates the flow already stated.
    if (/\b(?:percent|per cent|share|shares|%)\b.*\bof\b.*\b(?:imports|purchases|intake)\b/i.test(item) && backRef(ctx, from ?? undefined, to ?? undefined, category, { start: tokens[cStart].start, end: tokens[cEnd - 1]?.end ?? tokens[v].end }, undefined)) continue;
    // "paid in UAE dirhams": a currency's state is no side.
    const origins = madeIn.length && !from ? madeIn : [from ?? (paying ? undefined : demonymIn(ctx, a, b))];
    const coSenders = from && from === sender ? coSubjects.filter((x) => x !== to && x !== from) : [];
    const coRecipients = to && to === subj ? coSubjects.filter((x) => x !== from) : [];
    for (const o of [...origins, ...coSenders]) for (const dest of [to, ...(to === recipient ? moreTo : []), ...coRecipients]) {
    let f = back ? dest : o;
    let t = back ? o : dest;
    if (!t && ctx.label && ctx.label !== f && (f || passive)) t = ctx.label;
    if (!f && t) f = otherOfPair(ctx, t);
    if (f && !t) t = otherOfPair(ctx, f);
    // "the drones it sold to Russia": a flow presupposed by a relative clause is one told before, when there is one.
    if (relative && f && t && backRef(ctx, f, t, category, { start: tokens[cStart].start, end: tokens[cEnd - 1]?.end ?? tokens[v].end }, undefined)) continue;
    const status = statusOf({ verb: w, before: statusWords, after: tokens.slice(v + 1, Math.min(v + 3, cEnd)).map((x) => x.text.toLowerCase()), denial: src.denial && !relative, cue: relative ? undefined : src.cue, planned: ctx.cat.isPlannedVerb(w) });
    const { since, until } = periodOf(ctx.doc, { start: tokens[cStart].start, end: tokens[cEnd - 1]?.end ?? tokens[cStart].end });
    // "Some cargoes have been paid for in dirhams": a payment with neither side runs against the usual flow.
    (f || t || !(passive && paying) ? addTransfer : (_: Ctx, x: Omit<Transfer, 'stage'>) => ctx.pending.push(x))(ctx, {
      // "Denmark, Germany and the Netherlands will refurbish 100 tanks": an amount of several sides together is none's own.
      from: f ?? '', to: t ?? '', category, item, quantity: coSenders.length || coRecipients.length ? null : quantity, since, until, status,
      source: src.source, ...(src.sourceText ? { sourceText: src.sourceText } : {}),
      spans: [{ start: tokens[cStart].start, end: tokens[cEnd - 1]?.end ?? tokens[v].end }],
      rule: passive ? 'verb-passive' : giving ? 'verb-give' : 'verb-get',
    });
    main ??= { from: f ?? '', to: t ?? '', item, status, ref: (f && t) || (!f && !t) ? undefined : ctx.pending[ctx.pending.length - 1] };
    }
  }
  if (main && !paying) counterFlows(ctx, main, iEnd, cStart, cEnd, src);
  noneSince(ctx, ctx.out.slice(firstMade), iEnd, cEnd);
}

/**
 * What goes back for a flow in its clause: the price ("bought 74,000 shells for $1.7 million", "in
 * a deal worth around $5 billion") is a payment from the recipient, and an exchange ("food in
 * exchange for munitions", "in return for payment") is the other side's flow, each with the flow's status.
 */
function counterFlows(ctx: Ctx, main: MainFlow, p0: number, cStart: number, cEnd: number, src: ReturnType<typeof sourceOf>): void {
  const { tokens } = ctx;
  const qs = ctx.doc.layers.quantities?.quantities ?? [];
  const money = (k: number) => qs.find((q) => q.start <= tokens[k].start && tokens[k].end <= q.end && /^[A-Z]{3}/.test(q.unit ?? ''));
  const span = { start: tokens[cStart].start, end: tokens[cEnd - 1]?.end ?? tokens[cStart].end };
  const base = { since: null, until: null, status: main.status, source: src.source, ...(src.sourceText ? { sourceText: src.sourceText } : {}), spans: [span] };
  for (let p = p0; p < cEnd; p++) {
    const w = tokens[p].text.toLowerCase();
    const exchange = w === 'in' && /^(?:exchange|return)$/i.test(tokens[p + 1]?.text ?? '') && tokens[p + 2]?.text === 'for';
    if (exchange) {
      const a = p + 3;
      const b = itemEnd(ctx, a, cEnd);
      const item = textOf(ctx, a, b).replace(/^(?:the|a|an|its|their)\s+/i, '');
      const category = b > a ? ctx.cat.categorize(item) : null;
      if (!category) return;
      // "in exchange for the shells": a flow the report has stated already.
      if (/^the$/i.test(tokens[a].text) && b - a <= 3 && main.from && main.to && backRef(ctx, main.to, main.from, category, span, undefined)) return;
      const flow = { ...base, from: main.to, to: main.from, category, item, quantity: quantityIn(ctx, { start: tokens[a].start, end: tokens[b - 1].end }), rule: 'exchange' };
      if (flow.from && flow.to) addTransfer(ctx, flow);
      else ctx.counters.push({ main: main.ref, flow });
      return;
    }
    // "for $1.7 million", "worth around $5 billion", "a deal widely reported to be worth …".
    let at = -1;
    if (w === 'for' && money(p + 1)) at = p + 1;
    if (w === 'worth') for (let k = p + 1; k < Math.min(cEnd, p + 4) && at < 0; k++) if (money(k)) at = k;
    if (at < 0) continue;
    const price = quantityIn(ctx, { start: tokens[at].start, end: tokens[at].end });
    if (!price) return;
    const flow = { ...base, from: main.to, to: main.from, category: 'money', item: `payment for ${main.item}`, quantity: price, rule: 'price' };
    if (flow.from && flow.to) addTransfer(ctx, flow);
    else ctx.counters.push({ main: main.ref, flow });
    return;
  }
}

/**
 * "it sent only a small number of drones to Russia before the invasion and none since": the flow
 * the clause limits is denied for the rest of the time, a denied transfer of its own.
 */
function noneSince(ctx: Ctx, made: Transfer[], p0: number, cEnd: number): void {
  const { tokens } = ctx;
  for (let p = p0; p < cEnd; p++) {
    if (!/^(?:none|nothing)$/i.test(tokens[p].text) || !/^(?:and|but|,)$/.test(tokens[p - 1]?.text ?? '')) continue;
    const rest = textOf(ctx, p + 1, cEnd).replace(/[.,;:]+$/, '');
    for (const t of made) {
      if (t.status === 'denied') continue;
      addTransfer(ctx, {
        from: t.from, to: t.to, category: t.category, item: `${t.item.replace(/^(?:only\s+)?(?:an?\s+)?(?:small|few|limited|handful)\b[\w\s]*?\bof\s+/i, '')}${rest ? ` (${rest})` : ''}`,
        quantity: null, since: null, until: null, status: 'denied',
        source: t.source, ...(t.sourceText ? { sourceText: t.sourceText } : {}), spans: [{ start: tokens[p].start, end: tokens[cEnd - 1].end }], rule: 'none-since',
      });
    }
    return;
  }
}
