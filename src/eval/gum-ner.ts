// Named-entity scoring against GUM's news documents (../shared/data/news-entities): pure logic,
// no file or library access. The CLI (src/cli/eval-gum.ts) reads the files, runs trawl and the
// peer libraries, and hands their mentions here.
//
// What is compared
// - Gold: GUM mentions with `named: true` whose type is person, place or organization.
// - Span: GUM's `minspan` (the name without a leading determiner: "the United Nations" -> "United
//   Nations"; "U.S. President Donald Trump's" -> "U.S. President Donald Trump"). Of the spans
//   tried (full mention, full without determiner, minspan), the minspan is the one that
//   reproduces the peers' figures quoted in the issue (compromise untyped 52.5 / person 43.0,
//   wink-nlp proper-noun runs 52.6). A trailing possessive ("Google's") is cut on both sides,
//   since GUM's spans and the systems disagree only on where the clitic goes.
// - Exact match: same start and same end after that cut. Duplicate spans count once.
// - Untyped: any of the three types on both sides (a span counts once, whatever its type or how
//   many predictions share it). Typed: per type, span and type must both agree.
//
// How trawl's actor layer maps onto GUM's types (read off the 16 shared documents):
// - person -> person; organization -> organization; `places` -> place.
// - country (name or alias, capitals and seats of government included) -> place. GUM keeps a
//   state acting as a government a place: "Malaysia and Indonesia have maintained a policy",
//   "Thailand has recently cracked down", "the United Nations and United States have both
//   criticised" are all place. The only states GUM types organization in these documents are
//   national football teams ("Sweden had higher ball possession"), which no actor rule can
//   know. No seat-of-government metonym ("the Kremlin said", "Washington warned") occurs in
//   them; they map to place as well, since GUM types the state, not its role in the sentence.
//   Government bodies ("the New Zealand government") are organizations in GUM, and trawl makes
//   those organization actors already.
// - demonym -> person when it is a nationality noun ("Afghans", "Bangladeshis", "the British."),
//   dropped when it is an adjective ("Afghan team", "American"): GUM marks groups of people
//   named by nationality as person mentions and never marks the adjective on its own. A demonym
//   is an adjective when its surface is a listed (singular) demonym and a word follows it
//   ("American - Islamic" counts as followed);
//   the plural forms trawl generates ("Afghans") and a bare demonym before punctuation are nouns.
// - groups named by faith or people ("Muslims", "the Rohingya") -> person, like nationality nouns.
// - vessel -> dropped: GUM types ships as object, outside the three types.
// - descriptor mentions ("the spy agency") -> dropped: they are not names; but a person referred
//   to by a capitalized title ("the President") counts as a person, without the article.
// - a person mention's span is widened over the title and role words written right before it
//   (trawl's `withTitle`), because GUM's minimal span keeps them ("President Donald Trump",
//   "barrister Colin Yeo"; but not a role noun after an article or possessive, which GUM makes an
//   apposition: "the mayor | Luca Pastorino").
// - a person mention's span is widened over an "of"/"from" phrase right after it that names a
//   body trawl recognized ("Lee Cheuk-yan of the Labour Party", "Alvin Yeung from the Civic
//   Party"): GUM's mention spans take in post-modifiers, and its minimal span keeps a named one.
//   A state after "of" is not taken in ("Ida Lenk of Norway").
import type { ActorLayer, ActorType, MentionKind } from '../core/doc.js';

export const GUM_TYPES = ['person', 'place', 'organization'] as const;
export type GumType = (typeof GUM_TYPES)[number];

export interface GumSpan {
  start: number;
  end: number;
  text: string;
}

/** One mention as the converted GUM files give it (fields not used here are left out). */
export interface GumEntity extends GumSpan {
  mid?: string;
  type: string;
  named: boolean;
  minspan?: GumSpan;
}

export interface GumDoc {
  id: string;
  text: string;
  date_created?: string;
  entities: GumEntity[];
}

/** A system's mention: a span, typed or not (wink-nlp's proper-noun runs are untyped). */
export interface NerMention {
  start: number;
  end: number;
  type: GumType | null;
  /** What produced it, for listings ("country/alias", "places"). */
  source?: string;
}

export const isGumType = (t: string): t is GumType => (GUM_TYPES as readonly string[]).includes(t);

