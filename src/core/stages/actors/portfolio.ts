// Ministers, secretaries and the spokespeople of ministries: whom they speak for. The convention
// (as the annotated reports have it): the ministry, when the report names it on its own ("the
// Pentagon notified Israel", "the Israeli Defence Ministry said"); otherwise the state, when the
// ministry appears only inside the person's title ("State Department deputy spokesman", "the
// Pentagon's press secretary") or as a modifier ("the Pentagon fund").
import type { Actor, Token } from '../../doc.js';
import type { Compiled } from './gazetteer.js';
import type { ActorRegistry } from './registry.js';
import { isFunctionWord } from './runs.js';
import { tokenIndexAt } from './roles.js';

/** The portfolios a title or a body's name names: "Minister of National Defence" → {defence}. */
export function portfoliosOf(text: string, c: Compiled): Set<string> {
  const out = new Set<string>();
  for (const w of text.toLowerCase().split(/[^\p{L}-]+/u)) {
    const p = c.portfolioOf.get(w);
    if (p) out.add(p);
  }
  return out;
}

const keyOf = (portfolios: Set<string>) => [...portfolios].sort().join('+');

const ministries = new WeakMap<ActorRegistry, Map<string, Actor[]>>();

/**
 * The report's ministries that it names on its own, by the portfolios one of their names gives
 * ("defence"), built once per report so that each person is one lookup, not a pass over all bodies.
 */
function ministriesOf(reg: ActorRegistry, tokens: Token[], c: Compiled): Map<string, Actor[]> {
  let byKey = ministries.get(reg);
  if (!byKey) {
    byKey = new Map();
    for (const o of reg.organizations()) {
      if (!isMinistry(o, c) || !namedOnItsOwn(o, tokens, c)) continue;
      for (const key of new Set([o.name, ...o.aliases].map((n) => keyOf(portfoliosOf(n, c))))) if (key) byKey.set(key, [...(byKey.get(key) ?? []), o]);
    }
    ministries.set(reg, byKey);
  }
  return byKey;
}

/** A ministry: a body one of whose names holds a portfolio head ("Ministry", "Department", "Pentagon"). */
function isMinistry(body: { name: string; aliases: string[] }, c: Compiled): boolean {
  return [body.name, ...body.aliases].some((n) => n.toLowerCase().split(/[^\p{L}-]+/u).some((w) => c.portfolioHeads.has(w)));
}

/**
 * Does the report name the body on its own somewhere: a mention followed by punctuation, a function
 * word or a verb, not by a noun it modifies ("the Pentagon fund") or a possessive ("the Pentagon's
 * press secretary")?
 */
function namedOnItsOwn(body: Actor, tokens: Token[], c: Compiled): boolean {
  return body.mentions.some((m) => {
    const k = tokenIndexAt(tokens, m.end);
    const next = tokens[k];
    if (!next || next.start < m.end) return true; // the text ends here
    const w = next.text;
    if (/^['’]s?$/.test(w)) return false;
    return !/^\p{Ll}/u.test(w) || isFunctionWord(w) || c.reportingVerbs.has(w) || /ed$/.test(w);
  });
}

/** The state a person's affiliation puts them in: a country code, or the state of the body. */
function stateOf(id: string | undefined, reg: ActorRegistry): string | undefined {
  if (!id) return undefined;
  if (/^[A-Z]{2}$/.test(id)) return id;
  return reg.get(id)?.country;
}

export function settlePortfolio(person: Actor, tokens: Token[], reg: ActorRegistry, c: Compiled): void {
  // A listed person's ministry (persons.json) that this report does not name: the state.
  const listedBody = person.affiliation && !reg.get(person.affiliation) ? c.organizations.get(person.affiliation) : undefined;
  if (listedBody?.country && isMinistry(listedBody, c)) person.affiliation = listedBody.country;
  const current = person.affiliation ? reg.get(person.affiliation) : undefined;
  const state = stateOf(person.affiliation, reg);
  const wanted = person.role && /\b(?:minister|ministry|secretary|department)\b/i.test(person.role) ? portfoliosOf(person.role, c) : new Set<string>();
  if (wanted.size) {
    const ministry = ministriesOf(reg, tokens, c).get(keyOf(wanted))?.find((o) => !state || !o.country || o.country === state);
    if (ministry) {
      person.affiliation = ministry.id;
      return;
    }
  }
  // A ministry named by its name only in the person's title stands for its state ("State Department
  // deputy spokesman" → US); one described there ("Japan's foreign ministry spokesman") is the body.
  if (current?.type === 'organization' && current.country && isMinistry(current, c) && !DESCRIBED.has(current.rule) && !namedOnItsOwn(current, tokens, c)) {
    person.affiliation = current.country;
    return;
  }
  if (current?.type !== 'organization') describedInRole(person, tokens, reg, c, state);
}

/** Rules that make a body from a description rather than a name. */
const DESCRIBED = new Set(['body-of-state', 'body-by-seat', 'body-in-role']);

/**
 * "foreign ministry spokesperson Wang Wenbin": a ministry the role describes without naming its
 * state is the ministry of the person's state, or of the state named last before the person.
 */
function describedInRole(person: Actor, tokens: Token[], reg: ActorRegistry, c: Compiled, state: string | undefined): void {
  for (const m of person.mentions) {
    const s = tokenIndexAt(tokens, m.start);
    const e = tokenIndexAt(tokens, m.end);
    // the role before the name, or in an apposition after it ("Wang Wenbin, a foreign ministry spokesperson")
    const near = [s - 1, s - 2, s - 3, s - 4, s - 5];
    if (tokens[e]?.text === ',') near.push(e + 2, e + 3, e + 4, e + 5);
    for (const k of near) {
      if (k < 0 || k >= tokens.length || tokens[k].sentence !== tokens[s].sentence) continue;
      if (!/^(?:ministry|department)$/i.test(tokens[k].text) || reg.mentionAt(k)) continue;
      let from = k;
      while (from > 0 && c.portfolioOf.has(tokens[from - 1].text.toLowerCase()) && !reg.mentionAt(from - 1)) from--;
      if (from === k) return;
      const country = state ?? reg.lastCountryBetween(Math.max(0, m.start - 600), m.start)?.id;
      if (country) person.affiliation = reg.bodyInRole(tokens, from, k + 1, country).id;
      return;
    }
  }
}
