// The lexicons compiled for matching: every listed name as a token sequence, looked up longest
// first at each token. Built once per Lexicons object and reused by every document.
import type { CountryAlias, Lexicons, OrganizationEntry, PersonEntry, PlaceEntry } from '../../lexicons.js';
import type { MentionKind } from '../../doc.js';
import { tokenize } from '../segment/index.js';
import { FUNCTION_WORDS } from './words.js';
import { wordPrefilter, type WordPrefilter } from '../../word-prefilter.js';

export type GazetteerHit =
  | { type: 'country'; code: string; kind: MentionKind; context?: string[]; place?: boolean }
  | { type: 'organization'; org: OrganizationEntry; kind: MentionKind }
  | { type: 'person'; person: PersonEntry; kind: MentionKind };

/** Normalizes a token for lookup: straight apostrophes, and "The" as "the". */
export const keyOf = (token: string): string => {
  const t = token.includes('’') ? token.replace(/’/g, "'") : token;
  return t === 'The' ? 'the' : t;
};

export interface KeyEntry {
  hit?: GazetteerHit;
  /** Some longer listed name starts with this key. */
  prefix: boolean;
}

export interface Compiled {
  gazetteer: Map<string, GazetteerHit>;
  /** First tokens of listed names of two or more tokens ("South" of "South Korea"). */
  starts: Set<string>;
  /** Every proper prefix of a listed name, so a lookup stops as soon as no name can follow. */
  prefixes: Set<string>;
  /** Both of the above in one table, so that matching reads one map per token and length. */
  keys: Map<string, KeyEntry>;
  /** The keys of `keys`: a word it rules out starts no listed name, and needs no lookup there. */
  firstKeys: WordPrefilter;
  maxTokens: number;
  heads: Set<string>;
  leads: Set<string>;
  orgNouns: Set<string>;
  agencyNouns: Set<string>;
  missionNouns: Set<string>;
  /** Nouns that a body's name can modify ("intelligence officials", "customs records"): sources, accounts, claims. */
  sourceNouns: Set<string>;
  /** Reporting and denial verbs ("said", "denied", "showed"): after a body's name they show it acts on its own. */
  reportingVerbs: Set<string>;
  /** The portfolio each portfolio word names ("defense" → "defence"). */
  portfolioOf: Map<string, string>;
  portfolioHeads: Set<string>;
  orgDescriptors: Map<string, string[]>;
  titles: Set<string>;
  roleNouns: Set<string>;
  personDescriptors: Set<string>;
  firstNames: Set<string>;
  /** Common English words, lowercase, with their frequency level (10 most common, 50 least). */
  commonWords: Map<string, number>;
  surnamesFirst: Set<string>;
  particles: Set<string>;
  vesselNouns: Set<string>;
  countryNames: Map<string, string>;
  /** Listed places by their token key ("Tumen River"). */
  places: Map<string, PlaceEntry>;
  placeHeads: Set<string>;
  eventWords: Set<string>;
  notBodies: Set<string>;
  persons: Map<string, PersonEntry>;
  organizations: Map<string, OrganizationEntry>;
}

const cache = new WeakMap<Lexicons, Compiled>();

const NOT_GIVEN_NAMES = new Set(['North', 'South', 'East', 'West', 'Northern', 'Southern', 'Eastern', 'Western', 'Central', 'New', 'Old', 'Great', 'Little', 'Upper', 'Lower', 'Saint', 'San', 'Santa', 'Fort', 'Port', 'Long', 'Grand']);

function pluralOf(demonym: string): string | null {
  if (/(?:ese|sh|ch|s|x|z)$/i.test(demonym)) return null;
  return `${demonym}s`;
}

function commonWordLevels(groups: Lexicons['commonWords']): Map<string, number> {
  const levels = new Map<string, number>();
  for (const { level, words } of groups) for (const w of words) if (!(levels.get(w)! <= level)) levels.set(w, level);
  return levels;
}

