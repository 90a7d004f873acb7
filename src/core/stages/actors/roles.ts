// A person's role and affiliation from the words around the name:
//   before it  — "South Korean lawmaker Yoo Sang-bum", "Kremlin spokesman Dmitry Peskov"
//   after it   — "Duyeon Kim, senior analyst at the International Crisis Group",
//                "Andriy Osadchuk, a Ukrainian artillery commander"
// A role listed in persons.json stands; the text fills what the lexicon leaves open.
import type { Actor, Token } from '../../doc.js';
import type { Compiled } from './gazetteer.js';
import type { ActorRegistry, TokenMention } from './registry.js';
import { isFunctionWord } from './runs.js';
import { lowerBound } from '../../search.js';
import { settlePortfolio } from './portfolio.js';

const PREPOSITIONS = new Set(['at', 'of', 'with', 'for', 'from', 'in']);
const ARTICLES = new Set(['a', 'an', 'the']);

/** Token index of the token that starts at char offset `at` (binary search). */
export function tokenIndexAt(tokens: Token[], at: number): number {
  return Math.min(lowerBound(tokens, at, (t) => t.start), tokens.length - 1);
}

const isAffiliation = (m: TokenMention | undefined): m is TokenMention => !!m && (m.actor.type === 'organization' || m.actor.type === 'country');

