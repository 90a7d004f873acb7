// Actors merged across reports. States merge by ISO code. Persons, bodies and vessels merge by
// name key (spelling variants), by proper aliases, and by acronym against a full name in another
// report, never across types or across two different states.
import type { ExtractionActor } from '../core/output/extraction.js';
import type { StoredReport } from '../core/output/stored-report.js';
import type { LedgerActor } from './types.js';
import { acronymKey, acronymOf, nameKey } from './names.js';

const ISO = /^[A-Z]{2}$/;
export const isCountryCode = (id: string | null | undefined): id is string => !!id && ISO.test(id);

interface Cluster extends LedgerActor {
  keys: Set<string>;
}

/** Merged actors, and the way from one report's actor id to its merged actor. */
export class ActorIndex {
  readonly actors: LedgerActor[] = [];
  private readonly byReport = new Map<string, Map<string, Cluster>>();
  private readonly byKey = new Map<string, Cluster[]>();

  constructor(reports: StoredReport[]) {
    for (const r of reports) this.addReport(r);
    // Affiliations and countries can name a body merged only later: settle states last.
    for (const r of reports) this.settleCountries(r);
    for (const a of this.actors) delete (a as Partial<Cluster>).keys;
  }

  /** The merged actor for actor `localId` of report `reportId`. */
  get(reportId: string, localId: string): LedgerActor | undefined {
    if (isCountryCode(localId)) return this.byReport.get(reportId)?.get(localId) ?? this.countries.get(localId);
    return this.byReport.get(reportId)?.get(localId);
  }

  /** The state an actor of a report stands for: itself, its country, its affiliation's state. */
  stateOf(reportId: string, localId: string): string | null {
    if (isCountryCode(localId)) return localId;
    return this.get(reportId, localId)?.country ?? null;
  }

  private countries = new Map<string, Cluster>();

  private country(code: string, name = code): Cluster {
    let c = this.countries.get(code);
    if (!c) {
      c = { id: code, type: 'country', name, aliases: [], country: code, reports: [], keys: new Set() };
      this.countries.set(code, c);
      this.actors.push(c);
    }
    return c;
  }

  private addReport(r: StoredReport): void {
    const local = new Map<string, Cluster>();
    this.byReport.set(r.id, local);
    const localCountry = bodyStates(r);
    for (const a of r.extraction.actors) {
      let cluster: Cluster;
      if (a.type === 'country' && isCountryCode(a.id)) {
        cluster = this.country(a.id, a.name);
        if (cluster.name === a.id) cluster.name = a.name;
      } else {
        cluster = this.match(a, localCountry.get(a.id) ?? null) ?? this.create(a);
        if (!cluster.country) cluster.country = localCountry.get(a.id) ?? null;
      }
      for (const n of [a.name, ...a.aliases]) if (n !== cluster.name && !cluster.aliases.includes(n)) cluster.aliases.push(n);
      if (!cluster.reports.includes(r.id)) cluster.reports.push(r.id);
      local.set(a.id, cluster);
      if (cluster.type !== 'country') for (const k of keysOf(a).index) this.index(k, cluster);
    }
  }

  private settleCountries(r: StoredReport): void {
    const local = this.byReport.get(r.id)!;
    for (const a of r.extraction.actors) {
      const c = local.get(a.id)!;
      if (c.country || !a.affiliation) continue;
      c.country = isCountryCode(a.affiliation) ? a.affiliation : local.get(a.affiliation)?.country ?? null;
    }
  }

  private create(a: ExtractionActor): Cluster {
    const c: Cluster = { id: this.freeId(a.id), type: a.type, name: a.name, aliases: [], country: null, reports: [], keys: new Set() };
    this.actors.push(c);
    return c;
  }

  private readonly ids = new Set<string>();

  private freeId(id: string): string {
    let free = id;
    for (let n = 2; this.ids.has(free); n++) free = `${id}_${n}`;
    this.ids.add(free);
    return free;
  }

