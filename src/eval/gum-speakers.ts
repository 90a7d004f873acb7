// Speaker accuracy against GUM's attribution relations (../shared/data/news-entities): pure
// logic, no file or library access. src/cli/eval-gum.ts runs trawl and hands its layers here.
//
// Which gold attributions are kept
// - GUM's eRST "attribution" covers speech, writing and cognition. Kept: an attribution whose
//   `cue_words` hold "according to" (the two words in a row), or a word of trawl's reporting-verb
//   lexicon (lexicons/attribution.json `speech` and `denial`) that is not in its `cognition`
//   list, nor a bare mental-state verb that list leaves out ("think"): "I think", "he believes"
//   are beliefs, not something said. Words are compared lowercased. Attributions with no cue
//   word (26 in the shared set) are left out: nothing says they are speech.
//
// Which trawl attribution answers a gold one
// - Content overlap: the characters the two content spans share are at least half of the
//   shorter span (quote marks and a closing full stop make character counts differ slightly,
//   so exact spans would be too strict). Of several such, the one with the largest
//   intersection over union. One trawl item may answer several gold items (GUM nests relations).
//
// When trawl's speaker is right
// - (a) Trawl's speaker span, or any mention of the actor trawl resolved the source to, stands
//   for a mention of the gold speaker's coreference chain (same `eid`). A span stands for the
//   GUM mention(s) it overlaps with the largest intersection over union: GUM nests mentions
//   ("the United States" inside "the United States Navy"), and plain overlap would credit the
//   Navy to a source resolved to the United States. The plain-overlap figure is reported too.
//   A gold speaker without an `eid` (its span is no single mention: "Labour's Shadow Home
//   Secretary Yvette Cooper" is two mentions of one chain) takes the chain of the outermost
//   mentions inside its span when they all share one; otherwise it has no chain.
// - (b) For an unnamed source (trawl's `source` null): trawl's speaker span overlaps the gold
//   speaker span.
import type { ActorLayer, Attribution, Span } from '../core/doc.js';
import type { GumDoc, GumEntity, GumSpan } from './gum-ner.js';

export interface GumSpeaker extends GumSpan {
  mid?: string | null;
  eid?: string | null;
  type?: string | null;
  pronominal?: boolean;
  chain_first_named?: string | null;
}

/** One attribution relation as the converted GUM files give it (fields not used here left out). */
export interface GumAttribution {
  aid: string;
  content: GumSpan;
  speaker?: GumSpeaker | null;
  cue_words: string[];
}

export interface GumSpeakerDoc extends GumDoc {
  entities: (GumEntity & { eid?: string | null })[];
  attributions?: GumAttribution[];
}

/** Mental-state verbs the cognition list lacks in this form; beliefs are not speech. */
export const EXTRA_COGNITION = ['think'] as const;

/** The words that make a cue speech: the lexicon's speech and denial verbs minus cognition ones. */
export function speechWords(lexicon: { speech: readonly string[]; denial: readonly string[]; cognition: readonly string[] }): Set<string> {
  const mental = new Set([...lexicon.cognition, ...EXTRA_COGNITION].map((w) => w.toLowerCase()));
  return new Set([...lexicon.speech, ...lexicon.denial].map((w) => w.toLowerCase()).filter((w) => !mental.has(w)));
}

/** Why a gold attribution is kept ("according to" or the speech word), or null when it is not. */
export function keptBy(cueWords: readonly string[], speech: ReadonlySet<string>): string | null {
  const words = cueWords.map((w) => w.toLowerCase());
  for (let i = 0; i + 1 < words.length; i++) if (words[i] === 'according' && words[i + 1] === 'to') return 'according to';
  return words.find((w) => speech.has(w)) ?? null;
}

const overlap = (a: Span, b: Span): number => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
const jaccard = (a: Span, b: Span): number => {
  const i = overlap(a, b);
  return i / (a.end - a.start + (b.end - b.start) - i);
};

/** Do the two content spans overlap by at least half the shorter one? */
export function contentsMatch(a: Span, b: Span): boolean {
  const shorter = Math.min(a.end - a.start, b.end - b.start);
  return shorter > 0 && overlap(a, b) >= shorter / 2;
}

/** The trawl attribution whose content best answers the gold content, if any does. */
export function answerFor(gold: Span, trawl: readonly Attribution[]): Attribution | undefined {
  let best: Attribution | undefined;
  let score = 0;
  for (const a of trawl) {
    if (!contentsMatch(gold, a)) continue;
    const s = jaccard(gold, a);
    if (s > score) [best, score] = [a, s];
  }
  return best;
}

/** The GUM mentions a span stands for: those it overlaps with the largest intersection over union. */
export function mentionsFor(span: Span, entities: readonly GumSpeakerDoc['entities'][number][]): GumSpeakerDoc['entities'][number][] {
  let best = 0;
  let out: GumSpeakerDoc['entities'][number][] = [];
  for (const e of entities) {
    const s = overlap(span, e) ? jaccard(span, e) : 0;
    if (s === 0) continue;
    if (s > best) [best, out] = [s, [e]];
    else if (s === best) out.push(e);
  }
  return out;
}

