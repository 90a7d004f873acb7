// One report's extraction in the shape of corpus/FORMAT.md, with a span on every item.
// Layers not built yet are emitted empty, so consumers see the whole shape from day one.
import type { AnnotatedDoc, PublishedEstimate, Span, Transfer } from '../doc.js';
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
  /** Counted from the estimated publication date. */
  estimated?: boolean;
}

/** Statements that cannot all be true: the spans involved and a reason a reader can check. */
export interface ExtractionInconsistency {
  kind: string;
  reason: string;
  spans: (Span & { text: string })[];
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

/** An amount as FORMAT.md writes a transfer's `quantity`, with its span and the counted item. */
export interface ExtractionQuantity extends Span {
  text: string;
  value: number | null;
  min: number | null;
  max: number | null;
  unit: string | null;
  approx: boolean;
  vague?: boolean;
  per?: string;
  item?: string;
  change?: { factor: number; approx: boolean };
  rule: string;
}

/** A flow as FORMAT.md writes it; `from`/`to` are actor ids of this extraction (ISO codes for states). */
export interface ExtractionTransfer {
  from: string;
  to: string;
  category: string;
  item: string;
  quantity: Transfer['quantity'];
  since: string | null;
  until: string | null;
  status: Transfer['status'];
  source: string | null;
  source_text?: string;
  spans: Span[];
  rule: string;
}

export interface ExtractionEvent {
  type: string;
  actors: string[];
  date: string | null;
  place: string | null;
  spans: Span[];
  rule: string;
}

export interface Extraction {
  published: string | null;
  /** When the report gave no date: the estimate, as an interval with the cues it rests on. */
  publishedEstimate?: PublishedEstimate;
  actors: ExtractionActor[];
  places: (Span & { text: string })[];
  attributions: ExtractionAttribution[];
  transfers: ExtractionTransfer[];
  events: ExtractionEvent[];
  times: ExtractionTime[];
  inconsistencies: ExtractionInconsistency[];
  quantities: ExtractionQuantity[];
  timings?: StageTiming[];
}

export function toExtraction(doc: AnnotatedDoc, timings?: StageTiming[]): Extraction {
  const actors = doc.layers.actors?.actors ?? [];
  return {
    published: doc.published,
    ...(doc.layers.dating?.estimate ? { publishedEstimate: doc.layers.dating.estimate } : {}),
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
    transfers: (doc.layers.transfers?.transfers ?? []).map((t) => ({
      from: t.from, to: t.to, category: t.category, item: t.item, quantity: t.quantity,
      since: t.since, until: t.until, status: t.status, source: t.source,
      ...(t.sourceText ? { source_text: t.sourceText } : {}),
      spans: t.spans.map((s) => ({ start: s.start, end: s.end })), rule: t.rule,
    })),
    events: (doc.layers.events?.events ?? []).map((e) => ({ type: e.type, actors: e.actors, date: e.date, place: e.place, spans: e.spans.map((x) => ({ start: x.start, end: x.end })), rule: e.rule })),
    times: (doc.layers.times?.times ?? []).filter(isLedgerTime).map((t) => ({ text: doc.text.slice(t.start, t.end), value: t.value, type: t.type, start: t.start, end: t.end, rule: t.rule, ...(t.estimated ? { estimated: true } : {}) })),
    inconsistencies: (doc.layers.consistency?.inconsistencies ?? []).map((i) => ({ kind: i.kind, reason: i.reason, spans: i.spans.map((s) => ({ start: s.start, end: s.end, text: doc.text.slice(s.start, s.end) })), rule: i.rule })),
    quantities: (doc.layers.quantities?.quantities ?? []).map((q) => ({
      text: q.text,
      value: q.value,
      min: q.min,
      max: q.max,
      unit: q.unit,
      approx: q.approx,
      ...(q.vague ? { vague: true } : {}),
      ...(q.per ? { per: q.per } : {}),
      ...(q.item ? { item: q.item } : {}),
      ...(q.change ? { change: q.change } : {}),
      start: q.start,
      end: q.end,
      rule: q.rule,
    })),
    ...(timings ? { timings } : {}),
  };
}
