// The actors of one report as they are found: each new mention either joins a known actor
// (same listed entry, same name, a short form of a name) or starts a new one.
import type { Actor, ActorLayer, ActorType, Mention, MentionKind, PlaceMention, Token, TraceEvent } from '../../doc.js';
import type { Compiled, GazetteerHit } from './gazetteer.js';
import { keyOf } from './gazetteer.js';
import { isCapitalized, isFunctionWord, type Run } from './runs.js';
import { MentionIndex } from './mention-index.js';
import { lowerWordsOf } from '../segment/lower.js';
import { wholeWordPattern } from '../../word-pattern.js';

const STAGE = 'actors';

const slugs = new Map<string, string>();
/** Slugs already made, kept for the next documents up to a bound (names recur: "United States", "Kim"). */
const SLUG_CACHE = 20_000;

export const slug = (s: string): string => {
  let out = slugs.get(s);
  if (out === undefined) {
    out = s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/['’]/g, '').replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
    if (slugs.size >= SLUG_CACHE) slugs.clear();
    slugs.set(s, out);
  }
  return out;
};

/** Where a mention sits, by token index, so that later rules can ask "who is named here?". */
export interface TokenMention {
  actor: Actor;
  start: number;
  end: number;
}

/** A possessive mark written apart from its noun: "prosecutors’ office", "the agency's". */
const POSSESSIVE_MARK = /^(?:['’]|['’]s)$/;

/** Initials before a family name: "K.C.", "J.R.R.". */
const INITIALS = /^(?:\p{Lu}\.){1,3}$/u;

/** The SCOWL level of words frequent enough that a given name spelled like one ("Star", "Art") proves little. */
const FREQUENT = 35;

/** Bodies a report may introduce without a name and then refer back to ("a judicial panel" … "the panel"). */
const UNNAMED_BODIES = new Set(['panel', 'commission', 'committee', 'inquiry', 'tribunal', 'council', 'court', 'board', 'delegation', 'mission']);

const SPEECH_VERBS = new Set(['said', 'says', 'told', 'tells', 'added', 'explained', 'explains', 'noted', 'notes', 'warned',
  'argued', 'argues', 'wrote', 'writes', 'stated', 'claimed', 'claims', 'insisted', 'insists', 'believes', 'thinks',
  'estimated', 'estimates', 'recalled', 'recalls', 'replied', 'responded', 'observed', 'cautioned', 'acknowledged',
  'confirmed', 'denied', 'suggested', 'suggests', 'asked', 'pointed']);

const lastWords = new WeakMap<Compiled, ReadonlySet<string>>();

/** The words a description can end in: the last word of each body descriptor, and the person descriptors. */
function descriptorLastWords(c: Compiled): ReadonlySet<string> {
  let set = lastWords.get(c);
  if (!set) {
    set = new Set([...[...c.orgDescriptors.keys()].map((k) => k.split(' ').pop()!), ...c.personDescriptors]);
    lastWords.set(c, set);
  }
  return set;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export class ActorRegistry {
  private readonly actors = new Map<string, Actor>();
  private readonly byToken = new Map<number, TokenMention>();
  private readonly places: PlaceMention[] = [];
  private readonly orgByName = new Map<string, Actor>();
  private readonly seen = new Set<string>();
  /** Bodies by the last word of their name, to find "the Harbour Institute" as a short form. */
  /** Head word and each trailing part of an organization's name ("Institute|Harbour Institute") → the first body filed with it. */
  private readonly orgBySuffix = new Map<string, Actor>();
  private readonly index = new MentionIndex();
  /** Persons by the slug of every name they are known by. */
  private readonly personByName = new Map<string, Actor>();
  /** Persons by the slug of each short form of their name ("kim", "vasquez_oduya"). */
  private readonly personsByShort = new Map<string, Actor[]>();
  /** The same, only the persons the lexicon lists (public figures): a handful, however many the report names. */
  private readonly listedByShort = new Map<string, Actor[]>();
  /** The short forms each person is filed under. */
  private readonly shortsOf = new Map<Actor, Set<string>>();

  constructor(
    private readonly text: string,
    private readonly c: Compiled,
    /** Words the report writes in lowercase somewhere: evidence that a capitalized one is not a name. */
    private readonly lowerWords: ReadonlySet<string>,
    private readonly trace?: (e: TraceEvent) => void,
  ) {}

  organizations(): Actor[] {
    return [...this.actors.values()].filter((a) => a.type === 'organization');
  }

  persons(): Actor[] {
    return [...this.actors.values()].filter((a) => a.type === 'person');
  }

  /** The mention that starts at token i, if any. */
  mentionAt(i: number): TokenMention | undefined {
    return this.byToken.get(i);
  }

  /** The mention that ends just before token i, if any. */
  mentionEndingAt(i: number): TokenMention | undefined {
    for (let k = i - 1; k >= Math.max(0, i - 12); k--) {
      const m = this.byToken.get(k);
      if (m) return m.end === i ? m : undefined;
    }
    return undefined;
  }

  /** The text from token i to token j (exclusive), as written. */
  textOf(tokens: Token[], i: number, j: number): string {
    return j > i ? this.text.slice(tokens[i].start, tokens[j - 1].end) : '';
  }

  get(id: string): Actor | undefined {
    return this.actors.get(id);
  }

  /** Files a body, under the head word it was named with, by every trailing part of its name after a space, keeping the first body filed. */
  private indexSuffixes(actor: Actor, headWord: string): void {
    const words = actor.name.split(' ');
    for (let k = 1; k < words.length; k++) {
      const key = `${headWord}|${words.slice(k).join(' ')}`;
      if (!this.orgBySuffix.has(key)) this.orgBySuffix.set(key, actor);
    }
  }

  private ensure(id: string, type: ActorType, name: string, rule: string, extra: Partial<Actor> = {}): Actor {
    let a = this.actors.get(id);
    if (!a) {
      a = { id, type, name, aliases: [], mentions: [], rule, ...extra };
      this.actors.set(id, a);
      if (type === 'person') this.indexPerson(a);
    }
    return a;
  }

  private indexPerson(a: Actor): void {
    this.personByName.set(slug(a.name), a);
    const parts = a.name.split(/\s+/);
    const shorts = new Set([parts[parts.length - 1], this.c.surnamesFirst.has(parts[0]) || this.c.firstNames.has(parts[0]) ? parts[0] : ''].filter(Boolean).map(slug));
    const filed = this.shortsOf.get(a) ?? new Set<string>();
    this.shortsOf.set(a, filed);
    const listed = this.c.persons.has(a.id);
    for (const s of shorts) {
      // Appended in place: a report naming thousands of people who share a first name stays linear.
      pushTo(this.personsByShort, s, a);
      if (listed) pushTo(this.listedByShort, s, a);
      filed.add(s);
    }
  }

  /** Call between passes: later passes add mentions in text order again. */
  freeze(): void {
    this.index.freeze();
  }

  private unusedId(base: string): string {
    let id = base;
    for (let n = 2; this.actors.has(id); n++) id = `${base}_${n}`;
    return id;
  }

  mention(actor: Actor, tokens: Token[], s: number, e: number, kind: MentionKind, rule: string, titleFrom?: number): void {
    const start = tokens[s].start;
    const end = tokens[e - 1].end;
    const seenKey = `${actor.id}:${start}:${end}`;
    if (this.seen.has(seenKey)) return;
    this.seen.add(seenKey);
    this.index.add(start, actor);
    const m: Mention = { start, end, actor: actor.id, kind, stage: STAGE, rule };
    if (titleFrom !== undefined) m.withTitle = { start: tokens[titleFrom].start, end };
    actor.mentions.push(m);
    // A name inside a longer one ("Andy Warhol" in "Andy Warhol Foundation") leaves the longer one findable.
    const held = this.byToken.get(s);
    if (!held || held.end <= e) this.byToken.set(s, { actor, start: s, end: e });
    const surface = this.text.slice(start, end);
    if (surface !== actor.name && !actor.aliases.includes(surface)) {
      actor.aliases.push(surface);
      if (actor.type === 'person') this.personByName.set(slug(surface), actor);
    }
    this.trace?.({ stage: STAGE, rule, start, end, action: `${kind} of ${actor.id}` });
  }

  addHit(hit: GazetteerHit, tokens: Token[], s: number, e: number, rule: string): Actor {
    let actor: Actor;
    if (hit.type === 'country') {
      actor = this.ensure(hit.code, 'country', this.c.countryNames.get(hit.code) ?? hit.code, rule);
    } else if (hit.type === 'organization') {
      const o = hit.org;
      actor = this.ensure(o.id, 'organization', o.name, rule, o.country ? { country: o.country } : {});
      this.orgByName.set(slug(o.name), actor);
    } else {
      const p = hit.person;
      actor = this.ensure(p.id, 'person', p.name, rule);
      if (p.role && !actor.role) actor.role = p.role;
      if (p.affiliation && !actor.affiliation) actor.affiliation = p.affiliation;
      this.mention(actor, tokens, s, e, hit.kind, `${rule}:${hit.type}`, this.titleStart(tokens, s, s));
      return actor;
    }
    this.mention(actor, tokens, s, e, hit.kind, `${rule}:${hit.type}`);
    return actor;
  }

  /** "Osaka Institute for Peninsula Affairs", "Ministry of National Defence of North Korea". */
  tryOrganizationShape(tokens: Token[], r: Run, gaz: ({ start: number; end: number; hit: GazetteerHit } | undefined)[]): boolean {
    let { start, end } = r;
    // A leading "The" belongs to the name only for listed bodies.
    while (start < end && /^(?:The|the)$/.test(tokens[start].text)) start++;
    if (end - start < 2) return false;
    const words = tokens.slice(start, end).map((t) => t.text);
    const last = words[words.length - 1];
    // A head word ends the name, or is followed by its complement: "Carmel School of Strategy".
    // Titles alone before "of" are a person's office ("President of the Commission", "Secretary
    // General of NATO"), not a body's name; a body word after the title is ("General Administration of Customs").
    const joint = words.findIndex((w) => w === 'of' || w === 'for');
    const office = joint > 0 && words.slice(0, joint).every((w) => this.c.titles.has(w) || w === 'and');
    // "the Trump Administration": a leader's administration stands for the state (resolveDescriptions).
    // A lone rare word before it is most likely the leader's name ("the Obama Administration").
    if (last === 'Administration' && (this.c.gazetteer.get(keyOf(words[words.length - 2]))?.type === 'person'
      || (words.length === 2 && !this.isCommonWord(words[0]) && !this.c.heads.has(words[0]) && !this.c.leads.has(words[0]) && !this.c.gazetteer.has(keyOf(words[0]))))) return false;
    const byHead = !office && (this.c.heads.has(last)
      || words.some((w, k) => k >= 1 && k < words.length - 2 && this.c.heads.has(w) && (words[k + 1] === 'of' || words[k + 1] === 'for' || words[k + 1] === 'on')));
    const byLead = this.c.leads.has(words[0]) && (words[1] === 'of' || words[1] === 'for') && words.length > 2;
    if (!byHead && !byLead) return false;
    // "the Russian Embassy in Washington": a body abroad keeps its place in its name.
    if (this.c.missionNouns.has(last)) end = this.missionEnd(tokens, end - 1);
    // A person's title followed by a body ("President of the European Commission") is not one name.
    const name = this.text.slice(tokens[start].start, tokens[end - 1].end);
    let country: string | undefined;
    // The state that holds the body: "… of South Korea" ending the name, or "South Korea's" before it.
    let owner: string | undefined;
    let bodyEnd = end;
    const inner: { start: number; end: number; hit: GazetteerHit }[] = [];
    for (let i = start; i < end; i++) {
      const m = gaz[i];
      if (m && m.hit.type === 'country' && m.end <= end) {
        // "Panel of Experts on North Korea": a state after "on" is the body's subject, not its owner.
        if (!/^(?:on|about|into)$/.test(tokens[i - 1]?.text ?? '')) country ??= m.hit.code;
        // "United States Navy" names the United States too; an adjective ("Russian Railways") does not.
        if (m.hit.kind !== 'demonym' && !m.hit.place) inner.push(m);
        const of = tokens[i - 1]?.text === 'of' ? i - 1 : tokens[i - 1]?.text === 'the' && tokens[i - 2]?.text === 'of' ? i - 2 : -1;
        if (m.end === end && m.hit.kind !== 'demonym' && of > start + 1) {
          owner = m.hit.code;
          bodyEnd = of;
        }
        i = m.end - 1;
      }
    }
    const listed = gaz[start];
    if (listed && listed.end === end && listed.hit.type === 'organization') {
      const actor = this.addHit(listed.hit, tokens, start, end, 'lexicon');
      this.acronymAfter(actor, tokens, end); // "the UN Panel of Experts (PoE)"
      return true;
    }
    // "the Defense Ministry in Seoul": a ministry's seat after "in" gives its state.
    let seatEnd = end;
    const seat = tokens[end]?.text === 'in' ? gaz[end + 1] : undefined;
    if (!owner && seat?.hit.type === 'country' && this.c.portfolioHeads.has(last.toLowerCase())) {
      owner = seat.hit.code;
      seatEnd = seat.end;
    }
    let from = start;
    if (!owner && /^['’]s$/.test(tokens[start - 1]?.text ?? '')) {
      const held = this.mentionEndingAt(start - 1);
      if (held?.actor.type === 'country') {
        owner = held.actor.id;
        from = held.start;
      }
    }
    const key = slug(name);
    const body = this.textOf(tokens, start, bodyEnd);
    const ownerKey = owner ? `${owner}:${slug(body)}` : undefined;
    // "the Harbour Institute" after "the Baltic Harbour Institute": the same body, shortened.
    // Looked up by the whole short name among the trailing parts of longer names: a report naming
    // thousands of bodies with one head word ("Institute") stays linear.
    const headWord = name.split(/\s+/).pop() ?? '';
    const shortened = this.orgBySuffix.get(`${headWord}|${name}`);
    // A state's body is named the same way however the text puts the state: "Ministry of Defence of Russia".
    const canonical = owner ? `${body} of ${this.c.countryNames.get(owner) ?? owner}` : name;
    const actor = (ownerKey && this.orgByName.get(ownerKey)) || this.orgByName.get(key) || shortened
      || this.ensure(this.unusedId(`o_${slug(canonical)}`), 'organization', canonical, byHead ? 'org-head' : 'org-lead', owner ?? country ? { country: owner ?? country } : {});
    this.orgByName.set(key, actor);
    if (ownerKey) {
      this.orgByName.set(ownerKey, actor);
      // "the Ministry of National Defense" later: the same body when no other state's is named.
      if (!this.orgByName.has(slug(body))) this.orgByName.set(slug(body), actor);
    }
    if (!shortened) this.indexSuffixes(actor, headWord);
    this.mention(actor, tokens, from, seatEnd, 'name', byHead ? 'org-head' : 'org-lead');
    for (const m of inner) this.addHit(m.hit, tokens, m.start, m.end, 'inside-org-name');
    this.placesInside(tokens, start, end);
    this.founderInside(tokens, start, end);
    this.acronymAfter(actor, tokens, end);
    return true;
  }

  /**
   * "University of Texas Arlington Amneh Jafari heard …": a person's name written right after a
   * body's name runs on in the same capitalized run. The name is two or three words that are
   * neither ordinary words nor listed, after a listed place or opening with a given name. Returns
   * the token where the name starts.
   */
  personAfterBody(tokens: Token[], r: Run): number | undefined {
    const nameWord = (w: string) => /^\p{Lu}\p{Ll}+(?:-\p{L}\p{Ll}+)?$/u.test(w) && !this.isCommonWord(w)
      && !this.c.heads.has(w) && !this.c.leads.has(w) && !this.c.placeHeads.has(w) && !this.c.titles.has(w)
      && !this.c.gazetteer.has(keyOf(w)) && !this.c.places.has(keyOf(w));
    for (let n = 2; n <= 3; n++) {
      const t = r.end - n;
      if (t < r.start + 2) break;
      if (!tokens.slice(t, r.end).every((x) => nameWord(x.text))) continue;
      const before = keyOf(tokens[t - 1].text);
      if (this.c.firstNames.has(tokens[t].text) || this.c.places.has(before) || this.c.gazetteer.get(before)?.type === 'country') return t;
    }
    return undefined;
  }

  /** "International Crisis Group (ICG)": the acronym in brackets becomes an alias. */
  acronymAfter(actor: Actor, tokens: Token[], i: number): void {
    if (tokens[i]?.text !== '(' || tokens[i + 2]?.text !== ')') return;
    const acr = tokens[i + 1].text;
    if (!/^[A-Z][A-Za-z&.-]{1,9}$/.test(acr)) return;
    this.mention(actor, tokens, i + 1, i + 2, 'acronym', 'acronym-in-brackets');
    this.orgByName.set(slug(acr), actor);
    this.acronyms.set(acr, actor);
  }

  private readonly acronyms = new Map<string, Actor>();

  /** "the tanker Angara", "the Lady R, a Russian cargo ship". */
  tryVessel(tokens: Token[], r: Run): boolean {
    // "the tanker Angara", "a ship named Angara", "a Russian cargo ship, the Lady R"
    let p = r.start - 1;
    if (/^(?:the|The)$/.test(tokens[p]?.text ?? '')) p--;
    if (tokens[p]?.text === ',') p--;
    if (/^(?:named|called)$/.test(tokens[p]?.text ?? '')) p--;
    const lower = lowerWordsOf(tokens);
    const noun = (k: number) => k >= 0 && (this.c.vesselNouns.has(lower[k])
      || (k > 0 && this.c.vesselNouns.has(`${tokens[k - 1].text} ${tokens[k].text}`.toLowerCase())));
    const prevNoun = noun(p);
    let afterNoun = false;
    if (tokens[r.end]?.text === ',') {
      for (let k = r.end + 1; k < Math.min(tokens.length, r.end + 8); k++) {
        const w = lower[k];
        if (w === ',' || w === '.' || tokens[k].sentence !== tokens[r.start].sentence) break;
        if (this.c.vesselNouns.has(w) || this.c.vesselNouns.has(w.replace(/s$/, ''))) afterNoun = true;
      }
    }
    const precededByThe = r.start > 0 && /^(?:the|The)$/.test(tokens[r.start - 1].text);
    if (!prevNoun && !(afterNoun && precededByThe)) return false;
    const name = this.text.slice(tokens[r.start].start, tokens[r.end - 1].end);
    const actor = this.ensure(`v_${slug(name)}`, 'vessel', name, 'vessel-noun');
    this.mention(actor, tokens, r.start, r.end, 'name', prevNoun ? 'vessel-noun-before' : 'vessel-apposition');
    // The vessel's flag: a demonym or country right before the vessel noun or in the apposition.
    return true;
  }

  /**
   * A capitalized run that is a person's name, found by given name, title, role, speech verb or
   * apposition. The name is what follows the run's last title or connector, so "Deputy Prime
   * Minister and Minister of National Defence Mariusz Błaszczak" gives "Mariusz Błaszczak".
   */
  tryPerson(tokens: Token[], r: Run): boolean {
    const { end } = r;
    let start = r.start;
    for (let k = r.start; k < end - 1; k++) {
      const w = tokens[k].text;
      if (this.c.titles.has(w) || w === '.' || w === 'of' || w === 'for' || w === 'and' || w === 'the') start = k + 1;
      // "Painter Lotte Brannigan" opening a sentence: a role noun capitalized before a name of two words or more.
      else if (k === r.start && end - k >= 3 && this.c.roleNouns.has(w.toLowerCase())) start = k + 1;
    }
    // "Secretary of State Kerry", "Minister for Foreign Affairs Penny Wong", "High Commissioner for
    // Refugees": after a title's "of"/"for", the ordinary words name the office; the name, if any,
    // follows them (a given name ends the office early).
    let office = -1;
    for (let k = r.start + 1; k < start; k++) if (tokens[k].text === 'of' || tokens[k].text === 'for') office = k;
    if (office > 0 && this.c.titles.has(tokens[office - 1].text)) {
      start = office + 1;
      const officeWord = (w: string) => w === 'the' || ((this.isCommonWord(w) || this.c.titles.has(w)) && !this.c.firstNames.has(w));
      while (start < end && officeWord(tokens[start].text)) start++;
      if (start === end) return false;
    }
    // Titled when a title stands before the name; connectors alone ("Museum of Art") make no title.
    const titled = start > r.start && tokens.slice(r.start, start).some((t) => this.c.titles.has(t.text) || this.c.roleNouns.has(t.text.toLowerCase()));
    const n = end - start;
    if (n < 1 || n > 4) return false;
    const words = tokens.slice(start, end).map((t) => t.text);
    // A body or place word ends the name of a body or place, not of a person ("Grand Mosque"; but "Park Seo-yeon").
    const last = words[n - 1];
    if ((this.c.heads.has(last) || this.c.placeHeads.has(last)) && !this.c.firstNames.has(last)) return false;
    if (words.some((w) => this.c.heads.has(w) && !this.c.firstNames.has(w) && !this.c.surnamesFirst.has(w))) return false;
    // A name has a lowercase letter in each word ("DAB" is a body), initials first aside ("K.C.
    // Maurer"), and is not a bare title or body word.
    const initials = n >= 2 && INITIALS.test(words[0]) && /^\p{Lu}\p{Ll}/u.test(words[1]);
    if (words.some((w, k) => !/\p{Ll}/u.test(w) && w.length > 1 && !(k === 0 && initials))) return false;
    if (n === 1 && (this.c.titles.has(words[0]) || this.c.leads.has(words[0]) || this.c.roleNouns.has(words[0].toLowerCase()))) return false;
    // Persons take no article: "the Russian Far East said" is not a person.
    const isThe = (k: number) => /^(?:the|The)$/.test(tokens[k]?.text ?? '');
    // A given name that is also a common word, before a common word ("Star Wars", "Art Gallery",
    // "Red Cross"), proves nothing by itself: it needs one more piece of evidence below.
    const weakGiven = n >= 2 && this.isCommonWord(words[0], FREQUENT) && this.isCommonWord(words[n - 1]);
    const givenName = n >= 2 && this.c.firstNames.has(words[0]) && !weakGiven;
    if (!titled && !givenName && (isThe(start - 1) || (isThe(start - 2) && isCapitalized(tokens[start - 1].text)))) return false;
    const lower = lowerWordsOf(tokens);
    const prev = lower[start - 1] ?? '';
    const next = lower[end] ?? '';
    const evidence =
      (givenName && 'given-name')
      || (initials && 'initials')
      || (n === 1 && this.singleNameAfterRole(tokens, start) && 'role-before-single')
      || (n >= 2 && this.c.surnamesFirst.has(words[0]) && (words[1].includes('-') || (/^\p{Lu}\p{Ll}+$/u.test(words[1]) && !this.isCommonWord(words[1]))) && 'surname-first')
      || (titled && 'title')
      || (n >= 2 && this.c.roleNouns.has(prev) && 'role-before')
      || (n >= 2 && SPEECH_VERBS.has(next) && 'speech-verb-after')
      || (n >= 2 && SPEECH_VERBS.has(prev) && 'speech-verb-before')
      || (n >= 2 && next === ',' && tokens[end + 1]?.text === 'who' && 'relative-who')
      || (n >= 2 && prev === ',' && this.rolePhraseBefore(tokens, start - 1) && 'role-phrase-before')
      || (n >= 2 && next === ',' && this.appositionHasRole(tokens, end + 1) && 'role-apposition')
      || (n >= 2 && /-\p{Lu}/u.test(words[n - 1]) && 'double-barrelled')
      || (n >= 2 && n <= 3 && this.nameShaped(words) && 'name-shape');
    if (!evidence) {
      if (weakGiven && this.c.firstNames.has(words[0])) this.weakNames.push({ start, end });
      return false;
    }
    const name = this.text.slice(tokens[start].start, tokens[end - 1].end);
    const existing = this.findPersonByName(name);
    const actor = existing ?? this.ensure(this.unusedId(`p_${slug(name)}`), 'person', name, `person-${evidence}`);
    if (titled && !actor.role) actor.role = this.text.slice(tokens[r.start].start, tokens[start - 1].end).replace(/\.$/, '');
    this.mention(actor, tokens, start, end, existing ? 'short' : 'name', `person-${evidence}`, this.titleStart(tokens, r.start, start));
    return true;
  }

  /**
   * Where the titles written right before a name begin ("U.S. President Donald Trump"), or the one
   * role noun written in lowercase right before it ("barrister Colin Yeo"). A role noun after an
   * article, a possessive or "and" ("the mayor Luca Pastorino", "Tunisia's coach Nabil Maaloul")
   * heads a noun phrase of its own, set beside the name, and is left out; so is a plural one,
   * which heads a list ("politicians Lee Cheuk-yan and Frederick Fung").
   */
  private titleStart(tokens: Token[], runStart: number, nameStart: number): number | undefined {
    let k = runStart;
    if (k > 0 && k === nameStart && this.c.roleNouns.has(tokens[k - 1].text) && /^\p{Ll}/u.test(tokens[k - 1].text)) {
      if (/^(?:the|a|an|and|['’]s)$/i.test(tokens[k - 2]?.text ?? '')) return undefined;
      k--;
    }
    while (k > 0 && this.c.titles.has(tokens[k - 1].text)) k--;
    // "Ambassador to the United States Hamdullah Mohib": a title's complement naming a state or body.
    const complement = k === nameStart ? this.mentionEndingAt(k) : undefined;
    if (complement && complement.actor.type !== 'person') {
      let j = complement.start;
      if (/^(?:the|The)$/.test(tokens[j - 1]?.text ?? '')) j--;
      if (/^(?:to|of|for)$/.test(tokens[j - 1]?.text ?? '') && this.c.titles.has(tokens[j - 2]?.text ?? '')) {
        k = j - 2;
        while (k > 0 && this.c.titles.has(tokens[k - 1].text)) k--;
      }
    }
    const m = this.mentionEndingAt(k);
    if (m && m.actor.type === 'country' && k < nameStart && m.actor.mentions.some((x) => x.start === tokens[m.start].start && x.kind !== 'demonym')) k = m.start;
    return k < nameStart ? k : undefined;
  }

  /**
   * Two or three capitalized words with nothing else to say what they are: in news prose that is
   * most often a person ("Sergey Brin"), unless a word is known as something else or the report
   * writes one of them in lowercase elsewhere ("Civic Passion" when "passion" occurs).
   */
  private nameShaped(words: string[]): boolean {
    // Words that English writes in lowercase ("Internet Explorer", "Chapel Hill"), or a first word
    // that is already a named person's family name ("Warhol Polaroids"), make no new person's name.
    if (words.every((w) => this.isCommonWord(w)) || this.personsByShort.has(slug(words[0]))) return false;
    // A word that opens a listed name ("Ho" of "Ho Chi Minh City") only counts against a name it opens too.
    return words.every((w, k) => /^\p{Lu}[\p{Ll}'’]+(?:-\p{L}\p{Ll}+)?$/u.test(w)
      && !this.c.titles.has(w) && !this.c.leads.has(w) && !this.c.heads.has(w) && !this.c.placeHeads.has(w)
      && !this.c.eventWords.has(w) && !this.c.eventWords.has(w.split('-')[0]) && !this.c.gazetteer.has(keyOf(w)) && (k > 0 || !this.c.starts.has(w))
      && !this.lowerWords.has(w.toLowerCase()));
  }

  /**
   * "fashion designer Halston", "the singer Rihanna": one rare capitalized word right after a role
   * noun, ending the phrase, is a person known by one name (unless it is a short form of someone
   * named in full, which the short-form rule takes).
   */
  private singleNameAfterRole(tokens: Token[], i: number): boolean {
    const w = tokens[i].text;
    const prev = tokens[i - 1]?.text ?? '';
    return /^\p{Lu}\p{Ll}+$/u.test(w) && /^\p{Ll}/u.test(prev) && this.c.roleNouns.has(prev) && !this.isCommonWord(w)
      && !this.personsByShort.has(slug(w)) && !this.c.gazetteer.has(keyOf(w)) && !this.c.places.has(keyOf(w))
      && !this.c.heads.has(w) && !this.c.placeHeads.has(w) && !isCapitalized(tokens[i + 1]?.text ?? 'x');
  }

  /** Is the word, lowercased, an English word at most this rare (SCOWL level, 10 to 50)? */
  private isCommonWord(w: string, level = 50): boolean {
    return (this.c.commonWords.get(w.toLowerCase()) ?? Infinity) <= level;
  }

  /** Before ", Name": does a role noun stand within the clause ("Co-founder of Google, Sergey Brin")? */
  private rolePhraseBefore(tokens: Token[], comma: number): boolean {
    for (let k = comma - 1; k >= Math.max(0, comma - 6); k--) {
      const w = tokens[k].text;
      if (/^[,.;:"“”]$/.test(w)) return false;
      if (this.c.roleNouns.has(w.toLowerCase())) return true;
    }
    return false;
  }

  /** After "Name,": does a role noun come before the next comma or preposition? */
  private appositionHasRole(tokens: Token[], i: number): boolean {
    // An apposition opens with an article or a word of its own, not a preposition (", with illustrator …").
    const first = tokens[i]?.text ?? '';
    if (isFunctionWord(first) && !/^(?:a|an|the)$/i.test(first)) return false;
    for (let k = i; k < Math.min(tokens.length, i + 8); k++) {
      const w = tokens[k].text;
      if (w === ',' || w === '.' || w === ';') return false;
      if (this.c.roleNouns.has(w.toLowerCase())) return true;
    }
    return false;
  }

  private findPersonByName(name: string): Actor | undefined {
    return this.personByName.get(slug(name));
  }

  /** "Kim", "Vasquez-Oduya": a later short form of a person named in full (most recent wins). */
  tryShortForm(tokens: Token[], r: Run): boolean {
    const name = this.text.slice(tokens[r.start].start, tokens[r.end - 1].end);
    const key = slug(name);
    const at = tokens[r.start].start;
    // "the Monitor", "the Institute": a body named earlier, by the last word of its name.
    if (r.end - r.start === 1 && r.start > 0 && /^(?:the|The)$/.test(tokens[r.start - 1].text)) {
      const org = this.lastActorBefore(at, (a) => a.type === 'organization' && a.name.split(/\s+/).pop() === name && a.name !== name);
      if (org) {
        this.mention(org, tokens, r.start - 1, r.end, 'short', 'org-head-word');
        return true;
      }
    }
    // Ambiguous short forms ("Kim") go to a listed public figure first, then to the most recent.
    const listed = (this.listedByShort.get(key) ?? []).filter((a) => a.name !== name);
    let best: Actor | undefined;
    if (listed.length) best = listed.length > 1 ? this.index.lastBefore(at, (a) => listed.includes(a)) ?? listed[0] : listed[0];
    else {
      // The first two of everyone filed under the short form, without copying the list: the most
      // recent of them wins when there are two or more.
      let first: Actor | undefined;
      let second: Actor | undefined;
      for (const a of this.personsByShort.get(key) ?? []) {
        if (a.name === name) continue;
        if (!first) first = a;
        else {
          second = a;
          break;
        }
      }
      best = second ? this.index.lastBefore(at, (a) => a.name !== name && !!this.shortsOf.get(a)?.has(key)) ?? first : first;
    }
    if (!best) {
      // "Labour" after "Labour Party": a body by its name without the head word.
      const body = this.lastActorBefore(at, (a) => {
        if (a.type !== 'organization') return false;
        const parts = a.name.replace(/^the\s+/i, '').split(/\s+/);
        return parts.length === 2 && this.c.heads.has(parts[1]) && parts[0] === name;
      });
      if (body) {
        this.mention(body, tokens, r.start, r.end, 'short', 'org-without-head');
        return true;
      }
      const acr = this.acronyms.get(name) ?? this.orgByName.get(key);
      if (acr) {
        this.mention(acr, tokens, r.start, r.end, 'acronym', 'acronym-later');
        return true;
      }
      // "Warhol Polaroids", "the Warhol Factory": the family name of a person named in full, used
      // before the name of a thing, is a mention of that person; the thing is no actor.
      // A place's or a body's name ("Chiang Kai Shek Memorial Hall") is left whole to the place rules.
      const last = tokens[r.end - 1].text;
      const named = r.end - r.start >= 2 && !this.c.placeHeads.has(last) && !this.c.heads.has(last);
      const owners = named ? (this.personsByShort.get(slug(tokens[r.start].text)) ?? []).filter((a) => a.name.includes(' ')) : [];
      if (owners.length === 1) {
        this.mention(owners[0], tokens, r.start, r.start + 1, 'short', 'short-form-modifier');
        return true;
      }
      return false;
    }
    this.mention(best, tokens, r.start, r.end, 'short', 'short-form');
    return true;
  }

  /** Names whose only evidence was a given name spelled like an ordinary word ("Bill Gates"). */
  private readonly weakNames: Run[] = [];

  /**
   * "Bill Gates … Gates said": a name whose given name is an ordinary word is a person after all
   * when its family name stands alone elsewhere in the report. Returns the runs it made persons.
   */
  confirmWeakNames(tokens: Token[], deferred: readonly Run[]): Set<string> {
    const alone = new Set<string>();
    for (const r of deferred) if (r.end - r.start === 1) alone.add(tokens[r.start].text);
    const made = new Set<string>();
    for (const r of this.weakNames) {
      const family = tokens[r.end - 1].text;
      if (!alone.has(family) || this.c.heads.has(family) || this.c.placeHeads.has(family)) continue;
      const name = this.textOf(tokens, r.start, r.end);
      const actor = this.findPersonByName(name) ?? this.ensure(this.unusedId(`p_${slug(name)}`), 'person', name, 'person-given-name-confirmed');
      this.mention(actor, tokens, r.start, r.end, 'name', 'person-given-name-confirmed');
      made.add(`${r.start}:${r.end}`);
    }
    return made;
  }

  /**
   * "pictures of Marilyn": a listed given name standing alone inside a sentence and heading its
   * phrase, that is no ordinary word and no short form of someone named in full, is a person known
   * by that name.
   */
  tryGivenNameAlone(tokens: Token[], r: Run): boolean {
    if (r.end - r.start !== 1) return false;
    const w = tokens[r.start].text;
    if (!this.c.firstNames.has(w) || this.isCommonWord(w) || this.c.surnamesFirst.has(w) || this.c.places.has(keyOf(w))) return false;
    if (r.start === 0 || tokens[r.start - 1].sentence !== tokens[r.start].sentence) return false;
    // It heads its phrase: not before a noun ("Bradley infantry fighting vehicles") or another name.
    const next = tokens[r.end]?.text ?? '.';
    if (/^[\p{L}\p{N}]/u.test(next) && !isFunctionWord(next)) return false;
    // "Simon's Town", "Martha's Vineyard": a place named with a possessive.
    if (/^['’]s$/.test(next) && isCapitalized(tokens[r.end + 1]?.text ?? 'x')) return false;
    const actor = this.findPersonByName(w) ?? this.ensure(this.unusedId(`p_${slug(w)}`), 'person', w, 'person-given-name-alone');
    this.mention(actor, tokens, r.start, r.end, 'name', 'person-given-name-alone');
    return true;
  }

  /**
   * "Raymond Chan of People Power", "Cheng Chung-tai of Civic Passion": capitalized ordinary words
   * that no other rule claims, right after "<person> of|from (the)", name the body the person
   * belongs to.
   */
  tryBodyAfterPerson(tokens: Token[], r: Run): boolean {
    if (r.end - r.start < 2) return false;
    const words = tokens.slice(r.start, r.end).map((t) => t.text);
    if (!words.every((w) => this.isCommonWord(w)) || this.c.placeHeads.has(words[words.length - 1])) return false;
    // The name ends the phrase: not "the Social Welfare constituency", "New People's Party".
    const next = tokens[r.end]?.text ?? '.';
    if (/^['’]s$/.test(next) || (/^\p{L}/u.test(next) && !isFunctionWord(next))) return false;
    let p = r.start - 1;
    if (/^(?:the|The)$/.test(tokens[p]?.text ?? '')) p--;
    if (!/^(?:of|from)$/.test(tokens[p]?.text ?? '')) return false;
    const owner = this.mentionEndingAt(p);
    if (!owner || owner.actor.type !== 'person') return false;
    const name = this.textOf(tokens, r.start, r.end);
    const key = slug(name);
    const actor = this.orgByName.get(key) ?? this.ensure(this.unusedId(`o_${key}`), 'organization', name, 'body-after-person');
    this.orgByName.set(key, actor);
    this.mention(actor, tokens, r.start, r.end, 'name', 'body-after-person');
    return true;
  }

  /** A person named at the head of a body's name ("Andy Warhol Foundation", "Kim Il Sung University"). */
  private founderInside(tokens: Token[], start: number, end: number): void {
    const nameWord = (k: number) => k < end - 1 && /^\p{Lu}\p{Ll}+(?:-\p{L}\p{Ll}+)?$/u.test(tokens[k].text)
      && !this.c.heads.has(tokens[k].text) && !this.c.leads.has(tokens[k].text) && !this.c.placeHeads.has(tokens[k].text)
      && !this.c.gazetteer.has(keyOf(tokens[k].text));
    const given = this.c.firstNames.has(tokens[start].text) || this.c.surnamesFirst.has(tokens[start].text);
    if (!given || !nameWord(start) || !nameWord(start + 1)) return;
    const stop = nameWord(start + 2) && this.c.surnamesFirst.has(tokens[start].text) ? start + 3 : start + 2;
    // "Irving Independent School District", "Tang Teaching Museum": ordinary words after the first make no name.
    if (tokens.slice(start + 1, stop).every((t) => this.isCommonWord(t.text))) return;
    const name = this.text.slice(tokens[start].start, tokens[stop - 1].end);
    const actor = this.findPersonByName(name) ?? this.ensure(this.unusedId(`p_${slug(name)}`), 'person', name, 'person-in-body-name');
    this.mention(actor, tokens, start, stop, 'name', 'person-in-body-name');
  }

  /** Listed places named inside a body's name ("University of Texas Arlington"), one word or more. */
  private placesInside(tokens: Token[], start: number, end: number): void {
    for (let i = start; i < end; i++) {
      for (let n = Math.min(3, end - i); n >= 1; n--) {
        if (this.tryListedPlace(tokens, { start: i, end: i + n }, 'place-inside-name')) {
          i += n - 1;
          break;
        }
      }
    }
  }

  /** A dateline ("SEOUL —"): a place, with its state when the place is listed. */
  addDateline(tokens: Token[], r: Run): void {
    const start = tokens[r.start].start;
    const end = tokens[r.end - 1].end;
    const listed = this.c.places.get(tokens.slice(r.start, r.end).map((t) => keyOf(t.text)).join(' '));
    this.places.push({ start, end, stage: STAGE, rule: 'dateline', country: listed?.country, lat: listed?.lat, lon: listed?.lon, name: this.text.slice(start, end) });
  }

  /** A whole candidate that is a listed place ("North Africa", "Tumen River"). */
  tryListedPlace(tokens: Token[], r: Run, rule = 'place-lexicon'): boolean {
    const key = tokens.slice(r.start, r.end).map((t) => keyOf(t.text)).join(' ');
    const listed = this.c.places.get(key);
    if (!listed) return false;
    const start = tokens[r.start].start;
    const end = tokens[r.end - 1].end;
    this.places.push({ start, end, stage: STAGE, rule, country: listed.country, lat: listed.lat, lon: listed.lon, name: this.text.slice(start, end) });
    return true;
  }

  /**
   * A capitalized name no person rule claimed: a listed place, a place or facility by its head
   * word ("Tumen River"), an unknown acronym taken for a body ("the FTU said"), or a place when
   * a locative preposition leads to it.
   */
  addPlaceOrUnknown(tokens: Token[], r: Run): void {
    const start = tokens[r.start].start;
    const end = tokens[r.end - 1].end;
    const name = this.text.slice(start, end);
    const key = tokens.slice(r.start, r.end).map((t) => keyOf(t.text)).join(' ');
    const listed = this.c.places.get(key);
    const place = (rule: string): void => {
      this.places.push({ start, end, stage: STAGE, rule, country: listed?.country, lat: listed?.lat, lon: listed?.lon, name });
    };
    if (listed) return place('place-lexicon');
    const words = tokens.slice(r.start, r.end).map((t) => t.text);
    if (words.length >= 2 && this.c.placeHeads.has(words[words.length - 1])) {
      place('place-head');
      // "the Chiang Kai Shek Memorial", "Andy Warhol Museum": the person a place is named after.
      this.founderInside(tokens, r.start, r.end);
      return;
    }
    // An unknown all-capital word is a body's acronym ("the FTU said"), unless it holds a digit
    // (a model or version: "IE6", "KN-23") or is a known non-body ("ICBM").
    if (words.length === 1 && /^[A-Z][A-Z&-]{1,7}$/.test(name) && /[A-Z]{2}/.test(name) && !this.c.notBodies.has(name)) {
      const actor = this.orgByName.get(slug(name)) ?? this.ensure(this.unusedId(`o_${slug(name)}`), 'organization', name, 'acronym-shape');
      this.orgByName.set(slug(name), actor);
      this.mention(actor, tokens, r.start, r.end, 'acronym', 'acronym-shape');
      return;
    }
    const prev = lowerWordsOf(tokens)[r.start - 1];
    if (prev && /^(?:in|near|from|into|outside|across|via)$/.test(prev)) place('place-after-preposition');
  }

  /** "South Korea's foreign ministry", "the Russian defence ministry", "the North's defence ministry". */
  findDescribedBodies(tokens: Token[], taken: Uint8Array): void {
    for (const [i, m] of [...this.byToken.entries()].sort((a, b) => a[0] - b[0])) {
      if (m.actor.type !== 'country') continue;
      let k = m.end;
      const possessive = /^['’]s$/.test(tokens[k]?.text ?? '');
      if (possessive) k++;
      const article = i > 0 && /^(?:the|The)$/.test(tokens[i - 1].text);
      // "Ukrainian military intelligence", "U.S. customs": a bare state modifier, but not a capital ("Moscow police").
      const listed = this.c.gazetteer.get(tokens.slice(i, m.end).map((t) => keyOf(t.text)).join(' '));
      if (!possessive && !article && listed?.type === 'country' && listed.place) continue;
      let j = k;
      // "mission" names a body only with its place: "North Korea's mission to the UN".
      const bodyNoun = (x: number) => this.c.orgNouns.has(tokens[x].text) || this.missionEnd(tokens, x) > x + 1;
      // "prosecutor general's office": a possessive mark may stand inside the description.
      const word = (x: number) => /^\p{Ll}[\p{Ll}-]*$/u.test(tokens[x].text) || (x > k && POSSESSIVE_MARK.test(tokens[x].text));
      while (j < Math.min(tokens.length, k + 4) && word(j) && !bodyNoun(j) && !taken[j]) j++;
      if (j >= tokens.length || !bodyNoun(j) || taken[j]) continue;
      if (j - k > 3) continue;
      // "military intelligence", "border police": a body noun may modify the one that heads the name.
      while (j + 1 < tokens.length && this.c.orgNouns.has(tokens[j + 1].text) && !taken[j + 1]) j++;
      // With no article or possessive only an agency noun makes a body: "Russian military equipment" names none.
      // Nor does one that modifies a noun after it: "South Korean intelligence officials", "Russian customs records"
      // (unnamed officials and records of the state).
      if (!possessive && !article && !this.c.agencyNouns.has(tokens[j].text)) continue;
      // An agency noun before a source noun is the state's, with or without article: "Russia's customs records".
      if (this.c.agencyNouns.has(tokens[j].text) && this.modifiedNoun(tokens[j + 1]?.text ?? '.')) continue;
      const s = article && !possessive ? i - 1 : i;
      const stop = this.missionEnd(tokens, j);
      const name = this.text.slice(tokens[s].start, tokens[stop - 1].end);
      // "Britain's government", "the Syrian government": the state itself speaks.
      if (/^(?:government|administration|leadership|authorities)$/.test(tokens[j].text)) {
        this.mention(m.actor, tokens, s, j + 1, 'alias', 'government-of-state');
        taken.fill(1, s, j + 1);
        continue;
      }
      const key = `${m.actor.id}:${slug(this.text.slice(tokens[k].start, tokens[stop - 1].end))}`;
      const place = stop > j + 1 ? `_${slug(this.textOf(tokens, j + 2, stop).replace(/^the\s+/i, ''))}` : '';
      const actor = this.orgByName.get(key) ?? this.ensure(this.unusedId(`o_${slug(m.actor.id)}_${slug(tokens[j].text)}${place}`), 'organization', name, 'body-of-state', { country: m.actor.id });
      this.orgByName.set(key, actor);
      this.mention(actor, tokens, s, stop, 'name', 'body-of-state');
      taken.fill(1, s, j + 1);
    }
  }

  /**
   * "the UN's panel of experts", "a UN expert panel", "the Security Council panel of experts on
   * North Korea": a body of a named body, described by a body noun a report may introduce without a
   * name (panel, committee, commission …), after an article or the owner's possessive.
   */
  findBodiesOfBodies(tokens: Token[], taken: Uint8Array): void {
    const isArticle = (x: number) => /^(?:a|an|the)$/i.test(tokens[x]?.text ?? '');
    for (const [i, m] of [...this.byToken.entries()].sort((a, b) => a[0] - b[0])) {
      if (m.actor.type !== 'organization') continue;
      let k = m.end;
      const possessive = /^['’]s$/.test(tokens[k]?.text ?? '');
      if (possessive) k++;
      // "the now-disbanded UN panel": one lowercase modifier may stand between the article and the owner.
      const s = isArticle(i - 1) ? i - 1 : isArticle(i - 2) && /^\p{Ll}[\p{Ll}-]*$/u.test(tokens[i - 1].text) ? i - 2 : -1;
      if (!possessive && s < 0) continue;
      let j = k;
      while (j < Math.min(tokens.length, k + 3) && /^\p{Ll}[\p{Ll}-]*$/u.test(tokens[j].text) && !UNNAMED_BODIES.has(tokens[j].text) && !isFunctionWord(tokens[j].text) && !taken[j]) j++;
      if (j >= tokens.length || !UNNAMED_BODIES.has(tokens[j].text) || taken[j]) continue;
      // Its complements: "of experts", "on North Korea".
      let stop = j + 1;
      if (tokens[stop]?.text === 'of' && /^\p{Ll}+s$/u.test(tokens[stop + 1]?.text ?? '')) stop += 2;
      const on = tokens[stop]?.text === 'on' ? this.byToken.get(stop + 1) : undefined;
      if (on && on.actor.type !== 'person') stop = on.end;
      const from = possessive ? i : s;
      const phrase = this.textOf(tokens, k, stop);
      const key = `${m.actor.id}:${slug(phrase)}`;
      const owner = this.textOf(tokens, i, m.end);
      const name = possessive ? `${owner}'s ${phrase}` : `${owner} ${phrase}`;
      const actor = this.orgByName.get(key)
        ?? this.ensure(this.unusedId(`${m.actor.id}_${slug(tokens[j].text)}`), 'organization', name, 'body-of-body', m.actor.country ? { country: m.actor.country } : {});
      this.orgByName.set(key, actor);
      this.mention(actor, tokens, from, stop, 'name', 'body-of-body');
      taken.fill(1, from, j + 1);
    }
  }

  /**
   * "the defence ministry in Seoul": a body described by its noun and the seat of its state after
   * "in" is that state's body (one actor with "South Korea's defence ministry").
   */
  findBodiesBySeat(tokens: Token[], taken: Uint8Array): void {
    for (const [i, m] of [...this.byToken.entries()].sort((a, b) => a[0] - b[0])) {
      if (m.actor.type !== 'country' || tokens[i - 1]?.text !== 'in' || i < 3) continue;
      const j = i - 2;
      if (!this.c.orgNouns.has(tokens[j].text) || this.c.missionNouns.has(tokens[j].text) || taken[j]) continue;
      let s = j - 1;
      while (s >= Math.max(0, j - 3) && /^\p{Ll}[\p{Ll}-]*$/u.test(tokens[s].text) && !isFunctionWord(tokens[s].text) && !taken[s]) s--;
      if (s < 0 || !/^(?:the|The)$/.test(tokens[s].text) || /^(?:government|administration|leadership|authorities)$/.test(tokens[j].text)) continue;
      const key = `${m.actor.id}:${slug(this.textOf(tokens, s + 1, j + 1))}`;
      const actor = this.orgByName.get(key) ?? this.ensure(this.unusedId(`o_${slug(m.actor.id)}_${slug(tokens[j].text)}`), 'organization', this.textOf(tokens, s, m.end), 'body-by-seat', { country: m.actor.id });
      this.orgByName.set(key, actor);
      this.mention(actor, tokens, s, m.end, 'name', 'body-by-seat');
      taken.fill(1, s, j + 1);
    }
  }

  /**
   * Where the name of a state's body abroad ends: "embassy in Washington", "Mission to the United
   * Nations" take the place after "in"/"to"/"at" (a named actor or capitalized words). Returns j + 1
   * when token j is no mission noun or no place follows.
   */
  private missionEnd(tokens: Token[], j: number): number {
    if (!this.c.missionNouns.has(tokens[j].text) || !/^(?:in|to|at)$/.test(tokens[j + 1]?.text ?? '')) return j + 1;
    let k = j + 2;
    const named = this.byToken.get(k) ?? (tokens[k]?.text === 'the' ? this.byToken.get(k + 1) : undefined);
    if (named && named.actor.type !== 'person') return named.end;
    if (tokens[k]?.text === 'the') k++;
    let end = k;
    while (end < Math.min(tokens.length, k + 4) && tokens[end].sentence === tokens[j].sentence && isCapitalized(tokens[end].text) && !isFunctionWord(tokens[end].text)) end++;
    return end > k ? end : j + 1;
  }

  /** Is this a noun that the word before it modifies: a source, an account, a role or a body ("officials", "records", "chief")? */
  private modifiedNoun(next: string): boolean {
    return this.c.sourceNouns.has(next) || this.c.roleNouns.has(next) || this.c.roleNouns.has(next.replace(/s$/, '')) || this.c.orgNouns.has(next);
  }

  /**
   * "the spy agency" → the last intelligence body; "the analyst" → the last analyst; "the Biden
   * administration" → US. Bodies go first, so that a person's role can name one ("an analyst with
   * the institute"); persons after roles are known.
   */
  resolveDescriptions(tokens: Token[], taken: Uint8Array, pass: 'bodies' | 'persons'): void {
    const lower = lowerWordsOf(tokens);
    const lasts = descriptorLastWords(this.c);
    for (let i = 0; i < tokens.length - 1; i++) {
      if ((tokens[i].text !== 'the' && tokens[i].text !== 'The') || taken[i + 1]) continue;
      // a description ends in a descriptor word within three tokens; without one nothing below applies
      if (!lasts.has(lower[i + 1]) && !lasts.has(lower[i + 2]) && !lasts.has(lower[i + 3]) && !lasts.has(lower[i + 4])) continue;
      // Up to two modifiers, then the noun (one or two words); a possessive mark may join them ("the prosecutors' office").
      for (let n = 1; n <= 4 && i + n < tokens.length; n++) {
        const words = tokens.slice(i + 1, i + 1 + n).map((t) => t.text);
        // A modifier may be a demonym already recognized ("the Russian president").
        if (words.some((w, k) => (taken[i + 1 + k] && (k === n - 1 || this.countryOfWord(w) === undefined))
          || !(/^[\p{L}-]+$/u.test(w) || (k > 0 && POSSESSIVE_MARK.test(w))))) break;
        if (POSSESSIVE_MARK.test(words[n - 1])) continue;
        const content = words.filter((w) => !POSSESSIVE_MARK.test(w));
        if (content.length > 3) break;
        const last = content[content.length - 1].toLowerCase();
        const two = content.length >= 2 ? `${content[content.length - 2].toLowerCase()} ${last}` : '';
        const orgWords = this.c.orgDescriptors.get(two) ?? this.c.orgDescriptors.get(last);
        const upto = i + 1 + n;
        // "the customs agency": a longer description goes on past "customs".
        if (orgWords && n < 4 && this.c.orgDescriptors.has(`${last} ${lower[upto] ?? ''}`)) continue;
        if (orgWords && !(isCapitalized(words[n - 1]) && !this.c.heads.has(words[n - 1]))) {
          if (pass === 'persons') break;
          const before = tokens[i].start;
          const target = this.lastActorBefore(before, (a) => a.type === 'organization' && a.name.split(/\s+/).some((w) => orgWords.some((x) => x.toLowerCase() === w.toLowerCase())));
          const introduced = target ?? (UNNAMED_BODIES.has(last) ? this.introducedBody(tokens, i, last) : undefined);
          if (introduced) {
            this.mention(introduced, tokens, i, upto, 'descriptor', target ? 'org-description' : 'unnamed-body');
            taken.fill(1, i, upto);
          }
          break;
        }
        if (this.c.personDescriptors.has(last) && !(upto < tokens.length && isCapitalized(tokens[upto].text))) {
          // "the prosecutor general's office": a person's title owning a body goes on.
          if (POSSESSIVE_MARK.test(tokens[upto]?.text ?? '')) continue;
          if (pass === 'bodies') break;
          const modifiers = words.slice(0, n - 1).map(keyOf);
          const named = wholeWordPattern(last);
          const target = this.lastActorBefore(tokens[i].start, (a) => a.type === 'person' && !!a.role && named().test(a.role)
            && modifiers.every((w) => !isCapitalized(w) || this.countryOfWord(w) === undefined || this.countryOfWord(w) === a.affiliation));
          if (target) {
            // "the Secretary of State": a capitalized title keeps its capitalized "of" complement.
            let stop = upto;
            if (isCapitalized(words[n - 1]) && tokens[stop]?.text === 'of') {
              let k = stop + 1;
              while (k < Math.min(tokens.length, stop + 4) && isCapitalized(tokens[k].text) && !isFunctionWord(tokens[k].text)) k++;
              if (k > stop + 1) stop = k;
            }
            this.mention(target, tokens, i, stop, 'descriptor', 'person-description');
            taken.fill(1, i, stop);
          }
          break;
        }
      }
    }
    // "the Biden administration": a leader's administration stands for the leader's state.
    for (let i = 1; pass === 'persons' && i < tokens.length; i++) {
      // only a word of 14 letters lowercases to "administration"
      if (tokens[i].text.length !== 14 || lower[i] !== 'administration') continue;
      const m = this.mentionEndingAt(i);
      if (!m || m.actor.type !== 'person' || !m.actor.affiliation || !/^[A-Z]{2}$/.test(m.actor.affiliation)) continue;
      const country = this.ensure(m.actor.affiliation, 'country', this.c.countryNames.get(m.actor.affiliation) ?? m.actor.affiliation, 'administration');
      const s = m.start > 0 && /^(?:the|The)$/.test(tokens[m.start - 1].text) ? m.start - 1 : m.start;
      this.mention(country, tokens, s, i + 1, 'alias', 'leader-administration');
    }
  }

  /**
   * "President Cyril Ramaphosa appointed a judicial panel … The panel found …": a body the report
   * introduces without a name becomes an actor named by its description when referred back to.
   */
  private introducedBody(tokens: Token[], before: number, noun: string): Actor | undefined {
    const lower = lowerWordsOf(tokens);
    for (let j = before - 1; j >= Math.max(0, before - 400); j--) {
      if (lower[j] !== noun) continue;
      let k = j - 1;
      while (k >= j - 2 && k >= 0 && /^\p{Ll}[\p{Ll}-]*$/u.test(tokens[k].text) && !/^(?:a|an|the)$/.test(tokens[k].text)) k--;
      if (k < 0 || !/^(?:a|an)$/i.test(tokens[k].text)) continue;
      const name = this.textOf(tokens, k + 1, j + 1);
      const actor = this.ensure(this.unusedId(`o_${slug(name)}`), 'organization', name, 'unnamed-body');
      this.mention(actor, tokens, k, j + 1, 'descriptor', 'unnamed-body');
      return actor;
    }
    return undefined;
  }

  countryOfWord(w: string): string | undefined {
    const hit = this.c.gazetteer.get(keyOf(w));
    return hit?.type === 'country' ? hit.code : undefined;
  }

  /**
   * "a Kiel-based institute", "a maritime research group": a body described, not named, after an
   * article, with one or two lowercase or "X-based" modifiers before a body noun. Becomes an actor
   * named by its description.
   */
  unnamedBodyAt(tokens: Token[], i: number): Actor | undefined {
    if (!/^(?:a|an|the)$/i.test(tokens[i]?.text ?? '')) return undefined;
    for (let n = 1; n <= 3 && i + n < tokens.length; n++) {
      const w = tokens[i + n].text;
      if (this.byToken.has(i + n) || !/^(?:\p{Ll}[\p{Ll}-]*|\p{Lu}\p{Ll}+-based)$/u.test(w)) return undefined;
      const two = n >= 2 ? `${tokens[i + n - 1].text} ${w}` : '';
      if (!this.c.orgDescriptors.has(two) && !this.c.orgDescriptors.has(w)) continue;
      // "the company" alone says too little to be an actor; "a research institute report" is no body.
      if (n < 2 || /^\p{Ll}/u.test(tokens[i + n + 1]?.text ?? '')) return undefined;
      const name = this.textOf(tokens, i + 1, i + n + 1);
      const actor = this.orgByName.get(slug(name)) ?? this.ensure(this.unusedId(`o_${slug(name)}`), 'organization', name, 'unnamed-body');
      this.orgByName.set(slug(name), actor);
      this.mention(actor, tokens, i, i + n + 1, 'descriptor', 'unnamed-body');
      return actor;
    }
    return undefined;
  }

  /** "foreign ministry spokesperson …": the state's body a role names, with a mention at its words. */
  bodyInRole(tokens: Token[], s: number, e: number, country: string): Actor {
    const phrase = this.textOf(tokens, s, e).toLowerCase();
    const key = `${country}:${slug(phrase)}`;
    const actor = this.orgByName.get(key)
      ?? this.ensure(this.unusedId(`o_${slug(country)}_${slug(tokens[e - 1].text)}`), 'organization', `${this.c.countryNames.get(country) ?? country}'s ${phrase}`, 'body-in-role', { country });
    this.orgByName.set(key, actor);
    this.mention(actor, tokens, s, e, 'descriptor', 'body-in-role');
    return actor;
  }

  /** The last person named in [from, to). */
  lastPersonBefore(to: number, from: number): Actor | undefined {
    return this.index.lastBefore(to, (a) => a.type === 'person', from);
  }

  /** The last organization named in [from, to). */
  lastOrganizationBefore(to: number, from: number): Actor | undefined {
    return this.index.lastBefore(to, (a) => a.type === 'organization', from);
  }

  /** The last country named in [from, to). */
  lastCountryBetween(from: number, to: number, except?: Actor): Actor | undefined {
    return this.index.lastBefore(to, (a) => a.type === 'country' && a !== except, from);
  }

  private lastActorBefore(offset: number, ok: (a: Actor) => boolean): Actor | undefined {
    return this.index.lastBefore(offset, ok);
  }

  /**
   * "Irving, Texas", "Evansville, Indiana, United States": a place followed by the larger places
   * that hold it is one place mention. The countries keep their own mentions as actors.
   */
  mergeCommaPlaces(): void {
    const larger = new Map<number, { end: number; place?: PlaceMention }>();
    for (const pl of this.places) larger.set(pl.start, { end: pl.end, place: pl });
    for (const a of this.actors.values()) {
      if (a.type !== 'country') continue;
      for (const m of a.mentions) if (m.kind !== 'demonym' && !larger.has(m.start)) larger.set(m.start, { end: m.end });
    }
    const absorbed = new Set<PlaceMention>();
    for (const head of [...this.places].sort((x, y) => x.start - y.start)) {
      if (absorbed.has(head)) continue;
      let end = head.end;
      for (;;) {
        if (this.text.slice(end, end + 2) !== ', ') break;
        const next = larger.get(end + 2);
        if (!next) break;
        if (next.place) absorbed.add(next.place);
        end = next.end;
      }
      if (end > head.end) {
        head.end = end;
        head.name = this.text.slice(head.start, end);
        head.rule = `${head.rule}+comma-places`;
      }
    }
    if (absorbed.size) {
      const kept = this.places.filter((pl) => !absorbed.has(pl));
      this.places.length = 0;
      this.places.push(...kept);
    }
  }

  layer(): ActorLayer {
    const actors = [...this.actors.values()].map((a) => ({ ...a, mentions: [...a.mentions].sort((x, y) => x.start - y.start) }));
    actors.sort((a, b) => a.mentions[0].start - b.mentions[0].start);
    return { actors, places: this.places };
  }
}
