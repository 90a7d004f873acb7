// Fusion across reports: every report's transfers become estimates; estimates of the same flow
// (same supplier and recipient as states, same category, compatible item and period) become one
// ledger entry with its sources, conflicts and denials. Reads StoredReport[] only, never a store.
import type { ExtractionTransfer } from '../core/output/extraction.js';
import type { StoredReport } from '../core/output/stored-report.js';
import { ActorIndex } from './actors.js';
import { findConflicts } from './conflicts.js';
import { bareItem } from './format.js';
import { nameKey } from './names.js';
import { earliest, latest, periodsOverlap } from './periods.js';
import { sentenceAround } from './sentences.js';
import { SourceResolver } from './sources.js';
import type { Citation, Denial, Estimate, Ledger, LedgerEntry, LedgerEvent, LedgerInconsistency, LedgerSource, LedgerVocabulary } from './types.js';

export interface FuseOptions {
  vocabulary: LedgerVocabulary;
}

/** Reports in publication order (undated last), ties by id: the order estimates are listed in. */
export const byPublication = <T extends { published: string | null; report?: string; id?: string }>(a: T, b: T): number => {
  const pa = a.published ?? '\uffff', pb = b.published ?? '\uffff';
  if (pa !== pb) return pa < pb ? -1 : 1;
  const ia = a.report ?? a.id ?? '', ib = b.report ?? b.id ?? '';
  return ia < ib ? -1 : ia > ib ? 1 : 0;
};

interface Flow {
  from: string;
  to: string;
  fromActor: string | null;
  toActor: string | null;
  estimate: Estimate;
  words: Set<string>;
}

export function fuseLedger(reports: StoredReport[], options: FuseOptions): Ledger {
  return fuseWithActors(reports, options).ledger;
}