/** The one chain of the outermost mentions inside a span, or null when they belong to several (or none lie inside). */
export function chainInside(span: Span, entities: readonly GumSpeakerDoc['entities'][number][]): string | null {
  const inside = entities.filter((e) => e.start >= span.start && e.end <= span.end);
  const outer = inside.filter((e) => !inside.some((o) => o !== e && o.start <= e.start && e.end <= o.end && o.end - o.start > e.end - e.start));
  const chains = new Set(outer.map((e) => e.eid ?? null));
  const [only] = chains;
  return chains.size === 1 ? (only ?? null) : null;
}

export type SpeakerStatus = 'right' | 'wrong' | 'missed';

/** How a right speaker was recognized: trawl's speaker span, another mention of its source actor, or the unnamed-source span rule. */
export type RightBy = 'speaker span' | 'source mention' | 'unnamed span';

export interface SpeakerItem {
  doc: string;
  aid: string;
  status: SpeakerStatus;
  /** Right under plain overlap with any chain mention (the lenient reading of rule (a)). */
  rightByOverlap: boolean;
  by?: RightBy;
  keptBy: string;
  content: string;
  goldSpeaker: string;
  /** The chain's first named mention, when the gold speaker is a pronoun or a description. */
  goldName?: string;
  trawl?: { content: string; speaker: string | null; source: string | null; sourceName?: string; rule: string };
}

export interface DocSpeakers {
  items: SpeakerItem[];
}

/** Scores one document: every kept gold attribution, answered or not. */
export function scoreSpeakers(doc: GumSpeakerDoc, trawl: readonly Attribution[], actors: ActorLayer, speech: ReadonlySet<string>): DocSpeakers {
  const items: SpeakerItem[] = [];
  const slice = (s: Span) => doc.text.slice(s.start, s.end).replace(/\s+/g, ' ');
  const byId = new Map(actors.actors.map((a) => [a.id, a]));
  for (const g of doc.attributions ?? []) {
    const why = keptBy(g.cue_words, speech);
    if (!why || !g.speaker) continue;
    const eid = g.speaker.eid ?? chainInside(g.speaker, doc.entities);
    const inChain = (e: { eid?: string | null }) => eid !== null && e.eid === eid;
    const chain = doc.entities.filter(inChain);
    const base = {
      doc: doc.id, aid: g.aid, keptBy: why, content: slice(g.content), goldSpeaker: slice(g.speaker),
      ...(g.speaker.chain_first_named && g.speaker.chain_first_named !== g.speaker.text ? { goldName: g.speaker.chain_first_named } : {}),
    };
    const a = answerFor(g.content, trawl);
    if (!a) {
      items.push({ ...base, status: 'missed', rightByOverlap: false });
      continue;
    }
    const actor = a.source ? byId.get(a.source) : undefined;
    const sourceSpans: Span[] = actor ? actor.mentions.map((m) => ({ start: m.start, end: m.end })) : [];
    const standsForChain = (s: Span) => mentionsFor(s, doc.entities).some(inChain);
    let by: RightBy | undefined;
    if (a.speaker && standsForChain(a.speaker)) by = 'speaker span';
    else if (sourceSpans.some(standsForChain)) by = 'source mention';
    else if (!a.source && a.speaker && overlap(a.speaker, g.speaker) > 0) by = 'unnamed span';
    const touches = (s: Span) => chain.some((e) => overlap(s, e) > 0);
    const rightByOverlap = !!by || (!!a.speaker && touches(a.speaker)) || sourceSpans.some(touches);
    items.push({
      ...base, status: by ? 'right' : 'wrong', rightByOverlap, ...(by ? { by } : {}),
      trawl: { content: slice(a), speaker: a.speaker ? slice(a.speaker) : null, source: a.source, ...(actor ? { sourceName: actor.name } : {}), rule: a.rule },
    });
  }
  return { items };
}

export interface SpeakerFigures {
  /** Gold attributions kept by the cue filter. */
  kept: number;
  /** Kept gold attributions by the word that kept them. */
  keptBy: Record<string, number>;
  /** Kept gold attributions a trawl attribution answers. */
  found: number;
  right: number;
  /** right / found: the speaker accuracy over what trawl found (the bar applies to this). */
  accuracyFound: number;
  /** right / kept: a missed attribution counts as wrong. */
  accuracyAll: number;
  /** The same two under plain overlap with any chain mention. */
  lenient: { right: number; accuracyFound: number; accuracyAll: number };
  /** How the right ones were recognized. */
  rightBy: Record<RightBy, number>;
}

const ratio = (n: number, d: number): number => (d ? n / d : 0);

export function sumSpeakers(docs: readonly DocSpeakers[]): SpeakerFigures {
  const items = docs.flatMap((d) => d.items);
  const keptBy: Record<string, number> = {};
  for (const i of items) keptBy[i.keptBy] = (keptBy[i.keptBy] ?? 0) + 1;
  const found = items.filter((i) => i.status !== 'missed').length;
  const right = items.filter((i) => i.status === 'right').length;
  const lenient = items.filter((i) => i.rightByOverlap).length;
  const rightBy: Record<RightBy, number> = { 'speaker span': 0, 'source mention': 0, 'unnamed span': 0 };
  for (const i of items) if (i.by) rightBy[i.by]++;
  return {
    kept: items.length,
    keptBy: Object.fromEntries(Object.entries(keptBy).sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))),
    found,
    right,
    accuracyFound: ratio(right, found),
    accuracyAll: ratio(right, items.length),
    lenient: { right: lenient, accuracyFound: ratio(lenient, found), accuracyAll: ratio(lenient, items.length) },
    rightBy,
  };
}
