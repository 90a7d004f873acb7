// Scores one system's extraction against the annotated report corpus (corpus/FORMAT.md,
// "Scoring"). This is a port of the reference scorer, ../shared/tools/score.mjs: every figure,
// every miss line and every table line must come out the same, so its quirks are kept on
// purpose. Where something here reads oddly, compare with score.mjs before "fixing" it.
// Pure: no node:* imports; the CLI reads the files and prints what these functions return.

// ---------------------------------------------------------------------------------------------
// Input: gold annotation and predictions share one loose shape (JSON written by people and tools).

export interface ActorRecord {
  id?: string;
  type?: string;
  name?: string;
  aliases?: string[];
  affiliation?: string | null;
}

export interface AttributionRecord {
  source?: string | null;
  source_text?: string;
  kind?: string;
  text?: string;
}

export interface QuantityRecord {
  value?: number | null;
  min?: number | null;
  max?: number | null;
}

export interface TransferRecord {
  from?: string | null;
  to?: string | null;
  category?: string;
  item?: string;
  quantity?: QuantityRecord | null;
  status?: string;
  source?: string | null;
}

export interface EventRecord {
  type?: string;
  actors?: string[];
  date?: string | null;
}

export interface TimeRecord {
  text?: string;
  value?: string | null;
}

export interface Annotation {
  actors?: ActorRecord[];
  attributions?: AttributionRecord[];
  transfers?: TransferRecord[];
  events?: EventRecord[];
  times?: TimeRecord[];
  inconsistencies?: unknown[];
}

/** One corpus file: a report and its gold annotation. */
export interface GoldReport {
  id: string;
  published?: string | null;
  text?: string;
  gold: Annotation;
}

// ---------------------------------------------------------------------------------------------
// Output: per-document counts, which add up over the corpus, and the figures made from them.

export interface DocumentScore {
  actors: { found: number; wanted: number; affiliated: number; affiliationRight: number };
  attributions: { tp: number; pred: number; gold: number; joint: number };
  transfers: { tp: number; pred: number; gold: number; quantity: number; status: number; joint: number };
  events: { tp: number; pred: number; gold: number };
  times: { tp: number; pred: number; gold: number; valued: number; valueRight: number };
  inconsistency: { tp: number; pred: number; gold: number };
}

export interface Prf {
  p: number;
  r: number;
  f1: number;
  tp: number;
  pred: number;
  gold: number;
}

/** The `--json` result; keys in score.mjs's order so the printed JSON is the same text. */
export interface EvalResult {
  documents: number;
  failures: string[];
  actors: { recall: number | null; affiliationAccuracy: number | null; wanted: number };
  attributions: { span: Prf; speakerAccuracy: number | null; joint: Prf };
  transfers: { key: Prf; quantityAccuracy: number | null; statusAccuracy: number | null; joint: Prf };
  events: Prf;
  times: { span: Prf; valueAccuracy: number | null };
  inconsistency: Prf;
}

// ---------------------------------------------------------------------------------------------
// Text comparison