/** The ledger and the actor merge it rests on, for readers that map report actor ids to merged actors. */
export function fuseWithActors(reports: StoredReport[], options: FuseOptions): { ledger: Ledger; actorIndex: ActorIndex } {
  const sorted = [...reports].sort(byPublication);
  const actors = new ActorIndex(sorted);
  const sources = new SourceResolver(sorted, actors, options.vocabulary);
  const itemWords = itemWordsOf(options.vocabulary);

  const groups = new Map<string, Flow[]>();
  for (const r of sorted) {
    const cite = (s: { start: number; end: number }): Citation => ({ report: r.id, start: s.start, end: s.end, quote: sentenceAround(r.text, s.start, s.end) });
    for (const t of r.extraction.transfers) {
      const from = endOf(actors, r.id, t.from), to = endOf(actors, r.id, t.to);
      if (!from || !to || from.state === to.state) continue;
      const src = sources.resolve(r, t);
      const estimate: Estimate = {
        report: r.id, published: r.published, publishedEstimated: r.publishedEstimated, outlet: r.outlet, source: src.name, sourceKey: src.key, originalSource: src.original, sourceActor: src.actor,
        item: t.item, quantity: t.quantity, since: t.since, until: t.until, status: t.status, spans: t.spans.map(cite),
      };
      const key = `${from.state}>${to.state}:${t.category}`;
      const list = groups.get(key) ?? [];
      const flow: Flow = { from: from.state, to: to.state, fromActor: from.actor, toActor: to.actor, estimate, words: itemWords(t) };
      if (!mergeRepeat(list, flow)) list.push(flow);
      groups.set(key, list);
    }
  }

  const entries: LedgerEntry[] = [];
  for (const [key, flows] of groups) {
    const category = key.slice(key.indexOf(':') + 1);
    const clusters = clusterFlows(flows);
    clusters.forEach((c, i) => entries.push(entryOf(`${key}${clusters.length > 1 ? `#${i + 1}` : ''}`, category, c)));
  }
  entries.sort((a, b) => b.estimates.length - a.estimates.length || (a.id < b.id ? -1 : 1));

  const ledger: Ledger = {
    reports: sorted.map((r) => ({ id: r.id, title: r.title, outlet: r.outlet, published: r.published, publishedEstimated: r.publishedEstimated, path: r.path })),
    actors: actors.actors,
    entries,
    events: fuseEvents(sorted, actors),
    inconsistencies: sorted.flatMap((r): LedgerInconsistency[] => r.extraction.inconsistencies.map((i) => ({
      report: r.id, reason: i.reason, spans: i.spans.map((s) => ({ report: r.id, start: s.start, end: s.end, quote: sentenceAround(r.text, s.start, s.end) })),
    }))),
  };
  return { ledger, actorIndex: actors };
}

/**
 * A flow end as a state: a body or person stands for the state it belongs to, and is kept beside
 * it. An end no report places in a state (an international body, an unplaced group) gives no
 * ledger entry: the ledger is of flows between states.
 */
function endOf(actors: ActorIndex, reportId: string, localId: string): { state: string; actor: string | null } | null {
  const a = actors.get(reportId, localId);
  if (!a) return null;
  if (a.type === 'country') return { state: a.id, actor: null };
  return a.country ? { state: a.country, actor: a.id } : null;
}

/** The same report stating the same flow, source (as named) and stance twice adds spans, not an estimate. */
function mergeRepeat(list: Flow[], flow: Flow): boolean {
  const e = flow.estimate;
  const same = list.find((f) => f.estimate.report === e.report && f.estimate.sourceKey === e.sourceKey && f.estimate.source === e.source && f.estimate.status === e.status
    && (!f.estimate.quantity || !e.quantity || f.estimate.quantity.text === e.quantity.text) && sameThing(f, flow));
  if (!same) return false;
  for (const s of e.spans) if (!same.estimate.spans.some((x) => x.start === s.start)) same.estimate.spans.push(s);
  same.estimate.quantity ??= e.quantity;
  return true;
}

/** Content words of an item, singular, synonyms as their group's first word: what it is, not how much or which. An empty set is a generic item. */
function itemWordsOf(v: LedgerVocabulary): (t: ExtractionTransfer) => Set<string> {
  const skip = new Set([...v.genericItems, ...v.itemStopwords].map((w) => w.toLowerCase()));
  const canonical = new Map(v.itemSynonyms.flatMap((group) => group.map((w) => [w, group[0]] as const)));
  return (t) => {
    const words = new Set<string>();
    for (const w of nameKey(t.item).split(' ')) {
      if (!w || skip.has(w) || /^\d+$/.test(w)) continue;
      const singular = w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;
      words.add(canonical.get(singular) ?? singular);
    }
    return words;
  };
}

/**
 * Two transfers of one supplier, recipient and category describe the same flow when their items
 * name the same thing (a shared word: tranches of one flow in different months stay one entry),
 * or when one item is generic ("weapons") and their periods overlap.
 */
const sameThing = (a: Flow, b: Flow): boolean => {
  if (a.words.size && b.words.size) return [...a.words].some((w) => b.words.has(w));
  return periodsOverlap(a.estimate, b.estimate);
};

/** Flows of one key grouped into the flows they describe (see sameThing). */
function clusterFlows(flows: Flow[]): Flow[][] {
  const parent = flows.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < flows.length; i++) {
    for (let j = i + 1; j < flows.length; j++) {
      if (find(i) === find(j)) continue;
      if (sameThing(flows[i], flows[j])) parent[find(j)] = find(i);
    }
  }
  const out = new Map<number, Flow[]>();
  flows.forEach((f, i) => {
    const root = find(i);
    if (!out.has(root)) out.set(root, []);
    out.get(root)!.push(f);
  });
  return [...out.values()];
}

function entryOf(id: string, category: string, flows: Flow[]): LedgerEntry {
  const estimates = flows.map((f) => f.estimate).sort(byPublication);
  const backing = estimates.filter((e) => e.status !== 'denied');
  const sources = new Map<string, LedgerSource>();
  for (const e of backing) {
    const s = sources.get(e.sourceKey) ?? { key: e.sourceKey, name: e.originalSource, names: [], reports: [] };
    if (!s.reports.includes(e.report)) s.reports.push(e.report);
    if (!s.names.includes(e.source)) s.names.push(e.source);
    sources.set(e.sourceKey, s);
  }
  const denials: Denial[] = estimates.filter((e) => e.status === 'denied')
    .map((e) => ({ by: e.source, byKey: e.sourceKey, report: e.report, published: e.published, item: e.item, spans: e.spans }));
  const dated = estimates.map((e) => e.published).filter((p): p is string => !!p);
  return {
    id,
    from: flows[0].from,
    to: flows[0].to,
    category,
    item: commonItem(backing.length ? backing : estimates),
    items: [...new Set(estimates.map((e) => e.item))],
    fromActors: [...new Set(flows.map((f) => f.fromActor).filter((x): x is string => !!x))],
    toActors: [...new Set(flows.map((f) => f.toActor).filter((x): x is string => !!x))],
    since: earliest(estimates.map((e) => e.since)),
    until: estimates.some((e) => e.since && !e.until) ? null : latest(estimates.map((e) => e.until)),
    estimates,
    independentSources: sources.size,
    sources: [...sources.values()],
    conflicts: findConflicts(estimates),
    denials,
    firstReported: dated[0] ?? null,
    lastReported: dated[dated.length - 1] ?? null,
  };
}

/** The item most estimates name, without its amount ("significant number of artillery shells" → "artillery shells"). */
function commonItem(estimates: Estimate[]): string {
  const counts = new Map<string, { n: number; item: string }>();
  for (const e of estimates) {
    const item = bareItem(e.item, e.quantity);
    const k = nameKey(item);
    const c = counts.get(k) ?? { n: 0, item };
    c.n++;
    counts.set(k, c);
  }
  let best = { n: 0, item: estimates[0]?.item ?? '' };
  for (const c of counts.values()) if (c.n > best.n) best = c;
  return best.item;
}

/** Events of every report; the same type on the same date with a shared actor is one event cited by each report. */
function fuseEvents(reports: StoredReport[], actors: ActorIndex): LedgerEvent[] {
  const events: LedgerEvent[] = [];
  const byDay = new Map<string, LedgerEvent[]>();
  for (const r of reports) {
    for (const e of r.extraction.events) {
      const ids = [...new Set(e.actors.map((a) => actors.get(r.id, a)?.id ?? a))];
      const citations = e.spans.map((s) => ({ report: r.id, start: s.start, end: s.end, quote: sentenceAround(r.text, s.start, s.end) }));
      const slot = e.date ? byDay.get(`${e.type}|${e.date}`) ?? [] : [];
      const same = slot.find((x) => x.actors.some((a) => ids.includes(a)));
      if (same) {
        for (const a of ids) if (!same.actors.includes(a)) same.actors.push(a);
        same.citations.push(...citations);
        same.place ??= e.place;
      } else {
        const event = { type: e.type, date: e.date, place: e.place, actors: ids, citations };
        events.push(event);
        if (e.date) byDay.set(`${e.type}|${e.date}`, [...slot, event]);
      }
    }
  }
  return events.sort((a, b) => ((a.date ?? '\uffff') < (b.date ?? '\uffff') ? -1 : (a.date ?? '\uffff') > (b.date ?? '\uffff') ? 1 : 0));
}
