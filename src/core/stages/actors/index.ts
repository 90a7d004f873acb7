// Actor recognition: who is named in a report. Countries (names, demonyms, capitals and
// government metonyms), organizations (listed, or recognized by the shape of their name),
// persons (with role and affiliation from the words around the name) and named vessels; later
// short forms and descriptions ("Kim", "the spy agency") resolve to the full mention.
// Rules run in a fixed order over the tokens; each mention records the rule that made it.
import { requireLayer, withLayer, type AnnotatedDoc, type GroupMention, type Token } from '../../doc.js';
import type { Stage, StageContext } from '../../pipeline.js';
import { compile, keyOf, type Compiled, type GazetteerHit } from './gazetteer.js';
import { ActorRegistry } from './registry.js';
import { capitalizedRuns, familyNameAfterGivenName, isCapitalized, isFunctionWord, type Run } from './runs.js';
import { affiliationsFromPronouns, findRoleAndAffiliation } from './roles.js';
import { groupOf } from './groups.js';
import { keepLast } from '../../keep-alive.js';
import { mayHold } from '../../word-prefilter.js';
import { startsLowercase } from '../../letter-case.js';

const STAGE = 'actors';

interface Match {
  start: number; // token index
  end: number; // one past
  hit: GazetteerHit;
}

/** Longest listed name starting at each token, inside one sentence. */
function gazetteerMatches(tokens: Token[], c: Compiled): (Match | undefined)[] {
  const at: (Match | undefined)[] = new Array(tokens.length);
  const keys = tokens.map((t) => keyOf(t.text));
  for (let i = 0; i < tokens.length; i++) {
    if (!mayHold(c.firstKeys, keys[i])) continue; // starts no listed name
    let key = '';
    let best: Match | undefined;
    for (let n = 0; n < c.maxTokens && i + n < tokens.length; n++) {
      const t = tokens[i + n];
      if (t.sentence !== tokens[i].sentence) break;
      key = n === 0 ? keys[i] : `${key} ${keys[i + n]}`;
      const entry = c.keys.get(key);
      if (!entry) break;
      if (entry.hit) best = { start: i, end: i + n + 1, hit: entry.hit };
      if (!entry.prefix) break;
    }
    at[i] = best;
  }
  return at;
}

