// Flows with a side missing, filled from the report's usual partners after all sentences are read,
// and the report's main pair.
import { type Attribution, type Transfer } from '../../doc.js';
import { Mentions } from '../mentions.js';
import { type Ctx, usualFlow } from './context.js';
import { addTransfer } from './record.js';

/**
 * "Germany said it would send 14 tanks", "Norway handed over eight tanks": the recipient is the
 * one the report's other flows go to (a report on aid to Ukraine), the sender likewise.
 */
export function fillPending(ctx: Ctx): void {
  // The usual side only where one dominates: a report on grain for six African states has no usual recipient.
  const most = (xs: string[]) => {
    const top = [...xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>())].sort((a, b) => b[1] - a[1]);
    return top[0] && (top.length === 1 || (top[0][1] >= 2 && top[0][1] > top[1][1])) ? top[0][0] : undefined;
  };
  const recipient = most(ctx.out.map((t) => t.to));
  const sender = most(ctx.out.map((t) => t.from));
  const usual = usualFlow(ctx);
  const partners = new Map<string, string | undefined>();
  // Worked out once per side, so a long report stays linear.
  const byCategory = new Map<string, [string, string] | undefined>();
  const sendersBesides = new Map<string, string | undefined>();
  const recipientsBesides = new Map<string, string | undefined>();
  const payees = new Map<string, string | undefined>();
  const flows = [...ctx.out];
  const besides = (memo: Map<string, string | undefined>, side: string, key: (t: Transfer) => string) => {
    if (!memo.has(side)) memo.set(side, most(flows.map(key).filter((x) => x !== side)));
    return memo.get(side);
  };
  for (const t of ctx.pending) {
    // Neither side named ("the package covers …"): the report's usual flow.
    if (!t.from && !t.to) {
      // A flow noun ("other weapons deliveries") goes with the flows of its own category, else none.
      if (t.rule === 'flow-noun' && !byCategory.has(t.category)) byCategory.set(t.category, usualFlow(ctx, t.category));
      const sides = t.rule === 'flow-noun' ? byCategory.get(t.category) : t.rule === 'verb-passive' && t.category === 'money' ? usual?.slice().reverse() as [string, string] | undefined : usual;
      if (sides) {
        addTransfer(ctx, { ...t, from: sides[0], to: sides[1], rule: `${t.rule}+usual-partner` });
        ctx.filled.set(t, sides);
      }
      continue;
    }
    // The usual side other than the one named ("Hezbollah sent fighters" in a report where Hezbollah
    // mostly receives: the usual recipient besides it).
    let from = t.from || (t.to !== sender ? sender : besides(sendersBesides, t.to, (x) => x.from));
    let to = t.to || (t.from !== recipient || !t.from ? recipient : besides(recipientsBesides, t.from, (x) => x.to));
    // "Indian arms payments": a payer pays the one that supplies it, else the report's usual sender,
    // never the usual recipient of goods.
    if (t.category === 'money' && t.from && !t.to) {
      if (!payees.has(t.from)) {
        const goods = flows.filter((x) => x.category !== 'money');
        const supplier = most(goods.filter((x) => x.to === t.from).map((x) => x.from)) ?? most(goods.map((x) => x.from));
        payees.set(t.from, supplier !== t.from ? supplier : undefined);
      }
      to = payees.get(t.from);
    }
    // The one side named is itself the usual recipient or sender: its partner in the report's flows
    // ("Tashkent would pay for the plant while Moscow supplied reactors").
    if (!from || !to) {
      const side = t.from || t.to;
      if (!partners.has(side)) partners.set(side, partnerOf(ctx, side));
      const found = partners.get(side);
      const partner = found !== t.source ? found : undefined; // the accuser is no side
      if (!from) from = partner;
      else to = partner;
    }
    if (from && to && from !== to) {
      addTransfer(ctx, { ...t, from, to, rule: `${t.rule}+usual-partner` });
      ctx.filled.set(t, [from, to]);
    }
  }
  for (const { main, flow } of ctx.counters) {
    const sides = main && ctx.filled.get(main);
    if (sides) addTransfer(ctx, { ...flow, from: sides[1], to: sides[0] });
  }
}

/** The state a side trades with most often in the flows found so far. */
function partnerOf(ctx: Ctx, side: string): string | undefined {
  const count = new Map<string, number>();
  for (const t of ctx.out) {
    const other = t.from === side ? t.to : t.to === side ? t.from : undefined;
    if (other) count.set(other, (count.get(other) ?? 0) + 1);
  }
  const top = [...count.entries()].sort((x, y) => y[1] - x[1]);
  // Several partners, none ahead: no usual one.
  return top.length === 1 || (top.length > 1 && top[0][1] > top[1][1]) ? top[0][0] : undefined;
}

/** The two countries a report is most about: the sides an implicit flow runs between. */
export function mainPair(mentions: Mentions, attributions: Attribution[], places: { country?: string }[]): [string, string] | null {
  const count = new Map<string, number>();
  for (const m of mentions.list) if (m.actor.type === 'country') count.set(m.actor.id, (count.get(m.actor.id) ?? 0) + 1);
  // Ports, cities and border crossings ("Rajin", "Dunai") count for the state they lie in.
  for (const p of places) if (p.country) count.set(p.country, (count.get(p.country) ?? 0) + 1);
  // On a tie, a state that speaks ("the White House said") is less likely a side than one that does not.
  const speaking = new Map<string, number>();
  for (const a of attributions) if (a.source) speaking.set(a.source, (speaking.get(a.source) ?? 0) + 1);
  const top = [...count.entries()].sort((x, y) => y[1] - x[1] || (speaking.get(x[0]) ?? 0) - (speaking.get(y[0]) ?? 0));
  return top.length >= 2 && top[1][1] >= 2 ? [top[0][0], top[1][0]] : null;
}