  private match(a: ExtractionActor, state: string | null): Cluster | undefined {
    for (const k of keysOf(a).lookup) {
      for (const c of this.byKey.get(k) ?? []) {
        if (c.type !== a.type) continue;
        if (state && c.country && state !== c.country) continue;
        return c;
      }
    }
    return undefined;
  }

  private index(key: string, c: Cluster): void {
    if (c.keys.has(key)) return;
    c.keys.add(key);
    const list = this.byKey.get(key);
    if (list) list.push(c);
    else this.byKey.set(key, [c]);
  }
}

/** Aliases that name the actor itself: capitalized, not a description ("the spy agency", "he"). */
const isProperAlias = (alias: string): boolean => /^\p{Lu}/u.test(alias.replace(/^the /i, ''));

/**
 * Keys an actor is filed under and keys it looks for. A written acronym ("NIS") meets the
 * initials of a full name elsewhere ("National Intelligence Service"); two sets of initials never
 * meet each other ("UN Security Council" and "U.S. Congress" are both "usc"). A person's one-word
 * alias ("Kim") is only found by a person named by that one word alone: Kim Yo Jong and Kim Jong
 * Un, both "Kim" for short, stay two persons.
 */
function keysOf(a: ExtractionActor): { index: string[]; lookup: string[] } {
  const index = new Set<string>(), lookup = new Set<string>();
  const person = a.type === 'person';
  for (const [i, n] of [a.name, ...a.aliases.filter(isProperAlias)].entries()) {
    const acr = person ? null : acronymKey(n);
    if (acr) {
      index.add(`acr:${acr}`);
      lookup.add(`acr:${acr}`).add(`ini:${acr}`);
      continue;
    }
    const k = nameKey(n);
    if (!k) continue;
    if (person && !k.includes(' ')) {
      index.add(`short:${k}`);
      if (i === 0) lookup.add(`short:${k}`).add(`name:${k}`);
      continue;
    }
    index.add(`name:${k}`);
    lookup.add(`name:${k}`);
    const initials = person ? null : acronymOf(n);
    if (initials) {
      index.add(`ini:${initials}`);
      lookup.add(`acr:${initials}`);
    }
  }
  return { index: [...index], lookup: [...lookup] };
}

/**
 * The state each body of one report belongs to: its own `country`, else a state written right
 * before one of its mentions, as a possessive or a demonym ("Russia's Ministry of Defence",
 * "the Revolutionary Guards' Quds Force", "Russian Ministry of Defence").
 */
function bodyStates(r: StoredReport): Map<string, string> {
  const actors = r.extraction.actors;
  const states = new Map<string, string>();
  for (const a of actors) if (a.type !== 'country' && a.country) states.set(a.id, a.country);
  const stateOfActor = (a: ExtractionActor): string | null => (isCountryCode(a.id) && a.type === 'country' ? a.id : states.get(a.id) ?? null);
  const endingAt = new Map<number, ExtractionActor>();
  for (const a of actors) for (const m of a.mentions) endingAt.set(m.end, a);
  const text = r.text;
  // Two passes: a body can get its state from another that got its own in the first pass.
  for (let pass = 0; pass < 2; pass++) {
    for (const a of actors) {
      if (a.type === 'country' || a.type === 'person' || states.has(a.id)) continue;
      for (const m of a.mentions) {
        const before = possessor(text, m.start, endingAt);
        const s = before && before !== a ? stateOfActor(before) : null;
        if (s) {
          states.set(a.id, s);
          break;
        }
      }
    }
  }
  return states;
}

/** The actor named right before `start` as "X's ", "X' " or a demonym "X ". */
function possessor(text: string, start: number, endingAt: Map<number, ExtractionActor>): ExtractionActor | undefined {
  let i = start;
  if (text[i - 1] !== ' ') return undefined;
  i--;
  const direct = endingAt.get(i);
  if (direct) return direct;
  if (text[i - 1] === "'" || text[i - 1] === '\u2019') return endingAt.get(i - 1);
  if ((text[i - 1] === 's' || text[i - 1] === 'S') && (text[i - 2] === "'" || text[i - 2] === '\u2019')) return endingAt.get(i - 2);
  return undefined;
}