function run(doc: AnnotatedDoc, ctx: StageContext): AnnotatedDoc {
  const { tokens, sentences } = requireLayer(doc, 'segments', STAGE);
  const c = compile(ctx.lexicons);
  const gaz = gazetteerMatches(tokens, c);
  const lowerWords = new Set<string>();
  for (const t of tokens) if (startsLowercase(t.text)) lowerWords.add(t.text);
  const reg = new ActorRegistry(doc.text, c, lowerWords, ctx.trace);
  keepLast('actors', reg); // see keep-alive.ts

  // Countries named anywhere: the context for aliases such as "the North".
  const named = new Set<string>();
  for (const m of gaz) if (m && m.hit.type === 'country' && !m.hit.context) named.add(m.hit.code);

  const taken = new Uint8Array(tokens.length); // tokens already part of a mention
  const mark = (s: number, e: number) => taken.fill(1, s, e);

  // 1. Capitalized runs: organization names by shape, listed names inside them, candidate names.
  const candidates: Run[] = [];
  for (const runToks of capitalizedRuns(doc.text, tokens, sentences, c, lowerWords).flatMap((r) => splitAtOf(tokens, r, c))) {
    // "SEOUL — …", "MOSCOW (Reuters) — …": a dateline names where the report was filed, a place.
    if (isDateline(doc.text, tokens, runToks)) {
      reg.addDateline(tokens, runToks);
      mark(runToks.start, runToks.end);
      continue;
    }
    const whole = gaz[runToks.start];
    if (whole && whole.end === runToks.end) {
      if (acceptHit(whole, named)) {
        const actor = reg.addHit(whole.hit, tokens, whole.start, whole.end, 'lexicon');
        // "the UN Panel of Experts (PoE)": a listed body's acronym in brackets is one of its names too.
        if (actor.type === 'organization') reg.acronymAfter(actor, tokens, whole.end);
        mark(whole.start, whole.end);
      }
      continue;
    }
    const person = reg.personAfterBody(tokens, runToks);
    const bodyRun = person === undefined ? runToks : { start: runToks.start, end: person };
    if (reg.tryOrganizationShape(tokens, bodyRun, gaz)) {
      mark(bodyRun.start, bodyRun.end);
      if (person !== undefined) candidates.push({ start: person, end: runToks.end });
      continue;
    }
    // A listed place of several words is one name even when a part is listed too ("North America").
    const placeRun = trimCandidate(tokens, runToks, c);
    if (placeRun && placeRun.end - placeRun.start > 1 && reg.tryListedPlace(tokens, placeRun)) {
      mark(placeRun.start, placeRun.end);
      continue;
    }
    // Split the run around listed names; the rest are candidate names.
    let i = runToks.start;
    let pending = i;
    while (i < runToks.end) {
      const m = gaz[i];
      if (m && m.end <= runToks.end && acceptHit(m, named) && !firstNameBeforeName(tokens, m, runToks, c)) {
        if (pending < i) candidates.push({ start: pending, end: i });
        reg.addHit(m.hit, tokens, m.start, m.end, 'lexicon');
        mark(m.start, m.end);
        i = m.end;
        pending = i;
      } else i++;
    }
    if (pending < runToks.end) candidates.push({ start: pending, end: runToks.end });
  }
  // Listed names outside capitalized runs ("the North", lowercase-led aliases).
  for (let i = 0; i < tokens.length; i++) {
    const m = gaz[i];
    if (!m || taken[i] || !acceptHit(m, named)) continue;
    if (taken.subarray(m.start, m.end).includes(1)) continue;
    reg.addHit(m.hit, tokens, m.start, m.end, 'lexicon');
    mark(m.start, m.end);
    i = m.end - 1;
  }

  reg.freeze();
  // 2. Candidate names: vessels, then persons (full names first, short forms after).
  const deferred: Run[] = [];
  const groups: GroupMention[] = [];
  for (const cand of candidates) {
    const trimmed = trimCandidate(tokens, cand, c);
    if (!trimmed) continue;
    const group = groupOf(tokens, trimmed, ctx.lexicons.groups);
    if (group) {
      groups.push(group);
      mark(trimmed.start, trimmed.end);
      continue;
    }
    if (reg.tryVessel(tokens, trimmed) || (trimmed.end - trimmed.start > 1 && reg.tryListedPlace(tokens, trimmed))) {
      mark(trimmed.start, trimmed.end);
      continue;
    }
    if (reg.tryPerson(tokens, trimmed)) mark(trimmed.start, trimmed.end);
    else deferred.push(trimmed);
  }
  const confirmed = reg.confirmWeakNames(tokens, deferred);
  reg.freeze();
  for (const cand of deferred) {
    if (confirmed.has(`${cand.start}:${cand.end}`)) {
      mark(cand.start, cand.end);
      continue;
    }
    if (reg.tryShortForm(tokens, cand) || reg.tryBodyAfterPerson(tokens, cand) || reg.tryGivenNameAlone(tokens, cand)) mark(cand.start, cand.end);
    else reg.addPlaceOrUnknown(tokens, cand);
  }

  reg.freeze();
  // 3. Bodies described from their state: "South Korea's foreign ministry", "the defence ministry in Seoul".
  reg.findDescribedBodies(tokens, taken);
  reg.findBodiesBySeat(tokens, taken);
  reg.findBodiesOfBodies(tokens, taken);
  reg.freeze();
  // 4. Descriptions of bodies that refer back: "the spy agency", "the Kiel-based institute".
  reg.resolveDescriptions(tokens, taken, 'bodies');
  reg.freeze();
  // 5. Roles and affiliations from the words around each person's mentions.
  for (const person of reg.persons()) findRoleAndAffiliation(person, tokens, reg, c);
  affiliationsFromPronouns(tokens, reg);
  reg.freeze();
  // 6. Descriptions of persons that refer back: "the analyst", "the Biden administration".
  reg.resolveDescriptions(tokens, taken, 'persons');
  reg.mergeCommaPlaces();
  return withLayer(doc, 'actors', { ...reg.layer(), groups });
}

