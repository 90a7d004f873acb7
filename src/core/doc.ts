// The annotated document: the one structure every stage reads and extends.
// Offsets are UTF-16 indexes into `text` (what JavaScript's String uses), `end` exclusive.
// Text is never copied into annotations without its span: `text.slice(start, end)` is the truth.

export interface Span {
  start: number;
  end: number;
}

/** Which stage and rule produced an item: what `--trace` and the explorer show as "why". */
export interface Provenance {
  stage: string;
  rule: string;
}

export interface Token extends Span {
  /** The token's characters, as in the text. */
  text: string;
  /** Index of the sentence holding the token. */
  sentence: number;
}

export interface Sentence extends Span {
  /** First token index and one past the last. */
  tokenStart: number;
  tokenEnd: number;
  paragraph: number;
}

export interface Segments {
  paragraphs: Span[];
  sentences: Sentence[];
  tokens: Token[];
}

export type ActorType = 'country' | 'organization' | 'person' | 'vessel';

/** How a stretch of text names its actor. */
export type MentionKind =
  | 'name' // the full name ("North Korea", "Duyeon Kim")
  | 'alias' // a listed other name ("DPRK", "the Kremlin")
  | 'demonym' // "North Korean", "Ukrainians"
  | 'acronym' // "NIS" tied to "National Intelligence Service"
  | 'short' // a later short form ("Kim", "Vasquez-Oduya")
  | 'descriptor'; // "the spy agency", "the ministry"

export interface Mention extends Span, Provenance {
  actor: string;
  kind: MentionKind;
  /** The name with the title or role words written right before it ("President Donald Trump"). */
  withTitle?: Span;
}

export interface Actor {
  id: string;
  type: ActorType;
  name: string;
  aliases: string[];
  role?: string;
  /** Actor id of the body or state a person works for. */
  affiliation?: string;
  /** ISO code of the state an organization or vessel belongs to. */
  country?: string;
  mentions: Mention[];
  /** The rule that first recognized the actor. */
  rule: string;
}

/** A named place that is not itself an actor ("Donbas", "Vladivostok"): kept for events and maps. */
export interface PlaceMention extends Span, Provenance {
  name: string;
  /** From the place lexicon, when listed. */
  country?: string;
  lat?: number;
  lon?: number;
}

/** A group of people named by faith or by people ("Muslims", "the Rohingya"): no actor, but named. */
export interface GroupMention extends Span, Provenance {
  name: string;
  kind: 'faith' | 'people';
}

export interface ActorLayer {
  actors: Actor[];
  places: PlaceMention[];
  /** Groups of people named by faith or people; absent in layers made before they were found. */
  groups?: GroupMention[];
}

/** TIMEX3 types: a calendar point, a clock time, an amount of time, a frequency. */
export type TimeType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

/** What a relative time was counted from. */
export type TimeAnchor =
  | { kind: 'published'; value: string }
  | { kind: 'time'; start: number; end: number; value: string };

/** A time expression and its TIMEX3 value ("last June" → 2024-06, "eight months" → P8M). */
export interface TimeExpr extends Span, Provenance {
  type: TimeType;
  /** TIMEX3 value; null when it cannot be resolved (a relative time and no publication date). */
  value: string | null;
  /** TIMEX3 mod: START/MID/END for "early"/"mid"/"late", APPROX, MORE_THAN, LESS_THAN. */
  mod?: string;
  /** A preposition the span keeps ("on", "since"); TimeML leaves it out of the TIMEX3, as a SIGNAL. */
  signal?: Span;
  /** For relative expressions: the publication date or the earlier time it was counted from. */
  anchor?: TimeAnchor;  /** Counted from an estimated publication date: the report gave none (see the dating layer). */
  estimated?: boolean;
}

export interface TimeLayer {
  times: TimeExpr[];
}

/** A relative change ("nearly tripled" → 3 approx, "fell by three-quarters" → 0.25). */
export interface QuantityChange {
  factor: number;
  approx: boolean;
}

/**
 * An amount and its reading, in corpus/FORMAT.md's terms: `value` a point amount, `min`/`max` a
 * range or a bound ("over 3 million" → min 3000000), all three null for a vague amount ("dozens")
 * or a change alone ("doubled").
 */
export interface Quantity extends Span, Provenance {
  /** The whole expression with its bound words ("more than 3 million"), as in the text. */
  text: string;
  value: number | null;
  min: number | null;
  max: number | null;
  /** "item", "percent", "USD", "tonne", "barrel per day", "person"...; "USD per year" for a rate; null for a change alone. */
  unit: string | null;
  /** The period of a rate ("$700 million a year" → year). */
  per?: string;
  /** The counted noun or the measured stuff ("artillery shells", "corn"), when the text gives it. */
  item: string | null;
  itemSpan?: Span;
  approx: boolean;
  /** "dozens", "a significant number": an amount without figures. */
  vague: boolean;
  change?: QuantityChange;
  /** On an amount: where its change was stated ("..., up 15 percent"). */
  changeSpan?: Span;
  /** On a change: the amount it was attached to. */
  appliesTo?: Span;
}