/** The first organization or country named within a few tokens from i, before any punctuation. */
function nearbyBody(tokens: Token[], i: number, reg: ActorRegistry, person: Actor, orgOnly: boolean): Actor | undefined {
  // "the research group": a description that refers back starts at its article.
  const described = reg.mentionAt(i);
  if (described?.actor.type === 'organization' && ARTICLES.has(tokens[i].text.toLowerCase())) return described.actor;
  if (tokens[i] && ARTICLES.has(tokens[i].text.toLowerCase())) i++;
  // "for the Hong Kong consultancy Harbourline Analytics": a body may follow a short description,
  // but a state only directly ("of Russia"), lest "of brokering a deal under which Russia" count.
  for (let k = i; k < Math.min(tokens.length, i + 5); k++) {
    if (/^(?:[,.;:()"“”]|which|that|who|whose|where|when)$/.test(tokens[k].text)) return undefined;
    const m = reg.mentionAt(k);
    if (isAffiliation(m) && m.actor !== person && (!orgOnly || m.actor.type === 'organization') && (k === i || m.actor.type === 'organization')) return m.actor;
  }
  return undefined;
}

/**
 * Role words right before the name ("South Korean lawmaker", "Pentagon press secretary", "China's UN
 * ambassador"): where they start, and the states and bodies named inside them, nearest first.
 */
function roleBefore(tokens: Token[], s: number, reg: ActorRegistry, c: Compiled): { start: number; inside: TokenMention[] } {
  let k = s - 1;
  let hasRole = false;
  const inside: TokenMention[] = [];
  // A role stands in the name's sentence ("… by five thousand votes. Michael Tien" has none).
  while (k >= 0 && k > s - 8 && tokens[k].sentence === tokens[s]?.sentence) {
    const w = tokens[k].text;
    if (w === '.' && k > 0 && c.titles.has(tokens[k - 1].text)) { k--; continue; } // "Gen."
    if (c.titles.has(w) || c.roleNouns.has(w.toLowerCase())) { hasRole = true; k--; continue; }
    // "Deputy Prime Minister and Minister of National Defence": titles joined by "of", "for", "and".
    if (hasRole && /^(?:of|for|and)$/.test(w) && c.titles.has(tokens[k - 1]?.text ?? '')) { k--; continue; }
    // "UN ambassador", "Japan's foreign ministry spokesman": a body or state named inside the role phrase.
    const m = hasRole ? reg.mentionEndingAt(k + 1) : undefined;
    if (m && m.actor.type !== 'person') {
      inside.push(m);
      k = m.start - 1;
      continue;
    }
    if (/^\p{Ll}[\p{Ll}-]*$/u.test(w) && !isFunctionWord(w) && hasRole) { k--; continue; }
    break;
  }
  return hasRole ? { start: k + 1, inside } : { start: s, inside: [] };
}

function ownerBefore(tokens: Token[], i: number, reg: ActorRegistry): TokenMention | undefined {
  const direct = reg.mentionEndingAt(i);
  if (direct) return direct;
  if (/^['’]s$/.test(tokens[i - 1]?.text ?? '')) return reg.mentionEndingAt(i - 1);
  return undefined;
}

/** Roles that post a person to a state or body they do not belong to: "China's ambassador to the UN". */
const POSTING = /\b(?:ambassador|envoy|representative|delegate|consul|attach[ée])s?\b/i;

function before(person: Actor, tokens: Token[], s: number, reg: ActorRegistry, c: Compiled): { role?: string; affiliation?: string } {
  let roleEnd = s;
  // Titles written right before the name: "the Pentagon's press secretary, Brigadier General Pat Ryder".
  let titled = s;
  while (titled > 0 && (c.titles.has(tokens[titled - 1].text) || (tokens[titled - 1].text === '.' && c.titles.has(tokens[titled - 2]?.text ?? '')))) titled--;
  // "the U.S. ambassador to South Africa, Reuben Brigety": the role phrase stands before a comma.
  if (tokens[titled - 1]?.text === ',') {
    let k = titled - 2;
    for (; k >= 0 && k > titled - 10; k--) {
      const w = tokens[k].text;
      if (/^[,.;:"“”]$/.test(w)) return {};
      if (c.roleNouns.has(w.toLowerCase())) break;
    }
    if (k < 0 || k <= titled - 10) return {};
    roleEnd = k + 1;
  }
  const { start: roleStart, inside } = roleBefore(tokens, roleEnd, reg, c);
  if (roleStart === roleEnd) {
    // "the institute's Mark Li": a body's possessive right before the name.
    const owner = /^['’]s$/.test(tokens[s - 1]?.text ?? '') ? reg.mentionEndingAt(s - 1) : undefined;
    return owner?.actor.type === 'organization' ? { affiliation: owner.actor.id } : {};
  }
  let from = roleStart;
  // The role leaves out the states and bodies that open it ("South Korean lawmaker" → "lawmaker").
  for (let m = inside.find((x) => x.start === from); m; m = inside.find((x) => x.start === from)) from = m.end;
  while (from < roleEnd && tokens[from].text === '.') from++;
  const role = reg.textOf(tokens, from, roleEnd === s ? s : titled - 1);
  // "Its lead researcher, Carys Obuya-Lindahl": the body named last before.
  const its = /^its$/i.test(tokens[roleStart - 1]?.text ?? '') ? reg.lastOrganizationBefore(tokens[roleStart - 1].start, tokens[Math.max(0, roleStart - 60)].start) : undefined;
  const owner = ownerBefore(tokens, roleStart, reg);
  const ownerActor = its ?? (isAffiliation(owner) && owner.actor !== person ? owner.actor : undefined);
  const insideOrg = inside.find((m) => m.actor.type === 'organization')?.actor;
  const insideCountry = inside.find((m) => m.actor.type === 'country')?.actor;
  // An ambassador to a body serves the state named with the role; a spokesman, the body named in it.
  const state = ownerActor?.type === 'country' ? ownerActor : insideCountry;
  const affiliation = POSTING.test(role) ? state ?? insideOrg ?? ownerActor : insideOrg ?? ownerActor ?? insideCountry;
  return { role, affiliation: affiliation?.id };
}

/** Where an apposition ends: at the next punctuation mark, or after eight words. */
function endOfPhrase(tokens: Token[], i: number): number {
  let k = i;
  while (k < Math.min(tokens.length, i + 8) && !/^[,.;:()"“”]$/.test(tokens[k].text)) k++;
  return k;
}

const STOPS = /^(?:[,.;)]|said|says|told|added|it|he|she|they|which|that)$/;
const HEADS_VERB = /^(?:heads|headed|leads|led|directs|directed|runs|ran|chairs|chaired|founded|co-founded|joined|manages|advises)$/;

function after(person: Actor, tokens: Token[], e: number, reg: ActorRegistry, c: Compiled): { role?: string; affiliation?: string } {
  let k = e;
  if (tokens[k]?.text === 'of' || tokens[k]?.text === 'from') {
    const body = nearbyBody(tokens, k + 1, reg, person, false);
    return body ? { affiliation: body.id } : {};
  }
  // "Rosalind Smith heads the shipping desk at the research group": the body the person's verb leads to.
  if (HEADS_VERB.test(tokens[k]?.text ?? '') || /^(?:works|worked|serves|served)$/.test(tokens[k]?.text ?? '')) {
    for (let j = k + 1; j < Math.min(tokens.length, k + 9); j++) {
      if (/^[,.;:()"“”]$/.test(tokens[j].text)) break;
      const m = reg.mentionAt(j);
      if (m?.actor.type === 'organization' && m.actor !== person) return { affiliation: m.actor.id };
    }
    return {};
  }
  if (tokens[k]?.text !== ',') return {};
  k++;
  // "Mark Li, its director": the body named last before the person.
  if (tokens[k]?.text === 'its') {
    const body = reg.lastOrganizationBefore(tokens[e - 1].start, tokens[Math.max(0, e - 60)].start);
    if (body) return { role: reg.textOf(tokens, k + 1, endOfPhrase(tokens, k + 1)), affiliation: body.id };
  }
  if (tokens[k] && ARTICLES.has(tokens[k].text.toLowerCase()) && !reg.mentionAt(k)) k++;
  const roleStart = k;
  let roleEnd = -1;
  let sawRole = false;
  let inClause = false;
  let country: string | undefined;
  let owner: string | undefined;
  for (; k < Math.min(tokens.length, roleStart + 18); k++) {
    const w = tokens[k].text;
    if (STOPS.test(w)) break;
    if (w === 'who') {
      inClause = true;
      if (roleEnd < 0) roleEnd = k;
      continue;
    }
    const m = reg.mentionAt(k);
    if (m && m.actor !== person) {
      if (m.actor.type === 'country' && !sawRole && !inClause) country ??= m.actor.id;
      if (isAffiliation(m) && /^['’]s$/.test(tokens[m.end]?.text ?? '')) owner ??= m.actor.id;
      k = m.end - 1;
      continue;
    }
    if (!inClause && (c.roleNouns.has(w.toLowerCase()) || c.titles.has(w))) sawRole = true;
    const prep = PREPOSITIONS.has(w) && (sawRole || inClause);
    if (prep || (inClause && HEADS_VERB.test(w))) {
      // In a relative clause only a body counts ("who met officials in Moscow" names no employer).
      // "an analyst with a Kiel-based institute": a body the report describes without naming it.
      const body = nearbyBody(tokens, k + 1, reg, person, inClause || w === 'in') ?? (w !== 'in' ? reg.unnamedBodyAt(tokens, k + 1) : undefined);
      if (roleEnd < 0) roleEnd = k;
      if (body) return { role: reg.textOf(tokens, roleStart, roleEnd), affiliation: body.id };
    }
  }
  if (roleEnd < 0) roleEnd = k;
  if (!sawRole && !inClause) return {};
  return { role: roleEnd > roleStart ? reg.textOf(tokens, roleStart, roleEnd) : undefined, affiliation: owner ?? country };
}

// Roles that speak for a body: with none named beside the name, the body named just before.
const SPEAKS_FOR_BODY = /\b(?:spokes(?:man|woman|person)|press secretary)\b/i;

// Offices that belong to a state: with no state named next to the name, the state named just before holds them.
const STATE_OFFICE = /\b(?:minister|president|prime minister|premier|chancellor|ambassador|envoy|secretary)\b/i;

export function findRoleAndAffiliation(person: Actor, tokens: Token[], reg: ActorRegistry, c: Compiled): void {
  const listed = c.persons.get(person.id);
  for (const m of person.mentions) {
    const s = tokenIndexAt(tokens, m.start);
    const e = tokenIndexAt(tokens, m.end);
    const found = after(person, tokens, e, reg, c);
    const pre = before(person, tokens, s, reg, c);
    const role = found.role ?? pre.role;
    const affiliation = found.affiliation ?? pre.affiliation;
    if (role && (!person.role || (!listed && person.rule.endsWith('title')))) person.role = role;
    if (affiliation && !(listed?.affiliation && person.affiliation)) person.affiliation ??= affiliation;
    if (person.role && person.affiliation) break;
  }
  settlePortfolio(person, tokens, reg, c);
  // "The foreign ministry said … Spokesperson Wang Wenbin added": a spokesman speaks for the body named just before.
  if (!person.affiliation && person.role && SPEAKS_FOR_BODY.test(person.role) && person.mentions.length) {
    const first = person.mentions[0].start;
    const body = reg.lastOrganizationBefore(first, Math.max(0, first - 400));
    if (body) person.affiliation = body.id;
  }
  if (!person.affiliation && person.role && STATE_OFFICE.test(person.role) && person.mentions.length) {
    const first = person.mentions[0];
    const sentence = tokens[tokenIndexAt(tokens, first.start)].sentence;
    // the sentence's first token, found by halving (tokens are in sentence order), not by a scan per person
    const from = tokens[lowerBound(tokens, sentence, (t) => t.sentence)]?.start ?? 0;
    const country = reg.lastCountryBetween(from, first.start);
    if (country) person.affiliation = country.id;
  }
}

/** The nouns of a person's workplace after "her"/"his": "Her team at the Nordsee Lab". */
const WORKPLACE = /^(?:team|colleagues|employer|group|unit|lab|office|firm|desk|department|organisation|organization|company|institute)$/;

/**
 * "Ines Vorhalt studies ports. Her team at the Nordsee Open Source Lab logged …": a possessive
 * pronoun with a workplace noun and a body gives the body to the person named last before it, when
 * nothing else gave one. One pass over the tokens.
 */
export function affiliationsFromPronouns(tokens: Token[], reg: ActorRegistry): void {
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (!/^(?:[Hh]er|[Hh]is)$/.test(tokens[i].text)) continue;
    let k = i + 1;
    if (/^\p{Ll}+$/u.test(tokens[k].text) && !WORKPLACE.test(tokens[k].text)) k++; // "her research team"
    if (!WORKPLACE.test(tokens[k]?.text ?? '')) continue;
    k++;
    if (!/^(?:at|with|of|in)$/.test(tokens[k]?.text ?? '')) continue;
    const body = reg.mentionAt(k + 1) ?? (/^(?:the|The)$/.test(tokens[k + 1]?.text ?? '') ? reg.mentionAt(k + 2) : undefined);
    if (body?.actor.type !== 'organization') continue;
    const person = reg.lastPersonBefore(tokens[i].start, Math.max(0, tokens[i].start - 400));
    if (person && !person.affiliation) person.affiliation = body.actor.id;
  }
}