/** Cuts a trailing possessive ("Google's", "Afghans'") and surrounding white space from a span. */
export function normalizeSpan(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  const s = text.slice(start, end);
  if (/\S['’][sS]$/.test(s)) end -= 2;
  else if (/[sS]['’]$/.test(s)) end -= 1;
  return { start, end };
}

/** GUM's gold: named person/place/organization mentions, as minspans without a possessive. */
export function goldMentions(doc: GumDoc): NerMention[] {
  const out: NerMention[] = [];
  for (const e of doc.entities) {
    if (!e.named || !isGumType(e.type)) continue;
    const min = e.minspan ?? e; // every converted file has minspans; a hand-made one may not
    const span = normalizeSpan(doc.text, min.start, min.end);
    if (span.end > span.start) out.push({ ...span, type: e.type, source: e.mid });
  }
  return out;
}

export interface MappingOptions {
  /** The listed demonyms, singular ("Afghan", "British"): a demonym mention with this surface is
   * an adjective unless nothing word-like follows it. */
  adjectivalDemonyms: ReadonlySet<string>;
}

/** The GUM type of one trawl mention, or null when GUM would not count it (see the header). */
export function mapTrawlMention(text: string, actorType: ActorType, kind: MentionKind, span: { start: number; end: number }, opts: MappingOptions): GumType | null {
  // A capitalized title used as a name ("the President") is a named mention in GUM; other descriptions are not.
  if (kind === 'descriptor') return actorType === 'person' && /^(?:the|The)\s+\p{Lu}/u.test(text.slice(span.start, span.end)) ? 'person' : null;
  switch (actorType) {
    case 'person':
      return 'person';
    case 'organization':
      return 'organization';
    case 'vessel':
      return null;
    case 'country': {
      if (kind !== 'demonym') return 'place';
      const surface = text.slice(span.start, span.end).replace(/’/g, "'");
      const wordFollows = /^\s*(?:[-–]\s*)?[\p{L}\p{N}]/u.test(text.slice(span.end, span.end + 4));
      return opts.adjectivalDemonyms.has(surface) && wordFollows ? null : 'person';
    }
  }
}

/** "of the Labour Party", "from the Civic Party": a preposition and article between a person's name and a body. */
const AFFILIATION_LINK = /^ (?:of|from) (?:the |The )?$/;

/**
 * Where a person's span ends in GUM: after a body named in an "of"/"from" phrase right after the
 * name ("Lee Cheuk-yan of the Labour Party"), else at the name. `bodyEnds` maps the start of each
 * organization mention to its end.
 */
function personEnd(text: string, end: number, bodyEnds: ReadonlyMap<number, number>): number {
  // the link is at most " from the " (10 characters): look at the next 11 for a body's start
  for (let k = end + 4; k <= Math.min(text.length, end + 11); k++) {
    const bodyEnd = bodyEnds.get(k);
    if (bodyEnd !== undefined && AFFILIATION_LINK.test(text.slice(end, k))) return bodyEnd;
  }
  return end;
}

/** trawl's actor layer as GUM-typed mentions. */
export function trawlMentions(text: string, layer: ActorLayer, opts: MappingOptions): NerMention[] {
  const out: NerMention[] = [];
  const bodyEnds = new Map<number, number>();
  for (const a of layer.actors) {
    if (a.type !== 'organization') continue;
    for (const m of a.mentions) if (m.kind !== 'descriptor') bodyEnds.set(m.start, Math.max(m.end, bodyEnds.get(m.start) ?? 0));
  }
  for (const a of layer.actors) {
    for (const m of a.mentions) {
      const type = mapTrawlMention(text, a.type, m.kind, m, opts);
      if (!type) continue;
      // GUM's name span keeps the title or role word written before it ("President Donald Trump"),
      // and drops an article ("the President" -> "President"); a person's keeps the body named
      // after it ("Lee Cheuk-yan of the Labour Party").
      const from = m.withTitle?.start ?? m.start;
      const article = /^(?:the|The)\s+/.exec(text.slice(from, m.end));
      const end = type === 'person' && m.kind !== 'descriptor' ? personEnd(text, m.end, bodyEnds) : m.end;
      const span = normalizeSpan(text, from + (article ? article[0].length : 0), end);
      if (span.end > span.start) out.push({ ...span, type, source: `${a.type}/${m.kind}` });
    }
  }
  // Groups named by faith or people ("Muslims", "the Rohingya") are persons in GUM, as nationality nouns are.
  for (const g of layer.groups ?? []) {
    const span = normalizeSpan(text, g.start, g.end);
    if (span.end > span.start) out.push({ ...span, type: 'person', source: `group/${g.kind}` });
  }
  for (const p of layer.places) {
    const span = normalizeSpan(text, p.start, p.end);
    if (span.end > span.start) out.push({ ...span, type: 'place', source: 'places' });
  }
  return out;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Prf extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export const prf = ({ tp, fp, fn }: Counts): Prf => {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
};

const add = (a: Counts, b: Counts): Counts => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn });
const key = (m: { start: number; end: number }) => `${m.start}:${m.end}`;

/** One document's counts: untyped, and per type (null for a system that gives no types). */
export interface DocScore {
  untyped: Counts;
  typed: Record<GumType, Counts> | null;
}

export function scoreDoc(gold: readonly NerMention[], predicted: readonly NerMention[]): DocScore {
  const count = (g: Set<string>, p: Set<string>): Counts => {
    let tp = 0;
    for (const k of p) if (g.has(k)) tp++;
    return { tp, fp: p.size - tp, fn: g.size - tp };
  };
  const untyped = count(new Set(gold.map(key)), new Set(predicted.map(key)));
  if (predicted.some((m) => m.type === null)) return { untyped, typed: null };
  const typed = {} as Record<GumType, Counts>;
  for (const t of GUM_TYPES) {
    typed[t] = count(new Set(gold.filter((m) => m.type === t).map(key)), new Set(predicted.filter((m) => m.type === t).map(key)));
  }
  return { untyped, typed };
}

export interface SystemScore {
  untyped: Prf;
  /** Absent for a system that gives no types. */
  typed?: Record<GumType, Prf>;
}

export function sumScores(docs: readonly DocScore[]): SystemScore {
  const zero: Counts = { tp: 0, fp: 0, fn: 0 };
  const untyped = docs.reduce((acc, d) => add(acc, d.untyped), zero);
  if (docs.some((d) => !d.typed)) return { untyped: prf(untyped) };
  const typed = {} as Record<GumType, Prf>;
  for (const t of GUM_TYPES) typed[t] = prf(docs.reduce((acc, d) => add(acc, d.typed![t]), zero));
  return { untyped: prf(untyped), typed };
}

/** Gold counts over documents: distinct spans, untyped and per type. */
export function goldCounts(docs: readonly (readonly NerMention[])[]): { untyped: number } & Record<GumType, number> {
  const spans = (ms: readonly NerMention[]) => new Set(ms.map(key)).size;
  const sum = (f: (m: NerMention) => boolean) => docs.reduce((n, d) => n + spans(d.filter(f)), 0);
  return {
    untyped: sum(() => true),
    person: sum((m) => m.type === 'person'),
    place: sum((m) => m.type === 'place'),
    organization: sum((m) => m.type === 'organization'),
  };
}

/** One error, for listings: a miss (gold span not predicted), a false alarm (predicted span not
 * in gold) or a type error (same span, no agreeing type). */
export interface NerError {
  kind: 'miss' | 'false-alarm' | 'type';
  doc: string;
  start: number;
  end: number;
  text: string;
  /** The gold type (miss, type error) or the predicted type (false alarm). */
  type: GumType | null;
  /** For a type error, the predicted type(s); for a miss, the predicted spans that overlap it. */
  other?: string;
  source?: string;
}

export function listErrors(docId: string, text: string, gold: readonly NerMention[], predicted: readonly NerMention[]): NerError[] {
  const goldBySpan = new Map<string, NerMention[]>();
  for (const g of gold) goldBySpan.set(key(g), [...(goldBySpan.get(key(g)) ?? []), g]);
  const predBySpan = new Map<string, NerMention[]>();
  for (const p of predicted) predBySpan.set(key(p), [...(predBySpan.get(key(p)) ?? []), p]);
  const out: NerError[] = [];
  const slice = (m: { start: number; end: number }) => text.slice(m.start, m.end).replace(/\s+/g, ' ');
  for (const [k, gs] of goldBySpan) {
    const g = gs[0];
    const ps = predBySpan.get(k);
    if (!ps) {
      const overlapping = predicted.filter((p) => p.start < g.end && g.start < p.end);
      out.push({ kind: 'miss', doc: docId, start: g.start, end: g.end, text: slice(g), type: g.type,
        ...(overlapping.length ? { other: overlapping.map((p) => `"${slice(p)}"/${p.type ?? 'untyped'}`).join(', ') } : {}) });
      continue;
    }
    if (ps.some((p) => p.type === null)) continue;
    for (const gt of new Set(gs.map((x) => x.type))) {
      if (!ps.some((p) => p.type === gt)) {
        out.push({ kind: 'type', doc: docId, start: g.start, end: g.end, text: slice(g), type: gt, other: [...new Set(ps.map((p) => p.type))].join('/'), source: ps[0].source });
      }
    }
  }
  for (const [k, ps] of predBySpan) {
    if (goldBySpan.has(k)) continue;
    const p = ps[0];
    out.push({ kind: 'false-alarm', doc: docId, start: p.start, end: p.end, text: slice(p), type: p.type, source: ps.map((x) => x.source).filter(Boolean).join(',') || undefined });
  }
  return out.sort((a, b) => a.start - b.start);
}
