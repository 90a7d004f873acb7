// One report's extraction in the shape of corpus/FORMAT.md, with a span on every item.
// Layers not built yet are emitted empty, so consumers see the whole shape from day one.
import type { AnnotatedDoc, Span } from '../doc.js';
import type { StageTiming } from '../pipeline.js';

export interface ExtractionActor {
  id: string;
  type: string;
  name: string;
  aliases: string[];
  role?: string;
  affiliation?: string;
  country?: string;
  rule: string;
  mentions: (Span & { text: string; kind: string; rule: string })[];
}

export interface ExtractionTime extends Span {
  text: string;
  value: string | null;
  type: string;
  rule: string;
}

/** Frequencies ("a year") and vague past/future references ("recently") name no calendar time: FORMAT.md's times leave them out. */
const isLedgerTime = (t: { type: string; value: string | null }): boolean => t.type !== 'SET' && t.value !== 'PAST_REF' && t.value !== 'FUTURE_REF';

export interface ExtractionAttribution extends Span {
  kind: string;
  text: string;
  source: string | null;
  source_text?: string;
  speaker?: Span;
  cue?: Span;
  rule: string;
}

export interface Extraction {
  published: string | null;
  actors: ExtractionActor[];
  places: (Span & { text: string })[];
  attributions: ExtractionAttribution[];
  transfers: unknown[];
  events: unknown[];
  times: ExtractionTime[];
  inconsistencies: unknown[];
  timings?: StageTiming[];
}

export function toExtraction(doc: AnnotatedDoc, timings?: StageTiming[]): Extraction {
  const actors = doc.layers.actors?.actors ?? [];
  return {
    published: doc.published,
    actors: actors.map((a) => ({
      id: a.id,
      type: a.type,
      name: a.name,
      aliases: a.aliases,
      ...(a.role ? { role: a.role } : {}),
      ...(a.affiliation ? { affiliation: a.affiliation } : {}),
      ...(a.country ? { country: a.country } : {}),
      rule: a.rule,
      mentions: a.mentions.map((m) => ({ start: m.start, end: m.end, text: doc.text.slice(m.start, m.end), kind: m.kind, rule: m.rule })),
    })),
    places: (doc.layers.actors?.places ?? []).map((p) => ({ start: p.start, end: p.end, text: p.name })),
    attributions: (doc.layers.attributions?.attributions ?? []).map((a) => ({
      source: a.source,
      ...(a.sourceText ? { source_text: a.sourceText } : {}),
      kind: a.kind,
      text: doc.text.slice(a.start, a.end),
      start: a.start,
      end: a.end,
      ...(a.speaker ? { speaker: { start: a.speaker.start, end: a.speaker.end } } : {}),
      ...(a.cue ? { cue: { start: a.cue.start, end: a.cue.end } } : {}),
      rule: a.rule,
    })),
    transfers: [],
    events: [],
    times: (doc.layers.times?.times ?? []).filter(isLedgerTime).map((t) => ({ text: doc.text.slice(t.start, t.end), value: t.value, type: t.type, start: t.start, end: t.end, rule: t.rule })),
    inconsistencies: [],
    ...(timings ? { timings } : {}),
  };
}