export interface QuantityLayer {
  quantities: Quantity[];
}

export interface TraceEvent extends Provenance, Span {
  action: string;
}

/** A problem found in the input, located by stage and span, rendered the same way everywhere. */
export interface Diagnostic {
  stage: string;
  message: string;
  span?: Span;
}

/** Who said or assessed what: a quotation, reported speech, or a denial. */
export interface Attribution extends Span, Provenance {
  kind: 'direct' | 'indirect' | 'denial';
  /** Actor id of the source, or null for an unnamed source ("one Western official"). */
  source: string | null;
  /** The speaker's words when the source is unnamed or described ("U.S. officials"). */
  sourceText?: string;
  speaker?: Span;
  cue?: Span;
}

export interface AttributionLayer {
  attributions: Attribution[];
}

/** Something that moves from one state (or its agents) to another, as one claim states it. */
export interface Transfer extends Provenance {
  from: string;
  to: string;
  category: string;
  item: string;
  quantity: {
    value: number | null;
    min: number | null;
    max: number | null;
    unit: string | null;
    approx: boolean;
    text: string;
    change?: QuantityChange;
  } | null;
  since: string | null;
  until: string | null;
  status: 'asserted' | 'denied' | 'planned' | 'hedged';
  source: string | null;
  sourceText?: string;
  /** Every place the report states this flow. */
  spans: Span[];
}

export interface TransferLayer {
  transfers: Transfer[];
}

/** A dated happening between actors that is not itself a transfer. */
export interface Event extends Provenance {
  type: string;
  actors: string[];
  date: string | null;
  place: string | null;
  spans: Span[];
}

export interface EventLayer {
  events: Event[];
}

/** Evidence about when a report was written: the words, and what they imply, in one sentence. */
export interface DateCue extends Provenance {
  spans: Span[];
  reason: string;
}

/** An undated report's estimated publication date: an interval of ISO days and the cues it rests on. */
export interface PublishedEstimate {
  /** Null: no bound on that side. */
  earliest: string | null;
  latest: string | null;
  /** The day relative times are counted from: the middle of a closed interval, else its one bound. */
  value: string | null;
  cues: DateCue[];
}

/** Cues that cannot hold together with others (or with the given publication date, when `against` is empty). */
export interface DateConflict {
  cues: DateCue[];
  against: DateCue[];
  reason: string;
}

export interface DatingLayer {
  /** Null when the report gives its date, or when its text says nothing that dates it. */
  estimate: PublishedEstimate | null;
  conflicts: DateConflict[];
}

/** Statements of one report that cannot all be true: the spans involved and a reason a reader can check. */
export interface Inconsistency extends Provenance {
  kind: 'date' | 'timeline' | 'amount';
  spans: Span[];
  reason: string;
}

export interface ConsistencyLayer {
  inconsistencies: Inconsistency[];
}

export interface Layers {
  segments?: Segments;
  actors?: ActorLayer;
  times?: TimeLayer;
  quantities?: QuantityLayer;
  attributions?: AttributionLayer;
  transfers?: TransferLayer;
  events?: EventLayer;
  dating?: DatingLayer;
  consistency?: ConsistencyLayer;
}

export interface AnnotatedDoc {
  readonly text: string;
  /** ISO date the report was published, or null when unknown. */
  readonly published: string | null;
  readonly layers: Readonly<Layers>;
  readonly diagnostics: readonly Diagnostic[];
}

export function createDoc(text: string, published: string | null): AnnotatedDoc {
  return { text, published, layers: {}, diagnostics: [] };
}

/** Returns a new document with one more layer; the earlier layers are shared, never changed. */
export function withLayer<K extends keyof Layers>(doc: AnnotatedDoc, name: K, layer: NonNullable<Layers[K]>): AnnotatedDoc {
  // Copied by assignment: a spread with a computed key takes V8's slow path, and this runs once per stage.
  const layers: Layers = Object.assign({}, doc.layers);
  layers[name] = layer;
  return { ...doc, layers };
}

/** Reads a layer a stage depends on, failing with the stage's name when the pipeline order is wrong. */
export function requireLayer<K extends keyof Layers>(doc: AnnotatedDoc, name: K, stage: string): NonNullable<Layers[K]> {
  const layer = doc.layers[name];
  if (!layer) throw new Error(`stage "${stage}" needs the "${name}" layer, which no earlier stage produced`);
  return layer as NonNullable<Layers[K]>;
}

export const spanText = (doc: { text: string }, span: Span): string => doc.text.slice(span.start, span.end);