/** A run first on its line, followed (after an optional "(Agency)") by a dash: a dateline. */
function isDateline(text: string, tokens: Token[], r: Run): boolean {
  if (!firstOnLine(text, tokens[r.start].start)) return false;
  let k = r.end;
  if (tokens[k]?.text === '(') {
    const close = tokens.slice(k, k + 8).findIndex((t) => t.text === ')');
    if (close < 0) return false;
    k += close + 1;
  }
  return /^(?:—|–|-|--)$/.test(tokens[k]?.text ?? '');
}

/**
 * Is only whitespace between the line's start and `at`? Walks back over that whitespace alone, never
 * to the line start itself: a paragraph of one line would make every run scan it all.
 */
export function firstOnLine(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const ch = text[i];
    if (ch === '\n') return true;
    if (!WHITESPACE.test(ch)) return false;
  }
  return true;
}
const WHITESPACE = /^\s$/; // the characters String.prototype.trim removes

/**
 * "Lee Cheuk-yan of the Labour Party", "Kwok Ka-ki and Andrew Wan": a run joined by "of", "from"
 * or "and" is two names when the part before it is neither a body word ("Ministry of ...",
 * "Center for Strategic and ...") nor a bare title ("Secretary of State").
 */
function splitAtOf(tokens: Token[], r: Run, c: Compiled): Run[] {
  for (let k = r.start + 1; k < r.end - 1; k++) {
    const w = tokens[k].text;
    if (w !== 'of' && w !== 'from' && w !== 'and') continue;
    const left = tokens.slice(r.start, k).map((t) => t.text);
    const bodyWord = (x: string) => c.heads.has(x) || c.leads.has(x) || c.placeHeads.has(x);
    // "Democratic Party and Tanya Chan": after "and", a body name that is already complete ends. A
    // word that can also lead a name ("Party of Regions") ends one here, since no "of" follows it.
    const last = left[left.length - 1];
    const complete = w === 'and' && bodyWord(last) && (!c.leads.has(last) || (left.length >= 2 && !left.includes('of') && !left.includes('for')));
    if (!complete && (left.some(bodyWord) || left.every((x) => c.titles.has(x) || x === '.'))) return [r];
    let right = k + 1;
    if (/^(?:the|The)$/.test(tokens[right].text)) right++;
    return right < r.end ? [{ start: r.start, end: k }, ...splitAtOf(tokens, { start: right, end: r.end }, c)] : [{ start: r.start, end: k }];
  }
  return [r];
}

/** A listed name counts unless it needs a context the report does not give. */
function acceptHit(m: Match, named: Set<string>): boolean {
  return m.hit.type !== 'country' || !m.hit.context || m.hit.context.some((code) => named.has(code));
}

/** "Israel Katz", "Jordan Peterson": a given name that is also a country, followed by a name. */
function firstNameBeforeName(tokens: Token[], m: Match, r: Run, c: Compiled): boolean {
  if (m.hit.type !== 'country' || m.end - m.start !== 1 || m.end >= r.end) return false;
  const next = tokens[m.end];
  return c.firstNames.has(tokens[m.start].text) && isCapitalized(next.text) && !c.heads.has(next.text) && !c.gazetteer.has(keyOf(next.text));
}

/** Drops function words and titles at the edges of a candidate name. */
function trimCandidate(tokens: Token[], r: Run, c: Compiled): Run | null {
  let { start, end } = r;
  while (start < end && (isFunctionWord(tokens[start].text) || tokens[start].text === '.')) start++;
  while (end > start && (isFunctionWord(tokens[end - 1].text) || c.particles.has(tokens[end - 1].text)) && !familyNameAfterGivenName(tokens, end - 1, start, c)) end--;
  return start < end ? { start, end } : null;
}

export const actorsStage: Stage = { name: STAGE, run };