export function compile(lex: Lexicons): Compiled {
  const hit = cache.get(lex);
  if (hit) return hit;
  const gazetteer = new Map<string, GazetteerHit>();
  let maxTokens = 1;
  const starts = new Set<string>();
  const prefixes = new Set<string>();
  const add = (name: string, value: GazetteerHit, overwrite = false) => {
    const toks = tokenize(name).map((t) => keyOf(t.text));
    if (!toks.length) return;
    const key = toks.join(' ');
    if (!overwrite && gazetteer.has(key)) return;
    gazetteer.set(key, value);
    if (toks.length > 1) starts.add(toks[0]);
    for (let n = 1; n < toks.length; n++) prefixes.add(toks.slice(0, n).join(' '));
    maxTokens = Math.max(maxTokens, toks.length);
  };
  const countryNames = new Map<string, string>();
  // Persons and organizations first: a listed body's full name beats a country inside it.
  for (const p of lex.persons) {
    add(p.name, { type: 'person', person: p, kind: 'name' });
    for (const a of p.aliases) add(a, { type: 'person', person: p, kind: a.split(/\s+/).length === 1 ? 'short' : 'alias' });
  }
  for (const o of lex.organizations) {
    add(o.name, { type: 'organization', org: o, kind: 'name' });
    for (const a of o.aliases) add(a, { type: 'organization', org: o, kind: /^[A-Z.&+-]+$/.test(a) ? 'acronym' : 'alias' });
  }
  const contextual: CountryAlias[] = [];
  for (const c of lex.countryAliases) {
    if (c.context) contextual.push(c);
    else for (const a of c.aliases) add(a, { type: 'country', code: c.code, kind: 'alias' }, true);
  }
  const byMembership = [...lex.countries].sort((a, b) => Number(b.unMember ?? false) - Number(a.unMember ?? false));
  for (const c of byMembership) {
    countryNames.set(c.code, c.name);
    add(c.name, { type: 'country', code: c.code, kind: 'name' }, true);
    add(`the ${c.name}`, { type: 'country', code: c.code, kind: 'name' });
    for (const a of c.aliases) add(a, { type: 'country', code: c.code, kind: 'alias' });
    for (const cap of c.capitals) add(cap, { type: 'country', code: c.code, kind: 'alias', place: true });
    for (const d of c.demonyms) {
      add(d, { type: 'country', code: c.code, kind: 'demonym' });
      const pl = pluralOf(d);
      if (pl) add(pl, { type: 'country', code: c.code, kind: 'demonym' });
    }
  }
  for (const c of contextual) for (const a of c.aliases) add(a, { type: 'country', code: c.code, kind: 'alias', context: c.context }, true);

  // Listed places open runs too ("New York" at the start of a sentence).
  for (const pl of lex.places) {
    const toks = tokenize(pl.name);
    if (toks.length > 1) starts.add(keyOf(toks[0].text));
  }
  const keys = new Map<string, KeyEntry>();
  for (const [key, hit] of gazetteer) keys.set(key, { hit, prefix: prefixes.has(key) });
  for (const key of prefixes) if (!gazetteer.has(key)) keys.set(key, { prefix: true });
  const compiled: Compiled = {
    gazetteer,
    starts,
    prefixes,
    keys,
    firstKeys: wordPrefilter(keys.keys()),
    maxTokens,
    heads: new Set(lex.orgWords.heads),
    leads: new Set(lex.orgWords.leads),
    orgNouns: new Set(lex.orgWords.nouns),
    agencyNouns: new Set(lex.orgWords.agencyNouns),
    missionNouns: new Set(lex.orgWords.missionNouns),
    sourceNouns: new Set([...lex.attribution.sourceNouns, ...lex.attribution.accountNouns, ...lex.attribution.claimNouns]),
    reportingVerbs: new Set([...lex.attribution.speech, ...lex.attribution.denial, ...lex.attribution.needsThat]),
    portfolioOf: new Map(Object.entries(lex.roles.portfolios).flatMap(([p, words]) => words.map((w) => [w, p] as [string, string]))),
    portfolioHeads: new Set(lex.roles.portfolioHeads),
    orgDescriptors: new Map(Object.entries(lex.orgWords.descriptors)),
    titles: new Set(lex.roles.titles),
    roleNouns: new Set(lex.roles.nouns),
    personDescriptors: new Set(lex.roles.descriptorNouns),
    // Given names that are also ordinary capitalized words ("North", "Major", "Will") prove nothing.
    firstNames: new Set(lex.firstNames.filter((n) => !NOT_GIVEN_NAMES.has(n) && !FUNCTION_WORDS.has(n.toLowerCase())
      && !lex.orgWords.heads.includes(n) && !lex.orgWords.leads.includes(n) && !lex.orgWords.placeHeads.includes(n)
      && !lex.roles.titles.includes(n) && !lex.roles.nouns.includes(n.toLowerCase()))),
    commonWords: commonWordLevels(lex.commonWords),
    surnamesFirst: new Set(lex.names.surnamesFirst),
    particles: new Set(lex.names.particles),
    vesselNouns: new Set(lex.names.vesselNouns),
    countryNames,
    places: new Map(lex.places.map((pl) => [tokenize(pl.name).map((t) => keyOf(t.text)).join(' '), pl])),
    placeHeads: new Set(lex.orgWords.placeHeads),
    eventWords: new Set(lex.orgWords.eventWords ?? []),
    notBodies: new Set(lex.orgWords.notBodies),
    persons: new Map(lex.persons.map((p) => [p.id, p])),
    organizations: new Map(lex.organizations.map((o) => [o.id, o])),
  };
  cache.set(lex, compiled);
  return compiled;
}