/** Lower case, accents and typographic quotes folded, punctuation other than `%$.'` blanked. */
export function normalize(s: unknown): string {
  return String(s ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`]/g, "'")
    .replace(/[“”]/g, '"')
    .toLowerCase()
    .replace(/[^a-z0-9%$.' ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A name as actors are compared: normalized, without a leading "the", dots or apostrophes. */
export function bareName(s: unknown): string {
  return normalize(s).replace(/^the /, '').replace(/[.']/g, '');
}

function tokenSet(s: unknown): Set<string> {
  const words = normalize(s).split(' ').map((t) => t.replace(/^[.']+|[.']+$/g, ''));
  return new Set(words.filter(Boolean));
}

/** 1 when one text holds 80% of the other's tokens, else their token Jaccard. */
export function textOverlap(a: unknown, b: unknown): number {
  const ta = tokenSet(a);
  const tb = tokenSet(b);
  if (!ta.size || !tb.size) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / Math.min(ta.size, tb.size) >= 0.8 ? 1 : shared / (ta.size + tb.size - shared);
}

// ---------------------------------------------------------------------------------------------
// Actors

/** Maps a predicted actor id to the gold id it stands for, or to `?id` when none fits. */
export type ResolveActor = (id: string | null | undefined) => string | null;

export function actorResolver(goldActors: readonly ActorRecord[], predActors: readonly ActorRecord[]): ResolveActor {
  const goldIdByName = new Map<string, string | undefined>();
  for (const g of goldActors) {
    for (const n of [g.name, g.id, ...(g.aliases ?? [])]) if (n) goldIdByName.set(bareName(n), g.id);
  }
  const persons = goldActors.filter((g) => g.type === 'person');
  const lastName = (n: unknown): string => bareName(n).split(' ').pop() ?? '';

  const goldFor = (p: ActorRecord): { id?: string } | undefined => {
    const country = goldActors.find((g) => g.id === p.id && g.type === 'country');
    if (country) return country;
    for (const n of [p.name, ...(p.aliases ?? [])]) {
      const id = goldIdByName.get(bareName(n));
      if (id) return { id };
    }
    if (p.type !== 'person') return undefined;
    // A last name counts only when it picks out a single gold person.
    const same = persons.filter((g) => lastName(g.name) === lastName(p.name ?? ''));
    return same.length === 1 ? same[0] : undefined;
  };

  const byPredId = new Map<string | undefined, string | undefined>();
  for (const p of predActors) {
    const hit = goldFor(p);
    byPredId.set(p.id, hit ? hit.id : `?${p.id}`);
  }
  // Ids no predicted actor declares stand for themselves when gold knows them or they are ISO codes.
  const known = (id: string): boolean => goldActors.some((g) => g.id === id) || /^[A-Z]{2}$/.test(String(id));
  return (id) => (id == null ? null : byPredId.get(id) ?? (known(id) ? id : `?${id}`));
}

// ---------------------------------------------------------------------------------------------
// Matching and figures

interface Matching<G, P> {
  pairs: [G, P][];
  missed: G[];
  extra: P[];
}

/** Greedy one-to-one matching, best-scoring pairs first; a score of 0 never pairs. */
function matchGreedy<G, P>(golds: readonly G[], preds: readonly P[], score: (g: G, p: P) => number): Matching<G, P> {
  const candidates: { score: number; gi: number; pi: number }[] = [];
  golds.forEach((g, gi) =>
    preds.forEach((p, pi) => {
      const s = score(g, p);
      if (s > 0) candidates.push({ score: s, gi, pi });
    }),
  );
  // sort is stable: ties keep gold order, then prediction order, as in score.mjs.
  candidates.sort((a, b) => b.score - a.score);
  const goldUsed = new Set<number>();
  const predUsed = new Set<number>();
  const pairs: [G, P][] = [];
  for (const { gi, pi } of candidates) {
    if (goldUsed.has(gi) || predUsed.has(pi)) continue;
    goldUsed.add(gi);
    predUsed.add(pi);
    pairs.push([golds[gi], preds[pi]]);
  }
  return {
    pairs,
    missed: golds.filter((_, gi) => !goldUsed.has(gi)),
    extra: preds.filter((_, pi) => !predUsed.has(pi)),
  };
}

export function prf(tp: number, pred: number, gold: number): Prf {
  const p = pred ? tp / pred : gold ? 0 : 1;
  const r = gold ? tp / gold : pred ? 0 : 1;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, tp, pred, gold };
}

const ratio = (a: number, b: number): number | null => (b ? a / b : null);

// ---------------------------------------------------------------------------------------------
// One document

type Note = (section: string, what: string, detail: unknown) => void;

function scoreActors(gold: Annotation, pred: Annotation, resolve: ResolveActor, note: Note): DocumentScore['actors'] {
  // Only the actors that gold attributions, transfers and events refer to are counted.
  const used = new Set<string | null | undefined>();
  for (const a of gold.attributions ?? []) used.add(a.source);
  for (const t of gold.transfers ?? []) [t.from, t.to, t.source].forEach((id) => used.add(id));
  for (const e of gold.events ?? []) (e.actors ?? []).forEach((id) => used.add(id));

  const found = new Map<string, ActorRecord>();
  for (const p of pred.actors ?? []) {
    const id = resolve(p.id);
    if (id && !id.startsWith('?')) found.set(id, p);
  }
  const foundFor = (g: ActorRecord): ActorRecord | undefined => (g.id === undefined ? undefined : found.get(g.id));

  const wanted = (gold.actors ?? []).filter((g) => used.has(g.id));
  const hit = wanted.filter((g) => {
    const p = foundFor(g);
    return p !== undefined && (p.type ?? g.type) === g.type;
  });
  const affiliated = wanted.filter((g) => g.type === 'person' && g.affiliation);
  const affiliationRight = affiliated.filter((g) => {
    const p = foundFor(g);
    return p !== undefined && resolve(p.affiliation) === g.affiliation;
  });

  wanted.filter((g) => !hit.includes(g)).forEach((g) => note('actor', 'missed', { id: g.id, name: g.name }));
  affiliated
    .filter((g) => !affiliationRight.includes(g))
    .forEach((g) => note('actor', 'wrong affiliation', { name: g.name, gold: g.affiliation, pred: foundFor(g)?.affiliation ?? null }));
  return { found: hit.length, wanted: wanted.length, affiliated: affiliated.length, affiliationRight: affiliationRight.length };
}

function scoreAttributions(gold: Annotation, pred: Annotation, resolve: ResolveActor, note: Note): DocumentScore['attributions'] {
  const golds = gold.attributions ?? [];
  const preds = pred.attributions ?? [];
  // Direct quotes pair only with direct quotes; indirect and denial are both "reported".
  const isDirect = (a: AttributionRecord): boolean => a.kind === 'direct';
  const m = matchGreedy(golds, preds, (g, p) => {
    if (isDirect(g) !== isDirect(p)) return 0;
    const overlap = textOverlap(g.text, p.text);
    return overlap >= 0.5 ? overlap : 0;
  });
  const speakerRight = (g: AttributionRecord, p: AttributionRecord): boolean => {
    const source = resolve(p.source);
    if (g.source != null) return source === g.source;
    return source == null || Boolean(p.source_text && textOverlap(g.source_text ?? '', p.source_text) >= 0.5);
  };
  const right = m.pairs.filter(([g, p]) => speakerRight(g, p));

  m.missed.forEach((x) => note('attribution', 'missed', x));
  m.extra.forEach((x) => note('attribution', 'extra', x));
  m.pairs
    .filter(([g, p]) => !speakerRight(g, p))
    .forEach(([g, p]) => note('attribution', 'wrong speaker', { gold: g.source ?? g.source_text, pred: p.source ?? p.source_text, text: g.text }));
  return { tp: m.pairs.length, pred: preds.length, gold: golds.length, joint: right.length };
}

const amounts = (q: QuantityRecord | null | undefined): (number | null)[] =>
  q ? [q.value ?? null, q.min ?? null, q.max ?? null] : [null, null, null];

/** The same value/min/max numbers. */
function quantityRight(g: TransferRecord, p: TransferRecord): boolean {
  const want = amounts(g.quantity);
  const got = amounts(p.quantity);
  if (want.every((x) => x === null)) return got.every((x) => x === null);
  // A prediction with min = max lends that number to the empty value slot; min and max stay
  // as they are (so it matches a gold point only if gold also gives min and max).
  if (want[0] !== null && got[0] === null && got[1] === got[2]) got[0] = got[1];
  return want.every((x, k) => x === got[k]);
}

const statusRight = (g: TransferRecord, p: TransferRecord): boolean => (g.status ?? 'asserted') === (p.status ?? 'asserted');

function scoreTransfers(gold: Annotation, pred: Annotation, resolve: ResolveActor, note: Note): DocumentScore['transfers'] {
  const golds = gold.transfers ?? [];
  const preds = pred.transfers ?? [];
  // Template strings on purpose: a missing gold end reads "undefined", a missing predicted one "null".
  const goldKey = (t: TransferRecord): string => `${t.from}>${t.to}:${t.category}`;
  const predKey = (t: TransferRecord): string => `${resolve(t.from)}>${resolve(t.to)}:${t.category}`;
  const m = matchGreedy(golds, preds, (g, p) => (goldKey(g) === predKey(p) ? 1 + textOverlap(g.item, p.item) : 0));

  m.missed.forEach((x) => note('transfer', 'missed', x));
  m.extra.forEach((x) => note('transfer', 'extra', x));
  m.pairs
    .filter(([g, p]) => !quantityRight(g, p))
    .forEach(([g, p]) => note('transfer', 'wrong quantity', { item: g.item, gold: g.quantity, pred: p.quantity }));
  return {
    tp: m.pairs.length,
    pred: preds.length,
    gold: golds.length,
    quantity: m.pairs.filter(([g, p]) => quantityRight(g, p)).length,
    status: m.pairs.filter(([g, p]) => statusRight(g, p)).length,
    joint: m.pairs.filter(([g, p]) => quantityRight(g, p) && statusRight(g, p)).length,
  };
}

function scoreEvents(gold: Annotation, pred: Annotation, resolve: ResolveActor, note: Note): DocumentScore['events'] {
  // What was stated is scored as attributions, so statement events count on neither side.
  const scored = (e: EventRecord): boolean => e.type !== 'statement';
  const golds = (gold.events ?? []).filter(scored);
  const preds = (pred.events ?? []).filter(scored);
  const m = matchGreedy(golds, preds, (g, p) => {
    if (g.type !== p.type) return 0;
    const predActors = new Set((p.actors ?? []).map((a) => resolve(a)));
    if (!(g.actors ?? []).some((a) => predActors.has(a))) return 0;
    return g.date == null || g.date === p.date ? 1 : 0;
  });
  m.missed.forEach((x) => note('event', 'missed', x));
  m.extra.forEach((x) => note('event', 'extra', x));
  return { tp: m.pairs.length, pred: preds.length, gold: golds.length };
}

/** One entry per (text, value); a later duplicate replaces an earlier one but keeps its place. */
function distinctTimes(times: readonly TimeRecord[]): TimeRecord[] {
  return [...new Map(times.map((t) => [`${normalize(t.text)}|${t.value}`, t])).values()];
}

function scoreTimes(gold: Annotation, pred: Annotation, note: Note): DocumentScore['times'] {
  const scored = (t: TimeRecord): boolean => t.value !== 'PRESENT_REF';
  const golds = distinctTimes((gold.times ?? []).filter(scored));
  const preds = distinctTimes((pred.times ?? []).filter(scored));
  // Equal text beats containment; within each, the right value wins.
  const m = matchGreedy(golds, preds, (g, p) => {
    const a = normalize(g.text);
    const b = normalize(p.text);
    if (!a || !b) return 0;
    const sameValue = g.value === p.value ? 1 : 0;
    if (a === b) return 2 + sameValue;
    return a.includes(b) || b.includes(a) ? 1 + sameValue : 0;
  });
  const valued = m.pairs.filter(([g]) => g.value != null);

  m.missed.forEach((x) => note('time', 'missed', x));
  m.extra.forEach((x) => note('time', 'extra', x));
  valued.filter(([g, p]) => g.value !== p.value).forEach(([g, p]) => note('time', 'wrong value', { text: g.text, gold: g.value, pred: p.value }));
  return {
    tp: m.pairs.length,
    pred: preds.length,
    gold: golds.length,
    valued: valued.length,
    valueRight: valued.filter(([g, p]) => g.value === p.value).length,
  };
}

function scoreInconsistency(gold: Annotation, pred: Annotation): DocumentScore['inconsistency'] {
  const flaggedInGold = (gold.inconsistencies ?? []).length > 0;
  const flagged = (pred.inconsistencies ?? []).length > 0;
  return { tp: flaggedInGold && flagged ? 1 : 0, pred: flagged ? 1 : 0, gold: flaggedInGold ? 1 : 0 };
}

/** Counts for one report; each miss and false alarm is appended to `misses` as one line. */
export function scoreDocument(report: GoldReport, pred: Annotation, misses: string[]): DocumentScore {
  const gold = report.gold;
  const resolve = actorResolver(gold.actors ?? [], pred.actors ?? []);
  const note: Note = (section, what, detail) =>
    misses.push(`${report.id} ${section} ${what}: ${JSON.stringify(detail).slice(0, 160)}`);
  return {
    actors: scoreActors(gold, pred, resolve, note),
    attributions: scoreAttributions(gold, pred, resolve, note),
    transfers: scoreTransfers(gold, pred, resolve, note),
    events: scoreEvents(gold, pred, resolve, note),
    times: scoreTimes(gold, pred, note),
    inconsistency: scoreInconsistency(gold, pred),
  };
}

// ---------------------------------------------------------------------------------------------
// The corpus

export function emptyScore(): DocumentScore {
  return {
    actors: { found: 0, wanted: 0, affiliated: 0, affiliationRight: 0 },
    attributions: { tp: 0, pred: 0, gold: 0, joint: 0 },
    transfers: { tp: 0, pred: 0, gold: 0, quantity: 0, status: 0, joint: 0 },
    events: { tp: 0, pred: 0, gold: 0 },
    times: { tp: 0, pred: 0, gold: 0, valued: 0, valueRight: 0 },
    inconsistency: { tp: 0, pred: 0, gold: 0 },
  };
}

/** Adds one document's counts into `total` (in place). */
export function addScore(total: DocumentScore, doc: DocumentScore): DocumentScore {
  const sum = <T extends object>(into: T, from: T): void => {
    const target = into as Record<string, number>;
    for (const [k, n] of Object.entries(from as Record<string, number>)) target[k] += n;
  };
  sum(total.actors, doc.actors);
  sum(total.attributions, doc.attributions);
  sum(total.transfers, doc.transfers);
  sum(total.events, doc.events);
  sum(total.times, doc.times);
  sum(total.inconsistency, doc.inconsistency);
  return total;
}

export function summarize(t: DocumentScore, documents: number, failures: string[] = []): EvalResult {
  return {
    documents,
    failures,
    actors: {
      recall: ratio(t.actors.found, t.actors.wanted),
      affiliationAccuracy: ratio(t.actors.affiliationRight, t.actors.affiliated),
      wanted: t.actors.wanted,
    },
    attributions: {
      span: prf(t.attributions.tp, t.attributions.pred, t.attributions.gold),
      speakerAccuracy: ratio(t.attributions.joint, t.attributions.tp),
      joint: prf(t.attributions.joint, t.attributions.pred, t.attributions.gold),
    },
    transfers: {
      key: prf(t.transfers.tp, t.transfers.pred, t.transfers.gold),
      quantityAccuracy: ratio(t.transfers.quantity, t.transfers.tp),
      statusAccuracy: ratio(t.transfers.status, t.transfers.tp),
      joint: prf(t.transfers.joint, t.transfers.pred, t.transfers.gold),
    },
    events: prf(t.events.tp, t.events.pred, t.events.gold),
    times: { span: prf(t.times.tp, t.times.pred, t.times.gold), valueAccuracy: ratio(t.times.valueRight, t.times.valued) },
    inconsistency: prf(t.inconsistency.tp, t.inconsistency.pred, t.inconsistency.gold),
  };
}

/** Scores each report against its prediction (`{}` where there is none) and sums up. */
export function scoreCorpus(
  items: readonly { gold: GoldReport; pred: Annotation }[],
  failures: string[] = [],
): { result: EvalResult; misses: string[] } {
  const misses: string[] = [];
  const total = emptyScore();
  for (const { gold, pred } of items) addScore(total, scoreDocument(gold, pred, misses));
  return { result: summarize(total, items.length, failures), misses };
}

// ---------------------------------------------------------------------------------------------
// The printed table

const percent = (x: number | null): string => (x == null ? '  n/a' : (100 * x).toFixed(1).padStart(5));

function prfRow(name: string, m: Prf, extra = ''): string {
  return `${name.padEnd(22)} P ${percent(m.p)}  R ${percent(m.r)}  F1 ${percent(m.f1)}  (gold ${m.gold}, pred ${m.pred})${extra}`;
}

/** The table score.mjs prints, line for line, ending in a newline; `verbose` adds every miss. */
export function formatTable(result: EvalResult, misses: readonly string[], verbose = false): string {
  const { actors, attributions, transfers, times } = result;
  const lines = [
    `documents: ${result.documents}${result.failures.length ? `, failed: ${result.failures.length}` : ''}`,
    ...result.failures.map((x) => `  failed ${x}`),
    `${'actors (referenced)'.padEnd(22)} found ${percent(actors.recall)} of ${actors.wanted}  persons' affiliation ${percent(actors.affiliationAccuracy)}`,
    prfRow('attributions (span)', attributions.span, `  speaker acc ${percent(attributions.speakerAccuracy)}`),
    prfRow('attributions (joint)', attributions.joint),
    prfRow('transfers (key)', transfers.key, `  qty acc ${percent(transfers.quantityAccuracy)}  status acc ${percent(transfers.statusAccuracy)}`),
    prfRow('transfers (joint)', transfers.joint),
    prfRow('events', result.events),
    prfRow('times (span)', times.span, `  value acc ${percent(times.valueAccuracy)}`),
    prfRow('inconsistent docs', result.inconsistency),
    ...(verbose ? misses.map((m) => `  ${m}`) : []),
  ];
  return lines.join('\n') + '\n';
}
